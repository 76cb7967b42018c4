package hostile

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/markdown"
)

// FuzzChartBlock fuzzes the body of a ```chart block (package markdown has
// FuzzConvert for whole pages; this one spends its time inside the block's
// TOML): no panic, every problem located inside the page, a valid chart has
// series and a known type, and nothing the block says becomes markup.
func FuzzChartBlock(f *testing.F) {
	for _, s := range []string{
		"metrics = [\"egdi-rank\"]",
		"metrics = [\"egdi-rank\", \"gci-rank\"]\ntitle = \"Xếp hạng\"\ntype = \"line\"\nfrom = 2020\nto = \"2024-H1\"",
		"metrics = [\"a\"]\nfrom = 2024-06-30\nto = 2024-07-01T10:00:00",
		"metrics = []",
		"metrics = [1, \"a\"]",
		"metrics = \"egdi-rank\"",
		"title = \"</script><script>alert(1)</script>\"\nmetrics = [\"x\"]",
		"metrics = [\"x\"]\n[extra]\nk = 1",
		"metrics = [\"x\"]\ntype = \"pie\"\ncolour = \"red\"",
		"metrics = [\"x\"\n",
		"\"metrics\" = ['x']\n'title' = '''a\nb'''",
		"metrics.x = 1",
		"```",
		"\t metrics = [\"x\"]  # comment",
	} {
		f.Add(s, "```")
		f.Add(s, "~~~~")
	}
	c := markdown.New(markdown.Options{BasePath: "/tiendo/"})
	figure := func(w io.Writer, ch markdown.Chart) error {
		_, err := fmt.Fprintf(w, "<figure data-metrics=\"%s\"><figcaption>%s</figcaption></figure>\n",
			html.EscapeString(strings.Join(ch.Metrics, " ")), html.EscapeString(ch.Title))
		return err
	}
	f.Fuzz(func(t *testing.T, body, fence string) {
		if fence != "```" && fence != "~~~~" {
			fence = "```"
		}
		const off = 5 // lines of front matter before the body
		src := "Đoạn mở đầu.\n\n" + fence + "chart\n" + body + "\n" + fence + "\n\nĐoạn cuối.\n"
		res, err := c.Convert("content/reports/r.md", off, []byte(src), figure)
		lines := off + strings.Count(src, "\n") + 1
		var list diag.List
		list.Append(err)
		for _, e := range list {
			if e.Pos.File != "content/reports/r.md" || e.Pos.Line <= off || e.Pos.Line > lines || e.Pos.Col < 1 {
				t.Errorf("problem outside the page (lines %d–%d) or without a column: %v", off+1, lines, e)
			}
		}
		for _, ch := range res.Charts {
			if len(ch.Metrics) == 0 {
				t.Errorf("a chart without series passed: %+v", ch)
			}
			if ch.Type != "" && ch.Type != "line" && ch.Type != "bar" {
				t.Errorf("a chart of unknown type passed: %+v", ch)
			}
			if ch.Pos.Line <= off || ch.Pos.Line > lines {
				t.Errorf("chart position %v outside the page", ch.Pos)
			}
		}
		low := bytes.ToLower(res.HTML)
		for _, bad := range []string{"<script", "<img", "<svg", "<iframe", " onerror", " onload", "javascript:"} {
			if bytes.Contains(low, []byte(bad)) {
				t.Errorf("%q in the output:\n%s", bad, res.HTML)
			}
		}
	})
}
