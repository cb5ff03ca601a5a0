// What the build decided for a postcode: read from the finder's index and the lists it names (paths from render/urls.py), never worked out
// here. Shared by the finder and by the small script that asks for a typed postcode's lists early.

import { getJSON, sitePath } from "./common.js";

const POSTCODE = /^\s*([1-9][0-9]{3})\s*([a-zA-Z]{2})?\s*$/;

export function parsePostcode(text) {
  const found = POSTCODE.exec(text || "");
  return found ? found[1] : null;
}

async function servicesIn(lists) {
  const found = await Promise.all(lists.map((key) => getJSON(sitePath("finder_list", key))));
  const seen = new Map();
  for (const entry of found.flat()) if (!seen.has(entry.uid)) seen.set(entry.uid, entry);
  return [...seen.values()];
}

/** What the build decided for this PC4 (the finder's index and the lists it names): read, never worked out. */
export async function servedAt(pc4) {
  const index = await getJSON(sitePath("finder_index"));
  const [status, where, wijkIds, lists] = index.pc4[pc4] || ["buiten", null, [], index.buiten];
  return { index, status, where, wijkIds, entries: await servicesIn(lists) };
}
