package charts

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/metrics"
)

// Spec says what one chart shows.
type Spec struct {
	// ID is the DOM id of the chart's element and the ECharts chart id: a JS
	// identifier ([A-Za-z_][A-Za-z0-9_]*), unique on its page, e.g. "chart_egdi_rank_0".
	ID string
	// Series are drawn one line (or bar group) per series and sub-series. All
	// must have the same kind and, in the page's language, the same unit: a
	// chart has one y axis. Otherwise Option returns an error.
	Series []*metrics.Series
	// Title overrides the series' titles.
	Title string
	// Type is "" (by kind: bars for amounts, lines otherwise), "line" or "bar".
	// Ranks are always lines: bars on an inverted axis read wrong.
	Type string
	// Passage, when set, gives the URL of a point's quoted passage in its
	// document (or ""), for the tooltip to link.
	Passage func(*metrics.Point) string
	// From and To limit the chart to the periods that lie within
	// From.Start()…To.End(); a zero period leaves that side open. Targets due
	// outside the range are left out too.
	From, To calendar.Period
	// Subseries, when set, picks the lines drawn of every series that has
	// sub-series: those with these ids, in the order the series declares
	// them. A series without sub-series is drawn whole.
	Subseries []string
	// Highlight names the lines drawn prominently, by sub-series id or by
	// series id; the other lines are muted. Empty: no line is.
	Highlight []string
}

// PickError is an id of Spec.Subseries or Spec.Highlight that names no line.
type PickError struct {
	Key    string   // "subseries" or "highlight"
	ID     string   // the id
	Series string   // for subseries: the series that has no such sub-series
	Valid  []string // the ids there are
}

func (e *PickError) Error() string {
	const most = 20
	quoted := make([]string, 0, most+1)
	for i, id := range e.Valid {
		if i == most {
			quoted = append(quoted, fmt.Sprintf("… (%d more)", len(e.Valid)-most))
			break
		}
		quoted = append(quoted, strconv.Quote(id))
	}
	switch {
	case e.Key == "subseries" && len(e.Valid) == 0:
		return fmt.Sprintf("subseries: %s has no sub-series", e.Series)
	case e.Key == "subseries":
		return fmt.Sprintf("sub-series %q of %s: not one of %s", e.ID, e.Series, strings.Join(quoted, ", "))
	}
	return fmt.Sprintf("highlight %q: not a line of the chart; its lines are %s", e.ID, strings.Join(quoted, ", "))
}

// CheckPicks returns every id of spec.Subseries and spec.Highlight that
// names no line of the chart: a sub-series id that a series with sub-series
// lacks, or that no series of the chart has (none has sub-series); a
// highlight that is neither a series of the chart nor a sub-series drawn.
func CheckPicks(spec Spec) []*PickError {
	var out []*PickError
	var subbed []*metrics.Series
	for _, s := range spec.Series {
		if s != nil && len(s.Subseries) > 0 {
			subbed = append(subbed, s)
		}
	}
	if len(spec.Subseries) > 0 && len(subbed) == 0 && len(spec.Series) > 0 && spec.Series[0] != nil {
		out = append(out, &PickError{Key: "subseries", ID: spec.Subseries[0], Series: spec.Series[0].ID})
	}
	for _, s := range subbed {
		var ids []string
		for _, sub := range s.Subseries {
			ids = append(ids, sub.ID)
		}
		for _, id := range spec.Subseries {
			if !slices.Contains(ids, id) {
				out = append(out, &PickError{Key: "subseries", ID: id, Series: s.ID, Valid: ids})
			}
		}
	}
	var lines []string // the ids a highlight may name
	for _, s := range spec.Series {
		if s == nil {
			continue
		}
		if len(spec.Series) > 1 || len(s.Subseries) == 0 {
			lines = append(lines, s.ID)
		}
		for _, sub := range s.Subseries {
			if (len(spec.Subseries) == 0 || slices.Contains(spec.Subseries, sub.ID)) && !slices.Contains(lines, sub.ID) {
				lines = append(lines, sub.ID)
			}
		}
	}
	for _, id := range spec.Highlight {
		if !slices.Contains(lines, id) {
			out = append(out, &PickError{Key: "highlight", ID: id, Valid: lines})
		}
	}
	return out
}

// Chart types.
const (
	Line = "line"
	Bar  = "bar"
)

// Meta is what charts.js needs besides the ECharts option: the formatters'
// inputs. See the package documentation.
type Meta struct {
	ID      string       `json:"id"`      // the chart id, equal to Spec.ID
	Lang    string       `json:"lang"`    // "vi" or "en"
	Kind    string       `json:"kind"`    // rank | amount | rate | count
	Type    string       `json:"type"`    // line | bar
	Unit    string       `json:"unit"`    // in Lang
	Better  string       `json:"better"`  // "lower" or "higher" when every series agrees, else "": the tooltip's order
	Periods []string     `json:"periods"` // long period names, one per x category; "" for a gap
	Words   Words        `json:"words"`
	Series  []SeriesMeta `json:"series"` // one per option.series, same order
}

// Words are the interface words charts.js writes into tooltips, in Meta.Lang.
type Words struct {
	Derived string `json:"derived"` // "suy ra từ" + period of the stated point
	Other   string `json:"other"`   // a second source's value for the same period
	Vs      string `json:"vs"`      // "+36 % so với 2023"
	See     string `json:"see"`     // the link to a point's passage in its document
}

