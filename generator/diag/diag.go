// Package diag carries positioned problems found in editors' files, so that every
// mistake is reported at once, one line each, as "file:line:col: message".
//
// Messages are written in English in the code, as format strings; each
// problem is also put into Vietnamese when it is made, from a catalog keyed
// by the English format (vi.go), and printed in the language asked for
// (List.In, Error.In). An argument that is itself a message (an *Error, a
// Text, what Errorf returns) is put into the same language.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a source file. Line and Col are 1-based; 0 means
// unknown. In editors' files (markdown, TOML) Col counts characters (code
// points), not bytes, as editors do; in templates it is text/template's.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// Error is one problem at one position.
type Error struct {
	Pos Pos
	Msg string // in English
	// Vi is the message in Vietnamese, "" when the catalog has no
	// translation of its format (Msg is printed instead).
	Vi      string
	Warning bool // a warning does not fail a build unless --strict
	// Strict marks a warning that fails the build (--strict). It is still
	// printed as a warning: the editor sees what kind of problem it is.
	Strict bool
	// Slip marks an unknown key that is a slip for a known one ("perod"
	// for "period"): what is said of the known key, missing, is said at
	// the slip's position, and follows from it (see Unslipped).
	Slip bool
}

// Error prints the problem in English, as "file:line:col: message".
func (e *Error) Error() string { return e.In(English) }

// In prints the problem in the language lang ("en" or "vi"), as
// "file:line:col: message", a warning labelled as one.
func (e *Error) In(lang string) string {
	at := e.Pos.String() + ": "
	if at == ": " { // attributed to no position
		at = ""
	}
	if e.Warning {
		at += Sprintf(lang, "warning:") + " "
	}
	return at + e.Message(lang)
}

// Message returns the message alone, without position, in the language
// lang; in English when it has no translation.
func (e *Error) Message(lang string) string {
	if e == nil {
		return "<nil>"
	}
	if lang == Vietnamese && e.Vi != "" {
		return e.Vi
	}
	return e.Msg
}

// New returns the problem at p of the message format, which is put into
// each language as Add does.
func New(p Pos, format string, args ...any) *Error {
	t := T(format, args...)
	return &Error{Pos: p, Msg: t.En, Vi: t.Vi}
}

// Errorf returns an error carrying the message format in each language,
// at no position: for a function that cannot tell where its input came
// from. Given to List.Append it is a problem at no position; given as an
// argument of Add, Warn, New or T it is put into that message's language.
func Errorf(format string, args ...any) error { return New(Pos{}, format, args...) }

// List collects problems. The zero value is ready to use.
type List []*Error

// Add records an error at p. The format is English; its translation is
// looked up in the catalog by it, so it must be a constant (a test checks
// that every one has a translation).
func (l *List) Add(p Pos, format string, args ...any) {
	*l = append(*l, New(p, format, args...))
}

// Warn records a warning at p, with a format as Add's.
func (l *List) Warn(p Pos, format string, args ...any) {
	e := New(p, format, args...)
	e.Warning = true
	*l = append(*l, e)
}

// Append adds every problem carried by err (a List, an *Error or any error,
// which is attributed to no position).
func (l *List) Append(err error) {
	if err == nil {
		return
	}
	var list List
	var one *Error
	switch {
	case errors.As(err, &list):
		*l = append(*l, list...)
	case errors.As(err, &one):
		*l = append(*l, one)
	default:
		*l = append(*l, &Error{Msg: err.Error()})
	}
}

// Unslipped returns l without the problems that follow from a slip: those
// at the position of an unknown key that is a slip for a known one (the
// known key reported missing there), which the slip's own message covers.
func (l List) Unslipped() List {
	slips := map[Pos]bool{}
	for _, e := range l {
		if e.Slip && e.Pos.Line > 0 {
			slips[e.Pos] = true
		}
	}
	if len(slips) == 0 {
		return l
	}
	out := make(List, 0, len(l))
	for _, e := range l {
		if e.Slip || !slips[e.Pos] {
			out = append(out, e)
		}
	}
	return out
}

// Errors returns the problems that fail a build: errors, and warnings made
// strict.
func (l List) Errors() List { return l.filter(false) }

// Warnings returns the warnings that do not fail a build.
func (l List) Warnings() List { return l.filter(true) }

func (l List) filter(warn bool) List {
	var out List
	for _, e := range l {
		if (e.Warning && !e.Strict) == warn {
			out = append(out, e)
		}
	}
	return out
}

// Strict makes every warning fail the build; each stays labelled a warning.
func (l List) Strict() List {
	out := make(List, len(l))
	for i, e := range l {
		c := *e
		c.Strict = c.Warning
		out[i] = &c
	}
	return out
}

// Sort orders problems by file, line and column, keeping insertion order otherwise.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Err returns the list as an error if it holds any error (not counting
// warnings), or nil.
func (l List) Err() error {
	if len(l.Errors()) == 0 {
		return nil
	}
	return l
}

// Error prints the problems in English, one a line.
func (l List) Error() string { return l.In(English) }

// In prints the problems in the language lang, one a line.
func (l List) In(lang string) string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.In(lang))
	}
	return b.String()
}
