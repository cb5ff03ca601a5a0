// Offline use: register the service worker (scoped to the site, so subpaths work), keep the page just
// opened, and "Bewaar offline" for a whole wijk (its page, map and postcode data).

import { sitePath, siteRoot, siteUrl } from "./common.js";

// What this page loaded, but the document of a frame (the map): the browser keeps a frame's document apart, so
// the page could not hand it over without downloading it again; "Bewaar offline" names it (maps.js).
function usedUrls() {
  const urls = performance.getEntriesByType("resource").filter((e) => e.initiatorType !== "iframe").map((e) => e.name);
  return [window.location.href.split("#")[0], ...urls];
}

let asked = 0;

/** Asks the service worker to keep `urls`; resolves when it has kept these (each request has its own id:
 * the page's own request when it opens may still be running when "Bewaar offline" is pressed). */
async function ask(urls, save) {
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) return null;
  asked += 1;
  const id = asked;
  return new Promise((resolve) => {
    navigator.serviceWorker.addEventListener("message", function done(event) {
      if (event.data && event.data.type === "kept" && event.data.id === id) {
        navigator.serviceWorker.removeEventListener("message", done);
        resolve(event.data);
      }
    });
    worker.postMessage({ type: "keep", urls, id, save });
  });
}

/** Keep what this page loaded: the worker names what it lacks, and the page puts it in the worker's cache
 * from the browser's own (the worker's requests would download it all a second time). */
async function keep(urls, save = false) {
  const reply = await ask(urls, save);
  if (!reply || !reply.missing.length) return;
  const cache = await caches.open(reply.cache);
  await Promise.all(reply.missing.map(async (url) => {
    try {
      const response = await fetch(url, { cache: "force-cache" });
      if (response.ok) await cache.put(url, response);
    } catch {
      // gone from the browser's cache and no signal: it is kept when next opened
    }
  }));
}

function enhanceSaveButtons() {
  for (const button of document.querySelectorAll("[data-wk-save]")) {
    button.hidden = false;
    const status = button.parentElement.querySelector("[data-wk-save-status]");
    button.addEventListener("click", async () => {
      const extra = JSON.parse(button.dataset.wkSave).map((path) => siteUrl(path));
      // `extra` names the map's files too, also when the map has not come on screen yet (maps.js).
      const urls = [...usedUrls(), ...extra];
      status.textContent = "Bezig met bewaren…";
      await keep(urls, true);
      status.textContent = "Deze wijk is bewaard en werkt ook zonder internet.";
    });
  }
}

const NO_CONNECTION = {
  postcode: "Geen verbinding met internet. Zoeken op postcode werkt zonder internet alleen in een wijk die je met "
    + "de knop Bewaar offline hebt bewaard. Pagina's die je eerder hebt geopend, kun je nog wel bekijken.",
  woord: "Geen verbinding met internet. Zoeken op woord werkt alleen met internet. Wat nog wel werkt: de pagina's "
    + "die je eerder hebt geopend, en zoeken op postcode in een wijk die je offline hebt bewaard.",
};

/** When a search failed for want of a connection, what to say (what still works); null for other failures. */
export function noConnection(kind, error) {
  const network = error && error.name === "TypeError" && /fetch|network|import/i.test(error.message || "");
  return !navigator.onLine || network ? NO_CONNECTION[kind] : null;
}

function register() {
  // The worker file is checked for a new build like any file (the host's cache lifetime), not on every page.
  navigator.serviceWorker.register(siteUrl(sitePath("service_worker")), { scope: siteRoot().pathname, updateViaCache: "all" })
    .then(() => keep(usedUrls()))
    .catch(() => {});
}

export function enhanceOffline() {
  if (!("serviceWorker" in navigator)) return;
  // Once the page is in: on slow data the worker's file does not take a share of the line from the page's.
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
  enhanceSaveButtons();
}