// SeriesMeta describes one series of the option.
type SeriesMeta struct {
	// Role is "line" (a series or sub-series), "part" (a further part of a
	// line broken by a gap: a point stating that a period has no value) or
	// "other" (further values of a line for periods that several sources
	// report, drawn as markers).
	Role string `json:"role"`
	// Line is the index in option.series of the line this series belongs to
	// (its own index for a line); charts.js gives both the same colour.
	Line int `json:"line"`
	// Color is the line's place in the palette: its number among the
	// chart's lines, from 0 (the palette has 16 colours; see Style).
	Color int `json:"color"`
	// Muted: the chart highlights other lines; this one is drawn
	// grey-toned (charts.js mixes its colour with grey).
	Muted bool `json:"muted,omitempty"`
	// Decimals to show; -1 means as many as needed, at most 2.
	Decimals int `json:"decimals"`
	// Points are aligned with the series' data: null where the value is "-".
	Points []*PointMeta `json:"points"`
}

// PointMeta describes one data point.
type PointMeta struct {
	Of      *float64 `json:"of,omitempty"`      // "71/193": out of how many
	Q       string   `json:"q,omitempty"`       // the qualifier's words, put before the value: "trên", "over"
	Flag    string   `json:"flag,omitempty"`    // "ước tính", "estimate": put after the value in brackets
	Gap     string   `json:"gap,omitempty"`     // a stated gap: why the period has no value
	Change  string   `json:"change,omitempty"`  // the change the source states with the value, in words
	Src     string   `json:"src,omitempty"`     // the URL of its quoted passage in its document`
	Derived bool     `json:"derived,omitempty"` // computed from a stated change
	From    string   `json:"from,omitempty"`    // derived: the period it is computed from
	// Prev is the line's previous value of a comparable period (year with
	// year, as-of with as-of…) counted out of the same total ("54/76"
	// follows "43/76", never "43/53"), for amounts and counts, when neither
	// value is hedged nor derived: the tooltip shows the change against it
	// in %.
	Prev   *float64 `json:"prev,omitempty"`
	PrevAt string   `json:"prevAt,omitempty"` // the period of Prev, spelled out as in meta.periods
}

type payload struct {
	Option map[string]any `json:"option"`
	Meta   Meta           `json:"meta"`
}

var idPattern = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// assetsHost is given to go-echarts so that nothing ever points to its default
// CDN; this package never renders HTML, so it is not used.
const assetsHost = "/assets/vendor/echarts/"

// Option returns the chart's JSON payload for the page: {"option": …,
// "meta": …}. The bytes are deterministic and HTML-safe (<, > and & are
// escaped), ready for a <script type="application/json"> element.
//
// A problem of the editor's chart block (series that cannot share a chart,
// a rank drawn as bars, nothing to draw) is a *SpecError; other errors are
// the caller's.
func Option(spec Spec, lang *i18n.Lang) ([]byte, error) {
	p, err := build(spec, lang)
	if err != nil {
		return nil, err
	}
	return json.Marshal(p)
}

// A SpecError is a problem of what the chart is asked to draw, for the
// editor who wrote its block: Key names the key of the block it is about
// ("metrics", "type", "from"), and Err says what is wrong in each language
// (a *diag.Error) without the chart's id, which the editor never wrote.
type SpecError struct {
	Key string
	Err error
}

func (e *SpecError) Error() string { return e.Err.Error() }
func (e *SpecError) Unwrap() error { return e.Err }

// kindWord names a kind of series as an editor knows it.
func kindWord(kind string) diag.Text {
	switch kind {
	case metrics.Rank:
		return diag.T(`a rank (kind = "rank")`)
	case metrics.Amount:
		return diag.T(`an amount (kind = "amount")`)
	case metrics.Rate:
		return diag.T(`a rate (kind = "rate")`)
	case metrics.Count:
		return diag.T(`a count (kind = "count")`)
	case metrics.Index:
		return diag.T(`an index (kind = "index")`)
	}
	return diag.Text{En: kind}
}

// line is one series or sub-series, placed on the x categories.
type line struct {
	series   *metrics.Series
	name     string
	decimals int
	points   []*metrics.Point   // in range, in data order
	main     []*metrics.Point   // by category; nil where the line has no value
	extra    [][]*metrics.Point // further values of a category (another source)
	targets  []*metrics.Target  // in range, by deadline; a restated one (same value and deadline) once
	n        int                // the line's number among the chart's lines: its colour and style
	muted    bool               // the chart highlights other lines
	bold     bool               // the chart highlights this line
	targetAt []int              // category of each target's deadline
	gaps     []*metrics.Point   // in range: points stating that a period has no value
	gapAt    []*metrics.Point   // by category; nil where the line states no gap
}

// parts cuts the line's values at its gaps: one slice per stretch between
// two gaps, each as long as main, "-" (nil) outside its stretch.
func (l *line) parts() [][]*metrics.Point {
	var out [][]*metrics.Point
	cur := make([]*metrics.Point, len(l.main))
	any := false
	for i, p := range l.main {
		if l.gapAt[i] != nil && p == nil {
			if any {
				out = append(out, cur)
				cur, any = make([]*metrics.Point, len(l.main)), false
			}
			continue
		}
		cur[i] = p
		any = any || p != nil
	}
	if any || len(out) == 0 {
		out = append(out, cur)
	}
	return out
}

