// Service worker for offline use: pages a maatje has opened (and a wijk saved for offline use) open again
// without signal. One cache per build; a new build removes the old one. Within one build no file changes,
// so a file in the cache is never fetched again: a next page asks the network for its HTML only.
// A first visit costs this file alone: what the page loaded is kept from the browser's own cache (by the
// page), and the offline page is fetched from the second page on (or when a wijk is saved).
const VERSION = {{ version|tojson }};
const CACHE = `wijkkaart-${VERSION}`;
const OFFLINE = new URL("offline/", self.registration.scope).href;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("wijkkaart-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

/** Fetch and keep those of `urls` not kept yet. */
async function keep(urls) {
  const cache = await caches.open(CACHE);
  await Promise.all(urls.map(async (url) => {
    try {
      if (await cache.match(url)) return;
      const response = await fetch(url, { cache: "no-cache" });
      if (response.ok) await cache.put(url, response);
    } catch {
      // offline already: keep what we have
    }
  }));
}

async function missing(urls) {
  const cache = await caches.open(CACHE);
  const found = await Promise.all(urls.map((url) => cache.match(url)));
  return urls.filter((_, i) => !found[i]);
}

function ensureOffline() {
  return keep([OFFLINE]);
}

// "keep": the page just loaded these. A worker's own requests do not reach the page's HTTP cache, so it
// names those it lacks and the page puts them in this cache from its own (no second download). "save"
// ("Bewaar offline"): the worker fetches what it lacks, pages not opened yet included.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "keep" || !Array.isArray(data.urls)) return;
  const own = data.urls.filter((u) => new URL(u).origin === self.location.origin);
  const work = data.save
    ? Promise.all([keep(own), ensureOffline()]).then(() => [])
    : missing(own);
  event.waitUntil(work.then((left) => event.source
    && event.source.postMessage({ type: "kept", id: data.id, count: own.length, missing: left, cache: CACHE })));
});

/** The offline page, for a page of any depth: its links and styles resolve from the offline page's own
 * address (a <base>), so its styles load and its home link leads home, under a subpath too. */
async function offlinePage(cache) {
  const page = await cache.match(OFFLINE);
  if (!page) return Response.error();
  const html = (await page.text()).replace(/<head([^>]*)>/i, (head) => `${head}<base href="${OFFLINE}">`);
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function navigate(request, event) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    event.waitUntil(ensureOffline());
    return response;
  } catch {
    return (await cache.match(request, { ignoreSearch: true })) || offlinePage(cache);
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.cache === "force-cache") return;  // the page filling this cache from the browser's (see "keep")
  event.respondWith(request.mode === "navigate" ? navigate(request, event) : cacheFirst(request));
});
