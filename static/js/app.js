// Progressive enhancement only: every page works without this script.
// Relative, so that collectstatic rewrites it to the hashed name (ascweb/storage.py).
import { initAll } from "../govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