func build(spec Spec, lang *i18n.Lang) (*payload, error) {
	if !idPattern.MatchString(spec.ID) {
		return nil, fmt.Errorf("charts: chart id %q must be a JS identifier ([A-Za-z_][A-Za-z0-9_]*)", spec.ID)
	}
	if lang == nil {
		return nil, fmt.Errorf("charts: %s: no language", spec.ID)
	}
	kind, unit, err := checkSeries(spec, lang.Code)
	if err != nil {
		return nil, err
	}
	typ := spec.Type
	switch typ {
	case "":
		typ = Line
		if kind == metrics.Amount {
			typ = Bar
		}
	case Line, Bar:
	default:
		return nil, fmt.Errorf("charts: %s: unknown type %q; use %q or %q", spec.ID, typ, Line, Bar)
	}
	if typ == Bar && kind == metrics.Rank {
		return nil, &SpecError{"type", diag.Errorf(`a rank is drawn as a line on an inverted axis (1 at the top), not as bars: remove type = "bar"`)}
	}

	if bad := CheckPicks(spec); len(bad) > 0 {
		return nil, fmt.Errorf("charts: %s: %w", spec.ID, bad[0])
	}

	lines, slots := collect(spec, lang.Code)
	if len(lines) == 0 {
		if !spec.From.IsZero() || !spec.To.IsZero() {
			key := "from"
			if spec.From.IsZero() {
				key = "to"
			}
			return nil, &SpecError{key, diag.Errorf("nothing to draw: no point or target of the series falls in the range of from and to")}
		}
		return nil, &SpecError{"metrics", diag.Errorf("nothing to draw: the series have no point or target of a stated time")}
	}
	labels := make([]string, len(slots))
	meta := Meta{ID: spec.ID, Lang: lang.Code, Kind: kind, Type: typ, Unit: unit, Better: better(spec.Series),
		Periods: make([]string, len(slots)), Words: words(lang.Code)}
	gaps := false
	for i, s := range slots {
		if s.gap { // a period with no figure: no label, no tooltip
			gaps = true
			continue
		}
		labels[i] = lang.AxisPeriod(s.period)
		meta.Periods[i] = lang.Period(s.period)
	}
	labelled := labelledLines(kind, lines)
	title := spec.Title
	if title == "" {
		var ts []string
		for _, s := range spec.Series {
			ts = append(ts, s.TitleIn(lang.Code))
		}
		title = strings.Join(ts, "; ")
	}

	// The lines, as bars or lines, then the other sources' values as markers.
	var chart interface {
		Validate()
		JSON() map[string]any
	}
	var rect *ec.RectChart
	if typ == Bar {
		c := ec.NewBar()
		c.SetXAxis(labels)
		for _, l := range lines {
			o := l.targetLines(kind, unit, lang)
			if labelled[l] {
				o = append(o, pointLabels()...)
			}
			c.AddSeries(l.name, barData(l.main), o...)
		}
		chart, rect = c, &c.RectChart
	} else {
		c := ec.NewLine()
		c.SetXAxis(labels)
		for _, l := range lines {
			// A line bridges the periods it has no point for, but breaks
			// where a point states that there is no value (a gap): each
			// part is a series of its own, of the line's name and colour.
			st := l.style()
			for k, part := range l.parts() {
				o := []ec.SeriesOpts{ec.WithLineChartOpts(opts.LineChart{
					Symbol: st.symbol, SymbolSize: st.size, ConnectNulls: opts.Bool(true)})}
				if st.dash != "" || st.width != 0 {
					o = append(o, ec.WithLineStyleOpts(opts.LineStyle{Type: st.dash, Width: st.width}))
				}
				if k == 0 {
					o = append(o, l.targetLines(kind, unit, lang)...)
				}
				if labelled[l] {
					o = append(o, pointLabels()...)
				}
				c.AddSeries(l.name, lineData(part, st.symbol), o...)
			}
		}
		chart, rect = c, &c.RectChart
	}
	lineAt := make([]int, len(lines)) // the index in option.series of each line's first part
	for i, l := range lines {
		lineAt[i] = len(meta.Series)
		parts := [][]*metrics.Point{l.main}
		if typ == Line {
			parts = l.parts()
		}
		for k, part := range parts {
			m := SeriesMeta{Role: "line", Line: lineAt[i], Color: l.n, Muted: l.muted, Decimals: l.decimals,
				Points: l.pointMeta(part, kind, meta.Periods, lang, spec.Passage)}
			if k > 0 {
				m.Role = "part"
			} else {
				for j, gap := range l.gapAt {
					if gap != nil {
						m.Points[j] = &PointMeta{Gap: gap.GapIn(lang.Code)}
					}
				}
			}
			meta.Series = append(meta.Series, m)
		}
	}
	var others *ec.Scatter // built only when needed: go-echarts' constructors are slow
	for i, l := range lines {
		for _, e := range l.extra {
			if others == nil {
				others = ec.NewScatter()
			}
			others.AddSeries(l.name+" ("+meta.Words.Other+")", scatterData(e),
				ec.WithScatterChartOpts(opts.ScatterChart{Symbol: "diamond", SymbolSize: 11}))
			meta.Series = append(meta.Series, SeriesMeta{Role: "other", Line: lineAt[i], Color: l.n, Muted: l.muted,
				Decimals: l.decimals, Points: l.pointMeta(e, kind, meta.Periods, lang, spec.Passage)})
		}
	}
	if others != nil {
		rect.Overlap(others)
	}

	legend := len(meta.Series) > 1
	// The top of the grid leaves room for the unit above the y axis and for
	// the labels above the highest points; charts.js adds the title's height
	// when it draws the PNG, where the title is shown.
	grid := opts.Grid{ContainLabel: opts.Bool(true), Left: "8", Right: "24", Top: "32", Bottom: "8"}
	if legend {
		grid.Bottom = "40"
	}
	rect.SetGlobalOptions(
		ec.WithInitializationOpts(opts.Initialization{ChartID: spec.ID, AssetsHost: assetsHost}),
		// Hidden on screen, where the figure's caption is the title; shown in the PNG.
		ec.WithTitleOpts(opts.Title{Show: opts.Bool(false), Title: title, TitleStyle: &opts.TextStyle{FontSize: 14}}),
		ec.WithLegendOpts(opts.Legend{Show: opts.Bool(legend), Type: "plain", Bottom: "0"}),
		ec.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		ec.WithGridOpts(grid),
		ec.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Label: &opts.AriaLabel{
			Enabled: opts.Bool(true), Description: describe(title, lines, meta.Periods, kind, unit, lang)}}),
	)
	chart.Validate()
	option := chart.JSON()
	// The palette is charts.js's (light or dark); the toolbox is unused.
	delete(option, "color")
	delete(option, "toolbox")
	// The axes carry options go-echarts has no fields for.
	x := xAxis{XAxis: opts.XAxis{Type: "category", Data: labels}}
	if gaps {
		// Gaps are unlabelled: every real period's label is shown, unless
		// it would overlap one shown before it (ECharts' automatic interval
		// would label every nth category, gaps included, and skip real ones).
		zero := 0
		x.AxisLabel = &axisLabel{Interval: &zero, HideOverlap: true}
	}
	if slices.ContainsFunc(labels, func(l string) bool { return strings.Contains(l, "\n") }) {
		// A label of two lines ("6 tháng đầu" over "2024") needs their
		// height: ECharts would draw them over each other.
		if x.AxisLabel == nil {
			x.AxisLabel = &axisLabel{}
		}
		x.AxisLabel.LineHeight = axisLineHeight
	}
	option["xAxis"] = []xAxis{x}
	y := yAxisOf(kind, unit, lines)
	for _, se := range spec.Series { // a series can fix the axis: an index from 0 to 1
		if se.AxisMin != nil {
			y.Min = *se.AxisMin
		}
		if se.AxisMax != nil {
			y.Max = *se.AxisMax
		}
	}
	option["yAxis"] = []yAxis{y}
	option["series"] = layered(option["series"], meta.Series)
	meta.ID = rect.ChartID
	return &payload{Option: option, Meta: meta}, nil
}

