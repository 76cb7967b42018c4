package browsertest

// The checks of embeds: a chart's embed page, and that page in an <iframe>
// on another site's page.

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// hostPath is where the test server serves hostPage: another site's page
// that shows a chart with the embed code copied from under it.
const hostPath = "/host/"

var hostPage struct {
	mu   sync.Mutex
	html string
}

func serveHost(w http.ResponseWriter, r *http.Request) {
	hostPage.mu.Lock()
	defer hostPage.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(hostPage.html))
}

// checkEmbedPage checks an embed page: no site header or footer, noindex,
// and a link back to the chart's page that opens in the top window.
func checkEmbedPage(t *testing.T, ctx context.Context) []string {
	t.Helper()
	type state struct {
		Header  bool     `json:"header"`
		NoIndex bool     `json:"noindex"`
		Back    string   `json:"back"`
		Framed  []string `json:"framed"` // links that would open in the frame
	}
	s := eval[state](t, ctx, `(() => {
  const back = document.querySelector('.embed-from a[href]');
  const robots = document.querySelector('meta[name=robots]');
  return {header: !!document.querySelector('.site-header, .site-footer, nav'),
    noindex: !!robots && robots.content.includes('noindex'), back: back ? back.href : '',
    framed: Array.from(document.querySelectorAll('a[href]')).filter((a) => a.target !== '_top').map((a) => a.outerHTML.slice(0, 120))};
})()`)
	var found []string
	if s.Header {
		found = append(found, "the embed page has the site's header, footer or navigation")
	}
	if !s.NoIndex {
		found = append(found, "the embed page is not noindex")
	}
	for _, a := range s.Framed {
		found = append(found, "a link of the embed page opens in the frame, not the top window: "+a)
	}
	if s.Back == "" {
		return append(found, "the embed page has no link back to its chart's page (.embed-from a)")
	}
	resp, err := http.Get(s.Back)
	if err != nil {
		return append(found, fmt.Sprintf("the link back %s: %v", s.Back, err))
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(s.Back, base) {
		found = append(found, fmt.Sprintf("the link back %s answers HTTP %d (want 200, under %s)", s.Back, resp.StatusCode, base))
	}
	return found
}

// checkEmbedHost copies the embed code from under the first chart of the
// page from (as a reader would), puts it on another page of the test server
// (hostPath, outside the site's base path), and checks that the frame
// shows the chart of embed, drawn, with its links opening in the top
// window and under the base path. It saves screenshots of that page.
func (e *env) checkEmbedHost(t *testing.T, from, embed string) []string {
	t.Helper()
	pr := &problems{origin: e.origin}
	ctx, cancel, _ := e.open(t, from, pr)
	defer cancel()
	// The reader opens "Nhúng" under the first chart and copies the code.
	type disclosure struct {
		Code   string `json:"code"`
		Shown  bool   `json:"shown"`
		Button bool   `json:"button"`
		Status string `json:"status"`
	}
	d := eval[disclosure](t, ctx, `(async () => {
  const det = document.querySelector('figure.chart details.chart-embed');
  if (!det) return {code: '', shown: false, button: false, status: ''};
  det.querySelector('summary').click();
  await new Promise((r) => setTimeout(r, 50));
  const area = det.querySelector('textarea.embed-code');
  const b = det.querySelector('button[data-copy]');
  const visible = (el) => !!el && el.checkVisibility() && el.getBoundingClientRect().height > 0;
  return {code: area ? area.value : '', shown: visible(area), button: visible(b), status: ''};
})()`)
	if d.Button {
		// A click of the reader's (a trusted one: the clipboard wants it).
		run(t, ctx, chromedp.Click(`figure.chart details.chart-embed button[data-copy]`, chromedp.ByQuery, chromedp.NodeVisible))
		time.Sleep(300 * time.Millisecond)
		d.Status = eval[string](t, ctx, `document.querySelector('figure.chart details.chart-embed .embed-status').textContent`)
	}
	code := d.Code
	// The site is built without an origin: charts.js puts the page's in
	// front of the path, so that the code works pasted on another site.
	if want := `src="` + e.origin + base + embed + `"`; !strings.Contains(code, want) {
		return []string{fmt.Sprintf("the embed code under the first chart of %s is %q; want an <iframe> with %s", from, code, want)}
	}
	var found []string
	if !d.Shown || !d.Button {
		found = append(found, fmt.Sprintf("opening the embed disclosure shows the code: %v, its copy button: %v; want both", d.Shown, d.Button))
	}
	if d.Status == "" {
		found = append(found, "clicking the copy button says nothing (.embed-status stays empty)")
	}
	hostPage.mu.Lock()
	hostPage.html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Another site</title><link rel="icon" href="data:,"></head>` +
		`<body style="margin:0;padding:12px;font-family:sans-serif"><h1>Another site</h1><p>A newspaper's article, with a chart:</p>` + code + `<p>The article goes on.</p></body></html>`
	hostPage.mu.Unlock()
	run(t, ctx, chromedp.Navigate(e.origin+hostPath))
	type state struct {
		Ready   bool     `json:"ready"`
		Links   int      `json:"links"`
		Framed  []string `json:"framed"`
		Outside []string `json:"outside"`
	}
	js := `(() => {
  const f = document.querySelector('iframe');
  const d = f && f.contentDocument;
  if (!d || d.readyState !== 'complete') return {ready: false, links: 0, framed: [], outside: []};
  const links = Array.from(d.querySelectorAll('a[href]'));
  return {ready: !!d.querySelector('.chart-box.chart-ready canvas'), links: links.length,
    framed: links.filter((a) => a.target !== '_top').map((a) => a.href),
    outside: links.filter((a) => !new URL(a.href).pathname.startsWith(` + mustJSON(base) + `)).map((a) => a.href)};
})()`
	var s state
	deadline := time.Now().Add(10 * time.Second)
	for {
		s = eval[state](t, ctx, js)
		if s.Ready || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if !s.Ready {
		found = append(found, "the chart is not drawn in the <iframe> of the embed code")
	}
	if s.Links == 0 {
		found = append(found, "the embedded chart has no links (sources, the page it comes from)")
	}
	for _, h := range s.Framed {
		found = append(found, "in the frame, a link opens in the frame, not the top window: "+h)
	}
	for _, h := range s.Outside {
		found = append(found, "in the frame, a link leads outside the base path "+base+": "+h)
	}
	for _, w := range widths {
		run(t, ctx, chromedp.EmulateViewport(w, 800))
		time.Sleep(1200 * time.Millisecond) // the frame redraws its chart at the new width
		var png []byte
		run(t, ctx, chromedp.FullScreenshot(&png, 100))
		file := filepath.Join(e.shots, fmt.Sprintf("embed-host-%d.png", w))
		if err := os.WriteFile(file, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s", file)
	}
	errs, _ := pr.snapshot()
	for _, err := range errs {
		found = append(found, err)
	}
	return found
}
