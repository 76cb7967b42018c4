package lighthousetest

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tiendo/tiendo/generator/build"
	"github.com/tiendo/tiendo/generator/internal/tools"
	"github.com/tiendo/tiendo/generator/metrics"
	"github.com/tiendo/tiendo/generator/site"
)

// base is the sub-path the site is built for and served under, as a
// GitHub Pages project site.
const base = "/tiendo/"

// root is the repository root, seen from this package's directory.
const root = "../.."

// The least scores a page may have, out of 100.
const (
	minPerformance   = 95
	minAccessibility = 100
)

// retries is how many more runs a page below minPerformance gets.
const retries = 2

// lighthouseCLI returns node and the path of Lighthouse's command line.
func lighthouseCLI(t *testing.T) (node, cli string) {
	node, err := exec.LookPath("node")
	if err != nil {
		tools.Missing(t, "LIGHTHOUSE TEST", "Node.js not found (Debian: apt-get install -y nodejs npm)")
	}
	cli = os.Getenv("LIGHTHOUSE_CLI")
	if cli == "" {
		cli = filepath.Join(root, ".ci", "node_modules", "lighthouse", "cli", "index.js")
	}
	if _, err := os.Stat(cli); err != nil {
		tools.Missing(t, "LIGHTHOUSE TEST", "Lighthouse not found: %v (npm install --prefix .ci lighthouse@12.2.3, or set LIGHTHOUSE_CLI)", err)
	}
	abs, err := filepath.Abs(cli)
	if err != nil {
		t.Fatal(err)
	}
	return node, abs
}

func reportDir(t *testing.T) string {
	dir := os.Getenv("TIENDO_LIGHTHOUSE")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "tiendo-lighthouse")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// target is one page Lighthouse scores.
type target struct {
	name string // subtest and report name
	path string // site-relative, without the base
}

// targets picks one page of each kind from the site's own content.
func targets(t *testing.T) []target {
	s, errs := build.Load(os.DirFS(root), build.Options{BaseURL: base})
	if errs.Err() != nil {
		t.Fatalf("loading the site: %v", errs)
	}
	vi := s.Lang("vi")
	// The report with the most chart blocks: the heaviest page to draw.
	var report string
	most := 0
	for _, p := range s.Pages {
		if p.Lang != "vi" || p.Section != "reports" {
			continue
		}
		if n := bytes.Count(p.Body, []byte("```chart")); n > most {
			report, most = site.Page(vi, p.Section, p.Slug), n
		}
	}
	if report == "" {
		t.Fatal("no Vietnamese report with a chart to score")
	}
	// The metric with the most points.
	var metric *metrics.Series
	for _, se := range s.Data.Series {
		if metric == nil || len(se.Points) > len(metric.Points) {
			metric = se
		}
	}
	if metric == nil || len(metric.Points) == 0 {
		t.Fatal("no metric with points to score")
	}
	// A note, or, on a site without notes (this one has none), a page of
	// the pages section: the same template with no chart.
	var note string
	for _, sec := range []string{"notes", "pages"} {
		for _, p := range s.Pages {
			if note == "" && p.Lang == "vi" && p.Section == sec {
				note = site.Page(vi, p.Section, p.Slug)
			}
		}
	}
	if note == "" {
		t.Fatal("no Vietnamese note or page to score")
	}
	var source string
	for _, src := range s.Data.Sources {
		if src.Document != "" {
			source = site.Source(vi, src.ID)
			break
		}
	}
	if source == "" {
		t.Fatal("no source with an archived document to score")
	}
	t.Logf("report: %s (%d charts); note: %s; metric: %s", report, most, note, metric.ID)
	return []target{
		{"home", site.Home(vi)},
		{"report", report},
		{"note", note},
		{"metric", site.Metric(vi, metric.ID)},
		{"metrics", site.MetricsIndex(vi)},
		{"commitments", site.Commitments(vi)},
		{"search", site.Search(vi)},
		{"source-document", source},
		{"embed", site.EmbedMetric(vi, metric.ID)},
	}
}

