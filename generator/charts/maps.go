package charts

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/maps"
	"github.com/tiendo/tiendo/generator/metrics"
)

// Map is the chart type of a choropleth: see MapOption.
const Map = "map"

// MapSpec says what one map shows: a series whose sub-series are the
// shapes of a map, their ids the shapes' codes.
type MapSpec struct {
	// ID is the DOM id of the map's element, as Spec.ID.
	ID     string
	Series *metrics.Series
	// Title overrides the series' title.
	Title string
	Map   *maps.Map
	// URLs are the published files of Map.Boundaries, in their order,
	// which the page loads.
	URLs []string
	// Period is the period shown first; zero for the latest.
	Period calendar.Period
	// From and To limit the periods, as Spec's.
	From, To calendar.Period
	// Passage gives the URL of a point's quoted passage, or "".
	Passage func(*metrics.Point) string
}

// MapInfo is what the page shows of a map besides its payload.
type MapInfo struct {
	Periods  []MapPeriodInfo // in calendar order
	Selected int             // index in Periods of the period shown first
	// Unmatched are the sub-series with a figure whose code matches no
	// shape of the boundaries of that figure's period, in the series' order.
	Unmatched []Unmatched
}

// MapPeriodInfo is one period of a map.
type MapPeriodInfo struct {
	Period   calendar.Period
	Name     string // spelled out, as the table writes it
	Boundary int    // index in Map.Boundaries of the boundaries it is drawn on
}

// Unmatched is a sub-series whose code matches no shape.
type Unmatched struct {
	Code    string   // the sub-series id
	Label   string   // its label in the page's language
	Periods []string // the periods it has a figure of and no shape, spelled out
}

// MapMeta is what maps.js needs besides the option.
type MapMeta struct {
	ID         string          `json:"id"`
	Lang       string          `json:"lang"`
	Kind       string          `json:"kind"`
	Type       string          `json:"type"` // "map"
	Unit       string          `json:"unit"`
	Better     string          `json:"better"`   // higher | lower: the darker end of the scale
	Decimals   int             `json:"decimals"` // -1: as many as needed, at most 2
	Words      MapWords        `json:"words"`
	Boundaries []MapBoundary   `json:"boundaries"`
	Periods    []MapPeriodMeta `json:"periods"`
	Selected   int             `json:"selected"`
}

// MapWords are the interface words maps.js writes.
type MapWords struct {
	NoData  string `json:"noData"`  // a shape with no figure for the period
	Derived string `json:"derived"` // as Words
	Other   string `json:"other"`
	See     string `json:"see"`
}

// MapBoundary is one version of the map's boundaries, as the page loads it.
type MapBoundary struct {
	URL string `json:"url"` // its published GeoJSON; also the name it is registered with in ECharts
}

// MapPeriodMeta is one period: its figures and its text equivalent.
type MapPeriodMeta struct {
	Name     string     `json:"name"`
	Boundary int        `json:"boundary"`
	Desc     string     `json:"desc"` // the aria description of the map at this period
	Data     []MapDatum `json:"data"` // one per sub-series with a figure that has a shape
}

// MapDatum is one shape's figure.
type MapDatum struct {
	Code  string   `json:"code"` // the shape's key in the published file
	Name  string   `json:"name"` // the sub-series' label
	Value *float64 `json:"value"`
	PointMeta
	Others []string `json:"others,omitempty"` // other sources' values for the period, written out
}

// MapOption makes the payload of a choropleth: one series'
// sub-series, each the shape of a map (generator/maps) whose code is its
// id, coloured by its figure of one period. The page holds, besides the
// chart's elements of the page contract (data-map instead of data-chart):
//
//	<p data-map-period="ID" hidden><label for="ID-period">…</label><select id="ID-period">…</select></p>
//	<script type="application/json" data-map="ID">…payload from MapOption…</script>
//
// and, once per page, echarts-map.min.js instead of echarts.min.js, and
// assets/js/maps.js. The payload is {"option", "meta"}, deterministic and
// HTML-safe as Option's:
//
//	"option": {title, aria, tooltip, visualMap: [{type: "continuous", min, max, …}],
//	           series: [{type: "map", map: URL, nameProperty: "code", data: [{name: CODE, value}]}]}
//	"meta": {"id", "lang", "kind", "type": "map", "unit", "better", "decimals", "words",
//	         "boundaries": [{"url"}],               // one per version of the boundaries
//	         "periods": [{"name", "boundary", "desc", "data": [{"code", "name", "value", …PointMeta, "others"}]}],
//	         "selected": 1}                          // the period option.series shows
//
// The periods are those of the series' figures in range, in calendar
// order; each is drawn on the version of the boundaries in force at its
// end (maps.Map.At), the latest first unless MapSpec.Period says which.
// visualMap spans the values of every period that have a shape, so that
// colours compare across periods. A figure whose code matches no shape of
// its period's boundaries is left out of the data and listed in
// MapInfo.Unmatched, for the page to say so. maps.js adds the colours (a
// sequential colour-blind-safe scale, darker for better in the light
// palette), the numbers at the scale's ends, the tooltips and the period
// selector, and frames the map on the shapes with a figure when they
// cover less than half of it; option.series[0].map is the URL of the GeoJSON it loads and
// registers under that name.
//
// go-echarts has a map chart, but it adds a CDN map file for its preset
// names and keeps visualMap's bounds as float32: the map's option is
// written with this package's own types.
//
// MapOption returns a map's payload and what the page shows besides it.
func MapOption(spec MapSpec, lang *i18n.Lang) ([]byte, *MapInfo, error) {
	p, info, err := buildMap(spec, lang)
	if err != nil {
		return nil, nil, err
	}
	b, err := json.Marshal(p)
	return b, info, err
}

