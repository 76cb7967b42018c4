package build_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tiendo/tiendo/generator/build"
)

// seaSite is the second site of testdata/sea: the UN E-Government
// Survey's ranks of 13 countries (ISO alpha-3 ids), 2003–2024, out of 191,
// 192 then 193, and a report whose charts pick and highlight countries.
func seaSite(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	copyInto(t, m, os.DirFS("testdata/sea"), "content")
	return m
}

const (
	seaReportVI = "reports/viet-nam-trong-khu-vuc/index.html"
	seaReportEN = "en/reports/viet-nam-trong-khu-vuc/index.html"
	seaMetricVI = "metrics/egdi-rank/index.html"
	seaMetricEN = "en/metrics/egdi-rank/index.html"
)

// payloadOf reads the payload of chart id on a page.
func payloadOf(t *testing.T, page []byte, id string) payload {
	t.Helper()
	for _, m := range scriptRe.FindAllSubmatch(page, -1) {
		if string(m[1]) == id {
			var p payload
			if err := json.Unmarshal(m[2], &p); err != nil {
				t.Fatal(err)
			}
			return p
		}
	}
	t.Fatalf("no chart %s on the page", id)
	return payload{}
}

// chartRows returns the rows of chart id's data table, cells joined by " | ".
func chartRows(t *testing.T, page []byte, id string) []string {
	t.Helper()
	i := bytes.Index(page, []byte(`data-chart="`+id+`"`))
	if i < 0 {
		t.Fatalf("no chart %s", id)
	}
	rest := page[i:]
	rest = rest[bytes.Index(rest, []byte("<tbody>")):]
	rest = rest[:bytes.Index(rest, []byte("</tbody>"))]
	var rows []string
	for _, m := range regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`).FindAllSubmatch(rest, -1) {
		cells := regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`).FindAllSubmatch(m[1], -1)
		var cs []string
		for _, c := range cells {
			cs = append(cs, strings.TrimSpace(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(string(c[1]), "")))
		}
		rows = append(rows, strings.Join(cs, " | "))
	}
	return rows
}

// A chart block's subseries keeps its lines, in the table too; highlight
// mutes the others.
func TestChartPicksSubseries(t *testing.T) {
	out := renderNoWarn(t, seaSite(t))
	page := out[seaReportVI]
	rows := chartRows(t, page, "chart_0_egdi_rank")
	if len(rows) != 5*12 {
		t.Errorf("%d rows in the table of five countries, want 60", len(rows))
	}
	seen := map[string]bool{}
	for _, r := range rows {
		seen[strings.SplitN(r, " | ", 2)[0]] = true
	}
	if fmt.Sprint(seen) != "map[Indonesia:true Malaysia:true Philippines:true Thái Lan:true Việt Nam:true]" {
		t.Errorf("the table's countries: %v", seen)
	}
	p := payloadOf(t, page, "chart_0_egdi_rank")
	muted := 0
	for _, s := range p.Meta.Series {
		if s.Muted {
			muted++
		}
	}
	if len(p.Meta.Series) != 5 || muted != 4 {
		t.Errorf("%d lines, %d muted; want 5, 4", len(p.Meta.Series), muted)
	}
	// The second block draws all 13.
	if n := len(payloadOf(t, page, "chart_1_egdi_rank").Meta.Series); n != 13 {
		t.Errorf("second chart: %d lines, want 13", n)
	}

	// An unknown id is an error at the line of its key.
	content := seaSite(t)
	report := "content/reports/viet-nam-trong-khu-vuc.md"
	b := content[report].Data
	b = bytes.Replace(b, []byte(`"phl"]`), []byte(`"phl", "xyz"]`), 1)
	b = bytes.Replace(b, []byte(`highlight = ["vnm", "sgp"]`), []byte(`highlight = ["vnm", "sgq"]`), 1)
	content[report] = &fstest.MapFile{Data: b}
	_, err := build.Check(siteFS(content), build.Options{})
	got := fmt.Sprint(err)
	for _, want := range []string{
		report + `:14:1: chart: sub-series "xyz" of egdi-rank: not one of "brn", "khm", "kor", "idn", "lao", "mys", "mmr", "phl", "sgp", "tha", "tls", "chn", "vnm"`,
		report + `:23:1: chart: highlight "sgq": not a line of the chart; its lines are "brn", "khm", "kor", "idn", "lao", "mys", "mmr", "phl", "sgp", "tha", "tls", "chn", "vnm"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors:\n%s\nwant:\n%s", got, want)
		}
	}
}

// leagueRows returns the league table's rows: name | value | change | period.
func leagueRows(t *testing.T, page []byte) []string {
	t.Helper()
	i := bytes.Index(page, []byte(`<table class="league-table"`))
	if i < 0 {
		t.Fatal("no league table")
	}
	rest := page[i:]
	rest = rest[:bytes.Index(rest, []byte("</table>"))]
	tag := regexp.MustCompile(`<[^>]+>`)
	var rows []string
	for _, m := range regexp.MustCompile(`(?s)<tr><th scope="row">(.*?)</th>(.*?)</tr>`).FindAllSubmatch(rest, -1) {
		cs := []string{string(m[1])}
		for _, c := range regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`).FindAllSubmatch(m[2], -1) {
			cs = append(cs, strings.TrimSpace(tag.ReplaceAllString(string(c[1]), "")))
		}
		rows = append(rows, strings.Join(cs, " | "))
	}
	return rows
}

