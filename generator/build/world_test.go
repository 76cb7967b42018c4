package build_test

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
	"golang.org/x/tools/txtar"

	"github.com/tiendo/tiendo/generator/build"
)

// worldSite is the English-only second site of testdata/world.txtar: 16
// countries' EGDI ranks (test data) on the world map and in a league
// table.
func worldSite(t testing.TB) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "world.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for _, f := range ar.Files {
		m[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return m
}

const (
	worldReport = "reports/asia-on-the-map/index.html"
	worldMetric = "metrics/egdi-rank/index.html"
	worldSeries = "content/metrics/egdi-rank.toml"
)

// worldSub is a sub-series of the site's series, as its file declares it.
type worldSub struct{ ID, Label string }

// worldInputs reads what the tests expect from the site's own files: its
// series' sub-series in their order, and which of them the vendored world
// map has a shape for.
func worldInputs(t *testing.T, m fstest.MapFS) (subs []worldSub, onMap map[string]bool) {
	t.Helper()
	var se struct{ Subseries []worldSub }
	if _, err := toml.Decode(string(m[worldSeries].Data), &se); err != nil {
		t.Fatal(err)
	}
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
	codes := map[string]bool{}
	for _, f := range fc.Features {
		if f.Properties.Code != nil {
			codes[*f.Properties.Code] = true
		}
	}
	onMap = map[string]bool{}
	for _, s := range se.Subseries {
		onMap[s.ID] = codes[strings.ToUpper(s.ID)]
	}
	return se.Subseries, onMap
}

var mapScriptRe = regexp.MustCompile(`(?s)<script type="application/json" data-map="([^"]+)">(.*?)</script>`)

// mapPayloads reads the payloads of a page's maps, by element id.
func mapPayloads(t *testing.T, page []byte) map[string]mapPayload {
	t.Helper()
	out := map[string]mapPayload{}
	for _, m := range mapScriptRe.FindAllSubmatch(page, -1) {
		var p mapPayload
		if err := json.Unmarshal(m[2], &p); err != nil {
			t.Fatalf("map %s: %v", m[1], err)
		}
		out[string(m[1])] = p
	}
	return out
}

type mapPayload struct {
	Option struct {
		Series []struct{ Map string }
	}
	Meta struct {
		Lang     string
		Selected int
		Periods  []struct {
			Name string
			Data []struct{ Code, Name string }
		}
	}
}

