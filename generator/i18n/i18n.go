// Package i18n formats numbers, dates and periods per language and holds the
// interface strings, which live in one TOML file per language
// (templates/i18n/vi.toml, templates/i18n/en.toml).
package i18n

import (
	"fmt"
	"io/fs"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/tomlfile"
)

// Lang is one language of the site.
type Lang struct {
	Code    string // "vi" or "en"
	Prefix  string // URL prefix: "" for the default language, "en/" otherwise
	Group   string // thousands separator
	Decimal string // decimal mark
	strings map[string]string
}

// Codes lists the site's languages, default first.
var Codes = []string{"vi", "en"}

// Dir holds the translation files.
const Dir = "templates/i18n"

// Load reads the translation files of every language. Every file must define
// the same keys.
func Load(fsys fs.FS) ([]*Lang, diag.List) {
	var errs diag.List
	var langs []*Lang
	for _, code := range Codes {
		l := New(code)
		name := Dir + "/" + code + ".toml"
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs.Add(diag.Pos{File: name}, "cannot read translations: %v", err)
			continue
		}
		_, problems := tomlfile.Decode(name, data, 0, &l.strings)
		errs.Append(problems.Err())
		langs = append(langs, l)
	}
	if len(langs) == len(Codes) {
		for _, l := range langs[1:] {
			for _, k := range missing(langs[0].strings, l.strings) {
				errs.Add(diag.Pos{File: Dir + "/" + l.Code + ".toml"}, "missing translation %q", k)
			}
			for _, k := range missing(l.strings, langs[0].strings) {
				errs.Add(diag.Pos{File: Dir + "/" + langs[0].Code + ".toml"}, "missing translation %q", k)
			}
		}
	}
	return langs, errs
}

