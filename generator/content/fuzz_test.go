package content

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedPages adds the repository's own pages and a few awkward ones.
func seedPages(f *testing.F) {
	files, _ := filepath.Glob("../../content/*/*.md")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"+++\ntitle = \"x\"\ndate = 2024-07-10\n+++\nbody\n",
		"\ufeff+++\r\ntitle = \"x\"\r\n+++\r\n",
		"+++\n+++",
		"+++   \n+++\t\n",
		"+++\ntitle = \"\"\"\n+++\n\"\"\"\n+++\n",
		"+++\n[[sources]]\n+++\n",
		"+++\ntitle = 1\ndate = \"2024-13-01\"\n+++\n",
		"+++",
		"",
		"++\n",
		"+++\ntitle = \"x\"\n",
	} {
		f.Add([]byte(s))
	}
}

// FuzzSplit: Split either reports a located error or returns front matter
// and body that are the file's own bytes, with the body's line number right.
func FuzzSplit(f *testing.F) {
	seedPages(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		front, body, bodyLine, err := Split("p.md", data)
		if err != nil {
			if err.Pos.File != "p.md" || err.Pos.Line != 1 || err.Pos.Col != 1 || err.Msg == "" {
				t.Errorf("error not located at p.md:1:1: %v", err)
			}
			return
		}
		src := bytes.TrimPrefix(data, []byte("\ufeff"))
		if !bytes.HasSuffix(src, body) {
			t.Fatalf("body is not the end of the file")
		}
		head := src[:len(src)-len(body)]
		if len(body) > 0 && bytes.Count(head, []byte("\n")) != bodyLine {
			t.Errorf("bodyLine = %d, but %d lines come before the body", bodyLine, bytes.Count(head, []byte("\n")))
		}
		if bodyLine < 2 {
			t.Errorf("bodyLine = %d: the body starts after two delimiter lines", bodyLine)
		}
		if !bytes.Contains(head, front) {
			t.Errorf("front matter is not inside the head of the file")
		}
		for _, l := range strings.Split(string(front), "\n") {
			if strings.TrimRight(l, " \t\r") == Delim {
				t.Errorf("front matter contains a delimiter line: %q", front)
			}
		}
	})
}

// FuzzParsePage: any file either parses or gives problems located inside
// it, as file:line:col.
func FuzzParsePage(f *testing.F) {
	seedPages(f)
	const name = "content/notes/ghi-chu.md"
	f.Fuzz(func(t *testing.T, data []byte) {
		p, errs := ParsePage(name, data)
		if p == nil {
			t.Fatal("nil page")
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, e := range errs {
			if e.Pos.File != name || e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 1 {
				t.Errorf("problem not located in the file (%d lines) as file:line:col: %v", lines, e)
			}
		}
		if errs.Err() == nil {
			if strings.TrimSpace(p.Title) == "" || p.Date.IsZero() {
				t.Errorf("a note without title or date passed: %+v", p)
			}
			if p.BodyLine < 2 || p.BodyLine > lines {
				t.Errorf("BodyLine %d outside the file (%d lines)", p.BodyLine, lines)
			}
		}
	})
}
