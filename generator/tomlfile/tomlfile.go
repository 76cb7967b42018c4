// Package tomlfile decodes an editor's TOML file (or front matter) into a Go
// value and keeps enough of the text to point at any key later, so that syntax
// errors, type errors, unknown keys and semantic problems are all reported as
// file:line:col.
package tomlfile

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/tiendo/tiendo/generator/diag"
)

// File is a decoded TOML text with a key locator.
type File struct {
	Name string
	// keys maps a key path such as "points.3.value" (array tables are counted
	// from 0) to the position of its value.
	keys map[string]diag.Pos
	// tables maps a table path such as "points.3" to its header line.
	tables map[string]diag.Pos
}

// Decode decodes data into v. lineOffset is the number of lines that precede
// data in the file called name (front matter starts after the "+++" line).
// Problems come back as a diag.List; a syntax or type error stops decoding,
// unknown keys do not.
func Decode(name string, data []byte, lineOffset int, v any) (*File, diag.List) {
	f := &File{Name: name}
	f.index(data, lineOffset)
	var errs diag.List
	md, err := toml.Decode(string(data), v)
	if err != nil {
		errs.Add(f.errorPos(err, lineOffset), "%s", cleanMessage(err))
		return f, errs
	}
	undecoded := md.Undecoded()
	sort.Slice(undecoded, func(i, j int) bool { return undecoded[i].String() < undecoded[j].String() })
	for _, k := range undecoded {
		if md.Type(k...) == "Hash" || md.Type(k...) == "ArrayHash" {
			// Reported through its keys, or it is an unknown table: report once.
			if len(f.matching(k)) > 0 {
				continue
			}
		}
		positions := f.matching(k)
		if len(positions) == 0 {
			positions = []diag.Pos{{File: name, Line: lineOffset + 1, Col: 1}}
		}
		for _, p := range positions {
			errs.Add(p, "unknown key %q", k.String())
		}
	}
	return f, errs
}

// Pos returns the position of the value of the key at path, e.g.
// Pos("points", 3, "value"); failing that, of the nearest enclosing table
// header; failing that, the start of the file.
func (f *File) Pos(path ...any) diag.Pos {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = fmt.Sprint(p)
	}
	for n := len(parts); n > 0; n-- {
		k := strings.Join(parts[:n], ".")
		if p, ok := f.keys[k]; ok {
			return p
		}
		if p, ok := f.tables[k]; ok {
			return p
		}
	}
	return diag.Pos{File: f.Name, Line: 1, Col: 1}
}

// matching returns the positions of a key given without array indexes (as
// MetaData reports it), in every array table element it occurs in.
func (f *File) matching(k toml.Key) []diag.Pos {
	want := k.String()
	var out []diag.Pos
	for path, p := range f.keys {
		if stripIndexes(path) == want {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

var indexPart = regexp.MustCompile(`\.\d+(\.|$)`)

func stripIndexes(path string) string {
	for {
		s := indexPart.ReplaceAllString(path, "$1")
		if s == path {
			return s
		}
		path = s
	}
}

// index records the line and column of every "key = value" line and table
// header. It understands the plain layout editors write (one key per line,
// [table] and [[array]] headers, multi-line strings and arrays); keys inside
// inline tables fall back to their enclosing key.
func (f *File) index(data []byte, lineOffset int) {
	f.keys = map[string]diag.Pos{}
	f.tables = map[string]diag.Pos{}
	counts := map[string]int{}
	prefix := ""
	inMulti := "" // closing delimiter of a multi-line string we are inside
	depth := 0    // open brackets of a multi-line array
	for i, line := range strings.Split(string(data), "\n") {
		lineNo := lineOffset + i + 1
		if inMulti != "" {
			if strings.Count(line, inMulti)%2 == 1 {
				inMulti = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(line, " \t")
		indent := len(line) - len(trimmed)
		if depth > 0 {
			depth += bracketBalance(trimmed)
			continue
		}
		switch {
		case trimmed == "" || trimmed[0] == '#':
		case strings.HasPrefix(trimmed, "[["):
			name := strings.TrimSpace(strings.SplitN(trimmed[2:], "]]", 2)[0])
			n := counts[name]
			counts[name] = n + 1
			prefix = name + "." + strconv.Itoa(n)
			f.tables[prefix] = diag.Pos{File: f.Name, Line: lineNo, Col: indent + 1}
		case trimmed[0] == '[':
			prefix = strings.TrimSpace(strings.SplitN(trimmed[1:], "]", 2)[0])
			f.tables[prefix] = diag.Pos{File: f.Name, Line: lineNo, Col: indent + 1}
		default:
			eq := strings.IndexByte(trimmed, '=')
			if eq <= 0 {
				continue
			}
			key := strings.Trim(strings.TrimSpace(trimmed[:eq]), `"'`)
			rest := trimmed[eq+1:]
			valueCol := indent + eq + 2 + (len(rest) - len(strings.TrimLeft(rest, " \t")))
			full := key
			if prefix != "" {
				full = prefix + "." + key
			}
			f.keys[full] = diag.Pos{File: f.Name, Line: lineNo, Col: valueCol}
			value := strings.TrimSpace(rest)
			for _, delim := range []string{`"""`, `'''`} {
				if strings.HasPrefix(value, delim) && strings.Count(value, delim) == 1 {
					inMulti = delim
				}
			}
			if inMulti == "" {
				depth = bracketBalance(value)
			}
		}
	}
}

// bracketBalance counts '[' minus ']' outside strings and comments.
func bracketBalance(s string) int {
	n := 0
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '#':
			return n
		case r == '[':
			n++
		case r == ']':
			n--
		}
	}
	return n
}

var lineInMessage = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): `)

// errorPos places a decoding error: syntax errors carry line and column;
// type errors name a line and the last key.
func (f *File) errorPos(err error, lineOffset int) diag.Pos {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		if k := pe.LastKey; k != "" && pe.Position.Line == 0 {
			return f.Pos(k)
		}
		return diag.Pos{File: f.Name, Line: lineOffset + pe.Position.Line, Col: pe.Position.Col}
	}
	if m := lineInMessage.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		for path, p := range f.keys {
			if p.Line == lineOffset+line && strings.HasSuffix(path, m[2][strings.LastIndexByte(m[2], '.')+1:]) {
				return p
			}
		}
		return diag.Pos{File: f.Name, Line: lineOffset + line}
	}
	return diag.Pos{File: f.Name, Line: lineOffset + 1}
}

// cleanMessage strips the library's prefixes so the message reads as ours.
func cleanMessage(err error) string {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return pe.Message
	}
	msg := err.Error()
	if m := lineInMessage.FindStringSubmatch(msg); m != nil {
		msg = strings.TrimPrefix(msg, m[0])
		if m[2] != "" {
			msg = fmt.Sprintf("%s: %s", m[2], msg)
		}
	}
	msg = strings.TrimPrefix(msg, "toml: ")
	msg = strings.Replace(msg, "incompatible types: TOML value has type", "wrong type: the value is", 1)
	msg = strings.Replace(msg, "; destination has type", ", expected", 1)
	return msg
}
