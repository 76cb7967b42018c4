package build_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tiendo/tiendo/generator/build"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/downloads"
	"github.com/tiendo/tiendo/generator/metrics"
	"github.com/tiendo/tiendo/generator/site"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// overlay serves content/ from the fixture and everything else (the real
// templates/ and assets/) from the repository.
type overlay struct {
	content fs.FS // holds content/…
	base    fs.FS // the repository root
}

func (o overlay) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if name == "content" || strings.HasPrefix(name, "content/") {
		return o.content.Open(name)
	}
	return o.base.Open(name)
}

// fixture returns the fixture's content/ in memory, so that tests can break
// or delete files.
func fixture(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	copyInto(t, m, os.DirFS("testdata/site"), "content")
	copyInto(t, m, os.DirFS("../.."), metrics.ArchiveDir) // the site's own archived documents
	return m
}

// copyInto copies the files under dir in root into m.
func copyInto(t testing.TB, m fstest.MapFS, root fs.FS, dir string) {
	t.Helper()
	err := fs.WalkDir(root, dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(root, name)
		m[name] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func siteFS(content fs.FS) fs.FS { return overlay{content: content, base: os.DirFS("../..")} }

func renderNoWarn(t testing.TB, content fs.FS) build.Output {
	t.Helper()
	return render(t, content, build.Options{BaseURL: "/tiendo/"})
}

func render(t testing.TB, content fs.FS, opt build.Options) build.Output {
	t.Helper()
	s, errs := build.Load(siteFS(content), opt)
	if errs.Err() != nil {
		t.Fatalf("load:\n%v", errs)
	}
	for _, w := range s.Warnings {
		// Tests that add or delete one language's page expect this one.
		if !strings.Contains(w.Msg, "no version in") {
			t.Errorf("the fixture warns:\n%v", w)
		}
	}
	out, errs := s.Render()
	if errs.Err() != nil {
		t.Fatalf("render:\n%v", errs)
	}
	return out
}

const (
	reportVI = "reports/so-ket-6-thang-2024-tai-nghe-an/index.html"
	reportEN = "en/reports/so-ket-6-thang-2024-tai-nghe-an/index.html"
	metricVI = "metrics/online-records-share/index.html"
)

func TestExpectedFiles(t *testing.T) {
	out := render(t, fixture(t), build.Options{})
	want := []string{
		"index.html", "en/index.html",
		reportVI, reportEN,
		"phuong-phap/index.html", "en/phuong-phap/index.html",
		"reports/index.html", "en/reports/index.html",
		"metrics/index.html", "en/metrics/index.html",
		metricVI, "en/metrics/online-records-share/index.html",
		"metrics/egdi-rank/index.html", "metrics/ecommerce-revenue/index.html",
		"sources/index.html", "en/sources/index.html",
		"commitments/index.html", "en/commitments/index.html",
		"data/index.html", "en/data/index.html",
		"404.html", ".nojekyll",
		"data/egdi-rank.csv", "data/egdi-rank.json",
		"data/ecommerce-revenue.csv", "data/ecommerce-revenue.json",
		"data/online-records-share.csv", "data/online-records-share.json",
		"assets/vendor/echarts/echarts.min.js", "assets/js/charts.js",
	}
	for _, p := range want {
		if _, ok := out[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	for p := range out {
		if strings.Contains(p, "vneid") || strings.HasPrefix(p, "content/") || strings.HasPrefix(p, "templates/") {
			t.Errorf("unexpected output %s", p)
		}
	}

	// Pages say what they should, in their language.
	for _, c := range []struct{ file, want string }{
		{reportVI, `<html lang="vi"`},
		{reportEN, `<html lang="en"`},
		{reportVI, "Sơ kết 6 tháng đầu năm 2024 về chuyển đổi số, nhìn từ Nghệ An"},
		{reportEN, "Mid-year 2024 review of digital transformation"},
		{metricVI, "cả nước đạt 42% (cuối năm 2023 là 17%)"},
		{"metrics/egdi-rank/index.html", "71/193"},
		{"en/metrics/ecommerce-revenue/index.html", "20.6"}, // 28 / 1.36 to three digits, derived
		{"metrics/ecommerce-revenue/index.html", "20,6"},
		{"metrics/ecommerce-revenue/index.html", "13,7"},
		{"commitments/index.html", "tt2407-mps-vneid-utilities"},
		{"sources/index.html", `id="src-phien-hop-10-2025-02"`},
	} {
		if !strings.Contains(string(out[c.file]), c.want) {
			t.Errorf("%s does not contain %q", c.file, c.want)
		}
	}

	// The JSON download holds the derived point, computed.
	var doc struct {
		Points []struct {
			Period      string   `json:"period"`
			Value       *float64 `json:"value"`
			Derived     bool     `json:"derived"`
			DerivedFrom string   `json:"derived_from"`
			Source      string   `json:"source"`
		} `json:"points"`
	}
	if err := json.Unmarshal(out["data/ecommerce-revenue.json"], &doc); err != nil {
		t.Fatal(err)
	}
	var derived int
	for _, p := range doc.Points {
		if p.Derived {
			derived++
			if p.Period != "2023" || p.DerivedFrom != "2024" || *p.Value != 20.6 || p.Source != "phien-hop-10-2025-02" {
				t.Errorf("derived point in JSON: %+v", p)
			}
		}
	}
	if derived != 1 || len(doc.Points) != 4 {
		t.Errorf("JSON has %d points, %d derived; want 4 and 1", len(doc.Points), derived)
	}
	csv := string(out["data/online-records-share.csv"])
	if !strings.HasPrefix(csv, "\ufeffseries,") || strings.Count(csv, "\n") != 7 {
		t.Errorf("CSV: want a BOM, a header and 6 rows:\n%s", csv)
	}
}

var (
	figureRe = regexp.MustCompile(`(?s)<figure class="chart"[^>]*>.*?</figure>`)
	scriptRe = regexp.MustCompile(`(?s)<script type="application/json" data-chart="([^"]+)">(.*?)</script>`)
	headRe   = regexp.MustCompile(`(?s)<thead>(.*?)</thead>`)
	bodyRe   = regexp.MustCompile(`(?s)<tbody>(.*?)</tbody>`)
	rowRe    = regexp.MustCompile(`(?s)<tr>(.*?)</tr>`)
	cellRe   = regexp.MustCompile(`(?s)<t[dh][^>]*>(.*?)</t[dh]>`)
	tagRe    = regexp.MustCompile(`<[^>]*>`)
	abbrRe   = regexp.MustCompile(`(?s)<abbr.*?</abbr>`)
)

func cells(row string) []string {
	var out []string
	for _, m := range cellRe.FindAllStringSubmatch(row, -1) {
		out = append(out, m[1])
	}
	return out
}

func textOf(s string) string {
	return strings.TrimSpace(html.UnescapeString(tagRe.ReplaceAllString(s, "")))
}

type payload struct {
	Option struct {
		Series []struct {
			Name string            `json:"name"`
			Data []json.RawMessage `json:"data"`
		} `json:"series"`
	} `json:"option"`
	Meta struct {
		ID      string   `json:"id"`
		Lang    string   `json:"lang"`
		Kind    string   `json:"kind"`
		Periods []string `json:"periods"`
		Series  []struct {
			Role     string `json:"role"`
			Line     int    `json:"line"`
			Muted    bool   `json:"muted"`
			Decimals int    `json:"decimals"`
			Points   []*struct {
				Of *float64 `json:"of"`
			} `json:"points"`
		} `json:"series"`
	} `json:"meta"`
}

// value reads one option data item: a number, {"value": n} or "-".
func value(raw json.RawMessage) (float64, bool) {
	var v any
	json.Unmarshal(raw, &v)
	if m, ok := v.(map[string]any); ok {
		v = m["value"]
	}
	f, ok := v.(float64)
	return f, ok
}

// parseNumber reads a table value as the page writes it: "4.543,5" (vi),
// "4,543.5" (en), "71/193", "42%", with a minus sign "−".
func parseNumber(s, lang string) (v float64, of *float64, err error) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "%")
	if a, b, ok := strings.Cut(s, "/"); ok {
		o, _, err := parseNumber(b, lang)
		if err != nil {
			return 0, nil, err
		}
		of, s = &o, a
	}
	group, dec := ".", ","
	if lang == "en" {
		group, dec = ",", "."
	}
	s = strings.ReplaceAll(s, group, "")
	s = strings.ReplaceAll(s, dec, ".")
	s = strings.ReplaceAll(s, "−", "-")
	v, err = strconv.ParseFloat(s, 64)
	return v, of, err
}

type point struct {
	line, period string
	value        float64
	of           float64 // 0: none
	decimals     int
}

// TestChartsMatchTables checks every chart on every page: its JSON parses,
// and the values it draws are the values its table lists, no more, no less.
func TestChartsMatchTables(t *testing.T) {
	out := render(t, fixture(t), build.Options{})
	charts := 0
	matched = 0
	for _, name := range sortedKeys(out) {
		if !strings.HasSuffix(name, ".html") || isEmbed(name) { // an embed has no table: TestEmbeds
			continue
		}
		page := string(out[name])
		figures := figureRe.FindAllString(page, -1)
		if n := strings.Count(page, `data-chart="`); n != len(figures) {
			t.Errorf("%s: %d chart scripts, %d figures", name, n, len(figures))
		}
		for _, fig := range figures {
			charts++
			checkChart(t, name, page, fig)
		}
	}
	// 2 + 2 report charts, one per metric page in both languages.
	if charts != 4+2*3 {
		t.Errorf("%d charts in the site, want 10", charts)
	}
	// Points drawn: vi report 6 + 2, en report 6 + 4, metric pages
	// (6 + 2 + 4) in two languages.
	if matched != 8+10+2*12 {
		t.Errorf("%d drawn values matched, want 42", matched)
	}
	// The derived 2023 e-commerce value meets the stated one: it is drawn
	// as a second marker, and listed.
	p := chartPayload(t, out["en/metrics/ecommerce-revenue/index.html"])
	if len(p.Meta.Series) != 2 || p.Meta.Series[1].Role != "other" {
		t.Errorf("e-commerce chart: want a line and an \"other\" series, got %+v", p.Meta.Series)
	}
}

// matched counts the drawn values found in tables, so that the test cannot
// pass by checking nothing.
var matched int

func chartPayload(t *testing.T, page []byte) payload {
	t.Helper()
	var p payload
	m := scriptRe.FindSubmatch(page)
	if m == nil {
		t.Fatal("no chart on the page")
	}
	if err := json.Unmarshal(m[2], &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func checkChart(t *testing.T, page, whole, fig string) {
	t.Helper()
	m := scriptRe.FindStringSubmatch(fig)
	if m == nil {
		t.Errorf("%s: a figure without chart JSON", page)
		return
	}
	id := m[1]
	var p payload
	if err := json.Unmarshal([]byte(m[2]), &p); err != nil {
		t.Errorf("%s: chart %s: JSON does not parse: %v", page, id, err)
		return
	}
	if p.Meta.ID != id || !strings.Contains(whole, `id="`+id+`"`) {
		t.Errorf("%s: chart %s: meta.id %q, or no element with its id", page, id, p.Meta.ID)
	}
	if len(p.Option.Series) != len(p.Meta.Series) || len(p.Option.Series) == 0 {
		t.Errorf("%s: chart %s: %d series, %d meta series", page, id, len(p.Option.Series), len(p.Meta.Series))
		return
	}
	lines := 0
	for _, ms := range p.Meta.Series {
		if ms.Role == "line" {
			lines++
		}
	}
	var drawn []point
	for i, s := range p.Option.Series {
		ms := p.Meta.Series[i]
		if len(s.Data) != len(p.Meta.Periods) || len(ms.Points) != len(s.Data) {
			t.Errorf("%s: chart %s: series %d has %d values for %d periods", page, id, i, len(s.Data), len(p.Meta.Periods))
			continue
		}
		name := p.Option.Series[ms.Line].Name
		if lines == 1 {
			name = ""
		}
		for j, raw := range s.Data {
			v, ok := value(raw)
			if !ok {
				if ms.Points[j] != nil {
					t.Errorf("%s: chart %s: meta for a missing value", page, id)
				}
				continue
			}
			pt := point{line: name, period: p.Meta.Periods[j], value: v, decimals: ms.Decimals}
			if ms.Points[j] != nil && ms.Points[j].Of != nil {
				pt.of = *ms.Points[j].Of
			}
			drawn = append(drawn, pt)
		}
	}

	head := cells(headRe.FindString(fig))
	col := map[string]int{}
	for i, h := range head {
		col[textOf(h)] = i
	}
	words := map[string][4]string{ // series, sub-series, period, value
		"vi": {"Chỉ số", "Nhóm", "Kỳ", "Giá trị"},
		"en": {"Series", "Group", "Period", "Value"},
	}[p.Meta.Lang]
	pi, okP := col[words[2]]
	vi, okV := col[words[3]]
	if !okP || !okV {
		t.Errorf("%s: chart %s: table head %q lacks %q or %q", page, id, head, words[2], words[3])
		return
	}
	si, multi := col[words[0]]
	gi, sub := col[words[1]]
	var listed []point
	for _, r := range rowRe.FindAllStringSubmatch(bodyRe.FindString(fig), -1) {
		c := cells(r[1])
		name := ""
		switch {
		case multi && sub:
			name = textOf(c[si]) + " — " + textOf(c[gi])
		case multi:
			name = textOf(c[si])
		case sub:
			name = textOf(c[gi])
		}
		if lines == 1 {
			name = ""
		}
		v, of, err := parseNumber(textOf(abbrRe.ReplaceAllString(c[vi], "")), p.Meta.Lang)
		if err != nil {
			t.Errorf("%s: chart %s: table value: %v", page, id, err)
			continue
		}
		pt := point{line: name, period: textOf(c[pi]), value: v}
		if of != nil {
			pt.of = *of
		}
		listed = append(listed, pt)
	}
	if len(listed) == 0 {
		t.Errorf("%s: chart %s: empty table", page, id)
	}
	// Match each drawn value with one listed value (the table rounds).
	used := make([]bool, len(listed))
	for _, d := range drawn {
		tol := 0.005
		if d.decimals >= 0 {
			tol = 0.5 * math.Pow10(-d.decimals)
		}
		found := false
		for k, l := range listed {
			if !used[k] && l.line == d.line && l.period == d.period && l.of == d.of && math.Abs(l.value-d.value) <= tol+1e-9 {
				used[k], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("%s: chart %s draws %+v, which its table does not list:\n%+v", page, id, d, listed)
			continue
		}
		matched++
	}
	for k, l := range listed {
		if !used[k] {
			t.Errorf("%s: chart %s: the table lists %+v, which the chart does not draw", page, id, l)
		}
	}
}

var attrRe = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

// links returns every href and src of every HTML page, by page.
func links(out build.Output) map[string][]string {
	m := map[string][]string{}
	for name, b := range out {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, l := range attrRe.FindAllStringSubmatch(string(b), -1) {
			m[name] = append(m[name], html.UnescapeString(l[1]))
		}
	}
	return m
}

var idRe = regexp.MustCompile(`\sid="([^"]*)"`)

func ids(b []byte) map[string]bool {
	m := map[string]bool{}
	for _, x := range idRe.FindAllSubmatch(b, -1) {
		m[html.UnescapeString(string(x[1]))] = true
	}
	return m
}

// checkLinks resolves every internal link under base to an output file and,
// when it has a fragment, to an element of that page.
func checkLinks(t *testing.T, out build.Output, base, origin string) {
	t.Helper()
	idCache := map[string]map[string]bool{}
	n := 0
	all := links(out)
	for _, page := range sortedKeys(out) {
		for _, l := range all[page] {
			switch {
			case strings.HasPrefix(l, "#"):
				if l != "#" && !ids(out[page])[l[1:]] {
					t.Errorf("%s: link %q: no such id on the page", page, l)
				}
				continue
			case strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://"):
				if origin == "" || !strings.HasPrefix(l, origin+"/") {
					continue // an external link (a source's url)
				}
				if !strings.HasPrefix(l, origin+base) {
					t.Errorf("%s: absolute link %q is not under %s%s", page, l, origin, base)
					continue
				}
				l = strings.TrimPrefix(l, origin)
			case strings.HasPrefix(l, "mailto:"):
				continue
			}
			n++
			if !strings.HasPrefix(l, base) {
				t.Errorf("%s: link %q does not start with the base path %s", page, l, base)
				continue
			}
			rel, frag, _ := strings.Cut(strings.TrimPrefix(l, base), "#")
			file := rel
			if rel == "" || strings.HasSuffix(rel, "/") {
				file = rel + "index.html"
			}
			if _, ok := out[file]; !ok {
				t.Errorf("%s: link %q leads nowhere (no %s)", page, l, file)
				continue
			}
			if frag != "" {
				if idCache[file] == nil {
					idCache[file] = ids(out[file])
				}
				if !idCache[file][frag] {
					t.Errorf("%s: link %q: no id %q in %s", page, l, frag, file)
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d internal links checked", n)
	}
}

// resolves reports whether an absolute URL or path under base names an
// output file.
func resolves(out build.Output, u, base, origin string) bool {
	if origin != "" {
		if !strings.HasPrefix(u, origin+"/") {
			return false
		}
		u = strings.TrimPrefix(u, origin)
	}
	if !strings.HasPrefix(u, base) {
		return false
	}
	rel, _, _ := strings.Cut(strings.TrimPrefix(u, base), "#")
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	_, ok := out[rel]
	return ok
}

// checkIndexes checks the machine-readable indexes: every URL in the
// sitemap, the feeds and the search indexes names an output file.
func checkIndexes(t *testing.T, out build.Output, base, origin string) {
	t.Helper()
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(out["sitemap.xml"], &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	html := 0
	for name := range out {
		if strings.HasSuffix(name, ".html") && name != "404.html" && !isEmbed(name) {
			html++
		}
	}
	if len(sm.URLs) != html {
		t.Errorf("sitemap lists %d URLs for %d pages", len(sm.URLs), html)
	}
	for _, u := range sm.URLs {
		if !resolves(out, u.Loc, base, origin) {
			t.Errorf("sitemap.xml: %q leads nowhere", u.Loc)
		}
	}
	for _, feed := range []string{"feed.xml", "en/feed.xml"} {
		var f struct {
			Entries []struct {
				Link struct {
					Href string `xml:"href,attr"`
				} `xml:"link"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(out[feed], &f); err != nil {
			t.Fatalf("%s: %v", feed, err)
		}
		if len(f.Entries) != 1 {
			t.Errorf("%s: %d entries, want the one report", feed, len(f.Entries))
		}
		for _, e := range f.Entries {
			if !resolves(out, e.Link.Href, base, origin) {
				t.Errorf("%s: %q leads nowhere", feed, e.Link.Href)
			}
		}
	}
	for _, prefix := range []string{"", "en/"} {
		var all []string
		for k := range 17 {
			idx := fmt.Sprintf("%ssearch/index-%02d.json", prefix, k)
			if k == 16 {
				idx = prefix + "search/index-data.json"
			}
			var entries []struct {
				URL string `json:"u"`
			}
			if err := json.Unmarshal(out[idx], &entries); err != nil {
				t.Fatalf("%s: %v", idx, err)
			}
			for _, e := range entries {
				all = append(all, e.URL)
				if !resolves(out, e.URL, base, "") {
					t.Errorf("%s: %q leads nowhere", idx, e.URL)
				}
			}
		}
		// Every page, series and commitment once.
		slices.Sort(all)
		if n := len(slices.Compact(slices.Clone(all))); n != len(all) || n < 5 {
			t.Errorf("%ssearch/: %d entries, %d different", prefix, len(all), n)
		}
	}
}

func TestInternalLinks(t *testing.T) {
	for _, c := range []struct{ base, origin, path string }{
		{"/", "", "/"},
		{"/tiendo/", "", "/tiendo/"},
		{"https://example.github.io/tiendo/", "https://example.github.io", "/tiendo/"},
	} {
		t.Run(c.base, func(t *testing.T) {
			out := render(t, fixture(t), build.Options{BaseURL: c.base})
			checkLinks(t, out, c.path, c.origin)
			checkIndexes(t, out, c.path, c.origin)
			if c.origin != "" {
				// Canonical URLs are absolute, under the base.
				if !strings.Contains(string(out[metricVI]), `<link rel="canonical" href="https://example.github.io/tiendo/metrics/online-records-share/">`) {
					t.Error("no absolute canonical URL on the metric page")
				}
			}
		})
	}
}

var remoteRe = regexp.MustCompile(`(?i)<script[^>]*\ssrc="(https?:)?//|<link[^>]*rel="stylesheet"[^>]*href="(https?:)?//|<link[^>]*href="(https?:)?//[^"]*"[^>]*rel="stylesheet"|@import\s+(url\()?["']?(https?:)?//`)

func TestNoRemoteScriptsOrStyles(t *testing.T) {
	out := render(t, fixture(t), build.Options{BaseURL: "https://example.github.io/tiendo/"})
	checked := 0
	for _, name := range sortedKeys(out) {
		if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".css") {
			continue
		}
		checked++
		if m := remoteRe.Find(out[name]); m != nil {
			t.Errorf("%s loads a remote script or stylesheet: %s", name, m)
		}
		if bytes.Contains(out[name], []byte("cdn.jsdelivr")) || bytes.Contains(out[name], []byte("go-echarts.github.io")) {
			t.Errorf("%s mentions a CDN", name)
		}
	}
	if checked < 20 {
		t.Errorf("only %d files checked", checked)
	}
	// The check itself can fail.
	if remoteRe.Find([]byte(`<script src="https://go-echarts.github.io/go-echarts-assets/assets/echarts.min.js"></script>`)) == nil {
		t.Error("remoteRe misses a CDN script")
	}
}

func TestDeterministic(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(1)
	a := render(t, fixture(t), build.Options{BaseURL: "/tiendo/"})
	runtime.GOMAXPROCS(2)
	b := render(t, fixture(t), build.Options{BaseURL: "/tiendo/"})
	runtime.GOMAXPROCS(8)
	c := render(t, fixture(t), build.Options{BaseURL: "/tiendo/"})
	for _, other := range []build.Output{b, c} {
		if len(a) != len(other) {
			t.Errorf("%d files, then %d", len(a), len(other))
		}
		for name, data := range a {
			if !bytes.Equal(data, other[name]) {
				t.Errorf("%s differs between builds", name)
			}
		}
	}
}

func TestBrokenChart(t *testing.T) {
	content := fixture(t)
	name := "content/reports/so-ket-6-thang-2024-tai-nghe-an.md"
	text := strings.Replace(string(content[name].Data), `metrics = ["egdi-rank"]`, `metrics = ["egdi-rnak"]`, 1)
	content[name] = &fstest.MapFile{Data: []byte(text)}
	// The line of the id, counted in the file, and its column.
	line, col := 0, 0
	for i, l := range strings.Split(text, "\n") {
		if j := strings.Index(l, `"egdi-rnak"`); j >= 0 {
			line, col = i+1, j+1
		}
	}

	s, errs := build.Load(siteFS(content), build.Options{})
	if errs.Err() != nil {
		t.Fatalf("load: %v", errs)
	}
	out, errs := s.Render()
	if out != nil {
		t.Error("Render returned output with errors")
	}
	want := fmt.Sprintf("%s:%d:%d:", name, line, col)
	if errs.Err() == nil || !strings.Contains(errs.Error(), want) || !strings.Contains(errs.Error(), `"egdi-rnak"`) {
		t.Errorf("errors:\n%v\nwant one at %s naming \"egdi-rnak\"", errs, want)
	}
	if len(errs.Errors()) != 1 {
		t.Errorf("%d errors for one mistake:\n%v", len(errs.Errors()), errs)
	}
}

// A link in Markdown is written from the site root; it is checked whatever
// the base path the site is built for.
func TestBrokenLink(t *testing.T) {
	content := fixture(t)
	name := "content/reports/so-ket-6-thang-2024-tai-nghe-an.en.md"
	text := strings.Replace(string(content[name].Data), "/en/metrics/online-records-share/", "/en/metrics/online-record-share/", 1)
	content[name] = &fstest.MapFile{Data: []byte(text)}
	for _, base := range []string{"/", "/tiendo/", "https://example.github.io/tiendo/"} {
		s, errs := build.Load(siteFS(content), build.Options{BaseURL: base})
		if errs.Err() != nil {
			t.Fatal(errs)
		}
		_, errs = s.Render()
		if errs.Err() == nil || !strings.Contains(errs.Error(), name+":17:") || !strings.Contains(errs.Error(), "online-record-share") {
			t.Errorf("base %s: errors:\n%v\nwant a broken link at %s:17", base, errs, name)
		}
	}
}

// tree reads every file under dir.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestRunAndRebuild(t *testing.T) {
	t.Run("no cache", func(t *testing.T) { testRunAndRebuild(t, "") })
	t.Run("cache", func(t *testing.T) { testRunAndRebuild(t, filepath.Join(t.TempDir(), "cache")) })
}

// sameAsRender checks that the output directory holds exactly what a
// fresh Render of content gives.
func sameAsRender(t *testing.T, dir string, content fs.FS, step string) map[string]string {
	t.Helper()
	onDisk := tree(t, dir)
	out := render(t, content, build.Options{BaseURL: "/tiendo/"})
	for name, data := range out {
		if got, ok := onDisk[name]; !ok {
			t.Errorf("%s: %s missing on disk", step, name)
		} else if got != string(data) {
			t.Errorf("%s: %s on disk differs from a fresh Render", step, name)
		}
	}
	for name := range onDisk {
		if _, ok := out[name]; !ok {
			t.Errorf("%s: %s on disk, not in a fresh Render", step, name)
		}
	}
	return onDisk
}

func testRunAndRebuild(t *testing.T, cache string) {
	opt := build.Options{BaseURL: "/tiendo/", Cache: cache}
	dir := filepath.Join(t.TempDir(), "public")
	content := fixture(t)
	res, err := build.Run(siteFS(content), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	first := sameAsRender(t, dir, content, "first build")
	if res.Stats.Files != len(first) || res.Stats.Written != len(first) {
		t.Errorf("stats %+v for %d files", res.Stats, len(first))
	}
	if _, ok := first[reportEN]; !ok {
		t.Fatalf("no %s in the output", reportEN)
	}

	// Nothing changed: the same output.
	if _, err := build.Run(siteFS(content), dir, opt); err != nil {
		t.Fatal(err)
	}
	if !equalTrees(first, tree(t, dir)) {
		t.Error("a second build of the same site changed the output")
	}

	// A broken site does not touch the output.
	broken := fixture(t)
	broken["content/metrics/egdi-rank.toml"] = &fstest.MapFile{Data: []byte("title = \"x\n")}
	if _, err := build.Run(siteFS(broken), dir, opt); err == nil || !strings.Contains(err.Error(), "content/metrics/egdi-rank.toml:1:") {
		t.Errorf("broken data: err = %v", err)
	}
	broken = fixture(t)
	rep := "content/reports/so-ket-6-thang-2024-tai-nghe-an.md"
	broken[rep] = &fstest.MapFile{Data: bytes.Replace(broken[rep].Data, []byte(`"egdi-rank"]`), []byte(`"egdi"]`), 1)}
	if _, err := build.Run(siteFS(broken), dir, opt); err == nil || !strings.Contains(err.Error(), rep+":") {
		t.Errorf("broken chart: err = %v", err)
	}
	if after := tree(t, dir); !equalTrees(first, after) {
		t.Error("a failed build changed the output directory")
	}
	// …and the next good build is still right.
	if _, err := build.Run(siteFS(content), dir, opt); err != nil {
		t.Fatal(err)
	}
	sameAsRender(t, dir, content, "after failed builds")

	// An edit that keeps the file's size shows.
	before := content[rep].Data
	content[rep] = &fstest.MapFile{Data: bytes.Replace(before, []byte("Kết quả cả nước"), []byte("KẾT QUẢ CẢ NƯỚC"), 1)}
	if len(content[rep].Data) != len(before) || bytes.Equal(content[rep].Data, before) {
		t.Fatal("the edit changed the size, or nothing")
	}
	if _, err := build.Run(siteFS(content), dir, opt); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tree(t, dir)[reportVI], "KẾT QUẢ CẢ NƯỚC") {
		t.Error("the edit does not show")
	}
	sameAsRender(t, dir, content, "after a same-size edit")

	// Delete the English report: its page goes, unrelated files stay.
	delete(content, "content/reports/so-ket-6-thang-2024-tai-nghe-an.en.md")
	res, err = build.Run(siteFS(content), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	second := sameAsRender(t, dir, content, "after a deletion")
	if _, ok := second[reportEN]; ok {
		t.Errorf("%s lingers after its source was deleted", reportEN)
	}
	// The Vietnamese report, now without a translation, no longer links to it.
	for _, l := range links(renderNoWarn(t, content))[reportVI] {
		if strings.Contains(l, "/en/reports/so-ket") {
			t.Errorf("%s still links to its deleted translation: %s", reportVI, l)
		}
	}
	if second["data/egdi-rank.csv"] != first["data/egdi-rank.csv"] {
		t.Error("an unrelated file changed")
	}
	if res.Stats.Written == 0 || res.Stats.Written == len(second) {
		t.Errorf("rebuild stats %+v for %d files: want some, not all, written", res.Stats, len(second))
	}
	// No temporary directories are left beside the output.
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("beside the output: %v", names)
	}
}

func equalTrees(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || v != w {
			return false
		}
	}
	return true
}

func TestGolden(t *testing.T) {
	out := render(t, fixture(t), build.Options{BaseURL: "/tiendo/"})
	sea := render(t, seaSite(t), build.Options{BaseURL: "/tiendo/"})
	for _, c := range []struct {
		out          build.Output
		file, golden string
	}{
		{out, metricVI, "metric-online-records-share.vi.html"},
		{out, reportVI, "report-so-ket-6-thang-2024-tai-nghe-an.vi.html"},
		{out, reportEN, "report-so-ket-6-thang-2024-tai-nghe-an.en.html"},
		// The second site: a league table of 13 countries, charts that pick and highlight.
		{sea, seaMetricEN, "sea-metric-egdi-rank.en.html"},
		{sea, seaReportVI, "sea-report-viet-nam-trong-khu-vuc.vi.html"},
		// What programs read: the feeds, the sitemap and robots.txt.
		{out, "feed.xml", "feed.xml"},
		{out, "en/updates.xml", "updates.en.xml"},
		{out, "sitemap.xml", "sitemap.xml"},
		{out, "robots.txt", "robots.txt"},
	} {
		name := filepath.Join("testdata", "golden", c.golden)
		got := c.out[c.file]
		if *update {
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%v (run go test ./generator/build -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (if the change is intended, run go test ./generator/build -update):\n%s", c.file, name, firstDiff(string(want), string(got)))
		}
	}
}

// firstDiff shows the first differing line.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant: %.300s\ngot:  %.300s", i+1, a, b)
		}
	}
	return ""
}

func sortedKeys(out build.Output) []string {
	var keys []string
	for k := range out {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Every id on a page is unique: fragment links, aria-labelledby and the
// charts (found by id) depend on it.
func TestUniqueIDs(t *testing.T) {
	out := render(t, fixture(t), build.Options{})
	pages := 0
	for _, name := range sortedKeys(out) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		seen := map[string]int{}
		for _, m := range idRe.FindAllSubmatch(out[name], -1) {
			seen[string(m[1])]++
		}
		for id, n := range seen {
			if n > 1 {
				t.Errorf("%s: id %q appears %d times", name, id, n)
			}
		}
		// aria-labelledby and label for= point at ids of the page.
		for _, m := range regexp.MustCompile(`\s(?:aria-labelledby|aria-describedby|for)="([^"]+)"`).FindAllSubmatch(out[name], -1) {
			for _, id := range strings.Fields(string(m[1])) {
				if seen[id] == 0 {
					t.Errorf("%s: %s refers to a missing id %q", name, m[0], id)
				}
			}
		}
	}
	if pages < 20 {
		t.Errorf("only %d pages", pages)
	}
}

// TestListsDoNotGrowWithTheSite: with 120 Vietnamese notes (and none in
// English), the home page shows the ten newest, /notes/ is cut into pages of
// fifty that link each other, the feed holds the fifty newest, and every
// link (the language switch of pages English lacks included) resolves.
func TestListsDoNotGrowWithTheSite(t *testing.T) {
	content := fixture(t)
	for i := range 120 {
		day := time.Date(2030, 1, 1+i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		content[fmt.Sprintf("content/notes/ghi-chu-%03d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil,
			"+++\ntitle = \"Ghi chú số %d\"\ndate = %s\n+++\n\nNội dung ghi chú %d.\n", i, day, i)}
	}
	out := render(t, content, build.Options{BaseURL: "/tiendo/"})
	count := func(file, needle string) int { return strings.Count(string(out[file]), needle) }
	home := string(out["index.html"])
	if n := count("index.html", `href="/tiendo/notes/ghi-chu-`); n != 10 {
		t.Errorf("home page links %d notes, want the 10 newest", n)
	}
	if !strings.Contains(home, "Ghi chú số 119<") || strings.Contains(home, "Ghi chú số 109<") {
		t.Error("home page: not the newest notes")
	}
	for _, c := range []struct {
		file        string
		notes       int
		first, last int // note numbers, newest first
		prev, next  string
	}{
		{"notes/index.html", 50, 119, 70, "", "/tiendo/notes/page/2/"},
		{"notes/page/2/index.html", 50, 69, 20, "/tiendo/notes/", "/tiendo/notes/page/3/"},
		{"notes/page/3/index.html", 20, 19, 0, "/tiendo/notes/page/2/", ""},
	} {
		page := string(out[c.file])
		if page == "" {
			t.Errorf("no %s", c.file)
			continue
		}
		if n := count(c.file, `href="/tiendo/notes/ghi-chu-`); n != c.notes {
			t.Errorf("%s lists %d notes, want %d", c.file, n, c.notes)
		}
		first := strings.Index(page, fmt.Sprintf("Ghi chú số %d<", c.first))
		last := strings.Index(page, fmt.Sprintf("Ghi chú số %d<", c.last))
		if first < 0 || last < first {
			t.Errorf("%s: want notes %d down to %d", c.file, c.first, c.last)
		}
		for rel, want := range map[string]string{"prev": c.prev, "next": c.next} {
			got := regexp.MustCompile(`<a href="([^"]*)" rel="` + rel + `"`).FindStringSubmatch(page)
			switch {
			case want == "" && got != nil:
				t.Errorf("%s: a %s link on the last page of its side", c.file, rel)
			case want != "" && (got == nil || got[1] != want):
				t.Errorf("%s: %s link %v, want %s", c.file, rel, got, want)
			}
		}
		// English has no notes: the switch leads to the English home page.
		if !strings.Contains(page, `<a href="/tiendo/en/" hreflang="en"`) {
			t.Errorf("%s: the language switch does not lead to /tiendo/en/", c.file)
		}
	}
	if _, ok := out["notes/page/4/index.html"]; ok {
		t.Error("an empty fourth page of notes")
	}
	if n := count("feed.xml", "<entry>"); n != 50 {
		t.Errorf("the feed holds %d entries, want the 50 newest", n)
	}
	checkLinks(t, out, "/tiendo/", "")
}

// TestTemplateErrorIsLocated: a template that fails while a page renders is
// reported at its own file:line:col, naming the page, once for the pages
// that failed the same way.
func TestTemplateErrorIsLocated(t *testing.T) {
	fsys := fixture(t)
	for _, dir := range []string{"templates", "assets"} {
		copyInto(t, fsys, os.DirFS("../.."), dir)
	}
	tmpl := string(fsys["templates/search.html"].Data)
	line := strings.Count(tmpl[:strings.Index(tmpl, "{{.SearchIndexURLs}}")], "\n") + 1
	fsys["templates/search.html"].Data = []byte(strings.Replace(tmpl, "{{.SearchIndexURLs}}", "{{.NoSuchField}}", 1))
	s, errs := build.Load(fsys, build.Options{})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	_, errs = s.Render()
	want := fmt.Sprintf("templates/search.html:%d:", line)
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), want) || !strings.Contains(errs[0].Error(), "NoSuchField") ||
		!strings.HasSuffix(errs.Error(), "(rendering en/search/index.html and 1 other file)") {
		t.Errorf("want one error at %s… naming NoSuchField and the pages (both languages' search page); got:\n%v", want, errs)
	}
}

// TestUncleanLinkResolves: a Markdown link a browser resolves
// ("/en/metrics/../metrics/x/") is not reported as broken.
func TestUncleanLinkResolves(t *testing.T) {
	content := fixture(t)
	name := "content/reports/so-ket-6-thang-2024-tai-nghe-an.en.md"
	old := "/en/metrics/online-records-share/"
	if !strings.Contains(string(content[name].Data), old) {
		t.Fatalf("fixture: no link %s in %s", old, name)
	}
	text := strings.Replace(string(content[name].Data), old, "/en/metrics/./../metrics/online-records-share/", 1)
	content[name] = &fstest.MapFile{Data: []byte(text)}
	s, errs := build.Load(siteFS(content), build.Options{BaseURL: "/"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	if _, errs = s.Render(); errs.Err() != nil {
		t.Errorf("an unclean but valid link is reported:\n%v", errs)
	}
}

// failingFS fails the nth opening of one file.
type failingFS struct {
	fs.FS
	name string
	nth  int

	mu sync.Mutex
	n  int
}

func (f *failingFS) Open(name string) (fs.File, error) {
	if name == f.name {
		f.mu.Lock()
		f.n++
		fail := f.n == f.nth
		f.mu.Unlock()
		if fail {
			return nil, fmt.Errorf("open %s: simulated failure", name)
		}
	}
	return f.FS.Open(name)
}

// TestSearchEntriesLostAndAReadFails: with the search entries gone from the
// cache, a page beside an edited one in its search index file is read and
// converted again while the index is written. If that read fails (at any of
// the openings of its file), the build either fails or is right, and the
// next build is right: a bad index file is never kept.
func TestSearchEntriesLostAndAReadFails(t *testing.T) {
	content := fixture(t)
	notePath := func(i int) string { return fmt.Sprintf("content/notes/ghi-chu-%03d.md", i) }
	note := func(i int, extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: fmt.Appendf(nil, "+++\ntitle = \"Ghi chú %d\"\ndate = 2030-01-%02d\n%s+++\n\nNội dung riêng của ghi chú %d.\n", i, i%28+1, extra, i)}
	}
	for i := range 40 {
		content[notePath(i)] = note(i, "")
	}
	// A note in the same search index file as note 1.
	victim := ""
	for i := 2; i < 40 && victim == ""; i++ {
		if build.SearchFileOf(notePath(i)) == build.SearchFileOf(notePath(1)) {
			victim = notePath(i)
		}
	}
	if victim == "" {
		t.Fatal("fixture: no note shares a search index file with note 1")
	}
	for nth := 1; nth <= 4; nth++ {
		dir, cache := filepath.Join(t.TempDir(), "public"), filepath.Join(t.TempDir(), "cache")
		opt := build.Options{BaseURL: "/tiendo/", Cache: cache}
		if _, err := build.Run(siteFS(content), dir, opt); err != nil {
			t.Fatal(err)
		}
		if err := os.RemoveAll(filepath.Join(cache, "search")); err != nil {
			t.Fatal(err)
		}
		content[notePath(1)] = note(1, fmt.Sprintf("summary = \"Sửa lần %d\"\n", nth))
		if _, err := build.Run(&failingFS{FS: siteFS(content), name: victim, nth: nth}, dir, opt); err == nil {
			sameAsRender(t, dir, content, fmt.Sprintf("a build that survived failing opening %d of %s", nth, victim))
		}
		if _, err := build.Run(siteFS(content), dir, opt); err != nil {
			t.Fatal(err)
		}
		sameAsRender(t, dir, content, fmt.Sprintf("the build after failing opening %d of %s", nth, victim))
	}
}

// TestSharedTemplateSeesNoPage: a shared part of every page (View.Shared)
// that reads something of the page fails the build, at its own
// file:line:col, once for all the pages it failed.
func TestSharedTemplateSeesNoPage(t *testing.T) {
	fsys := fixture(t)
	for _, dir := range []string{"templates", "assets"} {
		copyInto(t, fsys, os.DirFS("../.."), dir)
	}
	name := "templates/partials/chrome.html"
	tmpl := string(fsys[name].Data)
	at := strings.Index(tmpl, `{{.T "footer.about" .SourceKinds}}`)
	if at < 0 {
		t.Fatalf("no footer.about in %s", name)
	}
	line := strings.Count(tmpl[:at], "\n") + 1
	fsys[name].Data = []byte(tmpl[:at] + "{{.Title}}" + tmpl[at:])
	s, errs := build.Load(fsys, build.Options{})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	_, errs = s.Render()
	want := fmt.Sprintf("%s:%d:", name, line)
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), want) || !strings.Contains(errs[0].Error(), "can't evaluate field Title") ||
		!regexp.MustCompile(`\(rendering 404\.html and \d+ other files\)$`).MatchString(errs[0].Error()) {
		t.Errorf("want one error at %s… naming the field and how many files failed; got:\n%v", want, errs)
	}
}

// TestBrokenSeriesIsOneError: a mistake in a series file is reported
// there, and not again as a broken link or a broken chart in every page
// that links to the series' page or charts it.
func TestBrokenSeriesIsOneError(t *testing.T) {
	fsys := fixture(t)
	for _, dir := range []string{"templates", "assets"} {
		copyInto(t, fsys, os.DirFS("../.."), dir)
	}
	name := "content/metrics/online-records-share.toml"
	f := fsys[name]
	if f == nil || !regexp.MustCompile(`(?m)^value = `).Match(f.Data) {
		t.Fatalf("fixture: no value in %s", name)
	}
	f.Data = regexp.MustCompile(`(?m)^value = `).ReplaceAll(f.Data, []byte(`value = "năm mươi" # `))
	report := "content/reports/so-ket-6-thang-2024-tai-nghe-an.md"
	fsys[report].Data = append(fsys[report].Data, "\n[Tải CSV](/data/online-records-share.csv) · [và một trang không có](/data/khong-co.csv)\n"...)
	_, err := build.Check(fsys, build.Options{})
	errs, ok := err.(diag.List)
	if !ok || len(errs) == 0 {
		t.Fatalf("want the series' errors, got %v", err)
	}
	for _, e := range errs {
		if e.Pos.File != name && !strings.Contains(e.Msg, `"/data/khong-co.csv"`) {
			t.Errorf("an error outside the broken series: %v", e)
		}
	}
	if !strings.Contains(errs.Error(), `broken link "/data/khong-co.csv"`) {
		t.Errorf("a broken link that is not the series' was not reported:\n%v", errs)
	}
}

// TestChartProblemsAtTheirLine: a problem of a chart block found when the
// chart is drawn points at the key it is about, in the editor's words, and
// names no id the editor did not write.
func TestChartProblemsAtTheirLine(t *testing.T) {
	report := "content/reports/so-ket-6-thang-2024-tai-nghe-an.md"
	for _, tt := range []struct{ old, new, want string }{
		{"metrics = [\"egdi-rank\"]\n", "metrics = [\"egdi-rank\",\n  \"egdi-rnak\"]\n",
			report + `:31:3: chart: unknown metric "egdi-rnak" (no content/metrics/egdi-rnak.toml)`},
		{"metrics = [\"egdi-rank\"]\n", "metrics = [\"egdi-rank\", \"ecommerce-revenue\"]\n",
			report + `:30:1: chart: "egdi-rank" is a rank (kind = "rank") and "ecommerce-revenue" an amount (kind = "amount"): one chart draws series of one kind; draw them in two charts`},
		{"metrics = [\"egdi-rank\"]\n", "metrics = [\"egdi-rank\"]\ntype = \"bar\"\n",
			report + `:31:1: chart: a rank is drawn as a line on an inverted axis (1 at the top), not as bars: remove type = "bar"`},
		{"metrics = [\"egdi-rank\"]\n", "metrics = [\"egdi-rank\"]\ntitle = \"x\"\nfrom = \"10/7/2024\"\n",
			report + `:32:1: chart: from: "10/7/2024" is not a period as it is written here: a day is written 2024-07-10 (year-month-day)`},
	} {
		fsys := fixture(t)
		for _, dir := range []string{"templates", "assets"} {
			copyInto(t, fsys, os.DirFS("../.."), dir)
		}
		if !bytes.Contains(fsys[report].Data, []byte(tt.old)) {
			t.Fatalf("fixture: no %q in %s", tt.old, report)
		}
		fsys[report].Data = bytes.Replace(fsys[report].Data, []byte(tt.old), []byte(tt.new), 1)
		_, err := build.Check(fsys, build.Options{})
		errs, _ := err.(diag.List)
		if len(errs) != 1 || errs[0].Error() != tt.want {
			t.Errorf("got:\n%v\nwant:\n%s", err, tt.want)
			continue
		}
		if vi := errs[0].In(diag.Vietnamese); !strings.Contains(vi, "biểu đồ:") {
			t.Errorf("in Vietnamese: %s", vi)
		}
	}
}

// TestUnknownKindIsOneError: a series of an unknown kind is reported at
// its kind, not again by every chart that draws it.
func TestUnknownKindIsOneError(t *testing.T) {
	fsys := fixture(t)
	for _, dir := range []string{"templates", "assets"} {
		copyInto(t, fsys, os.DirFS("../.."), dir)
	}
	name := "content/metrics/egdi-rank.toml"
	fsys[name].Data = bytes.Replace(fsys[name].Data, []byte(`kind = "rank"`), []byte(`kind = "ranking"`), 1)
	_, err := build.Check(fsys, build.Options{})
	errs, _ := err.(diag.List)
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), name+`:5:8: kind "ranking" must be one of`) {
		t.Errorf("want one error, at the kind; got:\n%v", err)
	}
}

// TestBrokenPageIsOneError: a mistake in a page's front matter is reported
// there, and links to that page are not also reported broken; a link to a
// page that does not exist still is.
func TestBrokenPageIsOneError(t *testing.T) {
	fsys := fixture(t)
	for _, dir := range []string{"templates", "assets"} {
		copyInto(t, fsys, os.DirFS("../.."), dir)
	}
	name := "content/pages/phuong-phap.md"
	f := fsys[name]
	if f == nil || !bytes.Contains(f.Data, []byte("title =")) {
		t.Fatalf("fixture: no title in %s", name)
	}
	f.Data = bytes.Replace(f.Data, []byte("title ="), []byte("titel ="), 1)
	report := "content/reports/so-ket-6-thang-2024-tai-nghe-an.md"
	fsys[report].Data = append(fsys[report].Data, "\n[Phương pháp](/phuong-phap/) · [và một trang không có](/khong-co/)\n"...)
	_, err := build.Check(fsys, build.Options{})
	errs, ok := err.(diag.List)
	if !ok || len(errs) == 0 {
		t.Fatalf("want the page's errors, got %v", err)
	}
	for _, e := range errs {
		if e.Pos.File != name && !strings.Contains(e.Msg, `"/khong-co/"`) {
			t.Errorf("an error outside the broken page: %v", e)
		}
	}
	if !strings.Contains(errs.Error(), `broken link "/khong-co/"`) {
		t.Errorf("a broken link to no page was not reported:\n%v", errs)
	}
}

// A draft is checked but not published; with Drafts (tiendo serve) it is
// built, saying it is a draft, so that its editor can read it first.
func TestDraftsInThePreviewOnly(t *testing.T) {
	content := fixture(t)
	content["content/notes/ban-nhap.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Ghi chú chưa xong\"\ndate = 2024-07-20\ndraft = true\n+++\n\nĐang viết.\n")}
	const page = "notes/ban-nhap/index.html"
	published := render(t, content, build.Options{BaseURL: "/tiendo/"})
	if _, ok := published[page]; ok {
		t.Errorf("a draft is published at %s", page)
	}
	for p, b := range published {
		if strings.Contains(string(b), "Ghi chú chưa xong") || strings.Contains(string(b), "ban-nhap") {
			t.Errorf("%s names the draft", p)
		}
	}
	preview := render(t, content, build.Options{BaseURL: "/", Drafts: true})
	html := string(preview[page])
	if !strings.Contains(html, "Đang viết.") || !strings.Contains(html, `class="draft-note"`) || !strings.Contains(html, "Bản nháp") {
		t.Errorf("the preview's %s is missing or does not say it is a draft:\n%s", page, html)
	}
	if html := string(preview[reportVI]); strings.Contains(html, `class="draft-note"`) {
		t.Errorf("a published page is marked as a draft in the preview")
	}
}

// TestDataDraftsNotPublished: a draft source, series and commitment are
// checked but shown nowhere, not even in the preview, and nothing
// published may name them.
func TestDataDraftsNotPublished(t *testing.T) {
	content := fixture(t)
	content["content/sources.toml"].Data = append(content["content/sources.toml"].Data, `
[[sources]]
id = "nguon-nhap"
draft = true
title = "Nguồn nháp thử"
document = "004_cb6bb587943c80bb.txt"
sha256 = "848008d87fefc4726190b6f9bd446b5296b372979b65f8a9fbcd8647d36f4dcd"
`...)
	content["content/metrics/chi-so-nhap.toml"] = &fstest.MapFile{Data: []byte(`title = "Chỉ số nháp thử"
draft = true
kind = "rank"
theme = "international-rankings"

[[points]]
period = 2024
value = 71
of = 193
source = "nguon-nhap"
quote = "Chỉ số Phát triển chính phủ điện tử năm 2024 tăng 15 bậc, xếp hạng 71/193."
`)}
	content["content/commitments/nhiem-vu-nhap.toml"] = &fstest.MapFile{Data: []byte(`[[commitments]]
id = "nhiem-vu-nhap"
draft = true
task = "Nhiệm vụ nháp thử"
metrics = ["chi-so-nhap"]
`)}
	for _, opt := range []build.Options{{BaseURL: "/tiendo/"}, {BaseURL: "/", Drafts: true}} {
		out := render(t, content, opt)
		for p, b := range out {
			if p == site.DataArchive {
				z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range z.File {
					r, _ := f.Open()
					b, _ := io.ReadAll(r)
					if strings.Contains(f.Name, "nhap") || bytes.Contains(b, []byte("nhap")) {
						t.Errorf("the data archive holds a draft in %s", f.Name)
					}
				}
			}
			if strings.Contains(p, "nhap") || bytes.Contains(b, []byte("nháp thử")) || bytes.Contains(b, []byte("-nhap")) {
				t.Errorf("preview %v: %s shows a draft", opt.Drafts, p)
			}
		}
		if _, ok := out["metrics/egdi-rank/index.html"]; !ok {
			t.Fatal("no page of the published series")
		}
	}

	// A published page, chart or headline that names a draft is an error.
	report := "content/reports/so-ket-6-thang-2024-tai-nghe-an.md"
	content[report].Data = bytes.Replace(content[report].Data, []byte(`sources = ["nghe-an-2024-07"]
metrics = ["online-records-share"]`), []byte(`sources = ["nghe-an-2024-07", "nguon-nhap"]
metrics = ["online-records-share", "chi-so-nhap"]`), 1)
	content[report].Data = append(content[report].Data, "\n```chart\nmetrics = [\"chi-so-nhap\"]\n```\n"...)
	content["content/site.toml"].Data = bytes.Replace(content["content/site.toml"].Data, []byte(`headline = ["egdi-rank"`), []byte(`headline = ["chi-so-nhap", "egdi-rank"`), 1)
	_, err := build.Check(siteFS(content), build.Options{})
	got := fmt.Sprint(err)
	for _, want := range []string{
		`content/site.toml:8:12: headline: metric "chi-so-nhap" is a draft (draft = true in content/metrics/chi-so-nhap.toml)`,
		`so-ket-6-thang-2024-tai-nghe-an.md:6:11: metric "chi-so-nhap" is a draft (draft = true in content/metrics/chi-so-nhap.toml): remove that line to publish it, or make this page a draft too`,
		`so-ket-6-thang-2024-tai-nghe-an.md:5:11: source "nguon-nhap" is a draft (its entry at content/sources.toml:39:1 says draft = true): remove that line to publish it, or make this page a draft too`,
		`chart: metric "chi-so-nhap" is a draft`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
}

// TestSourcePages: each archived document has a page per language on which
// every quote of it is marked, and every "see it in the document" link of
// the site lands on a mark. A news report's page shows only the quoted
// paragraphs; the page furniture outside article_start…article_end is not
// shown.
func TestSourcePages(t *testing.T) {
	fsys := fixture(t)
	// A table as a source, and a series read from it: its rows are linked too.
	table := "Year,Value\n2023,1.5\n2024,2.25\n"
	fsys["content/sources/bang.csv"] = &fstest.MapFile{Data: []byte(table)}
	fsys["content/sources.toml"] = &fstest.MapFile{Data: append(fsys["content/sources.toml"].Data, []byte(fmt.Sprintf(`
[[sources]]
id = "bang"
title = "Bảng thử"
publisher = "Thử"
date = 2024-12-31
kind = "statistics"
lang = "en"
document = "bang.csv"
sha256 = "%x"
`, sha256.Sum256([]byte(table))))...)}
	fsys["content/metrics/tu-bang.toml"] = &fstest.MapFile{Data: []byte("title = \"Từ bảng\"\ntitle_en = \"From a table\"\nunit = \"điểm\"\nunit_en = \"points\"\nkind = \"index\"\ntheme = \"digital-government\"\n\n[[table]]\nsource = \"bang\"\nperiod = \"Year\"\nvalue = \"Value\"\n")}
	out := render(t, fsys, build.Options{})
	if !strings.Contains(string(out["metrics/tu-bang/index.html"]), `href="/sources/bang/#l3"`) {
		t.Error("the metric page does not link the table row of its 2024 value")
	}
	d, errs := metrics.Load(fsys, []string{"international-rankings", "digital-economy", "digital-government", "digital-society", "digital-infrastructure", "project-06", "localities"})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	ids := regexp.MustCompile(`id="(q-[0-9a-f]+|l[0-9]+)"`) // quotes' marks, and lines
	marked := map[string]bool{}                             // page#id
	for _, src := range d.Sources {
		for _, prefix := range []string{"", "en/"} {
			page := prefix + "sources/" + src.ID + "/index.html"
			html, ok := out[page]
			if !ok {
				t.Errorf("no page %s", page)
				continue
			}
			for _, m := range ids.FindAllStringSubmatch(string(html), -1) {
				marked["/"+strings.TrimSuffix(page, "index.html")+"#"+m[1]] = true
			}
			for _, c := range d.Citations(src.ID) {
				if !marked["/"+strings.TrimSuffix(page, "index.html")+"#"+metrics.QuoteID(c.Quote)] {
					t.Errorf("%s: the quote %q is not marked", page, c.Quote)
				}
			}
			if !src.ShowsWhole() && strings.Contains(string(html), `class="passage"`) {
				t.Errorf("%s shows unquoted paragraphs of a news report", page)
			}
		}
	}
	// The links under quotes, and those of chart tooltips (the payload's "src").
	links := regexp.MustCompile(`class="in-doc" href="([^"]+)"|"src":"([^"]+)"`)
	n := 0
	for name, html := range out {
		for _, m := range links.FindAllStringSubmatch(string(html), -1) {
			n++
			if link := m[1] + m[2]; !marked[link] {
				t.Errorf("%s links to %s, which is no mark", name, link)
			}
		}
	}
	if n == 0 {
		t.Error("no page links a quote to its document")
	}
	// 002's archived page ends with teasers of other articles.
	if page := string(out["sources/thuong-truc-2024-07/index.html"]); strings.Contains(page, "Đà Nẵng phải đạt tăng trưởng") {
		t.Error("the page of 002 shows the related-article teasers outside its article")
	}
}

// TestDownloadsKeepQualifiers: a hedged figure is hedged in the CSV and
// JSON downloads too.
func TestDownloadsKeepQualifiers(t *testing.T) {
	fsys := fixture(t)
	name := "content/metrics/ecommerce-revenue.toml"
	fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[name].Data), "value = 13.7\n", "value = 13.7\nqualifier = \"about\"\nflag = \"estimate\"\n", 1))}
	out := render(t, fsys, build.Options{})
	var row, last []string
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out["data/ecommerce-revenue.csv"], []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1:] {
		switch r[2] {
		case "2021":
			row = r
		case "2024":
			last = r
		}
	}
	col := func(r []string, name string) string { return r[slices.Index(downloads.CSVHeader, name)] }
	if row == nil || col(row, "value") != "13.7" || col(row, "qualifier") != "about" || col(row, "flag") != "estimate" {
		t.Errorf("CSV row of 2021: %v", row)
	}
	if last == nil || col(last, "change_pct") != "36" {
		t.Errorf("CSV row of 2024, which states its change: %v", last)
	}
	for _, name := range []string{"data/all.csv", "data/all.en.csv"} {
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out[name], []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := func(r []string, name string) string { return r[slices.Index(downloads.TidyHeader, name)] }
		var hedged []string
		for _, r := range recs[1:] {
			if col(r, "kind") == "figure" && col(r, "series") == "ecommerce-revenue" && col(r, "period") == "2021" {
				hedged = r
			}
		}
		if hedged == nil || col(hedged, "value") != "13.7" || col(hedged, "qualifier") != "about" || col(hedged, "flag") != "estimate" {
			t.Errorf("%s: row of 2021: %v", name, hedged)
		}
	}
	if j := string(out["data/ecommerce-revenue.json"]); !strings.Contains(j, `"qualifier": "about"`) || !strings.Contains(j, `"flag": "estimate"`) {
		t.Errorf("JSON download without the qualifier or flag")
	}
	if page := string(out["metrics/ecommerce-revenue/index.html"]); !strings.Contains(page, "khoảng 13,7 tỷ USD (ước tính)") {
		t.Errorf("the metric page does not say \"khoảng 13,7 tỷ USD (ước tính)\"")
	}
}

