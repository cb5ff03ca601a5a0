#!/usr/bin/env bash
# Re-vendors Leaflet and Leaflet.markercluster from the npm registry into the package (no CDN at run time).
set -euo pipefail
cd "$(dirname "$0")/.."
LEAFLET=1.9.4
CLUSTER=1.5.3
dest=wijkkaart/assets/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "leaflet@$LEAFLET" "leaflet.markercluster@$CLUSTER" >/dev/null)
mkdir -p "$work/l" "$work/c"
tar xzf "$work/leaflet-$LEAFLET.tgz" -C "$work/l"
tar xzf "$work/leaflet.markercluster-$CLUSTER.tgz" -C "$work/c"
rm -rf "$dest" && mkdir -p "$dest/leaflet/images" "$dest/markercluster"
cp "$work/l/package/dist/leaflet.css" "$work/l/package/LICENSE" "$dest/leaflet/"
cp "$work/l/package/dist/images/"*.png "$dest/leaflet/images/"
sed '/^\/\/# sourceMappingURL=/d' "$work/l/package/dist/leaflet.js" > "$dest/leaflet/leaflet.js"
sed '/^\/\/# sourceMappingURL=/d' "$work/c/package/dist/leaflet.markercluster.js" > "$dest/markercluster/leaflet.markercluster.js"
cp "$work/c/package/dist/MarkerCluster.css" "$work/c/package/dist/MarkerCluster.Default.css" "$work/c/package/MIT-LICENCE.txt" "$dest/markercluster/"
printf 'leaflet %s\nleaflet.markercluster %s\n' "$LEAFLET" "$CLUSTER" > "$dest/VERSIONS"
echo "vendored into $dest"
