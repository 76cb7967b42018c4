package charts

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
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
			// The survey is biennial: 2023 is an unlabelled gap on the axis,
			// not a missing step, and no label names a year without data.
			equalJSON(t, "categories", at(t, p.Option, "xAxis", 0, "data"), []string{"2022", "", "2024"})
			equalJSON(t, "real labels", at(t, p.Option, "xAxis", 0, "axisLabel"), map[string]any{"interval": 0, "hideOverlap": true})
			// From rank 1 to the 193 ranked.
			equalJSON(t, "yAxis max", at(t, p.Option, "yAxis", 0, "max"), 193)
			equalJSON(t, "better", p.Meta.Better, "lower")
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
			// 2022 is not reported: an unlabelled gap, not 2021 next to 2023.
			equalJSON(t, "categories", at(t, p.Option, "xAxis", 0, "data"), []string{"2021", "", "2023", "2024"})
			equalJSON(t, "values", values(t, p, 0), []any{13.7, "-", 20.5, 28})
			equalJSON(t, "axis labels", at(t, p.Option, "xAxis", 0, "axisLabel"), map[string]any{"interval": 0, "hideOverlap": true})
			equalJSON(t, "better", p.Meta.Better, "higher")
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
			equalJSON(t, "categories", at(t, p.Option, "xAxis", 0, "data"), []string{"2020", "", "2022", "", "2024"})
			// Out of 193 and of 194: the axis reaches the larger.
			equalJSON(t, "yAxis max", at(t, p.Option, "yAxis", 0, "max"), 194)
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
		{"single point among lines", Spec{ID: "two", Series: series(t, d, "adults-with-payment-account", "full-process-online-services")}, en, func(t *testing.T, p decoded) {
			equalJSON(t, "single point labelled", at(t, p.Option, "series", 0, "label", "show"), true)
			equalJSON(t, "two points not labelled", at(t, p.Option, "series", 1, "label"), nil)
		}},
		{"single point among four lines", Spec{ID: "four", Series: series(t, d, "adults-with-payment-account", "online-records-share")}, en, func(t *testing.T, p decoded) {
			// Four lines: no labels at all; the tooltip and the table carry the values.
			equalJSON(t, "single point", at(t, p.Option, "series", 0, "label"), nil)
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
		want    string // categories joined by " ", gaps as _ (never labelled)
	}{
		{"one period", []string{"2024"}, "2024"},
		{"consecutive years", []string{"2024", "2023"}, "2023 2024"},
		{"a missing year", []string{"2021", "2023", "2024"}, "2021 _ 2023 2024"},
		{"biennial", []string{"2018", "2024", "2020", "2022"}, "2018 _ 2020 _ 2022 _ 2024"},
		{"a survey's years", []string{"2003", "2004", "2005", "2008", "2010"}, "2003 2004 2005 _ _ 2008 _ 2010"},
		{"halves", []string{"2023-H1", "2024-H2"}, "2023-H1 _ _ 2024-H2"},
		{"year and half", []string{"2023", "2024-H1"}, "2023 2024-H1"},
		{"year, halves, a gap", []string{"2021", "2023-H1", "2023", "2024-H1"}, "2021 _ _ 2023-H1 2023 2024-H1"},
		{"month to a year", []string{"2024-07", "2025"}, "2024-07 " + strings.Repeat("_ ", 16) + "2025"},
		{"a day counts as its month", []string{"2024-07-10", "2024"}, "2024-07-10 _ _ _ _ 2024"},
		{"a day and its month", []string{"2024-07-10", "2024-07"}, "2024-07-10 2024-07"},
		{"months over four years: quarters", []string{"2021-01", "2024-12"}, "2021-01 " + strings.Repeat("_ ", 15) + "2024-12"},
		{"quarters over nine years: halves", []string{"2016-Q1", "2024-Q4"}, "2016-Q1 " + strings.Repeat("_ ", 17) + "2024-Q4"},
		{"many years stay years", []string{"1980", "2024"}, "1980 " + strings.Repeat("_ ", 43) + "2024"},
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
			var got []string
			for _, s := range fill(ps) {
				if s.gap {
					got = append(got, "_")
				} else {
					got = append(got, s.period.String())
				}
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("fill(%v) = %s, want %s", tt.periods, g, tt.want)
			}
		})
	}
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
		{"sea-egdi-rank.vi.json", Spec{ID: "chart_sea_0", Series: series(t, d, "sea-egdi-rank"),
			Subseries: []string{"vnm", "tha", "mys", "idn", "phl", "sgp"}, Highlight: []string{"vnm"}}, vi},
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

