// Progressive enhancement only: every page works without this script.
// Relative, so that collectstatic rewrites it to the hashed name (ascweb/storage.py).
import { initAll } from "../govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// A table wider than its scrolling region says so in words above it, while it is (the shadow
// at its edge is the other cue); the region's own label says it scrolls, for screen readers.
function markScrolling(region) {
  let cue = region.previousElementSibling;
  if (!cue || !cue.classList.contains("app-scroll-cue")) {
    cue = document.createElement("p");
    cue.className = "app-scroll-cue";
    cue.setAttribute("aria-hidden", "true");
    cue.textContent = "Scroll sideways for more columns \u2192";
    region.before(cue);
  }
  cue.hidden = region.scrollWidth <= region.clientWidth + 1;
}

const regions = document.querySelectorAll(".app-table-scroll");
if (regions.length && "ResizeObserver" in window) {
  const observer = new ResizeObserver((entries) => entries.forEach((entry) => markScrolling(entry.target)));
  regions.forEach((region) => observer.observe(region));
}
