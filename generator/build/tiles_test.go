package build_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/generator/build"
)

// A series with sub-series is one tile on the home page and the metrics
// index, its lines inside it in the order its file declares them; its own
// page has a tile per line.
func TestOneTilePerSeries(t *testing.T) {
	out := render(t, fixture(t), build.Options{})
	title := `<a href="/metrics/online-records-share/">`
	line := regexp.MustCompile(`<h4 class="tile-line-name">([^<]+)</h4>`)
	for _, page := range []string{"index.html", "metrics/index.html"} {
		h := string(out[page])
		if n := strings.Count(h, title); n != 1 {
			t.Errorf("%s: %d tiles of online-records-share, want 1", page, n)
		}
		i := strings.Index(h, title)
		if i < 0 {
			continue
		}
		tile := h[i:]
		tile = tile[:strings.Index(tile, "</article>")]
		var names []string
		for _, m := range line.FindAllStringSubmatch(tile, -1) {
			names = append(names, m[1])
		}
		if got := strings.Join(names, ", "); got != "Cả nước, Bộ, ngành, Địa phương" {
			t.Errorf("%s: the tile's lines are %q", page, got)
		}
	}
	if n := strings.Count(string(out[metricVI]), `<h3 class="tile-title">`); n != 3 {
		t.Errorf("the metric page has %d tiles, want one per line (3)", n)
	}
}

// Progress is shown as the value against the target, with the figure it
// is measured from, never as a bare share of the way.
func TestProgressAgainstTarget(t *testing.T) {
	out := render(t, fixture(t), build.Options{})
	for _, c := range []struct{ page, want string }{
		{metricVI, `<label>42% / mục tiêu 100% (2025), từ 17% tính đến 31/12/2023<progress`},
		{"en/metrics/online-records-share/index.html", `<label>42% / target 100% (2025), from 17% as of 31 December 2023<progress`},
	} {
		h := string(out[c.page])
		if !strings.Contains(h, c.want) {
			t.Errorf("%s: no %s", c.page, c.want)
		}
		if strings.Contains(h, "Tiến độ tới mục tiêu") || strings.Contains(h, "Progress to target") {
			t.Errorf("%s: a bare progress percentage", c.page)
		}
	}
}
