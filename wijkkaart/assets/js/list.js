// "Zet op lijstje": a short list for the client, kept in this browser only (localStorage: no account,
// nothing sent anywhere). Each entry is the card's own data as the build wrote it (data-wk-entry), so the
// list shows what the card shows. The list page shares it as plain text and prints it with a QR code each.

import { el, holidays, siteRoot } from "./common.js";
import { nextOccurrence } from "./when.js";
import { shareText } from "./share.js";

export const MAX_ENTRIES = 8;  // what fits on one A4 with a QR code each

function key() {
  return `wijkkaart-lijstje:${siteRoot().pathname}`;
}

/** The entries on the list, oldest first (an empty list when storage is off or holds something else). */
export function readList() {
  try {
    const stored = JSON.parse(window.localStorage.getItem(key()) || "[]");
    return Array.isArray(stored) ? stored.filter((e) => e && typeof e.uid === "string" && e.time) : [];
  } catch {
    return [];
  }
}

function writeList(entries) {
  try {
    if (entries.length) window.localStorage.setItem(key(), JSON.stringify(entries));
    else window.localStorage.removeItem(key());
  } catch {
    return false;
  }
  showState();
  return true;
}

function listPage() {
  const meta = document.querySelector('meta[name="wijkkaart:lijstje"]');
  return meta ? new URL(meta.content, window.location.href).href : null;
}

/** The header's link to the list page, with the count: on every page, so the list is never out of reach. */
function headerLink() {
  const href = listPage();
  const header = document.querySelector(".md-header__inner");
  if (!href || !header) return;
  const count = el("span", { class: "wk-list-link__count", "data-wk-list-count": true });
  const link = el("a", { class: "wk-list-link", href }, "Lijstje ", count);
  const after = header.querySelector(".md-header__title");
  header.insertBefore(link, after ? after.nextSibling : null);
}

function showState() {
  const entries = readList();
  const uids = new Set(entries.map((e) => e.uid));
  for (const count of document.querySelectorAll("[data-wk-list-count]")) {
    count.textContent = String(entries.length);
    count.parentElement.setAttribute("aria-label", `Lijstje: ${entries.length} ${entries.length === 1 ? "ding" : "dingen"}`);
  }
  for (const button of document.querySelectorAll("[data-wk-list-add]")) {
    const card = button.closest("[data-wk-entry]");
    const on = Boolean(card) && uids.has(JSON.parse(card.dataset.wkEntry).uid);
    button.textContent = on ? "Haal van lijstje" : "Zet op lijstje";
  }
  for (const page of document.querySelectorAll("[data-wk-list]")) renderPage(page, entries);
}

function say(button, text) {
  const actions = button.parentElement;
  let status = actions.querySelector("[data-wk-list-said]");
  status ??= actions.appendChild(el("span", { class: "wk-list-said", role: "status", "data-wk-list-said": true }));
  status.textContent = text;
}

function toggle(button) {
  const card = button.closest("[data-wk-entry]");
  if (!card) return;
  const entry = JSON.parse(card.dataset.wkEntry);
  const entries = readList();
  if (entries.some((e) => e.uid === entry.uid)) {
    writeList(entries.filter((e) => e.uid !== entry.uid));
    say(button, "Van het lijstje gehaald.");
  } else if (entries.length >= MAX_ENTRIES) {
    say(button, `Het lijstje is vol (${MAX_ENTRIES}). Haal eerst iets van het lijstje.`);
  } else if (writeList([...entries, entry])) {
    say(button, `Op het lijstje gezet (${entries.length + 1}).`);
  } else {
    say(button, "Dit toestel bewaart niets: zet opslag voor deze site aan in de browser.");
  }
}

/** A card without the button (one drawn by a script) gets it here; cards from the build have it already. */
export function listButton() {
  return el("button", { type: "button", class: "wk-button", "data-wk-list-add": true }, "Zet op lijstje");
}

// ---- the list page ----

/** The message for the client: one block per entry (name, when next, where, phone, link). */
export function listText(entries, days = holidays()) {
  const blocks = entries.map((entry) => {
    const next = entry.time && entry.time.rules.length ? nextOccurrence(entry.time, days) : null;
    return shareText(entry, next);
  });
  return ["Hulp en activiteiten voor u:", ...blocks].join("\n\n");
}

