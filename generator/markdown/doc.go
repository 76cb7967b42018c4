// Package markdown converts the Markdown body of pages to HTML. It holds the
// project's one goldmark configuration and its extensions.
//
// This comment is the editor's reference for what page bodies may contain.
//
// # Markdown
//
// CommonMark, plus tables, footnotes ("text[^1]" and a "[^1]: note" line),
// ~~strikethrough~~ and typographic punctuation: straight quotes become curly
// quotes, "--" an en dash, "---" an em dash, "..." an ellipsis and << >>
// become « ».
//
// Raw HTML is not allowed: it is removed from the page and reported as a
// warning (HTML comments are removed silently). Links to javascript: and other
// unsafe URLs are removed and reported too. Images must be files of the site
// (put them in assets/ and write ![description](/assets/map.png)): an image
// from another site is reported, since pages make no third-party requests.
//
// Headings get an id made from their text, without accents: "## Đề án 06 —
// kết quả" gets id "de-an-06-ket-qua", so the section can be linked as
// "#de-an-06-ket-qua". A second heading with the same text gets "-1", then
// "-2", and so on. To choose the id yourself, end the heading with {#id}:
//
//	## Kết quả đạt được {#ket-qua}
//
// Two headings given the same id is an error; a heading with no text is
// reported as a warning (it would be a heading a screen reader announces
// with no name). A page with four or more level 2 and 3 headings (## and
// ###) gets a table of contents listing its ## headings.
//
// Links to pages of the site are written from the site root, as in
// [EGDI](/metrics/egdi-rank/); the generator adds the site's base path.
//
// Wide tables scroll sideways on narrow screens. Cell alignment (:--, :-:,
// --:) is kept as the classes align-left, align-center and align-right.
// Write a table from the start of its lines: indented by a tab or four
// spaces (as a table pasted from elsewhere often is), Markdown shows them as
// code, and the check warns "this table is indented, so it shows as code"
// at its first row. To show a table's text as code on purpose, put it in a
// fenced block (```).
//
// Lists and quotes nest up to 100 deep: a line outside fenced code that is
// indented by more than 256 columns, or starts with more than 100 list
// markers and quote marks, is an error at that line (Markdown would take
// minutes over a page nested thousands deep).
//
// # Charts
//
// A fenced block whose info string is "chart" draws a chart of one or more
// metric series at that place in the page. Its body is TOML:
//
//	```chart
//	metrics = ["egdi-rank", "osi-rank"]   # required: one or more series ids
//	title   = "Xếp hạng EGDI và OSI"      # optional
//	type    = "line"                      # optional: "line", "bar" or "map" (see Maps)
//	from    = 2018                        # optional: first period shown
//	to      = "2024-H1"                   # optional: last period shown
//	```
//
// A series with sub-series (one line per country, province…) can be cut
// down to some of them, and one or more lines picked out:
//
//	```chart
//	metrics   = ["egdi-rank"]
//	subseries = ["vnm", "tha", "mys", "idn", "phl"]   # only these lines
//	highlight = ["vnm"]                                 # drawn bold; the rest muted
//	```
//
// Keys:
//
//   - metrics: list of strings, required, at least one: ids of metric series
//     (the names of content/metrics/<id>.toml without .toml).
//   - title: string, shown above the chart.
//   - type: "line", "bar" or "map".
//   - from, to: periods written as in the metric files: 2024, "2024-H1",
//     "2024-Q2", "2024-06" or 2024-06-30. Without from (to) the chart starts
//     (ends) with the data.
//   - subseries: list of sub-series ids (the id of each [[subseries]] of the
//     metric file; for a series read from a table without [[subseries]],
//     the ids made from its names, such as "viet-nam": the subseries column
//     of its CSV download). Only these lines are drawn and listed in the
//     chart's table, in the order the metric file declares them. Every
//     series of the chart that has sub-series must have each id; a series
//     without sub-series is drawn whole.
//   - highlight: list of sub-series ids, or of series ids when the chart
//     draws several series. Those lines are drawn thick, in colour, with
//     their point labels (when they are few: see charts); the other lines
//     are thin and grey-toned, still in the legend, the tooltip and the
//     table.
//
// Any other key, a value of the wrong type, an id listed twice and a TOML
// syntax error are errors, reported at the file, line and column where they
// occur. An id that names no sub-series (or no line, for highlight) is an
// error at the line of its key, listing the ids there are:
//
//	p.md:14:1: chart: sub-series "xyz" of egdi-rank: not one of "brn", "khm", "idn", …
//
// A chart tells up to 16 lines apart by colour (highlighted lines take the
// first colours), and from the ninth line on by dashes and square markers
// too. Values are written beside the points only where they stay readable:
// on at most 3 lines (the highlighted ones, if any) of at most 12 points.
// Otherwise the tooltip, which lists the lines best first (rank 1 first),
// and the table under the chart carry them.
//
// # Maps
//
// type = "map" colours the shapes of a map by the figures of one series'
// sub-series, for one period at a time: each sub-series' id is the code of
// its shape (a country's ISO 3166-1 alpha-3 code in lower case on the
// world map, "vnm"; a province's code on a map of the site's own).
//
//	```chart
//	type    = "map"
//	metrics = ["internet-users-asean"]   # exactly one series, with sub-series
//	map     = "vn-provinces"             # optional: "world" (default) or content/maps/<id>.toml
//	period  = 2024                       # optional: the period shown first (default: the latest)
//	from    = 2020                       # optional, as for other charts
//	```
//
// The page shows the map with its colour scale and unit (the darker, the
// better, as the series' better says), a period selector when the series
// has figures of several periods (each drawn on the boundaries in force at
// the end of its period: see generator/maps), a tooltip naming each shape
// and its value with its qualifier, and beneath it the table of every
// figure (code, name, period, value, source). A sub-series whose code
// matches no shape of its period's boundaries stays in the table, and the
// map says so: "2 codes match no shape of the map: bhr (Bahrain), sgp
// (Singapore)." ("2 mã không khớp với bản đồ: …" in Vietnamese). When the
// shapes with a figure cover less than half of the map, as the countries
// of one region do on the world map, the map is framed on them.
// map and period without type = "map", subseries or highlight on a map
// (it draws them all), an unknown map, a series without sub-series and a
// period the series has no figure of are errors.
package markdown
