package calendar

import "testing"

// FuzzParsePeriod: any string either fails to parse or gives a period whose
// canonical form parses back to it, with a valid start and end in order.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2024", "2024-H1", "2024-H2", "2024-Q4", "2024-06", "2024-02-29", "2023-02-29",
		"1900", "2200", "0999", "2024-", "2024-H", "2024-Q0", "2024-13", "2024-00", "2024-06-31", "+2024",
		"2024-Q+1", "2024-H-1", "２０２４", "2024-6", "2024-06-3", " 2024", "2024\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			if !p.IsZero() {
				t.Errorf("ParsePeriod(%q) failed but returned %+v", s, p)
			}
			return
		}
		if p.IsZero() {
			t.Fatalf("ParsePeriod(%q) = zero period without error", s)
		}
		c := p.String()
		q, err := ParsePeriod(c)
		if err != nil || q != p {
			t.Fatalf("ParsePeriod(%q) = %+v, whose String %q parses to %+v, %v", s, p, c, q, err)
		}
		start, end := p.Start(), p.End()
		for _, d := range []Date{start, end} {
			if e, err := ParseDate(d.String()); err != nil || e != d {
				t.Errorf("%q: Start/End %v is not a real date", s, d)
			}
		}
		if end.Before(start) {
			t.Errorf("%q: End %v before Start %v", s, end, start)
		}
		if p.Compare(p) != 0 {
			t.Errorf("%q: Compare with itself = %d", s, p.Compare(p))
		}
		var u Period
		if err := u.UnmarshalTOML(s); err != nil || u != p {
			t.Errorf("UnmarshalTOML(%q) = %+v, %v; ParsePeriod gave %+v", s, u, err, p)
		}
	})
}

// FuzzParseDate: a parsed date prints back to the same text.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-07-10", "2024-02-29", "2023-02-29", "0000-01-01", "9999-12-31", "2024-7-10", "2024-07-10T00:00:00Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Errorf("ParseDate(%q) = %v, which prints as %q", s, d, d.String())
		}
		if d.Days(d) != 0 {
			t.Errorf("%q: Days to itself = %d", s, d.Days(d))
		}
	})
}
