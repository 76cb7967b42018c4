package markdown

import (
	"io"
	"os"
	"testing"
)

// BenchmarkConvert converts a 1,500-word Vietnamese report with headings,
// lists, two tables, a chart, links and a footnote.
func BenchmarkConvert(b *testing.B) {
	src, err := os.ReadFile("testdata/note.md")
	if err != nil {
		b.Fatal(err)
	}
	c := New(Options{BasePath: "/tiendo/"})
	chart := func(w io.Writer, _ Chart) error {
		_, err := io.WriteString(w, "<figure></figure>\n")
		return err
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Convert("note.md", 8, src, chart); err != nil {
			b.Fatal(err)
		}
	}
}