// checkSeries returns the kind and unit the series share.
func checkSeries(spec Spec, lang string) (kind, unit string, err error) {
	if len(spec.Series) == 0 {
		return "", "", fmt.Errorf("charts: %s: no series", spec.ID)
	}
	for i, s := range spec.Series {
		if s == nil {
			return "", "", fmt.Errorf("charts: %s: series %d is nil", spec.ID, i)
		}
		switch s.Kind {
		case metrics.Rank, metrics.Amount, metrics.Rate, metrics.Count, metrics.Index:
		default:
			return "", "", fmt.Errorf("charts: %s: series %q has unknown kind %q", spec.ID, s.ID, s.Kind)
		}
		if i == 0 {
			kind, unit = s.Kind, s.UnitIn(lang)
			continue
		}
		first := spec.Series[0]
		if s.Kind != kind {
			return "", "", &SpecError{"metrics", diag.Errorf("%q is %s and %q %s: one chart draws series of one kind; draw them in two charts", first.ID, kindWord(kind), s.ID, kindWord(s.Kind))}
		}
		if u := s.UnitIn(lang); u != unit {
			return "", "", &SpecError{"metrics", diag.Errorf("%q is in %q and %q in %q: one chart has one unit; draw them in two charts", first.ID, unit, s.ID, u)}
		}
	}
	return kind, unit, nil
}

// Covers reports whether p lies within the spec's range: from the start of
// From to the end of To. The data table under a chart uses it too.
func (spec Spec) Covers(p calendar.Period) bool {
	start := p.Start()
	if p.Grain == calendar.AsOf {
		start = p.End() // a total up to a day stands at that day
	}
	return (spec.From.IsZero() || !start.Before(spec.From.Start())) &&
		(spec.To.IsZero() || !spec.To.End().Before(p.End()))
}

// picks reports whether the spec draws the line of sub-series sub ("" for
// a series without sub-series): every line, unless it names sub-series.
func (spec Spec) picks(sub string) bool {
	return sub == "" || len(spec.Subseries) == 0 || slices.Contains(spec.Subseries, sub)
}

// collect returns the lines to draw and the x categories: the union of their
// periods and target deadlines, in calendar order, with the gaps between them
// filled (see fill). gapLabels reports whether the gaps are labelled.
func collect(spec Spec, lang string) (lines []*line, slots []slot) {
	var periods []calendar.Period
	seen := map[calendar.Period]bool{}
	add := func(p calendar.Period) {
		if !seen[p] {
			seen[p] = true
			periods = append(periods, p)
		}
	}
	for _, s := range spec.Series {
		for _, sub := range s.Lines() {
			if !spec.picks(sub.ID) {
				continue
			}
			l := &line{series: s, name: s.TitleIn(lang), decimals: -1}
			if len(spec.Highlight) > 0 {
				l.bold = slices.Contains(spec.Highlight, s.ID) || sub.ID != "" && slices.Contains(spec.Highlight, sub.ID)
				l.muted = !l.bold
			}
			switch {
			case sub.ID != "" && len(spec.Series) == 1:
				l.name = sub.LabelIn(lang)
			case sub.ID != "":
				l.name += " — " + sub.LabelIn(lang)
			}
			if s.Decimals != nil {
				l.decimals = *s.Decimals
			} else if s.Kind == metrics.Index {
				l.decimals = indexDecimals(s.PointsOf(sub.ID)) // as the data needs, up to 6
			}
			for _, p := range s.PointsOf(sub.ID) {
				switch {
				case !p.Period.Timed() || !spec.Covers(p.Period):
				case p.IsGap():
					l.gaps = append(l.gaps, p)
					add(p.Period)
				case p.Value != nil:
					l.points = append(l.points, p)
					add(p.Period)
				}
			}
			for _, t := range s.TargetsOf(sub.ID) {
				if t.Value != nil && t.By != nil && spec.Covers(*t.By) && !restated(l.targets, t) {
					l.targets = append(l.targets, t)
					add(*t.By)
				}
			}
			if len(l.points)+len(l.targets) > 0 { // a line of gaps alone is not drawn
				lines = append(lines, l)
			}
		}
	}
	// Colours (and, past 8, dashes) go to the highlighted lines first: the
	// first of the palette, the most distinct, are theirs.
	n := 0
	for _, bold := range []bool{true, false} {
		for _, l := range lines {
			if l.bold == bold {
				l.n, n = n, n+1
			}
		}
	}
	slots = fill(periods)
	index := make(map[calendar.Period]int, len(periods))
	for i, s := range slots {
		if !s.gap {
			index[s.period] = i
		}
	}
	for _, l := range lines {
		l.place(index, len(slots))
	}
	return lines, slots
}

