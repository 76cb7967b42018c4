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
