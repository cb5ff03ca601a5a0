{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  // The map has no view until here: its layers (tiles too) wait for the view that fits the data.
  var viewSet = false;
  function showDefault() { viewSet = true; map.setView(map.options.center, {{ this.zoom }}); }
  // The fragment names the page whose map this is ("wijken/moerwijk/"); only a plain site path is read.
  var page = decodeURIComponent(location.hash.slice(1));
  if (!/^(?:[A-Za-z0-9_-]+\/)*$/.test(page)) { showDefault(); return; }
  var root = new URL("{{ this.root }}", location.href);
  var source = new URL(page + {{ this.data|tojson }}, root);

  function link(url) { return new URL(url, source).href; }

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
      var a = document.createElement("a");
      a.href = link(item.url);
      a.target = "_top";
      a.textContent = item.name;
      li.appendChild(a);
      if (item.when) { li.appendChild(document.createTextNode(": " + item.when)); }
      list.appendChild(li);
    });
    box.appendChild(list);
    return box;
  }

  function drawAreas(data) {
    var layer = L.geoJSON(null, {
      style: function () { return {{ this.style|tojson }}; },
      onEachFeature: function (feature, shape) {
        var props = feature.properties;
        if (!data.labels) { shape.bindTooltip(props.name, {className: "wk-label"}); }
        if (props.url) {
          shape.on("click", function () { window.top.location.href = link(props.url); });
        }
      }
    });
    data.areas.forEach(function (area) {
      layer.addData({type: "Feature", properties: {name: area.name, url: area.url}, geometry: area.geometry});
      if (data.labels) {
        L.tooltip({permanent: true, direction: "center", className: "wk-label"})
          .setLatLng(area.label).setContent(area.name).addTo(map);
      }
    });
    layer.addTo(map);
    return layer.getLayers().length ? layer.getBounds() : null;
  }

  // Set once, without animation, before anything is drawn.
  function fitView(data, areaBounds) {
    viewSet = true;
    if (areaBounds && !data.fit) {
      map.fitBounds(areaBounds, {padding: [8, 8], animate: false});
    } else if (data.places.length) {
      var places = L.latLngBounds(data.places.map(function (place) { return [place.lat, place.lon]; }));
      map.fitBounds(places, {padding: [24, 24], maxZoom: 16, animate: false});
    } else {
      showDefault();
    }
  }

  // Marker clustering is only needed for crowded maps: its files are loaded then, not for every map.
  function withClusters(done) {
    var folder = new URL("{{ this.vendor }}/markercluster/", root);
    ["MarkerCluster.css", "MarkerCluster.Default.css"].forEach(function (name) {
      var sheet = document.createElement("link");
      sheet.rel = "stylesheet";
      sheet.href = new URL(name, folder).href;
      document.head.appendChild(sheet);
    });
    var script = document.createElement("script");
    script.src = new URL("leaflet.markercluster.js", folder).href;
    script.onload = done;
    document.head.appendChild(script);
  }

  function drawPlaces(data) {
    if (data.places.length >= {{ this.cluster_at }}) {
      withClusters(function () { drawGroup(data, L.markerClusterGroup({showCoverageOnHover: false})); });
    } else {
      drawGroup(data, L.featureGroup());
    }
  }

  function drawGroup(data, group) {
    var places = data.places;
    places.forEach(function (place) {
      var marker = L.marker([place.lat, place.lon], {title: place.name, alt: place.name, keyboard: false,
                                                    opacity: place.approximate ? 0.7 : 1});
      marker.bindPopup(popup(place));
      group.addLayer(marker);
    });
    group.addTo(map);
  }

  fetch(source).then(function (response) {
    if (!response.ok) { throw new Error(response.status); }
    return response.json();
  }).then(function (data) {
    document.title = data.title;
    fitView(data, drawAreas(data));
    drawPlaces(data);
  }).catch(function () {
    document.title = "Kaart niet beschikbaar";
    if (!viewSet) { showDefault(); }
  });
})();
{% endmacro %}