// The second site, in English alone, with a world map of 16 countries and
// a league table: the map's payload has a figure for every country the
// map has a shape for and none other, in every period; the countries it
// has none for are said; the league table is best first; and no page has
// a word of Vietnamese.
func TestWorldSite(t *testing.T) {
	m := worldSite(t)
	subs, onMap := worldInputs(t, m)
	if len(subs) < 12 {
		t.Fatalf("the site has %d countries; it is meant to have 12 or more", len(subs))
	}
	out := render(t, m, build.Options{BaseURL: "/"})

	// The map's payload, on the report (which names the period shown
	// first) and on the series' page (map = "world" in its file).
	var want []string
	var unmatched []string
	for _, s := range subs {
		if onMap[s.ID] {
			want = append(want, strings.ToUpper(s.ID))
		} else {
			unmatched = append(unmatched, s.ID+" ("+s.Label+")")
		}
	}
	slices.Sort(want)
	if len(unmatched) == 0 || len(want) < 12 {
		t.Fatalf("the site is meant to have 12+ countries on the map and some off it: %v, %v", want, unmatched)
	}
	for _, page := range []string{worldReport, worldMetric} {
		maps := mapPayloads(t, out[page])
		if len(maps) != 1 {
			t.Fatalf("%s has %d maps, want 1", page, len(maps))
		}
		for id, p := range maps {
			if len(p.Option.Series) != 1 || p.Option.Series[0].Map != "/assets/vendor/world/countries-110m.json" {
				t.Errorf("%s: map %s draws %+v, want the vendored world", page, id, p.Option.Series)
			}
			if p.Meta.Lang != "en" || len(p.Meta.Periods) != 2 {
				t.Errorf("%s: map %s is in %q with %d periods, want en and 2 (2022, 2024)", page, id, p.Meta.Lang, len(p.Meta.Periods))
			}
			for _, period := range p.Meta.Periods {
				var got []string
				for _, d := range period.Data {
					got = append(got, d.Code)
				}
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Errorf("%s: map %s, %s: the codes are\n%v\nwant\n%v", page, id, period.Name, got, want)
				}
			}
			wantSel := map[string]string{worldReport: "2022", worldMetric: "2024"}[page]
			if s := p.Meta.Selected; s < 0 || s >= len(p.Meta.Periods) || p.Meta.Periods[s].Name != wantSel {
				t.Errorf("%s: the map shows period %d first, want %s", page, s, wantSel)
			}
		}
		// The countries with no shape: in the message, in the series'
		// order, and marked in the table.
		en := i18nStrings(t, "../../templates/i18n/en.toml")
		msg := fmt.Sprintf(en["map.unmatched"], len(unmatched), strings.Join(unmatched, ", "))
		if len(unmatched) == 1 {
			msg = fmt.Sprintf(en["map.unmatched.one"], 1, unmatched[0])
		}
		if !strings.Contains(html.UnescapeString(string(out[page])), `<p class="map-unmatched" role="note">`+msg+`</p>`) {
			t.Errorf("%s does not say %q", page, msg)
		}
		if n, w := strings.Count(string(out[page]), `class="no-shape"`), 2*len(unmatched); n != w {
			t.Errorf("%s marks %d rows of its map's table as not on the map, want %d (2 periods)", page, n, w)
		}
	}

	// The league table: every country, best (lowest) rank first, the
	// first the best of the latest year in the site's own table.
	page := string(out[worldMetric])
	i := strings.Index(page, `<table class="league-table"`)
	if i < 0 {
		t.Fatal("the series' page has no league table")
	}
	table := page[i : i+strings.Index(page[i:], "</table>")]
	rows := regexp.MustCompile(`<tr><th scope="row">([^<]+)</th><td class="num" data-key="([^"]*)">`).FindAllStringSubmatch(table, -1)
	if len(rows) != len(subs) {
		t.Fatalf("the league table has %d rows, want one per country (%d)", len(rows), len(subs))
	}
	var ranks []int
	for _, r := range rows {
		n, err := strconv.Atoi(r[2])
		if err != nil {
			t.Fatalf("row %q: rank %q", r[1], r[2])
		}
		ranks = append(ranks, n)
	}
	if !slices.IsSorted(ranks) {
		t.Errorf("the league table is not best first: %v", ranks)
	}
	best, bestRank := bestOf(t, m, "content/sources/egov-world.csv", "2024")
	if html.UnescapeString(rows[0][1]) != best || ranks[0] != bestRank {
		t.Errorf("the league table starts with %s (%d), want %s (%d), the best of 2024", rows[0][1], ranks[0], best, bestRank)
	}

	// The home page counts its theme's one series in the singular.
	if home := string(out["index.html"]); !strings.Contains(home, `<span class="count">1 metric</span>`) {
		t.Errorf("the home page does not say its theme has \"1 metric\"")
	}

	// Every chart and map has its embed page, the series' map too.
	if embeds := checkEmbeds(t, out, "/"); !embeds["embed/"+strings.TrimSuffix(worldMetric, "index.html")+"map/index.html"] {
		t.Errorf("the map of %s has no embed page", worldMetric)
	}

	// English only: no page in another language, and no Vietnamese letter
	// in any page, feed or data file the site publishes (the vendored
	// world file, which names countries in both, is an asset).
	viLetters := regexp.MustCompile(`[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]`)
	for _, name := range sortedKeys(out) {
		if strings.HasPrefix(name, "assets/") || strings.HasSuffix(name, ".zip") {
			continue
		}
		if strings.HasPrefix(name, "vi/") || strings.HasPrefix(name, "en/") {
			t.Errorf("an English-only site has %s", name)
		}
		if loc := viLetters.FindIndex(out[name]); loc != nil {
			from := max(loc[0]-60, 0)
			t.Errorf("%s has Vietnamese: %q", name, out[name][from:min(loc[1]+60, len(out[name]))])
		}
		if strings.HasSuffix(name, ".html") && !strings.Contains(string(out[name]), `<html lang="en">`) {
			t.Errorf("%s is not in English", name)
		}
	}
}

// i18nStrings reads a file of interface strings.
func i18nStrings(t *testing.T, file string) map[string]string {
	t.Helper()
	var m map[string]string
	if _, err := toml.DecodeFile(file, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// bestOf is the country of the lowest rank in a year of the site's table.
func bestOf(t *testing.T, m fstest.MapFS, file, year string) (string, int) {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(string(m[file].Data))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	name, rank := "", 0
	for _, r := range recs[1:] {
		n, err := strconv.Atoi(r[2])
		if err != nil {
			t.Fatal(err)
		}
		if r[0] == year && (name == "" || n < rank) {
			name, rank = r[1], n
		}
	}
	return name, rank
}

// A sub-series id that is a slip for the code of a shape of its map (the
// shape has its name, and no other sub-series takes it) is warned of at
// the id; the codes the world has no shape for (a small island state)
// are not: the page says so.
func TestMisspeltCode(t *testing.T) {
	m := worldSite(t)
	res, err := build.Check(siteFS(m), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res.Warnings {
		if strings.Contains(w.Error(), "matches no shape") {
			t.Errorf("the site as it is: %v", w)
		}
	}
	f := m["content/metrics/egdi-rank.toml"]
	f.Data = []byte(strings.Replace(string(f.Data), `id = "vnm"`, `id = "vmn"`, 1))
	res, err = build.Check(siteFS(m), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Error(), "matches no shape") {
			got = append(got, w.Error())
		}
	}
	want := `content/metrics/egdi-rank.toml:63:6: warning: sub-series "vmn" (Viet Nam) matches no shape of map "world": did you mean id = "vnm", the code of Vietnam?`
	if len(got) != 1 || got[0] != want {
		t.Errorf("a misspelt code:\n got %q\nwant %q", got, want)
	}
}