func TestLighthouse(t *testing.T) {
	if testing.Short() && !tools.Required() {
		t.Skip("Lighthouse skipped in -short mode")
	}
	chromium := tools.Chromium(t, "LIGHTHOUSE TEST")
	node, cli := lighthouseCLI(t)
	reports := reportDir(t)
	pages := targets(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(os.DirFS(root), out, build.Options{BaseURL: base}); err != nil {
		t.Fatalf("building the site: %v", err)
	}
	origin := serve(t, out)
	t.Logf("site served gzipped at %s%s; Lighthouse reports in %s", origin, base, reports)

	var summary []string
	for _, tg := range pages {
		t.Run(tg.name, func(t *testing.T) {
			url := origin + base + tg.path
			var runs []*result
			for i := 0; i <= retries; i++ {
				file := filepath.Join(reports, tg.name+".json")
				if i > 0 {
					file = filepath.Join(reports, fmt.Sprintf("%s-%d.json", tg.name, i+1))
					time.Sleep(3 * time.Second) // let whatever else runs here settle
				}
				r := lighthouse(t, node, cli, chromium, url, file)
				runs = append(runs, r)
				t.Logf("run %d: %s; load average %s", i+1, r.line(), loadAverage())
				if r.performance() >= minPerformance {
					break
				}
			}
			best := slices.MaxFunc(runs, func(a, b *result) int { return a.performance() - b.performance() })
			first := runs[0]
			summary = append(summary, fmt.Sprintf("%-16s %s", tg.name, best.line()))
			if p := best.performance(); p < minPerformance {
				t.Errorf("%s: performance %d < %d (best of %d runs); worst audits:\n\t%s",
					tg.path, p, minPerformance, len(runs), strings.Join(best.worst("performance", 6), "\n\t"))
			}
			if a := first.accessibility(); a < minAccessibility {
				t.Errorf("%s: accessibility %d < %d; failing audits:\n\t%s",
					tg.path, a, minAccessibility, strings.Join(first.worst("accessibility", 10), "\n\t"))
			}
		})
	}
	t.Logf("Lighthouse (mobile) scores:\n\t%s", strings.Join(summary, "\n\t"))
}

// loadAverage is the machine's load average over the last minute, which
// says whether a low performance score may be the machine's rather than
// the page's.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "unknown"
}

// lighthouse runs Lighthouse's command line on url, keeps its JSON report in
// file and returns it.
func lighthouse(t *testing.T, node, cli, chromium, url, file string) *result {
	t.Helper()
	cmd := exec.Command(node, cli, url,
		"--output=json", "--output-path="+file, "--quiet",
		"--only-categories=performance,accessibility",
		"--max-wait-for-load=30000",
		"--form-factor=mobile", "--throttling-method=simulate", // the defaults, said

		// Without the networking flags Chromium tries to reach Google's
		// servers, which a closed network refuses.
		"--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --disable-background-networking --disable-component-update --disable-sync --disable-extensions --lang=vi-VN")
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("lighthouse %s: %v\n%s", url, err, out)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	r := &result{took: time.Since(start)}
	if err := json.Unmarshal(b, r); err != nil {
		t.Fatalf("lighthouse %s: reading its report: %v", url, err)
	}
	if r.RuntimeError != nil && r.RuntimeError.Code != "" {
		t.Fatalf("lighthouse %s: %s: %s", url, r.RuntimeError.Code, r.RuntimeError.Message)
	}
	if r.Categories["performance"].Score == nil || r.Categories["accessibility"].Score == nil {
		t.Fatalf("lighthouse %s: no score (see %s)", url, file)
	}
	return r
}