type mapPayload struct {
	Option map[string]any `json:"option"`
	Meta   MapMeta        `json:"meta"`
}

// mapEntry is the figure of one sub-series for one period.
type mapEntry struct {
	sub    metrics.Subseries
	main   *metrics.Point
	others []*metrics.Point
}

func buildMap(spec MapSpec, lang *i18n.Lang) (*mapPayload, *MapInfo, error) {
	if !idPattern.MatchString(spec.ID) {
		return nil, nil, fmt.Errorf("charts: chart id %q must be a JS identifier ([A-Za-z_][A-Za-z0-9_]*)", spec.ID)
	}
	se := spec.Series
	switch {
	case lang == nil:
		return nil, nil, fmt.Errorf("charts: %s: no language", spec.ID)
	case se == nil:
		return nil, nil, fmt.Errorf("charts: %s: no series", spec.ID)
	case spec.Map == nil || len(spec.Map.Boundaries) == 0:
		return nil, nil, fmt.Errorf("charts: %s: no map", spec.ID)
	case len(spec.URLs) != len(spec.Map.Boundaries):
		return nil, nil, fmt.Errorf("charts: %s: %d URLs for %d boundaries", spec.ID, len(spec.URLs), len(spec.Map.Boundaries))
	case len(se.Subseries) == 0:
		return nil, nil, &SpecError{"metrics", diag.Errorf("a map colours the sub-series of %q, which has none: declare one [[subseries]] per shape, its id the shape's code", se.ID)}
	}
	rng := Spec{From: spec.From, To: spec.To}

	// The periods: every timed one of a figure in range, in calendar order.
	byPeriod := map[calendar.Period][]*mapEntry{}
	var periods []calendar.Period
	for _, sub := range se.Subseries {
		at := map[calendar.Period]*mapEntry{}
		for _, p := range se.PointsOf(sub.ID) {
			if !onMap(p) || !rng.Covers(p.Period) {
				continue
			}
			e := at[p.Period]
			if e == nil {
				e = &mapEntry{sub: sub}
				at[p.Period] = e
				if byPeriod[p.Period] == nil {
					periods = append(periods, p.Period)
				}
				byPeriod[p.Period] = append(byPeriod[p.Period], e)
			}
			switch m := e.main; {
			case m == nil:
				e.main = p
			case m.IsGap() && !p.IsGap(), m.Derived() && !p.Derived() && !p.IsGap():
				// A stated value before a derived one or a gap.
				e.main, p = p, m
				e.others = append(e.others, p)
			default:
				e.others = append(e.others, p)
			}
		}
	}
	if len(periods) == 0 {
		return nil, nil, &SpecError{"metrics", diag.Errorf("%q has no figure of a stated period (in the range of from and to) to draw on the map", se.ID)}
	}
	sort.Slice(periods, func(i, j int) bool { return periods[i].Compare(periods[j]) < 0 })

	info := &MapInfo{Selected: len(periods) - 1}
	if !spec.Period.IsZero() {
		info.Selected = -1
		for i, p := range periods {
			if p == spec.Period {
				info.Selected = i
			}
		}
		if info.Selected < 0 {
			var names []string
			for _, p := range periods {
				names = append(names, p.String())
			}
			return nil, nil, &SpecError{"period", diag.Errorf("period %s: %q has no figure of that period on the map; it has %s", spec.Period, se.ID, strings.Join(names, ", "))}
		}
	}

	decimals := -1
	if se.Decimals != nil {
		decimals = *se.Decimals
	} else if se.Kind == metrics.Index {
		decimals = indexDecimals(se.PointsOf(""))
		for _, sub := range se.Subseries {
			decimals = max(decimals, indexDecimals(se.PointsOf(sub.ID)))
		}
	}
	unit := se.UnitIn(lang.Code)
	title := spec.Title
	if title == "" {
		title = se.TitleIn(lang.Code)
	}
	w := words(lang.Code)
	meta := MapMeta{ID: spec.ID, Lang: lang.Code, Kind: se.Kind, Type: Map, Unit: unit, Better: "higher",
		Decimals: decimals, Selected: info.Selected,
		Words: MapWords{NoData: noDataWord(lang.Code), Derived: w.Derived, Other: w.Other, See: w.See}}
	if se.LowerIsBetter() {
		meta.Better = "lower"
	}
	for _, u := range spec.URLs {
		meta.Boundaries = append(meta.Boundaries, MapBoundary{URL: u})
	}
	unmatched := map[string]*Unmatched{}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range periods {
		bi := spec.Map.At(p.End())
		b := spec.Map.Boundaries[bi]
		name := lang.Period(p)
		info.Periods = append(info.Periods, MapPeriodInfo{Period: p, Name: name, Boundary: bi})
		pm := MapPeriodMeta{Name: name, Boundary: bi, Data: []MapDatum{}}
		var parts []string
		for _, e := range byPeriod[p] {
			shape := b.Shape(e.sub.ID)
			if shape == nil {
				u := unmatched[e.sub.ID]
				if u == nil {
					u = &Unmatched{Code: e.sub.ID, Label: e.sub.LabelIn(lang.Code)}
					unmatched[e.sub.ID] = u
				}
				u.Periods = append(u.Periods, name)
				continue
			}
			d := MapDatum{Code: shape.Key, Name: e.sub.LabelIn(lang.Code)}
			if m := e.main; m.IsGap() {
				d.Gap = m.GapIn(lang.Code)
				parts = append(parts, d.Name+": "+d.Gap)
			} else {
				d.Value = m.Value
				d.PointMeta = *pointMeta(m, spec.Passage, lang)
				lo, hi = min(lo, *m.Value), max(hi, *m.Value)
				text := Hedged(lang, valueText(*m.Value, m.Of, se.Kind, unit, decimals, lang), m.Qualifier, m.Flag)
				if m.Derived() {
					text += " (" + w.Derived + " " + lang.Period(*m.DerivedFrom) + ")"
				}
				parts = append(parts, d.Name+" "+text)
			}
			for _, o := range e.others {
				if o.IsGap() {
					continue
				}
				d.Others = append(d.Others, Hedged(lang, valueText(*o.Value, o.Of, se.Kind, unit, decimals, lang), o.Qualifier, o.Flag))
			}
			pm.Data = append(pm.Data, d)
		}
		pm.Desc = strings.TrimRight(title, ". ") + ", " + name + ": " + strings.Join(parts, "; ") + "."
		if len(parts) == 0 {
			pm.Desc = strings.TrimRight(title, ". ") + ", " + name + ": " + meta.Words.NoData + "."
		}
		meta.Periods = append(meta.Periods, pm)
	}
	for _, sub := range se.Subseries {
		if u := unmatched[sub.ID]; u != nil {
			info.Unmatched = append(info.Unmatched, *u)
		}
	}
	if math.IsInf(lo, 1) { // gaps only
		lo, hi = 0, 1
	}
	if lo == hi {
		lo = min(lo, 0)
		if lo == hi {
			hi = lo + 1
		}
	}

	sel := meta.Periods[info.Selected]
	data := make([]mapDataItem, len(sel.Data))
	for i, d := range sel.Data {
		data[i] = mapDataItem{Name: d.Code, Value: d.Value}
	}
	option := map[string]any{
		"title": map[string]any{"show": false, "text": title, "textStyle": map[string]any{"fontSize": 14}},
		"aria": map[string]any{"enabled": true, "label": map[string]any{"enabled": true,
			"description": sel.Desc}},
		"tooltip": map[string]any{"show": true, "trigger": "item"},
		// The colour scale, under the map; charts.js's colours are maps.js's
		// to add, with the numbers at its ends.
		"visualMap": []any{map[string]any{"type": "continuous", "min": lo, "max": hi, "orient": "horizontal",
			"left": "center", "bottom": 0, "calculable": false, "realtime": false,
			"itemWidth": 12, "itemHeight": 160}},
		"series": []any{map[string]any{"type": Map, "name": title, "map": spec.URLs[sel.Boundary],
			"nameProperty": "code", "roam": false, "selectedMode": false,
			"left": 8, "right": 8, "top": 8, "bottom": 56, "data": data}},
	}
	return &mapPayload{Option: option, Meta: meta}, info, nil
}

// mapDataItem is one datum of the map series: a shape's key and its value
// ("-" for a stated gap, which leaves the shape uncoloured).
type mapDataItem struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
}

func (d mapDataItem) MarshalJSON() ([]byte, error) {
	type plain mapDataItem
	if v, ok := d.Value.(*float64); ok {
		if v == nil {
			d.Value = "-"
		} else {
			d.Value = *v
		}
	}
	return json.Marshal(plain(d))
}

// pointMeta is what a chart or map says of a point besides its value: its
// total, passage, hedge, flag and the period a derived value comes from.
func pointMeta(p *metrics.Point, passage func(*metrics.Point) string, lang *i18n.Lang) *PointMeta {
	m := &PointMeta{Of: p.Of, Derived: p.Derived()}
	if passage != nil {
		m.Src = passage(p)
	}
	if metrics.Bound(p.Qualifier) {
		m.Q = lang.T("qualifier." + p.Qualifier)
	}
	if p.Flag != "" {
		m.Flag = lang.T("flag." + p.Flag)
	}
	if p.Derived() {
		m.From = lang.Period(*p.DerivedFrom)
	}
	return m
}

func noDataWord(lang string) string {
	if lang == "en" {
		return "no figure"
	}
	return "không có số liệu"
}
