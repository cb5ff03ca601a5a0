// Word search with Pagefind. Nothing of the search is downloaded until the box is used.

import { countResults, el, siteData, sitePath, siteRoot, siteUrl } from "./common.js";
import { cardFrom, enhanceCards } from "./cards.js";
import { markElsewhere } from "./elsewhere.js";
import { noConnection } from "./offline.js";
import { params, restoreScroll, restoringByScript, setParams } from "./state.js";

let pagefind = null;
let failed = 0;

async function load() {
  if (!pagefind) {
    // A browser remembers a module it could not fetch: after a failure (no signal) the next try asks anew.
    const retry = failed ? `?opnieuw=${failed}` : "";
    pagefind = import(siteUrl(`${sitePath("search")}${retry}`)).then(async (module) => {
      await module.options({ baseUrl: siteRoot().pathname });
      return module;
    });
    pagefind.catch(() => {
      pagefind = null;
      failed += 1;
    });
  }
  return pagefind;
}

function entries(data) {
  try {
    return JSON.parse((data.meta || {}).diensten || "[]");
  } catch {
    return [];
  }
}

function passes(entry, filters) {
  return Object.entries(filters).every(([name, value]) => (entry.filters[name] || []).includes(value));
}

/** The entries of an organisation to show: those the words were found in that pass the filters. Words found
 * only in the organisation's own text (its partners, its description) show the organisation, not all of its
 * entries: a search for "schulden" must not show the buurttuin of a partner of the debt helpers. */
function shownEntries(list, data, filters) {
  const hit = new Set((data.sub_results || []).map((s) => s.anchor && s.anchor.id).filter(Boolean));
  return list.filter((e) => hit.has(e.id) && passes(e, filters));
}

const MAX_ENTRIES = 5;

function entryItem(entry, pageUrl) {
  if (entry.kaart) {
    const card = cardFrom(entry.kaart);
    card.removeAttribute("id");  // the postcode results may show the same card on this page
    return el("li", { class: "wk-result-entry" }, card);
  }
  return el("li", { class: "wk-result-entry" },
    el("a", { href: `${pageUrl}#${encodeURIComponent(entry.id)}` }, entry.naam),
    entry.wijk ? el("div", { class: "wk-muted" }, entry.wijk) : null,
    entry.wanneer ? el("div", {}, entry.wanneer) : null);
}

/** One result: a wijk page, or an organisation with the spreekuren/activiteiten the words were found in. */
function result(data, filters) {
  const meta = data.meta || {};
  const url = meta.link ? siteUrl(meta.link.replace(/^\//, "")) : data.url;
  const title = meta.title || url;
  const list = entries(data);
  if (!list.length) {  // a wijk page, or an organisation without spreekuren or activiteiten
    return el("li", { class: "wk-result" }, el("a", { href: url }, title));
  }
  const shown = shownEntries(list, data, filters);
  if (!shown.length) {
    if (Object.keys(filters).length) return null;
    return el("li", { class: "wk-result" }, el("a", { href: url, class: "wk-result-org" }, title));
  }
  const more = shown.length - MAX_ENTRIES;
  return el("li", { class: "wk-result" },
    el("a", { href: url, class: "wk-result-org" }, title),
    el("ul", { class: "wk-result-entries" }, shown.slice(0, MAX_ENTRIES).map((e) => entryItem(e, url))),
    more > 0 ? el("a", { href: url, class: "wk-muted" }, `en nog ${more} bij ${title}`) : null);
}

/** Selects for the Pagefind filters (names and labels from the page: render/facts.py), their values from the
 * index itself. */
async function showFilters(form) {
  const box = form.querySelector("[data-wk-search-filters]");
  if (box && box.dataset.wkReady) box.hidden = false;
  if (!box || box.dataset.wkReady) return;
  box.dataset.wkReady = "1";
  const available = await (await load()).filters();
  for (const { name, label } of siteData().search) {
    const values = Object.keys(available[name] || {}).sort((a, b) => a.localeCompare(b, "nl"));
    if (!values.length) continue;
    const select = el("select", { name: `filter-${name}`, "data-wk-filter": name },
      el("option", { value: "" }, "alle"), values.map((v) => el("option", { value: v }, v)));
    box.append(el("label", {}, `${label} `, select));
  }
  box.hidden = false;
}

function chosenFilters(form) {
  const filters = {};
  for (const select of form.querySelectorAll("[data-wk-filter]")) {
    if (select.value) filters[select.dataset.wkFilter] = select.value;
  }
  return filters;
}

/** The address's part of a search: the words and each chosen filter (``filter-taal=Arabisch``). */
function searchParams(form) {
  const values = { q: form.elements.q.value.trim() };
  for (const select of form.querySelectorAll("[data-wk-filter]")) values[select.name] = select.value;
  return values;
}

function answerLine(query, count, filters) {
  if (count) return `${countResults(count)} voor “${query}”`;
  if (Object.keys(filters).length) return `Niets gevonden voor “${query}” met deze filters. Probeer: zet de filters op „alle”.`;
  return `Niets gevonden voor “${query}”.`;
}

/** Search and show; ``after`` is what to do once the results are drawn (come into view, or back to where
 * the reader was). */
async function run(form, output, after) {
  const query = form.elements.q.value.trim();
  setParams(searchParams(form));
  if (query) restoringByScript();
  if (!query) {
    output.replaceChildren();
    return;
  }
  const engine = await load();
  const found = await engine.debouncedSearch(query, { filters: chosenFilters(form) }, 250);
  if (found === null) return;
  const filters = chosenFilters(form);
  const top = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
  output.replaceChildren(
    el("p", { role: "status", class: "wk-message" }, answerLine(query, found.results.length, filters)),
    el("ul", { class: "wk-results" }, top.map((data) => result(data, filters)).filter(Boolean)));
  enhanceCards(output);
  markElsewhere(output);
  if (after) after(output);
}

function intoView(shown) {
  if (shown.firstElementChild) shown.firstElementChild.scrollIntoView({ block: "start" });
}

/** A search in the address (reload, bookmark, shared link, Back): its filters chosen, then its results. */
async function fromAddress(form, output) {
  const asked = params();
  form.elements.q.value = asked.get("q");
  if ([...asked.keys()].some((name) => name.startsWith("filter-"))) {
    const toggle = form.querySelector("[data-wk-search-filter-toggle]");
    if (toggle) toggle.setAttribute("aria-expanded", "true");
    await showFilters(form);
    for (const select of form.querySelectorAll("[data-wk-filter]")) select.value = asked.get(select.name) || "";
  }
  restoringByScript();
  await run(form, output, (shown) => restoreScroll() || intoView(shown));
}

export function enhanceSearch(root = document) {
  for (const form of root.querySelectorAll("form[data-wk-search]")) {
    const output = form.parentElement.querySelector("[data-wk-search-results]");
    const go = (after) => run(form, output, after).catch((error) => {
      output.textContent = noConnection("woord", error) || "Zoeken lukte niet. Probeer het opnieuw.";
    });
    // The filters' own index files are large at national scale: they load when asked for, not with a search.
    const toggle = form.querySelector("[data-wk-search-filter-toggle]");
    if (toggle) {
      toggle.addEventListener("click", () => {
        const box = form.querySelector("[data-wk-search-filters]");
        const open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        if (open) showFilters(form).catch(() => {});
        else box.hidden = true;
      });
    }
    form.elements.q.addEventListener("input", () => go());
    form.addEventListener("change", (event) => {
      if (event.target.matches("[data-wk-filter]")) go();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      go(intoView);
    });
    if (params().get("q")) fromAddress(form, output).catch(() => go());
  }
}
