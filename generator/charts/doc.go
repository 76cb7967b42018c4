// Package charts turns metric series into the JSON that assets/js/charts.js
// draws with Apache ECharts (vendored in assets/vendor/echarts/). go-echarts is
// used only as a typed builder of the ECharts option: nothing here renders
// HTML or refers to a CDN.
//
// # Page contract
//
// For a chart with id ID (a JS identifier, unique on the page) the page holds:
//
//	<div id="ID" class="chart-box" hidden></div>  <!-- sized by CSS, else 320px -->
//	<script type="application/json" data-chart="ID">…payload from Option…</script>
//	<span data-chart-png="ID" hidden><a href="#">PNG</a></span>  <!-- optional, any element -->
//	<table>…the same figures…</table>              <!-- fallback: stays whatever happens -->
//
// and, once per page, with no inline script (CSP script-src 'self' is enough):
//
//	<script src="/assets/vendor/echarts/echarts.min.js" defer></script>
//	<script src="/assets/js/charts.js" defer></script>
//
// charts.js un-hides the element with id ID, draws the chart into it, adds
// the class "chart-ready" and un-hides its [data-chart-png] elements (a click
// in one downloads ID.png). If ECharts did not load or the chart fails, the
// element stays hidden and nothing throws. ECharts' aria description replaces
// the element's aria-label.
//
// The option's title has show: false: on the page the figure's caption is
// the title. charts.js draws the PNG with a second, off-screen ECharts
// instance (no animation) where the title is shown, wrapped to the chart's
// width, and the grid moved down by its height; the chart on screen is not
// touched. While the page prints (beforeprint, or matchMedia('print')
// matching) every chart is redrawn in the light palette without animation,
// and redrawn for the screen after afterprint.
//
// # Payload
//
// Option returns one JSON object, deterministic and HTML-safe (json.Marshal
// escapes <, > and &, so "</script>" in a title cannot end the element):
//
//	{
//	  "option": { …ECharts option: title, aria, grid, legend, tooltip, xAxis, yAxis, series… },
//	  "meta": {
//	    "id": "chart_0_egdi_rank", "lang": "vi", "kind": "rank", "type": "line", "unit": "hạng",
//	    "better": "lower",                            // the tooltip's order; "" when the series differ
//	    "periods": ["2022", "", "2024"],              // long period names, one per x category; "" for a gap
//	    "words": {"derived": "suy ra từ", "other": "nguồn khác", "vs": "so với", "see": "Xem trong văn bản"},
//	    "series": [                                   // one per option.series, same order
//	      {"role": "line", "line": 0, "color": 0, "decimals": -1,   // "muted": true when others are highlighted
//	       "points": [{"of": 193}, null, {"of": 193, "change": "tăng 15 bậc",
//	                  "src": "/sources/phien-hop-10-2025-02/#q-…"}]}
//	    ]
//	  }
//	}
//
// A point's meta may carry: "of" (out of how many), "q" and "flag" (its
// qualifier and flag in the page's words, written before and after the
// value: "trên 60", "28 (ước tính)"), "gap" (the reason a period states no
// value), "derived" and "from", "change" (the change its source states, in
// words), "prev"/"prevAt" (a previous value to compute a percentage
// against, given only when the point states no change: the latest earlier
// point of a comparable period, out of the same total, quoted and
// unhedged, for amounts and counts without a total) and "src" (its quoted
// passage on its document's page, linked from the tooltip, which can be
// entered). A series' role is "line", "part" (a further stretch of a line
// broken by a gap, in its colour) or "other". Its color is its line's place
// in the palette; muted says that the chart highlights other lines.
//
// option holds no functions and no colours: charts.js adds the formatters
// (numbers with Intl.NumberFormat in vi-VN or en-GB, ranks as "71/193",
// qualifiers, flags, derived and other-source marks, the stated change or
// the one against "prev"), the
// light or dark palette (see Colours), and animation: false when the reader
// prefers reduced motion. meta.series[i].points[j] describes
// option.series[i].data[j] and is null where the value is "-". The tooltip
// of a gap (no figure) is empty, and tooltips are built as elements, not HTML
// strings with style attributes, which CSP would block. A tooltip lists the
// lines best first, by meta.better: rank 1 first, the highest value first
// when higher is better; a stated gap last; equal values in the legend's
// order (the declared one). When the series disagree on better, the legend's
// order.
//
// # What is drawn
//
//   - x axis: honest about time. The categories are the union of the periods
//     of every point and target deadline in range, in calendar order,
//     labelled with Lang.AxisPeriod (short, never cryptic: a half-year is
//     "6 tháng đầu" over "2024", axisLabel.lineHeight apart; tooltips, the text equivalent and
//     meta.periods spell periods out with Lang.Period), and between them the gaps: each period
//     stands at its end (a day at the end of its month), and every period of
//     the fill grain that ends strictly between the first and the last, at
//     no period's end, is a category too, with "-" in every series. The fill
//     grain is the finest grain of the periods (a day counts as a month),
//     coarsened month → quarter → half → year while the axis would have more
//     than 30 categories. So 2021, 2023, 2024 become 2021, (2022), 2023,
//     2024; 7/2024 and a 2025 deadline get the 16 months between them; 2021,
//     H1 2023, 2023 get the two halves of 2022. Gaps are never labelled: a
//     label names a period of the data, never a year without one (a survey of
//     2003, 2004, 2005, 2008, 2010… shows those, with unlabelled room for
//     2006, 2007 and 2009). The axis then shows every real label (interval 0)
//     except one that would overlap a label shown before it (hideOverlap), so
//     at 360 px some of a long series' labels give way. meta.periods is ""
//     for a gap. A line without a value for a category
//     has "-" there and is drawn across it, except where a point states a
//     gap: the line breaks there (it is drawn as parts). Figures of unstated
//     time are not on the axis. The HTML table lists only the real points,
//     gaps and targets.
//   - one series per series and sub-series (a legend when there are several,
//     which wraps: charts.js leaves room for its rows at the chart's width),
//     in the order the series and their files declare them; all must share
//     kind and unit, else Option returns an error. Spec.Subseries keeps only
//     the sub-series it names (still in the declared order), and
//     Spec.Highlight names lines (sub-series or series ids) drawn thick (3.5
//     px, larger markers) over the others, which are muted: thin (1 px),
//     small markers, under them, grey-toned by charts.js, and still in the
//     legend, the tooltip, the text equivalent and the table. CheckPicks
//     lists the ids that name no line; Option fails on the first.
//   - colours: each line has its own (meta color), highlighted lines first,
//     up to 16; see Colours. Lines 9–16 are also dashed with square markers,
//     lines 17–24 dotted with triangles (their colours repeat), so that up to
//     24 lines are told apart without colour. Bars are told apart by colour
//     alone.
//   - rank: a line on an inverted axis from 1 (at the top) to the highest
//     "of" of its points (193 for the UN's members; 194 when one is out of
//     194), not a rounded 200 or 210, in about four steps (1, 50, 100,
//     150, 193); without "of", to the data (or a target below it). Labels
//     "71/193".
//   - point labels, only where they stay readable: at most 3 lines are
//     labelled (the highlighted ones when there are, else every line; none
//     when more), each with at most 12 points: a rank; a line with a single
//     point (its target has a label, so must it); the chart's only line when
//     it has at most 6 points. Otherwise there are none: the tooltip and the
//     table carry the values. charts.js writes the number alone ("13,7"),
//     with "%" for percentages, and at the chart's width keeps, from the
//     line's latest value back, only the labels that clear the one kept
//     after them (at 360 px, about every other year of a 22-year axis);
//     labels that would overlap another line's are hidden
//     (labelLayout.hideOverlap).
//   - y axis name: the unit (none for ranks), above the axis and
//     left-aligned from it (nameLocation "end", nameTextStyle.align "left"),
//     so that a long unit is never cut at the left edge.
//   - amount: bars (unless Type is "line").
//   - rate: lines on an axis from 0 to the highest value or target rounded up
//     to ten, at most 100.
//   - count: lines.
//   - index: lines; an axis fixed by the series' axis_min and axis_max, and
//     the decimals its values need, at most 6.
//   - targets (any kind): a dashed markLine on their line from the first
//     category to a dot at the deadline, labelled "Mục tiêu 80% (2024)"
//     above its end (a target due at the first category is only a dot, its
//     label starts there, below the line); the y axis always reaches the
//     highest target. A target restated with the same value and deadline is
//     drawn once.
//   - derived points: hollow symbols (faded bars) and "derived" in meta.
//   - two sources reporting one period of a line: the line goes through the
//     first stated point (in data order), the others are "other" scatter
//     series of diamonds in the line's colour. Nothing is dropped. In a group
//     of bars charts.js moves each diamond over its own line's bar
//     (symbolOffset from the offset and width ECharts' bar layout gave that
//     bar, recomputed on resize and when the legend hides a series).
//   - aria: enabled, with a text description written with Lang.Number,
//     qualifiers and flags included.
//
// # Colours
//
// charts.js has a palette of 16 colours for the light page and 16 for the
// dark one (TestPalette checks what follows). Every colour holds 3:1
// against the page (#fff; #121417 in the dark), as WCAG 1.4.11 asks of the
// parts of a graphic, and no two are closer than ΔE 10 (CIE 1976). The
// first 8, for charts of few lines, stay at least ΔE 15 apart as readers
// with deuteranopia or protanopia see them (simulated after Machado et
// al., 2009):
//
//   - six of Okabe and Ito's colour-blind-safe set (blue, vermillion, bluish
//     green, reddish purple, sky blue, black; white on the dark page),
//     darkened to 3:1 on white (sky blue) or lightened to 4.5:1 on the dark
//     page (blue). Its orange and yellow are left out on white: darkened to
//     3:1 the orange is the vermillion to a deuteranope, and the yellow the
//     orange. The dark page keeps the yellow;
//   - ColorBrewer's crimson (#b2182b) and Paul Tol's indigo (#332288), which
//     kept their distance from the six (the dark page: a lighter crimson and
//     the yellow).
//
// Lines 9–16 take 8 more from Tol's muted set and ColorBrewer's diverging
// schemes (wine, green, purple, magenta, olive, dark green, cyan, lilac),
// the farthest from those before them that a search of both found. Sixteen
// colours cannot all stay apart for colour-blind readers, so these lines are
// dashed, with square markers, too.
//
// # Maps
//
// A map (a choropleth of sub-series keyed by geographic code) has a
// payload of its own: see MapOption.
package charts
