// Draws every chart on the page from its figure JSON (json_script; no inline script).
// The numbers are also in a table beside each chart, so the page works without this.
//
// plotly.js (the partial "basic" bundle: bar and scatter are the only traces the app draws) is
// about a megabyte of script, so it is not loaded with the page: the first time a chart comes
// near the screen this script adds it (its hashed URL is this script's data-plotly) and draws
// the charts that are in view; the others are drawn as they are scrolled to.
(function () {
  "use strict";

  var NARROW = 600; // px: below this the labels are laid out again for a phone
  var WRAP = 16; // characters on one line of a category label on a narrow chart
  var script = document.currentScript;
  var loading = null;

  // Breaks a long label onto lines of at most WRAP characters, at spaces.
  function wrap(label, size) {
    size = size || WRAP;
    if (typeof label !== "string" || label.length <= size) {
      return label;
    }
    var lines = [""];
    label.split(" ").forEach(function (word) {
      var line = lines[lines.length - 1];
      if (line && (line + " " + word).length > size) {
        lines.push(word);
      } else {
        lines[lines.length - 1] = line ? line + " " + word : word;
      }
    });
    return lines.join("<br>");
  }

  // On a phone there is no room for value labels beside the bars: they would print over the
  // area names. Horizontal bars carry their figure inside the bar (plotly shrinks it to fit,
  // or leaves it out when it would be too small), the area names wrap, and legends go under the plot in a smaller font.
  // The same figures, with their signs in words, are in the table under each chart.
  function narrow(figure, width) {
    var layout = figure.layout;
    layout.font = Object.assign({}, layout.font, { size: 11 });
    figure.data.forEach(function (trace) {
      if (trace.type === "bar" && trace.orientation === "h") {
        trace.y = (trace.y || []).map(function (label) {
          return wrap(label);
        });
        if (trace.text) {
          trace.text = (trace.meta && trace.meta.short_text) || trace.text;
          trace.textposition = "inside";
          trace.insidetextanchor = "middle";
          trace.textangle = 0;
        }
      } else if (trace.type === "bar" && trace.text) {
        trace.textposition = "inside";
      }
    });
    // a figure too small to read inside its bar is left out (the table beneath has it)
    layout.uniformtext = { mode: "hide", minsize: 10 };
    layout.margin = Object.assign({}, layout.margin, { l: 4, r: 12 });
    if (layout.title && layout.title.text) {
      var title = wrap(layout.title.text.replace(/<br>/g, " "), Math.floor(width / 10));
      layout.title = Object.assign({}, layout.title, { text: title });
      layout.margin.t = Math.max(layout.margin.t || 0, 20 + 18 * title.split("<br>").length);
    }
    if (layout.legend) {
      layout.legend = Object.assign({}, layout.legend, { font: { size: 11 }, orientation: "h", x: 0 });
      // a legend of many lines wraps: give the plot itself the height it had on a desk
      if (figure.data.length > 2) {
        layout.height = (layout.height || 400) + 24 * Math.ceil(figure.data.length / 2);
      }
    }
    if (width < 360 && layout.xaxis) {
      layout.xaxis = Object.assign({}, layout.xaxis, { nticks: 5 });
    }
  }

  function draw(container) {
    var source = document.getElementById(container.dataset.chart);
    if (!source || !window.Plotly || container.classList.contains("app-chart__plot--drawn")) {
      return;
    }
    var figure = JSON.parse(source.textContent);
    var width = container.clientWidth;
    if (width < NARROW) {
      narrow(figure, width);
    }
    var config = { displayModeBar: false, responsive: true, displaylogo: false };
    container.classList.add("app-chart__plot--drawn");
    window.Plotly.newPlot(container, figure.data, figure.layout, config).then(function () {
      // on a phone the figures sit inside the bars: nothing to clear
      return width < NARROW ? null : clearBarLabels(container, 4);
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

  function rects(container, selector) {
    return Array.prototype.map.call(container.querySelectorAll(selector), function (element) {
      return element.getBoundingClientRect();
    });
  }

  // A label outside a horizontal bar must not print over the area names (a long underspend
  // reaches back to them) nor run off the chart's right edge: widen the axis until it fits.
  // Widening moves the bars, so look again (a few times at most).
  function clearBarLabels(container, tries) {
    var axis = container._fullLayout && container._fullLayout.xaxis;
    var labels = rects(container, ".barlayer .bartext");
    var names = rects(container, ".ytick text");
    var chart = container.querySelector(".main-svg");
    if (!tries || !axis || !labels.length || !names.length || !chart) {
      return null;
    }
    var namesEnd = Math.max.apply(null, names.map(function (r) { return r.right; }));
    var chartEnd = chart.getBoundingClientRect().right;
    var left = Math.max.apply(null, labels.map(function (r) { return namesEnd + 6 - r.left; }));
    var right = Math.max.apply(null, labels.map(function (r) { return r.right - (chartEnd - 6); }));
    if (left <= 0 && right <= 0) {
      return null;
    }
    var range = axis.range.slice();
    var perPixel = (range[1] - range[0]) / axis._length;
    range[0] -= Math.max(0, left) * perPixel * 1.2;
    range[1] += Math.max(0, right) * perPixel * 1.2;
    return window.Plotly.relayout(container, { "xaxis.range": range }).then(function () {
      return clearBarLabels(container, tries - 1);
    });
  }

  function plotly() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        if (window.Plotly) {
          resolve();
          return;
        }
        var tag = document.createElement("script");
        tag.src = script.dataset.plotly;
        tag.async = true;
        tag.onload = resolve;
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  // One chart per task, so that the page answers between charts.
  var waiting = [];
  function queue(container) {
    waiting.push(container);
    if (waiting.length === 1) {
      setTimeout(next, 0);
    }
  }
  function next() {
    draw(waiting[0]);
    waiting.shift();
    if (waiting.length) {
      setTimeout(next, 0);
    }
  }

  function drawWhenSeen(containers) {
    if (!("IntersectionObserver" in window)) {
      plotly().then(function () {
        containers.forEach(draw);
      });
      return;
    }
    var observer = new IntersectionObserver(
      function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            plotly().then(function () {
              queue(entry.target);
            });
          }
        });
      },
      { rootMargin: "200px 0px" }
    );
    containers.forEach(function (container) {
      observer.observe(container);
    });
  }

  function start() {
    var containers = Array.prototype.slice.call(document.querySelectorAll("[data-chart]"));
    if (containers.length) {
      drawWhenSeen(containers);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