// TestPageSlips: a page missing in one of the site's languages, a draft
// whose translation is published, and a title used twice are warnings.
func TestPageSlips(t *testing.T) {
	fsys := fixture(t)
	fsys["content/notes/chi-tieng-viet.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Chỉ có tiếng Việt\"\ndate = 2024-07-11\n+++\n\nNội dung.\n")}
	fsys["content/notes/nhap.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Bản nháp\"\ndate = 2024-07-11\ndraft = true\n+++\n\nNội dung.\n")}
	fsys["content/notes/nhap.en.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"A draft\"\ndate = 2024-07-11\n+++\n\nText.\n")}
	fsys["content/notes/trung-ten.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Chỉ có tiếng Việt\"\ndate = 2024-07-12\n+++\n\nNội dung.\n")}
	fsys["content/notes/trung-ten.en.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Same title\"\ndate = 2024-07-12\n+++\n\nText.\n")}
	s, errs := build.Load(siteFS(fsys), build.Options{})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	got := strings.Join(func() (m []string) {
		for _, w := range s.Warnings {
			m = append(m, w.Error())
		}
		return
	}(), "\n")
	for _, want := range []string{
		`content/notes/chi-tieng-viet.md:1:1: warning: this page has no version in "en" (content/notes/chi-tieng-viet.en.md): its readers do not see it`,
		`content/notes/nhap.md:4:9: warning: this page is a draft but its translation content/notes/nhap.en.md is published`,
		`content/notes/trung-ten.md:2:9: warning: the same title as content/notes/chi-tieng-viet.md`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings:\n%s\nwant one that is\n%s", got, want)
		}
	}
}

