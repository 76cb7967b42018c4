package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/tiendo/tiendo/generator/build"
	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/internal/tools"
	"github.com/tiendo/tiendo/generator/metrics"
	"github.com/tiendo/tiendo/generator/site"
)

// base is the sub-path the site is built for and served under.
const base = "/tiendo/"

// root is the repository root, seen from this package's directory.
const root = "../.."

// widths of the screenshots.
var widths = []int64{360, 1280}

// axeTags are the rule sets axe-core runs: WCAG 2.0 and 2.1, levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// pageCase is one page the browser visits.
type pageCase struct {
	name    string // subtest and screenshot name
	path    string // site-relative path, without the base
	lang    string // expected <html lang>
	charts  bool   // the page must have at least one chart
	axe     bool   // run axe-core
	search  bool   // run the search check
	filter  bool   // check the commitments page's filter
	mfilter bool   // check the metrics index's filter
	league  bool   // check the league table's sorting and filter
	lazy    bool   // its charts far below the top must not be drawn before the reader scrolls to them
	embed   bool   // a chart's embed page: no language switch, a link back instead
	// oneLang: the site has one language, so the page must have no
	// language switch.
	oneLang bool
	// tooltip names a chart of many lines whose tooltip at its last
	// period must list them best first.
	tooltip string
	// altPath is where the language switch must lead (site-relative); ""
	// means "any page in the other language".
	altPath string
}

