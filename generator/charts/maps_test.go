package charts

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/maps"
	"github.com/tiendo/tiendo/generator/metrics"
)

// squares is a boundary file of squares with the given codes.
func squares(t *testing.T, file string, codes ...string) *maps.Boundary {
	t.Helper()
	var fs []string
	for i, c := range codes {
		fs = append(fs, fmt.Sprintf(`{"type":"Feature","properties":{"ma":%q,"ten":"Vùng %s"},"geometry":{"type":"Polygon","coordinates":[[[%d,0],[%d,0],[%d,1],[%d,0]]]}}`, c, c, i, i+1, i+1, i))
	}
	b, errs := maps.Parse(file, []byte(`{"type":"FeatureCollection","features":[`+strings.Join(fs, ",")+`]}`), maps.Props{Code: "ma", Name: "ten"}, true)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	return b
}

// provinces is a map of four areas until 30 June 2025 and two from
// 1 July 2025 (01 and 02 merged into 01, 03 and 04 into 03).
func provinces(t *testing.T) *maps.Map {
	old, merged := squares(t, "a.geojson", "01", "02", "03", "04"), squares(t, "b.geojson", "01", "03")
	merged.ValidFrom = calendar.Date{Year: 2025, Month: 7, Day: 1}
	return &maps.Map{ID: "vn", Attribution: "Thử", Boundaries: []*maps.Boundary{old, merged}}
}

func f(v float64) *float64 { return &v }

