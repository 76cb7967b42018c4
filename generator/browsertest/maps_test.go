package browsertest

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"golang.org/x/tools/txtar"

	"github.com/tiendo/tiendo/generator/build"
)

// The real site has no series of geographic sub-series yet, so the maps
// are visited on a test site: the build package's fixture
// (generator/build/testdata/site) with generator/build/testdata/maps.txtar
// on top, a note drawing a map of the site's own (two versions of its
// boundaries, a period selector, codes that match no shape) and the world
// map, in both languages. Its figures are test data, of a test document.
const (
	mapFixture = "../build/testdata/site"
	mapTxtar   = "../build/testdata/maps.txtar"
	mapNote    = "notes/ban-do/"
)

// mapSite is the test site's content/ in memory.
func mapSite(t *testing.T) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	copyTree := func(from fs.FS, dir string) {
		err := fs.WalkDir(from, dir, func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(from, name)
			m[name] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	copyTree(os.DirFS(root), "content/sources") // the fixture's sources' archived documents
	copyTree(os.DirFS(mapFixture), "content")
	ar, err := txtar.ParseFile(mapTxtar)
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
	return overlay{content: m, base: os.DirFS(root)}
}

// visitMaps builds the test site, serves it and visits its map note in
// both languages and the embed page of its first map, with every check of
// a page, axe-core included, and the map's own: the period selector
// redraws the map, and the codes that match no shape are said.
func (e *env) visitMaps(t *testing.T) {
	out := filepath.Join(t.TempDir(), "maps")
	if _, err := build.Run(mapSite(t), out, build.Options{BaseURL: base}); err != nil {
		t.Fatalf("building the map test site: %v", err)
	}
	me := *e
	me.origin = serve(t, out)
	me.downloads = map[string]bool{}
	for _, pc := range []pageCase{
		{name: "map", path: mapNote, lang: "vi", charts: true, axe: true, altPath: "en/" + mapNote},
		{name: "en-map", path: "en/" + mapNote, lang: "en", charts: true, axe: true, altPath: mapNote},
		// The embed page of the note's first map: the same map, picker
		// and note on codes, alone.
		{name: "map-embed", path: "embed/" + mapNote + "chart-1/", lang: "vi", charts: true, axe: true, embed: true},
	} {
		t.Run(pc.name, func(t *testing.T) {
			me.visit(t, pc)
			if !pc.embed {
				me.checkMap(t, pc)
			}
		})
	}
	// The page of a series that names a map: the map, then its chart.
	metric := pageCase{name: "map-metric", path: "metrics/thu-ban-do/", lang: "vi", charts: true, axe: true, altPath: "en/metrics/thu-ban-do/"}
	t.Run(metric.name, func(t *testing.T) { me.visit(t, metric) })

	// The same site with a long unit on the note's first map: at 360 px
	// the numbers at the ends of its colour scale, with that unit, are
	// wider than the element with the scale's full length, and must still
	// show whole. The check must see a scale that does not fit.
	long := mapSite(t)
	lm := long.(overlay).content.(fstest.MapFS)
	toml := string(lm["content/metrics/thu-ban-do.toml"].Data)
	toml = strings.Replace(toml, `unit = "%"`, `unit = "nghìn tài khoản định danh"`, 1)
	toml = strings.Replace(toml, `kind = "rate"`, `kind = "count"`, 1)
	lm["content/metrics/thu-ban-do.toml"] = &fstest.MapFile{Data: []byte(toml)}
	out = filepath.Join(t.TempDir(), "long")
	if _, err := build.Run(long, out, build.Options{BaseURL: base}); err != nil {
		t.Fatalf("building the map test site with a long unit: %v", err)
	}
	le := *e
	le.origin = serve(t, out)
	le.downloads = map[string]bool{}
	embed := pageCase{name: "map-long-unit-embed", path: "embed/" + mapNote + "chart-1/", lang: "vi", charts: true, embed: true}
	t.Run(embed.name, func(t *testing.T) {
		le.visit(t, embed)
		pr := &problems{origin: le.origin}
		ctx, cancel, _ := le.open(t, embed.path, pr)
		defer cancel()
		run(t, ctx, chromedp.EmulateViewport(360, 800))
		if _, found := checkCharts(t, ctx, 10*time.Second); len(found) > 0 {
			t.Fatal(found)
		}
		eval[bool](t, ctx, `(() => {
  const chart = window.echarts.getInstanceByDom(document.getElementById('chart_0_thu_ban_do'));
  chart.setOption({visualMap: [{itemHeight: 320}]});
  return true;
})()`)
		if found := checkMapText(t, ctx, 360); len(found) == 0 {
			t.Error("self-test: a colour scale of 320 px at 360 px wide passes the map's edges, and checkMapText did not say so")
		}
	})

	// The English-only second site of generator/build: 16 countries on
	// the world map, from a report and from their series' page (with its
	// league table), and that map's embed page, at both widths.
	out = filepath.Join(t.TempDir(), "world")
	if _, err := build.Run(worldSite(t), out, build.Options{BaseURL: base}); err != nil {
		t.Fatalf("building the world test site: %v", err)
	}
	we := *e
	we.origin = serve(t, out)
	we.downloads = map[string]bool{}
	for _, pc := range []pageCase{
		{name: "world-report", path: "reports/asia-on-the-map/", lang: "en", charts: true, axe: true, oneLang: true},
		{name: "world-metric", path: "metrics/egdi-rank/", lang: "en", charts: true, axe: true, league: true, oneLang: true},
		{name: "world-metric-map-embed", path: "embed/metrics/egdi-rank/map/", lang: "en", charts: true, axe: true, embed: true, oneLang: true},
	} {
		t.Run(pc.name, func(t *testing.T) { we.visit(t, pc) })
	}
}

// worldTxtar is the English-only second site of the build tests.
const worldTxtar = "../build/testdata/world.txtar"

// worldSite is that site's content/ in memory, over the repository.
func worldSite(t *testing.T) fs.FS {
	t.Helper()
	ar, err := txtar.ParseFile(worldTxtar)
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for _, f := range ar.Files {
		m[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return overlay{content: m, base: os.DirFS(root)}
}

type mapState struct {
	Maps      int      `json:"maps"`
	Pickers   int      `json:"pickers"`
	Shown     bool     `json:"shown"`
	Options   []string `json:"options"`
	Unmatched []string `json:"unmatched"`
	Aria      string   `json:"aria"`
}

const mapStateJS = `(() => {
  const sel = document.querySelector('[data-map-period] select');
  const picker = sel && sel.closest('[data-map-period]');
  const box = document.querySelector('.map-box[aria-label]');
  return {
    maps: document.querySelectorAll('script[data-map]').length,
    pickers: document.querySelectorAll('[data-map-period]').length,
    shown: !!picker && !picker.hidden && picker.checkVisibility(),
    options: sel ? Array.from(sel.options, (o) => o.textContent) : [],
    unmatched: Array.from(document.querySelectorAll('.map-unmatched'), (p) => p.textContent),
    aria: box ? box.getAttribute('aria-label') : ''
  };
})()`

// checkMap checks what only a map has: its selector, shown once it is
// drawn, draws the other period (the description ECharts gives the
// element changes, the canvas stays painted, nothing is logged), and the
// message on codes that match no shape.
func (e *env) checkMap(t *testing.T, pc pageCase) {
	pr := &problems{origin: e.origin}
	ctx, cancel, _ := e.open(t, pc.path, pr)
	defer cancel()
	if n, found := checkCharts(t, ctx, 10*time.Second); n != 2 || len(found) > 0 {
		t.Fatalf("the note must have 2 maps drawn: %d, %v", n, found)
	}
	s := eval[mapState](t, ctx, mapStateJS)
	if s.Maps != 2 || s.Pickers != 1 || !s.Shown || len(s.Options) != 2 {
		t.Errorf("the map of two periods has no visible period selector of 2 periods: %+v", s)
	}
	if len(s.Unmatched) != 2 || !strings.Contains(s.Unmatched[0], "99") || !strings.Contains(s.Unmatched[1], "sgp") {
		t.Errorf("the codes that match no shape are not said: %q", s.Unmatched)
	}
	before := eval[string](t, ctx, `document.getElementById('chart_0_thu_ban_do').getAttribute('aria-label') || ''`)
	eval[bool](t, ctx, `(() => {
  const sel = document.querySelector('[data-map-period] select');
  sel.value = '0';
  sel.dispatchEvent(new Event('change'));
  return true;
})()`)
	var after string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		after = eval[string](t, ctx, `document.getElementById('chart_0_thu_ban_do').getAttribute('aria-label') || ''`)
		if after != before {
			break
		}
	}
	want := map[string]string{"vi": "Tỉnh Bốn 71%", "en": "Province Four 71%"}[pc.lang]
	if !strings.Contains(after, want) {
		t.Errorf("choosing 2024 did not draw it: the map's description is %q (before: %q), want one naming %q", after, before, want)
	}
	if _, found := checkCharts(t, ctx, 5*time.Second); len(found) > 0 {
		t.Errorf("after choosing a period: %v", found)
	}
	// The tooltip of the square at the top left names it and its value.
	box := eval[[]float64](t, ctx, `(() => { const r = document.getElementById('chart_0_thu_ban_do').getBoundingClientRect();
  window.scrollTo(0, window.scrollY + r.top - 20); const b = document.getElementById('chart_0_thu_ban_do').getBoundingClientRect();
  return [b.left, b.top, b.width, b.height]; })()`)
	tip := ""
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && !strings.Contains(tip, "40%"); time.Sleep(200 * time.Millisecond) {
		run(t, ctx, chromedp.MouseEvent(input.MouseMoved, box[0]+box[2]*0.3, box[1]+box[3]*0.25))
		tip = eval[string](t, ctx, `Array.from(document.querySelectorAll('#chart_0_thu_ban_do > div'), (d) => d.innerText).join(' | ')`)
	}
	wantTip := map[string]string{"vi": "Tỉnh Một", "en": "Province One"}[pc.lang]
	if !strings.Contains(tip, wantTip) || !strings.Contains(tip, "40%") {
		t.Errorf("the tooltip over Tỉnh Một says %q; want its name (%s) and 40%%", tip, wantTip)
	}
	e.mapShot(t, ctx, pc.name+"-2024")
	errs, _ := pr.snapshot()
	if len(errs) > 0 {
		t.Errorf("console errors or failed requests: %v", errs)
	}
}

// mapShot saves a screenshot of the map at both widths, after a change.
func (e *env) mapShot(t *testing.T, ctx context.Context, name string) {
	for _, found := range e.screenshots(t, ctx, name, true) {
		t.Error(found)
	}
}