// TestUntranslatedSectionIsOneWarning: a section left untranslated on
// purpose is one line, not one per page.
func TestUntranslatedSectionIsOneWarning(t *testing.T) {
	fsys := fixture(t)
	for i := range 5 {
		fsys[fmt.Sprintf("content/notes/ghi-chu-%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = \"Ghi chú %d\"\ndate = 2024-07-1%d\n+++\n\nNội dung.\n", i, i))}
	}
	s, errs := build.Load(siteFS(fsys), build.Options{})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	var lines []string
	for _, w := range s.Warnings {
		if strings.Contains(w.Msg, "no version in") {
			lines = append(lines, w.Error())
		}
	}
	if len(lines) != 1 || !strings.Contains(lines[0], "this page and 4 others of content/notes/ have no version in \"en\"") {
		t.Errorf("warnings: %v", lines)
	}
}

// TestNoteInAYearFolder: a note in a folder of content/notes/ is published
// with the folder in its URL, in both languages; links to it are checked;
// it is in the feeds, the sitemap and the search index.
func TestNoteInAYearFolder(t *testing.T) {
	fsys := fixture(t)
	fsys["content/notes/2025/hop-thang-1.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Họp tháng 1\"\ndate = 2025-01-15\n+++\n\nNội dung cuộc họp.\n")}
	fsys["content/notes/2025/hop-thang-1.en.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"January meeting\"\ndate = 2025-01-15\n+++\n\nWhat the meeting said.\n")}
	const name = "content/reports/so-ket-6-thang-2024-tai-nghe-an.md"
	report := string(fsys[name].Data)
	link := func(dest string) {
		fsys[name] = &fstest.MapFile{Data: []byte(report + "\nXem [cuộc họp](" + dest + ").\n")}
	}
	link("/notes/2025/hop-thang-1/")
	s, errs := build.Load(siteFS(fsys), build.Options{})
	if errs.Err() != nil || len(s.Warnings) != 0 {
		t.Fatalf("the note and its translation are not a pair:\n%v%v", errs, s.Warnings)
	}
	out := render(t, fsys, build.Options{BaseURL: "https://example.github.io/tiendo/"})
	const vi, en = "/tiendo/notes/2025/hop-thang-1/", "/tiendo/en/notes/2025/hop-thang-1/"
	for file, text := range map[string]string{
		"notes/2025/hop-thang-1/index.html":    "Nội dung cuộc họp.",
		"en/notes/2025/hop-thang-1/index.html": "What the meeting said.",
	} {
		if !strings.Contains(string(out[file]), text) {
			t.Errorf("%s is missing or does not say %q", file, text)
		}
	}
	if !strings.Contains(string(out["notes/2025/hop-thang-1/index.html"]), `href="https://example.github.io`+en+`"`) {
		t.Error("the note does not link its English version")
	}
	checkLinks(t, out, "/tiendo/", "https://example.github.io")
	for file, url := range map[string]string{
		"notes/index.html": `href="` + vi + `"`,
		"reports/so-ket-6-thang-2024-tai-nghe-an/index.html": `href="` + vi + `"`,
		"sitemap.xml": "<loc>https://example.github.io" + vi + "</loc>",
		"feed.xml":    `href="https://example.github.io` + vi + `"`,
		"en/feed.xml": `href="https://example.github.io` + en + `"`,
	} {
		if !strings.Contains(string(out[file]), url) {
			t.Errorf("%s has no %s", file, url)
		}
	}
	if !strings.Contains(string(out["sitemap.xml"]), "<loc>https://example.github.io"+en+"</loc>") {
		t.Errorf("sitemap.xml has no %s", en)
	}
	for _, prefix := range []string{"", "en/"} {
		found := 0
		for k := range 16 {
			found += strings.Count(string(out[fmt.Sprintf("%ssearch/index-%02d.json", prefix, k)]), `"/tiendo/`+prefix+`notes/2025/hop-thang-1/"`)
		}
		if found != 1 {
			t.Errorf("%ssearch/: the note is in the index %d times, want once", prefix, found)
		}
	}

	// The same name without its folder is no page.
	link("/notes/hop-thang-1/")
	s, errs = build.Load(siteFS(fsys), build.Options{})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	_, errs = s.Render()
	at := fmt.Sprintf("%s:%d:", name, strings.Count(report, "\n")+2)
	if errs.Err() == nil || !strings.Contains(errs.Error(), at) || !strings.Contains(errs.Error(), `broken link "/notes/hop-thang-1/"`) {
		t.Errorf("errors:\n%v\nwant a broken link at %s", errs, at)
	}
}

