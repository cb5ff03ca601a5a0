// The entry: names from two modules, one renamed; a private helper of the same name as one in values.js.
import { twice, LABEL as label } from "./values.js";
import { shout } from "./words.js";

function helper() {
  return "main";
}

globalThis.result = [twice(21), label, shout("hallo"), helper(), `regel 1
  regel 2 // geen commentaar`, "a /* b */ c".length];
