package charts

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/metrics"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixtures loads testdata/content: copies of real series plus
// test-conflicting-reports.toml (two sources for one period, a derived point,
// a target above every value).
func fixtures(t testing.TB) *metrics.Data {
	t.Helper()
	d, errs := metrics.Load(os.DirFS("testdata"), []string{"international-rankings", "digital-economy", "digital-government", "digital-society"})
	if err := errs.Err(); err != nil {
		t.Fatalf("loading fixtures: %v", err)
	}
	return d
}

func series(t testing.TB, d *metrics.Data, ids ...string) []*metrics.Series {
	t.Helper()
	var out []*metrics.Series
	for _, id := range ids {
		s := d.SeriesByID(id)
		if s == nil {
			t.Fatalf("no series %q in testdata", id)
		}
		out = append(out, s)
	}
	return out
}

// decoded is a payload read back generically, to assert on what the browser gets.
type decoded struct {
	Option map[string]any `json:"option"`
	Meta   Meta           `json:"meta"`
}

func decode(t *testing.T, b []byte) decoded {
	t.Helper()
	var p decoded
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatalf("payload is not JSON: %v\n%s", err, b)
	}
	return p
}

// at walks the generic JSON: at(v, "series", 0, "data") and so on.
func at(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, k := range path {
		switch k := k.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("at %v: %T is not an object", path, v)
			}
			v = m[k]
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				t.Fatalf("at %v: no index %d in %v", path, k, v)
			}
			v = a[k]
		}
	}
	return v
}

// values returns the data values of series i ("-" stays a string).
func values(t *testing.T, p decoded, i int) []any {
	t.Helper()
	var out []any
	for _, d := range at(t, p.Option, "series", i, "data").([]any) {
		out = append(out, d.(map[string]any)["value"])
	}
	return out
}

func equalJSON(t *testing.T, what string, got, want any) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if !bytes.Equal(g, w) {
		t.Errorf("%s = %s, want %s", what, g, w)
	}
}

// vi and en carry the site's interface strings (templates/i18n): charts
// write qualifiers and changes in their words.
var vi, en = func() (*i18n.Lang, *i18n.Lang) {
	langs, errs := i18n.Load(os.DirFS(filepath.Join("..", "..")))
	if errs.Err() != nil || len(langs) < 2 {
		panic(fmt.Sprintf("interface strings: %v", errs))
	}
	return langs[0], langs[1]
}()