// TestManyLines is the second site's chart: 13 countries (ISO alpha-3
// ids) ranked in the UN E-Government Survey, out of 191, 192 then 193,
// surveyed in 2003, 2004, 2005 and every two years from 2008.
func TestManyLines(t *testing.T) {
	d := fixtures(t)
	sea := series(t, d, "sea-egdi-rank")
	b, err := Option(Spec{ID: "sea", Series: sea}, en)
	if err != nil {
		t.Fatal(err)
	}
	p := decode(t, b)
	if n := len(sea[0].Subseries); n != 13 {
		t.Fatalf("%d sub-series, want 13", n)
	}

	// Labels only at the survey's years; 2006, 2007, 2009… are room, unlabelled.
	cats := at(t, p.Option, "xAxis", 0, "data").([]any)
	var labelled []string
	for _, c := range cats {
		if c != "" {
			labelled = append(labelled, c.(string))
		}
	}
	equalJSON(t, "labelled categories", labelled, []string{"2003", "2004", "2005", "2008", "2010", "2012", "2014", "2016", "2018", "2020", "2022", "2024"})
	if len(cats) != 22 {
		t.Errorf("%d categories, want the 22 years 2003–2024", len(cats))
	}
	equalJSON(t, "every real label, none between", at(t, p.Option, "xAxis", 0, "axisLabel"), map[string]any{"interval": 0, "hideOverlap": true})

	// From rank 1 at the top to the 193 ranked, not a round 200 or 210.
	equalJSON(t, "rank axis", []any{at(t, p.Option, "yAxis", 0, "min"), at(t, p.Option, "yAxis", 0, "max"), at(t, p.Option, "yAxis", 0, "inverse"), at(t, p.Option, "yAxis", 0, "splitNumber")}, []any{1, 193, true, 4})

	// 13 lines: one colour each, and from the ninth on, dashes and squares.
	colors := map[int]bool{}
	for i, m := range p.Meta.Series {
		if m.Role != "line" {
			continue
		}
		if colors[m.Color] {
			t.Errorf("series %d shares colour %d", i, m.Color)
		}
		colors[m.Color] = true
		wantSym, wantDash := "circle", any(nil)
		if m.Color >= 8 {
			wantSym, wantDash = "rect", "dashed"
		}
		equalJSON(t, fmt.Sprintf("line %d symbol", m.Color), at(t, p.Option, "series", i, "symbol"), wantSym)
		style, _ := at(t, p.Option, "series", i).(map[string]any)["lineStyle"].(map[string]any)
		equalJSON(t, fmt.Sprintf("line %d dash", m.Color), style["type"], wantDash)
		// Too many lines for labels: the tooltip and the table carry the values.
		equalJSON(t, fmt.Sprintf("line %d labels", m.Color), at(t, p.Option, "series", i, "label"), nil)
	}
	if len(colors) != 13 || len(colors) > paletteSize {
		t.Errorf("%d colours for 13 lines", len(colors))
	}
	// The tooltip puts rank 1 first.
	equalJSON(t, "better", p.Meta.Better, "lower")
	// The legend's order is the file's; Timor-Leste, not assessed in 2003,
	// has a gap there, not a zero, and Myanmar's hedged 2024 rank says so.
	all := at(t, p.Option, "series").([]any)
	if n := at(t, all[0], "name"); n != "Brunei Darussalam" {
		t.Errorf("first line %v, want the file's first sub-series", n)
	}
	for i, s := range all {
		switch at(t, s, "name") {
		case "Timor-Leste":
			if pm := p.Meta.Series[i].Points[0]; pm == nil || pm.Gap != "not assessed" || values(t, p, i)[0] != "-" {
				t.Errorf("Timor-Leste 2003: %v, %+v; want a stated gap", values(t, p, i)[0], pm)
			}
		case "Myanmar":
			if pm := p.Meta.Series[i].Points[21]; pm == nil || pm.Q != "about" || *pm.Of != 193 {
				t.Errorf("Myanmar 2024: %+v, want about …/193", pm)
			}
		}
	}

	// Picked and highlighted: five lines, Viet Nam bold and labelled, the
	// others thin, under it, and unlabelled.
	b, err = Option(Spec{ID: "five", Series: sea, Subseries: []string{"vnm", "tha", "mys", "idn", "phl"}, Highlight: []string{"vnm"}}, vi)
	if err != nil {
		t.Fatal(err)
	}
	p = decode(t, b)
	var got []string
	for i, s := range at(t, p.Option, "series").([]any) {
		name := at(t, s, "name").(string)
		got = append(got, name)
		bold := name == "Việt Nam"
		if p.Meta.Series[i].Muted == bold {
			t.Errorf("%s muted = %v", name, p.Meta.Series[i].Muted)
		}
		wantZ, wantWidth, wantLabel := 1.0, 1.0, any(nil)
		if bold {
			wantZ, wantWidth, wantLabel = 3, 3.5, true
		}
		equalJSON(t, name+" z", at(t, s, "z"), wantZ)
		equalJSON(t, name+" width", at(t, s, "lineStyle", "width"), wantWidth)
		if bold {
			equalJSON(t, name+" label", at(t, s, "label", "show"), wantLabel)
		} else {
			equalJSON(t, name+" label", at(t, s, "label"), wantLabel)
		}
	}
	// In the file's order, whatever the block's.
	equalJSON(t, "lines", got, []string{"Indonesia", "Malaysia", "Philippines", "Thái Lan", "Việt Nam"})
	if desc := at(t, p.Option, "aria", "label", "description").(string); strings.Contains(desc, "Singapore") {
		t.Errorf("aria description names a line not drawn: %s", desc)
	}
}

