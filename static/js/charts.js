// Draws every chart on the page from its figure JSON (json_script; no inline script).
// The numbers are also in a table beside each chart, so the page works without this.
(function () {
  "use strict";

  var NARROW = 600; // px: below this, bars carry no value labels

  // On a phone there is no room for labels beside the bars: they would print over the area
  // names. The same figures, with their signs in words, are in the table under each chart.
  function narrow(figure) {
    figure.layout.font = Object.assign({}, figure.layout.font, { size: 12 });
    figure.data.forEach(function (trace) {
      if (trace.type === "bar" && trace.text) {
        trace.textposition = "none";
      }
    });
  }

  function draw(container) {
    var source = document.getElementById(container.dataset.chart);
    if (!source || !window.Plotly) {
      return;
    }
    var figure = JSON.parse(source.textContent);
    if (container.clientWidth < NARROW) {
      narrow(figure);
    }
    var config = { displayModeBar: false, responsive: true, displaylogo: false };
    window.Plotly.newPlot(container, figure.data, figure.layout, config).then(function () {
      container.classList.add("app-chart__plot--drawn");
    });
    // A bar that stands for an area opens the area's page (the table holds the same links
    // for the keyboard).
    container.on("plotly_click", function (event) {
      var point = event.points && event.points[0];
      if (point && point.customdata) {
        window.location.assign(point.customdata);
      }
    });
  }

  function drawAll() {
    document.querySelectorAll("[data-chart]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
