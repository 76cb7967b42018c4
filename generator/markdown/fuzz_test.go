package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func FuzzConvert(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.md")
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte("-\tMục\n\n\t```chart\n\tmetrics = [1]\n\ttitle = \"x\" y\n\t```\n"))
	f.Add([]byte("> ```chart\n> metrics = [\"a\"\n"))
	f.Add([]byte("## A {#a}\n## A\n## {#a}\n[x]( /a/ ) <b@c.vn> [](javascript:x)\n"))
	c := New(Options{BasePath: "/b/"})
	f.Fuzz(func(t *testing.T, src []byte) {
		const off = 2
		res, err := c.Convert("f.md", off, src, figure)
		if bytes.Contains(bytes.ToLower(res.HTML), []byte("<script")) {
			t.Errorf("<script> in output:\n%s", res.HTML)
		}
		lines := off + bytes.Count(src, []byte("\n")) + 1
		check := func(line, col int) {
			if line <= off || line > lines || col < 1 {
				t.Errorf("position %d:%d outside the page (lines %d-%d)", line, col, off+1, lines)
			}
		}
		for _, l := range res.Links {
			check(l.Pos.Line, l.Pos.Col)
		}
		for _, c := range res.Charts {
			check(c.Pos.Line, c.Pos.Col)
		}
		for _, e := range errorLines(err) {
			if !bytes.HasPrefix([]byte(e), []byte("f.md:")) {
				t.Errorf("error without position: %s", e)
			}
		}
	})
}