func axeSource(t *testing.T) string {
	p := os.Getenv("AXE_CORE_JS")
	if p == "" {
		p = filepath.Join(root, ".ci", "node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		tools.Missing(t, "BROWSER TESTS", "axe-core not found: %v (npm install --prefix .ci axe-core, or set AXE_CORE_JS)", err)
	}
	return string(b)
}

func screenshotDir(t *testing.T) string {
	dir := os.Getenv("TIENDO_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "tiendo-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// env is what every page's subtest shares.
type env struct {
	browser     context.Context // a chromedp context whose browser is running
	origin      string          // http://127.0.0.1:PORT
	axe         string
	shots       string
	downloads   map[string]bool // URLs already checked
	hasSearch   bool
	searchQuery string
	searchWant  string
}

func TestBrowser(t *testing.T) {
	if testing.Short() && !tools.Required() {
		t.Skip("browser tests skipped in -short mode")
	}
	chromium := tools.Chromium(t, "BROWSER TESTS")
	e := &env{axe: axeSource(t), shots: screenshotDir(t), downloads: map[string]bool{},
		searchQuery: "de an 06", searchWant: "Đề án 06"}
	_, err := os.Stat(filepath.Join(root, "templates", "search.html"))
	e.hasSearch = err == nil

	cases := pages(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(os.DirFS(root), out, build.Options{BaseURL: base}); err != nil {
		t.Fatalf("building the site: %v", err)
	}
	e.origin = serve(t, out)
	t.Logf("site built into %s, served at %s%s", out, e.origin, base)
	t.Logf("screenshots: %s", e.shots)

	e.browser = startBrowser(t, chromium)

	t.Run("self-test", func(t *testing.T) {
		i := slices.IndexFunc(cases, func(pc pageCase) bool { return pc.name == "metric-rank" })
		e.selfTest(t, cases[i].path)
	})
	for _, pc := range cases {
		t.Run(pc.name, func(t *testing.T) { e.visit(t, pc) })
	}
	t.Run("report-noscript", func(t *testing.T) {
		rep := cases[slices.IndexFunc(cases, func(pc pageCase) bool { return pc.name == "report" })]
		for _, p := range e.checkNoScript(t, rep.path) {
			t.Error(p)
		}
	})
	t.Run("embed-host", func(t *testing.T) {
		rep := cases[slices.IndexFunc(cases, func(pc pageCase) bool { return pc.name == "report" })]
		emb := cases[slices.IndexFunc(cases, func(pc pageCase) bool { return pc.name == "embed" })]
		for _, p := range e.checkEmbedHost(t, rep.path, emb.path) {
			t.Error(p)
		}
	})

	// The second site: the tests' South-East Asia site (13 countries).
	seaOut := filepath.Join(t.TempDir(), "sea")
	if _, err := build.Run(overlay{content: os.DirFS(seaContent), base: os.DirFS(root)}, seaOut, build.Options{BaseURL: base}); err != nil {
		t.Fatalf("building the second site: %v", err)
	}
	sea := *e
	sea.origin = serve(t, seaOut)
	for _, pc := range seaPages() {
		t.Run(pc.name, func(t *testing.T) { sea.visit(t, pc) })
	}
	e.visitMaps(t) // maps_test.go: a test site's maps
}

// seaContent holds the content/ of the second site, the South-East Asia
// test site of generator/build: one series of 13 countries' ranks, a
// report whose charts pick and highlight some.
const seaContent = "../build/testdata/sea"

// overlay serves content/ from one folder and everything else (templates/,
// assets/) from the repository: a second site, made as the README says.
type overlay struct{ content, base fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if name == "content" || strings.HasPrefix(name, "content/") {
		return o.content.Open(name)
	}
	return o.base.Open(name)
}

// seaPages are the second site's pages: its metric page (a league table,
// a chart of 13 lines) and its report (charts of 5 and 13 lines with
// highlights), in both languages.
func seaPages() []pageCase {
	metric := pageCase{name: "sea-metric", path: "metrics/egdi-rank/", lang: "vi", altPath: "en/metrics/egdi-rank/",
		charts: true, axe: true, league: true, tooltip: "chart_0_egdi_rank"}
	enMetric := pageCase{name: "sea-en-metric", path: "en/metrics/egdi-rank/", lang: "en", altPath: "metrics/egdi-rank/",
		charts: true, axe: true, league: true}
	report := pageCase{name: "sea-report", path: "reports/viet-nam-trong-khu-vuc/", lang: "vi",
		altPath: "en/reports/viet-nam-trong-khu-vuc/", charts: true, axe: true, tooltip: "chart_1_egdi_rank"}
	enReport := pageCase{name: "sea-en-report", path: "en/reports/viet-nam-trong-khu-vuc/", lang: "en",
		altPath: "reports/viet-nam-trong-khu-vuc/", charts: true, axe: true}
	return []pageCase{metric, enMetric, report, enReport}
}

// startBrowser starts headless Chromium for the test's duration and returns
// a chromedp context whose browser is running.
func startBrowser(t *testing.T, chromium string) context.Context {
	t.Helper()
	var chromeOut lockedBuffer
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("lang", "vi-VN"),
		chromedp.WindowSize(1280, 900),
		chromedp.CombinedOutput(&chromeOut),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelBrowser(); cancelAlloc() })
	// The first Run starts the browser, which lives as long as the context
	// given to it: so no timeout here (chromedp gives up on a browser that
	// does not start within 20 s).
	if err := chromedp.Run(browserCtx); err != nil {
		t.Fatalf("starting %s: %v\n%s", chromium, err, chromeOut.String())
	}
	return browserCtx
}

// pages picks the pages to visit from the site's own content, so the test
// follows the content as it grows.
func pages(t *testing.T) []pageCase {
	s, errs := build.Load(os.DirFS(root), build.Options{BaseURL: base})
	if errs.Err() != nil {
		t.Fatalf("loading the site: %v", errs)
	}
	vi, en := s.Lang("vi"), s.Lang("en")
	other := func(p string) string { return en.Prefix + strings.TrimPrefix(p, vi.Prefix) }
	vc := func(name, path string) pageCase {
		return pageCase{name: name, path: path, lang: "vi", altPath: other(path)}
	}

	translated := func(p *content.Page) bool {
		return slices.ContainsFunc(s.Pages, func(q *content.Page) bool {
			return q.Lang == "en" && q.Section == p.Section && q.Slug == p.Slug
		})
	}
	// The report with the most charts.
	var report *content.Page
	most := 0
	for _, p := range s.Pages {
		if n := bytes.Count(p.Body, []byte("```chart")); p.Lang == "vi" && p.Section == "reports" && translated(p) && n > most {
			report, most = p, n
		}
	}
	if report == nil {
		t.Fatal("no Vietnamese report with an English translation to visit")
	}
	var rate *metrics.Series
	for _, se := range s.Data.Series {
		if se.Kind == metrics.Rate && len(se.Targets) > 0 && len(se.Points) > 0 &&
			(rate == nil || len(se.Points) > len(rate.Points)) {
			rate = se
		}
	}
	if rate == nil {
		t.Fatal("no rate metric with both targets and points to visit")
	}
	for _, id := range []string{"egdi-rank", "ecommerce-revenue"} {
		if se := s.Data.SeriesByID(id); se == nil || len(se.Points) == 0 {
			t.Fatalf("metric %s is gone or has no points: pick another metric of its kind in this test", id)
		}
	}

	home := vc("home", site.Home(vi))
	home.axe = true
	enHome := pageCase{name: "en-home", path: site.Home(en), lang: "en", altPath: site.Home(vi)}
	rep := vc("report", site.Page(vi, report.Section, report.Slug))
	rep.charts, rep.axe, rep.lazy = true, true, true
	embed := pageCase{name: "embed", path: site.EmbedChart(vi, report.Section, report.Slug, 1), lang: "vi",
		charts: true, axe: true, embed: true}
	rank := vc("metric-rank", site.Metric(vi, "egdi-rank"))
	rank.charts, rank.axe = true, true
	rateCase := vc("metric-rate", site.Metric(vi, rate.ID))
	rateCase.charts = true
	amount := vc("metric-amount", site.Metric(vi, "ecommerce-revenue"))
	amount.charts = true
	enMetric := pageCase{name: "en-metric-rank", path: site.Metric(en, "egdi-rank"), lang: "en",
		charts: true, altPath: site.Metric(vi, "egdi-rank")}
	commitments := vc("commitments", site.Commitments(vi))
	commitments.axe, commitments.filter = true, true
	enCommitments := pageCase{name: "en-commitments", path: site.Commitments(en), lang: "en", axe: true, filter: true,
		altPath: site.Commitments(vi)}
	enReport := pageCase{name: "en-report", path: site.Page(en, report.Section, report.Slug), lang: "en", charts: true, axe: true,
		altPath: site.Page(vi, report.Section, report.Slug)}
	// A series with sub-series: one tile of several lines, a legend, groups.
	var grouped *metrics.Series
	for _, se := range s.Data.Series {
		if len(se.Points) > 0 && (grouped == nil || len(se.Subseries) > len(grouped.Subseries)) {
			grouped = se
		}
	}
	if grouped == nil || len(grouped.Subseries) < 2 {
		t.Fatal("no metric with sub-series and points to visit")
	}
	sub := vc("metric-subseries", site.Metric(vi, grouped.ID))
	sub.charts, sub.axe = true, true
	enSub := pageCase{name: "en-metric-subseries", path: site.Metric(en, grouped.ID), lang: "en", charts: true, axe: true,
		altPath: site.Metric(vi, grouped.ID)}
	metricsIndex := vc("metrics-index", site.MetricsIndex(vi))
	metricsIndex.axe, metricsIndex.mfilter = true, true
	search := vc("search", site.Search(vi))
	search.axe, search.search = true, true
	notFound := pageCase{name: "404", path: "404.html", lang: "vi"}
	t.Logf("report: %s; rate metric: %s; metric with sub-series: %s", report.File, rate.ID, grouped.ID)
	return []pageCase{
		home, enHome, rep, enReport,
		vc("reports-index", site.SectionIndex(vi, "reports")),
		metricsIndex,
		rank, rateCase, amount, enMetric, sub, enSub, commitments, enCommitments,
		vc("sources", site.Sources(vi)),
		vc("data", site.DataIndex(vi)),
		search, embed, notFound,
	}
}

// serve serves dir under base on 127.0.0.1 as GitHub Pages would: a missing
// file gets 404.html with status 404.
func serve(t *testing.T, dir string) string {
	files := http.FileServer(http.Dir(dir))
	pagesLike := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(dir, filepath.FromSlash(filepath.Clean("/"+r.URL.Path)))
		fi, err := os.Stat(name)
		if err == nil && fi.IsDir() {
			_, err = os.Stat(filepath.Join(name, "index.html"))
		}
		if err != nil {
			b, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(b)
			return
		}
		// The types GitHub Pages sends, whatever /etc/mime.types says.
		switch filepath.Ext(name) {
		case ".csv":
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		case ".json":
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
		case ".zip":
			w.Header().Set("Content-Type", "application/zip")
		case ".xml":
			w.Header().Set("Content-Type", "application/xml")
		case ".svg":
			w.Header().Set("Content-Type", "image/svg+xml")
		}
		files.ServeHTTP(w, r)
	})
	mux := http.NewServeMux()
	mux.Handle(base, http.StripPrefix(strings.TrimSuffix(base, "/"), pagesLike))
	mux.HandleFunc(hostPath, serveHost)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// problems collects what the browser reports while a page is open.
type problems struct {
	origin string
	mu     sync.Mutex
	errs   []string
	warns  []string
}

func (p *problems) add(list *[]string, format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	*list = append(*list, fmt.Sprintf(format, args...))
}

func (p *problems) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		switch ev.Type {
		case runtime.APITypeError, runtime.APITypeAssert:
			p.add(&p.errs, "console.%s: %s", ev.Type, args(ev.Args))
		case runtime.APITypeWarning:
			p.add(&p.warns, "console.warn: %s", args(ev.Args))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		p.add(&p.errs, "uncaught exception at %s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, msg)
	case *log.EventEntryAdded:
		en := ev.Entry
		switch en.Level {
		case log.LevelError:
			p.add(&p.errs, "console (%s): %s %s", en.Source, en.Text, en.URL)
		case log.LevelWarning:
			p.add(&p.warns, "console (%s): %s %s", en.Source, en.Text, en.URL)
		}
	case *network.EventRequestWillBeSent:
		u, err := url.Parse(ev.Request.URL)
		if err != nil {
			p.add(&p.errs, "request to an unparsable URL %q", ev.Request.URL)
			return
		}
		switch u.Scheme {
		case "data", "blob", "about":
			return
		}
		if u.Scheme+"://"+u.Host != p.origin {
			p.add(&p.errs, "request to another host than the test server: %s", ev.Request.URL)
		}
	case *network.EventLoadingFailed:
		if ev.Canceled && ev.BlockedReason == "" {
			// The test navigated away while it was loading.
			p.add(&p.warns, "request canceled (%s): %s", ev.Type, ev.ErrorText)
			return
		}
		p.add(&p.errs, "request failed (%s): %s %s", ev.Type, ev.ErrorText, ev.BlockedReason)
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			p.add(&p.errs, "HTTP %d for %s", ev.Response.Status, ev.Response.URL)
		}
	}
}

