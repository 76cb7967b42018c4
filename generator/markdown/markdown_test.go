package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tiendo/tiendo/generator/diag"
)

// figure is the ChartFunc of the tests.
func figure(w io.Writer, c Chart) error {
	_, err := fmt.Fprintf(w, "<figure class=\"chart\" data-metrics=%q>%s</figure>\n",
		html.EscapeString(strings.Join(c.Metrics, " ")), html.EscapeString(c.Title))
	return err
}

func convert(t *testing.T, opt Options, src string) (Result, []string) {
	t.Helper()
	res, err := New(opt).Convert("p.md", 0, []byte(src), figure)
	return res, errorLines(err)
}

func errorLines(err error) []string {
	if err == nil {
		return nil
	}
	var l diag.List
	if !errors.As(err, &l) {
		return []string{"not a diag.List: " + err.Error()}
	}
	return strings.Split(l.Error(), "\n")
}

func TestHeadingIDs(t *testing.T) {
	src := `# Trang

## Kết quả

## Kết quả

## Tổng hợp {#ket-qua}

### Khác {#khac}

### Khác

#### Sâu

##

## ` + "`mã` và *nhấn*" + `
`
	res, errs := convert(t, Options{}, src)
	if want := []string{"p.md:15:1: warning: empty heading: write its text after the #, or remove the line"}; !reflect.DeepEqual(errs, want) {
		t.Fatalf("errors: %q, want %q", errs, want)
	}
	want := []Heading{
		{2, "ket-qua-1", "Kết quả"},
		{2, "ket-qua-2", "Kết quả"},
		{2, "ket-qua", "Tổng hợp"},
		{3, "khac", "Khác"},
		{3, "khac-1", "Khác"},
		{2, "section", ""},
		{2, "ma-va-nhan", "mã và nhấn"},
	}
	if !reflect.DeepEqual(res.Headings, want) {
		t.Errorf("headings:\n got %+v\nwant %+v", res.Headings, want)
	}
	for _, s := range []string{`<h1 id="trang">`, `<h2 id="ket-qua-1">Kết quả</h2>`, `<h2 id="ket-qua">Tổng hợp</h2>`, `<h4 id="sau">`} {
		if !bytes.Contains(res.HTML, []byte(s)) {
			t.Errorf("HTML lacks %s:\n%s", s, res.HTML)
		}
	}
}

func TestDuplicateExplicitID(t *testing.T) {
	_, errs := convert(t, Options{}, "## A {#x}\n\n## B {#x}\n")
	want := []string{`p.md:3:4: duplicate heading id "x"`}
	if !reflect.DeepEqual(errs, want) {
		t.Errorf("errors = %q, want %q", errs, want)
	}
}

// at is a position in p.md.
func at(line, col int) diag.Pos { return diag.Pos{File: "p.md", Line: line, Col: col} }

