package browsertest

// The checks of fast pages: charts drawn only as they near the viewport,
// no layout shift as they are, and their figures without scripts.

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// checkLazy reports a page that drew all its charts, or loaded ECharts,
// before the reader came near them: the page is open at its top and the
// last chart is far below.
func checkLazy(t *testing.T, ctx context.Context) []string {
	t.Helper()
	type state struct {
		Charts    int     `json:"charts"`
		Ready     int     `json:"ready"`
		LastReady bool    `json:"lastReady"`
		LastTop   float64 `json:"lastTop"`
		View      float64 `json:"view"`
		ECharts   bool    `json:"echarts"`
		Near      bool    `json:"near"`
	}
	// Wait for the charts near the top, if any, to be drawn.
	time.Sleep(1500 * time.Millisecond)
	s := eval[state](t, ctx, `(() => {
  const boxes = document.querySelectorAll('.chart-box');
  const last = boxes[boxes.length - 1];
  const view = window.innerHeight;
  return {charts: boxes.length, ready: document.querySelectorAll('.chart-box.chart-ready').length,
    lastReady: !!last && last.classList.contains('chart-ready'), lastTop: last ? last.getBoundingClientRect().top : 0,
    view: view, echarts: !!window.echarts,
    near: Array.prototype.some.call(boxes, (b) => b.getBoundingClientRect().top < view + 320)};
})()`)
	t.Logf("before scrolling: %d of %d charts drawn; ECharts loaded: %v", s.Ready, s.Charts, s.ECharts)
	var found []string
	if s.Charts < 2 || s.LastTop < 2*s.View {
		return []string{fmt.Sprintf("the lazy-drawing check needs a page whose last chart is far below its top (%d charts, the last at %.0f px)", s.Charts, s.LastTop)}
	}
	if s.LastReady {
		found = append(found, fmt.Sprintf("the last chart, %.0f px down, is drawn before the reader scrolls to it", s.LastTop))
	}
	if !s.Near && s.ECharts {
		found = append(found, "ECharts is loaded although no chart is near the viewport")
	}
	return found
}

// checkShift reports the layout shifts of the page so far (the scrolling
// through its charts included), as Cumulative Layout Shift adds them up.
func checkShift(t *testing.T, ctx context.Context) []string {
	t.Helper()
	type shift struct {
		Total   float64  `json:"total"`
		Sources []string `json:"sources"`
	}
	s := eval[shift](t, ctx, `new Promise((resolve) => {
  const out = {total: 0, sources: []};
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      out.total += e.value;
      for (const src of e.sources || []) {
        const n = src.node;
        if (n && n.nodeType === 1 && out.sources.length < 6) out.sources.push(n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.className ? '.' + String(n.className).split(' ').join('.') : ''));
      }
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(out), 100);
})`)
	t.Logf("layout shift: %.4f", s.Total)
	if s.Total > 0.01 {
		return []string{fmt.Sprintf("the page shifts as it loads and its charts are drawn (layout shift %.3f, want ≤ 0.01): %s", s.Total, strings.Join(s.Sources, ", "))}
	}
	return nil
}

// checkNoScript loads a page with scripts disabled, as a reader without
// JavaScript gets it: no chart's box shows (nothing would draw in it), and
// every chart's data table opens from its summary.
func (e *env) checkNoScript(t *testing.T, path string) []string {
	t.Helper()
	tab, cancelTab := chromedp.NewContext(e.browser)
	defer cancelTab()
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	run(t, ctx, emulation.SetScriptExecutionDisabled(true), chromedp.EmulateViewport(360, 800),
		chromedp.Navigate(e.origin+base+path))
	type state struct {
		Figures int      `json:"figures"`
		Found   []string `json:"found"`
	}
	s := eval[state](t, ctx, `(() => {
  const out = {figures: 0, found: []};
  const shown = (el) => !!el && el.getBoundingClientRect().height > 0;
  document.querySelectorAll('figure.chart').forEach((fig) => {
    out.figures++;
    const box = fig.querySelector('.chart-box');
    if (shown(box)) out.found.push(fig.id + ': an empty chart box shows');
    const det = fig.querySelector('details.chart-table');
    const sum = det && det.querySelector('summary');
    if (!shown(sum)) { out.found.push(fig.id + ': no data table to open'); return; }
    sum.click();
    if (!shown(det.querySelector('table'))) out.found.push(fig.id + ': its summary does not open its data table');
  });
  return out;
})()`)
	t.Logf("without scripts: %d charts, each with its data table: %v", s.Figures, len(s.Found) == 0)
	if s.Figures == 0 {
		return []string{"without scripts: the page has no chart"}
	}
	return s.Found
}