// slot is one x category: a period with points or a deadline, or a gap.
type slot struct {
	period calendar.Period
	gap    bool // a period of the fill grain with no point or deadline
}

// maxCategories caps the x axis: gaps are filled at the finest grain that
// keeps the axis within it (at 360 px a category is then about 10 px wide).
const maxCategories = 30

// fill sorts the periods (distinct periods never compare equal, so the order
// is total) and puts between them the periods of a fill grain that have no
// point, so that the axis is honest about time: 2021, 2023, 2024 becomes
// 2021, 2022, 2023, 2024; 7/2024 and a 2025 deadline get the 16 months
// between them. Each period stands at its end (a day at the end of its
// month): a gap is a period of the fill grain ending strictly after the
// first period and before the last, at no period's end. The fill grain is
// the finest of the periods' grains (a day counts as a month), coarsened
// (month, quarter, half, year) while the axis would hold more than
// maxCategories. Gaps are never labelled: an axis label always names a
// period of the data (a biennial survey's 2003, 2004, 2005, 2008 show as
// such, with unlabelled room for 2006 and 2007).
func fill(periods []calendar.Period) []slot {
	var slots []slot
	sort.Slice(periods, func(i, j int) bool { return periods[i].Compare(periods[j]) < 0 })
	for _, p := range periods {
		slots = append(slots, slot{period: p})
	}
	if len(periods) < 2 {
		return slots
	}
	g := calendar.Year
	ends := map[calendar.Date]bool{}
	for _, p := range periods {
		g = max(g, min(p.Grain, calendar.Month))
		ends[slotEnd(p)] = true
	}
	first, last := slotEnd(periods[0]), slotEnd(periods[len(periods)-1])
	var gaps []calendar.Period
	for ; ; g = coarser(g) {
		gaps = gaps[:0]
		for q := containing(first, g); q.End().Before(last); q = next(q) {
			if first.Before(q.End()) && !ends[q.End()] {
				gaps = append(gaps, q)
			}
		}
		if len(periods)+len(gaps) <= maxCategories || g == calendar.Year {
			break
		}
	}
	for _, q := range gaps {
		slots = append(slots, slot{period: q, gap: true})
	}
	sort.Slice(slots, func(i, j int) bool { return slots[i].period.Compare(slots[j].period) < 0 })
	return slots
}

// slotEnd is where a period stands on the axis: its end, or for a day the
// end of its month.
func slotEnd(p calendar.Period) calendar.Date {
	if p.Grain == calendar.Day {
		return calendar.Period{Grain: calendar.Month, Year: p.Year, N: p.N}.End()
	}
	return p.End()
}

// perYear is how many periods of a grain make a year.
func perYear(g calendar.Grain) int {
	switch g {
	case calendar.Half:
		return 2
	case calendar.Quarter:
		return 4
	case calendar.Month:
		return 12
	}
	return 1
}

// containing returns the period of grain g (year to month) holding day d.
func containing(d calendar.Date, g calendar.Grain) calendar.Period {
	if g == calendar.Year {
		return calendar.Period{Grain: g, Year: d.Year}
	}
	return calendar.Period{Grain: g, Year: d.Year, N: (d.Month-1)/(12/perYear(g)) + 1}
}

// next returns the period of the same grain (year to month) after q.
func next(q calendar.Period) calendar.Period {
	if q.Grain == calendar.Year || q.N == perYear(q.Grain) {
		q.Year++
		if q.Grain != calendar.Year {
			q.N = 1
		}
		return q
	}
	q.N++
	return q
}

// coarser returns the next coarser fill grain: month, quarter, half, year.
func coarser(g calendar.Grain) calendar.Grain {
	switch g {
	case calendar.Month:
		return calendar.Quarter
	case calendar.Quarter:
		return calendar.Half
	}
	return calendar.Year
}

// place puts the line's points on the categories. When several points share
// a period (two sources disagree, or a derived value meets a stated one), the
// line goes through the first stated one in data order and the others are
// kept in extra, to be drawn as markers.
func (l *line) place(index map[calendar.Period]int, n int) {
	for _, t := range l.targets {
		l.targetAt = append(l.targetAt, index[*t.By])
	}
	l.main = make([]*metrics.Point, n)
	l.gapAt = make([]*metrics.Point, n)
	for _, p := range l.gaps {
		l.gapAt[index[p.Period]] = p
	}
	for _, p := range l.points {
		i := index[p.Period]
		switch m := l.main[i]; {
		case m == nil:
			l.main[i] = p
			continue
		case m.Derived() && !p.Derived():
			l.main[i], p = p, m
		}
		placed := false
		for _, e := range l.extra {
			if e[i] == nil {
				e[i], placed = p, true
				break
			}
		}
		if !placed {
			e := make([]*metrics.Point, n)
			e[i] = p
			l.extra = append(l.extra, e)
		}
	}
}

// Point labels stay readable: a chart's only line is labelled point by
// point when it has at most shortSeries points (ranks: at most
// labelledPoints); no line is labelled when more than labelledLines lines
// would be, or when it has more than labelledPoints points. The tooltip and
// the table carry the values.
const (
	shortSeries    = 6
	maxLabelled    = 3
	labelledPoints = 12
)

