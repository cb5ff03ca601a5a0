// The finder on a phone: enhances pages that already work without JavaScript.

import { enhanceCards } from "./cards.js";
import { enhanceFilters } from "./filters.js";
import { enhancePostcode } from "./postcode.js";
import { enhanceSearch } from "./search.js";

function start() {
  enhanceCards();
  enhanceFilters();
  enhancePostcode();
  enhanceSearch();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
