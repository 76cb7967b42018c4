package tomlfile

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzDoc has the shapes editors' files have: scalars, lists, a table and
// arrays of tables with nested values.
type fuzzDoc struct {
	Title  string         `toml:"title"`
	N      *float64       `toml:"n"`
	Tags   []string       `toml:"tags"`
	Table  map[string]int `toml:"table"`
	Points []struct {
		Period string   `toml:"period"`
		Value  *float64 `toml:"value"`
		Inner  []struct {
			K int `toml:"k"`
		} `toml:"inner"`
	} `toml:"points"`
}

// FuzzDecode: decoding any text reports every problem inside the text's
// lines (after the offset) with a column, and Pos never panics.
func FuzzDecode(f *testing.F) {
	for _, glob := range []string{"../../content/*.toml", "../../content/metrics/*.toml", "../../content/commitments/*.toml", "../../templates/i18n/*.toml"} {
		files, _ := filepath.Glob(glob)
		for i, file := range files {
			if i > 5 {
				break
			}
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data, 0)
			}
		}
	}
	for _, s := range []string{
		"title = \"x\"\nn = 1\ntags = [\"a\", \"b\"]\n[table]\na = 1\n[[points]]\nperiod = \"2024\"\nvalue = 2\n[[points.inner]]\nk = 1\n",
		"[[points]]\nvalue = \"x\"\n[[points]]\nvalue = 1\n",
		"[[points]]\nvalue = 1\n[[points]]\nvalue = \"x\"\n[[points]]\nvalue = 2\n",
		"title = \"\"\"\nmulti\n\"\"\"\nn = [\n1,\n]\n",
		"points = [{value = \"x\"}]\n",
		"[table]\na = \"x\"\n",
		"unknown = 1\n[[points]]\nvalu = 1\n[[points]]\nvalu = 2\n",
		"title = 'x\n",
		"[[points]]\n[points.inner]\n",
		"tags = " + strings.Repeat("[", 40) + "\n",
		"table = " + strings.Repeat("{a = ", 40) + "1\n",
		strings.Repeat("a.", 40) + "b = 1\n",
	} {
		f.Add([]byte(s), 3)
	}
	f.Fuzz(func(t *testing.T, data []byte, offset int) {
		if offset < 0 || offset > 1000 {
			return
		}
		var v fuzzDoc
		file, errs := Decode("f.toml", data, offset, &v)
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, e := range errs {
			if e.Pos.File != "f.toml" || e.Pos.Line <= offset || e.Pos.Line > offset+lines || e.Pos.Col < 1 {
				t.Errorf("problem outside lines %d–%d or without a column: %v", offset+1, offset+lines, e)
			}
		}
		for _, path := range [][]any{{"title"}, {"points", 0, "value"}, {"points", 1, "inner", 0, "k"}, {"table", "a"}, {"nope"}} {
			p := file.Pos(path...)
			if p.File != "f.toml" || p.Line < 1 || p.Line > offset+lines {
				t.Errorf("Pos(%v) = %v outside the file", path, p)
			}
		}
	})
}
