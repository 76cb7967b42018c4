#!/usr/bin/env bash
# Regenerates assets/vendor/world/: the world map's countries
# (countries-110m.json) and the licences of what it is made from, from
# pinned npm packages. Run it again only to change a version; the site
# builds from the committed output, with no network.
#
#   world-atlas 2.0.2         Natural Earth 1:110m Admin 0 countries as TopoJSON
#                             (ISC; the Natural Earth data is public domain).
#                             Numeric ISO 3166-1 ids and English names.
#   topojson-client 3.1.0     converts the TopoJSON to GeoJSON, here, once.
#   i18n-iso-countries 7.14.0 the ISO 3166-1 table (numeric ↔ alpha-3) and the
#                             countries' names in Vietnamese and English (MIT).
#
# convert.js does the work; it writes one feature per line, coordinates
# rounded to 2 decimals, rings across the antimeridian unwrapped past 180°,
# and leaves Antarctica out.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../assets/vendor/world"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
echo '{"name":"world-build","private":true}' > package.json
npm install --no-audit --no-fund --loglevel=error --save-exact \
	world-atlas@2.0.2 topojson-client@3.1.0 i18n-iso-countries@7.14.0
mkdir -p "$out"
NODE_PATH="$work/node_modules" node "$here/convert.js" > "$out/countries-110m.json"
cp node_modules/world-atlas/LICENSE "$out/LICENSE-world-atlas"
cp node_modules/i18n-iso-countries/LICENSE "$out/LICENSE-i18n-iso-countries"
sha=$(sha256sum "$out/countries-110m.json" | cut -d' ' -f1)
cat > "$out/VERSION" <<TXT
World countries for tiendo's maps (generator/maps), ISO 3166-1 alpha-3 codes
source:  world-atlas@2.0.2 countries-110m.json (Natural Earth 1:110m Admin 0, public
         domain; the TopoJSON is ISC, LICENSE-world-atlas), converted to GeoJSON by
         topojson-client@3.1.0; codes and Vietnamese and English names from
         i18n-iso-countries@7.14.0 (MIT, LICENSE-i18n-iso-countries)
built:   .ci/world/update.sh (convert.js): coordinates rounded to 2 decimals, one
         feature per line, rings across the antimeridian unwrapped past 180°,
         Antarctica left out; properties code (null for N. Cyprus, Somaliland and
         Kosovo, which have no ISO code), name (Vietnamese), name_en
sha256:  $sha  countries-110m.json
TXT
echo "$sha  countries-110m.json"