func TestKinds(t *testing.T) {
	d := fixtures(t)
	tests := []struct {
		name  string
		spec  Spec
		lang  *i18n.Lang
		check func(t *testing.T, p decoded)
	}{
		{"rank", Spec{ID: "chart_egdi_rank_0", Series: series(t, d, "egdi-rank")}, vi, func(t *testing.T, p decoded) {
			equalJSON(t, "series type", at(t, p.Option, "series", 0, "type"), "line")
			equalJSON(t, "yAxis inverse", at(t, p.Option, "yAxis", 0, "inverse"), true)
			equalJSON(t, "yAxis min", at(t, p.Option, "yAxis", 0, "min"), 1)
			equalJSON(t, "label shown", at(t, p.Option, "series", 0, "label", "show"), true)
			// The survey is biennial: 2023 is a gap on the axis, not a missing step.
			equalJSON(t, "categories", at(t, p.Option, "xAxis", 0, "data"), []string{"2022", "2023", "2024"})
			equalJSON(t, "values", values(t, p, 0), []any{86, "-", 71})
			equalJSON(t, "periods", p.Meta.Periods, []string{"2022", "", "2024"})
			equalJSON(t, "of", []any{p.Meta.Series[0].Points[0].Of, p.Meta.Series[0].Points[1], p.Meta.Series[0].Points[2].Of}, []any{193, nil, 193})
			// No unit on a rank axis; the title is the caption's, hidden on screen.
			equalJSON(t, "yAxis name", at(t, p.Option, "yAxis", 0, "name"), nil)
			equalJSON(t, "title hidden", at(t, p.Option, "title", "show"), false)
			desc := at(t, p.Option, "aria", "label", "description").(string)
			if !strings.Contains(desc, "2022 86/193; 2024 71/193") {
				t.Errorf("aria description %q lacks the ranks as 86/193", desc)
			}
			equalJSON(t, "aria enabled", at(t, p.Option, "aria", "enabled"), true)
		}},
		{"rank derived", Spec{ID: "gci", Series: series(t, d, "gci-rank")}, en, func(t *testing.T, p decoded) {
			pm := p.Meta.Series[0].Points[0]
			if !pm.Derived || pm.From != "2024" || pm.Of == nil || *pm.Of != 194 {
				t.Errorf("derived 2020 point meta = %+v, want derived from 2024, of 194", pm)
			}
			if p.Meta.Series[0].Points[4].Derived {
				t.Error("stated 2024 point flagged as derived")
			}
			equalJSON(t, "derived symbol", at(t, p.Option, "series", 0, "data", 0, "symbol"), "emptyCircle")
			if desc := at(t, p.Option, "aria", "label", "description").(string); !strings.Contains(desc, "2020 25/194 (derived from 2024)") {
				t.Errorf("aria description %q does not mark the derived point", desc)
			}
		}},
		{"amount", Spec{ID: "ecommerce", Series: series(t, d, "ecommerce-revenue")}, vi, func(t *testing.T, p decoded) {
			equalJSON(t, "series type", at(t, p.Option, "series", 0, "type"), "bar")
			// 2022 is not reported: a labelled gap, not 2021 next to 2023.
			equalJSON(t, "categories", at(t, p.Option, "xAxis", 0, "data"), []string{"2021", "2022", "2023", "2024"})
			equalJSON(t, "values", values(t, p, 0), []any{13.7, "-", 20.5, 28})
			equalJSON(t, "axis labels", at(t, p.Option, "xAxis", 0, "axisLabel"), nil)
			pts := p.Meta.Series[0].Points
			// 2024 states its change ("tăng 36%"): the tooltip says that, not
			// a percentage computed against 2023's 20,5 (36,6%).
			if pts[0].Prev != nil || pts[1] != nil || pts[3].Prev != nil || pts[3].Change != "tăng 36%" {
				t.Errorf("prev = %+v %+v %+v, want none, a gap, then the stated change", pts[0], pts[1], pts[3])
			}
			if pts[2].Prev == nil || *pts[2].Prev != 13.7 || pts[2].PrevAt != "2021" {
				t.Errorf("2023 compared with %+v, want 13.7 (2021)", pts[2])
			}
			// A short single series: every bar is labelled.
			equalJSON(t, "labels", at(t, p.Option, "series", 0, "label"), map[string]any{"show": true, "position": "top"})
			equalJSON(t, "label overlap", at(t, p.Option, "series", 0, "labelLayout", "hideOverlap"), true)
			// The unit is above the axis, left-aligned: never cut at the left edge.
			equalJSON(t, "yAxis name", []any{at(t, p.Option, "yAxis", 0, "name"), at(t, p.Option, "yAxis", 0, "nameLocation"),
				at(t, p.Option, "yAxis", 0, "nameTextStyle", "align")}, []any{"tỷ USD", "end", "left"})
			equalJSON(t, "meta", []string{p.Meta.Lang, p.Meta.Kind, p.Meta.Unit}, []string{"vi", "amount", "tỷ USD"})
		}},
		{"amount as line", Spec{ID: "ecommerce", Series: series(t, d, "ecommerce-revenue"), Type: "line"}, vi, func(t *testing.T, p decoded) {
			equalJSON(t, "series type", at(t, p.Option, "series", 0, "type"), "line")
		}},
		{"amount sub-series derived", Spec{ID: "exports", Series: series(t, d, "digital-product-exports")}, en, func(t *testing.T, p decoded) {
			// Half-years and years: the two halves of 2022 are blank gaps.
			equalJSON(t, "categories", at(t, p.Option, "xAxis", 0, "data"), []string{"2021", "", "", "1st half\n2023", "2023", "1st half\n2024"})
			// Every real label shown, the two lines of a half-year apart.
			equalJSON(t, "all real labels", at(t, p.Option, "xAxis", 0, "axisLabel"), map[string]any{"interval": 0, "hideOverlap": true, "lineHeight": 15})
			equalJSON(t, "full year", values(t, p, 0), []any{113.5, "-", "-", "-", 117.3, "-"})
			equalJSON(t, "faded derived bar", at(t, p.Option, "series", 1, "data", 3, "itemStyle", "opacity"), 0.45)
			// H1 2024 is not compared with the full year 2023, nor with H1
			// 2023, which is derived from the change H1 2024 states.
			if pm := p.Meta.Series[1].Points[5]; pm.Prev != nil {
				t.Errorf("H1 2024 compared with %q, want no computed change", pm.PrevAt)
			}
			// Tooltips spell periods out, where the axis may be short.
			equalJSON(t, "periods", p.Meta.Periods, []string{"2021", "", "", "first half of 2023", "2023", "first half of 2024"})
			if pm := p.Meta.Series[1].Points[3]; pm.From != "first half of 2024" {
				t.Errorf("derived from %q, want it spelled out", pm.From)
			}
			// Two lines of two points: no point labels.
			equalJSON(t, "labels", at(t, p.Option, "series", 0, "label"), nil)
			equalJSON(t, "legend", at(t, p.Option, "legend", "show"), true)
		}},
		{"rate targets", Spec{ID: "full_process", Series: series(t, d, "full-process-online-services")}, vi, func(t *testing.T, p decoded) {
			ml := at(t, p.Option, "series", 0, "markLine").(map[string]any)
			equalJSON(t, "dashed", at(t, ml, "lineStyle", "type"), "dashed")
			var names []string
			for _, pair := range ml["data"].([]any) {
				names = append(names, at(t, pair, 0, "name").(string))
			}
			// 80 % by 2024 is stated twice (two sources): drawn once.
			equalJSON(t, "targets", names, []string{"Mục tiêu 80% (2024)", "Mục tiêu 100% (2025)", "Mục tiêu 80% (2025)"})
			equalJSON(t, "to the deadline", at(t, ml, "data", 1, 1, "coord"), []any{1, 100})
			if max := at(t, p.Option, "yAxis", 0, "max").(float64); max < 100 {
				t.Errorf("yAxis max %v below the target 100", max)
			}
		}},
		{"target due at the first category", Spec{ID: "full_process", Series: series(t, d, "full-process-online-services")}, vi, func(t *testing.T, p decoded) {
			equalJSON(t, "categories", at(t, p.Option, "xAxis", 0, "data"), []string{"2024", "2025"})
			// Only a dot at category 0: its label starts there, below the line,
			// instead of running off the left edge.
			equalJSON(t, "first", at(t, p.Option, "series", 0, "markLine", "data", 0, 0, "label"), map[string]any{"position": "insideStartBottom"})
			equalJSON(t, "later", at(t, p.Option, "series", 0, "markLine", "data", 1, 0, "label"), nil)
		}},
		{"rate target english", Spec{ID: "full_process", Series: series(t, d, "full-process-online-services")}, en, func(t *testing.T, p decoded) {
			equalJSON(t, "label", at(t, p.Option, "series", 0, "markLine", "data", 0, 0, "name"), "Target 80% (2024)")
		}},
		{"rate sub-series", Spec{ID: "records", Series: series(t, d, "online-records-share")}, vi, func(t *testing.T, p decoded) {
			equalJSON(t, "legend", at(t, p.Option, "legend", "show"), true)
			equalJSON(t, "names", []any{at(t, p.Option, "series", 0, "name"), at(t, p.Option, "series", 2, "name")}, []string{"Cả nước", "Địa phương"})
			equalJSON(t, "categories", at(t, p.Option, "xAxis", 0, "data"), []string{"2023", "6 tháng đầu\n2024"})
			equalJSON(t, "yAxis", []any{at(t, p.Option, "yAxis", 0, "min"), at(t, p.Option, "yAxis", 0, "max")}, []any{0, 70})
			// Three lines of two points each: labels would collide.
			equalJSON(t, "labels", at(t, p.Option, "series", 0, "label"), nil)
		}},
		{"several series", Spec{ID: "ranks", Series: series(t, d, "egdi-rank", "gci-rank"), Title: "Ranks"}, en, func(t *testing.T, p decoded) {
			equalJSON(t, "legend", at(t, p.Option, "legend", "show"), true)
			equalJSON(t, "categories", at(t, p.Option, "xAxis", 0, "data"), []string{"2020", "2021", "2022", "2023", "2024"})
			equalJSON(t, "egdi", values(t, p, 0), []any{"-", "-", 86, "-", 71})
			equalJSON(t, "gci", values(t, p, 1), []any{25, "-", "-", "-", 17})
			if p.Meta.Series[0].Points[0] != nil {
				t.Error("meta of a missing value is not null")
			}
			// The title is kept for the PNG, hidden on screen.
			equalJSON(t, "title", at(t, p.Option, "title", "text"), "Ranks")
			equalJSON(t, "title hidden", at(t, p.Option, "title", "show"), false)
		}},
		{"two sources, one period", Spec{ID: "conflict", Series: series(t, d, "test-conflicting-reports")}, vi, func(t *testing.T, p decoded) {
			// 2022, (H1 2023), 2023, H1 2024, (H2 2024), (H1 2025), 2025.
			equalJSON(t, "categories", at(t, p.Option, "xAxis", 0, "data"), []string{"2022", "", "2023", "6 tháng đầu\n2024", "", "", "2025"})
			equalJSON(t, "line", values(t, p, 0), []any{30, "-", 40, 4543.5, "-", "-", "-"})
			equalJSON(t, "other source", values(t, p, 1), []any{"-", "-", 45.5, "-", "-", "-", "-"})
			equalJSON(t, "to the deadline", at(t, p.Option, "series", 0, "markLine", "data", 0, 1, "coord"), []any{6, 5000})
			equalJSON(t, "other type", at(t, p.Option, "series", 1, "type"), "scatter")
			if s := p.Meta.Series[1]; s.Role != "other" || s.Line != 0 {
				t.Errorf("second series meta = %+v, want role other of line 0", s)
			}
			if max := at(t, p.Option, "yAxis", 0, "max").(float64); max < 5000 {
				t.Errorf("yAxis max %v below the target 5000", max)
			}
		}},
		{"same value, different of", Spec{ID: "essential", Series: series(t, d, "essential-online-services")}, vi, func(t *testing.T, p decoded) {
			// 7/2024 and 2024: the months between are blank gaps.
			equalJSON(t, "categories", at(t, p.Option, "xAxis", 0, "data"), []string{"7/2024", "", "", "", "", "2024"})
			equalJSON(t, "other source", values(t, p, 2), []any{43, "-", "-", "-", "-", "-"})
			equalJSON(t, "of", []any{p.Meta.Series[0].Points[0].Of, p.Meta.Series[2].Points[0].Of}, []any{76, 53})
			// 54/76 (the year 2024) is not compared with 43/76 (a month):
			// their periods are not comparable; 43/53 with nothing.
			if pm := p.Meta.Series[0].Points[5]; pm.Prev != nil {
				t.Errorf("2024 point meta = %+v, want no previous value", pm)
			}
			if pm := p.Meta.Series[2].Points[0]; pm.Prev != nil {
				t.Errorf("43/53 compared with %v", *pm.Prev)
			}
		}},
		{"single point", Spec{ID: "adults", Series: series(t, d, "adults-with-payment-account")}, vi, func(t *testing.T, p decoded) {
			// 7/2024 and the 2025 deadline: 16 blank months between them.
			cats := at(t, p.Option, "xAxis", 0, "data").([]any)
			if len(cats) != 18 || cats[0] != "7/2024" || cats[17] != "2025" || cats[1] != "" || cats[16] != "" {
				t.Errorf("categories = %v, want 7/2024, 16 blanks, 2025", cats)
			}
			equalJSON(t, "to the deadline", at(t, p.Option, "series", 0, "markLine", "data", 0, 1, "coord"), []any{17, 80})
			// The point is labelled, as its target is.
			equalJSON(t, "label", at(t, p.Option, "series", 0, "label", "show"), true)
		}},
		{"single point among lines", Spec{ID: "two", Series: series(t, d, "adults-with-payment-account", "online-records-share")}, en, func(t *testing.T, p decoded) {
			equalJSON(t, "single point labelled", at(t, p.Option, "series", 0, "label", "show"), true)
			equalJSON(t, "two points not labelled", at(t, p.Option, "series", 1, "label"), nil)
		}},
		{"range", Spec{ID: "ecommerce", Series: series(t, d, "ecommerce-revenue"), From: year(2022), To: year(2024)}, vi, func(t *testing.T, p decoded) {
			equalJSON(t, "categories", at(t, p.Option, "xAxis", 0, "data"), []string{"2023", "2024"})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Option(tt.spec, tt.lang)
			if err != nil {
				t.Fatal(err)
			}
			p := decode(t, b)
			if p.Meta.ID != tt.spec.ID {
				t.Errorf("meta.id = %q, want %q", p.Meta.ID, tt.spec.ID)
			}
			if n := len(at(t, p.Option, "series").([]any)); n != len(p.Meta.Series) {
				t.Errorf("%d series but %d in meta", n, len(p.Meta.Series))
			}
			tt.check(t, p)
		})
	}
}