// labelledLines returns the lines whose points carry their value as a
// label. The candidates are the highlighted lines when the chart has some,
// else every line; when more than maxLabelled, none is labelled. A
// candidate is labelled when it has at most labelledPoints points and is a
// rank ("71/193"), a single point (else only its target would have a
// figure), or the chart's only line with at most shortSeries points.
func labelledLines(kind string, lines []*line) map[*line]bool {
	var cands []*line
	for _, l := range lines {
		if !l.muted {
			cands = append(cands, l)
		}
	}
	out := map[*line]bool{}
	if len(cands) > maxLabelled {
		return out
	}
	for _, l := range cands {
		n := 0
		for _, p := range l.main {
			if p != nil {
				n++
			}
		}
		if n <= labelledPoints && (kind == metrics.Rank || n == 1 || len(lines) == 1 && n <= shortSeries) {
			out[l] = true
		}
	}
	return out
}

// lineStyle is how a line is drawn besides its colour.
type lineStyle struct {
	symbol string  // its points' marker: circle, rect, triangle
	size   float32 // the marker's size in px
	dash   string  // "" (solid), "dashed" or "dotted"
	width  float32 // 0: ECharts' 2 px
}

// Lines are told apart by colour first: charts.js's palette has paletteSize
// colours, the first 8 of them Okabe–Ito's. Each further round of 8 lines
// also changes the dash and the marker, so that lines 9–16 (colours that
// are less distinct for colour-blind readers) are dashed with squares and
// lines 17–24 (colours again) dotted with triangles.
const paletteSize = 16

var styles = []struct{ symbol, dash string }{{"circle", ""}, {"rect", "dashed"}, {"triangle", "dotted"}}

// style is the line's marker, dash and width: by its number (see styles),
// thin with small markers when it is muted, thick when highlighted.
func (l *line) style() lineStyle {
	k := styles[(l.n/8)%len(styles)]
	st := lineStyle{symbol: k.symbol, size: 8, dash: k.dash}
	switch {
	case l.muted:
		st.size, st.width = 5, 1
	case l.bold:
		st.size, st.width = 9, 3.5
	}
	return st
}

// better is the direction the series share ("lower" or "higher"), or "".
func better(series []*metrics.Series) string {
	b := series[0].Better
	if b == "" {
		b = "higher"
		if series[0].Kind == metrics.Rank {
			b = "lower"
		}
	}
	for _, s := range series[1:] {
		if s.LowerIsBetter() != (b == "lower") {
			return ""
		}
	}
	return b
}

// zSeries is a series with its layer: highlighted lines (z 3) are drawn over
// the others (ECharts' default z is 2), muted ones (z 1) under them.
type zSeries struct {
	ec.SingleSeries
	Z int `json:"z,omitempty"`
}

// layered puts each series on its layer when the chart highlights lines.
func layered(series any, meta []SeriesMeta) any {
	ms, ok := series.(ec.MultiSeries)
	if !ok || !slices.ContainsFunc(meta, func(m SeriesMeta) bool { return m.Muted }) {
		return series
	}
	out := make([]zSeries, len(ms))
	for i, s := range ms {
		out[i] = zSeries{SingleSeries: s, Z: 3}
		if i < len(meta) && meta[i].Muted {
			out[i].Z = 1
		}
	}
	return out
}

// pointLabels shows each point's value above it (charts.js formats it);
// labels that would overlap another are hidden.
func pointLabels() []ec.SeriesOpts {
	return []ec.SeriesOpts{
		ec.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}),
		ec.WithLabelLayoutOpts(opts.LabelLayout{HideOverlap: opts.Bool(true)}),
	}
}

// lineData is a line's values; a derived point has a hollow marker of the
// line's shape.
func lineData(ps []*metrics.Point, symbol string) []opts.LineData {
	hollow := "empty" + strings.ToUpper(symbol[:1]) + symbol[1:]
	out := make([]opts.LineData, len(ps))
	for i, p := range ps {
		switch {
		case p == nil:
			out[i].Value = "-"
		case p.Derived():
			out[i] = opts.LineData{Value: *p.Value, Symbol: hollow, SymbolSize: 10}
		default:
			out[i].Value = *p.Value
		}
	}
	return out
}

func barData(ps []*metrics.Point) []opts.BarData {
	out := make([]opts.BarData, len(ps))
	for i, p := range ps {
		switch {
		case p == nil:
			out[i].Value = "-"
		case p.Derived():
			out[i] = opts.BarData{Value: *p.Value, ItemStyle: &opts.ItemStyle{Opacity: opts.Float(0.45)}}
		default:
			out[i].Value = *p.Value
		}
	}
	return out
}

func scatterData(ps []*metrics.Point) []opts.ScatterData {
	out := make([]opts.ScatterData, len(ps))
	for i, p := range ps {
		switch {
		case p == nil:
			out[i].Value = "-"
		case p.Derived():
			out[i] = opts.ScatterData{Value: *p.Value, Symbol: "emptyDiamond"}
		default:
			out[i].Value = *p.Value
		}
	}
	return out
}