func missing(have, other map[string]string) []string {
	var out []string
	for k := range have {
		if _, ok := other[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// New returns a language with its number conventions and no strings.
func New(code string) *Lang {
	if code == "en" {
		return &Lang{Code: "en", Prefix: "en/", Group: ",", Decimal: ".", strings: map[string]string{}}
	}
	return &Lang{Code: "vi", Prefix: "", Group: ".", Decimal: ",", strings: map[string]string{}}
}

// T returns the interface string for key, formatted with args
// (fmt.Sprintf verbs). A missing key shows as itself so it is noticed.
func (l *Lang) T(key string, args ...any) string {
	s, ok := l.strings[key]
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Has reports whether key has a translation.
func (l *Lang) Has(key string) bool { _, ok := l.strings[key]; return ok }

// Number formats v with the language's marks. decimals < 0 means as many as
// needed, at most 2 ("16,4", "4.543", "55,25").
func (l *Lang) Number(v float64, decimals int) string {
	var s string
	if decimals < 0 {
		s = strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	} else {
		s = strconv.FormatFloat(v, 'f', decimals, 64)
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	ip, fp, _ := strings.Cut(s, ".")
	out := group(ip, l.Group)
	if fp != "" {
		out += l.Decimal + fp
	}
	if neg && strings.Trim(out, "0.,") != "" {
		out = "−" + out
	}
	return out
}

// Signed formats v with an explicit sign: "+15", "−2,5".
func (l *Lang) Signed(v float64, decimals int) string {
	s := l.Number(v, decimals)
	if v > 0 && strings.Trim(s, "0.,") != "" {
		return "+" + s
	}
	return s
}

func group(digits, sep string) string {
	if len(digits) <= 4 && sep == "." || len(digits) <= 3 {
		// Vietnamese style writes 4-digit numbers grouped too ("4.543"); so
		// does English ("4,543"). Years never pass through here.
		if len(digits) <= 3 {
			return digits
		}
	}
	var b strings.Builder
	pre := len(digits) % 3
	if pre > 0 {
		b.WriteString(digits[:pre])
	}
	for i := pre; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

var monthsEn = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// Date formats d: "10/7/2024" or "10 July 2024".
func (l *Lang) Date(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	if l.Code == "en" {
		return fmt.Sprintf("%d %s %d", d.Day, monthsEn[d.Month-1], d.Year)
	}
	return fmt.Sprintf("%d/%d/%d", d.Day, d.Month, d.Year)
}

var (
	ordinalsEn = []string{"first", "second", "third", "fourth"}
	halvesVi   = []string{"đầu", "cuối"}
	romanVi    = []string{"I", "II", "III", "IV"}
)

// Period formats p for people, spelled out as tables and tooltips write
// it: "2024", "6 tháng đầu năm 2024" / "first half of 2024", "Quý II/2024"
// / "second quarter of 2024", "tháng 6/2024" / "June 2024", or a date.
func (l *Lang) Period(p calendar.Period) string {
	en := l.Code == "en"
	switch p.Grain {
	case calendar.Year:
		return strconv.Itoa(p.Year)
	case calendar.Half:
		if en {
			return fmt.Sprintf("%s half of %d", ordinalsEn[p.N-1], p.Year)
		}
		return fmt.Sprintf("6 tháng %s năm %d", halvesVi[p.N-1], p.Year)
	case calendar.Quarter:
		if en {
			return fmt.Sprintf("%s quarter of %d", ordinalsEn[p.N-1], p.Year)
		}
		return fmt.Sprintf("Quý %s/%d", romanVi[p.N-1], p.Year)
	case calendar.Month:
		if en {
			return fmt.Sprintf("%s %d", monthsEn[p.N-1], p.Year)
		}
		return fmt.Sprintf("tháng %d/%d", p.N, p.Year)
	case calendar.Day:
		return l.Date(p.Start())
	case calendar.Span:
		span := l.Period(p.FirstPeriod()) + "–" + l.Period(p.LastPeriod())
		if p.First == calendar.Year && p.Last.Grain == calendar.Year {
			span = fmt.Sprintf("%d–%d", p.Year, p.Last.Year)
		}
		if en {
			return span
		}
		return "giai đoạn " + span
	case calendar.AsOf:
		if en {
			return "as of " + l.Date(p.End())
		}
		return "tính đến " + l.Date(p.End())
	case calendar.Unstated:
		if en {
			return "time not stated"
		}
		return "không nêu thời điểm"
	}
	return ""
}

// ShortPeriod formats p compactly, on one line, for charts (target labels,
// and the axis, see AxisPeriod), but never cryptically: "2024", "6 tháng
// đầu 2024" / "1st half 2024", "Quý II/2024" / "Q2 2024", "6/2024" / "Jun
// 2024", "10/7/2024" / "10 Jul 2024".
func (l *Lang) ShortPeriod(p calendar.Period) string {
	en := l.Code == "en"
	switch p.Grain {
	case calendar.Half:
		if en {
			return fmt.Sprintf("%s half %d", []string{"1st", "2nd"}[p.N-1], p.Year)
		}
		return fmt.Sprintf("6 tháng %s %d", halvesVi[p.N-1], p.Year)
	case calendar.Quarter:
		if en {
			return fmt.Sprintf("Q%d %d", p.N, p.Year)
		}
		return fmt.Sprintf("Quý %s/%d", romanVi[p.N-1], p.Year)
	case calendar.Month:
		if en {
			return fmt.Sprintf("%s %d", monthsEn[p.N-1][:3], p.Year)
		}
		return fmt.Sprintf("%d/%d", p.N, p.Year)
	case calendar.Day:
		if en {
			return fmt.Sprintf("%d %s %d", p.Day, monthsEn[p.N-1][:3], p.Year)
		}
		return fmt.Sprintf("%d/%d/%d", p.Day, p.N, p.Year)
	case calendar.Span:
		return l.ShortPeriod(p.FirstPeriod()) + "–" + l.ShortPeriod(p.LastPeriod())
	case calendar.AsOf:
		return l.ShortPeriod(calendar.PeriodOf(p.End()))
	}
	return l.Period(p)
}

// AxisPeriod is ShortPeriod for a category of a chart's x axis, where a
// half-year, the longest, takes two lines: "6 tháng đầu\n2024", "1st
// half\n2024".
func (l *Lang) AxisPeriod(p calendar.Period) string {
	s := l.ShortPeriod(p)
	if p.Grain == calendar.Half {
		if i := strings.LastIndexByte(s, ' '); i > 0 {
			return s[:i] + "\n" + s[i+1:]
		}
	}
	return s
}

// PeriodNoun is Period as a noun in a sentence: in English a half-year or a
// quarter takes "the" ("by the end of the first half of 2025", "since the
// second quarter of 2024"); otherwise it is Period.
func (l *Lang) PeriodNoun(p calendar.Period) string {
	if l.Code == "en" && (p.Grain == calendar.Half || p.Grain == calendar.Quarter) {
		return "the " + l.Period(p)
	}
	return l.Period(p)
}

// InPeriod says when, to follow a figure: "năm 2021" / "in 2021", "6
// tháng đầu năm 2024" / "in the first half of 2024", "tính đến 10/7/2024"
// / "as of 10 July 2024", "ngày 30/6/2024" / "on 30 June 2024".
func (l *Lang) InPeriod(p calendar.Period) string {
	s := l.PeriodNoun(p)
	switch {
	case l.Code == "en" && p.Grain == calendar.Day:
		return "on " + s
	case l.Code == "en" && p.Grain != calendar.AsOf && p.Grain != calendar.Unstated:
		return "in " + s
	case p.Grain == calendar.Year:
		return "năm " + s
	case p.Grain == calendar.Day:
		return "ngày " + s
	}
	return s
}