func year(y int) calendar.Period { return calendar.Period{Grain: calendar.Year, Year: y} }

func TestErrors(t *testing.T) {
	d := fixtures(t)
	for _, tt := range []struct {
		name string
		spec Spec
		key  string // of the chart block, for a problem of the editor's
	}{
		{"empty id", Spec{Series: series(t, d, "egdi-rank")}, ""},
		{"id with a dash", Spec{ID: "chart-1", Series: series(t, d, "egdi-rank")}, ""},
		{"id starting with a digit", Spec{ID: "1chart", Series: series(t, d, "egdi-rank")}, ""},
		{"id with markup", Spec{ID: `a"><script>`, Series: series(t, d, "egdi-rank")}, ""},
		{"no series", Spec{ID: "c"}, ""},
		{"nil series", Spec{ID: "c", Series: []*metrics.Series{nil}}, ""},
		{"rank as bars", Spec{ID: "c", Series: series(t, d, "egdi-rank"), Type: "bar"}, "type"},
		{"unknown type", Spec{ID: "c", Series: series(t, d, "egdi-rank"), Type: "pie"}, ""},
		{"mixed kinds", Spec{ID: "c", Series: series(t, d, "egdi-rank", "ecommerce-revenue")}, "metrics"},
		{"mixed units", Spec{ID: "c", Series: series(t, d, "ecommerce-revenue", "test-conflicting-reports"), Type: "line"}, "metrics"},
		{"nothing in range", Spec{ID: "c", Series: series(t, d, "egdi-rank"), From: year(2030)}, "from"},
		{"nothing until to", Spec{ID: "c", Series: series(t, d, "egdi-rank"), To: year(1990)}, "to"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Option(tt.spec, vi)
			if err == nil {
				t.Fatalf("no error; got %s", b)
			}
			var spec *SpecError
			switch {
			case errors.As(err, &spec) != (tt.key != ""):
				t.Errorf("%v: a problem of the chart block is a *SpecError, others are not", err)
			case tt.key != "" && spec.Key != tt.key:
				t.Errorf("%v: about key %q, want %q", err, spec.Key, tt.key)
			case tt.key != "" && strings.Contains(err.Error(), `"c"`) || strings.Contains(err.Error(), " a amount"):
				t.Errorf("%v: names the chart's id, or says \"a amount\"", err)
			}
		})
	}
	if _, err := Option(Spec{ID: "c", Series: series(t, d, "egdi-rank")}, nil); err == nil {
		t.Error("no error without a language")
	}
}