func TestCharts(t *testing.T) {
	src := "Đoạn.\n\n```chart\nmetrics = [\"a\", \"b\"]\ntitle = \"Tiêu đề <x>\"\ntype = \"bar\"\nfrom = 2021\nto = \"2024-H1\"\n```\n\n" +
		"- mục\n\n  ~~~ chart\n  metrics = [\"c\"]\n  to = 2024-06-30\n  ~~~\n\n" +
		"```chart\nmetrics = [\"egdi-rank\"]\n  subseries = [\"vnm\", \"tha\", \"sgp\"]\nhighlight = [\"vnm\"]\n```\n" +
		"\n```chart\ntype = \"map\"\nmetrics = [\"d\"]\nmap = \"vn-provinces\"\nperiod = 2025-06-30\n```\n"
	res, err := New(Options{}).Convert("p.md", 4, []byte(src), figure)
	if err != nil {
		t.Fatal(err)
	}
	want := []Chart{
		{Pos: diag.Pos{File: "p.md", Line: 7, Col: 1}, Metrics: []string{"a", "b"}, Title: "Tiêu đề <x>", Type: "bar", From: "2021", To: "2024-H1", Index: 0,
			Keys:      map[string]diag.Pos{"metrics": at(8, 1), "title": at(9, 1), "type": at(10, 1), "from": at(11, 1), "to": at(12, 1)},
			MetricPos: []diag.Pos{at(8, 12), at(8, 17)}},
		{Pos: diag.Pos{File: "p.md", Line: 17, Col: 3}, Metrics: []string{"c"}, To: "2024-06-30", Index: 1,
			Keys: map[string]diag.Pos{"metrics": at(18, 3), "to": at(19, 3)}, MetricPos: []diag.Pos{at(18, 14)}},
		// The picks keep the order they are written in, and where their key is.
		{Pos: diag.Pos{File: "p.md", Line: 22, Col: 1}, Metrics: []string{"egdi-rank"}, Index: 2,
			Keys:      map[string]diag.Pos{"metrics": at(23, 1), "subseries": at(24, 3), "highlight": at(25, 1)},
			MetricPos: []diag.Pos{at(23, 12)},
			Subseries: []string{"vnm", "tha", "sgp"}, SubseriesPos: diag.Pos{File: "p.md", Line: 24, Col: 3},
			Highlight: []string{"vnm"}, HighlightPos: diag.Pos{File: "p.md", Line: 25, Col: 1}},
		{Pos: diag.Pos{File: "p.md", Line: 28, Col: 1}, Metrics: []string{"d"}, Type: "map", Map: "vn-provinces", Period: "2025-06-30", Index: 3,
			Keys:      map[string]diag.Pos{"type": at(29, 1), "metrics": at(30, 1), "map": at(31, 1), "period": at(32, 1)},
			MetricPos: []diag.Pos{at(30, 12)}},
	}
	if !reflect.DeepEqual(res.Charts, want) {
		t.Errorf("charts:\n got %+v\nwant %+v", res.Charts, want)
	}
	if c := res.Charts[1]; c.At("title") != c.Pos || c.At("to") != at(19, 3) || c.MetricAt(0) != at(18, 14) || c.MetricAt(1) != at(18, 3) {
		t.Errorf("At and MetricAt of %+v", c)
	}
	if !bytes.Contains(res.HTML, []byte(`<figure class="chart" data-metrics="a b">Tiêu đề &lt;x&gt;</figure>`)) ||
		bytes.Contains(res.HTML, []byte("metrics =")) {
		t.Errorf("chart not rendered by the ChartFunc:\n%s", res.HTML)
	}
	if strings.Contains(res.Text, "metrics") {
		t.Errorf("chart body in text: %q", res.Text)
	}

	// Without a ChartFunc, charts are parsed but render nothing.
	res, err = New(Options{}).Convert("p.md", 4, []byte(src), nil)
	if err != nil || len(res.Charts) != 4 || bytes.Contains(res.HTML, []byte("figure")) {
		t.Errorf("nil ChartFunc: err %v, %d charts, HTML:\n%s", err, len(res.Charts), res.HTML)
	}
}

