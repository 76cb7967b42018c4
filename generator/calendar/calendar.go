// Package calendar holds civil dates and reporting periods: values without a
// time zone, so that parsing, sorting and hashing never depend on the machine.
package calendar

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tiendo/tiendo/generator/diag"
)

// Date is a calendar day.
type Date struct{ Year, Month, Day int }

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		// 10/7/2024, as Vietnamese writes it: say how to write it.
		if v, err := time.Parse("2/1/2006", s); err == nil {
			return Date{}, diag.Errorf("%q is not a date as it is written here: write %s (year-month-day)", s, v.Format("2006-01-02"))
		}
		return Date{}, diag.Errorf("%q is not a date: write it as year-month-day, like 2024-07-10", s)
	}
	return Date{t.Year(), int(t.Month()), t.Day()}, nil
}

func (d Date) IsZero() bool   { return d == Date{} }
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// Compare returns -1, 0 or +1.
func (d Date) Compare(e Date) int {
	a, b := d.Year*10000+d.Month*100+d.Day, e.Year*10000+e.Month*100+e.Day
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Days returns the number of days from d to e.
func (d Date) Days(e Date) int {
	return int(e.time().Sub(d.time()).Hours() / 24)
}

// AddDays returns the day n days after d (before, for a negative n).
func (d Date) AddDays(n int) Date {
	t := d.time().AddDate(0, 0, n)
	return Date{t.Year(), int(t.Month()), t.Day()}
}

func (d Date) time() time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

// UnmarshalTOML accepts a TOML local date (2024-07-10) or a "YYYY-MM-DD" string.
func (d *Date) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case time.Time:
		if v.Hour() != 0 || v.Minute() != 0 || v.Second() != 0 {
			return diag.Errorf("want a date without a time, like 2024-07-10")
		}
		*d = Date{v.Year(), int(v.Month()), v.Day()}
		return nil
	case string:
		p, err := ParseDate(v)
		*d = p
		return err
	}
	return diag.Errorf("want a date like 2024-07-10, not %v", v)
}

// Grain is the length of a period.
type Grain int

const (
	Year Grain = iota + 1
	Half
	Quarter
	Month
	Day
	// Span is a total over consecutive periods: "2021/2024".
	Span
	// AsOf is a cumulative figure up to and including a day: "../2024-07-10".
	AsOf
	// Unstated is a figure whose source states no time: "unstated".
	Unstated
)

// Period is a reporting span: a year, half-year, quarter, month or day; a
// span of such periods; a cumulative total as of a day; or no stated time.
type Period struct {
	Grain Grain
	Year  int
	N     int // half (1–2), quarter (1–4) or month (1–12); 0 for a year
	Day   int // for a day
	// A span runs from the period (First, Year, N, Day) to Last. An as-of
	// figure's day is in Year, N and Day.
	First Grain
	Last  Simple
}

// Simple is a year, half-year, quarter, month or day: the last period of a span.
type Simple struct {
	Grain        Grain
	Year, N, Day int
}

// unstatedWord is how an editor writes a period the source does not state.
const unstatedWord = "unstated"

// Simple reports whether p is a year, half-year, quarter, month or day.
func (p Period) Simple() bool { return p.Grain >= Year && p.Grain <= Day }

// Timed reports whether p can be placed on a time axis (every period but Unstated).
func (p Period) Timed() bool { return p.Grain != Unstated && !p.IsZero() }

// FirstPeriod and LastPeriod are the ends of a span (p itself otherwise).
func (p Period) FirstPeriod() Period {
	if p.Grain == Span {
		return Period{Grain: p.First, Year: p.Year, N: p.N, Day: p.Day}
	}
	return p
}

// LastPeriod: see FirstPeriod.
func (p Period) LastPeriod() Period {
	if p.Grain == Span {
		return Period{Grain: p.Last.Grain, Year: p.Last.Year, N: p.Last.N, Day: p.Last.Day}
	}
	return p
}

// AsOfDate is the cumulative period up to and including d.
func AsOfDate(d Date) Period { return Period{Grain: AsOf, Year: d.Year, N: d.Month, Day: d.Day} }

// Comparable reports whether a change between figures of p and q means
// something: periods of one grain (year with year, half with half …), spans
// of equal length, as-of with as-of. Unstated is comparable with nothing.
func (p Period) Comparable(q Period) bool {
	switch {
	case p.Grain != q.Grain || p.Grain == Unstated || p.IsZero():
		return false
	case p.Grain == Span:
		return p.First == q.First && p.Last.Grain == q.Last.Grain && p.length() == q.length()
	}
	return true
}

