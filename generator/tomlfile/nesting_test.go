package tomlfile

import (
	"strings"
	"testing"
	"time"
)

// TestNestingLimits: a file nested or dotted past the limits is refused at
// the place it goes past, quickly, where the library would overflow its
// stack or take seconds; one at the limits decodes.
func TestNestingLimits(t *testing.T) {
	deep := func(open, close string, n int) string {
		return strings.Repeat(open, n) + strings.Repeat(close, n)
	}
	for _, c := range []struct {
		name, text string
		line, col  int // 0: no error
		want       string
	}{
		{"arrays", "# x\nv = " + deep("[", "]", 2_000_000) + "\n", 2, 4 + MaxNesting + 1, "lists or inline tables"},
		{"inline tables", "v = " + strings.Repeat("{a = ", 100_000) + "1" + strings.Repeat("}", 100_000), 1, 4 + MaxNesting*5 + 1, "lists or inline tables"},
		{"mixed", "v = [" + strings.Repeat("{a = [", 20) + "1" + strings.Repeat("]}", 20) + "]", 1, 0, "lists or inline tables"},
		{"dotted key", strings.Repeat("a.", 100_000) + "b = 1", 1, 2 * MaxKeyParts, "parts"},
		{"quoted parts", strings.Repeat(`"a".`, 100) + "b = 1", 1, 4 * MaxKeyParts, "parts"},
		{"table name", "[" + strings.Repeat("a.", 100_000) + "b]\nc = 1", 1, 1 + 2*MaxKeyParts, "parts"},
		{"at the limits", "v = " + deep("[", "]", MaxNesting) + "\n" + strings.Repeat("a.", MaxKeyParts-1) + "b = 1\n", 0, 0, ""},
		{"in strings", `v = "` + strings.Repeat("[{.", 1000) + "\"\nw = '''\n" + strings.Repeat("[.", 1000) + "\n'''\n# " + strings.Repeat("[", 1000) + "\nx = \"\\\"" + strings.Repeat("[", 40) + "\"\ny = '''a''''\nz = \"#" + strings.Repeat("[", 40) + "\"\r\n", 0, 0, ""},
		{"floats and times", "v = [1.5, 2.5, 3.5]\nt = 07:32:00.999\nd = 2024-01-01T00:00:00.5Z\n", 0, 0, ""},
	} {
		start := time.Now()
		var v map[string]any
		_, errs := Decode("f.toml", []byte(c.text), 0, &v)
		if took := time.Since(start); took > time.Second {
			t.Errorf("%s: took %v", c.name, took)
		}
		if c.want == "" {
			for _, e := range errs {
				if strings.Contains(e.Msg, "parts") || strings.Contains(e.Msg, "inside each other") {
					t.Errorf("%s: %v", c.name, e)
				}
			}
			continue
		}
		if len(errs) != 1 || !strings.Contains(errs[0].Msg, c.want) {
			t.Errorf("%s: got %v, want one error about %q", c.name, errs, c.want)
			continue
		}
		if c.col == 0 { // mixed: where the 33rd opening bracket is
			c.col = strings.Index(c.text, "[") + 1 + 6*15 + 5 + 1
		}
		if p := errs[0].Pos; p.Line != c.line || p.Col != c.col {
			t.Errorf("%s: at %d:%d, want %d:%d", c.name, p.Line, p.Col, c.line, c.col)
		}
	}
}
