package build_test

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/generator/build"
)

// isEmbed reports whether an output file is a chart's embed page.
func isEmbed(name string) bool {
	return strings.HasPrefix(name, "embed/") || strings.HasPrefix(name, "en/embed/")
}

var (
	embedCodeRe = regexp.MustCompile(`(?s)<textarea id="[^"]+-embed"[^>]*>(.*?)</textarea>`)
	iframeSrcRe = regexp.MustCompile(`<iframe src="([^"]+)"`)
	sourcesRe   = regexp.MustCompile(`(?s)<p class="chart-sources">(.*?)</p>`)
	anchorRe    = regexp.MustCompile(`<a [^>]*>`)
	fromRe      = regexp.MustCompile(`<p class="embed-from"><a href="([^"]+)" target="_top">`)
	figureIDRe  = regexp.MustCompile(`<figure class="chart(?: map)?" id="([^"]+)"`)
	// A chart's or a map's figure, and its payload.
	anyFigureRe = regexp.MustCompile(`(?s)<figure class="chart(?: map)?"[^>]*>.*?</figure>`)
	payloadRe   = regexp.MustCompile(`(?s)<script type="application/json" data-(?:chart|map)="([^"]+)">(.*?)</script>`)
)

// TestEmbeds checks every chart's embed page against the chart on its
// page: the figure offers the <iframe> code of an embed page that exists,
// under the base path (absolute with an origin); the embed page draws the
// same JSON, cites the same sources, links back to the figure, opens every
// link in the top window, has no header or footer, and is noindex and left
// out of the sitemap.
func TestEmbeds(t *testing.T) {
	for _, c := range []struct{ base, prefix string }{
		{"/tiendo/", "/tiendo/"},
		{"https://example.github.io/tiendo/", "https://example.github.io/tiendo/"},
	} {
		t.Run(c.base, func(t *testing.T) {
			out := render(t, fixture(t), build.Options{BaseURL: c.base})
			embeds := checkEmbeds(t, out, c.prefix)
			// 3 metrics and 2 report charts, in two languages.
			if len(embeds) != 2*(3+2) {
				t.Errorf("%d embed pages, want 10", len(embeds))
			}
		})
	}
}

// checkEmbeds checks that every chart of out's pages offers the code of an
// embed page of its own, that every embed page is offered by a chart, and
// each against its chart (checkEmbed); it returns the embed pages.
func checkEmbeds(t *testing.T, out map[string][]byte, prefix string) map[string]bool {
	t.Helper()
	embeds := map[string]bool{}
	for name := range out {
		if isEmbed(name) {
			embeds[name] = false
		}
	}
	for _, name := range sortedKeys(out) {
		if !strings.HasSuffix(name, ".html") || isEmbed(name) {
			continue
		}
		page := string(out[name])
		for _, fig := range anyFigureRe.FindAllString(page, -1) {
			figID := figureIDRe.FindStringSubmatch(fig)
			code := embedCodeRe.FindStringSubmatch(fig)
			if figID == nil || code == nil {
				t.Errorf("%s: a chart without its embed code", name)
				continue
			}
			src := iframeSrcRe.FindStringSubmatch(html.UnescapeString(code[1]))
			if src == nil || !strings.HasPrefix(src[1], prefix) {
				t.Errorf("%s#%s: embed code %q: want an <iframe src=%q…>", name, figID[1], code[1], prefix)
				continue
			}
			file := strings.TrimPrefix(html.UnescapeString(src[1]), prefix) + "index.html"
			done, ok := embeds[file]
			if !ok {
				t.Errorf("%s#%s: the embed code names %s, which is not built", name, figID[1], file)
				continue
			}
			if done {
				t.Errorf("%s: two charts name the same embed page", file)
			}
			embeds[file] = true
			checkEmbed(t, file, string(out[file]), name, figID[1], fig)
		}
	}
	for file, done := range embeds {
		if !done {
			t.Errorf("%s: no chart offers this embed page", file)
		}
	}
	if strings.Contains(string(out["sitemap.xml"]), "/embed/") {
		t.Error("the sitemap lists embed pages, which are noindex")
	}
	return embeds
}

// checkEmbed compares an embed page with the figure fig of the page in file
// from.
func checkEmbed(t *testing.T, file, embed, from, figID, fig string) {
	t.Helper()
	want, got := payloadRe.FindStringSubmatch(fig), payloadRe.FindStringSubmatch(embed)
	if want == nil || got == nil || want[1] != got[1] || want[2] != got[2] {
		t.Errorf("%s: its chart is not the chart #%s of %s", file, figID, from)
	}
	ws, gs := sourcesRe.FindStringSubmatch(fig), sourcesRe.FindStringSubmatch(embed)
	if ws == nil || gs == nil || strings.ReplaceAll(gs[1], ` target="_top"`, "") != ws[1] {
		t.Errorf("%s: its sources are not those of chart #%s of %s:\n%v\n%v", file, figID, from, gs, ws)
	}
	back := fromRe.FindStringSubmatch(embed)
	wantBack := "/" + strings.TrimSuffix(from, "index.html") + "#" + figID
	if back == nil || !strings.HasSuffix(back[1], wantBack) {
		t.Errorf("%s: links back to %v, want …%s", file, back, wantBack)
	}
	for _, a := range anchorRe.FindAllString(embed, -1) {
		if !strings.Contains(a, ` target="_top"`) {
			t.Errorf("%s: %s opens in the frame, not the top window", file, a)
		}
	}
	for _, want := range []string{`<meta name="robots" content="noindex">`, `<h1 class="chart-title"`, `data-echarts="`} {
		if !strings.Contains(embed, want) {
			t.Errorf("%s: no %s", file, want)
		}
	}
	for _, no := range []string{"site-header", "site-footer", `rel="canonical"`} {
		if strings.Contains(embed, no) {
			t.Errorf("%s: has %s", file, no)
		}
	}
}
