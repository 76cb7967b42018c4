// Package tomlfile decodes an editor's TOML file (or front matter) into a Go
// value and keeps enough of the text to point at any key later, so that syntax
// errors, type errors, unknown keys and semantic problems are all reported as
// file:line:col.
package tomlfile

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

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
	// decoded is set when no syntax or type error stopped decoding.
	decoded bool
	// slips maps a known key path, missing, to the position of the
	// unknown key that is a slip for it ("points.3.period" → perod's).
	slips map[string]diag.Pos
}

// Decode decodes data into v. lineOffset is the number of lines that precede
// data in the file called name (front matter starts after the "+++" line).
// Problems come back as a diag.List; a syntax or type error stops decoding,
// unknown keys do not.
func Decode(name string, data []byte, lineOffset int, v any) (*File, diag.List) {
	f := &File{Name: name}
	var errs diag.List
	if !checkNesting(data, diag.Pos{File: name, Line: lineOffset + 1, Col: 1}, &errs) {
		return f, errs
	}
	f.index(data, lineOffset)
	md, err := toml.Decode(string(data), v)
	if err != nil {
		at := f.errorPos(err, data, lineOffset, v)
		msg := f.message(err, data, v)
		line := lineOf(data, at.Line-lineOffset)
		if hint := Hint(line); hint.En != "" {
			// The hint rewrites the whole value: point at its start,
			// not where the library stopped reading (16,|4).
			msg = hint
			if eq := strings.IndexByte(line, '='); eq >= 0 {
				rest := line[eq+1:]
				at.Col = utf8.RuneCountInString(line[:eq+1+len(rest)-len(strings.TrimLeft(rest, " \t"))]) + 1
			}
		}
		if strings.HasSuffix(msg.En, "has already been defined.") {
			// The library points past the end of the line: the key is
			// the mistake.
			at.Col = utf8.RuneCountInString(line[:len(line)-len(strings.TrimLeft(line, " \t"))]) + 1
		}
		errs.Add(at, "%s", msg)
		return f, errs
	}
	if bad := f.nonFinite(data); len(bad) > 0 {
		// Like a type error: the file is reported alone, not the
		// charts and sums that could not use such a value.
		return f, bad
	}
	f.decoded = true
	undecoded := md.Undecoded()
	sort.Slice(undecoded, func(i, j int) bool { return undecoded[i].String() < undecoded[j].String() })
	// MetaData lists a key once per array table element it occurs in, and
	// an unknown table before its keys: report each key once at every place
	// it occurs, and an unknown table at its header(s) without its keys.
	seen := map[string]bool{}
	var tables []string
	for _, k := range undecoded {
		key := k.String()
		if seen[key] || under(tables, key) {
			continue
		}
		seen[key] = true
		what, positions := "key", f.matching(f.keys, k)
		if t := md.Type(k...); t == "Hash" || t == "ArrayHash" {
			tables = append(tables, key)
			if len(positions) == 0 { // a [table] or [[table]], not an inline table
				what, positions = "table", f.matching(f.tables, k)
			}
		}
		if len(positions) == 0 {
			positions = []diag.Pos{{File: name, Line: lineOffset + 1, Col: 1}}
		}
		near := Closest(k[len(k)-1], knownKeys(reflect.TypeOf(v), k[:len(k)-1]))
		for _, p := range positions {
			switch {
			case what == "table" && near != "":
				errs.Add(p, "unknown table %q: did you mean %q?", key, near)
			case what == "table":
				errs.Add(p, "unknown table %q", key)
			case near != "":
				errs.Add(p, "unknown key %q: did you mean %q?", key, near)
				f.slip(p, near)
				errs[len(errs)-1].Slip = true
			default:
				errs.Add(p, "unknown key %q", key)
			}
		}
	}
	return f, errs
}

