package metrics

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/markdown"
	"github.com/tiendo/tiendo/generator/tomlfile"
)

// Table is an archived table (a .csv document): its header and its rows.
// Row numbers are the file's line numbers as a spreadsheet shows them: the
// header is row 1.
type Table struct {
	File   string // content/sources/<document>
	Lang   string // how its numbers are written: vi (4.543,5) or en (4,543.5)
	Header []string
	Rows   [][]string // Rows[0] is row 2
	Lines  []int      // the file line each row starts on (a quoted cell may hold a line break)
}

// TableFill declares points of a series read from a table: one per row,
// the period, value and sub-series each from a column.
type TableFill struct {
	Source    string            `toml:"source"`    // a source whose document is a .csv table
	Period    string            `toml:"period"`    // the column holding the period (2022, "2024-H1", …)
	Value     string            `toml:"value"`     // the column holding the value
	Subseries string            `toml:"subseries"` // optional: the column naming the sub-series
	Of        string            `toml:"of"`        // optional, for ranks: "count" (rows of the period with a value) or a column
	Where     map[string]string `toml:"where"`     // optional: only rows whose columns hold these values
}

// cellQualifiers are the ways tables write a tie or a bound next to a
// number; the qualifier is kept.
var cellQualifiers = []struct{ prefix, suffix, qualifier string }{
	{">", "", Over}, {"<", "", Under}, {"~", "", About}, {"", "+", AtLeast},
}

// readTable parses an archived CSV table.
func readTable(name string, b []byte, lang string) (*Table, error) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	t := &Table{File: name, Lang: lang}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if t.Header == nil {
			for i := range rec {
				rec[i] = strings.TrimSpace(rec[i])
			}
			t.Header = rec
			continue
		}
		line, _ := r.FieldPos(0)
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			rec = nil // a blank row: kept, so that rows keep their numbers, but holding nothing
		}
		t.Rows = append(t.Rows, rec)
		t.Lines = append(t.Lines, line)
	}
	if t.Header == nil {
		return nil, diag.Errorf("the table is empty: its first row names the columns")
	}
	return t, nil
}

// column returns the index of the column named name, or -1.
func (t *Table) column(name string) int {
	for i, h := range t.Header {
		if strings.EqualFold(h, strings.TrimSpace(name)) {
			return i
		}
	}
	return -1
}

// cell returns the text of row (a row number: the header is 1) and column.
func (t *Table) cell(row, col int) (string, bool) {
	if row < 2 || row-2 >= len(t.Rows) || col < 0 || col >= len(t.Rows[row-2]) {
		return "", false
	}
	return strings.TrimSpace(t.Rows[row-2][col]), true
}

// pos is the position of a row in the table's file.
func (t *Table) pos(row int) diag.Pos {
	line := row
	if row >= 2 && row-2 < len(t.Lines) {
		line = t.Lines[row-2]
	}
	return diag.Pos{File: t.File, Line: line, Col: 1}
}

// Number reads a cell as a number written in the table's language, with a
// qualifier when the table writes one (">1000", "50+"). ok is false for a
// cell that is not a number ("", "-", "not assessed").
func (t *Table) Number(text string) (v float64, qualifier string, ok bool) {
	s := strings.TrimSpace(text)
	for _, q := range cellQualifiers {
		if q.prefix != "" && strings.HasPrefix(s, q.prefix) || q.suffix != "" && strings.HasSuffix(s, q.suffix) {
			s, qualifier = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, q.prefix), q.suffix)), q.qualifier
			break
		}
	}
	s = strings.Trim(s, "=") // a tied rank: "=86" or "86="
	group, decimal := ".", ","
	if t.Lang == "en" {
		group, decimal = ",", "."
	}
	whole, _, _ := strings.Cut(strings.TrimLeft(s, "+-−"), decimal)
	if strings.Contains(whole, group) && !grouped(whole, group) {
		return 0, "", false // "0,7709" in an English table: not 7709
	}
	s = strings.ReplaceAll(s, group, "")
	s = strings.Replace(s, decimal, ".", 1)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, "", false
	}
	return v, qualifier, true
}

// grouped reports whether the digits of whole are grouped in threes by
// sep, as "1,234,567" is and "0,7709" or "12,34" are not.
func grouped(whole, sep string) bool {
	parts := strings.Split(whole, sep)
	if len(parts[0]) < 1 || len(parts[0]) > 3 || parts[0][0] == '0' {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

// Misnumbered reports whether a cell that is not a number (Number) is
// digits and separators, a number written in another format than the
// table's ("0,7709" in an English table): an editor's slip, not words
// saying why a period has no value.
func (t *Table) Misnumbered(text string) bool {
	s := strings.TrimSpace(text)
	digits := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case strings.ContainsRune(".,+-− ", r):
		default:
			return false
		}
	}
	_, _, ok := t.Number(s)
	return digits && !ok
}