function item(entry, days) {
  const next = entry.time && entry.time.rules.length ? nextOccurrence(entry.time, days) : null;
  const lines = shareText(entry, next).split("\n").slice(1, -1);  // what the text says, less name and link
  const remove = el("button", { type: "button", class: "wk-button wk-noprint", "data-wk-list-remove": entry.uid },
    "Haal van lijstje", el("span", { class: "wk-sr" }, `: ${entry.name}`));
  return el("li", { class: "wk-list-item" },
    el("div", { class: "wk-list-item__text" },
      el("h2", {}, entry.name, " ", el("span", { class: "wk-muted" }, `— ${entry.org}`)),
      lines.map((line) => el("p", {}, line)),
      el("p", { class: "wk-noprint" }, el("a", { href: new URL(entry.url, siteRoot()).href }, "Meer informatie",
        el("span", { class: "wk-sr" }, ` over ${entry.name}`))),
      remove),
    el("figure", { class: "wk-list-item__qr", "data-wk-qr": new URL(entry.url, siteRoot()).href }));
}

function renderPage(page, entries) {
  const days = holidays();
  page.querySelector("[data-wk-list-items]").replaceChildren(...entries.map((e) => item(e, days)));
  page.querySelector("[data-wk-list-empty]").hidden = entries.length > 0;
  for (const part of page.querySelectorAll("[data-wk-list-when-full]")) part.hidden = entries.length === 0;
  const text = listText(entries, days);
  page.querySelector("[data-wk-list-text]").textContent = text;
  const whatsapp = page.querySelector("[data-wk-list-whatsapp]");
  if (whatsapp) whatsapp.href = `https://wa.me/?text=${encodeURIComponent(text)}`;
  drawCodes(page);
}

let qr = null;

/** QR codes from the vendored lean-qr, loaded on the list page only. */
async function drawCodes(page) {
  const figures = [...page.querySelectorAll("[data-wk-qr]")];
  if (!figures.length) return;
  qr ??= Promise.all([import("../vendor/lean-qr/lean-qr.js"), import("../vendor/lean-qr/svg.js")]);
  const [{ generate, correction }, { toSvg }] = await qr;
  for (const figure of figures) {
    const url = figure.dataset.wkQr;
    const svg = toSvg(generate(url, { minCorrectionLevel: correction.M }), document, { pad: 2 });
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", `QR-code naar ${url}`);
    figure.replaceChildren(svg, el("figcaption", {}, "Scan voor de nieuwste tijden"));
  }
}

async function share(page) {
  const status = page.querySelector("[data-wk-list-status]");
  const text = page.querySelector("[data-wk-list-text]").textContent;
  if (navigator.share) {
    try {
      await navigator.share({ text });
      status.textContent = "Gedeeld.";
      return;
    } catch (error) {
      if (error && error.name === "AbortError") return;
    }
  }
  await copy(page);
}

async function copy(page) {
  const status = page.querySelector("[data-wk-list-status]");
  try {
    await navigator.clipboard.writeText(page.querySelector("[data-wk-list-text]").textContent);
    status.textContent = "De tekst is gekopieerd. Plak hem in een bericht aan de bewoner.";
  } catch {
    page.querySelector("[data-wk-list-preview]").open = true;
    status.textContent = "Kopiëren lukte niet. De tekst staat hieronder: selecteer en kopieer hem zelf.";
  }
}

function enhancePage(page) {
  page.addEventListener("click", (event) => {
    const target = event.target.closest("button");
    if (!target) return;
    const status = page.querySelector("[data-wk-list-status]");
    if (target.matches("[data-wk-list-share]")) share(page);
    else if (target.matches("[data-wk-list-copy]")) copy(page);
    else if (target.matches("[data-wk-list-clear]")) {
      writeList([]);
      status.textContent = "Het lijstje is leeg. Er staat niets meer op dit toestel.";
    } else if (target.matches("[data-wk-list-remove]")) {
      writeList(readList().filter((e) => e.uid !== target.dataset.wkListRemove));
      status.textContent = "Van het lijstje gehaald.";
    }
  });
}

export function enhanceList() {
  headerLink();
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-wk-list-add]");
    if (button) toggle(button);
  });
  // Another tab changed the list: show it here too.
  window.addEventListener("storage", (event) => {
    if (event.key === key() || event.key === null) showState();
  });
  document.querySelectorAll("[data-wk-list]").forEach(enhancePage);
  showState();
}

/** Called after a script drew new cards (the postcode results). */
export function refreshList() {
  showState();
}
