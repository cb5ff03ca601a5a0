// Maps load when they come near the screen: the frame gets its address then (the page has it in
// data-wk-map-src). Unlike the browser's own lazy loading, which starts iframes well below the fold, this
// leaves a map the reader never scrolls to unloaded: no Leaflet, no map data, no tiles on a phone's plan.

const NEAR = "200px 0px";

function load(frame) {
  frame.src = frame.dataset.wkMapSrc;
  delete frame.dataset.wkMapSrc;
}

export function enhanceMaps(root = document) {
  const frames = [...root.querySelectorAll("iframe[data-wk-map-src]")];
  if (!("IntersectionObserver" in window)) {
    frames.forEach(load);
    return;
  }
  const watch = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        watch.unobserve(entry.target);
        load(entry.target);
      }
    }
  }, { rootMargin: NEAR });
  frames.forEach((frame) => watch.observe(frame));
}
