// Package maps loads the boundaries that map charts colour: shapes, each
// keyed by a code, in one or more versions in force from a date. A chart
// block of type "map" (generator/markdown) colours each shape by the value
// of the sub-series whose id is the shape's code.
//
// This comment is the editor's reference for content/maps/.
//
// # The world
//
// The map "world" is built in: the countries of Natural Earth at 1:110m,
// keyed by their ISO 3166-1 alpha-3 codes (VNM, THA, KOR…), named in
// Vietnamese and English (assets/vendor/world/, made by
// .ci/world/update.sh). A series drawn on it declares one sub-series per
// country, its id the code in lower case:
//
//	[[subseries]]
//	id       = "vnm"
//	label    = "Việt Nam"
//	label_en = "Viet Nam"
//
// A series names the map in its file (map = "world", see
// generator/metrics) for its page to draw it, or a page draws it with a
// chart block of type = "map" (see generator/markdown); "world" is the
// default map of a chart block.
//
// Small countries (Singapore, Bahrain, Malta…) have no shape at that
// scale: their figures stay in the table, marked "not on the map", and
// the map says which codes match no shape, with the sub-series' labels:
//
//	2 codes match no shape of the map: bhr (Bahrain), sgp (Singapore).
//	2 mã không khớp với bản đồ: bhr (Bahrain), sgp (Singapore).
//
// The same message names a code that is no country's (a typing mistake,
// "vnn" for "vnm"). make check warns of it when the sub-series' label is
// the name of a shape no other sub-series takes, with the code to write:
//
//	content/metrics/egdi-score.toml:49:6: warning: sub-series "vnn" (Viet Nam) matches no shape of map "world": did you mean id = "vnm", the code of Viet Nam?
//
// A mistyped code whose label names no shape is said only on the page,
// so read the message there when you add a country. N. Cyprus,
// Somaliland and Kosovo have a shape but no ISO code: they are drawn,
// never coloured.
//
// When the shapes with a figure cover less than half of the map (the
// countries of one region on the world map), the map is framed on them,
// the shapes around them drawn to the figure's edges.
//
// # A map of the site's own: content/maps/<id>.toml
//
// Any other map is a declaration, content/maps/<id>.toml (the id is the file
// name: letters a-z, digits and '-'), and the GeoJSON files of its
// boundaries beside it, one file per version of the boundaries. To add
// one: save the GeoJSON file (exported from QGIS, mapshaper or the
// agency that publishes the boundaries, in longitude/latitude, WGS 84) in
// content/maps/, write the declaration naming it and the property that
// holds each shape's code, and give the series drawn on it one
// [[subseries]] per shape, its id the code (in lower case):
//
//	attribution    = "Ranh giới: Cục Đo đạc, Bản đồ và Thông tin địa lý Việt Nam"  # required: where the
//	attribution_en = "Boundaries: Department of Survey, Mapping and …"           #   boundaries come from
//	code    = "ma_tinh"    # required: the property of each feature that holds its code
//	name    = "ten_tinh"   # optional: the property holding its name (else the code is its name)
//	name_en = "name_en"    # optional: its English name (else name)
//
//	[[boundaries]]                          # the first version: no valid_from
//	file = "vn-provinces-2024.geojson"      # a file of content/maps/
//
//	[[boundaries]]                          # each later one in force from a day on
//	file       = "vn-provinces-2025.geojson"
//	valid_from = 2025-07-01                 # Vietnam's 34 provinces
//
// A figure is drawn on the version in force at the end of its period (a
// total to a date, at that date): on this map 2025-H1 and as_of =
// 2025-06-30 are drawn with the 63 provinces of vn-provinces-2024.geojson,
// 2025 and 2025-Q3 with the 34 of vn-provinces-2025.geojson. The chart's
// period selector switches between them.
//
// A boundary file is a GeoJSON FeatureCollection (RFC 7946, longitude then
// latitude) whose features are Polygons or MultiPolygons, each with the
// code property: a string ("01", "HN") or a whole number (1). A code is
// matched to a sub-series id in lower case: "HN" is the sub-series "hn".
// A feature whose code is null is drawn and never coloured. Other
// properties are left out of the published file, and coordinates are
// rounded to 4 decimals (about 10 m).
//
// valid_from is a TOML date (2025-07-01, no quotes); the first version
// has none, every later one has one, each after the one before.
//
// Checked, each reported at its file, line and column: the declaration's
// keys (unknown, missing, wrong type), an id with other characters, a file
// that is not in content/maps/ or cannot be read (a name close to one
// that is there is suggested), a valid_from on the first version, missing
// on a later one or not after the one before; in a GeoJSON file, bad
// JSON, a top level that is not a FeatureCollection, a feature without the
// code property or a geometry that is not a Polygon or MultiPolygon, a
// code of another type, and two features of the same code (in any case).
// A GeoJSON file of content/maps/ that no declaration names is a warning.
// A map that a chart block or a series names and that is neither "world"
// nor declared is an error at the name, the closest map's id suggested.
//
// On the page each map's boundaries are a file of their own,
// /maps/<id>/<file>.json (the world's is /assets/vendor/world/countries-110m.json),
// loaded only by the pages that draw it.
package maps
