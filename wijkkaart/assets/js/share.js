// "Delen": a short plain-Dutch message for the client — what, when next, where, phone, link.

import { el, siteData, siteUrl } from "./common.js";
import { describe } from "./when.js";

const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** The card in plain words, in the card's order: what and who, when, where, whom to call, how, closure. */
export function shareText(entry, next) {
  const lines = [`${entry.name} (${entry.org})`];
  if (entry.time.closed && !next) lines.push("Nu tijdelijk gesloten.");
  else if (next) lines.push(`Volgende keer: ${describe(next)}.`);
  else if (!entry.walk_in) lines.push("Maak eerst een afspraak.");
  if (entry.where) lines.push(`Waar: ${entry.where}`);
  if (entry.phone) lines.push(`Bel: ${entry.phone}`);
  if (entry.email) lines.push(`Mail: ${entry.email}`);
  const { words, labels } = siteData();  // render/facts.py: each yes/no fact's [yes, no], each fact's label
  const { walk_in: walkIn, free } = words;
  const how = [capital(entry.walk_in ? walkIn[0] : walkIn[1]), entry.free ? free[0] : entry.cost];
  if (entry.talen) how.push(`${labels.languages.toLowerCase()}: ${entry.talen}`);
  lines.push(`${how.join(", ")}.`);
  if (entry.closed_note) lines.push(entry.closed_note);
  lines.push(`Meer info: ${siteUrl(entry.url)}`);
  return lines.join("\n");
}

// The text (and the WhatsApp link) is made when "Delen" is pressed, not for each of a page's cards when
// it opens.
export function shareButton(entry, next) {
  const status = el("span", { class: "wk-share__status", role: "status" });
  const button = el("button", { type: "button", class: "wk-button", "data-wk-share": "" }, "Delen");
  const box = el("span", { class: "wk-share" }, button, status);
  let whatsapp = null;
  button.addEventListener("click", async () => {
    const text = shareText(entry, next);
    whatsapp ??= box.insertBefore(el("a", { class: "wk-button", rel: "noopener", hidden: true }, "Via WhatsApp"),
      status);
    whatsapp.href = `https://wa.me/?text=${encodeURIComponent(text)}`;
    if (navigator.share) {
      try {
        await navigator.share({ text });
        return;
      } catch (error) {
        if (error && error.name === "AbortError") return;
      }
    }
    whatsapp.hidden = false;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = "Tekst gekopieerd.";
    } catch {
      status.textContent = "Kopiëren lukte niet; gebruik WhatsApp.";
    }
  });
  return box;
}