func period(t *testing.T, s string) calendar.Period {
	t.Helper()
	p, err := calendar.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// provincial is a rate by province: 2024 and 2025-Q3 figures, 99 with no
// shape, 02 none after the merger, a hedged figure, a gap and two sources
// for one figure.
func provincial(t *testing.T) *metrics.Series {
	s := &metrics.Series{ID: "thu", Title: "Tỷ lệ thử", TitleEn: "Test share", Unit: "%", UnitEn: "%", Kind: metrics.Rate, Better: "higher"}
	for _, id := range []string{"01", "02", "03", "04", "99"} {
		s.Subseries = append(s.Subseries, metrics.Subseries{ID: id, Label: "Tỉnh " + id, LabelEn: "Province " + id})
	}
	add := func(per, sub string, v *float64, mod func(*metrics.Point)) {
		p := metrics.Point{Period: period(t, per), Value: v, Subseries: sub, Source: "a", Quote: "q"}
		if mod != nil {
			mod(&p)
		}
		s.Points = append(s.Points, p)
	}
	add("2024", "01", f(40), nil)
	add("2024", "02", f(55), func(p *metrics.Point) { p.Qualifier = "over" })
	add("2024", "03", nil, func(p *metrics.Point) { p.Gap = "chưa đánh giá" })
	add("2024", "04", f(71), nil)
	add("2024", "04", f(70), func(p *metrics.Point) { p.Source = "b" })
	add("2024", "99", f(80), nil)
	add("2025-Q3", "01", f(66), nil)
	add("2025-Q3", "02", f(58), nil)
	add("2025-Q3", "03", f(74), func(p *metrics.Point) { p.Flag = "estimate" })
	add("unstated", "01", f(1), nil)
	return s
}

type mapDecoded struct {
	Option map[string]any `json:"option"`
	Meta   MapMeta        `json:"meta"`
}

func mapOption(t *testing.T, spec MapSpec) (mapDecoded, *MapInfo) {
	t.Helper()
	b, info, err := MapOption(spec, vi)
	if err != nil {
		t.Fatal(err)
	}
	var p mapDecoded
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	return p, info
}

func TestMapOption(t *testing.T) {
	spec := MapSpec{ID: "m", Series: provincial(t), Map: provinces(t), URLs: []string{"/maps/vn/a.json", "/maps/vn/b.json"}}
	p, info := mapOption(t, spec)

	// Each period on the boundaries in force at its end; the latest first.
	equalJSON(t, "periods", []any{info.Periods[0].Name, info.Periods[0].Boundary, info.Periods[1].Name, info.Periods[1].Boundary},
		[]any{"2024", 0, "Quý III/2025", 1})
	if info.Selected != 1 || p.Meta.Selected != 1 {
		t.Errorf("selected %d (meta %d), want the latest, 1", info.Selected, p.Meta.Selected)
	}
	equalJSON(t, "series.map", at(t, p.Option, "series", 0, "map"), "/maps/vn/b.json")
	equalJSON(t, "series.nameProperty", at(t, p.Option, "series", 0, "nameProperty"), "code")
	equalJSON(t, "series.data", at(t, p.Option, "series", 0, "data"),
		[]map[string]any{{"name": "01", "value": 66}, {"name": "03", "value": 74}})
	// The scale spans every period's values, of shapes that are drawn.
	equalJSON(t, "visualMap", []any{at(t, p.Option, "visualMap", 0, "min"), at(t, p.Option, "visualMap", 0, "max")}, []any{40, 74})

	// Shapes matched, and the codes that match none, by period.
	y := p.Meta.Periods[0]
	var codes []string
	for _, d := range y.Data {
		codes = append(codes, d.Code)
	}
	equalJSON(t, "2024 shapes", codes, []string{"01", "02", "03", "04"})
	equalJSON(t, "unmatched", info.Unmatched, []Unmatched{
		{Code: "02", Label: "Tỉnh 02", Periods: []string{"Quý III/2025"}},
		{Code: "99", Label: "Tỉnh 99", Periods: []string{"2024"}},
	})
	// Hedges, gaps and other sources go to the tooltip.
	if d := y.Data[1]; d.Q != "trên" || *d.Value != 55 {
		t.Errorf("02 in 2024: %+v", d)
	}
	if d := y.Data[2]; d.Gap != "chưa đánh giá" || d.Value != nil {
		t.Errorf("03 in 2024: %+v", d)
	}
	if d := y.Data[3]; *d.Value != 71 || len(d.Others) != 1 || d.Others[0] != "70%" {
		t.Errorf("04 in 2024: %+v", d)
	}
	if d := p.Meta.Periods[1].Data[1]; d.Flag != "ước tính" {
		t.Errorf("03 in 2025-Q3: %+v", d)
	}
	if want := "Tỷ lệ thử, 2024: Tỉnh 01 40%; Tỉnh 02 trên 55%; Tỉnh 03: chưa đánh giá; Tỉnh 04 71%."; y.Desc != want {
		t.Errorf("description:\n%s\nwant\n%s", y.Desc, want)
	}
	if p.Meta.Better != "higher" || p.Meta.Unit != "%" || p.Meta.Type != Map {
		t.Errorf("meta: %+v", p.Meta)
	}

	// A period chosen, and the direction of a series where lower is better.
	spec.Period = period(t, "2024")
	spec.Series.Better = "lower"
	p, info = mapOption(t, spec)
	if info.Selected != 0 || p.Meta.Better != "lower" {
		t.Errorf("selected %d, better %s", info.Selected, p.Meta.Better)
	}
	equalJSON(t, "series.map", at(t, p.Option, "series", 0, "map"), "/maps/vn/a.json")
	equalJSON(t, "series.data", at(t, p.Option, "series", 0, "data"),
		[]map[string]any{{"name": "01", "value": 40}, {"name": "02", "value": 55}, {"name": "03", "value": "-"}, {"name": "04", "value": 71}})

	// From and To keep periods out.
	spec.Period, spec.From = calendar.Period{}, period(t, "2025")
	_, info = mapOption(t, spec)
	if len(info.Periods) != 1 || len(info.Unmatched) != 1 || info.Unmatched[0].Code != "02" {
		t.Errorf("from 2025: %+v", info)
	}
}

// A figure of the last day before new boundaries is drawn on the old ones.
func TestMapBoundaryByPeriodEnd(t *testing.T) {
	s := provincial(t)
	s.Points = nil
	for _, per := range []string{"2025-H1", "2025-06-30", "../2025-06-30", "2025-07", "2025"} {
		s.Points = append(s.Points, metrics.Point{Period: period(t, per), Value: f(1), Subseries: "02", Source: "a"})
	}
	_, info := mapOption(t, MapSpec{ID: "m", Series: s, Map: provinces(t), URLs: []string{"a", "b"}})
	var got []string
	for _, p := range info.Periods {
		got = append(got, fmt.Sprintf("%s:%d", p.Period, p.Boundary))
	}
	if want := "../2025-06-30:0 2025-H1:0 2025-06-30:0 2025-07:1 2025:1"; strings.Join(got, " ") != want {
		t.Errorf("periods and boundaries: %s, want %s", strings.Join(got, " "), want)
	}
	equalJSON(t, "unmatched", info.Unmatched, []Unmatched{{Code: "02", Label: "Tỉnh 02", Periods: []string{"tháng 7/2025", "2025"}}})
}

func TestMapErrors(t *testing.T) {
	m := provinces(t)
	urls := []string{"a", "b"}
	noSubs := &metrics.Series{ID: "x", Kind: metrics.Rate, Points: []metrics.Point{{Period: period(t, "2024"), Value: f(1)}}}
	unstated := provincial(t)
	unstated.Points = unstated.Points[len(unstated.Points)-1:]
	for _, c := range []struct {
		name string
		spec MapSpec
		want string
	}{
		{"id", MapSpec{ID: "a-b", Series: provincial(t), Map: m, URLs: urls}, "must be a JS identifier"},
		{"no series", MapSpec{ID: "m", Map: m, URLs: urls}, "no series"},
		{"no map", MapSpec{ID: "m", Series: provincial(t)}, "no map"},
		{"URLs", MapSpec{ID: "m", Series: provincial(t), Map: m, URLs: urls[:1]}, "1 URLs for 2 boundaries"},
		{"no sub-series", MapSpec{ID: "m", Series: noSubs, Map: m, URLs: urls}, `a map colours the sub-series of "x", which has none`},
		{"no timed figure", MapSpec{ID: "m", Series: unstated, Map: m, URLs: urls}, "has no figure of a stated period"},
		{"period without figures", MapSpec{ID: "m", Series: provincial(t), Map: m, URLs: urls, Period: period(t, "2023")},
			`period 2023: "thu" has no figure of that period on the map; it has 2024, 2025-Q3`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := MapOption(c.spec, vi)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one with %q", err, c.want)
			}
		})
	}
}

// The payload is the same bytes every time and safe in a <script>.
func TestMapDeterministicAndSafe(t *testing.T) {
	s := provincial(t)
	s.Subseries[0].Label = "</script><b>"
	spec := MapSpec{ID: "m", Series: s, Map: provinces(t), URLs: []string{"a", "b"}}
	a, _, err := MapOption(spec, vi)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		b, _, _ := MapOption(spec, vi)
		if string(a) != string(b) {
			t.Fatal("two payloads differ")
		}
	}
	if strings.Contains(string(a), "</script>") || strings.Contains(string(a), "<b>") {
		t.Error("the payload is not HTML-safe")
	}
}
