package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden converts testdata/*.md (as if after 2 lines of front matter)
// and compares everything returned with testdata/*.golden.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.md")
	if err != nil || len(files) == 0 {
		t.Fatal("no testdata", err)
	}
	c := New(Options{BasePath: "/tiendo/"})
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got := dump(c.Convert(filepath.ToSlash(file), 2, src, figure))
			golden := strings.TrimSuffix(file, ".md") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the output; inspect with go test -update and git diff:\n%s", golden, got)
			}
		})
	}
}

func dump(res Result, err error) []byte {
	var b bytes.Buffer
	b.WriteString("-- html --\n")
	b.Write(res.HTML)
	b.WriteString("-- headings --\n")
	for _, h := range res.Headings {
		fmt.Fprintf(&b, "h%d #%s %s\n", h.Level, h.ID, h.Text)
	}
	b.WriteString("-- charts --\n")
	for _, c := range res.Charts {
		fmt.Fprintf(&b, "%s #%d metrics=%q title=%q type=%q from=%q to=%q\n", c.Pos, c.Index, c.Metrics, c.Title, c.Type, c.From, c.To)
	}
	b.WriteString("-- links --\n")
	for _, l := range res.Links {
		fmt.Fprintf(&b, "%s %s\n", l.Pos, l.Dest)
	}
	fmt.Fprintf(&b, "-- text (%d words) --\n%s\n", len(strings.Fields(res.Text)), res.Text)
	b.WriteString("-- errors --\n")
	if err != nil {
		b.WriteString(err.Error() + "\n")
	}
	return b.Bytes()
}
