package diag

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestPosString(t *testing.T) {
	tests := []struct {
		p    Pos
		want string
	}{
		{Pos{"content/metrics/egdi-rank.toml", 14, 9}, "content/metrics/egdi-rank.toml:14:9"},
		{Pos{"content/site.toml", 3, 0}, "content/site.toml:3"},
		{Pos{"templates/i18n/en.toml", 0, 0}, "templates/i18n/en.toml"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestList(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("empty list is an error")
	}
	l.Warn(Pos{"b.toml", 1, 1}, "stale %s", "series")
	if l.Err() != nil {
		t.Fatal("a list of warnings is an error")
	}
	l.Add(Pos{"b.toml", 10, 2}, "value must be a number")
	l.Add(Pos{"a.toml", 3, 7}, "unknown key %q", "valeu")
	l.Add(Pos{"b.toml", 2, 5}, "first")
	l.Add(Pos{"b.toml", 2, 5}, "second") // same place: insertion order kept
	if l.Err() == nil {
		t.Fatal("a list with errors is not an error")
	}
	if n := len(l.Errors()); n != 4 {
		t.Errorf("Errors: %d, want 4", n)
	}
	if n := len(l.Warnings()); n != 1 {
		t.Errorf("Warnings: %d, want 1", n)
	}
	l.Sort()
	want := strings.Join([]string{
		`a.toml:3:7: unknown key "valeu"`,
		"b.toml:1:1: warning: stale series",
		"b.toml:2:5: first",
		"b.toml:2:5: second",
		"b.toml:10:2: value must be a number",
	}, "\n")
	if got := l.Error(); got != want {
		t.Errorf("sorted:\n%s\nwant:\n%s", got, want)
	}
	strict := l.Strict()
	if len(strict.Warnings()) != 0 || len(strict.Errors()) != 5 {
		t.Error("Strict kept a warning")
	}
	if !l[1].Warning {
		t.Error("Strict changed the original list")
	}
}

func TestAppend(t *testing.T) {
	var inner List
	inner.Add(Pos{"x.md", 4, 1}, "broken link")
	inner.Add(Pos{"x.md", 9, 1}, "unknown metric")
	var l List
	l.Append(nil)
	l.Append(fmt.Errorf("render: %w", inner)) // wrapped lists are unwrapped
	l.Append(&Error{Pos: Pos{"y.md", 1, 1}, Msg: "one"})
	l.Append(errors.New("plain"))
	if len(l) != 4 {
		t.Fatalf("got %d problems, want 4: %v", len(l), l)
	}
	if l[0].Pos.Line != 4 || l[2].Msg != "one" || l[3].Msg != "plain" || l[3].Pos.File != "" {
		t.Errorf("Append gave %v", l)
	}
	// A problem at no position prints as its message, not ": message".
	if got := l[3].Error(); got != "plain" {
		t.Errorf("an error at no position prints %q", got)
	}
	if got := (&Error{Msg: "slow", Warning: true}).Error(); got != "warning: slow" {
		t.Errorf("a warning at no position prints %q", got)
	}
}

func TestStrictWarningsStayLabelled(t *testing.T) {
	var l List
	l.Warn(Pos{File: "a.toml", Line: 2, Col: 3}, "stale")
	l.Add(Pos{File: "a.toml", Line: 4, Col: 1}, "broken")
	strict := l.Strict()
	if got := len(strict.Errors()); got != 2 {
		t.Fatalf("under --strict %d problems fail the build, want 2", got)
	}
	if got := len(strict.Warnings()); got != 0 {
		t.Errorf("under --strict %d warnings are left as not failing, want 0", got)
	}
	if got, want := strict[0].Error(), "a.toml:2:3: warning: stale"; got != want {
		t.Errorf("strict warning prints %q, want %q", got, want)
	}
	if len(l.Errors()) != 1 || l[0].Strict {
		t.Errorf("Strict changed the list it was given")
	}
}