func TestPickErrors(t *testing.T) {
	d := fixtures(t)
	sea, egdi := series(t, d, "sea-egdi-rank"), series(t, d, "egdi-rank")
	for _, tt := range []struct {
		name string
		spec Spec
		want []string
	}{
		{"unknown sub-series", Spec{Series: sea, Subseries: []string{"vnm", "xyz"}},
			[]string{`sub-series "xyz" of sea-egdi-rank: not one of "brn", "khm", "kor", "idn", "lao", "mys", "mmr", "phl", "sgp", "tha", "tls", "chn", "vnm"`}},
		{"no sub-series", Spec{Series: egdi, Subseries: []string{"vnm"}}, []string{"subseries: egdi-rank has no sub-series"}},
		{"highlight not drawn", Spec{Series: sea, Subseries: []string{"vnm", "tha"}, Highlight: []string{"sgp"}},
			[]string{`highlight "sgp": not a line of the chart; its lines are "tha", "vnm"`}},
		{"highlight a series", Spec{Series: append(egdi, sea...), Highlight: []string{"egdi-rank", "sea-egdi-rank"}}, nil},
		{"highlight a lone series", Spec{Series: egdi, Highlight: []string{"egdi-rank"}}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range CheckPicks(tt.spec) {
				got = append(got, e.Error())
			}
			equalJSON(t, "errors", got, tt.want)
			tt.spec.ID = "c"
			if _, err := Option(tt.spec, vi); (err != nil) != (len(tt.want) > 0) {
				t.Errorf("Option: %v", err)
			}
		})
	}
}

