// Progressive enhancement only: every page works before (and without) this script.
import { initAll } from "../build/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
