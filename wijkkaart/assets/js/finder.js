// The finder on a phone: enhances pages that already work without JavaScript.

import { enhanceCards } from "./cards.js";
import { markElsewhere } from "./elsewhere.js";
import { enhanceFilters } from "./filters.js";
import { enhanceMaps } from "./maps.js";
import { enhanceOffline } from "./offline.js";
import { enhancePostcode } from "./postcode.js";
import { enhanceSearch } from "./search.js";
import { keepScroll } from "./state.js";

function enhancePrint() {
  for (const button of document.querySelectorAll("[data-wk-print]")) {
    button.addEventListener("click", () => window.print());
  }
}

function start() {
  enhanceMaps();
  enhancePrint();
  enhanceCards();
  enhanceFilters();
  enhancePostcode();
  enhanceSearch();
  enhanceOffline();
  keepScroll();
  markElsewhere().catch(() => {});
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
