// Word search with Pagefind. Nothing of the search is downloaded until the box is used.

import { el, siteRoot, siteUrl } from "./common.js";

let pagefind = null;

async function load() {
  if (!pagefind) {
    pagefind = import(siteUrl("pagefind/pagefind.js")).then(async (module) => {
      await module.options({ baseUrl: siteRoot().pathname });
      return module;
    });
  }
  return pagefind;
}

function result(data) {
  const meta = data.meta || {};
  return el("li", { class: "wk-result" },
    el("a", { href: meta.link ? siteUrl(meta.link.replace(/^\//, "")) : data.url }, meta.title || data.url),
    meta.organisatie && meta.organisatie !== meta.title ? el("span", { class: "wk-muted" }, ` — ${meta.organisatie}`) : null,
    meta.wijk ? el("div", { class: "wk-muted" }, meta.wijk) : null,
    meta.wanneer ? el("div", {}, meta.wanneer) : null);
}

async function run(form, output) {
  const query = form.elements.q.value.trim();
  if (!query) {
    output.replaceChildren();
    return;
  }
  const engine = await load();
  const found = await engine.debouncedSearch(query, {}, 250);
  if (found === null) return;
  const top = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
  output.replaceChildren(
    el("p", { role: "status" }, found.results.length ? `${found.results.length} resultaten voor “${query}”` : `Niets gevonden voor “${query}”.`),
    el("ul", { class: "wk-results" }, top.map(result)));
}

export function enhanceSearch(root = document) {
  for (const form of root.querySelectorAll("form[data-wk-search]")) {
    const output = form.parentElement.querySelector("[data-wk-search-results]");
    const go = () => run(form, output).catch(() => {
      output.textContent = "Zoeken lukte niet. Probeer het opnieuw.";
    });
    form.elements.q.addEventListener("focus", () => load(), { once: true });
    form.elements.q.addEventListener("input", go);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      go();
    });
  }
}