// pointMeta describes the points ps (the line's own or one of its extra
// rows) for the formatters; periods are the categories' names, spelled out.
func (l *line) pointMeta(ps []*metrics.Point, kind string, periods []string, lang *i18n.Lang, passage func(*metrics.Point) string) []*PointMeta {
	out := make([]*PointMeta, len(ps))
	for i, p := range ps {
		if p == nil {
			continue
		}
		m := pointMeta(p, passage, lang)
		if p.Change != nil || p.ChangePct != nil {
			m.Change = ChangeWords(lang, l.series, p.Change, p.ChangePct, p.ChangeQualifier) // the source's own
		} else if (kind == metrics.Amount || kind == metrics.Count) && p.Of == nil && p.Quoted() && !metrics.Bound(p.Qualifier) && p.Flag != metrics.Planned {
			// As the tiles do: the latest earlier point that is comparable,
			// quoted and unhedged (a derived or hedged one is passed over).
			for j := i - 1; j >= 0; j-- {
				if q := l.main[j]; q != nil && q.Period.Comparable(p.Period) && sameOf(q.Of, p.Of) &&
					q.Quoted() && !metrics.Bound(q.Qualifier) && q.Flag != metrics.Planned {
					m.Prev, m.PrevAt = q.Value, periods[j]
					break
				}
			}
		}
		out[i] = m
	}
	return out
}

// restated reports whether ts holds a target of t's value and deadline.
func restated(ts []*metrics.Target, t *metrics.Target) bool {
	for _, u := range ts {
		if *u.Value == *t.Value && *u.By == *t.By {
			return true
		}
	}
	return false
}

func sameOf(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// targetLines draws the line's targets as dashed lines from the first
// category to a dot at the deadline, labelled "Mục tiêu 80% (2024)" above the
// line's end. A target due at the first category is only its dot: the label
// would run off the left edge, so it starts at the dot, below the line (clear
// of the label of a later target of the same value).
func (l *line) targetLines(kind, unit string, lang *i18n.Lang) []ec.SeriesOpts {
	if len(l.targets) == 0 {
		return nil
	}
	var items []any
	for k, t := range l.targets {
		from := markEnd{Name: targetLabel(t, kind, unit, l.decimals, lang), Coord: []any{0, *t.Value}}
		if l.targetAt[k] == 0 {
			from.Label = &opts.Label{Position: "insideStartBottom"}
		}
		items = append(items, []markEnd{from, {Coord: []any{l.targetAt[k], *t.Value}}})
	}
	return []ec.SeriesOpts{
		func(s *ec.SingleSeries) {
			if s.MarkLines == nil {
				s.MarkLines = &opts.MarkLines{}
			}
			s.MarkLines.Data = append(s.MarkLines.Data, items...)
		},
		ec.WithMarkLineStyleOpts(opts.MarkLineStyle{
			Symbol:     []string{"none", "circle"}, // a dot at the deadline
			SymbolSize: 6,
			Label:      &opts.Label{Show: opts.Bool(true), Position: "insideEndTop", Formatter: "{b}"},
			LineStyle:  &opts.LineStyle{Type: "dashed", Width: 1.5},
		}),
	}
}

// markEnd is one end of a mark line; a label set on the first end applies to
// the whole line.
type markEnd struct {
	Name  string      `json:"name,omitempty"`
	Coord []any       `json:"coord"`
	Label *opts.Label `json:"label,omitempty"`
}

func targetLabel(t *metrics.Target, kind, unit string, decimals int, lang *i18n.Lang) string {
	return fmt.Sprintf("%s %s (%s)", targetWord(lang.Code), Hedged(lang, valueText(*t.Value, nil, kind, unit, decimals, lang), t.Qualifier, ""), lang.ShortPeriod(*t.By))
}

// Hedged puts a value's qualifier before it and its flag after it, in the
// interface's words: "trên 60 triệu", "28 tỷ USD (ước tính)". Pages,
// tables, labels and tooltips all write values so.
func Hedged(lang *i18n.Lang, text, qualifier, flag string) string {
	if metrics.Bound(qualifier) {
		text = lang.T("qualifier."+qualifier) + " " + text
	}
	if flag != "" {
		text += " (" + lang.T("flag."+flag) + ")"
	}
	return text
}

// ChangeWords says a change in words, as tiles and tooltips write it: ranks
// in places (a climb is a smaller number), rates in percentage points,
// indexes in points, else in percent when known, else in the series'
// unit; with its qualifier: "tăng gần 40%", "up 15 places". "" when there
// is no change.
func ChangeWords(lang *i18n.Lang, s *metrics.Series, change, pct *float64, qualifier string) string {
	var v float64
	var amount string
	switch {
	case change != nil && s.Kind == metrics.Rank:
		v = -*change
		places := "tile.places"
		if math.Abs(v) == 1 && lang.Has("tile.place") {
			places = "tile.place" // "1 place", not "1 places"
		}
		amount = lang.T(places, lang.Number(math.Abs(v), 0))
	case change != nil && s.Kind == metrics.Rate:
		v = *change
		amount = lang.T("tile.points", lang.Number(math.Abs(v), -1))
	case change != nil && s.Kind == metrics.Index:
		v = *change
		// The difference of two decimals carries float noise
		// (0.82 - 0.727 = 0.09299999999999997): at most 6 decimals, and
		// none of the zeros that rounding leaves.
		a := math.Round(math.Abs(v)*1e6) / 1e6
		_, fp, _ := strings.Cut(strconv.FormatFloat(a, 'f', -1, 64), ".")
		amount = lang.T("tile.index_points", lang.Number(a, len(fp)))
	case pct != nil:
		v = *pct
		amount = lang.Number(math.Abs(math.Round(v*10)/10), -1) + "%"
	case change != nil:
		v = *change
		amount = lang.Number(math.Abs(v), -1) + " " + s.UnitIn(lang.Code)
	default:
		return ""
	}
	amount = Hedged(lang, amount, qualifier, "")
	switch {
	case v > 0:
		return lang.T("change.up", amount)
	case v < 0:
		return lang.T("change.down", amount)
	}
	return lang.T("change.none")
}

// indexDecimals is the number of decimals an index's values are written
// with, at most 6.
func indexDecimals(points []*metrics.Point) int {
	n := 0
	for _, p := range points {
		if p.Value != nil {
			_, fp, _ := strings.Cut(strconv.FormatFloat(*p.Value, 'f', -1, 64), ".")
			n = max(n, min(len(fp), 6))
		}
	}
	return n
}

// valueText formats a value as the page's text does: "71/193", "80%",
// "4.543,5 triệu tài khoản".
func valueText(v float64, of *float64, kind, unit string, decimals int, lang *i18n.Lang) string {
	if kind == metrics.Rank {
		decimals = 0
	}
	s := lang.Number(v, decimals)
	switch {
	case of != nil:
		return s + "/" + lang.Number(*of, decimals)
	case kind == metrics.Rank || unit == "":
		return s
	case unit == "%":
		return s + "%"
	}
	return s + " " + unit
}

// xAxis and yAxis add to go-echarts' axes the options it has no fields for.
type xAxis struct {
	opts.XAxis
	AxisLabel *axisLabel `json:"axisLabel,omitempty"`
}

type axisLabel struct {
	Interval    *int `json:"interval,omitempty"`
	HideOverlap bool `json:"hideOverlap,omitempty"`
	LineHeight  int  `json:"lineHeight,omitempty"`
}

// axisLineHeight is the height in px of a line of an x-axis label (ECharts'
// labels are 12 px).
const axisLineHeight = 15

type yAxis struct {
	opts.YAxis
	NameTextStyle *nameStyle `json:"nameTextStyle,omitempty"`
}

type nameStyle struct {
	Align string `json:"align,omitempty"`
}

// yAxisOf returns the value axis: inverted from 1 to the highest "of" for ranks, from 0 to at
// most 100 for rates, and always high enough to show every target. The unit
// is written above the axis, starting at it and running right, over the plot
// area, so that a long unit ("triệu tài khoản") is never cut at the left edge.
func yAxisOf(kind, unit string, lines []*line) yAxis {
	y := yAxis{YAxis: valueAxis(kind, unit, lines)}
	if y.Name != "" {
		y.NameLocation, y.NameGap = "end", 12
		y.NameTextStyle = &nameStyle{Align: "left"}
	}
	return y
}

func valueAxis(kind, unit string, lines []*line) opts.YAxis {
	var hiValue, hiTarget, hiOf float64
	for _, l := range lines {
		for _, p := range l.points {
			hiValue = max(hiValue, *p.Value)
			if p.Of != nil {
				hiOf = max(hiOf, *p.Of)
			}
		}
		for _, t := range l.targets {
			hiTarget = max(hiTarget, *t.Value)
		}
	}
	y := opts.YAxis{Type: "value", Name: unit}
	switch kind {
	case metrics.Rank:
		// From 1 (at the top) to the number ranked: 193 for a ranking of
		// the UN's members, not a round 200 or 210 below the last place.
		y.Name = ""
		y.Inverse, y.Min, y.MinInterval = opts.Bool(true), 1, 1
		switch {
		case hiOf >= max(hiValue, hiTarget):
			// Four steps: 1, 50, 100, 150, 193, the last two apart (five
			// gave 180 against 193).
			y.Max, y.SplitNumber = hiOf, 4
		case hiTarget > hiValue:
			y.Max = niceCeil(hiTarget)
		}
	case metrics.Rate:
		// Room above the highest value or target for its label, in tens.
		hi := max(hiValue, hiTarget, 1) * 1.05
		y.Min, y.Max = 0, min(100, math.Ceil(hi/10)*10)
	default:
		if hiTarget > hiValue {
			y.Max = niceCeil(hiTarget * 1.05)
		}
	}
	return y
}

// niceCeil rounds v > 0 up to a round number: 61 → 70, 42 → 45, 4543.5 → 5000.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 0
	}
	step := math.Pow(10, math.Floor(math.Log10(v)))
	switch r := v / step; {
	case r < 2:
		step /= 5
	case r < 5:
		step /= 2
	}
	return math.Round(math.Ceil(v/step)*step*1e6) / 1e6
}