// length is how many periods of its first period's grain a span covers
// (2021/2024: 4 years; 2024-01/2024-06: 6 months), or its days for a span
// of days: a leap year does not make two four-year spans unequal.
func (p Period) length() int {
	a, b := p.FirstPeriod(), p.LastPeriod()
	months := (b.End().Year-a.Start().Year)*12 + b.End().Month - a.Start().Month + 1
	switch p.First {
	case Year:
		return months / 12
	case Half:
		return months / 6
	case Quarter:
		return months / 3
	case Month:
		return months
	}
	return a.Start().Days(b.End()) + 1
}

// ParsePeriod parses "2024", "2024-H1", "2024-Q2", "2024-06", "2024-06-30",
// a span "2021/2024" (any two of those, first/last), "../2024-07-10" (as of
// a day) or "unstated".
func ParsePeriod(s string) (Period, error) {
	if s == unstatedWord {
		return Period{Grain: Unstated}, nil
	}
	if day, ok := strings.CutPrefix(s, "../"); ok {
		d, err := ParseDate(day)
		if err != nil {
			return Period{}, diag.Errorf("%q is not an as-of day: want ../2024-07-10", s)
		}
		return AsOfDate(d), nil
	}
	// 10/7/2024, as Vietnamese writes a day: say how to write it.
	if v, err := time.Parse("2/1/2006", s); err == nil {
		return Period{}, diag.Errorf("%q is not a period as it is written here: a day is written %s (year-month-day)", s, v.Format("2006-01-02"))
	}
	if v, err := time.Parse("1/2006", s); err == nil {
		return Period{}, diag.Errorf("%q is not a period as it is written here: a month is written %q (year-month)", s, v.Format("2006-01"))
	}
	if first, last, ok := strings.Cut(s, "/"); ok {
		a, err1 := parseSimple(first)
		b, err2 := parseSimple(last)
		if err1 != nil || err2 != nil {
			return Period{}, diag.Errorf("%q is not a span: want first/last, like \"2021/2024\" or \"2024-01/2024-06\"", s)
		}
		if b.End().Before(a.End()) || !a.Start().Before(b.Start()) {
			return Period{}, diag.Errorf("span %q must run forward: its first period before its last", s)
		}
		return Period{Grain: Span, First: a.Grain, Year: a.Year, N: a.N, Day: a.Day,
			Last: Simple{b.Grain, b.Year, b.N, b.Day}}, nil
	}
	return parseSimple(s)
}

func parseSimple(s string) (Period, error) {
	return parseOne(s, diag.Errorf("%q is not a period: want 2024, 2024-H1, 2024-Q2, 2024-06, 2024-06-30, a span \"2021/2024\" or \"unstated\"", s))
}