func TestChartErrors(t *testing.T) {
	const off = 5 // front matter lines: the fence of each case is on line 8
	tests := []struct {
		name, body string
		want       []string
	}{
		{"syntax", "metrics = [\"a\"]\ntitle = \n", []string{"p.md:10:9: chart: invalid TOML: expected value but found '\\n' instead"}},
		{"unterminated string", "metrics = [\"a]\n", []string{`p.md:9:15: chart: invalid TOML: the string is not closed on its line: add its closing quote (text over several lines goes between """ and """)`}},
		{"nested too deep", "metrics = [\"a\"]\ntitle = " + strings.Repeat("[", 1_000_000) + "\n", []string{`p.md:10:41: chart: more than 32 lists or inline tables inside each other here: nest fewer`}},
		{"curly quotes", "metrics = [\"a\"]\ntitle = “Tỷ lệ”\n", []string{`p.md:10:9: chart: title: text goes between straight quotes "…", not “…”: write title = "Tỷ lệ"`}},
		{"unknown key", "metrics = [\"a\"]\n  titel = \"x\"\n", []string{`p.md:10:3: chart: unknown key "titel": did you mean "title"?`}},
		{"unknown key, not close", "metrics = [\"a\"]\n  colour = \"x\"\n", []string{`p.md:10:3: chart: unknown key "colour"; the keys are metrics, title, type, from, to, subseries and highlight (and map and period for a map)`}},
		{"bad title type", "metrics = [\"a\"]\ntitle = 5\n", []string{`p.md:10:1: chart: "title" must be a string, e.g. title = "…"`}},
		{"bad from type", "metrics = [\"a\"]\nfrom = true\n", []string{`p.md:10:1: chart: "from" must be a string, e.g. from = "…"`}},
		{"metrics string", "metrics = \"a\"\n", []string{`p.md:9:1: chart: "metrics" must be a non-empty list of series ids, e.g. metrics = ["egdi-rank"]`}},
		{"metrics empty", "\"metrics\" = []\n", []string{`p.md:9:1: chart: "metrics" must be a non-empty list of series ids, e.g. metrics = ["egdi-rank"]`}},
		{"metrics numbers", "metrics = [\"a\", 2]\n", []string{`p.md:9:1: chart: "metrics" must be a non-empty list of series ids, e.g. metrics = ["egdi-rank"]`}},
		{"missing metrics", "title = \"x\"\n", []string{`p.md:8:1: chart: "metrics" is required, e.g. metrics = ["egdi-rank"]`}},
		{"empty body", "", []string{`p.md:8:1: chart: "metrics" is required, e.g. metrics = ["egdi-rank"]`}},
		{"bad type", "metrics = [\"a\"]\ntype = \"pie\"\n", []string{`p.md:10:1: chart: unknown type "pie"; use "line", "bar" or "map"`}},
		{"subseries string", "metrics = [\"a\"]\nsubseries = \"vnm\"\n", []string{`p.md:10:1: chart: "subseries" must be a non-empty list of sub-series ids, e.g. subseries = ["vnm", "tha"]`}},
		{"subseries empty", "metrics = [\"a\"]\nsubseries = []\n", []string{`p.md:10:1: chart: "subseries" must be a non-empty list of sub-series ids, e.g. subseries = ["vnm", "tha"]`}},
		{"subseries twice", "metrics = [\"a\"]\nsubseries = [\"vnm\", \"tha\", \"vnm\"]\n", []string{`p.md:10:1: chart: "vnm" is listed twice in subseries`}},
		{"highlight numbers", "metrics = [\"a\"]\n  highlight = [1]\n", []string{`p.md:10:3: chart: "highlight" must be a non-empty list of sub-series or series ids, e.g. highlight = ["vnm"]`}},
		{"table", "metrics = [\"a\"]\n[style]\ncolor = 1\n", []string{`p.md:10:1: chart: unknown key "style"; the keys are metrics, title, type, from, to, subseries and highlight (and map and period for a map)`}},
		{"map without type", "metrics = [\"a\"]\nmap = \"world\"\nperiod = 2024\n", []string{
			`p.md:10:1: chart: "map" is a map's: add type = "map", or take it out`,
			`p.md:11:1: chart: "period" is a map's: add type = "map", or take it out`,
		}},
		{"map id", "type = \"map\"\nmetrics = [\"a\"]\nmap = \"Việt Nam\"\n", []string{
			`p.md:11:1: chart: map "Việt Nam" is not a map's id: "world", or the name of a file content/maps/<id>.toml without .toml`}},
		{"map of two series", "type = \"map\"\nmetrics = [\"a\", \"b\"]\n", []string{
			`p.md:10:1: chart: a map colours the sub-series of one series: metrics = ["a"]`}},
		{"map period type", "type = \"map\"\nmetrics = [\"a\"]\nperiod = true\n", []string{
			`p.md:11:1: chart: "period" must be a string, e.g. period = "…"`}},
		{"map of some sub-series", "type = \"map\"\nmetrics = [\"a\"]\nhighlight = [\"vnm\"]\n", []string{
			`p.md:11:1: chart: a map colours every sub-series of its series, so it takes no "highlight": take it out`}},
		{"map key misspelt", "type = \"map\"\nmetrics = [\"a\"]\nperoid = 2024\n", []string{
			`p.md:11:1: chart: unknown key "peroid": did you mean "period"?`}},
		{"all at once", "titel = 1\ntype = \"pie\"\nto = []\n", []string{
			`p.md:8:1: chart: "metrics" is required, e.g. metrics = ["egdi-rank"]`,
			`p.md:9:1: chart: unknown key "titel": did you mean "title"?`,
			`p.md:10:1: chart: unknown type "pie"; use "line", "bar" or "map"`,
			`p.md:11:1: chart: "to" must be a string, e.g. to = "…"`,
		}},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "Đoạn văn.\n\n```chart\n" + tt.body + "```\n\nSau.\n"
			res, err := c.Convert("p.md", off, []byte(src), figure)
			if got := errorLines(err); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("errors:\n got %q\nwant %q", got, tt.want)
			}
			if len(res.Charts) != 0 || bytes.Contains(res.HTML, []byte("<figure")) || bytes.Contains(res.HTML, []byte("<code")) {
				t.Errorf("invalid chart kept: %+v\n%s", res.Charts, res.HTML)
			}
			if !bytes.Contains(res.HTML, []byte("<p>Sau.</p>")) {
				t.Errorf("rest of the page lost:\n%s", res.HTML)
			}
		})
	}
}

