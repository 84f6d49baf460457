#!/usr/bin/env bash
# Build the dashboard's map vendor files (issue 21) from pinned npm packages, so the web UI never
# fetches anything from outside hosts at run time. Writes into web/vendor/ (committed; embedded in
# the binary by crates/dyad-server/src/assets.rs):
#   d3-array.min.js, d3-geo.min.js   the upstream UMD builds, unchanged (ISC; they define window.d3)
#   topojson-client.min.js           upstream UMD build, unchanged (ISC; window.topojson)
#   countries-110m.json              world-atlas's 1:110m country outlines (ISC; Natural Earth data,
#                                    public domain) with each country's ISO 3166-1 alpha-3 code added
#                                    as `properties.iso3` (from i18n-iso-countries, MIT), the code
#                                    the store's place_country uses
# Licences are named in docs/data.md; their texts are copied to web/vendor/licenses/. Needs node and npm (the npm registry).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/web/vendor"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

cd "$TMP"
npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error --save-exact \
  d3-array@3.2.4 d3-geo@3.1.1 topojson-client@3.1.0 world-atlas@2.0.2 i18n-iso-countries@7.14.0 >/dev/null

mkdir -p "$OUT"
cp node_modules/d3-array/dist/d3-array.min.js "$OUT/d3-array.min.js"
cp node_modules/d3-geo/dist/d3-geo.min.js "$OUT/d3-geo.min.js"
cp node_modules/topojson-client/dist/topojson-client.min.js "$OUT/topojson-client.min.js"
node -e '
const fs = require("fs");
const iso = require("i18n-iso-countries");
const topo = JSON.parse(fs.readFileSync("node_modules/world-atlas/countries-110m.json", "utf8"));
let missing = [];
for (const g of topo.objects.countries.geometries) {
  const a3 = g.id ? iso.numericToAlpha3(g.id) : undefined;
  g.properties = { name: g.properties.name, iso3: a3 || null };
  if (!a3) missing.push(g.properties.name);
}
// Kosovo has no ISO numeric code in world-atlas; Dyad codes it XKX (data/actors/countries.txt).
for (const g of topo.objects.countries.geometries) if (g.properties.name === "Kosovo") g.properties.iso3 = "XKX";
fs.writeFileSync(process.argv[1], JSON.stringify(topo));
console.error("countries without an ISO code: " + missing.join(", "));
' "$OUT/countries-110m.json"
# Each package's licence text next to its file (not served; the ISC notice must travel with the code).
mkdir -p "$OUT/licenses"
for pkg in d3-array d3-geo topojson-client world-atlas; do
  cp "$(ls node_modules/$pkg/LICENSE* | head -n1)" "$OUT/licenses/$pkg.txt"
done
ls -l "$OUT" "$OUT/licenses"
