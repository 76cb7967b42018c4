// Package i18n formats numbers, dates and periods per language and holds the
// interface strings.
//
// The interface strings of a language ship in one TOML file,
// templates/i18n/<code>.toml (vi.toml, en.toml); every shipped file defines
// the same keys. A site overrides any of them from its own folder,
// content/i18n/<code>.toml, with the same keys: an unknown key there is an
// error (with the nearest key), and so is a string that drops or adds one
// of the %s or %d the templates fill in. Strings that are a site's own
// claims (what its footer says of its sources, the help of its search
// page, the introductions of its sections) are written neutrally in
// templates/i18n and overridden in content/i18n by a site that says more.
//
// A string that counts something has a plural form: under its key the
// form for every count but one ("home.series_count" = "%d metrics"), and,
// in a language whose nouns change with the number, under the key with
// ".one" added the form for a count of 1 ("home.series_count.one" = "%d
// metric"). N picks the form by the count it is given; a language without
// grammatical number (Vietnamese) writes no ".one" key, and its one form
// serves every count. A singular form keeps the %s and %d of its plural;
// it is the one kind of key the shipped files of the languages need not
// share, and a site may add one in content/i18n for any key that has a
// string. (A key ending in ".one" whose file has no string under the key
// without it is an ordinary string.) site.js fills in the strings of the page's data-msg-*
// attributes: the search page gives it both forms of "search.count", the
// filters' status lines have only the plural form.
//
// A site's languages are the codes listed in content/site.toml, the
// default first (package content). Adding a language is adding its
// strings file to templates/i18n and its conventions to this package: its
// number marks in conventions, and its dates and periods in Date, Period,
// ShortPeriod, InPeriod and PeriodNoun, which know vi and en today.
package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"regexp"
	"slices"
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
	Prefix  string // URL prefix: "" for the site's default language, "<code>/" for the others
	Group   string // thousands separator
	Decimal string // decimal mark
	strings map[string]string
}

// Codes lists the languages of a site whose content/site.toml names none,
// default first.
var Codes = []string{"vi", "en"}

const (
	// Dir holds the interface strings shipped with tiendo.
	Dir = "templates/i18n"
	// SiteDir holds a site's own interface strings, which override those of Dir.
	SiteDir = "content/i18n"
)

// conventions are the number marks of each language tiendo can write.
var conventions = map[string]struct{ group, decimal string }{
	"vi": {".", ","},
	"en": {",", "."},
}

// Supported reports whether tiendo knows how to write numbers and dates in
// a language (it needs its strings file in Dir too).
func Supported(code string) bool { _, ok := conventions[code]; return ok }

