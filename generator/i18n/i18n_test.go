package i18n

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tiendo/tiendo/generator/calendar"
)

func TestNumber(t *testing.T) {
	vi, en := New("vi"), New("en")
	tests := []struct {
		v        float64
		decimals int
		vi, en   string
	}{
		{4543, -1, "4.543", "4,543"},
		{16.4, -1, "16,4", "16.4"},
		{55.25, -1, "55,25", "55.25"},
		{1732000, -1, "1.732.000", "1,732,000"},
		{193, -1, "193", "193"},
		{0, -1, "0", "0"},
		{71, -1, "71", "71"},
		{-15, -1, "−15", "−15"},
		{-4543.5, -1, "−4.543,5", "−4,543.5"},
		{20.588235294117645, -1, "20,59", "20.59"}, // 28 / 1.36: at most 2 decimals
		{2.0001, -1, "2", "2"},                     // rounds away the noise
		{-0.001, -1, "0", "0"},                     // no "−0"
		{13.7, 1, "13,7", "13.7"},
		{28, 1, "28,0", "28.0"},
		{4543.456, 2, "4.543,46", "4,543.46"},
		{99.5, 0, "100", "100"},
		{1e9, -1, "1.000.000.000", "1,000,000,000"}, // never scientific
	}
	for _, tt := range tests {
		if got := vi.Number(tt.v, tt.decimals); got != tt.vi {
			t.Errorf("vi Number(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.vi)
		}
		if got := en.Number(tt.v, tt.decimals); got != tt.en {
			t.Errorf("en Number(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.en)
		}
	}
}

func TestSigned(t *testing.T) {
	vi, en := New("vi"), New("en")
	tests := []struct {
		v        float64
		decimals int
		vi, en   string
	}{
		{15, 0, "+15", "+15"},
		{-15, 0, "−15", "−15"},
		{-2.5, 1, "−2,5", "−2.5"},
		{36, 1, "+36,0", "+36.0"},
		{25, -1, "+25", "+25"},
		{0, -1, "0", "0"},
		{0.001, 1, "0,0", "0.0"}, // rounds to zero: no sign
		{1200.5, -1, "+1.200,5", "+1,200.5"},
	}
	for _, tt := range tests {
		if got := vi.Signed(tt.v, tt.decimals); got != tt.vi {
			t.Errorf("vi Signed(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.vi)
		}
		if got := en.Signed(tt.v, tt.decimals); got != tt.en {
			t.Errorf("en Signed(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.en)
		}
	}
}

func TestDate(t *testing.T) {
	vi, en := New("vi"), New("en")
	tests := []struct {
		d      calendar.Date
		vi, en string
	}{
		{calendar.Date{Year: 2024, Month: 7, Day: 10}, "10/7/2024", "10 July 2024"},
		{calendar.Date{Year: 2025, Month: 2, Day: 6}, "6/2/2025", "6 February 2025"},
		{calendar.Date{Year: 2024, Month: 12, Day: 31}, "31/12/2024", "31 December 2024"},
		{calendar.Date{}, "", ""},
	}
	for _, tt := range tests {
		if got := vi.Date(tt.d); got != tt.vi {
			t.Errorf("vi Date(%v) = %q, want %q", tt.d, got, tt.vi)
		}
		if got := en.Date(tt.d); got != tt.en {
			t.Errorf("en Date(%v) = %q, want %q", tt.d, got, tt.en)
		}
	}
}

func TestPeriod(t *testing.T) {
	vi, en := New("vi"), New("en")
	tests := []struct {
		p                string
		vi, en           string
		viShort, enShort string
	}{
		{"2024", "2024", "2024", "2024", "2024"},
		{"2024-H1", "6 tháng đầu năm 2024", "first half of 2024", "6 tháng đầu 2024", "1st half 2024"},
		{"2024-H2", "6 tháng cuối năm 2024", "second half of 2024", "6 tháng cuối 2024", "2nd half 2024"},
		{"2024-Q2", "Quý II/2024", "second quarter of 2024", "Quý II/2024", "Q2 2024"},
		{"2024-Q4", "Quý IV/2024", "fourth quarter of 2024", "Quý IV/2024", "Q4 2024"},
		{"2024-06", "tháng 6/2024", "June 2024", "6/2024", "Jun 2024"},
		{"2024-09", "tháng 9/2024", "September 2024", "9/2024", "Sep 2024"},
		{"2024-06-30", "30/6/2024", "30 June 2024", "30/6/2024", "30 Jun 2024"},
	}
	for _, tt := range tests {
		p, err := calendar.ParsePeriod(tt.p)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name, got, want string
		}{
			{"vi Period", vi.Period(p), tt.vi},
			{"en Period", en.Period(p), tt.en},
			{"vi ShortPeriod", vi.ShortPeriod(p), tt.viShort},
			{"en ShortPeriod", en.ShortPeriod(p), tt.enShort},
		} {
			if c.got != c.want {
				t.Errorf("%s(%s) = %q, want %q", c.name, tt.p, c.got, c.want)
			}
		}
	}
}

// Axis labels may be short, never cryptic: a half-year takes two lines.
// InPeriod says when a figure was, after it ("từ 45,5% năm 2021").
func TestAxisAndInPeriod(t *testing.T) {
	vi, en := New("vi"), New("en")
	tests := []struct {
		p              string
		viAxis, enAxis string
		viIn, enIn     string
	}{
		{"2021", "2021", "2021", "năm 2021", "in 2021"},
		{"2024-H1", "6 tháng đầu\n2024", "1st half\n2024", "6 tháng đầu năm 2024", "in the first half of 2024"},
		{"2024-Q2", "Quý II/2024", "Q2 2024", "Quý II/2024", "in the second quarter of 2024"},
		{"2024-06", "6/2024", "Jun 2024", "tháng 6/2024", "in June 2024"},
		{"2024-06-30", "30/6/2024", "30 Jun 2024", "ngày 30/6/2024", "on 30 June 2024"},
		{"../2024-07-10", "10/7/2024", "10 Jul 2024", "tính đến 10/7/2024", "as of 10 July 2024"},
		{"2021/2024", "2021–2024", "2021–2024", "giai đoạn 2021–2024", "in 2021–2024"},
	}
	for _, tt := range tests {
		p, err := calendar.ParsePeriod(tt.p)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct{ name, got, want string }{
			{"vi AxisPeriod", vi.AxisPeriod(p), tt.viAxis},
			{"en AxisPeriod", en.AxisPeriod(p), tt.enAxis},
			{"vi InPeriod", vi.InPeriod(p), tt.viIn},
			{"en InPeriod", en.InPeriod(p), tt.enIn},
		} {
			if c.got != c.want {
				t.Errorf("%s(%s) = %q, want %q", c.name, tt.p, c.got, c.want)
			}
		}
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/i18n/vi.toml": {Data: []byte("# comment\n\"nav.metrics\" = \"Chỉ số\"\n\"tile.places\" = \"%s bậc\"\n")},
		"templates/i18n/en.toml": {Data: []byte("\"nav.metrics\" = \"Metrics\"\n\"tile.places\" = \"%s places\"\n")},
	}
	langs, errs := Load(fsys)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	if len(langs) != 2 || langs[0].Code != "vi" || langs[1].Code != "en" {
		t.Fatalf("languages = %v, want vi then en", langs)
	}
	vi, en := langs[0], langs[1]
	if vi.Prefix != "" || en.Prefix != "en/" {
		t.Errorf("prefixes %q, %q; want \"\" and \"en/\"", vi.Prefix, en.Prefix)
	}
	if got := vi.T("nav.metrics"); got != "Chỉ số" {
		t.Errorf("vi T = %q", got)
	}
	if got := en.T("tile.places", "+15"); got != "+15 places" {
		t.Errorf("en T with args = %q", got)
	}
	if got := en.T("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key shows as %q, want the key", got)
	}
	if !vi.Has("nav.metrics") || vi.Has("no.such.key") {
		t.Error("Has is wrong")
	}
}

func TestLoadMissingKey(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/i18n/vi.toml": {Data: []byte("\"nav.metrics\" = \"Chỉ số\"\n\"nav.data\" = \"Dữ liệu\"\n\"nav.sources\" = \"Nguồn\"\n")},
		"templates/i18n/en.toml": {Data: []byte("\"nav.metrics\" = \"Metrics\"\n\"nav.feed\" = \"Atom feed\"\n\"nav.sources\" = \"Sources\"\n")},
	}
	_, errs := Load(fsys)
	got := errs.Error()
	for _, want := range []string{
		`templates/i18n/en.toml: missing translation "nav.data"`,
		`templates/i18n/vi.toml: missing translation "nav.feed"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors\n%s\ndo not contain %q", got, want)
		}
	}
	if len(errs) != 2 {
		t.Errorf("%d errors, want 2:\n%s", len(errs), got)
	}
}

func TestLoadBadFile(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/i18n/vi.toml": {Data: []byte("\"nav.metrics\" = \"Chỉ số\"\n\"nav.data\" = 5\n")},
	}
	_, errs := Load(fsys)
	got := errs.Error()
	for _, want := range []string{`templates/i18n/vi.toml:2:14: "nav.data": wrong type`, "templates/i18n/en.toml: cannot read"} {
		if !strings.Contains(got, want) {
			t.Errorf("errors\n%s\ndo not contain %q", got, want)
		}
	}
}

// TestLoadHalfReadFile: a shipped file with a syntax error gives its error
// alone, not every string after it reported missing, and no languages.
func TestLoadHalfReadFile(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/i18n/vi.toml": {Data: []byte("\"nav.metrics\" = \"Chỉ số\"\n\"nav.data\" = Dữ liệu\n\"nav.sources\" = \"Nguồn\"\n")},
		"templates/i18n/en.toml": {Data: []byte("\"nav.metrics\" = \"Metrics\"\n\"nav.data\" = \"Data\"\n\"nav.sources\" = \"Sources\"\n")},
	}
	langs, errs := Load(fsys)
	if len(errs) != 1 || !strings.HasPrefix(errs.Error(), "templates/i18n/vi.toml:2:") || langs != nil {
		t.Errorf("got %d languages and\n%v\nwant no language and one error in vi.toml at line 2", len(langs), errs)
	}
}

func TestLoadLanguagesOfTheSite(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/i18n/vi.toml": {Data: []byte("\"nav.metrics\" = \"Chỉ số\"\n")},
		"templates/i18n/en.toml": {Data: []byte("\"nav.metrics\" = \"Metrics\"\n")},
	}
	for _, tt := range []struct {
		codes    []string
		prefixes []string
	}{
		{[]string{"en"}, []string{""}},
		{[]string{"vi"}, []string{""}},
		{[]string{"en", "vi"}, []string{"", "vi/"}},
		{[]string{"vi", "en"}, []string{"", "en/"}},
	} {
		langs, errs := Load(fsys, tt.codes...)
		if errs.Err() != nil {
			t.Fatalf("%v: %v", tt.codes, errs)
		}
		for i, l := range langs {
			if l.Code != tt.codes[i] || l.Prefix != tt.prefixes[i] {
				t.Errorf("%v: language %d is %q at %q, want %q at %q", tt.codes, i, l.Code, l.Prefix, tt.codes[i], tt.prefixes[i])
			}
		}
		for _, l := range langs { // the marks are the language's, wherever it is
			if want := map[string]string{"vi": "1.234,5", "en": "1,234.5"}[l.Code]; l.Number(1234.5, -1) != want {
				t.Errorf("%v: %s writes %s, want %s", tt.codes, l.Code, l.Number(1234.5, -1), want)
			}
		}
	}
	// A language of one site needs no strings file of another.
	only := fstest.MapFS{"templates/i18n/en.toml": fsys["templates/i18n/en.toml"]}
	if _, errs := Load(only, "en"); errs.Err() != nil {
		t.Errorf("an English site without vi.toml: %v", errs)
	}
}

func TestSiteStrings(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/i18n/vi.toml": {Data: []byte("\"footer.about\" = \"Số liệu lấy từ %s.\"\n\"search.intro\" = \"Tìm.\"\n")},
		"templates/i18n/en.toml": {Data: []byte("\"footer.about\" = \"Figures come from %s.\"\n\"search.intro\" = \"Search.\"\n")},
		"content/i18n/en.toml":   {Data: []byte("\"search.intro\" = \"Search the survey.\"\n\"footer.about\" = \"Every figure is quoted from %s.\"\n")},
	}
	langs, errs := Load(fsys, "en")
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	en := langs[0]
	if got := en.T("search.intro"); got != "Search the survey." {
		t.Errorf("search.intro = %q, want the site's", got)
	}
	if got := en.T("footer.about", "statistics"); got != "Every figure is quoted from statistics." {
		t.Errorf("footer.about = %q, want the site's", got)
	}

	fsys["content/i18n/en.toml"] = &fstest.MapFile{Data: []byte("\"serch.intro\" = \"Search.\"\n\"footer.about\" = \"Figures.\"\n")}
	fsys["content/i18n/vi.toml"] = &fstest.MapFile{Data: []byte("\"search.intro\" = \"Tìm.\"\n")}
	fsys["content/i18n/notes.txt"] = &fstest.MapFile{Data: []byte("x")}
	_, errs = Load(fsys, "en")
	got := errs.Error()
	for _, want := range []string{
		`content/i18n/en.toml:1:17: unknown interface string "serch.intro" (not in templates/i18n/en.toml): did you mean "search.intro"?`,
		`content/i18n/en.toml:2:18: "footer.about" must keep %s, in this order, as in templates/i18n/en.toml`,
		`content/i18n/vi.toml:1:1: interface strings for "vi", which is not a language of the site (languages in content/site.toml: en)`,
		`content/i18n/notes.txt: content/i18n/ holds the site's interface strings, one <language>.toml file per language (en.toml)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors\n%s\ndo not contain %q", got, want)
		}
	}
	if len(errs) != 4 {
		t.Errorf("%d errors, want 4:\n%s", len(errs), got)
	}
}

