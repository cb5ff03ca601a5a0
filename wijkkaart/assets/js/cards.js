// Every spreekuur/activity card: "nu open", "volgende keer", and the Delen button.

import { holidays, siteUrl } from "./common.js";
import { clock, describe, nextOccurrence } from "./when.js";
import { shareButton } from "./share.js";
import { listButton, refreshList } from "./list.js";

const entries = new WeakMap();

/** A card's data (read once per card: the cards and the filters both ask). */
export function entryOf(card) {
  if (!entries.has(card)) entries.set(card, JSON.parse(card.dataset.wkEntry));
  return entries.get(card);
}

/** A card as the server rendered it for the finder and the search (``html``, links relative to the site
 * root): made into an element, its links resolved against the site's root so they hold on any page, its
 * name a link to the entry on its organisation's page. */
export function cardFrom(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const card = template.content.querySelector("[data-wk-entry]");
  for (const link of card.querySelectorAll("a[href]")) {
    const href = link.getAttribute("href");
    if (!/^([a-z][a-z0-9+.-]*:|#)/i.test(href)) link.href = siteUrl(href);
  }
  const name = card.querySelector(".wk-service__name");
  const link = document.createElement("a");
  link.href = siteUrl(entryOf(card).url);
  link.append(...name.childNodes);
  name.append(link);
  return card;
}

/** Fill one card's time line; returns the occurrence so callers can reuse it. */
export function showNext(card, entry, days) {
  const slot = card.querySelector("[data-wk-next]");
  const next = entry.time.rules.length ? nextOccurrence(entry.time, days) : null;
  if (slot) {
    slot.textContent = "";
    if (next && next.open) {
      const badge = document.createElement("strong");
      badge.className = "wk-open";
      badge.textContent = "nu open";
      slot.append(badge, ` tot ${clock(next.end)} uur`);
    } else if (next) {
      slot.textContent = `volgende keer: ${describe(next)}`;
    } else if (entry.time.closed) {
      slot.textContent = "tijdelijk gesloten";
    }
  }
  return next;
}

export function enhanceCards(root = document) {
  const days = holidays();
  for (const card of root.querySelectorAll("[data-wk-entry]")) {
    if (card.dataset.wkReady) continue;
    card.dataset.wkReady = "1";
    const entry = entryOf(card);
    const next = showNext(card, entry, days);
    const actions = card.querySelector("[data-wk-actions]");
    if (actions && !actions.querySelector("[data-wk-list-add]")) actions.prepend(listButton());
    if (actions) actions.prepend(shareButton(entry, next));
  }
  refreshList();
}