// describe writes the chart's text equivalent for screen readers:
// "Title. Line: 2022 86/193; 2024 71/193. Mục tiêu 80% (2024)."
func describe(title string, lines []*line, periods []string, kind, unit string, lang *i18n.Lang) string {
	var b strings.Builder
	b.WriteString(strings.TrimRight(title, ". "))
	w := words(lang.Code)
	for _, l := range lines {
		b.WriteString(". ")
		if len(lines) > 1 || l.name != title {
			b.WriteString(l.name + ": ")
		}
		var parts []string
		for i, p := range l.main {
			for _, q := range append([]*metrics.Point{p}, column(l.extra, i)...) {
				if q == nil {
					continue
				}
				s := periods[i] + " " + Hedged(lang, valueText(*q.Value, q.Of, kind, unit, l.decimals, lang), q.Qualifier, q.Flag)
				if q.Derived() {
					s += " (" + w.Derived + " " + lang.Period(*q.DerivedFrom) + ")"
				}
				parts = append(parts, s)
			}
		}
		for _, t := range l.targets {
			parts = append(parts, targetLabel(t, kind, unit, l.decimals, lang))
		}
		b.WriteString(strings.Join(parts, "; "))
	}
	b.WriteString(".")
	return b.String()
}

func column(rows [][]*metrics.Point, i int) []*metrics.Point {
	out := make([]*metrics.Point, len(rows))
	for k, r := range rows {
		out[k] = r[i]
	}
	return out
}

func words(lang string) Words {
	if lang == "en" {
		return Words{Derived: "derived from", Other: "other source", Vs: "vs", See: "See it in the document"}
	}
	return Words{Derived: "suy ra từ", Other: "nguồn khác", Vs: "so với", See: "Xem trong văn bản"}
}

func targetWord(lang string) string {
	if lang == "en" {
		return "Target"
	}
	return "Mục tiêu"
}
