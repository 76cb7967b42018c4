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

// withCatalog adds translations to the catalog for the test.
func withCatalog(t *testing.T, entries map[string]string) {
	t.Helper()
	for en, tr := range entries {
		if _, ok := vi[en]; ok {
			t.Fatalf("%q is already in the catalog", en)
		}
		vi[en] = tr
	}
	t.Cleanup(func() {
		for en := range entries {
			delete(vi, en)
		}
	})
}

func TestLanguages(t *testing.T) {
	withCatalog(t, map[string]string{
		"unknown source %q":         "không có nguồn %q",
		"figure: %v":                "hình: %v",
		"%q is not a date":          "%q không phải là ngày",
		"a rank must be %d or more": "thứ hạng phải từ %d trở lên",
		"%s and %s":                 "%s và %s",
		"1 slip":                    "1 sơ suất",
		"%d slips":                  "%d sơ suất",
	})
	var l List
	l.Add(Pos{"a.toml", 3, 7}, "unknown source %q", "vgp")
	l.Warn(Pos{"b.md", 2, 1}, "a rank must be %d or more", 1)
	l.Add(Pos{"c.md", 9, 1}, "figure: %v", Errorf("%q is not a date", "10/7/2024")) // a message as argument
	l.Add(Pos{"d.md", 1, 1}, "no translation of %q", "x")
	l.Append(Errorf("%q is not a date", "x")) // at no position
	en := strings.Join([]string{
		`a.toml:3:7: unknown source "vgp"`,
		`b.md:2:1: warning: a rank must be 1 or more`,
		`c.md:9:1: figure: "10/7/2024" is not a date`,
		`d.md:1:1: no translation of "x"`,
		`"x" is not a date`,
	}, "\n")
	if got := l.Error(); got != en {
		t.Errorf("in English:\n%s\nwant:\n%s", got, en)
	}
	if got := l.In(English); got != en {
		t.Errorf("In(English):\n%s\nwant:\n%s", got, en)
	}
	want := strings.Join([]string{
		`a.toml:3:7: không có nguồn "vgp"`,
		`b.md:2:1: cảnh báo: thứ hạng phải từ 1 trở lên`,
		`c.md:9:1: hình: "10/7/2024" không phải là ngày`,
		`d.md:1:1: no translation of "x"`, // English, rather than nothing
		`"x" không phải là ngày`,
	}, "\n")
	if got := l.In(Vietnamese); got != want {
		t.Errorf("in Vietnamese:\n%s\nwant:\n%s", got, want)
	}

	// Texts as arguments, and lines of the command.
	count := func(n int) Text {
		if n == 1 {
			return T("1 slip")
		}
		return T("%d slips", n)
	}
	if got := Sprintf(Vietnamese, "%s and %s", count(1), count(3)); got != "1 sơ suất và 3 sơ suất" {
		t.Errorf("Sprintf in Vietnamese: %q", got)
	}
	if got := Sprintf(English, "%s and %s", count(1), count(3)); got != "1 slip and 3 slips" {
		t.Errorf("Sprintf in English: %q", got)
	}
	var b strings.Builder
	Fprintf(&b, Vietnamese, "not in the catalog: %d", 2)
	if b.String() != "not in the catalog: 2" {
		t.Errorf("Fprintf of a format with no translation: %q", b.String())
	}
	// The English of a Text is its String; a nil *Error as argument does
	// not panic.
	if s := fmt.Sprint(count(2)); s != "2 slips" {
		t.Errorf("Text prints %q", s)
	}
	var none *Error
	if got := Sprintf(Vietnamese, "figure: %v", none); got != "hình: <nil>" {
		t.Errorf("nil argument: %q", got)
	}
}

// TestUnslipped: what is said at a slip's position follows from it and is
// dropped; the slip, and what is said elsewhere, stay.
func TestUnslipped(t *testing.T) {
	at := Pos{"a.toml", 3, 7}
	var l List
	l.Add(at, "unknown key %q: did you mean %q?", "perod", "period")
	l[0].Slip = true
	l.Add(at, "point: period (or as_of) is required")
	l.Add(Pos{"a.toml", 4, 7}, "point: period (or as_of) is required")
	l.Add(Pos{"b.toml", 3, 7}, "point: period (or as_of) is required")
	got := l.Unslipped()
	if len(got) != 3 || got[0] != l[0] || got[1] != l[2] || got[2] != l[3] {
		t.Errorf("Unslipped:\n%v", got)
	}
}
