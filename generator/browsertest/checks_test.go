package browsertest

// The checks. Each returns the problems it finds, one sentence each; it
// calls t.Fatal only when the browser itself fails.

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

func run(t *testing.T, ctx context.Context, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression, awaiting a promise, into a T.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	var v T
	err := chromedp.Run(ctx, chromedp.Evaluate(js, &v, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
	if err != nil {
		t.Fatalf("evaluating %.80q…: %v", js, err)
	}
	return v
}

type chartState struct {
	ID      string  `json:"id"`
	Found   bool    `json:"found"`
	Ready   bool    `json:"ready"`
	Visible bool    `json:"visible"`
	Drawing string  `json:"drawing"` // canvas, svg or ""
	W       float64 `json:"w"`
	H       float64 `json:"h"`
	Painted bool    `json:"painted"`
	PNG     string  `json:"png"` // "shown", "hidden" or "" when there is no PNG link
}

func (c chartState) ok() bool {
	return c.Found && c.Ready && c.Visible && c.Drawing != "" && c.W > 0 && c.H > 0 && c.Painted && c.PNG != "hidden"
}

const chartsJS = `(() => {
  const out = [];
  document.querySelectorAll('script[type="application/json"][data-chart], script[type="application/json"][data-map]').forEach((s) => {
    const id = s.getAttribute('data-chart') || s.getAttribute('data-map'); // a map is drawn by maps.js
    const el = document.getElementById(id);
    const r = {id: id, found: !!el, ready: false, visible: false, drawing: '', w: 0, h: 0, painted: false, png: ''};
    out.push(r);
    if (!el) return;
    r.ready = el.classList.contains('chart-ready');
    const box = el.getBoundingClientRect();
    r.visible = !el.hidden && el.checkVisibility({visibilityProperty: true, opacityProperty: true}) && box.width > 0 && box.height > 0;
    const d = el.querySelector('canvas, svg');
    if (d) {
      r.drawing = d.tagName.toLowerCase();
      const b = d.getBoundingClientRect();
      r.w = b.width; r.h = b.height;
      if (r.drawing === 'svg') {
        r.painted = d.querySelectorAll('path, rect, text').length > 0;
      } else if (d.width > 0 && d.height > 0) {
        // Read a copy: reading ECharts' own canvas makes Chromium warn.
        const copy = document.createElement('canvas');
        copy.width = d.width; copy.height = d.height;
        const cx = copy.getContext('2d', {willReadFrequently: true});
        cx.drawImage(d, 0, 0);
        const px = cx.getImageData(0, 0, d.width, d.height).data;
        for (let i = 3; i < px.length; i += 4) { if (px[i] !== 0) { r.painted = true; break; } }
      }
    }
    const links = document.querySelectorAll('[data-chart-png="' + id + '"]');
    if (links.length) r.png = Array.prototype.some.call(links, (a) => a.hidden) ? 'hidden' : 'shown';
  });
  return out;
})()`

// revealJS scrolls every chart into view in turn, as a reader scrolling
// down the page would (charts.js draws a chart only as it nears the
// viewport), then back to the top.
const revealJS = `(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30)));
  for (const b of document.querySelectorAll('.chart-box')) {
    b.scrollIntoView({block: 'center', behavior: 'instant'});
    await frame();
  }
  window.scrollTo({top: 0, behavior: 'instant'});
  await frame();
  return true;
})()`

// checkCharts scrolls to every chart, waits (up to wait) for every one to
// be drawn and reports those that are not. It returns the number of charts
// on the page.
func checkCharts(t *testing.T, ctx context.Context, wait time.Duration) (int, []string) {
	t.Helper()
	eval[bool](t, ctx, revealJS)
	var states []chartState
	deadline := time.Now().Add(wait)
	for {
		states = eval[[]chartState](t, ctx, chartsJS)
		if !slices.ContainsFunc(states, func(c chartState) bool { return !c.ok() }) || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	var found []string
	for _, c := range states {
		if c.ok() {
			continue
		}
		var why []string
		switch {
		case !c.Found:
			why = append(why, "no element with this id")
		case !c.Ready:
			why = append(why, "no class chart-ready (charts.js did not draw it)")
		}
		if c.Found && !c.Visible {
			why = append(why, "not visible (hidden, display:none or zero size)")
		}
		switch {
		case !c.Found:
		case c.Drawing == "":
			why = append(why, "no canvas or svg inside")
		case c.W == 0 || c.H == 0:
			why = append(why, fmt.Sprintf("its %s is %.0f×%.0f px", c.Drawing, c.W, c.H))
		case !c.Painted:
			why = append(why, "its "+c.Drawing+" is blank")
		}
		if c.PNG == "hidden" {
			why = append(why, "its PNG download link is still hidden")
		}
		found = append(found, fmt.Sprintf("chart %s not rendered: %s", c.ID, strings.Join(why, "; ")))
	}
	return len(states), found
}

type tableState struct {
	Figure     string `json:"figure"`
	Title      string `json:"title"`
	HasTable   bool   `json:"hasTable"`
	Rows       int    `json:"rows"`
	ShownOpen  bool   `json:"shownOpen"`
	HiddenShut bool   `json:"hiddenShut"`
}

// checkTables checks every chart's table view: it has rows, shows while its
// <details> is open and hides when closed, toggled by clicking its summary
// as a reader would.
func checkTables(t *testing.T, ctx context.Context) []string {
	t.Helper()
	states := eval[[]tableState](t, ctx, `(async () => {
  const later = () => new Promise((r) => setTimeout(r, 30));
  const out = [];
  for (const fig of document.querySelectorAll('figure.chart')) {
    const d = fig.querySelector('details.chart-table');
    const tbl = d && d.querySelector('table');
    const title = fig.querySelector('.chart-title');
    const r = {figure: fig.id, title: title ? title.textContent.replace('#', '').trim() : '', hasTable: !!tbl,
      rows: tbl ? tbl.querySelectorAll('tbody tr').length : 0, shownOpen: false, hiddenShut: false};
    out.push(r);
    if (!tbl) continue;
    // A closed <details> hides its content with content-visibility, which
    // getBoundingClientRect does not see: checkVisibility does.
    const shown = () => tbl.checkVisibility({visibilityProperty: true, opacityProperty: true}) && tbl.getBoundingClientRect().height > 0;
    const wasOpen = d.open;
    const summary = d.querySelector('summary');
    if (!d.open) { summary.click(); await later(); }
    r.shownOpen = d.open && shown();
    summary.click(); await later();
    r.hiddenShut = !d.open && !shown();
    if (d.open !== wasOpen) { summary.click(); await later(); }
  }
  return out;
})()`)
	var found []string
	for _, s := range states {
		name := fmt.Sprintf("chart #%s (%q)", s.Figure, s.Title)
		switch {
		case !s.HasTable:
			found = append(found, name+": no data table (details.chart-table table)")
		case s.Rows == 0:
			found = append(found, name+": its data table has no rows")
		case !s.ShownOpen:
			found = append(found, name+": its data table is not shown when its <details> is open")
		case !s.HiddenShut:
			found = append(found, name+": its data table does not hide when its <details> is closed")
		}
	}
	return found
}

// checkDownloads fetches every a[download] of the page (once per run) and
// checks its status, type and contents.
func (e *env) checkDownloads(t *testing.T, ctx context.Context) []string {
	t.Helper()
	hrefs := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('a[download]'), (a) => a.href)`)
	client := &http.Client{Timeout: 10 * time.Second}
	var found []string
	for _, h := range hrefs {
		if e.downloads[h] {
			continue
		}
		e.downloads[h] = true
		if err := checkDownload(client, h); err != nil {
			found = append(found, fmt.Sprintf("download %s: %v", h, err))
		}
	}
	return found
}

func checkDownload(client *http.Client, href string) error {
	u, err := url.Parse(href)
	if err != nil {
		return err
	}
	resp, err := client.Get(href)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	ct := resp.Header.Get("Content-Type")
	name := u.Path[strings.LastIndex(u.Path, "/")+1:]
	want := map[string]string{".csv": "text/csv", ".json": "application/json", ".zip": "application/zip"}[filepath.Ext(name)]
	if want == "" {
		return fmt.Errorf("unexpected kind of download (want .csv, .json or .zip)")
	}
	if !strings.HasPrefix(ct, want) {
		return fmt.Errorf("Content-Type %q, want %s", ct, want)
	}
	switch want {
	case "text/csv":
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			return fmt.Errorf("not CSV: %v", err)
		}
		if len(rows) < 1 || len(rows[0]) < 2 {
			return fmt.Errorf("CSV has no header row")
		}
	case "application/json":
		var v map[string]any
		if err := json.Unmarshal(b, &v); err != nil {
			return fmt.Errorf("not a JSON object: %v", err)
		}
		id := strings.TrimSuffix(name, ".json")
		if got, ok := v["id"]; ok && got != id {
			return fmt.Errorf(`"id" is %v, want %q`, got, id)
		}
	case "application/zip":
		z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return fmt.Errorf("not a ZIP archive: %v", err)
		}
		if len(z.File) == 0 {
			return errors.New("empty ZIP archive")
		}
	}
	return nil
}

// checkLanguageSwitch clicks the language link and checks where it leads.
func checkLanguageSwitch(t *testing.T, ctx context.Context, pc pageCase) []string {
	t.Helper()
	want := map[string]string{"vi": "en", "en": "vi"}[pc.lang]
	href := eval[string](t, ctx, `(() => { const a = document.querySelector('nav.lang a[href]'); return a ? a.href : ''; })()`)
	if pc.oneLang {
		if href != "" {
			return []string{fmt.Sprintf("a site of one language has a language switch, to %s", href)}
		}
		return nil
	}
	if href == "" {
		return []string{"no language switch (nav.lang a[href])"}
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(`nav.lang a[href]`, chromedp.ByQuery, chromedp.NodeVisible))
	if err != nil {
		return []string{fmt.Sprintf("clicking the language switch (%s): %v", href, err)}
	}
	got := ""
	if u, err := url.Parse(resp.URL); err == nil {
		got = u.Path
	}
	lang := eval[string](t, ctx, `document.documentElement.lang`)
	switch {
	case resp.Status != 200:
		return []string{fmt.Sprintf("language switch: %s answers HTTP %d; want the page in %q", resp.URL, resp.Status, want)}
	case pc.altPath != "" && got != base+pc.altPath:
		return []string{fmt.Sprintf("language switch leads to %s, want %s", got, base+pc.altPath)}
	case lang != want:
		return []string{fmt.Sprintf("language switch leads to %s with <html lang=%q>, want %q", got, lang, want)}
	}
	return nil
}

// searchFor types query into the search box as a reader would and returns
// the visible result links whose text has want.
func searchFor(t *testing.T, ctx context.Context, query, want string) ([]string, []string) {
	t.Helper()
	const input = `main input[type="search"]`
	wait, cancel := context.WithTimeout(ctx, 5*time.Second)
	err := chromedp.Run(wait, chromedp.WaitVisible(input, chromedp.ByQuery))
	cancel()
	if err != nil {
		return nil, []string{fmt.Sprintf("search: no visible search box (%s): %v", input, err)}
	}
	before := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('main a[href]'), (a) => a.href + ' ' + a.textContent)`)
	run(t, ctx, chromedp.SendKeys(input, query, chromedp.ByQuery))
	// A result: a link in <main>, not there before typing, whose text has want.
	js := fmt.Sprintf(`(() => {
  const before = new Set(%s);
  const want = %s.normalize('NFC');
  return Array.from(document.querySelectorAll('main a[href]'))
    .filter((a) => !before.has(a.href + ' ' + a.textContent) && a.getClientRects().length > 0)
    .filter((a) => a.textContent.normalize('NFC').includes(want))
    .map((a) => a.href);
})()`, mustJSON(before), mustJSON(want))
	var results []string
	deadline := time.Now().Add(5 * time.Second)
	for {
		results = eval[[]string](t, ctx, js)
		if len(results) > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(150 * time.Millisecond)
	}
	if len(results) == 0 {
		text := eval[string](t, ctx, `document.querySelector('main') ? document.querySelector('main').innerText : ''`)
		return nil, []string{fmt.Sprintf("search: typing %q lists no visible result link whose text has %q; <main> reads:\n%s",
			query, want, clip(text, 800))}
	}
	return results, nil
}

// followResult opens a search result and checks its title.
func followResult(t *testing.T, ctx context.Context, href, want string) []string {
	t.Helper()
	resp, err := chromedp.RunResponse(ctx, chromedp.Navigate(href))
	if err != nil {
		return []string{fmt.Sprintf("search: following %s: %v", href, err)}
	}
	title := eval[string](t, ctx, `document.title`)
	if resp.Status != 200 || !strings.Contains(title, want) {
		return []string{fmt.Sprintf("search: result %s answers HTTP %d with title %q; want 200 and a title with %q",
			href, resp.Status, title, want)}
	}
	return nil
}

type axeResult struct {
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		URL    string `json:"helpUrl"`
		Nodes  []struct {
			Target  []any  `json:"target"`
			Summary string `json:"failureSummary"`
			HTML    string `json:"html"`
		} `json:"nodes"`
	} `json:"violations"`
	Version string `json:"version"`
}

