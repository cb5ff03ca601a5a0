{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  // On a touch screen one finger scrolls the page, never the map; two fingers zoom; buttons always work.
  if (L.Browser.touch) { map.dragging.disable(); if (map.tap) { map.tap.disable(); } }
  map.scrollWheelZoom.disable();
  map.attributionControl.setPrefix(false);
  // Dutch names for the zoom buttons; the map is one stop for the keyboard (the map itself: arrows move it,
  // + and - zoom), not one per button, link and place: everything on it is in the list on the page.
  var zoom = map.zoomControl && map.zoomControl.getContainer();
  [["in", "Inzoomen"], ["out", "Uitzoomen"]].forEach(function (button) {
    var link = zoom && zoom.querySelector(".leaflet-control-zoom-" + button[0]);
    if (link) { link.title = button[1]; link.setAttribute("aria-label", button[1]); }
  });
  var controls = map.getContainer().querySelector(".leaflet-control-container");
  function outOfTabOrder() {
    controls.querySelectorAll("a, button").forEach(function (el) { el.setAttribute("tabindex", "-1"); });
  }
  outOfTabOrder();
  map.on("layeradd", outOfTabOrder);
})();
{% endmacro %}