// TestPalette reads charts.js's palettes: 16 colours each, told apart
// (ΔE, CIE 1976, at least 10 between any two, and 15 among the first 8
// for readers with deuteranopia or protanopia) and drawn at 3:1 at least
// against the page (WCAG 1.4.11), as the package documentation says.
func TestPalette(t *testing.T) {
	js, err := os.ReadFile(filepath.Join("..", "..", "assets", "js", "charts.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []struct{ name, bg string }{{"light", "#ffffff"}, {"dark", "#121417"}} {
		m := regexp.MustCompile(`(?s)` + mode.name + `: \[([^\]]*)\]`).FindSubmatch(js)
		if m == nil {
			t.Fatalf("no %s palette in charts.js", mode.name)
		}
		pal := regexp.MustCompile(`#[0-9a-f]{6}`).FindAllString(string(m[1]), -1)
		if len(pal) != paletteSize {
			t.Fatalf("%s: %d colours, want %d", mode.name, len(pal), paletteSize)
		}
		for i, c := range pal {
			if r := contrast(c, mode.bg); r < 3 {
				t.Errorf("%s colour %d %s: contrast %.2f against %s", mode.name, i+1, c, r, mode.bg)
			}
			for j, o := range pal[:i] {
				if e := deltaE(c, o, nil); e < 10 {
					t.Errorf("%s colours %d %s and %d %s: ΔE %.1f", mode.name, j+1, o, i+1, c, e)
				}
				for cvd, sim := range map[string]*[3][3]float64{"deuteranopia": &deutan, "protanopia": &protan} {
					if e := deltaE(c, o, sim); i < 8 && e < 15 {
						t.Errorf("%s colours %d %s and %d %s: ΔE %.1f with %s", mode.name, j+1, o, i+1, c, e, cvd)
					}
				}
			}
		}
	}
}

// Machado, Oliveira and Fernandes (2009), severity 1, on linear RGB.
var (
	deutan = [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}
	protan = [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}
)

func linearRGB(hex string) [3]float64 {
	var out [3]float64
	for i := range out {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			out[i] = c / 12.92
		} else {
			out[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return out
}

func luminance(rgb [3]float64) float64 { return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2] }

func contrast(a, b string) float64 {
	la, lb := luminance(linearRGB(a)), luminance(linearRGB(b))
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// deltaE is the CIE 1976 distance of two colours in L*a*b* (D65), as seen
// through sim when it is not nil.
func deltaE(a, b string, sim *[3][3]float64) float64 {
	lab := func(h string) [3]float64 {
		c := linearRGB(h)
		if sim != nil {
			var s [3]float64
			for i := range s {
				s[i] = min(1, max(0, sim[i][0]*c[0]+sim[i][1]*c[1]+sim[i][2]*c[2]))
			}
			c = s
		}
		x := (0.4124*c[0] + 0.3576*c[1] + 0.1805*c[2]) / 0.95047
		y := 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
		z := (0.0193*c[0] + 0.1192*c[1] + 0.9505*c[2]) / 1.08883
		f := func(t float64) float64 {
			if t > 0.008856 {
				return math.Cbrt(t)
			}
			return 7.787*t + 16.0/116
		}
		return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
	}
	p, q := lab(a), lab(b)
	return math.Sqrt((p[0]-q[0])*(p[0]-q[0]) + (p[1]-q[1])*(p[1]-q[1]) + (p[2]-q[2])*(p[2]-q[2]))
}

// An index's change is written with the decimals it has, not the float
// noise of a difference (0.82 - 0.727).
func TestChangeWordsOfAnIndex(t *testing.T) {
	s := &metrics.Series{Kind: metrics.Index}
	for _, tt := range []struct {
		change float64
		want   string
	}{
		{0.82 - 0.727, "0.093 points"},
		{0.8200 - 0.7, "0.12 points"},
		{-(0.5 - 0.4994), "0.0006 points"},
		{3, "3 points"},
	} {
		if got := ChangeWords(en, s, &tt.change, nil, ""); !strings.Contains(got, tt.want) {
			t.Errorf("change %v: %q, want %q in it", tt.change, got, tt.want)
		}
	}
}
