// The layout check of tests/browser/layout.py, run in the page with the slack (px) it allows.
(slack) => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const clips = (el) => ["hidden", "clip"].includes(getComputedStyle(el).overflowX)
    || ["hidden", "clip"].includes(getComputedStyle(el).overflowY);
  const hidden = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === "none" || style.visibility === "hidden") return true;
      if (style.clip !== "auto" || style.clipPath !== "none") return true;  // visually hidden
    }
    return false;
  };
  const name = (el) => {
    const id = el.id ? "#" + el.id : "";
    const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "";
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `${el.tagName.toLowerCase()}${id}${cls} "${text}"`;
  };
  if (document.documentElement.scrollWidth > width + slack) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px wide at ${width}px`);
  }
  const off = new Set();  // elements off the screen: their descendants are not reported again
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("svg") || hidden(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const region = el.parentElement && el.parentElement.closest(".app-table-scroll");
    if (!region && (box.left < -slack || box.right > width + slack)) {
      if (!off.has(el.parentElement)) {
        problems.push(`${name(el)} runs ${Math.round(Math.max(-box.left, box.right - width))}px off the screen`);
      }
      off.add(el);
    }
    if (scrolls(el) && !el.classList.contains("app-table-scroll") && el.scrollWidth > el.clientWidth + slack
        && !["TEXTAREA", "SELECT"].includes(el.tagName)) {
      problems.push(`${name(el)} scrolls sideways but is not a labelled scrolling region`);
    }
    if (el.classList.contains("app-table-scroll")) {
      const labelled = el.getAttribute("role") === "region" && el.tabIndex === 0
        && (el.getAttribute("aria-label") || el.getAttribute("aria-labelledby"));
      if (!labelled) problems.push(`${name(el)} is not a focusable labelled region`);
    }
    // text outside its own box, or cut off by an ancestor that clips
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const line of range.getClientRects()) {
        if (line.width === 0) continue;
        if (line.left < box.left - slack || line.right > box.right + slack) {
          problems.push(`text of ${name(el)} runs outside its box`);
          break;
        }
        let clipped = null;
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          if (!clips(a) || scrolls(a)) continue;
          const outer = a.getBoundingClientRect();
          if (line.left < outer.left - slack || line.right > outer.right + slack
              || line.top < outer.top - slack || line.bottom > outer.bottom + slack) {
            clipped = a;
            break;
          }
        }
        if (clipped) {
          problems.push(`text of ${name(el)} is cut off by ${name(clipped)}`);
          break;
        }
      }
    }
  }
  // a drawn chart's labels never print over each other
  for (const chart of document.querySelectorAll(".app-chart__plot--drawn")) {
    const labels = [...chart.querySelectorAll("svg text")]
      .filter((t) => t.textContent.trim() && getComputedStyle(t).display !== "none" && t.getAttribute("opacity") !== "0")
      .map((t) => [t, t.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0 && r.height > 0);
    const chartBox = chart.getBoundingClientRect();
    for (let i = 0; i < labels.length; i++) {
      const [a, r] = labels[i];
      if (r.left < chartBox.left - slack || r.right > chartBox.right + slack) {
        problems.push(`chart ${chart.id}: label "${a.textContent}" runs outside the chart`);
      }
      for (let j = i + 1; j < labels.length; j++) {
        const [b, s] = labels[j];
        const overlap = Math.min(r.right, s.right) - Math.max(r.left, s.left) > 2
          && Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top) > 2;
        if (overlap && !a.contains(b) && !b.contains(a)) {
          problems.push(`chart ${chart.id}: "${a.textContent}" prints over "${b.textContent}"`);
        }
      }
    }
  }
  return [...new Set(problems)];
}