func TestChartErrorPositions(t *testing.T) {
	// Columns count characters, and an indented block keeps its indentation.
	src := "- Mục đầu tiên:\n\n  ```chart\n  metrics = [\"a\"]\n  \"kiểu\" = \"x\"\n  title = \"đồ thị\" x\n  ```\n"
	_, err := New(Options{}).Convert("a/b.md", 10, []byte(src), figure)
	want := []string{"a/b.md:16:20: chart: invalid TOML: expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead"}
	if got := errorLines(err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors:\n got %q\nwant %q", got, want)
	}
	src = strings.Replace(src, ` x`, "", 1)
	_, err = New(Options{}).Convert("a/b.md", 10, []byte(src), figure)
	want = []string{`a/b.md:15:3: chart: unknown key "kiểu"; the keys are metrics, title, type, from, to, subseries and highlight (and map and period for a map)`}
	if got := errorLines(err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors:\n got %q\nwant %q", got, want)
	}

	// Tab indentation: a tab is one column.
	src = "-\tMục\n\n\t```chart\n\tmetrics = 1\n\t  title = \"đ\" x\n\t```\n"
	_, err = New(Options{}).Convert("p.md", 0, []byte(src), figure)
	want = []string{"p.md:5:16: chart: invalid TOML: expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead"}
	if got := errorLines(err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors:\n got %q\nwant %q", got, want)
	}
	src = strings.Replace(src, ` x`, "", 1)
	_, err = New(Options{}).Convert("p.md", 0, []byte(src), figure)
	want = []string{`p.md:4:2: chart: "metrics" must be a non-empty list of series ids, e.g. metrics = ["egdi-rank"]`}
	if got := errorLines(err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors:\n got %q\nwant %q", got, want)
	}

	// Two bad blocks are both reported, and a ChartFunc error at its chart.
	src = "```chart\n```\n\n```chart\nmetrics = [\"a\"]\n```\n\n```chart\nmetrics = 1\n```\n"
	_, err = New(Options{}).Convert("p.md", 0, []byte(src), func(io.Writer, Chart) error { return errors.New("no series \"a\"") })
	want = []string{
		`p.md:1:1: chart: "metrics" is required, e.g. metrics = ["egdi-rank"]`,
		`p.md:4:1: chart: no series "a"`,
		`p.md:9:1: chart: "metrics" must be a non-empty list of series ids, e.g. metrics = ["egdi-rank"]`,
	}
	if got := errorLines(err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors:\n got %q\nwant %q", got, want)
	}
}