// numberExample is how a table in lang writes one thousand two hundred
// and thirty-four and a half.
func numberExample(lang string) string {
	if lang == "en" {
		return "1,234.5"
	}
	return "1.234,5"
}

// RowText writes a row for readers as the table's own words: "Survey
// Year: 2022 · Country Name: Viet Nam · EGDI: 0.67870".
func (t *Table) RowText(row int) string {
	if row < 2 || row-2 >= len(t.Rows) {
		return ""
	}
	var parts []string
	for i, c := range t.Rows[row-2] {
		if i < len(t.Header) && strings.TrimSpace(c) != "" {
			parts = append(parts, t.Header[i]+": "+strings.TrimSpace(c))
		}
	}
	return strings.Join(parts, " · ")
}

// checkCell checks a point that cites a table's cell (row and column
// instead of a quote): the cell must hold the point's value.
func checkCell(d *Data, p *Point, at func(string) diag.Pos, errs *diag.List) {
	t := d.tables[p.Source]
	switch {
	case d.sourceByID[p.Source] == nil, d.unreadTables[p.Source]:
		return // reported with the source, or with its table
	case t == nil:
		errs.Add(at("row"), "row and column cite a table: the document of source %q is not a .csv table", p.Source)
		return
	case p.Column == "" || p.Row == 0:
		errs.Add(at("row"), "a cited cell needs both row (the row's number in %s, the header being 1) and column (its header)", t.File)
		return
	}
	col := t.column(p.Column)
	if col < 0 {
		errs.Add(at("column"), "%s has no column %q; its columns are %s", t.File, p.Column, strings.Join(t.Header, ", "))
		return
	}
	text, ok := t.cell(p.Row, col)
	if !ok {
		errs.Add(at("row"), "%s has no row %d (its rows are 2 to %d)", t.File, p.Row, len(t.Rows)+1)
		return
	}
	v, q, ok := t.Number(text)
	switch {
	case p.IsGap():
	case !ok:
		errs.Add(at("row"), "%s, row %d, column %q holds %q, not a number", t.File, p.Row, p.Column, text)
	case p.Value != nil && *p.Value != v:
		errs.Add(at("value"), "%s, row %d, column %q holds %s, not %s", t.File, p.Row, p.Column, text, FormatPlain(*p.Value))
	case q != "" && p.Qualifier == "":
		p.Qualifier = q // the table's own bound (">1000") stays with the value
		d.Verified++
	case q != "" && p.Qualifier != q:
		errs.Add(at("qualifier"), "%s, row %d, column %q holds %s: its qualifier is %q, not %q", t.File, p.Row, p.Column, text, q, p.Qualifier)
	default:
		d.Verified++
	}
	if p.Quote == "" {
		p.Quote = t.RowText(p.Row)
	}
}

