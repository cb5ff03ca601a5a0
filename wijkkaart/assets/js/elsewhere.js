// "Niet voor postcode 2533": on a card whose service area does not cover the postcode in use (the one in
// the address, else the last one looked up in this tab), say so and point to what does serve it. Who is
// served comes from the finder's lists as the build wrote them (served.py): nothing is decided here.

import { el, siteUrl } from "./common.js";
import { entryOf } from "./cards.js";
import { postcodeInUse } from "./postcode.js";
import { servedAt } from "./served.js";

const MAX_POINTERS = 3;

function facts(served) {
  const template = document.createElement("template");
  template.innerHTML = served.html;
  return entryOf(template.content.querySelector("[data-wk-entry]"));
}

/** What serves this postcode instead: the same organisation's entries first, else those of the same theme. */
function instead(entry, served) {
  const org = entry.uid.split("/")[0];
  const same = served.filter((s) => s.uid.startsWith(`${org}/`));
  const picked = same.length ? same : served.filter((s) => s.theme === entry.themes[0]);
  return picked.slice(0, MAX_POINTERS).map(facts);
}

function note(entry, pc4, served) {
  const others = instead(entry, served);
  const links = others.flatMap((other, i) => [i ? ", " : "",
    el("a", { href: siteUrl(other.url) }, other.org === entry.org ? other.name : `${other.name} (${other.org})`)]);
  return el("p", { class: "wk-elsewhere", "data-wk-elsewhere": "" },
    el("strong", {}, `Niet voor postcode ${pc4}.`),
    others.length ? [" Wel voor deze postcode: ", ...links, "."] : " Zoek op postcode wat daar wel is.");
}

export async function markElsewhere(root = document) {
  const pc4 = postcodeInUse();
  // Not on the paper sheet: it is for whoever reads it, not for the postcode looked up on this phone.
  const cards = [...root.querySelectorAll("[data-wk-entry]")].filter((card) => !card.dataset.wkElsewhere
    && !card.closest(".wk-sheet"));
  if (!pc4 || !cards.length) return;
  const { entries } = await servedAt(pc4);
  const here = new Set(entries.map((s) => s.uid));
  for (const card of cards) {
    card.dataset.wkElsewhere = "1";
    const entry = entryOf(card);
    if (here.has(entry.uid)) continue;
    const place = card.querySelector(".wk-service__org") || card.querySelector(".wk-service__name");
    place.after(note(entry, pc4, entries));
  }
}
