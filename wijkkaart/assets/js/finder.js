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

// The script's element comes after all it enhances (at the end of <body>, after the theme's settings), and a
// module runs only once its element is read: it starts at once, while the browser may still be waiting for
// the theme's stylesheet before it reads the page's last lines (not after the theme's script either).
start();