func TestLinks(t *testing.T) {
	src := "Xem [chỉ số](/metrics/x/) và [**đậm**](/a/).\n" +
		"![ảnh](/img/a.png) [tương đối](../b/) [mục](#c) [ngoài](https://example.com/x) [thư](mailto:a@b.vn)\n" +
		"[giao thức](//evil.example/) [tham chiếu][r] <https://x.org/> []( /trống/)\n\n" +
		"[r]: /sources/s/\n"
	wantLinks := []Link{
		{diag.Pos{File: "p.md", Line: 1, Col: 5}, "/metrics/x/"},
		{diag.Pos{File: "p.md", Line: 1, Col: 30}, "/a/"},
		{diag.Pos{File: "p.md", Line: 2, Col: 1}, "/img/a.png"},
		{diag.Pos{File: "p.md", Line: 2, Col: 20}, "../b/"},
		{diag.Pos{File: "p.md", Line: 2, Col: 39}, "#c"},
		{diag.Pos{File: "p.md", Line: 2, Col: 49}, "https://example.com/x"},
		{diag.Pos{File: "p.md", Line: 2, Col: 80}, "mailto:a@b.vn"},
		{diag.Pos{File: "p.md", Line: 3, Col: 1}, "//evil.example/"},
		{diag.Pos{File: "p.md", Line: 3, Col: 30}, "/sources/s/"},
		{diag.Pos{File: "p.md", Line: 3, Col: 46}, "https://x.org/"},
		{diag.Pos{File: "p.md", Line: 3, Col: 63}, "/trống/"}, // no text
	}
	for _, base := range []string{"/tiendo/", "tiendo", "", "/"} {
		res, errs := convert(t, Options{BasePath: base}, src)
		if errs != nil {
			t.Fatalf("errors: %q", errs)
		}
		if !reflect.DeepEqual(res.Links, wantLinks) {
			t.Errorf("links:\n got %+v\nwant %+v", res.Links, wantLinks)
		}
		p := "/"
		if strings.Contains(base, "tiendo") {
			p = "/tiendo/"
		}
		for _, s := range []string{
			`<a href="` + p + `metrics/x/">chỉ số</a>`, `<a href="` + p + `a/"><strong>đậm</strong></a>`,
			`<img src="` + p + `img/a.png" alt="ảnh">`, `<a href="../b/">`, `<a href="#c">`,
			`<a href="https://example.com/x">ngoài</a>`, `<a href="mailto:a@b.vn">`,
			`<a href="//evil.example/">`, `<a href="` + p + `sources/s/">tham chiếu</a>`,
			`<a href="https://x.org/">https://x.org/</a>`, `<a href="` + p + `tr%E1%BB%91ng/"></a>`,
		} {
			if !bytes.Contains(res.HTML, []byte(s)) {
				t.Errorf("base %q: HTML lacks %s:\n%s", base, s, res.HTML)
			}
		}
		if bytes.Contains(res.HTML, []byte("target=")) {
			t.Errorf("links open in a new window:\n%s", res.HTML)
		}
	}
}

func TestXSS(t *testing.T) {
	tests := []struct{ src, warning string }{
		{"<script>alert(1)</script>\n", "p.md:1:1: warning: raw HTML is not allowed in Markdown and was removed"},
		{"Chữ <script>alert(1)</script> chữ\n", "p.md:1:5: warning: raw HTML is not allowed in Markdown and was removed"},
		{"[x](javascript:alert(1))\n", `p.md:1:1: warning: unsafe link destination "javascript:alert(1)" was removed`},
		{"a [x](JavaScript:alert(1)) b\n", `p.md:1:3: warning: unsafe link destination "JavaScript:alert(1)" was removed`},
		{"![x](javascript:alert(1))\n", `p.md:1:1: warning: unsafe link destination "javascript:alert(1)" was removed`},
		{"[x](<javascript:alert(1)>)\n", `p.md:1:1: warning: unsafe link destination "javascript:alert(1)" was removed`},
		{"[x][r]\n\n[r]: javascript:alert(1)\n", `p.md:1:1: warning: unsafe link destination "javascript:alert(1)" was removed`},
		{"<a href=\"javascript:alert(1)\">x</a>\n", "p.md:1:1: warning: raw HTML is not allowed in Markdown and was removed"},
		{"<img src=x onerror=alert(1)>\n", "p.md:1:1: warning: raw HTML is not allowed in Markdown and was removed"},
		{"## Tiêu đề {onclick=\"alert(1)\" .lead}\n", ""},
		{"<!-- ghi chú <script>alert(1)</script> -->\n", ""},
	}
	for _, tt := range tests {
		res, errs := convert(t, Options{BasePath: "/b/"}, tt.src)
		out := strings.ToLower(string(res.HTML))
		for _, bad := range []string{"<script", "javascript:", "onerror", "onclick", "<a href=\"javascript"} {
			if strings.Contains(out, bad) {
				t.Errorf("%q: output contains %s:\n%s", tt.src, bad, res.HTML)
			}
		}
		var want []string
		if tt.warning != "" {
			want = []string{tt.warning}
		}
		if !reflect.DeepEqual(errs, want) {
			t.Errorf("%q: errors = %q, want %q", tt.src, errs, want)
		}
	}
}

// A heading without text (a skeleton's "## " left as it was) would be an
// empty <h2>, which screen readers announce as a heading with no name.
func TestEmptyHeadingWarns(t *testing.T) {
	tests := []struct{ src, warning string }{
		{"Đoạn.\n\n## \n\nĐoạn.\n", "p.md:3:1: warning: empty heading: write its text after the #, or remove the line"},
		{"Đoạn.\n\n  ###\n", "p.md:3:3: warning: empty heading: write its text after the #, or remove the line"},
		{"## Tiêu đề\n", ""},
	}
	for _, tt := range tests {
		_, errs := convert(t, Options{}, tt.src)
		var want []string
		if tt.warning != "" {
			want = []string{tt.warning}
		}
		if !reflect.DeepEqual(errs, want) {
			t.Errorf("%q: errors = %q, want %q", tt.src, errs, want)
		}
	}
}

