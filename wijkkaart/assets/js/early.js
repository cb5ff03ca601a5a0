// On the home page, right after the postcode box: the lists of a postcode typed before the finder's script is
// in are asked for at once. On slow data that script comes about a second after the page; it then finds the
// lists on their way or in (one download: see getJSON), not a round trip after it.

import { parsePostcode, servedAt } from "./served.js";

const form = document.querySelector("form[data-wk-postcode]");

function prefetch() {
  const pc4 = parsePostcode(form.elements.postcode.value);
  if (pc4) servedAt(pc4).catch(() => {});
}

if (form) {
  form.elements.postcode.addEventListener("input", prefetch);
  prefetch();
}