func TestDeterministic(t *testing.T) {
	d := fixtures(t)
	spec := Spec{ID: "all_rates", Series: series(t, d, "online-records-share", "full-process-online-services")}
	first, err := Option(spec, vi)
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		again, err := Option(spec, vi)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatalf("two calls differ:\n%s\n%s", first, again)
		}
	}
}

func TestHTMLSafe(t *testing.T) {
	d := fixtures(t)
	evil := `</script><script>alert(1)</script>`
	s := *d.SeriesByID("ecommerce-revenue")
	s.Title, s.Unit = evil, evil+" & <b>"
	subs := *d.SeriesByID("online-records-share")
	subs.Subseries = append([]metrics.Subseries(nil), subs.Subseries...)
	subs.Subseries[0].Label = evil
	for _, spec := range []Spec{
		{ID: "c", Series: []*metrics.Series{&s}},
		{ID: "c", Series: []*metrics.Series{&s}, Title: evil},
		{ID: "c", Series: []*metrics.Series{&subs}},
	} {
		b, err := Option(spec, vi)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.ContainsAny(b, "<>&") || bytes.Contains(b, []byte("\u2028")) {
			t.Errorf("payload has raw <, > or &:\n%s", b)
		}
		// Decoded, the text is intact.
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		var raw bytes.Buffer
		enc := json.NewEncoder(&raw)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(raw.String(), evil) {
			t.Errorf("the text did not survive the round trip: %s", raw.String())
		}
	}
}

