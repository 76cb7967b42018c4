package tomlfile

import (
	"strings"
	"testing"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/diag"
)

type point struct {
	Period any      `toml:"period"`
	Value  *float64 `toml:"value"`
	Of     *float64 `toml:"of"`
	Change *float64 `toml:"change"`
	Source string   `toml:"source"`
	Quote  string   `toml:"quote"`
	Note   string   `toml:"note"`
}

type series struct {
	Title       string    `toml:"title"`
	TitleEn     string    `toml:"title_en"`
	Unit        string    `toml:"unit"`
	UnitEn      string    `toml:"unit_en"`
	Kind        string    `toml:"kind"`
	Theme       string    `toml:"theme"`
	Description string    `toml:"description"`
	Tags        []string  `toml:"tags"`
	Points      []point   `toml:"points"`
	Values      []float64 `toml:"values"`
}

// lines joins lines with "\n", so that tests can count them.
func lines(l ...string) []byte { return []byte(strings.Join(l, "\n") + "\n") }

// messages renders a list one problem per line.
func messages(l diag.List) []string {
	var out []string
	for _, e := range l {
		out = append(out, e.Error())
	}
	return out
}

func check(t *testing.T, got diag.List, want ...string) {
	t.Helper()
	g := messages(got)
	if strings.Join(g, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n\t%s\nwant:\n\t%s", strings.Join(g, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// egdi is content/metrics/egdi-rank.toml as editors write it.
var egdi = lines(
	`title = "Xếp hạng Chỉ số Phát triển Chính phủ điện tử (EGDI) của Liên Hợp Quốc"`, // 1
	`title_en = "UN E-Government Development Index (EGDI) rank"`,                      // 2
	`unit = "hạng"`,                    // 3
	`unit_en = "rank"`,                 // 4
	`kind = "rank"`,                    // 5
	`theme = "international-rankings"`, // 6
	``,                                 // 7
	`[[points]]`,                       // 8
	`period = 2022`,                    // 9
	`value = 86`,                       // 10
	`of = 193`,                         // 11
	`source = "thuong-truc-2024-07"`,   // 12
	`quote = "Chỉ số Chính phủ điện tử năm 2022 xếp hạng 86/193."`, // 13
	``,                                // 14
	`[[points]]`,                      // 15
	`period = 2024`,                   // 16
	`value   =   71`,                  // 17: odd spacing on purpose
	`of = 193`,                        // 18
	`change = -15`,                    // 19
	`source = "phien-hop-10-2025-02"`, // 20
	`quote = "Chỉ số Phát triển chính phủ điện tử năm 2024 tăng 15 bậc, xếp hạng 71/193."`, // 21
)

func TestPosRealLayout(t *testing.T) {
	var s series
	f, errs := Decode("content/metrics/egdi-rank.toml", egdi, 0, &s)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	if len(s.Points) != 2 || *s.Points[1].Value != 71 {
		t.Fatalf("decoded %+v", s.Points)
	}
	tests := []struct {
		path []any
		want string
	}{
		{[]any{"title"}, "content/metrics/egdi-rank.toml:1:9"},
		{[]any{"theme"}, "content/metrics/egdi-rank.toml:6:9"},
		{[]any{"points", 0}, "content/metrics/egdi-rank.toml:8:1"},
		{[]any{"points", 0, "value"}, "content/metrics/egdi-rank.toml:10:9"},
		{[]any{"points", 1}, "content/metrics/egdi-rank.toml:15:1"},
		{[]any{"points", 1, "value"}, "content/metrics/egdi-rank.toml:17:13"},
		{[]any{"points", 1, "change"}, "content/metrics/egdi-rank.toml:19:10"},
		{[]any{"points", 1, "quote"}, "content/metrics/egdi-rank.toml:21:9"},
		// A key the point lacks: its table header.
		{[]any{"points", 1, "note"}, "content/metrics/egdi-rank.toml:15:1"},
		// Nothing known: the start of the file.
		{[]any{"targets", 0, "value"}, "content/metrics/egdi-rank.toml:1:1"},
	}
	for _, tt := range tests {
		if got := f.Pos(tt.path...).String(); got != tt.want {
			t.Errorf("Pos(%v) = %s, want %s", tt.path, got, tt.want)
		}
	}
}

func TestSyntaxErrorFrontMatter(t *testing.T) {
	// Front matter: the file's line 1 is "+++", so data starts at line 2.
	front := lines(
		`title = "Kết luận"`,  // file line 2
		`date = 2024-07-10`,   // 3
		`summary = "Một câu`,  // 4: unterminated string
		`tags = ["Đề án 06"]`, // 5
	)
	var v struct {
		Title   string `toml:"title"`
		Date    any    `toml:"date"`
		Summary string `toml:"summary"`
		Tags    []string
	}
	_, errs := Decode("content/reports/x.md", front, 1, &v)
	if len(errs) != 1 {
		t.Fatalf("got %d problems, want 1: %v", len(errs), errs)
	}
	if got := errs[0].Pos; got.File != "content/reports/x.md" || got.Line != 4 || got.Col < 11 {
		t.Errorf("syntax error at %v, want content/reports/x.md:4 inside the string: %v", got, errs)
	}
	if strings.Contains(errs[0].Msg, "toml:") {
		t.Errorf("message keeps the library prefix: %q", errs[0].Msg)
	}

	// An invalid value: the error points into line 3 of the file.
	front = lines(`title = "Kết luận"`, `date = 2024-07-1O`)
	_, errs = Decode("content/reports/x.md", front, 1, &v)
	if len(errs) != 1 || errs[0].Pos.Line != 3 || errs[0].Pos.Col < 8 {
		t.Errorf("got %v, want one error on line 3 at or after the value", errs)
	}
}

// A text that ends inside a string's escape ("\ at the very end, found by
// fuzzing: the library gives no line) is reported within the text, with a
// column, in words.
func TestEndsInsideAnEscape(t *testing.T) {
	for _, text := range []string{`"\`, "title = \"a\"\nnote = \"đang sửa\\"} {
		var v map[string]any
		_, errs := Decode("f.toml", []byte(text), 3, &v)
		last := 3 + strings.Count(text, "\n") + 1
		if len(errs) != 1 || errs[0].Pos.Line < 4 || errs[0].Pos.Line > last || errs[0].Pos.Col < 1 || strings.ContainsRune(errs[0].Msg, 0) {
			t.Errorf("%q: got %v, want one problem on lines 4–%d, with a column, and no NUL in its message", text, errs, last)
		}
	}
}

// A string left unclosed is named so, at the end of its line, rather than
// in the library's words ("strings cannot contain newlines").
func TestUnclosedString(t *testing.T) {
	for _, text := range []string{"title = \"Báo cáo\ndate = 2024-07-19\n", "title = 'Báo cáo\ndate = 2024-07-19\n"} {
		var v map[string]any
		_, errs := Decode("f.toml", []byte(text), 1, &v)
		if len(errs) != 1 || errs[0].Pos.Line != 2 || errs[0].Pos.Col != 17 || !strings.Contains(errs[0].Msg, "not closed") {
			t.Errorf("%q: got %v, want f.toml:2:17: the string is not closed…", text, errs)
		}
	}
}

func TestUnknownKeys(t *testing.T) {
	src := lines(
		`title = "Doanh thu thương mại điện tử"`, // 1
		`titel_en = "E-commerce revenue"`,        // 2: typo, top level
		`kind = "amount"`,                        // 3
		``,                                       // 4
		`[[points]]`,                             // 5
		`period = 2021`,                          // 6
		`value = 13.7`,                           // 7
		`  sourse = "thuong-truc-2024-07"`,       // 8: typo, indented
		``,                                       // 9
		`[[points]]`,                             // 10
		`period = 2023`,                          // 11
		`value = 20.5`,                           // 12
		``,                                       // 13
		`[[points]]`,                             // 14
		`period = 2024`,                          // 15
		`sourse = "phien-hop-10-2025-02"`,        // 16: the same typo again
		`change_pc = 36`,                         // 17
	)
	var s series
	_, errs := Decode("content/metrics/ecommerce-revenue.toml", src, 0, &s)
	check(t, errs,
		`content/metrics/ecommerce-revenue.toml:17:13: unknown key "points.change_pc"`,
		`content/metrics/ecommerce-revenue.toml:8:12: unknown key "points.sourse": did you mean "source"?`,
		`content/metrics/ecommerce-revenue.toml:16:10: unknown key "points.sourse": did you mean "source"?`,
		`content/metrics/ecommerce-revenue.toml:2:12: unknown key "titel_en": did you mean "title_en"?`,
	)
	// Unknown keys do not stop decoding.
	if s.Kind != "amount" || len(s.Points) != 3 || *s.Points[1].Value != 20.5 || s.Points[2].Value != nil {
		t.Errorf("decoded %+v", s)
	}
}

func TestUnknownTable(t *testing.T) {
	src := lines(
		`title = "x"`,               // 2 (front matter: offset 1)
		`inline = { x = 1, y = 2 }`, // 3
		`[[targets]]`,               // 4
		`value = 80`,                // 5
		`by = 2024`,                 // 6
		``,                          // 7
		`[[targets]]`,               // 8
		`value = 100`,               // 9
		``,                          // 10
		`[extra]`,                   // 11
		`a = 1`,                     // 12
		`b = { c = 1 }`,             // 13
	)
	var v struct {
		Title string `toml:"title"`
	}
	_, errs := Decode("f.toml", src, 1, &v)
	check(t, errs,
		`f.toml:11:1: unknown table "extra"`,
		`f.toml:3:10: unknown key "inline"`,
		`f.toml:4:1: unknown table "targets"`,
		`f.toml:8:1: unknown table "targets"`,
	)
}

func TestTypeError(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		off  int
		want string
	}{
		{"top level", lines(`title = "x"`, `kind = 5`), 0,
			`f.toml:2:8: kind: wrong type: the value is a whole number, expected text in quotes`},
		{"in a point", lines(`title = "x"`, ``, `[[points]]`, `period = 2024`, `value = "bảy mươi mốt"`), 0,
			`f.toml:5:9: points.value: wrong type: the value is text in quotes, expected a number`},
		{"second point, front matter", lines(`title = "x"`, `[[points]]`, `value = 1`, `[[points]]`, `value = 2`, `  of = "193 nước"`), 1,
			`f.toml:7:8: points.of: wrong type: the value is text in quotes, expected a number`},
		{"array", lines(`tags = "Đề án 06"`), 0,
			`f.toml:1:8: tags: wrong type: the value is text in quotes, expected a list […]`},
		{"a number in quotes", lines(`title = "x"`, ``, `[[points]]`, `period = 2024`, `value = "71,5"`), 0,
			`f.toml:5:9: value: a number is written without quotes: write value = 71.5`},
		{"nan", lines(`title = "x"`, `[[points]]`, `value = nan`), 0,
			`f.toml:3:9: nan is not a number: write the figure the source gives`},
		{"inf in front matter, after a sign", lines(`title = "x"`, `[[points]]`, `value = -inf # hết`), 1,
			`f.toml:4:9: -inf is not a number: write the figure the source gives`},
		{"nan in an inline table, at the key that holds it", lines(`title = "x"`, `points = [{period = 2024, value = nan}]`), 0,
			`f.toml:2:10: nan is not a number: write the figure the source gives`},
		{"inf in a multi-line array", lines(`title = "information"`, `values = [`, `  1,`, `  inf,`, `]`), 0,
			`f.toml:2:10: inf is not a number: write the figure the source gives`},
	}
	for _, tt := range tests {
		var s series
		_, errs := Decode("f.toml", tt.src, tt.off, &s)
		if len(errs) != 1 {
			t.Errorf("%s: %d problems, want 1: %v", tt.name, len(errs), errs)
			continue
		}
		if got := errs[0].Error(); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
		if vi := errs[0].Vi; vi == "" || strings.Contains(vi, "wrong type") || strings.Contains(vi, "not a number") {
			t.Errorf("%s: in Vietnamese %q", tt.name, vi)
		}
	}
}

func TestMultiLineValues(t *testing.T) {
	src := lines(
		`title = "x"`,                        // 1
		`description = """`,                  // 2
		`Một đoạn dài.`,                      // 3
		`value = 99`,                         // 4: text, not a key
		`[[points]]`,                         // 5: text, not a table
		`"""`,                                // 6
		`tags = [`,                           // 7
		`  "a [b",  # a bracket in a string`, // 8
		`  "kind = rate",`,                   // 9
		`  "x]", [ "nested" ],`,              // 10
		`]`,                                  // 11
		`kind = "rate"`,                      // 12
		`note_block = '''`,                   // 13
		`theme = "not this"`,                 // 14
		`'''`,                                // 15
		`theme = "digital-government"`,       // 16
		``,                                   // 17
		`[[points]]`,                         // 18
		`period = "2024-H1"`,                 // 19
		`quote = """cả nước đạt 42% (cuối năm 2023 là 17%)"""`, // 20: opens and closes on one line
		`value = 42`, // 21
	)
	// Index only; decoding of this text is not the point.
	f := &File{Name: "f.toml"}
	f.index(src, 0)
	tests := []struct {
		path []any
		want string
	}{
		{[]any{"description"}, "f.toml:2:15"},
		{[]any{"tags"}, "f.toml:7:8"},
		{[]any{"kind"}, "f.toml:12:8"},
		{[]any{"theme"}, "f.toml:16:9"},
		{[]any{"points", 0}, "f.toml:18:1"},
		{[]any{"points", 0, "quote"}, "f.toml:20:9"},
		{[]any{"points", 0, "value"}, "f.toml:21:9"},
	}
	for _, tt := range tests {
		if got := f.Pos(tt.path...).String(); got != tt.want {
			t.Errorf("Pos(%v) = %s, want %s", tt.path, got, tt.want)
		}
	}
	if _, ok := f.keys["value"]; ok {
		t.Error("a line inside a multi-line string was indexed as a key")
	}
	if _, ok := f.tables["points.1"]; ok {
		t.Error("a line inside a multi-line string was indexed as a table")
	}
}

// TestNestedArrayTables: a [[commitments.reports]] table is placed inside
// the [[commitments]] element it follows, counted from 0 in each.
func TestNestedArrayTables(t *testing.T) {
	src := lines(
		`[[commitments]]`,         // 1
		`id = "a"`,                // 2
		`[[commitments.reports]]`, // 3
		`status = "done"`,         // 4
		``,                        // 5
		`[[commitments]]`,         // 6
		`id = "b"`,                // 7
		`[[commitments.reports]]`, // 8
		`status = "late"`,         // 9
		`[[commitments.reports]]`, // 10
		`  source = "x"`,          // 11
	)
	f := &File{Name: "f.toml"}
	f.index(src, 0)
	for _, tt := range []struct {
		path []any
		want string
	}{
		{[]any{"commitments", 0, "reports", 0, "status"}, "f.toml:4:10"},
		{[]any{"commitments", 1, "id"}, "f.toml:7:6"},
		{[]any{"commitments", 1, "reports", 0}, "f.toml:8:1"},
		{[]any{"commitments", 1, "reports", 0, "status"}, "f.toml:9:10"},
		{[]any{"commitments", 1, "reports", 1, "source"}, "f.toml:11:12"},
		{[]any{"commitments", 1, "reports", 1, "quote"}, "f.toml:10:1"}, // not written: its table
	} {
		if got := f.Pos(tt.path...).String(); got != tt.want {
			t.Errorf("Pos(%v) = %s, want %s", tt.path, got, tt.want)
		}
	}
}

func TestCRLF(t *testing.T) {
	src := []byte("title = \"x\"\r\nkind = \"rank\"\r\n\r\n[[points]]\r\nperiod = 2024\r\nvalue = 71\r\nvalu = 1\r\n")
	var s series
	f, errs := Decode("f.toml", src, 1, &s)
	check(t, errs, `f.toml:8:8: unknown key "points.valu": did you mean "value"?`)
	if got := f.Pos("points", 0, "value").String(); got != "f.toml:7:9" {
		t.Errorf("Pos = %s, want f.toml:7:9", got)
	}
	if s.Kind != "rank" {
		t.Errorf("kind = %q", s.Kind)
	}
}

// TestHints: a value written as Vietnamese writes it gets a fix drawn from
// the editor's own text.
func TestHints(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"value = 16,4", "write value = 16.4"},
		{"value = 28 tỷ", "write the number alone, value = 28; its unit (tỷ) is the series' unit, given once at the top of the file (unit = \"…\")"},
		{"value = 31.500.000", "write value = 31500000"},
		{"value = 16,4 triệu # ghi chú", "value = 16.4; its unit (triệu)"},
		{`value = "16,4"`, "a number is written without quotes: write value = 16.4"},
		{`title = “Tài khoản”`, `write title = "Tài khoản"`},
		{"date = 10/7/2024", "date: a day is written year-month-day: write date = 2024-07-10"},
		{"as_of = 1/12/2024", "write as_of = 2024-12-01"},
		{`date = "10/7/2024"`, ""}, // a string: its decoding says how to write it
		{"due = 7/2024", `due: a month is written "year-month": write due = "2024-07"`},
		{"date = 10 tháng 7 năm 2024", ""}, // not a number and its unit
		{"date = 32/7/2024", ""},
		{"value = 16.4", ""},
		{`quote = "đạt 16,4"`, ""},
		{"value = 1e400", "1e400 is too large a number to be a figure"},
		{"value = 1e300", ""},
	} {
		got := Hint(tt.line).En
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("Hint(%q) = %q, want one containing %q", tt.line, got, tt.want)
		}
	}
	// Through Decode, at the place of the mistake.
	var v struct {
		Value float64 `toml:"value"`
	}
	_, errs := Decode("content/metrics/x.toml", []byte("value = 16,4\n"), 0, &v)
	if len(errs) != 1 || errs[0].Error() != "content/metrics/x.toml:1:9: value: a number takes a point before its decimals: write value = 16.4 (the quote keeps the document's 16,4)" {
		t.Errorf("Decode: %v", errs)
	}
	if len(errs) == 1 && !strings.Contains(errs[0].Vi, "`value = 16.4`") {
		t.Errorf("in Vietnamese: %q", errs[0].Vi)
	}
}