// fillFromTables returns the points the [[table]] declarations of s read,
// adding to s the sub-series they make.
// Sub-series: when s declares [[subseries]], those whose key (else label_en,
// else label) names a value of the sub-series column; otherwise one per
// value, in the table's order. An empty or non-numeric cell is a gap, with
// the cell's words as its reason.
func fillFromTables(s *Series, f *tomlfile.File, d *Data, errs *diag.List) []Point {
	var all []Point
	declared := len(s.Subseries) > 0 && !s.autoSubseries
	matched := map[string]bool{} // declared sub-series a row names
	var named []string           // what the rows' sub-series cells say, in order
	var lastTable *Table
	var lastColumn string
	skipped := false // a table not read: its rows may name the sub-series
	for i, tf := range s.Tables {
		at := func(k string) diag.Pos { return f.Pos("table", i, k) }
		t := d.tables[tf.Source]
		switch {
		case tf.Source == "":
			errs.Add(f.Pos("table", i), "[[table]] needs source: a source whose document is a .csv table")
			skipped = true
			continue
		case d.unreadTables[tf.Source]:
			d.unreadSeries[s.ID] = true // its table's problem is reported
			skipped = true
			continue
		case d.sourceByID[tf.Source] == nil:
			if !d.sourcesUnread {
				errs.Add(at("source"), "%s", d.UnknownSource(tf.Source))
			}
			d.unreadSeries[s.ID] = true
			skipped = true
			continue
		case t == nil:
			errs.Add(at("source"), "the document of source %q is not a .csv table", tf.Source)
			d.unreadSeries[s.ID] = true
			skipped = true
			continue
		}
		d.citeDraft(d.sourceByID[tf.Source], at("source"), errs)
		cols := map[string]int{}
		ok := true
		for _, c := range []struct{ key, name string }{{"period", tf.Period}, {"value", tf.Value}, {"subseries", tf.Subseries}} {
			if c.name == "" {
				if c.key != "subseries" {
					errs.Add(f.Pos("table", i), "[[table]] needs %s: the header of the column holding it", c.key)
					ok = false
				}
				continue
			}
			if cols[c.key] = t.column(c.name); cols[c.key] < 0 {
				errs.Add(at(c.key), "%s has no column %q; its columns are %s", t.File, c.name, strings.Join(t.Header, ", "))
				ok = false
			}
		}
		where := map[int]string{}
		for name, want := range tf.Where {
			c := t.column(name)
			if c < 0 {
				errs.Add(at("where"), "%s has no column %q; its columns are %s", t.File, name, strings.Join(t.Header, ", "))
				ok = false
			}
			where[c] = strings.TrimSpace(want)
		}
		ofCol := -1
		switch tf.Of {
		case "", "count":
		default:
			if ofCol = t.column(tf.Of); ofCol < 0 {
				errs.Add(at("of"), "of is \"count\" (the rows of the period with a value) or a column of %s; it has no column %q", t.File, tf.Of)
				ok = false
			}
		}
		if !ok {
			skipped = true
			continue
		}
		subOf := subseriesKeys(s, tf.Subseries != "")
		// of = "count": a ranking is out of every row of its period with a
		// value, whatever where and the sub-series pick.
		counts := map[string]float64{}
		for r := range t.Rows {
			period, _ := t.cell(r+2, cols["period"])
			text, _ := t.cell(r+2, cols["value"])
			if _, _, isNum := t.Number(text); isNum {
				counts[strings.TrimSpace(period)]++
			}
		}
		var added []Point
		for r := range t.Rows {
			row := r + 2
			cell := func(c int) string { v, _ := t.cell(row, c); return v }
			if len(t.Rows[r]) == 0 {
				continue // a blank row
			}
			match := true
			for c, want := range where {
				match = match && strings.EqualFold(cell(c), want)
			}
			if !match {
				continue
			}
			p := Point{Source: tf.Source, Row: row, Column: t.Header[cols["value"]], Pos: t.pos(row), QuotePos: t.pos(row)}
			period, err := calendar.ParsePeriod(cell(cols["period"]))
			if err != nil {
				errs.Add(t.pos(row), "row %d is not data: its %q cell says %q, not a period; remove the row, or leave it out with where", row, tf.Period, cell(cols["period"]))
				continue
			}
			p.Period = period
			if tf.Subseries != "" {
				id, known, like := subOf(cell(cols["subseries"]))
				if v := strings.TrimSpace(cell(cols["subseries"])); v != "" && !slices.Contains(named, v) {
					named = append(named, v)
				}
				lastTable, lastColumn = t, tf.Subseries
				if !known {
					continue
				}
				matched[id] = true
				if like != "" {
					errs.Warn(t.pos(row), "row %d names %q, a sub-series of its own, though earlier rows name %q: if they are one, write its name one way in the table, or declare it with [[subseries]] and key", row, strings.TrimSpace(cell(cols["subseries"])), like)
				}
				p.Subseries = id
			}
			text := cell(cols["value"])
			if v, q, isNum := t.Number(text); isNum {
				p.Value, p.Qualifier = &v, q
				d.Verified++
			} else if t.Misnumbered(text) {
				errs.Add(t.pos(row), "row %d, column %q holds %q, which is not a number as this table writes them (%s, lang = %q in %s): correct the cell, or the source's lang", row, t.Header[cols["value"]], text, numberExample(t.Lang), t.Lang, SourcesFile)
				continue
			} else {
				reason := text
				if reason == "" {
					reason = "empty in the table"
					p.Gap = "ô trống trong bảng"
				} else {
					p.Gap = reason
				}
				p.GapEn = reason
			}
			if ofCol >= 0 {
				if v, _, isNum := t.Number(cell(ofCol)); isNum {
					p.Of = &v
				}
			}
			p.Quote = t.RowText(row)
			added = append(added, p)
		}
		if tf.Of == "count" {
			for k := range added {
				if n := counts[cellOf(t, added[k].Row, cols["period"])]; n > 0 && added[k].Value != nil {
					added[k].Of = ptr(n)
				}
			}
		}
		if len(added) == 0 {
			errs.Warn(f.Pos("table", i), "no row of %s matches this [[table]]", t.File)
		}
		for k := range added {
			if p := &added[k]; p.Value != nil {
				checkValue(s, *p.Value, p.Of, p.Pos, errs)
			}
		}
		all = append(all, added...)
	}
	if declared && lastTable != nil && !skipped {
		unmatchedSubseries(s, f, matched, named, lastTable, lastColumn, errs)
	}
	return all
}