// nonFinite reports the values written nan or inf, which TOML reads as
// floats but are no figure a source gives: anywhere in the file, inside
// inline tables and arrays too, each at its key (or, inside an inline
// value, at the key that holds it).
func (f *File) nonFinite(data []byte) diag.List {
	if !hasNonFiniteWord(data) {
		return nil
	}
	var all map[string]any
	if _, err := toml.Decode(string(data), &all); err != nil {
		return nil
	}
	var errs diag.List
	seen := map[diag.Pos]bool{}
	var walk func(path []any, v any)
	walk = func(path []any, v any) {
		path = path[:len(path):len(path)] // each branch appends to its own copy
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(append(path, k), x)
			}
		case []map[string]any:
			for i, x := range v {
				walk(append(path, i), x)
			}
		case []any:
			for i, x := range v {
				walk(append(path, i), x)
			}
		case float64:
			if at := f.Pos(path...); (math.IsNaN(v) || math.IsInf(v, 0)) && !seen[at] {
				seen[at] = true
				errs.Add(at, "%s is not a number: write the figure the source gives", strings.TrimPrefix(strings.ToLower(strconv.FormatFloat(v, 'g', -1, 64)), "+"))
			}
		}
	}
	walk(nil, all)
	errs.Sort()
	return errs
}

// hasNonFiniteWord reports whether nan or inf stands where a value can
// start (after =, a comma, [ or at the start of a line, then blanks and
// a sign), so that most files (which hold "information" but no such
// value) are decoded once. It looks for the words themselves, in linear
// time.
func hasNonFiniteWord(data []byte) bool {
	for _, word := range [][]byte{[]byte("nan"), []byte("inf")} {
		for rest, at := data, 0; ; {
			i := bytes.Index(rest, word)
			if i < 0 {
				break
			}
			i += at
			if startsValue(data[:i]) && !wordChar(data, i+len(word)) {
				return true
			}
			at = i + 1
			rest = data[at:]
		}
	}
	return false
}

// startsValue reports whether a value can start after before: it ends in
// =, a comma, [ or a line break (or is empty), then blanks and a sign.
func startsValue(before []byte) bool {
	i := len(before)
	if i > 0 && (before[i-1] == '+' || before[i-1] == '-') {
		i--
	}
	for i > 0 && (before[i-1] == ' ' || before[i-1] == '\t') {
		i--
	}
	return i == 0 || strings.IndexByte("=,[\n", before[i-1]) >= 0
}

