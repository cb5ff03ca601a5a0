{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  // On a touch screen one finger scrolls the page, never the map; two fingers zoom; buttons always work.
  if (L.Browser.touch) { map.dragging.disable(); if (map.tap) { map.tap.disable(); } }
  map.scrollWheelZoom.disable();
  map.attributionControl.setPrefix(false);
})();
{% endmacro %}