// parseOne parses a period of one grain, or returns bad.
func parseOne(s string, bad error) (Period, error) {
	year, rest, dash := strings.Cut(s, "-")
	y, err := strconv.Atoi(year)
	if err != nil || len(year) != 4 || y < 1900 || y > 2200 {
		return Period{}, bad
	}
	switch {
	case rest == "" && !dash:
		return Period{Grain: Year, Year: y}, nil
	case len(rest) == 2 && (rest[0] == 'H' || rest[0] == 'Q'):
		n, err := strconv.Atoi(rest[1:])
		if rest[0] == 'H' && err == nil && n >= 1 && n <= 2 {
			return Period{Grain: Half, Year: y, N: n}, nil
		}
		if rest[0] == 'Q' && err == nil && n >= 1 && n <= 4 {
			return Period{Grain: Quarter, Year: y, N: n}, nil
		}
	case len(rest) == 2 && isDigit(rest[0]) && isDigit(rest[1]):
		n, err := strconv.Atoi(rest)
		if err == nil && n >= 1 && n <= 12 {
			return Period{Grain: Month, Year: y, N: n}, nil
		}
	case len(rest) == 5:
		d, err := ParseDate(s)
		if err == nil {
			return Period{Grain: Day, Year: d.Year, N: d.Month, Day: d.Day}, nil
		}
	}
	return Period{}, bad
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// UnmarshalTOML accepts an integer year (2024), a string ("2024-H1") or a
// TOML local date (2024-06-30).
func (p *Period) UnmarshalTOML(v any) error {
	var err error
	switch v := v.(type) {
	case int64:
		*p, err = ParsePeriod(strconv.FormatInt(v, 10))
	case string:
		*p, err = ParsePeriod(v)
	case time.Time:
		var d Date
		if err = d.UnmarshalTOML(v); err == nil {
			*p = PeriodOf(d)
		}
	default:
		err = diag.Errorf("want a period like 2024, \"2024-H1\", \"2024-Q2\", \"2024-06\" or 2024-06-30, not %v", v)
	}
	return err
}

// Deadline is a Period written where only one of a single grain belongs
// (a commitment's due: a year, half, quarter, month or day). It reads
// what Period reads, spans and "unstated" too, for its reader to reject
// with a message of its own, but a value that is no period is told only
// the forms of one grain, not the span and "unstated" it may not take.
type Deadline struct{ Period }

// UnmarshalTOML reads d as Period.UnmarshalTOML does.
func (d *Deadline) UnmarshalTOML(v any) error {
	s, ok := v.(string)
	if !ok {
		return d.Period.UnmarshalTOML(v)
	}
	p, err := ParsePeriod(s)
	if err == nil {
		d.Period = p
		return nil
	}
	// A day or month written as Vietnamese writes it has its own message.
	if _, e := time.Parse("2/1/2006", s); e == nil {
		return err
	}
	if _, e := time.Parse("1/2006", s); e == nil {
		return err
	}
	d.Period, err = parseOne(s, diag.Errorf("%q is not a period of one year, half, quarter, month or day: want 2024, 2024-H1, 2024-Q2, 2024-06 or 2024-06-30", s))
	return err
}

// PeriodOf returns the one-day period of d.
func PeriodOf(d Date) Period { return Period{Grain: Day, Year: d.Year, N: d.Month, Day: d.Day} }

func (p Period) IsZero() bool { return p.Grain == 0 }

// String returns the canonical form, as an editor writes it (an as-of
// figure, written as_of = 2024-07-10, reads "../2024-07-10").
func (p Period) String() string {
	switch p.Grain {
	case Span:
		return p.FirstPeriod().String() + "/" + p.LastPeriod().String()
	case AsOf:
		return "../" + Date{p.Year, p.N, p.Day}.String()
	case Unstated:
		return unstatedWord
	case Year:
		return strconv.Itoa(p.Year)
	case Half:
		return fmt.Sprintf("%d-H%d", p.Year, p.N)
	case Quarter:
		return fmt.Sprintf("%d-Q%d", p.Year, p.N)
	case Month:
		return fmt.Sprintf("%d-%02d", p.Year, p.N)
	case Day:
		return Date{p.Year, p.N, p.Day}.String()
	}
	return ""
}

// Label is the period for messages to editors: as they write it, an as-of
// total as "as_of = 2024-07-10".
func (p Period) Label() string {
	if p.Grain == AsOf {
		return "as_of = " + Date{p.Year, p.N, p.Day}.String()
	}
	return p.String()
}

// Start is the first day of the period; zero for an as-of or unstated one.
func (p Period) Start() Date {
	switch p.Grain {
	case Span:
		return p.FirstPeriod().Start()
	case AsOf, Unstated:
		return Date{}
	case Half:
		return Date{p.Year, 6*(p.N-1) + 1, 1}
	case Quarter:
		return Date{p.Year, 3*(p.N-1) + 1, 1}
	case Month:
		return Date{p.Year, p.N, 1}
	case Day:
		return Date{p.Year, p.N, p.Day}
	}
	return Date{p.Year, 1, 1}
}

// End is the last day of the period; zero for an unstated one.
func (p Period) End() Date {
	lastOfMonth := func(y, m int) Date {
		t := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC)
		return Date{y, m, t.Day()}
	}
	switch p.Grain {
	case Span:
		return p.LastPeriod().End()
	case AsOf:
		return Date{p.Year, p.N, p.Day}
	case Unstated:
		return Date{}
	case Half:
		return lastOfMonth(p.Year, 6*p.N)
	case Quarter:
		return lastOfMonth(p.Year, 3*p.N)
	case Month:
		return lastOfMonth(p.Year, p.N)
	case Day:
		return Date{p.Year, p.N, p.Day}
	}
	return Date{p.Year, 12, 31}
}

// Compare orders periods by their end, then by their start (longer first);
// unstated periods come after every other.
func (p Period) Compare(q Period) int {
	if pu, qu := p.Grain == Unstated, q.Grain == Unstated; pu || qu {
		switch {
		case pu && qu:
			return 0
		case pu:
			return 1
		}
		return -1
	}
	if c := p.End().Compare(q.End()); c != 0 {
		return c
	}
	return p.Start().Compare(q.Start())
}

// MarshalText writes the date as YYYY-MM-DD (JSON downloads).
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return nil, nil
	}
	return []byte(d.String()), nil
}

// MarshalText writes the period in its canonical form (JSON downloads).
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads what MarshalText writes (the build cache stores dates so).
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	*d = v
	return err
}

// UnmarshalText reads what MarshalText writes (the build cache stores periods so).
func (p *Period) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*p = Period{}
		return nil
	}
	v, err := ParsePeriod(string(b))
	*p = v
	return err
}
