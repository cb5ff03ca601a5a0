// Small helpers shared by the finder's modules: the site's root, JSON data, and safe DOM building.

let root = null;

/** Absolute URL of the site's root, from mkdocs-material's config block (works under a subpath); read once.
 * Before that block is read (early.js, on the home page: the site's root), the page's own folder. */
export function siteRoot() {
  const config = root === null && document.getElementById("__config");
  if (root === null && !config) return new URL(".", window.location.href);
  if (root === null) root = new URL(`${JSON.parse(config.textContent).base.replace(/\/?$/, "/")}`, window.location.href);
  return new URL(root);
}

export function siteUrl(path) {
  return new URL(path, siteRoot()).href;
}

let site = null;

/** What the page tells the scripts about the site (head.html): the paths they fetch (render/urls.py) and the
 * facts' filters and words (render/facts.py). Read once. */
export function siteData() {
  if (site === null) {
    const data = document.getElementById("wk-site");
    site = data ? JSON.parse(data.textContent) : { paths: {}, filters: [], search: [], words: {} };
  }
  return site;
}

/** A path the scripts fetch, by its name in render/urls.py's ``browser_paths``; ``{key}`` filled in. */
export function sitePath(name, key = "") {
  return siteData().paths[name].replace("{key}", key);
}

// Each file asked for once per page, also when two scripts ask (the home page's early script and the finder
// each hold a copy of this module): whatever the host says about caching.
const cache = (globalThis.__wkJSON ??= new Map());
export function getJSON(path) {
  if (!cache.has(path)) {
    const data = fetch(siteUrl(path)).then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.status))));
    cache.set(path, data);
    data.catch(() => cache.delete(path));  // no signal now: ask again next time
  }
  return cache.get(path);
}

/** Build an element; text always goes in as text, never as HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
  }
  return node;
}

/** "1 resultaat", "3 resultaten". */
export function countResults(count) {
  return `${count} ${count === 1 ? "resultaat" : "resultaten"}`;
}

export function holidays() {
  const data = document.getElementById("wk-holidays");
  return new Set(data ? JSON.parse(data.textContent) : []);
}
