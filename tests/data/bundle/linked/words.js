export function shout(text) {
  return text.toUpperCase() + "!";  // once, though two modules import it
}
globalThis.loaded = (globalThis.loaded || 0) + 1;
