// The finder on a phone: enhances pages that already work without JavaScript.

import { enhanceCards } from "./cards.js";
import { markElsewhere } from "./elsewhere.js";
import { enhanceFilters } from "./filters.js";
import { enhanceList } from "./list.js";
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
  enhanceList();
  enhanceFilters();
  enhancePostcode();
  enhanceSearch();
  enhanceOffline();
  keepScroll();
  markElsewhere().catch(() => {});
}

// The script is async: it may arrive before the page is read to its end; it starts once it is (not after the
// theme's script, as DOMContentLoaded would).
if (document.readyState === "loading") document.addEventListener("readystatechange", start, { once: true });
else start();
