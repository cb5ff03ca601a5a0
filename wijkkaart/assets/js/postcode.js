// Postcode lookup in the browser alone: "2533 AB", "2533ab" or "2533" → the wijk(en) and what serves it.

import { countResults, el, siteUrl } from "./common.js";
import { cardFrom, enhanceCards } from "./cards.js";
import { FILTER_NAMES, applyFilters } from "./filters.js";
import { noConnection } from "./offline.js";
import { parsePostcode, servedAt } from "./served.js";
import { fillForm, params, restoreScroll, restoringByScript, setParams } from "./state.js";


function render(results, entries, index) {
  const groups = Object.entries(index.themes).map(([id, name]) => [id, name, entries.filter((e) => e.theme === id)]);
  results.replaceChildren(...groups.filter(([, , list]) => list.length).map(([id, name, list]) =>
    el("section", { "data-wk-group": id }, el("h3", {}, `${name} (`, el("span", { "data-wk-group-count": id }, String(list.length)), ")"),
      list.map((entry) => cardFrom(entry.html)))));
  enhanceCards(results);
}

function answer(pc4, status, index, gemeente, wijkIds, entries) {
  const count = countResults(entries.length);
  if (status === "buiten") {
    const also = entries.length ? ` Wel voor de hele regio of voor deze postcode: ${count}.` : " Deze sociale kaart heeft daar geen aanbod.";
    return el("span", {}, `Postcode ${pc4} ligt buiten ${index.regio}.${also}`);
  }
  const inGemeente = index.eigen > 1 ? ` (gemeente ${gemeente})` : "";
  if (status === "gemeente") {
    return el("span", {}, `Postcode ${pc4} valt in ${gemeente}, maar niet in een wijk op deze kaart. Hieronder staat wat voor de hele gemeente is.`);
  }
  const wijken = wijkIds.map((w) => index.wijken[w]);
  return el("span", {}, `Postcode ${pc4} hoort bij `, ...wijken.flatMap((w, i) =>
    [i ? " en " : "", el("a", { href: siteUrl(w.url) }, w.name)]), `${inGemeente}. ${count}.`);
}

const KEPT = "wk-postcode";

/** The postcode in use: the address's, else the last one looked up in this tab. */
export function postcodeInUse() {
  const own = parsePostcode(params().get("postcode"));
  if (own) return own;
  try {
    return parsePostcode(sessionStorage.getItem(KEPT));
  } catch {
    return null;
  }
}

function keepPostcode(pc4) {
  try {
    sessionStorage.setItem(KEPT, pc4);
  } catch {
    // a browser that keeps nothing: the address still holds it
  }
}

/** "2533 ab" → "2533AB" for the address. */
function written(text) {
  return text.replace(/\s+/g, "").toUpperCase();
}

async function lookup(form, fromAddress) {
  const message = form.querySelector("[data-wk-message]");
  const results = form.parentElement.querySelector("[data-wk-results]");
  const filters = form.parentElement.querySelector("form[data-wk-filters]");
  results.replaceChildren();
  const pc4 = parsePostcode(form.elements.postcode.value);
  if (!pc4) {
    message.textContent = `Dit is geen postcode. Typ vier cijfers en eventueel twee letters, bijvoorbeeld ${form.elements.postcode.placeholder}.`;
    return;
  }
  const { index, status, where, wijkIds, entries } = await servedAt(pc4);
  message.replaceChildren(answer(pc4, status, index, where === null ? null : index.gemeenten[where], wijkIds, entries));
  render(results, entries, index);
  keepPostcode(pc4);
  if (filters) {
    filters.hidden = !entries.length;  // nothing to filter: no filters
    if (fromAddress) fillForm(filters, FILTER_NAMES);
    applyFilters(filters);
  }
  if (!fromAddress) {
    setParams({ postcode: written(form.elements.postcode.value) });
    restoringByScript();  // this entry's results come back by script, after Back too
  }
  if (!fromAddress || !restoreScroll()) message.scrollIntoView({ block: "start" });
}

function failed(form, error) {
  form.querySelector("[data-wk-message]").textContent = noConnection("postcode", error)
    || "Zoeken lukte niet. Probeer het opnieuw.";
}

/** While the postcode is typed (or when it was typed before the scripts came), its files are fetched. */
function prefetch(form) {
  const pc4 = parsePostcode(form.elements.postcode.value);
  if (pc4) servedAt(pc4).catch(() => {});
}

export function enhancePostcode(root = document) {
  const forms = [...root.querySelectorAll("form[data-wk-postcode]")];
  for (const form of forms) {
    form.elements.postcode.addEventListener("input", () => prefetch(form));
    prefetch(form);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      lookup(form, false).catch((error) => failed(form, error));
    });
  }
  const asked = params().get("postcode");
  if (asked && forms.length) {  // a reload, a bookmark, a shared link or Back: the results again
    restoringByScript();
    forms[0].elements.postcode.value = asked;
    lookup(forms[0], true).catch((error) => failed(forms[0], error));
  }
}
