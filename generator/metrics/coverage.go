package metrics

import (
	"io/fs"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/tiendo/tiendo/generator/diag"
)

// Omit records numbers of a document that editors leave out on purpose,
// so that the coverage report (tiendo check --coverage) stops listing them.
type Omit struct {
	Text   string `toml:"text"`   // words of the document around the number(s), verbatim
	Reason string `toml:"reason"` // why they are not figures of the site
}

// number finds the numbers of a text: "4.543", "16,4", "42%", "86/193".
var number = regexp.MustCompile(`\d+(?:[.,]\d+)*`)

// notFigures are numbers that are not figures: dates (10/7/2024,
// 19/7, tháng 7 năm 2024, năm 2024), times (14:30), document numbers
// (123/2020/NĐ-CP, Đề án 06, Công văn 452), list markers ((1), (i)) and
// ordinals ("lần thứ 10").
var notFigures = regexp.MustCompile(`(?i)\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}:\d{2}|\d+/\d{4}/[\p{L}Đđ-]+|(?:tháng|năm|ngày|quý|khóa|khoá|kỳ|kỳ họp|lần thứ|thứ|số|đề án|công văn|nghị quyết|nghị định|quyết định|chỉ thị|thông tư|luật|kết luận|công điện|điều|khoản|mục|phần|giai đoạn|đến|từ|trước|sau)\s+\d+(?:[-–/]\d+)*|\(\d+\)|\b(?:19|20)\d{2}\b|\d+[-–]\d+|\b\d+G\b`)

// Coverage lists, for each archived document, the numbers that nothing on
// the site cites: not within any quoted passage, not a date, year, document
// number or list marker, and not in a stretch the editors omitted (a
// source's [[sources.omit]]). Each is placed at its line and column in the
// document. Tables are not listed: every cell a table declaration reads is
// cited.
func (d *Data) Coverage(fsys fs.FS) diag.List {
	var out diag.List
	for _, src := range d.Sources {
		if src.Document == "" || d.tables[src.ID] != nil {
			continue
		}
		name := ArchiveDir + "/" + src.Document
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			continue // reported by Load
		}
		var quotes []string
		for _, c := range d.Citations(src.ID) {
			quotes = append(quotes, c.Quote)
		}
		for _, o := range src.Omit {
			quotes = append(quotes, o.Text)
		}
		passages, ok := Article(string(b), src.ArticleStart, src.ArticleEnd, quotes)
		if !ok {
			continue
		}
		lines := strings.Split(string(b), "\n")
		for _, p := range passages {
			skip := make([][2]int, 0, len(p.Marks))
			for _, m := range p.Marks {
				skip = append(skip, [2]int{m.Start, m.End})
			}
			for _, m := range notFigures.FindAllStringIndex(p.Text, -1) {
				skip = append(skip, [2]int{m[0], m[1]})
			}
			for _, m := range number.FindAllStringIndex(p.Text, -1) {
				if within(m, skip) {
					continue
				}
				n := p.Text[m[0]:m[1]]
				out.Add(diag.Pos{File: name, Line: p.Line, Col: column(lines[p.Line-1], n, p.Text[:m[0]])},
					"%s is cited by no point, target or commitment: “%s”; cite it, or record it in [[sources.omit]] of %q with the reason", n, around(p.Text, m[0], m[1]), src.ID)
			}
		}
	}
	return out
}

func within(m []int, spans [][2]int) bool {
	for _, s := range spans {
		if m[0] >= s[0] && m[1] <= s[1] {
			return true
		}
	}
	return false
}

// column is the column (in characters) of the number n in the file's line,
// given the collapsed text before it: the occurrence after as many
// characters of text as precede it.
func column(line, n, before string) int {
	want := len(strings.Fields(before))
	words := 0
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		if strings.HasPrefix(line[i:], n) && words >= want {
			return utf8.RuneCountInString(line[:i]) + 1
		}
		if r == ' ' || r == '\t' {
			words++
			for i+size < len(line) && (line[i+size] == ' ' || line[i+size] == '\t') {
				i += size
			}
		}
		i += size
	}
	return 1
}

// around is a few words of text around text[start:end], for messages.
func around(text string, start, end int) string {
	from := start
	for k := 0; k < 5 && from > 0; k++ {
		from = strings.LastIndexByte(text[:from-1], ' ') + 1
		if from <= 0 {
			from = 0
			break
		}
	}
	to := end
	for k := 0; k < 5 && to < len(text); k++ {
		if i := strings.IndexByte(text[to+1:], ' '); i >= 0 {
			to += 1 + i
		} else {
			to = len(text)
		}
	}
	return strings.TrimSpace(text[from:to])
}