// result is what the test reads of a Lighthouse report.
type result struct {
	Categories map[string]struct {
		Score     *float64 `json:"score"`
		AuditRefs []struct {
			ID     string  `json:"id"`
			Weight float64 `json:"weight"`
		} `json:"auditRefs"`
	} `json:"categories"`
	Audits map[string]struct {
		Title        string   `json:"title"`
		Score        *float64 `json:"score"`
		Mode         string   `json:"scoreDisplayMode"`
		DisplayValue string   `json:"displayValue"`
	} `json:"audits"`
	RuntimeError *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"runtimeError"`
	took time.Duration
}

func (r *result) score(cat string) int {
	if s := r.Categories[cat].Score; s != nil {
		return int(*s*100 + 0.5)
	}
	return 0
}

func (r *result) performance() int   { return r.score("performance") }
func (r *result) accessibility() int { return r.score("accessibility") }

// line is the scores and the metrics, on one line.
func (r *result) line() string {
	m := func(id string) string { return strings.ReplaceAll(r.Audits[id].DisplayValue, "\u00a0", " ") }
	return fmt.Sprintf("performance %3d, accessibility %3d (FCP %s, LCP %s, TBT %s, CLS %s, SI %s; %.0f s)",
		r.performance(), r.accessibility(), m("first-contentful-paint"), m("largest-contentful-paint"),
		m("total-blocking-time"), m("cumulative-layout-shift"), m("speed-index"), r.took.Seconds())
}

// worst lists the audits of a category that lost it points (for
// performance, its metrics below full marks, heaviest first; then its other
// failed audits, which carry no weight but say why).
func (r *result) worst(cat string, n int) []string {
	type bad struct {
		id     string
		score  float64
		weight float64
	}
	var list []bad
	for _, ref := range r.Categories[cat].AuditRefs {
		a, ok := r.Audits[ref.ID]
		if !ok || a.Score == nil || *a.Score >= 0.9 && (ref.Weight > 0 || *a.Score >= 1) {
			continue
		}
		if a.Mode == "notApplicable" || a.Mode == "manual" || a.Mode == "informative" {
			continue
		}
		list = append(list, bad{ref.ID, *a.Score, ref.Weight})
	}
	sort.SliceStable(list, func(i, j int) bool {
		li, lj := (1-list[i].score)*list[i].weight, (1-list[j].score)*list[j].weight
		if li != lj {
			return li > lj
		}
		return list[i].score < list[j].score
	})
	var out []string
	for i, b := range list {
		if i == n {
			out = append(out, fmt.Sprintf("… and %d more", len(list)-n))
			break
		}
		a := r.Audits[b.id]
		s := fmt.Sprintf("%s (score %.2f, weight %g): %s", b.id, b.score, b.weight, a.Title)
		if a.DisplayValue != "" {
			s += " — " + strings.ReplaceAll(a.DisplayValue, "\u00a0", " ")
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		out = append(out, "(no failed audit)")
	}
	return out
}

// serve serves dir under base on 127.0.0.1 as GitHub Pages would: text
// gzipped when the browser accepts it, Cache-Control: max-age=600, a
// missing file 404.html with status 404.
func serve(t *testing.T, dir string) string {
	var mu sync.Mutex
	gz := map[string][]byte{} // file → its gzipped bytes
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel := strings.TrimPrefix(filepath.Clean("/"+strings.TrimPrefix(r.URL.Path, base)), "/")
		name := filepath.Join(dir, filepath.FromSlash(rel))
		status := http.StatusOK
		if fi, err := os.Stat(name); err == nil && fi.IsDir() {
			if !strings.HasSuffix(r.URL.Path, "/") {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
			name = filepath.Join(name, "index.html")
		}
		body, err := os.ReadFile(name)
		if err != nil {
			name = filepath.Join(dir, "404.html")
			body, _ = os.ReadFile(name)
			status = http.StatusNotFound
		}
		ct := mime.TypeByExtension(filepath.Ext(name))
		switch filepath.Ext(name) {
		case ".html":
			ct = "text/html; charset=utf-8"
		case ".js":
			ct = "application/javascript; charset=utf-8"
		case ".css":
			ct = "text/css; charset=utf-8"
		case ".json":
			ct = "application/json; charset=utf-8"
		case ".svg":
			ct = "image/svg+xml"
		case ".csv":
			ct = "text/csv; charset=utf-8"
		}
		if ct == "" {
			ct = "application/octet-stream"
		}
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Cache-Control", "max-age=600")
		compressible := strings.HasPrefix(ct, "text/") || strings.Contains(ct, "javascript") || strings.Contains(ct, "json") || strings.Contains(ct, "svg") || strings.Contains(ct, "xml")
		if compressible && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			mu.Lock()
			z, ok := gz[name]
			if !ok {
				var b bytes.Buffer
				zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
				zw.Write(body)
				zw.Close()
				z = b.Bytes()
				gz[name] = z
			}
			mu.Unlock()
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Vary", "Accept-Encoding")
			body = z
		}
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
	})
	mux := http.NewServeMux()
	mux.Handle(base, h)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}