// The league table of a series with sub-series: every country's latest
// figure, hedged as the table states it, best first (rank 1 first), the
// change only against a comparable figure, and its period.
func TestLeagueTable(t *testing.T) {
	out := renderNoWarn(t, seaSite(t))
	got := leagueRows(t, out[seaMetricEN])
	want := []string{
		"Singapore | 3/193 | ▲ up 9 places since 2022 (better) | 2024",
		"Republic of Korea | 4/193 | ▼ down 1 place since 2022 (worse) | 2024",
		"China | 35/193 | ▲ up 8 places since 2022 (better) | 2024",
		"Malaysia | 40/193 | ▲ up 13 places since 2022 (better) | 2024",
		// A tie keeps the file's order.
		"Brunei Darussalam | 52/193 | ▲ up 16 places since 2022 (better) | 2024",
		"Thailand | 52/193 | ▲ up 3 places since 2022 (better) | 2024",
		"Indonesia | 64/193 | ▲ up 13 places since 2022 (better) | 2024",
		"Viet Nam | 71/193 | ▲ up 15 places since 2022 (better) | 2024",
		"Philippines | 73/193 | ▲ up 16 places since 2022 (better) | 2024",
		"Cambodia | 134/193 | ▼ down 7 places since 2022 (worse) | 2024",
		// A hedged rank is written so, and no change is computed from it.
		"Myanmar | about 150/193 | – | 2024",
		// Not assessed in 2024: its latest figure is 2022's, against 2020's.
		"Timor-Leste | 150/193 | ▼ down 16 places since 2020 (worse) | 2022",
		"Lao PDR | 152/193 | ▲ up 7 places since 2022 (better) | 2024",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("league table:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	page := string(out[seaMetricEN])
	for _, w := range []string{
		// The keys site.js sorts by: the value, the improvement (a climb of
		// 9 places is +9), the period's end.
		`<td class="num" data-key="3">3/193</td><td data-key="9">`,
		`<td data-key="2022-12-31">2022</td>`,
		// Sorted by value, rank 1 first, as the header says.
		`<th scope="col" class="num" data-sort="number" data-first="ascending" aria-sort="ascending">Latest figure</th>`,
		// The filter shows with JavaScript only, labelled.
		`<div class="league-filter" hidden>`, `<label for="league-filter">Filter by name</label>`,
	} {
		if !strings.Contains(page, w) {
			t.Errorf("the English page lacks %s", w)
		}
	}
	if vi := leagueRows(t, out[seaMetricVI]); len(vi) != 13 || vi[10] != "Myanmar | khoảng 150/193 | – | 2024" {
		t.Errorf("Vietnamese league table: %q", vi)
	}
}

// A series with sub-series of the first site gets its table too; one
// without has none.
func TestLeagueTableOnlyForSubseries(t *testing.T) {
	out := renderNoWarn(t, fixture(t))
	rows := leagueRows(t, out[metricVI])
	if len(rows) != 3 || !strings.HasPrefix(rows[0], "Bộ, ngành | 61%") {
		t.Errorf("online-records-share: %q", rows)
	}
	if bytes.Contains(out["metrics/egdi-rank/index.html"], []byte("league-table")) {
		t.Error("a series without sub-series has a league table")
	}
}
