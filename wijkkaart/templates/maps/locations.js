{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var places = {{ this.places|tojson }};
  var group = {{ "L.markerClusterGroup({showCoverageOnHover: false})" if this.cluster else "L.featureGroup()" }};
  function popup(place) {
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = place.name;
    box.appendChild(title);
    if (place.approximate) {
      var note = document.createElement("div");
      note.textContent = "locatie bij benadering";
      box.appendChild(note);
    }
    var list = document.createElement("ul");
    list.style.paddingLeft = "1.1em";
    place.items.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = new URL(item.url, document.baseURI).href;
      link.target = "_top";
      link.textContent = item.name;
      li.appendChild(link);
      if (item.when) { li.appendChild(document.createTextNode(": " + item.when)); }
      list.appendChild(li);
    });
    box.appendChild(list);
    return box;
  }
  places.forEach(function (place) {
    var marker = L.marker([place.lat, place.lon], {title: place.name, alt: place.name, keyboard: true,
                                                  opacity: place.approximate ? 0.7 : 1});
    marker.bindPopup(popup(place));
    group.addLayer(marker);
  });
  group.addTo(map);
  if ({{ this.fit|tojson }} && places.length) { map.fitBounds(group.getBounds(), {padding: [24, 24], maxZoom: 16}); }
})();
{% endmacro %}