// TestConcurrent checks, under -race, that pages may be built in parallel.
func TestConcurrent(t *testing.T) {
	d := fixtures(t)
	spec := Spec{ID: "c", Series: series(t, d, "test-conflicting-reports")}
	want, err := Option(spec, en)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan []byte)
	for range 8 {
		go func() {
			b, _ := Option(spec, en)
			done <- b
		}()
	}
	for range 8 {
		if b := <-done; !bytes.Equal(b, want) {
			t.Errorf("concurrent call gave %s", b)
		}
	}
}

// TestFill checks the x axis rule: gaps between periods are filled at the
// finest grain the axis can hold, labelled only when every period has it.
func TestFill(t *testing.T) {
	for _, tt := range []struct {
		name    string
		periods []string
		want    string // categories joined by " ", gaps as (period) when labelled, _ when blank
	}{
		{"one period", []string{"2024"}, "2024"},
		{"consecutive years", []string{"2024", "2023"}, "2023 2024"},
		{"a missing year", []string{"2021", "2023", "2024"}, "2021 (2022) 2023 2024"},
		{"biennial", []string{"2018", "2024", "2020", "2022"}, "2018 (2019) 2020 (2021) 2022 (2023) 2024"},
		{"halves", []string{"2023-H1", "2024-H2"}, "2023-H1 (2023-H2) (2024-H1) 2024-H2"},
		{"year and half", []string{"2023", "2024-H1"}, "2023 2024-H1"},
		{"year, halves, a gap", []string{"2021", "2023-H1", "2023", "2024-H1"}, "2021 _ _ 2023-H1 2023 2024-H1"},
		{"month to a year", []string{"2024-07", "2025"}, "2024-07 " + strings.Repeat("_ ", 16) + "2025"},
		{"a day counts as its month", []string{"2024-07-10", "2024"}, "2024-07-10 _ _ _ _ 2024"},
		{"a day and its month", []string{"2024-07-10", "2024-07"}, "2024-07-10 2024-07"},
		{"months over four years: quarters", []string{"2021-01", "2024-12"}, "2021-01 " + strings.Repeat("_ ", 15) + "2024-12"},
		{"quarters over nine years: halves", []string{"2016-Q1", "2024-Q4"}, "2016-Q1 " + strings.Repeat("_ ", 17) + "2024-Q4"},
		{"many years stay years", []string{"1980", "2024"}, "1980 " + years(1981, 2023) + " 2024"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var ps []calendar.Period
			for _, s := range tt.periods {
				p, err := calendar.ParsePeriod(s)
				if err != nil {
					t.Fatal(err)
				}
				ps = append(ps, p)
			}
			slots, labelled := fill(ps)
			var got []string
			for _, s := range slots {
				switch {
				case !s.gap:
					got = append(got, s.period.String())
				case labelled:
					got = append(got, "("+s.period.String()+")")
				default:
					got = append(got, "_")
				}
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("fill(%v) = %s, want %s", tt.periods, g, tt.want)
			}
		})
	}
}