// wordChar reports whether data[i] goes on a word (as \w in a regexp).
func wordChar(data []byte, i int) bool {
	if i >= len(data) {
		return false
	}
	c := data[i]
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// lineOf returns line n (from 1) of data, or "".
func lineOf(data []byte, n int) string {
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

var (
	commaDecimal = regexp.MustCompile(`^-?\d+,\d+$`)
	dotThousands = regexp.MustCompile(`^-?\d{1,3}(\.\d{3}){2,}$`)
	numberUnit   = regexp.MustCompile(`^(-?\d+(?:[.,]\d+)*)\s*(\p{L}.*)$`)
	quotedNumber = regexp.MustCompile(`^"(-?\d+(?:[.,]\d+)*)"$`)
	dayMonthYear = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)
	monthYear    = regexp.MustCompile(`^(\d{1,2})/(\d{4})$`)
	curly        = regexp.MustCompile(`[“”‘’]`)
)

// unitKeys are the keys of a number in a series' unit.
var unitKeys = map[string]bool{"value": true, "change": true}

// Hint turns a line that TOML cannot read into what to write instead, in
// the editor's own terms, when it looks like a Vietnamese way of writing
// a number, a date or a quote: "value = 16,4" → write 16.4. It returns
// the zero Text when it has no better advice than the library's message.
func Hint(line string) diag.Text {
	key, val, ok := strings.Cut(line, "=")
	if !ok {
		return diag.Text{}
	}
	key, val = strings.TrimSpace(key), strings.TrimSpace(val)
	if i := strings.Index(val, " #"); i >= 0 && !strings.ContainsAny(val[:i], `"'`) {
		val = strings.TrimSpace(val[:i])
	}
	switch {
	case curly.MatchString(val) && !strings.HasPrefix(val, `"`) && !strings.HasPrefix(val, "'"):
		return diag.T(`%s: text goes between straight quotes "…", not “…”: write %s = "%s"`, key, key, strings.Trim(val, "“”‘’\" "))
	case commaDecimal.MatchString(val):
		return diag.T("%s: a number takes a point before its decimals: write %s = %s (the quote keeps the document's %s)", key, key, strings.Replace(val, ",", ".", 1), val)
	case dotThousands.MatchString(val):
		return diag.T("%s: a number has no thousands separators: write %s = %s (the quote keeps the document's %s)", key, key, strings.ReplaceAll(val, ".", ""), val)
	}
	if m := quotedNumber.FindStringSubmatch(val); m != nil {
		return diag.T("%s: a number is written without quotes: write %s = %s", key, key, plainNumber(m[1]))
	}
	if m := dayMonthYear.FindStringSubmatch(val); m != nil {
		day, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		if day >= 1 && day <= 31 && month >= 1 && month <= 12 {
			return diag.T("%s: a day is written year-month-day: write %s = %s-%02d-%02d", key, key, m[3], month, day)
		}
	}
	if m := monthYear.FindStringSubmatch(val); m != nil {
		if month, _ := strconv.Atoi(m[1]); month >= 1 && month <= 12 {
			return diag.T(`%s: a month is written "year-month": write %s = "%s-%02d"`, key, key, m[2], month)
		}
	}
	if _, err := strconv.ParseFloat(strings.ReplaceAll(val, "_", ""), 64); errors.Is(err, strconv.ErrRange) {
		// 1e400: a number, but past what a float holds.
		return diag.T("%s is too large a number to be a figure: write the figure the source gives", val)
	}
	if _, err := strconv.ParseFloat(val, 64); err == nil {
		return diag.Text{} // a number (1e300), not one and its unit
	}
	if m := numberUnit.FindStringSubmatch(val); m != nil && unitKeys[key] {
		return diag.T("%s: write the number alone, %s = %s; its unit (%s) is the series' unit, given once at the top of the file (unit = \"…\")", key, key, plainNumber(m[1]), m[2])
	}
	return diag.Text{}
}

// plainNumber writes a number as TOML does: 16,4 as 16.4, 31.500.000 as
// 31500000.
func plainNumber(n string) string {
	if commaDecimal.MatchString(n) {
		return strings.Replace(n, ",", ".", 1)
	}
	if dotThousands.MatchString(n) {
		return strings.ReplaceAll(n, ".", "")
	}
	return n
}

// knownKeys lists the TOML keys of the table at path in a value of type t.
func knownKeys(t reflect.Type, path toml.Key) []string {
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice) {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var keys []string
	for i := range t.NumField() {
		fld := t.Field(i)
		name, _, _ := strings.Cut(fld.Tag.Get("toml"), ",")
		if name == "" || name == "-" {
			continue
		}
		if len(path) > 0 && name == path[0] {
			return knownKeys(fld.Type, path[1:])
		}
		keys = append(keys, name)
	}
	if len(path) > 0 {
		return nil
	}
	return keys
}

// Closest returns the known key nearest to a misspelt one (at most two
// letters apart, one for a key of fewer than six: "style" is not a
// misspelt "type"), or "".
func Closest(key string, known []string) string {
	best, bestD := "", 3
	if utf8.RuneCountInString(key) < 6 {
		bestD = 2
	}
	for _, k := range known {
		if d := distance(key, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// distance is the edit distance between a and b, a swap of two
// neighbouring letters counting as one.
func distance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range y {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// Decoded reports whether the text was decoded to the end: no syntax or type
// error stopped it (unknown keys do not).
func (f *File) Decoded() bool { return f.decoded }

// under reports whether key lies inside one of the tables.
func under(tables []string, key string) bool {
	for _, t := range tables {
		if strings.HasPrefix(key, t+".") {
			return true
		}
	}
	return false
}

// Pos returns the position of the value of the key at path, e.g.
// Pos("points", 3, "value"); failing that, of the nearest enclosing table
// header; failing that, the start of the file.
func (f *File) Pos(path ...any) diag.Pos {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = fmt.Sprint(p)
	}
	full := strings.Join(parts, ".")
	if p, ok := f.slips[full]; ok {
		if _, set := f.keys[full]; !set {
			return p // missing, and misspelt there
		}
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

// slip records that the unknown key whose value is at p stands for the
// known key near of the same table, so that Pos places near, missing, at
// the slip.
func (f *File) slip(p diag.Pos, near string) {
	for path, at := range f.keys {
		if at == p {
			if f.slips == nil {
				f.slips = map[string]diag.Pos{}
			}
			if i := strings.LastIndexByte(path, '.'); i >= 0 {
				near = path[:i+1] + near // in the slip's table
			}
			f.slips[near] = p
			return
		}
	}
}

// matching returns the positions in index (keys or tables) of a key given
// without array indexes (as MetaData reports it), in every array table
// element it occurs in.
func (f *File) matching(index map[string]diag.Pos, k toml.Key) []diag.Pos {
	want := k.String()
	var out []diag.Pos
	for path, p := range index {
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
			name := within(strings.TrimSpace(strings.SplitN(trimmed[2:], "]]", 2)[0]), counts)
			n := counts[name]
			counts[name] = n + 1
			prefix = name + "." + strconv.Itoa(n)
			f.tables[prefix] = diag.Pos{File: f.Name, Line: lineNo, Col: indent + 1}
		case trimmed[0] == '[':
			prefix = within(strings.TrimSpace(strings.SplitN(trimmed[1:], "]", 2)[0]), counts)
			f.tables[prefix] = diag.Pos{File: f.Name, Line: lineNo, Col: indent + 1}
		default:
			eq := strings.IndexByte(trimmed, '=')
			if eq <= 0 {
				continue
			}
			key := strings.Trim(strings.TrimSpace(trimmed[:eq]), `"'`)
			rest := trimmed[eq+1:]
			valueAt := indent + eq + 1 + (len(rest) - len(strings.TrimLeft(rest, " \t")))
			valueCol := utf8.RuneCountInString(line[:valueAt]) + 1
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

// within places a table name inside the array tables it is nested in: after
// the sixth [[commitments]], [[commitments.reports]] is a table of
// "commitments.5.reports". counts holds how many elements each array
// table path has had.
func within(name string, counts map[string]int) string {
	parts := strings.Split(name, ".")
	path := ""
	for i, part := range parts {
		if i > 0 {
			path += "."
		}
		path += strings.Trim(strings.TrimSpace(part), `"'`)
		if n := counts[path]; n > 0 && i < len(parts)-1 {
			path += "." + strconv.Itoa(n-1)
		}
	}
	return path
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

// The last key is quoted as in Go: a key that needs quotes itself, like
// "nav.data" in a translation file, comes as \"nav.data\".
var lineInMessage = regexp.MustCompile(`^toml: line (\d+) \(last key "((?:[^"\\]|\\.)*)"\): `)

// errorPos places a decoding error: syntax errors carry line and column;
// type errors name a line and the last key.
func (f *File) errorPos(err error, data []byte, lineOffset int, v any) diag.Pos {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		if k := pe.LastKey; k != "" {
			// An error from decoding a value (UnmarshalTOML) names the key.
			if p, ok := f.locate(data, k, v); ok {
				return p
			}
			if pe.Position.Line == 0 {
				return f.Pos(k)
			}
		}
		if pe.Position.Line == 0 {
			// The text ended inside a value ("\ at the very end): the
			// library gives no line; the problem is on the last one.
			return diag.Pos{File: f.Name, Line: lineOffset + bytes.Count(data, []byte("\n")) + 1, Col: 1}
		}
		return diag.Pos{File: f.Name, Line: lineOffset + pe.Position.Line, Col: charCol(data, pe.Position.Line, pe.Position.Col)}
	}
	if m := lineInMessage.FindStringSubmatch(err.Error()); m != nil {
		if p, ok := f.locate(data, strings.ReplaceAll(m[2], `\"`, `"`), v); ok {
			return p
		}
		line, _ := strconv.Atoi(m[1])
		// Editors write one key per line: the key on that line is the one.
		var at *diag.Pos
		for _, p := range f.keys {
			if p.Line == lineOffset+line && (at == nil || p.Col < at.Col) {
				at = &p
			}
		}
		if at != nil {
			return *at
		}
		return diag.Pos{File: f.Name, Line: lineOffset + line, Col: 1}
	}
	return diag.Pos{File: f.Name, Line: lineOffset + 1, Col: 1}
}

// charCol turns the library's column, a count of bytes, into a count of
// characters, as editors count (and as package markdown does): in
// Vietnamese text most letters take two or three bytes.
func charCol(data []byte, line, byteCol int) int {
	for ; line > 1; line-- {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			break
		}
		data = data[i+1:]
	}
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		data = data[:i]
	}
	return utf8.RuneCount(data[:min(max(byteCol-1, 0), len(data))]) + 1
}

// message is the decoding error err in each language. An error of a value's
// own decoding (a date, a period) is that error, as its package wrote it;
// a type error says what was written and what is expected, in words; a
// syntax error is the library's message, in the editor's words when it is
// one editors make.
func (f *File) message(err error, data []byte, v any) diag.Text {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		if pe.LastKey != "" {
			if own := f.valueError(data, pe.LastKey, v); own != nil {
				return diag.T("%v", own)
			}
		}
		return Message(pe.Message)
	}
	msg := err.Error()
	key := ""
	if m := lineInMessage.FindStringSubmatch(msg); m != nil {
		msg = strings.TrimPrefix(msg, m[0])
		key = strings.ReplaceAll(m[2], `\"`, `"`)
	}
	msg = strings.TrimPrefix(msg, "toml: ")
	if m := typeMismatch.FindStringSubmatch(msg); m != nil {
		if key == "" {
			return diag.T("wrong type: the value is %s, expected %s", typeWord(m[1]), typeWord(m[2]))
		}
		return diag.T("%s: wrong type: the value is %s, expected %s", key, typeWord(m[1]), typeWord(m[2]))
	}
	if key != "" {
		return diag.T("%s: %s", key, msg)
	}
	return diag.T("%s", msg)
}

var typeMismatch = regexp.MustCompile(`^incompatible types: TOML value has type (.+); destination has type (.+)$`)

// typeWord names a type of the library's messages as editors know values.
func typeWord(t string) diag.Text {
	switch {
	case t == "string" || strings.HasPrefix(t, "primitive"):
		return diag.T("text in quotes")
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return diag.T("a whole number")
	case strings.HasPrefix(t, "float"):
		return diag.T("a number")
	case t == "bool" || t == "boolean":
		return diag.T("true or false")
	case strings.Contains(t, "Date") || strings.Contains(t, "Time"):
		return diag.T("a date")
	case strings.HasPrefix(t, "[]map") || strings.HasPrefix(t, "map") || strings.HasPrefix(t, "*map"):
		return diag.T("a table")
	case strings.HasPrefix(t, "[]") || t == "slice":
		return diag.T("a list […]")
	}
	return diag.Text{En: t}
}

// valueError decodes again, on its own, each value of key (a path without
// array indexes, as the library names it) whose destination in v decodes
// itself (toml.Unmarshaler), and returns the first error, as that
// destination made it: the library keeps only its text.
func (f *File) valueError(data []byte, key string, v any) error {
	var paths []string
	for path := range f.keys {
		if stripIndexes(path) == key {
			paths = append(paths, path)
		}
	}
	sort.Slice(paths, func(i, j int) bool { return f.keys[paths[i]].Line < f.keys[paths[j]].Line })
	var top map[string]toml.Primitive
	md, err := toml.Decode(string(data), &top)
	if err != nil {
		return nil
	}
	unmarshaler := reflect.TypeFor[toml.Unmarshaler]()
	for _, path := range paths {
		parts := strings.Split(path, ".")
		t := fieldType(reflect.TypeOf(v), parts)
		prim, ok := primitiveAt(md, top, parts)
		if t == nil || !ok || !reflect.PointerTo(t).Implements(unmarshaler) {
			continue
		}
		var raw any
		if md.PrimitiveDecode(prim, &raw) != nil {
			continue
		}
		if err := reflect.New(t).Interface().(toml.Unmarshaler).UnmarshalTOML(raw); err != nil {
			return err
		}
	}
	return nil
}

// Message returns a message of the TOML library (a syntax error) in each
// language: in the editor's words when it is one editors make, else as
// the library wrote it.
func Message(msg string) diag.Text {
	if msg == "strings cannot contain newlines" {
		// Most often a closing quote left out, as the editor sees it.
		return diag.T(`the string is not closed on its line: add its closing quote (text over several lines goes between """ and """)`)
	}
	// The library shows the end of the text as a NUL character, and quotes
	// what it read as it is, line breaks included: a message is one line.
	msg = messageChars.Replace(msg)
	for _, m := range libraryMessages {
		if g := m.re.FindStringSubmatch(msg); g != nil {
			return m.text(g)
		}
	}
	return diag.Text{En: msg}
}

var messageChars = strings.NewReplacer("\x00", "(end of file)", "\n", `\n`, "\r", `\r`, "\t", `\t`)

// libraryMessages are the syntax errors of the library that editors make,
// with their translations; the library's English is kept as it is.
var libraryMessages = []struct {
	re   *regexp.Regexp
	text func(m []string) diag.Text
}{
	{regexp.MustCompile(`^expected value but found '\\[nr]' instead$`), func([]string) diag.Text {
		return diag.T(`expected value but found '\n' instead`)
	}},
	{regexp.MustCompile(`^expected value but found ('.*'|".*"|\(end of file\)) instead$`), func(m []string) diag.Text {
		return diag.T("expected value but found %s instead", m[1])
	}},
	{regexp.MustCompile(`^unexpected EOF; expected value$`), func([]string) diag.Text {
		return diag.T("unexpected EOF; expected value")
	}},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got ('.*'|".*"|\(end of file\)) instead$`), func(m []string) diag.Text {
		return diag.T("expected a top-level item to end with a newline, comment, or EOF, but got %s instead", m[1])
	}},
	{regexp.MustCompile(`^Key '(.*)' has already been defined\.$`), func(m []string) diag.Text {
		return diag.T("Key '%s' has already been defined.", m[1])
	}},
	{regexp.MustCompile(`^expected '\.' or '=', but got ('.*'|".*"|\(end of file\)) instead$`), func(m []string) diag.Text {
		return diag.T("expected '.' or '=', but got %s instead", m[1])
	}},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \(']'\), but got (.*)$`), func(m []string) diag.Text {
		return diag.T("expected a comma (',') or array terminator (']'), but got %s", m[1])
	}},
	{regexp.MustCompile(`^expected end of table array name delimiter ']', but got ('.*'|".*"|\(end of file\)) instead$`), func(m []string) diag.Text {
		return diag.T("expected end of table array name delimiter ']', but got %s instead", m[1])
	}},
	{regexp.MustCompile(`^unexpected '=': key name appears blank$`), func([]string) diag.Text {
		return diag.T("unexpected '=': key name appears blank")
	}},
	{regexp.MustCompile(`^invalid datetime: (".*")$`), func(m []string) diag.Text {
		return diag.T("invalid date %s: a date is written year-month-day, e.g. 2024-07-10", m[1])
	}},
	{regexp.MustCompile(`^(\S+) is out of range for (?:u?int|float)\d*$`), func(m []string) diag.Text {
		return diag.T("%s is too large a number to be a figure: write the figure the source gives", m[1])
	}},
	{regexp.MustCompile(`^unexpected EOF; expected '"'$`), func([]string) diag.Text {
		return diag.T(`unexpected EOF; expected '"'`)
	}},
	{regexp.MustCompile(`^unexpected EOF; expected '"""'$`), func([]string) diag.Text {
		return diag.T(`unexpected EOF; expected '"""'`)
	}},
}