// TestMessagesInVietnamese: syntax errors the library reports, and errors
// of a value's own decoding, come in Vietnamese too.
func TestMessagesInVietnamese(t *testing.T) {
	var v struct {
		Title string        `toml:"title"`
		Date  calendar.Date `toml:"date"`
		Tags  []string      `toml:"tags"`
		N     float64       `toml:"n"`
	}
	for _, tt := range []struct{ src, en, vi string }{
		{"n = 99999999999999999999\n", "f.toml:1:5: 99999999999999999999 is too large a number to be a figure", "f.toml:1:5: 99999999999999999999 là số quá lớn"},
		{"title = Báo cáo\n", `f.toml:1:9: expected value but found "Báo" instead`, `f.toml:1:9: không đọc được giá trị bắt đầu bằng "Báo"`},
		{"title = \n", `f.toml:1:9: expected value but found '\n' instead`, "f.toml:1:9: thiếu giá trị sau dấu `=`"},
		{"title = \"a\"\ntitle = \"b\"\n", "f.toml:2:1: Key 'title' has already been defined.", "f.toml:2:1: trường `title` đã được ghi ở trên"},
		{"title = \"a\" b\n", "f.toml:1:12: expected a top-level item to end with a newline, comment, or EOF, but got 'b' instead", "f.toml:1:12: sau giá trị còn 'b'"},
		{"tags = [\"a\" \"b\"]\n", "f.toml:1:13: expected a comma (',') or array terminator (']'), but got '\"'", "f.toml:1:13: trong danh sách […]"},
		{"title = \"Báo cáo\ndate = 2024-07-19\n", "f.toml:1:17: the string is not closed on its line", "f.toml:1:17: văn bản chưa được đóng ngoặc kép ở cuối dòng"},
		// The library quotes what it read, line break included: a
		// message is still one line.
		{"n = 0b\n", `f.toml:1:5: not a binary number: '0b\n'`, `f.toml:1:5: not a binary number: '0b\n'`},
		// A value's own error, from package calendar.
		{"date = \"10/7/2024\"\n", `f.toml:1:9: "10/7/2024" is not a date as it is written here: write 2024-07-10 (year-month-day)`, `f.toml:1:9: "10/7/2024": ngày phải viết theo thứ tự năm-tháng-ngày: hãy viết 2024-07-10`},
		{"date = 10/7/2024\n", "f.toml:1:8: date: a day is written year-month-day: write date = 2024-07-10", "f.toml:1:8: date: ngày được viết theo thứ tự năm-tháng-ngày: hãy viết `date = 2024-07-10`"},
	} {
		_, errs := Decode("f.toml", []byte(tt.src), 0, &v)
		if len(errs) != 1 || !strings.HasPrefix(errs[0].In(diag.English), tt.en) || !strings.HasPrefix(errs[0].In(diag.Vietnamese), tt.vi) {
			t.Errorf("%q:\ngot  %v\nin Vietnamese %q\nwant %q\nand  %q", tt.src, errs, errs.In(diag.Vietnamese), tt.en, tt.vi)
		}
	}
}

// TestNonFiniteWord: the scan that decides whether a file is walked for
// nan and inf finds them where a value starts, and only there.
func TestNonFiniteWord(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want bool
	}{
		{"value = nan", true},
		{"value=-inf\n", true},
		{"value = +nan # x", true},
		{"v = [1, inf]", true},
		{"v = [\n  inf,\n]", true},
		{"inf", true},
		{"v = [nan]", true},
		{"\tnan", true},
		{`title = "information"`, false},
		{"title = infinite", false},
		{"nan_key = 1", false},
		{"banana = 1", false},
		{"x = 1 # nan\n", false},
		{"v = -infx", false},
		{"", false},
	} {
		if got := hasNonFiniteWord([]byte(tt.src)); got != tt.want {
			t.Errorf("hasNonFiniteWord(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}
