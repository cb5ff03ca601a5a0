// Results that stay: the postcode, the search words and the filters live in the address (?postcode=2533AB,
// ?q=schulden, ?taal=ar), so that a result list can be reloaded, bookmarked and shared, and Back brings it
// back where it was (the scroll position is kept in the history entry).

/** The address's parameters. */
export function params() {
  return new URLSearchParams(window.location.search);
}

/** Set (or, with an empty value, remove) parameters in the address, without a new history entry. */
export function setParams(values) {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(values)) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
}

/** A form's filled-in fields as parameters (its empty ones as empty, so that they leave the address). */
export function formParams(form, names) {
  const data = new FormData(form);
  return Object.fromEntries(names.map((name) => [name, data.get(name) || ""]));
}

/** Fill a form's fields from the address; true when any was set. */
export function fillForm(form, names) {
  const found = params();
  let any = false;
  for (const name of names) {
    const field = form.elements[name];
    const value = found.get(name);
    if (!field || !value) continue;
    if (field.type === "checkbox") field.checked = field.value === value;
    else field.value = value;
    any = true;
  }
  return any;
}

let saving = 0;

function saveScroll() {
  window.history.replaceState({ ...(window.history.state || {}), wkScroll: window.scrollY }, "");
}

/** Keep the scroll position in the history entry, so that Back can return to it. */
export function keepScroll() {
  window.addEventListener("scroll", () => {
    clearTimeout(saving);
    saving = setTimeout(saveScroll, 150);
  }, { passive: true });
  window.addEventListener("pagehide", () => {
    clearTimeout(saving);
    saveScroll();
  });
}

/** After results made from the address are drawn: back to where the reader was, if this entry has a place
 * (false for a link opened anew: a bookmark or a shared list). */
export function restoreScroll() {
  const state = window.history.state;
  if (!state || typeof state.wkScroll !== "number") return false;
  const place = state.wkScroll;
  // Once the styles are in: before that the page has another height, and the place would be wrong.
  if (document.readyState === "complete") window.scrollTo(0, place);
  else window.addEventListener("load", () => window.scrollTo(0, place), { once: true });
  return true;
}

/** When results are drawn by script, the browser's own restoring comes too early: it is done here. */
export function restoringByScript() {
  if ("scrollRestoration" in window.history) window.history.scrollRestoration = "manual";
}
