package calendar

import (
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in   string
		want Period // zero: an error is expected
	}{
		{"2024", Period{Grain: Year, Year: 2024}},
		{"2024-H1", Period{Grain: Half, Year: 2024, N: 1}},
		{"2024-H2", Period{Grain: Half, Year: 2024, N: 2}},
		{"2024-Q2", Period{Grain: Quarter, Year: 2024, N: 2}},
		{"2024-Q4", Period{Grain: Quarter, Year: 2024, N: 4}},
		{"2024-06", Period{Grain: Month, Year: 2024, N: 6}},
		{"2024-12", Period{Grain: Month, Year: 2024, N: 12}},
		{"2024-06-30", Period{Grain: Day, Year: 2024, N: 6, Day: 30}},
		{"2024-02-29", Period{Grain: Day, Year: 2024, N: 2, Day: 29}},

		{"2024-H3", Period{}},
		{"2024-H0", Period{}},
		{"2024-Q5", Period{}},
		{"2024-Q0", Period{}},
		{"24", Period{}},
		{"02024", Period{}},
		{"2024-13", Period{}},
		{"2024-00", Period{}},
		{"2024-6", Period{}},
		{"2024-02-30", Period{}},
		{"2023-02-29", Period{}},
		{"2024-06-31", Period{}},
		{"2024-", Period{}},
		{"2024-+1", Period{}},
		{"2024-h1", Period{}},
		{"1800", Period{}},
		{"", Period{}},
		{"năm 2024", Period{}},
	}
	for _, tt := range tests {
		got, err := ParsePeriod(tt.in)
		if tt.want.IsZero() {
			if err == nil {
				t.Errorf("ParsePeriod(%q) = %+v, want an error", tt.in, got)
			} else if !strings.Contains(err.Error(), fmt.Sprintf("%q", tt.in)) {
				t.Errorf("ParsePeriod(%q) error %q does not quote the input", tt.in, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParsePeriod(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParsePeriod(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
		if s := got.String(); s != tt.in {
			t.Errorf("ParsePeriod(%q).String() = %q, want the input back", tt.in, s)
		}
	}
}

func TestStartEnd(t *testing.T) {
	tests := []struct {
		period     string
		start, end Date
	}{
		{"2024", Date{2024, 1, 1}, Date{2024, 12, 31}},
		{"2024-H1", Date{2024, 1, 1}, Date{2024, 6, 30}},
		{"2024-H2", Date{2024, 7, 1}, Date{2024, 12, 31}},
		{"2024-Q1", Date{2024, 1, 1}, Date{2024, 3, 31}},
		{"2024-Q2", Date{2024, 4, 1}, Date{2024, 6, 30}},
		{"2024-Q3", Date{2024, 7, 1}, Date{2024, 9, 30}},
		{"2024-Q4", Date{2024, 10, 1}, Date{2024, 12, 31}},
		{"2024-02", Date{2024, 2, 1}, Date{2024, 2, 29}}, // leap year
		{"2023-02", Date{2023, 2, 1}, Date{2023, 2, 28}},
		{"2100-02", Date{2100, 2, 1}, Date{2100, 2, 28}}, // divisible by 100: not leap
		{"2000-02", Date{2000, 2, 1}, Date{2000, 2, 29}}, // divisible by 400: leap
		{"2024-04", Date{2024, 4, 1}, Date{2024, 4, 30}},
		{"2024-12", Date{2024, 12, 1}, Date{2024, 12, 31}},
		{"2024-06-30", Date{2024, 6, 30}, Date{2024, 6, 30}},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.period)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Start(); got != tt.start {
			t.Errorf("%s Start = %v, want %v", tt.period, got, tt.start)
		}
		if got := p.End(); got != tt.end {
			t.Errorf("%s End = %v, want %v", tt.period, got, tt.end)
		}
	}
}

func TestDays(t *testing.T) {
	tests := []struct {
		a, b Date
		want int
	}{
		{Date{2024, 1, 1}, Date{2024, 12, 31}, 365}, // leap year
		{Date{2023, 1, 1}, Date{2023, 12, 31}, 364},
		{Date{2024, 7, 10}, Date{2025, 2, 6}, 211},
		{Date{2025, 2, 6}, Date{2024, 7, 10}, -211},
		{Date{2024, 3, 30}, Date{2024, 3, 31}, 1}, // a DST change in Europe: no effect
	}
	for _, tt := range tests {
		if got := tt.a.Days(tt.b); got != tt.want {
			t.Errorf("%v.Days(%v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPeriodCompare(t *testing.T) {
	// In the order the generator sorts points: by end, then longer first
	// (the year before its second half, the half before its last quarter…).
	ordered := []string{"2023", "2024-01", "2024-Q1", "2024-H1", "2024-Q2", "2024-06", "2024-06-30", "2024-07-01", "2024", "2024-H2", "2024-Q4", "2024-12", "2025-01-01"}
	var ps []Period
	for _, s := range ordered {
		p, err := ParsePeriod(s)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	for i := range ps {
		for j := range ps {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			if got := ps[i].Compare(ps[j]); got != want {
				t.Errorf("%v.Compare(%v) = %d, want %d", ps[i], ps[j], got, want)
			}
		}
	}
	shuffled := []Period{ps[5], ps[0], ps[12], ps[8], ps[3], ps[1], ps[10], ps[2], ps[11], ps[4], ps[7], ps[6], ps[9]}
	sort.Slice(shuffled, func(i, j int) bool { return shuffled[i].Compare(shuffled[j]) < 0 })
	for i := range ps {
		if shuffled[i] != ps[i] {
			t.Fatalf("sorted = %v, want %v", shuffled, ps)
		}
	}
}

func TestDateCompare(t *testing.T) {
	a, b := Date{2024, 7, 10}, Date{2024, 7, 19}
	if !a.Before(b) || b.Before(a) || a.Before(a) {
		t.Errorf("Before wrong for %v, %v", a, b)
	}
	if a.Compare(Date{2024, 7, 10}) != 0 || (Date{2023, 12, 31}).Compare(Date{2024, 1, 1}) != -1 || (Date{2024, 2, 1}).Compare(Date{2024, 1, 31}) != 1 {
		t.Error("Compare wrong")
	}
}

type doc struct {
	Period Period `toml:"period"`
	Date   Date   `toml:"date"`
}

func TestUnmarshalTOML(t *testing.T) {
	tests := []struct {
		src     string
		period  Period
		date    Date
		wantErr string
	}{
		{"period = 2024", Period{Grain: Year, Year: 2024}, Date{}, ""},
		{`period = "2024-H1"`, Period{Grain: Half, Year: 2024, N: 1}, Date{}, ""},
		{`period = "2024-Q2"`, Period{Grain: Quarter, Year: 2024, N: 2}, Date{}, ""},
		{`period = "2024-06"`, Period{Grain: Month, Year: 2024, N: 6}, Date{}, ""},
		{"period = 2024-06-30", Period{Grain: Day, Year: 2024, N: 6, Day: 30}, Date{}, ""},
		{`period = "2024-06-30"`, Period{Grain: Day, Year: 2024, N: 6, Day: 30}, Date{}, ""},
		{"date = 2024-07-10", Period{}, Date{2024, 7, 10}, ""},
		{`date = "2024-07-10"`, Period{}, Date{2024, 7, 10}, ""},
		{"date = 2024-12-31", Period{}, Date{2024, 12, 31}, ""},
		{"date = 2025-01-01", Period{}, Date{2025, 1, 1}, ""},

		{"period = 24", Period{}, Date{}, "not a period"},
		{`period = "2024-13"`, Period{}, Date{}, "not a period"},
		{"period = 2024.5", Period{}, Date{}, "want a period"},
		{"period = true", Period{}, Date{}, "want a period"},
		{"period = 2024-06-30T10:00:00", Period{}, Date{}, "without a time"},
		{"date = 2024-07-10T08:30:00", Period{}, Date{}, "without a time"},
		{`date = "10/7/2024"`, Period{}, Date{}, "not a date"},
		{"date = 20240710", Period{}, Date{}, "want a date"},
	}
	for _, tt := range tests {
		var d doc
		_, err := toml.Decode(tt.src, &d)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error %v, want one containing %q", tt.src, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.src, err)
			continue
		}
		if d.Period != tt.period || d.Date != tt.date {
			t.Errorf("%s: got %+v %+v, want %+v %+v", tt.src, d.Period, d.Date, tt.period, tt.date)
		}
	}
}

// decodeDates decodes local dates at the edges of the year and returns
// them as text; the result must not depend on the machine's zone.
func decodeDates(t *testing.T) string {
	t.Helper()
	var d struct {
		A Date   `toml:"a"`
		B Date   `toml:"b"`
		P Period `toml:"p"`
	}
	if _, err := toml.Decode("a = 2024-12-31\nb = 2025-01-01\np = 2024-06-30\n", &d); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%v %v %v %d", d.A, d.B, d.P, d.A.Days(d.B))
}

const want = "2024-12-31 2025-01-01 2024-06-30 1"

func TestDecodeIndependentOfLocalZone(t *testing.T) {
	saved := time.Local
	defer func() { time.Local = saved }()
	for _, zone := range []string{"Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Skipf("no zone data: %v", err)
		}
		time.Local = loc
		if got := decodeDates(t); got != want {
			t.Errorf("time.Local = %s: decoded %q, want %q", zone, got, want)
		}
	}
}

// The toml package fixes the zone of local dates when it is initialised, so
// the real test runs the decoding in processes started with different TZ.
func TestDecodeIndependentOfTZ(t *testing.T) {
	if os.Getenv("CALENDAR_TZ_CHILD") != "" {
		fmt.Print("RESULT:" + decodeDates(t) + "\n")
		return
	}
	if testing.Short() {
		t.Skip("starts subprocesses")
	}
	for _, tz := range []string{"Pacific/Kiritimati", "Pacific/Pago_Pago"} {
		if _, err := time.LoadLocation(tz); err != nil {
			t.Skipf("no zone data: %v", err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestDecodeIndependentOfTZ$", "-test.v")
		cmd.Env = append(os.Environ(), "CALENDAR_TZ_CHILD=1", "TZ="+tz)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("TZ=%s: %v\n%s", tz, err, out)
		}
		i := strings.Index(string(out), "RESULT:")
		if i < 0 {
			t.Fatalf("TZ=%s: no result in\n%s", tz, out)
		}
		got, _, _ := strings.Cut(string(out[i+len("RESULT:"):]), "\n")
		if got != want {
			t.Errorf("TZ=%s: decoded %q, want %q", tz, got, want)
		}
	}
}

func TestStatedPeriods(t *testing.T) {
	for _, tt := range []struct {
		in, canon, start, end string
	}{
		{"2021/2024", "2021/2024", "2021-01-01", "2024-12-31"},
		{"2024-01/2024-06", "2024-01/2024-06", "2024-01-01", "2024-06-30"},
		{"2023-05-23/2024-06-10", "2023-05-23/2024-06-10", "2023-05-23", "2024-06-10"},
		{"../2024-07-10", "../2024-07-10", "", "2024-07-10"},
		{"unstated", "unstated", "", ""},
	} {
		p, err := ParsePeriod(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		date := func(d Date) string {
			if d.IsZero() {
				return ""
			}
			return d.String()
		}
		if p.String() != tt.canon || date(p.Start()) != tt.start || date(p.End()) != tt.end {
			t.Errorf("%s: %s from %s to %s, want %s from %s to %s", tt.in, p, date(p.Start()), date(p.End()), tt.canon, tt.start, tt.end)
		}
		if back, err := ParsePeriod(p.String()); err != nil || back != p {
			t.Errorf("%s does not read back: %v %v", p, back, err)
		}
	}
	for _, bad := range []string{"2024/2021", "2024/2024", "2021/", "/2024", "../2024", "../2024-13-01", "Unstated"} {
		if p, err := ParsePeriod(bad); err == nil {
			t.Errorf("%q parsed as %v, want an error", bad, p)
		}
	}
}

func TestComparable(t *testing.T) {
	p := func(s string) Period {
		v, err := ParsePeriod(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"2023", "2024", true},
		{"2024-H1", "2024", false}, // a half and its year
		{"2023-H1", "2024-H1", true},
		{"2024-06", "2024", false},
		{"../2023-12-31", "../2024-07-10", true},
		{"../2024-07-10", "2024-07-10", false}, // a total to date and one day's figure
		{"2021/2024", "2017/2020", true},
		{"2021/2024", "2022/2024", false}, // four years and three
		{"unstated", "unstated", false},
	} {
		if got := p(tt.a).Comparable(p(tt.b)); got != tt.want {
			t.Errorf("%s comparable with %s: %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	// Unstated periods sort after every other.
	if p("unstated").Compare(p("2200")) <= 0 || p("2024").Compare(p("unstated")) >= 0 {
		t.Error("unstated does not sort last")
	}
}

func TestSpansOfEqualLength(t *testing.T) {
	for _, tt := range [][2]string{{"2022/2023", "2023/2024"}, {"2023-01/2023-06", "2024-01/2024-06"}, {"2024-01/2024-03", "2024-07/2024-09"}, {"2023-H1/2023-H2", "2024-H1/2024-H2"}} {
		a, _ := ParsePeriod(tt[0])
		b, _ := ParsePeriod(tt[1])
		if !a.Comparable(b) {
			t.Errorf("%s and %s are spans of equal length, not comparable", tt[0], tt[1])
		}
	}
}
