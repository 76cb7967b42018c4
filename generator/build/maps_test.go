package build_test

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/tiendo/tiendo/generator/build"
)

// mapsFixture is the fixture with testdata/maps.txtar on top: a map of the
// site's own with two versions of its boundaries, a series on it, one on
// the world map and a note that draws both.
func mapsFixture(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fixture(t)
	ar, err := txtar.ParseFile("testdata/maps.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		name, appendTo := strings.CutSuffix(f.Name, "+")
		data := f.Data
		if appendTo {
			data = append(append(append([]byte{}, m[name].Data...), '\n'), data...)
		}
		m[name] = &fstest.MapFile{Data: data}
	}
	return m
}

const mapNote = "notes/ban-do/index.html"

// payloads returns the map payloads of a page, by chart id.
func payloads(t *testing.T, page []byte) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	re := regexp.MustCompile(`<script type="application/json" data-map="([^"]+)">([^<]*)</script>`)
	for _, m := range re.FindAllSubmatch(page, -1) {
		var p map[string]any
		if err := json.Unmarshal(m[2], &p); err != nil {
			t.Fatalf("map %s: %v", m[1], err)
		}
		out[string(m[1])] = p
	}
	return out
}

// A page that draws a map loads the map build of ECharts, maps.js and its
// boundary files; a page without one loads none of them, and a page with
// other charts keeps the plain build.
func TestMapPageLoadsItsMapFiles(t *testing.T) {
	out := renderNoWarn(t, mapsFixture(t))
	page := string(out[mapNote])
	for _, want := range []string{
		`src="/tiendo/assets/vendor/echarts/echarts-map.min.js"`,
		`src="/tiendo/assets/js/maps.js"`,
		`href="/tiendo/assets/css/maps.css"`,
		`/tiendo/maps/thu/thu-2024.json`, `/tiendo/maps/thu/thu-2025.json`,
		`/tiendo/assets/vendor/world/countries-110m.json`,
	} {
		if !strings.Contains(page, strings.ReplaceAll(want, "/", `\/`)) && !strings.Contains(page, want) {
			t.Errorf("%s does not name %s", mapNote, want)
		}
	}
	if strings.Contains(page, "echarts.min.js") {
		t.Errorf("%s loads echarts.min.js besides the map build", mapNote)
	}
	// Each map has an embed page, which loads what the map's page loads
	// and draws the same map; the page offers its code.
	for i := 1; i <= 2; i++ {
		name := fmt.Sprintf("embed/notes/ban-do/chart-%d/index.html", i)
		embed := string(out[name])
		for _, want := range []string{`/tiendo/assets/vendor/echarts/echarts-map.min.js`, `/tiendo/assets/js/maps.js`, `/tiendo/assets/css/maps.css`} {
			if !strings.Contains(embed, want) {
				t.Errorf("%s does not load %s", name, want)
			}
		}
		if got, want := len(payloads(t, []byte(embed))), 1; got != want {
			t.Errorf("%s draws %d maps, want %d", name, got, want)
		}
		if !strings.Contains(page, `/tiendo/embed/notes/ban-do/chart-`+fmt.Sprint(i)+`/`) {
			t.Errorf("%s does not offer the code of %s", mapNote, name)
		}
	}
	for id, p := range payloads(t, out["embed/notes/ban-do/chart-1/index.html"]) {
		if _, ok := payloads(t, []byte(page))[id]; !ok {
			t.Errorf("the embed page's map %s is not one of its page's", id)
		} else if fmt.Sprint(p) != fmt.Sprint(payloads(t, []byte(page))[id]) {
			t.Errorf("the embed page's map %s differs from its page's", id)
		}
	}
	for _, name := range []string{reportVI, metricVI, "index.html", "metrics/egdi-rank/index.html"} {
		p := string(out[name])
		if p == "" {
			t.Fatalf("no %s", name)
		}
		for _, not := range []string{"maps.js", "echarts-map.min.js", "maps.css", "countries-110m", "thu-2024"} {
			if strings.Contains(p, not) {
				t.Errorf("%s, which draws no map, names %s", name, not)
			}
		}
	}
	// A metric page whose series names a map draws it, before its chart.
	metric := string(out["metrics/thu-ban-do/index.html"])
	if i, j := strings.Index(metric, `data-map="chart_1_thu_ban_do"`), strings.Index(metric, `data-chart="chart_0_thu_ban_do"`); i < 0 || j < i ||
		!strings.Contains(metric, "echarts-map.min.js") || !strings.Contains(metric, "maps.js") {
		t.Errorf("metrics/thu-ban-do/: no map before the chart, or not the map's scripts (map at %d, chart at %d)", i, j)
	}
	if strings.Contains(string(out["metrics/thu-the-gioi/index.html"]), "data-map=") {
		t.Error("metrics/thu-the-gioi/ draws a map its series does not name")
	}
	if !strings.Contains(string(out[reportVI]), "echarts.min.js") {
		t.Errorf("%s has charts but does not load echarts.min.js", reportVI)
	}
	// The boundaries are published: the code and names of each shape only.
	var fc struct {
		Type     string
		Features []struct {
			Properties map[string]string
			Geometry   struct{ Type string }
		}
	}
	if err := json.Unmarshal(out["maps/thu/thu-2025.json"], &fc); err != nil {
		t.Fatalf("maps/thu/thu-2025.json: %v", err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 2 || fc.Features[0].Properties["code"] != "01" ||
		fc.Features[0].Properties["name"] != "Tỉnh Một mới" || len(fc.Features[0].Properties) != 3 {
		t.Errorf("maps/thu/thu-2025.json: %+v", fc)
	}
	if out["assets/vendor/world/countries-110m.json"] == nil {
		t.Error("the world's boundaries are not published")
	}
}

// The map of the page: every figure in the table, the codes that match no
// shape listed, the period selector, each period on its boundaries.
func TestMapFigure(t *testing.T) {
	out := renderNoWarn(t, mapsFixture(t))
	page := string(out[mapNote])
	for _, want := range []string{
		// 99 has no square; 02 has none after the merger of 1 July 2025.
		`<p class="map-unmatched" role="note">2 mã không khớp với bản đồ: 02 (Tỉnh Hai) (kỳ Quý III/2025), 99 (Tỉnh Chín Chín) (kỳ 2024).</p>`,
		`<p class="map-unmatched" role="note">1 mã không khớp với bản đồ: sgp (Singapore).</p>`,
		`<label for="chart_0_thu_ban_do-period">Kỳ số liệu</label>`,
		`<option value="1" selected>Quý III/2025</option>`,
		`Mỗi kỳ được vẽ theo ranh giới có hiệu lực vào cuối kỳ: đến 30/6/2025, 4 vùng; từ 1/7/2025, 2 vùng.`,
		`Ranh giới thử: hình vuông, không phải ranh giới thật.`,
		`<td><code>99</code> <span class="no-shape-mark">(không có trên bản đồ)</span></td><td>Tỉnh Chín Chín</td><td>2024</td><td class="num">trên 80%</td>`,
		`<td><code>VNM</code></td><td>Việt Nam</td><td>2024</td><td class="num">42%</td>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("%s lacks\n\t%s", mapNote, want)
		}
	}
	// The world map has one period: no selector.
	if strings.Contains(page, `chart_1_thu_the_gioi-period`) {
		t.Error("a map of one period has a period selector")
	}
	en := string(out["en/"+mapNote])
	for _, want := range []string{
		`2 codes match no shape of the map: 02 (Province Two) (in third quarter of 2025), 99 (Province Ninety-Nine) (in 2024).`,
		`1 code matches no shape of the map: sgp (Singapore).`,
	} {
		if !strings.Contains(en, want) {
			t.Errorf("en/%s lacks\n\t%s", mapNote, want)
		}
	}
	p := payloads(t, []byte(page))["chart_0_thu_ban_do"]
	if p == nil {
		t.Fatalf("no payload chart_0_thu_ban_do")
	}
	meta := p["meta"].(map[string]any)
	if meta["selected"] != 1.0 || len(meta["periods"].([]any)) != 2 || len(meta["boundaries"].([]any)) != 2 {
		t.Errorf("meta: %v", meta)
	}
}

// An edited boundary file is published again, and a page drawing it shows
// what it now says.
func TestMapFileEdited(t *testing.T) {
	m := mapsFixture(t)
	geo := string(m["content/maps/thu-2025.geojson"].Data)
	m["content/maps/thu-2025.geojson"] = &fstest.MapFile{Data: []byte(strings.Replace(geo, `"ma": "03"`, `"ma": "02"`, 1))}
	out := renderNoWarn(t, m)
	page := string(out[mapNote])
	if !strings.Contains(page, "2 mã không khớp với bản đồ: 03 (Tỉnh Ba) (kỳ Quý III/2025), 99 (Tỉnh Chín Chín) (kỳ 2024).") {
		t.Errorf("after the edit, %s does not say that 03 matches no shape", mapNote)
	}
}

// Problems of a map are reported at their file, line and column.
func TestMapErrors(t *testing.T) {
	for _, c := range []struct {
		name, file, old, new, want string
	}{
		{"bad JSON", "content/maps/thu-2024.geojson", `"ma": "02",`, `"ma": "02"`,
			`content/maps/thu-2024.geojson:5:49: bad JSON: invalid character '"' after object key:value pair`},
		{"no code", "content/maps/thu-2024.geojson", `"ma": "03", `, ``,
			`content/maps/thu-2024.geojson:7:23: feature 3 has no property "ma", the map's code`},
		{"duplicate code", "content/maps/thu-2024.geojson", `"ma": "04"`, `"ma": "01"`,
			`content/maps/thu-2024.geojson:9:38: feature 4: code "01" is also the code of the feature at content/maps/thu-2024.geojson:3:38: each shape has a code of its own`},
		{"unknown key", "content/maps/thu.toml", `code = "ma"`, `code = "ma"` + "\nprojection = 1", `content/maps/thu.toml:6:14: unknown key "projection"`},
		{"versions out of order", "content/maps/thu.toml", `valid_from = 2025-07-01`, ``,
			`content/maps/thu.toml:12:1: valid_from is required after the first [[boundaries]]`},
		{"misspelt map", "content/notes/ban-do.md", `map = "thu"`, `map = "thuu"`,
			`content/notes/ban-do.md:12:1: chart: unknown map "thuu": did you mean "thu"?`},
		{"misspelt map of a series", "content/metrics/thu-ban-do.toml", `map = "thu"`, `map = "wrold"`,
			`content/metrics/thu-ban-do.toml:9:7: unknown map "wrold": did you mean map = "world"?`},
		{"unknown map of a series", "content/metrics/thu-ban-do.toml", `map = "thu"`, `map = "khong-co"`,
			`content/metrics/thu-ban-do.toml:9:7: unknown map "khong-co"`},
		{"a series' map without sub-series", "content/metrics/egdi-rank.toml", `theme = "international-rankings"`, `theme = "international-rankings"` + "\nmap = \"world\"",
			`content/metrics/egdi-rank.toml:7:7: a map colours sub-series: declare one [[subseries]] per shape, its id the shape's code`},
		{"unknown map", "content/notes/ban-do.md", `map = "thu"`, `map = "khong-co"`,
			`content/notes/ban-do.md:12:1: chart: unknown map "khong-co": write "world", or declare it in content/maps/khong-co.toml`},
		{"period without a figure", "content/notes/ban-do.md", `map = "thu"`, `map = "thu"` + "\nperiod = 2023",
			`content/notes/ban-do.md:13:1: chart: period 2023: "thu-ban-do" has no figure of that period on the map; it has 2024, 2025-Q3`},
		{"a series without sub-series", "content/notes/ban-do.md", `metrics = ["thu-ban-do"]`, `metrics = ["egdi-rank"]`,
			`content/notes/ban-do.md:11:1: chart: a map colours the sub-series of "egdi-rank", which has none`},
		{"map without type", "content/notes/ban-do.md", "type = \"map\"\nmetrics = [\"thu-ban-do\"]", `metrics = ["thu-ban-do"]`,
			`content/notes/ban-do.md:11:1: chart: "map" is a map's: add type = "map", or take it out`},
		{"two series", "content/notes/ban-do.md", `metrics = ["thu-the-gioi"]`, `metrics = ["thu-the-gioi", "thu-ban-do"]`,
			`content/notes/ban-do.md:17:1: chart: a map colours the sub-series of one series`},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := mapsFixture(t)
			old := string(m[c.file].Data)
			if !strings.Contains(old, c.old) {
				t.Fatalf("%s has no %q: fix the test", c.file, c.old)
			}
			m[c.file] = &fstest.MapFile{Data: []byte(strings.Replace(old, c.old, c.new, 1))}
			errs := loadAndRender(m)
			if !strings.Contains(errs, c.want) {
				t.Errorf("errors:\n%s\nwant one starting\n%s", errs, c.want)
			}
		})
	}
}

// loadAndRender returns every problem of loading and rendering the site.
func loadAndRender(m fstest.MapFS) string {
	s, errs := build.Load(siteFS(m), build.Options{BaseURL: "/tiendo/"})
	if errs.Err() != nil {
		return errs.Error()
	}
	_, errs = s.Render()
	return errs.Error()
}

// The world's boundaries are vendored whole: every country of Natural
// Earth at 1:110m but Antarctica, keyed by alpha-3 code.
func TestWorldIsVendored(t *testing.T) {
	b, err := os.ReadFile("../../assets/vendor/world/countries-110m.json")
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct{ Properties struct{ Code *string } }
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		t.Fatal(err)
	}
	codes := 0
	for _, f := range fc.Features {
		if f.Properties.Code != nil {
			codes++
		}
	}
	if len(fc.Features) != 176 || codes != 173 {
		t.Errorf("%d shapes, %d with a code; want 176 and 173 (Antarctica is left out)", len(fc.Features), codes)
	}
	if len(b) > 200_000 {
		t.Errorf("countries-110m.json is %d bytes: keep it under 200 KB (coordinates rounded)", len(b))
	}
}