func TestPluralForms(t *testing.T) {
	fsys := fstest.MapFS{
		// Vietnamese has no plural: one form for every count.
		"templates/i18n/vi.toml": {Data: []byte("\"home.series_count\" = \"%d chỉ số\"\n\"map.unmatched\" = \"%d mã không khớp: %s.\"\n")},
		"templates/i18n/en.toml": {Data: []byte("\"home.series_count\" = \"%d metrics\"\n\"home.series_count.one\" = \"%d metric\"\n" +
			"\"map.unmatched\" = \"%d codes match no shape: %s.\"\n")},
		// A site adds the singular the shipped file lacks.
		"content/i18n/en.toml": {Data: []byte("\"map.unmatched.one\" = \"%d code matches no shape: %s.\"\n")},
	}
	langs, errs := Load(fsys)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	vi, en := langs[0], langs[1]
	for _, tt := range []struct {
		l    *Lang
		n    int
		want string
	}{
		{en, 0, "0 metrics"}, {en, 1, "1 metric"}, {en, 2, "2 metrics"}, {en, 21, "21 metrics"},
		{vi, 1, "1 chỉ số"}, {vi, 4, "4 chỉ số"},
	} {
		if got := tt.l.N("home.series_count", tt.n); got != tt.want {
			t.Errorf("%s N(home.series_count, %d) = %q, want %q", tt.l.Code, tt.n, got, tt.want)
		}
	}
	if got := en.N("map.unmatched", 1, 1, "sgp"); got != "1 code matches no shape: sgp." {
		t.Errorf("the site's singular: %q", got)
	}
	if got := en.N("map.unmatched", 2, 2, "sgp, bhr"); got != "2 codes match no shape: sgp, bhr." {
		t.Errorf("the plural: %q", got)
	}

	// A singular with other verbs than its plural is an error; so is a
	// site's singular of a key that does not exist. A shipped ".one" key
	// without a plural is an ordinary string, shared by the languages.
	fsys["templates/i18n/en.toml"] = &fstest.MapFile{Data: []byte("\"home.series_count\" = \"%d metrics\"\n\"home.series_count.one\" = \"one metric\"\n" +
		"\"map.unmatched\" = \"%d codes match no shape: %s.\"\n\"map.unmached.one\" = \"%d code: %s.\"\n")}
	fsys["content/i18n/en.toml"] = &fstest.MapFile{Data: []byte("\"map.unmatched.one\" = \"A code matches no shape: %s.\"\n\"home.count.one\" = \"%d\"\n")}
	_, errs = Load(fsys)
	got := errs.Error()
	for _, want := range []string{
		`templates/i18n/en.toml:2:27: "home.series_count.one" must have the %s and %d of "home.series_count" ("%d metrics"), in the same order`,
		`templates/i18n/vi.toml: missing translation "map.unmached.one"`,
		`content/i18n/en.toml:1:23: "map.unmatched.one" must keep %d %s, in this order, as in templates/i18n/en.toml ("%d codes match no shape: %s.")`,
		`content/i18n/en.toml:2:20: unknown interface string "home.count.one"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors\n%s\ndo not contain %q", got, want)
		}
	}
	if len(errs) != 4 {
		t.Errorf("%d errors, want 4:\n%s", len(errs), got)
	}
}
