// Filters on lists of cards: theme, zonder afspraak, language, gratis, vandaag, deze week.

import { holidays } from "./common.js";
import { daysLeftInWeek, onWithin } from "./when.js";
import { entryOf } from "./cards.js";

function matches(entry, chosen, days) {
  if (chosen.thema && !entry.themes.includes(chosen.thema)) return false;
  if (chosen.taal && !entry.languages.includes(chosen.taal)) return false;
  if (chosen.zonder_afspraak && !entry.walk_in) return false;
  if (chosen.gratis && !entry.free) return false;
  if (chosen.wanneer === "vandaag" && !onWithin(entry.time, days, 0)) return false;
  if (chosen.wanneer === "week" && !onWithin(entry.time, days, daysLeftInWeek())) return false;
  return true;
}

export function applyFilters(form) {
  const scope = form.closest("[data-wk-filter-scope]") || document;
  const days = holidays();
  const chosen = Object.fromEntries(new FormData(form));
  const all = !Object.values(chosen).some(Boolean);
  const cards = [...scope.querySelectorAll("[data-wk-entry]")];
  let shown = 0;
  // Only what changes is touched: on a page with a hundred cards, setting each one costs a slow phone a
  // restyle of them all, also when the filters are as they were (when the page opens).
  for (const card of cards) {
    const ok = all || matches(entryOf(card), chosen, days);
    if (card.hidden === ok) card.hidden = !ok;
    shown += ok ? 1 : 0;
  }
  for (const section of scope.querySelectorAll("[data-wk-group]")) {
    const empty = !section.querySelector("[data-wk-entry]:not([hidden])");
    if (section.hidden !== empty) section.hidden = empty;
  }
  const count = form.querySelector("[data-wk-count]");
  if (count) count.textContent = `${shown} van ${cards.length} te zien`;
}

export function enhanceFilters(root = document) {
  for (const form of root.querySelectorAll("form[data-wk-filters]")) {
    if (form.dataset.wkReady) continue;
    form.dataset.wkReady = "1";
    form.addEventListener("change", () => applyFilters(form));
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("reset", () => setTimeout(() => applyFilters(form)));
    applyFilters(form);
  }
}