// TestIndentedTableWarns: a table pasted with a tab before each line is
// shown as code; the check says so at its first row in the page file.
func TestIndentedTableWarns(t *testing.T) {
	fsys := fixture(t)
	for _, name := range []string{"content/notes/bang.md", "content/notes/bang.en.md"} {
		fsys[name] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Bảng dán vào\"\ndate = 2024-07-11\n+++\n\nSố liệu:\n\n\t| Tỉnh | Tỷ lệ |\n\t|---|--:|\n\t| Nghệ An | 90 |\n")}
	}
	s, errs := build.Load(siteFS(fsys), build.Options{})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	_, errs = s.Render()
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	const want = "content/notes/bang.md:8:2: warning: this table is indented, so it shows as code: remove the indentation"
	if got := errs.Warnings().Error(); !strings.Contains(got, want) {
		t.Errorf("warnings:\n%s\nwant one that is\n%s", got, want)
	}
}

// TestMetricsIndex: the metrics index has a filter (shown by site.js) that
// finds a series by its sub-series' labels and aliases; from 200 series
// on, it lists a series a line rather than as a tile.
func TestMetricsIndex(t *testing.T) {
	fsys := fixture(t)
	f := fsys["content/metrics/online-records-share.toml"]
	f.Data = []byte(strings.Replace(string(f.Data), `label_en = "Localities"`, `label_en = "Localities"`+"\naliases = [\"tỉnh thành\"]", 1))
	out := render(t, fsys, build.Options{})
	page := string(out["metrics/index.html"])
	if !strings.Contains(page, `<form class="m-filter" role="search" hidden`) {
		t.Error("the metrics index has no filter")
	}
	tile := regexp.MustCompile(`<article class="tile[^"]*" data-filter="([^"]*)"`)
	var found bool
	for _, m := range tile.FindAllStringSubmatch(page, -1) {
		if strings.Contains(m[1], "địa phương") && strings.Contains(m[1], "tỉnh thành") {
			found = true
		}
	}
	if !found {
		t.Errorf("no tile's filter words hold a sub-series' label and alias:\n%v", tile.FindAllString(page, -1))
	}
	if strings.Contains(page, `class="m-compact"`) {
		t.Error("a site of three series lists them a line each")
	}
	for i := range 200 {
		fsys[fmt.Sprintf("content/metrics/them-%03d.toml", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"title = \"Chỉ số thêm %d\"\ntitle_en = \"Extra metric %d\"\nunit = \"tài khoản\"\nunit_en = \"accounts\"\nkind = \"count\"\ntheme = \"digital-government\"\n", i, i))}
	}
	s, errs := build.Load(siteFS(fsys), build.Options{})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	out, errs = s.Render()
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	page = string(out["en/metrics/index.html"])
	if n := strings.Count(page, `<li data-filter="`); !strings.Contains(page, `class="m-compact"`) || n != 203 {
		t.Errorf("203 series: %d listed a line each, want all", n)
	}
	if strings.Contains(page, `<article class="tile`) {
		t.Error("203 series: tiles are still drawn")
	}
}

