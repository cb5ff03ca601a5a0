// Filters on lists of cards: theme, zonder afspraak, language, gratis, vandaag, deze week.

import { holidays } from "./common.js";
import { daysLeftInWeek, onWithin } from "./when.js";
import { entryOf } from "./cards.js";

function matches(entry, form, days) {
  const data = new FormData(form);
  if (data.get("thema") && !entry.themes.includes(data.get("thema"))) return false;
  if (data.get("taal") && !entry.languages.includes(data.get("taal"))) return false;
  if (data.get("zonder_afspraak") && !entry.walk_in) return false;
  if (data.get("gratis") && !entry.free) return false;
  const when = data.get("wanneer");
  if (when === "vandaag" && !onWithin(entry.time, days, 0)) return false;
  if (when === "week" && !onWithin(entry.time, days, daysLeftInWeek())) return false;
  return true;
}

export function applyFilters(form) {
  const scope = form.closest("[data-wk-filter-scope]") || document;
  const days = holidays();
  const cards = [...scope.querySelectorAll("[data-wk-entry]")];
  let shown = 0;
  for (const card of cards) {
    const ok = matches(entryOf(card), form, days);
    card.hidden = !ok;
    shown += ok ? 1 : 0;
  }
  for (const section of scope.querySelectorAll("[data-wk-group]")) {
    section.hidden = !section.querySelector("[data-wk-entry]:not([hidden])");
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
