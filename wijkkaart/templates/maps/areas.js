{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var areas = {{ this.areas|tojson }};
  var layer = L.geoJSON(null, {
    style: function () { return {{ this.style|tojson }}; },
    onEachFeature: function (feature, shape) {
      var props = feature.properties;
      if (!{{ this.labels|tojson }}) { shape.bindTooltip(props.name, {className: "wk-label"}); }
      if (props.url) {
        shape.on("click", function () { window.top.location.href = new URL(props.url, document.baseURI).href; });
      }
    }
  });
  areas.forEach(function (area) {
    layer.addData({type: "Feature", properties: {name: area.name, url: area.url}, geometry: area.geometry});
    if ({{ this.labels|tojson }}) {
      L.tooltip({permanent: true, direction: "center", className: "wk-label"})
        .setLatLng(area.label).setContent(area.name).addTo(map);
    }
  });
  layer.addTo(map);
  if (layer.getLayers().length) { map.fitBounds(layer.getBounds(), {padding: [8, 8]}); }
})();
{% endmacro %}
