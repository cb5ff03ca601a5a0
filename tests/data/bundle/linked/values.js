/* Values, with a helper of its own. */
import { shout } from "./words.js";

function helper(n) {
  return n * 2;
}

export function twice(n) {
  return helper(n);
}

export const LABEL = shout("label");