// checkAxe runs axe-core (source axe) in the page for WCAG 2.0/2.1 A and AA.
func checkAxe(t *testing.T, ctx context.Context, axe string) []string {
	t.Helper()
	// The page's CSP does not apply to Runtime.evaluate.
	if err := chromedp.Run(ctx, chromedp.Evaluate(axe+"\n;undefined", nil)); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	js := fmt.Sprintf(`axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
  .then((r) => ({version: r.testEngine.version, violations: r.violations}))`, mustJSON(axeTags))
	res := eval[axeResult](t, ctx, js)
	if len(res.Violations) == 0 {
		t.Logf("axe-core %s: no WCAG 2.1 A/AA violation", res.Version)
		return nil
	}
	var found []string
	for _, v := range res.Violations {
		var b strings.Builder
		fmt.Fprintf(&b, "axe-core %s: %s (%s): %s — %d node(s), %s", res.Version, v.ID, v.Impact, v.Help, len(v.Nodes), v.URL)
		for i, n := range v.Nodes {
			if i == 3 {
				fmt.Fprintf(&b, "\n\t… and %d more", len(v.Nodes)-3)
				break
			}
			fmt.Fprintf(&b, "\n\t%v %s\n\t\t%s", n.Target, clip(n.HTML, 160),
				strings.ReplaceAll(clip(n.Summary, 300), "\n", "\n\t\t"))
		}
		found = append(found, b.String())
	}
	return found
}

