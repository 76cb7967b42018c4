package diag

import (
	"fmt"
	"io"
)

// The languages messages are printed in.
const (
	English    = "en"
	Vietnamese = "vi"
)

// Langs lists the languages messages can be printed in.
var Langs = []string{Vietnamese, English}

// Text is a message in each language: a phrase given as an argument of a
// message (its words are put into the message's language), or a line the
// command prints.
type Text struct {
	En string
	Vi string // "" when the catalog has no translation of its format
}

// T returns the message format with args in each language. Like Add's, the
// format must be a constant with an entry in the catalog.
func T(format string, args ...any) Text {
	t := Text{En: fmt.Sprintf(format, in(English, args)...)}
	if vi, ok := vi[format]; ok {
		t.Vi = fmt.Sprintf(vi, in(Vietnamese, args)...)
	}
	return t
}

// Message returns the text in the language lang; in English when it has no
// translation.
func (t Text) Message(lang string) string {
	if lang == Vietnamese && t.Vi != "" {
		return t.Vi
	}
	return t.En
}

// String returns the English text.
func (t Text) String() string { return t.En }

// Sprintf formats a message in the language lang (English when the catalog
// has no translation of format).
func Sprintf(lang, format string, args ...any) string { return T(format, args...).Message(lang) }

// Fprintf writes a message in the language lang to w.
func Fprintf(w io.Writer, lang, format string, args ...any) {
	io.WriteString(w, Sprintf(lang, format, args...))
}

// A messager is a message in several languages: an *Error, a Text.
type messager interface{ Message(lang string) string }

// in returns args with each message among them put into lang.
func in(lang string, args []any) []any {
	var out []any
	for i, a := range args {
		if m, ok := a.(messager); ok {
			if out == nil {
				out = append([]any(nil), args...)
			}
			out[i] = m.Message(lang)
		}
	}
	if out == nil {
		return args
	}
	return out
}