// unmatchedSubseries reports each declared sub-series that no row of the
// tables names and no point of the file gives: it would be on the site
// with no figures, though the table likely has them under another name.
func unmatchedSubseries(s *Series, f *tomlfile.File, matched map[string]bool, named []string, t *Table, column string, errs *diag.List) {
	for i, sub := range s.Subseries {
		if matched[sub.ID] || slices.ContainsFunc(s.Points, func(p Point) bool { return p.Subseries == sub.ID }) {
			continue
		}
		at := f.Pos("subseries", i)
		var near string
		for _, name := range []string{sub.Key, sub.LabelEn, sub.Label} {
			if name != "" && near == "" {
				near = tomlfile.Closest(name, named)
			}
		}
		if near != "" {
			errs.Add(at, "sub-series %q matches no row of %s: its %q column writes %q; write key = %q", sub.ID, t.File, column, near, near)
		} else {
			errs.Add(at, "sub-series %q matches no row of %s: write as key the name its %q column gives it (key, else label_en, else label, is looked up there)", sub.ID, t.File, column)
		}
	}
}

func cellOf(t *Table, row, col int) string { v, _ := t.cell(row, col); return v }

// subseriesKeys returns how a table's sub-series cell names a sub-series
// of s. A series that declares none gets one per value, made as they come.
func subseriesKeys(s *Series, used bool) func(string) (id string, known bool, like string) {
	if !used {
		return func(string) (string, bool, string) { return "", true, "" }
	}
	if len(s.Subseries) > 0 && !s.autoSubseries {
		keys := map[string]string{}
		for _, sub := range s.Subseries {
			for _, k := range []string{sub.Key, sub.LabelEn, sub.Label} {
				if k != "" {
					keys[strings.ToLower(k)] = sub.ID
				}
			}
		}
		return func(v string) (string, bool, string) {
			id, ok := keys[strings.ToLower(strings.TrimSpace(v))]
			return id, ok, ""
		}
	}
	s.autoSubseries = true
	ids := map[string]string{}
	squeezed := map[string]string{} // a name without case, spaces or marks → the name
	for _, sub := range s.Subseries {
		ids[sub.Label] = sub.ID
		if k := squeeze(sub.Label); k != "" {
			squeezed[k] = sub.Label
		}
	}
	return func(v string) (string, bool, string) {
		v = strings.TrimSpace(v)
		if v == "" {
			return "", false, ""
		}
		if id, ok := ids[v]; ok {
			return id, true, ""
		}
		id := slugID(v)
		for n := 2; s.hasSubseries(id); n++ {
			id = fmt.Sprintf("%s-%d", slugID(v), n)
		}
		s.Subseries = append(s.Subseries, Subseries{ID: id, Label: v, LabelEn: v, Key: v})
		ids[v] = id
		k := squeeze(v)
		if k == "" {
			return id, true, ""
		}
		like := squeezed[k]
		if like == "" {
			squeezed[k] = v
		}
		return id, true, like
	}
}

// SameName reports whether a and b are one name written two ways: the
// same but for case, spaces, punctuation or diacritics ("Viet Nam",
// "Vietnam").
func SameName(a, b string) bool {
	x := squeeze(a)
	return x != "" && x == squeeze(b)
}

// squeeze is a name without case, spaces, punctuation or diacritics:
// "Viet Nam" and "Vietnam" squeeze to the same. A name in a script with
// no Latin letters keeps its letters and digits; one with none is "".
func squeeze(name string) string {
	if id := markdown.Slugify(name); id != "" {
		return strings.ReplaceAll(id, "-", "")
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, name)
}

func (s *Series) hasSubseries(id string) bool {
	for _, sub := range s.Subseries {
		if sub.ID == id {
			return true
		}
	}
	return false
}

// slugID makes an id of a table's value: "Viet Nam" → "viet-nam",
// "Côte d'Ivoire" → "cote-d-ivoire".
func slugID(v string) string {
	if id := markdown.Slugify(v); id != "" {
		return id
	}
	return "x"
}