// screenshots saves full-page screenshots at each width, and checks the
// reflow at 360 px.
func (e *env) screenshots(t *testing.T, ctx context.Context, name string, charts bool) []string {
	t.Helper()
	var found []string
	for _, w := range widths {
		run(t, ctx, chromedp.EmulateViewport(w, 800))
		// Let ResizeObserver redraw the charts, and their animation end.
		eval[bool](t, ctx, `new Promise((r) => setTimeout(() => requestAnimationFrame(() => r(true)), 50))`)
		if charts {
			time.Sleep(1200 * time.Millisecond)
		}
		if w == 360 {
			found = append(found, checkReflow(t, ctx)...)
		}
		if charts {
			found = append(found, checkMapText(t, ctx, w)...)
		}
		var png []byte
		run(t, ctx, chromedp.FullScreenshot(&png, 100))
		file := filepath.Join(e.shots, fmt.Sprintf("%s-%d.png", name, w))
		if err := os.WriteFile(file, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s", file)
	}
	run(t, ctx, chromedp.EmulateViewport(1280, 900))
	return found
}

// checkReflow reports a page wider than the viewport (WCAG 2.1 1.4.10
// Reflow, which axe-core does not test). Content inside a container that
// scrolls on its own (a wide table in its .table-wrap) is fine.
func checkReflow(t *testing.T, ctx context.Context) []string {
	t.Helper()
	type overflow struct {
		Width    int      `json:"width"`
		View     int      `json:"view"`
		Culprits []string `json:"culprits"`
	}
	o := eval[overflow](t, ctx, `(() => {
  const view = document.documentElement.clientWidth;
  const width = document.documentElement.scrollWidth;
  const culprits = [];
  if (width > view) {
    const clipped = (n) => {
      for (; n && n !== document.body; n = n.parentElement) {
        const o = getComputedStyle(n).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right <= view + 1 || clipped(el.parentElement)) continue;
      // Name the innermost offender only.
      if (Array.from(el.children).some((c) => c.getBoundingClientRect().right > view + 1)) continue;
      let s = el.tagName.toLowerCase();
      if (el.id) s += '#' + el.id;
      if (el.classList.length) s += '.' + Array.from(el.classList).join('.');
      const text = (el.textContent || '').trim().slice(0, 60);
      if (text) s += ' "' + text + '"';
      if (el.href) s += ' href=' + el.getAttribute('href');
      culprits.push(s + ' (right edge at ' + Math.round(r.right) + ' px)');
      if (culprits.length === 6) break;
    }
  }
  return {width: width, view: view, culprits: culprits};
})()`)
	if o.Width > o.View {
		return []string{fmt.Sprintf("at 360 px the page is %d px wide and scrolls sideways (WCAG 2.1 1.4.10 Reflow); it overflows at:\n\t%s",
			o.Width, strings.Join(o.Culprits, "\n\t"))}
	}
	return nil
}

// checkMapText reports a map's text (the numbers at the ends of its
// colour scale) that passes the edges of its canvas, where ECharts cuts
// it off: at 360 px "0.3764 score (0-1)" lost its number.
func checkMapText(t *testing.T, ctx context.Context, width int64) []string {
	t.Helper()
	var found []string
	for _, c := range eval[[]string](t, ctx, mapTextJS) {
		found = append(found, fmt.Sprintf("at %d px, a map's text is cut off at its edge: %s", width, c))
	}
	return found
}

// mapTextJS lists the text ECharts draws on each map's canvas (zrender's
// display list: its text spans) that passes its left or right edge.
const mapTextJS = `(() => {
  const out = [];
  document.querySelectorAll('script[type="application/json"][data-map]').forEach((s) => {
    const el = document.getElementById(s.getAttribute('data-map'));
    const chart = el && window.echarts && window.echarts.getInstanceByDom(el);
    if (!chart) return;
    const w = chart.getWidth();
    chart.getZr().storage.getDisplayList(true).forEach((d) => {
      const text = d.style && d.style.text;
      if (typeof text !== 'string' || !text.trim() || d.invisible || d.ignore) return;
      const r = d.getBoundingRect().clone();
      const m = d.getComputedTransform();
      if (m) r.applyTransform(m);
      if (r.x < -0.5 || r.x + r.width > w + 0.5) {
        out.push(el.id + ': "' + text + '" spans ' + Math.round(r.x) + ' to ' + Math.round(r.x + r.width) + ' px of ' + w);
      }
    });
  });
  return out;
})()`

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func clip(s string, n int) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// checkCommitmentFilter picks the first agency in the commitments page's
// filter (which site.js shows) and checks that exactly that agency's rows
// stay visible, as many as its entry in the agency index links, that the
// filter says how many, and that clearing it shows every row again.
func checkCommitmentFilter(t *testing.T, ctx context.Context) []string {
	t.Helper()
	msg := eval[string](t, ctx, `(() => {
  const form = document.querySelector('form.c-filter');
  if (!form || form.hidden) return 'filter: the form is missing or hidden (site.js did not run?)';
  const sel = form.elements.agency, opt = sel.options[1];
  if (!opt) return 'filter: the agency list is empty';
  const rows = Array.from(document.querySelectorAll('.c-group tbody tr'));
  const visible = () => rows.filter((tr) => tr.getClientRects().length > 0).length;
  const pick = (v) => { sel.value = v; sel.dispatchEvent(new Event('change', {bubbles: true})); };
  pick(opt.value);
  const shown = visible();
  const want = rows.filter((tr) => (tr.dataset.agencies || '').split(' ').includes(opt.value)).length;
  const entry = document.getElementById(opt.value);
  const listed = entry ? entry.querySelectorAll('a[href^="#c-"]').length : -1;
  const said = form.querySelector('[role=status]').textContent;
  pick('');
  const all = visible();
  if (shown === 0 || shown !== want || shown !== listed)
    return 'filter: ' + opt.text + ' shows ' + shown + ' rows, ' + want + ' name it, its index entry links ' + listed;
  if (!said.includes(String(shown))) return 'filter: it says ' + JSON.stringify(said) + ' for ' + shown + ' rows';
  if (all !== rows.length) return 'filter: cleared, it shows ' + all + ' of ' + rows.length + ' rows';
  return '';
})()`)
	if msg != "" {
		return []string{msg}
	}
	return nil
}

// checkMetricsFilter types into the metrics index's filter (which site.js
// shows) a word of one series' title, without its diacritics, and checks
// that the tiles shown are those whose words hold it, that the filter says
// how many, and that clearing it shows every tile again.
func checkMetricsFilter(t *testing.T, ctx context.Context) []string {
	t.Helper()
	msg := eval[string](t, ctx, `(() => {
  const form = document.querySelector('form.m-filter');
  if (!form || form.hidden) return 'metrics filter: the form is missing or hidden (site.js did not run?)';
  const input = form.querySelector('input');
  const items = Array.from(document.querySelectorAll('[data-filter-group] [data-filter]'));
  if (items.length < 2) return 'metrics filter: ' + items.length + ' tiles to filter';
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const words = fold(items[0].dataset.filter).split(/\s+/).filter((w) => w.length > 4);
  const word = words.find((w) => items.some((it) => !fold(it.dataset.filter).includes(w))) || words[0];
  const type = (v) => { input.value = v; input.dispatchEvent(new Event('input', {bubbles: true})); };
  const visible = () => items.filter((it) => it.getClientRects().length > 0).length;
  type(word);
  const shown = visible();
  const want = items.filter((it) => fold(it.dataset.filter).includes(word)).length;
  const said = form.querySelector('[role=status]').textContent;
  type('');
  const all = visible();
  if (shown === 0 || shown !== want) return 'metrics filter: ' + JSON.stringify(word) + ' shows ' + shown + ' tiles, ' + want + ' hold it';
  if (!said.includes(String(shown))) return 'metrics filter: it says ' + JSON.stringify(said) + ' for ' + shown + ' tiles';
  if (all !== items.length) return 'metrics filter: cleared, it shows ' + all + ' of ' + items.length;
  return '';
})()`)
	if msg != "" {
		return []string{msg}
	}
	return nil
}

// checkLeague sorts the league table by each column and filters it, as a
// reader would, and checks what site.js did: the rows' order, aria-sort on
// the sorted column only, the rows left by the filter, the status line.
func checkLeague(t *testing.T, ctx context.Context) []string {
	t.Helper()
	msg := eval[string](t, ctx, `(() => {
  const table = document.querySelector('table.league-table');
  if (!table) return 'league: no league table';
  const heads = Array.from(table.tHead.rows[0].cells);
  const buttons = heads.map((th) => th.querySelector('button'));
  if (buttons.some((b) => !b)) return 'league: a header has no sort button (site.js did not run?)';
  const names = () => Array.from(table.tBodies[0].rows).map((tr) => tr.cells[0].textContent.trim());
  const keys = (col) => Array.from(table.tBodies[0].rows).map((tr) => tr.cells[col].getAttribute('data-key'));
  const sorted = (list, cmp) => list.every((x, i) => i === 0 || cmp(list[i - 1], x) <= 0);
  const num = (a, b) => (a === '') - (b === '') || (a !== '' && b !== '' ? Number(a) - Number(b) : 0);
  const status = document.getElementById(table.dataset.status);
  const first = names();
  if (!sorted(keys(1), num)) return 'league: not sorted best first at load: ' + keys(1).join(' ');
  if (heads[1].getAttribute('aria-sort') !== 'ascending') return 'league: the value column is not aria-sort=ascending';
  buttons[1].click();
  if (heads[1].getAttribute('aria-sort') !== 'descending') return 'league: a second click did not reverse the value column';
  const desc = keys(1).filter((k) => k !== '');
  if (!sorted(desc, (a, b) => Number(b) - Number(a))) return 'league: not sorted worst first: ' + desc.join(' ');
  buttons[0].click();
  const collator = new Intl.Collator(document.documentElement.lang);
  if (!sorted(names(), collator.compare)) return 'league: not sorted by name: ' + names().join(', ');
  if (heads.filter((th) => th.hasAttribute('aria-sort')).length !== 1 || heads[0].getAttribute('aria-sort') !== 'ascending')
    return 'league: aria-sort is not on the name column alone';
  if (!status.textContent.includes(heads[0].textContent.replace(/[↕▲▼]/g, '').trim())) return 'league: the status says ' + JSON.stringify(status.textContent);
  buttons[2].click();
  const change = keys(2);
  const empty = change.indexOf('');
  if (empty >= 0 && change.slice(empty).some((k) => k !== '')) return 'league: a row without a change is not last: ' + change.join(' ');
  buttons[1].click(); // a column not sorted by sorts best first
  if (names().join() !== first.join()) return 'league: sorting back by value did not restore the first order';
  const filter = document.getElementById('league-filter');
  const label = document.querySelector('label[for=league-filter]');
  if (!filter || filter.closest('[hidden]') || !label || !label.textContent.trim()) return 'league: the filter is missing, hidden or unlabelled';
  const type = (q) => { filter.value = q; filter.dispatchEvent(new Event('input', {bubbles: true})); };
  const visible = () => Array.from(table.tBodies[0].rows).filter((tr) => tr.getClientRects().length > 0).map((tr) => tr.cells[0].textContent.trim());
  type('viet');
  const shown = visible();
  if (shown.length !== 1 || !/vi[eệ]t nam/i.test(shown[0])) return 'league: "viet" leaves ' + JSON.stringify(shown);
  if (!status.textContent.includes('1') || !status.textContent.includes(String(first.length))) return 'league: filtered, the status says ' + JSON.stringify(status.textContent);
  type('');
  if (visible().length !== first.length) return 'league: cleared, ' + visible().length + ' of ' + first.length + ' rows show';
  return '';
})()`)
	if msg != "" {
		return []string{msg}
	}
	return nil
}

// checkTooltipOrder shows the tooltip of chart id at its last period and
// checks that it lists the lines best first: for ranks, rank 1 first.
func checkTooltipOrder(t *testing.T, ctx context.Context, id string) []string {
	t.Helper()
	got := eval[[]string](t, ctx, `(() => new Promise((resolve) => {
  const el = document.getElementById(`+mustJSON(id)+`);
  const chart = el && window.echarts && echarts.getInstanceByDom(el);
  if (!chart) { resolve(['no chart']); return; }
  const n = chart.getOption().xAxis[0].data.length;
  chart.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: n - 1});
  setTimeout(() => {
    const box = Array.from(el.querySelectorAll('div')).find((d) => d.style.whiteSpace === 'normal' && d.querySelector('strong'));
    resolve(box ? Array.from(box.children).slice(1).map((r) => r.textContent) : ['no tooltip']);
  }, 500);
}))()`)
	// Each row is "Name: 71/193 · …", or "Name: why" for a stated gap,
	// which comes last.
	var ranks []int
	gaps := 0
	for _, row := range got {
		var f []string
		if i := strings.Index(row, ": "); i >= 0 {
			f = strings.FieldsFunc(row[i+2:], func(c rune) bool { return c < '0' || c > '9' })
		}
		if len(f) == 0 {
			gaps++
			continue
		}
		if gaps > 0 {
			ranks = append(ranks, -1) // a figure after a gap
		}
		var r int
		fmt.Sscan(f[0], &r)
		ranks = append(ranks, r)
	}
	t.Logf("tooltip of %s: %q", id, got)
	if len(ranks) < 2 || !slices.IsSorted(ranks) || slices.Contains(ranks, -1) {
		return []string{fmt.Sprintf("tooltip of %s is not best first: %q", id, got)}
	}
	return nil
}