// SupportedCodes lists the languages Supported knows, sorted.
func SupportedCodes() []string {
	var out []string
	for c := range conventions {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Load reads the interface strings of the languages codes (default first;
// none means Codes), then the site's own strings in SiteDir. The shipped
// files of the languages must define the same keys. The default language
// is at the site's root (Prefix ""), the others under "<code>/". A shipped
// file that cannot be read to its end gives no languages, only its errors.
func Load(fsys fs.FS, codes ...string) ([]*Lang, diag.List) {
	if len(codes) == 0 {
		codes = Codes
	}
	var errs diag.List
	var langs []*Lang
	broken := false
	for i, code := range codes {
		l := New(code)
		l.Prefix = ""
		if i > 0 {
			l.Prefix = code + "/"
		}
		name := Dir + "/" + code + ".toml"
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs.Add(diag.Pos{File: name}, "cannot read translations: %v", err)
			continue
		}
		f, problems := tomlfile.Decode(name, data, 0, &l.strings)
		errs.Append(problems.Err())
		if !f.Decoded() {
			// Half read: every string after the mistake would be
			// reported missing, and every page that uses one.
			broken = true
		}
		if problems.Err() == nil {
			errs = append(errs, checkForms(f, l.strings)...)
		}
		langs = append(langs, l)
	}
	if broken {
		return nil, errs
	}
	if len(langs) == len(codes) {
		for _, l := range langs[1:] {
			for _, k := range missing(langs[0].strings, l.strings) {
				errs.Add(diag.Pos{File: Dir + "/" + l.Code + ".toml"}, "missing translation %q", k)
			}
			for _, k := range missing(l.strings, langs[0].strings) {
				errs.Add(diag.Pos{File: Dir + "/" + langs[0].Code + ".toml"}, "missing translation %q", k)
			}
		}
	}
	errs = append(errs, overrides(fsys, langs, codes)...)
	return langs, errs
}

// overrides applies the site's own strings (SiteDir/<code>.toml) to langs.
func overrides(fsys fs.FS, langs []*Lang, codes []string) diag.List {
	var errs diag.List
	entries, err := fs.ReadDir(fsys, SiteDir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			errs.Add(diag.Pos{File: SiteDir}, "cannot read: %v", err)
		}
		return errs
	}
	for _, e := range entries {
		name := SiteDir + "/" + e.Name()
		code, ok := strings.CutSuffix(e.Name(), ".toml")
		var lang *Lang
		for _, l := range langs {
			if l.Code == code {
				lang = l
			}
		}
		switch {
		case e.IsDir() || !ok:
			errs.Add(diag.Pos{File: name}, "%s/ holds the site's interface strings, one <language>.toml file per language (%s)", SiteDir, strings.Join(filesOf(codes), ", "))
			continue
		case !slices.Contains(codes, code):
			errs.Add(diag.Pos{File: name, Line: 1, Col: 1}, "interface strings for %q, which is not a language of the site (languages in content/site.toml: %s)", code, strings.Join(codes, ", "))
			continue
		case lang == nil: // its shipped file could not be read, which is reported
			continue
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs.Add(diag.Pos{File: name}, "cannot read: %v", err)
			continue
		}
		var own map[string]string
		f, problems := tomlfile.Decode(name, data, 0, &own)
		errs = append(errs, problems...)
		keys := make([]string, 0, len(own))
		for k := range own {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		shipped := Dir + "/" + code + ".toml"
		for _, k := range keys {
			base, ok := lang.strings[k]
			if plural, one := strings.CutSuffix(k, oneSuffix); !ok && one {
				// A singular form the shipped file lacks: like its plural.
				base, ok = lang.strings[plural]
			}
			switch {
			case !ok:
				if near := tomlfile.Closest(k, lang.keys()); near != "" {
					errs.Add(f.Pos(k), "unknown interface string %q (not in %s): did you mean %q?", k, shipped, near)
				} else {
					errs.Add(f.Pos(k), "unknown interface string %q (not in %s)", k, shipped)
				}
			case !slices.Equal(verbs(base), verbs(own[k])) && len(verbs(base)) == 0:
				errs.Add(f.Pos(k), "%q takes no %%s or %%d (%s: %q)", k, shipped, base)
			case !slices.Equal(verbs(base), verbs(own[k])):
				errs.Add(f.Pos(k), "%q must keep %s, in this order, as in %s (%q): the templates fill them in", k, strings.Join(verbs(base), " "), shipped, base)
			default:
				lang.strings[k] = own[k]
			}
		}
	}
	return errs
}

func filesOf(codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = c + ".toml"
	}
	return out
}

// verbRe matches a formatting verb of fmt ("%s", "%d", "%[2]s", "%.1f").
var verbRe = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// verbs lists the formatting verbs of s, in order, without "%%".
func verbs(s string) []string {
	var out []string
	for _, v := range verbRe.FindAllString(s, -1) {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return out
}

// keys lists the language's keys.
func (l *Lang) keys() []string {
	out := make([]string, 0, len(l.strings))
	for k := range l.strings {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// oneSuffix ends the key of a string's form for a count of 1.
const oneSuffix = ".one"

// checkForms reports a singular form (KEY.one) of a strings file that has
// other %s and %d than its plural (KEY).
func checkForms(f *tomlfile.File, strs map[string]string) diag.List {
	var errs diag.List
	keys := make([]string, 0, len(strs))
	for k := range strs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		plural, one := strings.CutSuffix(k, oneSuffix)
		if !one {
			continue
		}
		if other, ok := strs[plural]; ok && !slices.Equal(verbs(other), verbs(strs[k])) {
			errs.Add(f.Pos(k), "%q must have the %%s and %%d of %q (%q), in the same order", k, plural, other)
		}
	}
	return errs
}

func missing(have, other map[string]string) []string {
	var out []string
	for k := range have {
		if _, ok := have[strings.TrimSuffix(k, oneSuffix)]; ok && strings.HasSuffix(k, oneSuffix) {
			continue // a singular form, which a language may not have
		}
		if _, ok := other[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// New returns a language with its number conventions and no strings, at
// the place it has on a site of the languages Codes (Load places the
// languages of a site). A language Supported does not know writes numbers
// as English does.
func New(code string) *Lang {
	c, ok := conventions[code]
	if !ok {
		c = conventions["en"]
	}
	prefix := code + "/"
	if code == Codes[0] {
		prefix = ""
	}
	return &Lang{Code: code, Prefix: prefix, Group: c.group, Decimal: c.decimal, strings: map[string]string{}}
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

// N returns the interface string for key in the form for the count n
// (Form), formatted with args, or with n alone when there are none.
func (l *Lang) N(key string, n int, args ...any) string {
	if len(args) == 0 {
		args = []any{n}
	}
	return l.T(Form(l, key, n), args...)
}

// Form returns the key of the form of key's string for the count n:
// key + ".one" when n is 1 and the language has that form, else key.
func Form(l *Lang, key string, n int) string {
	if n == 1 && l.Has(key+oneSuffix) {
		return key + oneSuffix
	}
	return key
}

// Has reports whether key has a translation.
func (l *Lang) Has(key string) bool { _, ok := l.strings[key]; return ok }

// Pick is an editor's text in l: en, its English, on English pages when
// the editor gave it, else text, written in the site's first language
// (content files name it without a suffix: title, title_en).
func (l *Lang) Pick(text, en string) string {
	if l.Code == "en" && en != "" {
		return en
	}
	return text
}

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