// A table pasted with its lines indented (by a tab or four spaces) is
// shown as code; the editor is told where, and what to do.
func TestIndentedTableWarns(t *testing.T) {
	const warning = ": warning: this table is indented, so it shows as code: remove the indentation"
	tests := []struct{ src, at string }{
		{"Đoạn.\n\n\t| A | B |\n\t|---|---|\n\t| 1 | 2 |\n", "p.md:3:2"},
		{"    Tỉnh | Tỷ lệ\n    :-- | --:\n    Nghệ An | 90\n", "p.md:1:5"},
		{"    Ghi chú.\n\n    | A |\n    | :-: |\n", "p.md:3:5"},
		{"- Mục\n\n      | A | B |\n      | --- | --- |\n", "p.md:3:7"},
		{"  | A | B |\n  |---|---|\n", ""},             // indented less: a table
		{"| A | B |\n|---|---|\n", ""},                 // a table
		{"    cat a.txt | sort\n    ls | wc -l\n", ""}, // code with pipes
		{"    | A | B |\n    | 1 | 2 |\n", ""},         // no delimiter row
		{"```\n| A |\n|---|\n```\n", ""},               // fenced: code on purpose
	}
	for _, tt := range tests {
		res, errs := convert(t, Options{}, tt.src)
		var want []string
		if tt.at != "" {
			want = []string{tt.at + warning}
		}
		if !reflect.DeepEqual(errs, want) {
			t.Errorf("%q: errors = %q, want %q", tt.src, errs, want)
		}
		if tt.at != "" && !strings.Contains(string(res.HTML), "<pre><code>") {
			t.Errorf("%q: warned, but it is not shown as code:\n%s", tt.src, res.HTML)
		}
	}
}

func TestTables(t *testing.T) {
	src := "| A | B |\n|:--|:-:|\n| 1 | 2 |\n\nĐoạn.\n\n| C |\n|--:|\n| 3 |\n"
	res, _ := convert(t, Options{}, src)
	h := string(res.HTML)
	for _, s := range []string{
		"<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng 1\">\n<table>\n",
		"</table>\n</div>\n<p>Đoạn.</p>\n<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng 2\">\n<table>\n",
		`<th class="align-left">A</th>`, `<th class="align-center">B</th>`, `<td class="align-right">3</td>`,
	} {
		if !strings.Contains(h, s) {
			t.Errorf("HTML lacks %q:\n%s", s, h)
		}
	}
	if strings.Count(h, "<div") != strings.Count(h, "</div>") || strings.Contains(h, "style=") {
		t.Errorf("bad wrapping or inline styles:\n%s", h)
	}
	res, _ = convert(t, Options{TableLabel: `Table "x"`}, src)
	if !bytes.Contains(res.HTML, []byte(`aria-label="Table &#34;x&#34; 1"`)) {
		t.Errorf("TableLabel not used or not escaped:\n%s", res.HTML)
	}
}

func TestFootnotes(t *testing.T) {
	res, errs := convert(t, Options{}, "Câu[^1] và câu khác[^ghi-chu].\n\n[^1]: Chú thích [một](/x/).\n[^ghi-chu]: Hai.\n")
	if errs != nil {
		t.Fatal(errs)
	}
	for _, s := range []string{
		`<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`,
		`<div class="footnotes" role="doc-endnotes">`,
		`<li id="fn:2">`, `<a href="/x/">một</a>`,
	} {
		if !bytes.Contains(res.HTML, []byte(s)) {
			t.Errorf("HTML lacks %s:\n%s", s, res.HTML)
		}
	}
	if len(res.Links) != 1 || res.Links[0].Pos.Line != 3 {
		t.Errorf("links = %+v", res.Links)
	}
}

