#!/usr/bin/env bash
# Re-vendors Leaflet, Leaflet.markercluster and lean-qr (QR codes on the client's list) from the npm registry into the package (no CDN at run time).
set -euo pipefail
cd "$(dirname "$0")/.."
LEAFLET=1.9.4
CLUSTER=1.5.3
LEANQR=2.7.4
dest=wijkkaart/assets/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "leaflet@$LEAFLET" "leaflet.markercluster@$CLUSTER" "lean-qr@$LEANQR" >/dev/null)
mkdir -p "$work/l" "$work/c" "$work/q"
tar xzf "$work/leaflet-$LEAFLET.tgz" -C "$work/l"
tar xzf "$work/leaflet.markercluster-$CLUSTER.tgz" -C "$work/c"
tar xzf "$work/lean-qr-$LEANQR.tgz" -C "$work/q"
rm -rf "$dest" && mkdir -p "$dest/leaflet/images" "$dest/markercluster" "$dest/lean-qr"
cp "$work/l/package/dist/leaflet.css" "$work/l/package/LICENSE" "$dest/leaflet/"
cp "$work/l/package/dist/images/"*.png "$dest/leaflet/images/"
sed '/^\/\/# sourceMappingURL=/d' "$work/l/package/dist/leaflet.js" > "$dest/leaflet/leaflet.js"
sed '/^\/\/# sourceMappingURL=/d' "$work/c/package/dist/leaflet.markercluster.js" > "$dest/markercluster/leaflet.markercluster.js"
cp "$work/c/package/dist/MarkerCluster.css" "$work/c/package/dist/MarkerCluster.Default.css" "$work/c/package/MIT-LICENCE.txt" "$dest/markercluster/"
# ES modules, named .js so that any static host sends them with a script type.
cp "$work/q/package/index.mjs" "$dest/lean-qr/lean-qr.js"
cp "$work/q/package/extras/svg.mjs" "$dest/lean-qr/svg.js"
cp "$work/q/package/LICENSE" "$dest/lean-qr/"
printf 'leaflet %s\nleaflet.markercluster %s\nlean-qr %s\n' "$LEAFLET" "$CLUSTER" "$LEANQR" > "$dest/VERSIONS"
echo "vendored into $dest"
