// Filters on lists of cards (theme, language, when, zonder afspraak, gratis: as render/facts.py declares them).

import { holidays, siteData } from "./common.js";
import { daysLeftInWeek, onWithin } from "./when.js";
import { entryOf } from "./cards.js";
import { fillForm, formParams, setParams } from "./state.js";

// The filters (name, label, the card data each tests) come from the page: render/facts.py.
const FILTERS = siteData().filters;
export const FILTER_NAMES = FILTERS.map((filter) => filter.name);
const WITHIN = { vandaag: () => 0, week: daysLeftInWeek };  // the "when" filter's values: days from today

function passes(filter, entry, value, days) {
  if (filter.test === "yes") return Boolean(entry[filter.fact]);
  if (filter.test === "has") return (entry[filter.fact] || []).includes(value);
  return !WITHIN[value] || onWithin(entry[filter.fact], days, WITHIN[value]());
}

function matches(entry, chosen, days) {
  return FILTERS.every((filter) => !chosen[filter.name] || passes(filter, entry, chosen[filter.name], days));
}

/** How to widen one filter, in the form's own words. */
function widening(name) {
  const filter = FILTERS.find((f) => f.name === name);
  if (!filter) return name;
  return filter.everything ? `kies „${filter.everything}”` : `zet „${filter.label}” uit`;
}

/** With nothing to see: which one filter to widen, and how many that would show (or: clear them all). */
function widen(cards, chosen, days) {
  const tips = [];
  for (const name of Object.keys(chosen).filter((key) => chosen[key])) {
    const wider = { ...chosen, [name]: "" };
    const count = cards.filter((card) => matches(entryOf(card), wider, days)).length;
    if (count) tips.push(`${widening(name)} (${count} te zien)`);
  }
  const tip = tips.length ? tips.join(" of ") : `wis de filters (${cards.length} te zien)`;
  return `Niets te zien met deze filters. Probeer: ${tip}.`;
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
    const visible = section.querySelectorAll("[data-wk-entry]:not([hidden])").length;
    if (section.hidden !== !visible) section.hidden = !visible;
    for (const number of scope.querySelectorAll(`[data-wk-group-count="${section.dataset.wkGroup}"]`)) {
      if (number.textContent !== String(visible)) number.textContent = String(visible);
      const item = number.closest("li");
      if (item && item.hidden !== !visible) item.hidden = !visible;
    }
  }
  const count = form.querySelector("[data-wk-count]");
  if (count) count.textContent = !cards.length ? "Hier is niets om te filteren."
    : shown ? `${shown} van ${cards.length} te zien` : widen(cards, chosen, days);
}

export function enhanceFilters(root = document) {
  for (const form of root.querySelectorAll("form[data-wk-filters]")) {
    if (form.dataset.wkReady) continue;
    form.dataset.wkReady = "1";
    form.addEventListener("change", () => {
      applyFilters(form);
      setParams(formParams(form, FILTER_NAMES));
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("reset", () => setTimeout(() => {
      applyFilters(form);
      setParams(formParams(form, FILTER_NAMES));
    }));
    fillForm(form, FILTER_NAMES);
    applyFilters(form);
  }
}