// A site without templates/ and assets/ is told a site's folder holds
// them; one without the interface strings of its language is one error,
// not a crash when its pages are given URLs.
func TestNoInterfaceStrings(t *testing.T) {
	m := fstest.MapFS{
		"content/site.toml":  {Data: []byte("title = \"Site\"\nlanguages = [\"en\"]\n")},
		"content/notes/a.md": {Data: []byte("+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nText.\n")},
	}
	_, err := build.Check(m, build.Options{})
	var errs diag.List
	if !errors.As(err, &errs) || len(errs) != 2 || !strings.HasPrefix(errs.Error(), "templates/: a site's folder holds content/, templates/ and assets/, and this one has no templates/") || !strings.Contains(errs.Error(), "has no assets/") {
		t.Errorf("no templates/ and assets/: %v", err)
	}
	m["templates/base.html"] = &fstest.MapFile{Data: []byte("x")}
	m["assets/site.css"] = &fstest.MapFile{Data: []byte("x")}
	_, err = build.Check(m, build.Options{})
	if !errors.As(err, &errs) || len(errs) != 1 || !strings.Contains(errs[0].Error(), "templates/i18n/en.toml: cannot read translations") {
		t.Errorf("no interface strings: %v", err)
	}
}

// TestHalfReadConfig: a site.toml or a strings file with a syntax error
// is the one error reported, not the missing title, themes and strings
// that follow from it in every series and page.
func TestHalfReadConfig(t *testing.T) {
	for _, c := range []struct{ file, from, to string }{
		{"content/site.toml", "as_of = ", "as_of = 2025-6-30\n#"},
		{"content/site.toml", "title = \"", "title = \"\n"},
		{"content/i18n/vi.toml", "", "\"x\" = \n"},
	} {
		m := fixture(t)
		f := m[c.file]
		if f == nil {
			f = &fstest.MapFile{}
			m[c.file] = f
		}
		if c.from != "" && !bytes.Contains(f.Data, []byte(c.from)) {
			t.Fatalf("%s has no %q", c.file, c.from)
		}
		f.Data = bytes.Replace(f.Data, []byte(c.from), []byte(c.to), 1)
		if c.from == "" {
			f.Data = append([]byte(c.to), f.Data...)
		}
		_, errs := build.Load(siteFS(m), build.Options{})
		if len(errs) != 1 || errs[0].Pos.File != c.file {
			t.Errorf("%s with %q: want one error in it, got\n%v", c.file, c.to, errs)
		}
	}
}
