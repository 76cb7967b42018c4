package tomlfile

import (
	"bytes"
	"unicode/utf8"

	"github.com/tiendo/tiendo/generator/diag"
)

// The TOML library reads nested arrays and inline tables by recursion, and
// its time grows faster than the length of a dotted key: an array nested
// two million deep overflows the stack (which no recover catches), and a
// key of ten thousand parts takes seconds. No editor's file comes near
// these limits; a file past them is refused before it is decoded.
const (
	// MaxNesting is the most arrays and inline tables open at once.
	MaxNesting = 32
	// MaxKeyParts is the most parts of one dotted key or table name.
	MaxKeyParts = 32
)

// Overnested reports the byte offset in data of the first bracket past
// MaxNesting or the first dot past MaxKeyParts, with what to do about it;
// off is -1 when data is within both limits. It reads strings, escapes and
// comments as TOML does, so brackets and dots inside them do not count.
func Overnested(data []byte) (off int, msg diag.Text) {
	depth, dots := 0, 0
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '#':
			for i < len(data) && data[i] != '\n' {
				i++
			}
			dots = 0
		case '"', '\'':
			i = stringEnd(data, i) // a quoted key part still counts
		case '[', '{':
			depth++
			dots = 0
			if depth > MaxNesting {
				return i, diag.T("more than %d lists or inline tables inside each other here: nest fewer", MaxNesting)
			}
		case ']', '}':
			depth--
			dots = 0
		case '.':
			// A float or a time has one dot; only a dotted key has
			// many in a row.
			dots++
			if dots >= MaxKeyParts {
				return i, diag.T("this key has more than %d parts: write it with fewer dots", MaxKeyParts)
			}
		case '=', ',', '\n':
			dots = 0
		}
	}
	return -1, diag.Text{}
}

// stringEnd returns the offset of the last byte of the string that opens at
// data[i], or the end of data if it is not closed: multi-line strings ("""
// and ”') may span lines, a basic string honours backslash escapes, a
// literal string does not, and a one-line string ends at the line's end.
func stringEnd(data []byte, i int) int {
	q := data[i]
	if i+2 < len(data) && data[i+1] == q && data[i+2] == q {
		for j := i + 3; j+2 < len(data); j++ {
			if q == '"' && data[j] == '\\' {
				j++
				continue
			}
			if data[j] == q && data[j+1] == q && data[j+2] == q {
				// Up to two more quotes may close the string's content.
				for j+3 < len(data) && data[j+3] == q {
					j++
				}
				return j + 2
			}
		}
		return len(data) - 1
	}
	for j := i + 1; j < len(data); j++ {
		switch {
		case q == '"' && data[j] == '\\':
			j++
		case data[j] == q:
			return j
		case data[j] == '\n':
			return j - 1
		}
	}
	return len(data) - 1
}

// checkNesting adds Overnested's error to errs, counting lines from start,
// the position of data's first byte; ok is false if there was one.
func checkNesting(data []byte, start diag.Pos, errs *diag.List) (ok bool) {
	off, msg := Overnested(data)
	if off < 0 {
		return true
	}
	at := start
	before := data[:off]
	if nl := bytes.LastIndexByte(before, '\n'); nl >= 0 {
		at.Line += bytes.Count(before, []byte{'\n'})
		at.Col = utf8.RuneCount(before[nl+1:]) + 1
	} else {
		at.Col += utf8.RuneCount(before)
	}
	errs.Add(at, "%s", msg)
	return false
}