func TestText(t *testing.T) {
	src := "# Tiêu  đề\n\nĐoạn \"một\"\ncó\tdòng 'mới' -- nữa..., `mã` và \\*sao\\* &amp; [liên kết](/x/).\n\n" +
		"- mục 1\n- mục 2\n\n| A | B |\n|---|---|\n| ô 1 | ô 2 |\n\n```go\nkhông = lấy\n```\n"
	res, _ := convert(t, Options{}, src)
	want := "Tiêu đề Đoạn “một” có dòng ‘mới’ – nữa…, mã và *sao* & liên kết. mục 1 mục 2 A B ô 1 ô 2"
	if res.Text != want {
		t.Errorf("text:\n got %q\nwant %q", res.Text, want)
	}
}

func TestConcurrentConvert(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.md")
	var srcs [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, b)
	}
	c := New(Options{BasePath: "/tiendo/"})
	want := make([]Result, len(srcs))
	for i, src := range srcs {
		want[i], _ = c.Convert("p.md", 3, src, figure)
	}
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			for i := range 20 {
				k := (g + i) % len(srcs)
				got, _ := c.Convert("p.md", 3, srcs[k], figure)
				if !reflect.DeepEqual(got, want[k]) {
					t.Errorf("goroutine %d: result of %s differs", g, files[k])
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestExternalImageWarns(t *testing.T) {
	c := New(Options{})
	for src, want := range map[string]bool{
		"![map](https://example.com/map.png)\n": true,
		"![map](//example.com/map.png)\n":       true,
		"![map](/assets/map.png)\n":             false,
		"[site](https://example.com/)\n":        false,
	} {
		_, err := c.Convert("content/notes/x.md", 5, []byte(src), nil)
		var list diag.List
		list.Append(err)
		got := false
		for _, w := range list.Warnings() {
			got = got || strings.Contains(w.Msg, "image from another site") && w.Pos.Line == 6
		}
		if got != want || len(list.Errors()) > 0 {
			t.Errorf("%q: warned = %v, want %v (problems: %v)", src, got, want, list)
		}
	}
}

// A list nested thousands deep would take goldmark minutes: a line
// indented past maxIndent is an error at that line, and nothing is
// converted. Code in a fence may be indented as deep as it likes.
func TestOverIndented(t *testing.T) {
	var deep strings.Builder
	for i := range 200 {
		deep.WriteString(strings.Repeat("  ", i) + "- a\n")
	}
	start := time.Now()
	_, errs := convert(t, Options{}, "# Tiêu đề\n\n"+deep.String())
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "p.md:132:1: this line is indented by 258 columns") {
		t.Errorf("a list 200 deep: %q", errs)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("refusing it took %v", d)
	}
	_, errs = convert(t, Options{}, "Đoạn.\n\n"+strings.Repeat("- > ", 50)+"a\n"+strings.Repeat("1. ", 101)+"b\n")
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "p.md:4:1: this line starts 101 lists or quotes inside each other") {
		t.Errorf("101 list markers on a line: %q", errs)
	}
	res, errs := convert(t, Options{}, "```\n"+strings.Repeat(" ", 1000)+"x\n```\n\n"+strings.Repeat("  ", 100)+"- b\n\n* * *\n\n-5 và 2024. Năm\n")
	if len(errs) != 0 || !strings.Contains(string(res.HTML), "x") {
		t.Errorf("deep code in a fence, and a line at maxIndent: %q", errs)
	}
	// A fence of four is not closed by three.
	_, errs = convert(t, Options{}, "````md\n```\n"+strings.Repeat(" ", 1000)+"x\n```\n````\n")
	if len(errs) != 0 {
		t.Errorf("deep code after ``` in a ```` fence: %q", errs)
	}
	// The limits are inclusive.
	for _, tt := range []struct {
		src  string
		errs int
	}{
		{"Đoạn.\n\n" + strings.Repeat(" ", maxIndent) + "x\n", 0},
		{"Đoạn.\n\n" + strings.Repeat(" ", maxIndent+1) + "x\n", 1},
		{"Đoạn.\n\n" + strings.Repeat(" ", maxIndent-3) + "\tx\n", 0}, // the tab goes on to maxIndent
		{"Đoạn.\n\n" + strings.Repeat(" ", maxIndent) + "\tx\n", 1},
		{strings.Repeat("> ", maxDepth) + "x\n", 0},
		{strings.Repeat("> ", maxDepth+1) + "x\n", 1},
	} {
		if _, errs := convert(t, Options{}, tt.src); len(errs) != tt.errs {
			t.Errorf("%.20q… (%d bytes): %d problems, want %d: %q", tt.src, len(tt.src), len(errs), tt.errs, errs)
		}
	}
}
