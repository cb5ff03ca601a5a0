// What the build decided for a postcode: read from zoek/index.json and the lists it names, never worked out
// here. Shared by the finder and by the small script that asks for a typed postcode's lists early.

import { getJSON } from "./common.js";

const POSTCODE = /^\s*([1-9][0-9]{3})\s*([a-zA-Z]{2})?\s*$/;

export function parsePostcode(text) {
  const found = POSTCODE.exec(text || "");
  return found ? found[1] : null;
}

async function servicesIn(lists) {
  const found = await Promise.all(lists.map((key) => getJSON(`zoek/${key}.json`)));
  const seen = new Map();
  for (const entry of found.flat()) if (!seen.has(entry.uid)) seen.set(entry.uid, entry);
  return [...seen.values()];
}

/** What the build decided for this PC4 (zoek/index.json and the lists it names): read, never worked out. */
export async function servedAt(pc4) {
  const index = await getJSON("zoek/index.json");
  const [status, where, wijkIds, lists] = index.pc4[pc4] || ["buiten", null, [], index.buiten];
  return { index, status, where, wijkIds, entries: await servicesIn(lists) };
}