func years(from, to int) string {
	var out []string
	for y := from; y <= to; y++ {
		out = append(out, "("+strconv.Itoa(y)+")")
	}
	return strings.Join(out, " ")
}

func TestNiceCeil(t *testing.T) {
	for v, want := range map[float64]float64{61: 70, 42: 45, 17: 18, 80: 80, 100: 100, 4543.5: 5000, 0.7: 0.7, 5250: 6000, 193: 200} {
		if got := niceCeil(v); got != want {
			t.Errorf("niceCeil(%v) = %v, want %v", v, got, want)
		}
	}
}

// TestGolden compares whole payloads with testdata/*.json (stored indented);
// go test ./generator/charts -update rewrites them.
func TestGolden(t *testing.T) {
	d := fixtures(t)
	for _, g := range []struct {
		file string
		spec Spec
		lang *i18n.Lang
	}{
		{"egdi-rank.vi.json", Spec{ID: "chart_egdi_rank_0", Series: series(t, d, "egdi-rank")}, vi},
		{"digital-product-exports.en.json", Spec{ID: "chart_exports_0", Series: series(t, d, "digital-product-exports")}, en},
		{"full-process-online-services.vi.json", Spec{ID: "chart_full_process_0", Series: series(t, d, "full-process-online-services", "online-records-share")}, vi},
		{"test-conflicting-reports.en.json", Spec{ID: "chart_conflict_0", Series: series(t, d, "test-conflicting-reports")}, en},
	} {
		t.Run(g.file, func(t *testing.T) {
			b, err := Option(g.spec, g.lang)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := json.Indent(&got, b, "", "  "); err != nil {
				t.Fatal(err)
			}
			got.WriteByte('\n')
			path := filepath.Join("testdata", g.file)
			if *update {
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./generator/charts -update)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("payload differs from %s (if intended, run go test ./generator/charts -update):\n%s", path, got.Bytes())
			}
		})
	}
}

func BenchmarkOption(b *testing.B) {
	d := fixtures(b)
	specs := []Spec{
		{ID: "rank", Series: series(b, d, "egdi-rank")},
		{ID: "amount", Series: series(b, d, "digital-product-exports")},
		{ID: "rate", Series: series(b, d, "full-process-online-services", "online-records-share")},
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := Option(specs[i%len(specs)], vi); err != nil {
			b.Fatal(err)
		}
	}
}