func args(list []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range list {
		switch {
		case a.Value != nil:
			var s string
			if json.Unmarshal(a.Value, &s) == nil {
				parts = append(parts, s)
			} else {
				parts = append(parts, string(a.Value))
			}
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

func (p *problems) snapshot() (errs, warns []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.errs), slices.Clone(p.warns)
}

// open loads a page in a fresh tab that reports its problems to pr. The
// caller cancels the returned context, which closes the tab.
func (e *env) open(t *testing.T, path string, pr *problems) (context.Context, context.CancelFunc, *network.Response) {
	t.Helper()
	tab, cancelTab := chromedp.NewContext(e.browser)
	ctx, cancelTimeout := context.WithTimeout(tab, 90*time.Second)
	cancel := func() { cancelTimeout(); cancelTab() }
	chromedp.ListenTarget(ctx, pr.listen)
	pageURL := e.origin + base + path
	resp, err := chromedp.RunResponse(ctx,
		page.BringToFront(), // a background tab gets no animation frames
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(pageURL))
	if err != nil {
		cancel()
		t.Fatalf("loading %s: %v", pageURL, err)
	}
	return ctx, cancel, resp
}

// visit runs every check of one page in a fresh tab.
func (e *env) visit(t *testing.T, pc pageCase) {
	if pc.search && !e.hasSearch {
		t.Fatalf("the search page does not exist yet: templates/search.html is missing, so %s%s is a 404 "+
			"although every page's navigation links to it. The issue requires a working search page.", base, pc.path)
	}
	pr := &problems{origin: e.origin}
	ctx, cancel, resp := e.open(t, pc.path, pr)
	defer cancel()
	pageURL := e.origin + base + pc.path
	report := func(list []string) {
		t.Helper()
		for _, p := range list {
			t.Error(p)
		}
	}

	if resp.Status != 200 {
		t.Errorf("%s: HTTP %d, want 200", pageURL, resp.Status)
	}
	lang := eval[string](t, ctx, `document.documentElement.lang`)
	if lang != pc.lang {
		t.Errorf(`<html lang=%q>, want %q`, lang, pc.lang)
	}
	if strings.TrimSpace(eval[string](t, ctx, `document.title`)) == "" {
		t.Error("the page has no <title>")
	}

	if pc.lazy {
		report(checkLazy(t, ctx))
	}
	nCharts, found := checkCharts(t, ctx, 10*time.Second)
	report(found)
	if pc.charts && nCharts == 0 {
		t.Error("the page has no chart ([data-chart] script), but this kind of page must have one")
	}
	if nCharts > 0 {
		report(checkShift(t, ctx))
	}
	if !pc.embed { // an embed page is the chart alone: its table is on its page
		report(checkTables(t, ctx))
	}
	report(e.checkDownloads(t, ctx))
	var results []string
	if pc.search {
		results, found = searchFor(t, ctx, e.searchQuery, e.searchWant)
		report(found)
		t.Logf("search %q: %d result(s) with %q in their text: %v", e.searchQuery, len(results), e.searchWant, results)
	}
	if pc.axe {
		report(checkAxe(t, ctx, e.axe))
	}
	report(e.screenshots(t, ctx, pc.name, nCharts > 0))
	if pc.filter {
		report(checkCommitmentFilter(t, ctx))
	}
	if pc.mfilter {
		report(checkMetricsFilter(t, ctx))
	}
	if pc.league {
		report(checkLeague(t, ctx))
	}
	if pc.tooltip != "" {
		report(checkTooltipOrder(t, ctx, pc.tooltip))
	}
	if len(results) > 0 {
		report(followResult(t, ctx, results[0], e.searchWant))
		run(t, ctx, chromedp.Navigate(pageURL)) // back, for the language switch
	}
	if pc.embed {
		report(checkEmbedPage(t, ctx))
	} else {
		report(checkLanguageSwitch(t, ctx, pc))
	}

	errs, warns := pr.snapshot()
	for _, w := range warns {
		t.Logf("warning: %s", w)
	}
	if len(errs) > 0 {
		t.Errorf("%d console error(s), exception(s) or failed request(s) on %s:\n\t%s",
			len(errs), pageURL, strings.Join(errs, "\n\t"))
	}
}

// selfTest breaks a good page on purpose and checks that every check sees
// it: a check that cannot fail is worse than none.
func (e *env) selfTest(t *testing.T, path string) {
	pr := &problems{origin: e.origin}
	ctx, cancel, _ := e.open(t, path, pr)
	defer cancel()
	if n, found := checkCharts(t, ctx, 10*time.Second); n == 0 || len(found) > 0 {
		t.Fatalf("self-test: %s must have charts that pass (got %d charts, problems %v)", path, n, found)
	}
	run(t, ctx, chromedp.Evaluate(`(() => {
  console.error('tiendo self-test: a console error');
  document.querySelector('main').setAttribute('style', 'color: red');  // refused by the CSP
  const box = document.querySelector('.chart-box');
  box.classList.remove('chart-ready');
  box.hidden = true;
  document.querySelector('details.chart-table tbody').textContent = '';
  const img = document.createElement('img');  // no alt: WCAG 1.1.1
  img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
  img.width = 20; img.height = 20;
  document.querySelector('main').append(img);
  const wide = document.createElement('div');  // 900 px wide: WCAG 1.4.10
  wide.style.width = '900px';
  wide.style.height = '1px';
  document.querySelector('main').append(wide);
})()`, nil))
	expect := func(what string, found []string, want string) {
		t.Helper()
		if !slices.ContainsFunc(found, func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("self-test: the %s check missed a planted fault (want a problem with %q, got %q)", what, want, found)
		}
	}
	_, found := checkCharts(t, ctx, 0)
	expect("chart", found, "not rendered")
	expect("table", checkTables(t, ctx), "no rows")
	expect("axe-core", checkAxe(t, ctx, e.axe), "image-alt")
	run(t, ctx, chromedp.EmulateViewport(360, 800))
	expect("reflow", checkReflow(t, ctx), "scrolls sideways")
	errs, _ := pr.snapshot()
	expect("console", errs, "tiendo self-test")
	expect("CSP", errs, "Content Security Policy")
	err := checkDownload(&http.Client{Timeout: 5 * time.Second}, e.origin+base+"data/no-such-series.csv")
	if err == nil {
		t.Error("self-test: the download check accepted a missing file")
	}
	pr2 := &problems{origin: e.origin}
	pr2.listen(&network.EventRequestWillBeSent{Request: &network.Request{URL: "https://cdn.example.org/echarts.js"}})
	errs, _ = pr2.snapshot()
	expect("host", errs, "another host")
}

// lockedBuffer collects Chromium's output from its own goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
