// Filters on lists of cards: theme, zonder afspraak, language, gratis, vandaag, deze week.

import { holidays } from "./common.js";
import { daysLeftInWeek, onWithin } from "./when.js";
import { entryOf } from "./cards.js";
import { fillForm, formParams, setParams } from "./state.js";

export const FILTER_NAMES = ["thema", "taal", "wanneer", "zonder_afspraak", "gratis"];
const WIDER = {
  thema: "kies „alle thema's”",
  taal: "kies „alle talen”",
  wanneer: "kies „altijd”",
  zonder_afspraak: "zet „zonder afspraak” uit",
  gratis: "zet „gratis” uit",
};

function matches(entry, chosen, days) {
  if (chosen.thema && !entry.themes.includes(chosen.thema)) return false;
  if (chosen.taal && !entry.languages.includes(chosen.taal)) return false;
  if (chosen.zonder_afspraak && !entry.walk_in) return false;
  if (chosen.gratis && !entry.free) return false;
  if (chosen.wanneer === "vandaag" && !onWithin(entry.time, days, 0)) return false;
  if (chosen.wanneer === "week" && !onWithin(entry.time, days, daysLeftInWeek())) return false;
  return true;
}

/** With nothing to see: which one filter to widen, and how many that would show (or: clear them all). */
function widen(cards, chosen, days) {
  const tips = [];
  for (const name of Object.keys(chosen).filter((key) => chosen[key])) {
    const wider = { ...chosen, [name]: "" };
    const count = cards.filter((card) => matches(entryOf(card), wider, days)).length;
    if (count) tips.push(`${WIDER[name] || name} (${count} te zien)`);
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
