package metrics

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/diag"
)

// themes are the theme ids of the real content/site.toml.
var themes = []string{"international-rankings", "digital-government", "digital-economy", "digital-society",
	"digital-infrastructure", "project-06", "localities"}

// fixture reads testdata/ (copies of real content files) into a MapFS, so
// that tests can add or replace files.
func fixture(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := os.DirFS("testdata")
	err := fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(root, name)
		fsys[name] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// The archived documents are the site's own (content/sources/).
	archive := os.DirFS(filepath.Join("..", ".."))
	names, err := fs.Glob(archive, ArchiveDir+"/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no archived documents in %s: %v", ArchiveDir, err)
	}
	for _, name := range names {
		b, err := fs.ReadFile(archive, name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return fsys
}

// unarchived is the fixture with no archived documents, for tests of
// made-up figures: their quotes are not verified (a warning), but the
// sources keep their real ids and dates.
func unarchived(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fixture(t)
	src := regexp.MustCompile(`(?m)^(document|sha256) = .*\n`).ReplaceAll(fsys[SourcesFile].Data, nil)
	fsys[SourcesFile] = &fstest.MapFile{Data: src}
	return fsys
}

// text joins lines, so that tests can count them.
func text(l ...string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(strings.Join(l, "\n") + "\n")}
}

func messages(l diag.List) []string {
	var out []string
	for _, e := range l {
		out = append(out, e.Error())
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestLoadFixture(t *testing.T) {
	d, errs := Load(fixture(t), themes)
	if len(errs) != 0 {
		t.Fatalf("fixture has problems:\n%v", errs)
	}
	var ids []string
	for _, s := range d.Series {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, " "); got != "digital-product-exports ecommerce-revenue egdi-rank full-process-online-services online-records-share" {
		t.Errorf("series = %s", got)
	}
	if len(d.Sources) != 5 || d.Source("ket-luan-2024-07") == nil || d.Source("nope") != nil {
		t.Errorf("sources: %d", len(d.Sources))
	}
	if got := d.Newest(); got != (calendar.Date{Year: 2025, Month: 2, Day: 6}) {
		t.Errorf("Newest = %v, want 2025-02-06", got)
	}
	if got := d.AsOf(); !got.IsZero() {
		t.Errorf("AsOf = %v before JudgeAt, want none: the editors set it, not the sources", got)
	}

	egdi := d.SeriesByID("egdi-rank")
	if egdi.Better != "lower" || !egdi.LowerIsBetter() || egdi.File != "content/metrics/egdi-rank.toml" {
		t.Errorf("egdi: better %q file %q", egdi.Better, egdi.File)
	}
	if p := egdi.Points[1]; p.Pos.String() != "content/metrics/egdi-rank.toml:17:1" || *p.Value != 71 || *p.Of != 193 || *p.Change != -15 {
		t.Errorf("egdi 2024 point: %+v at %v", p, p.Pos)
	}
	if d.SeriesByID("ecommerce-revenue").Better != "higher" {
		t.Error("amounts default to higher is better")
	}

	// Points are sorted by sub-series, in the order the file declares them,
	// then period: the derived first-half 2023 point comes before the
	// stated first-half 2024 one.
	exp := d.SeriesByID("digital-product-exports")
	var order []string
	for _, p := range exp.Points {
		order = append(order, p.Subseries+"/"+p.Period.String())
	}
	if got := strings.Join(order, " "); got != "full-year/2021 full-year/2023 first-half/2023-H1 first-half/2024-H1" {
		t.Errorf("point order: %s", got)
	}
	derived := exp.PointsOf("first-half")[0]
	if !derived.Derived() || derived.Origin == nil || derived.Origin.Period.String() != "2024-H1" {
		t.Fatalf("derived point: %+v", derived)
	}
	// 64,9 ÷ 1,23 = 52,764…: kept to the three significant digits of its inputs.
	if want := 52.8; *derived.Value != want {
		t.Errorf("derived value = %v, want 64.9/1.23 = %v", *derived.Value, want)
	}

	// Targets by deadline, restated ones kept.
	fp := d.SeriesByID("full-process-online-services")
	var by []string
	for _, tg := range fp.Targets {
		by = append(by, fmt.Sprintf("%v@%v", *tg.Value, tg.By))
	}
	if got := strings.Join(by, " "); got != "80@2024 80@2024 100@2025 80@2025" {
		t.Errorf("targets = %s", got)
	}

	var cids []string
	for _, c := range d.Commitments {
		cids = append(cids, c.ID)
	}
	if got := strings.Join(cids, " "); got != "kl2407-bcd-plan-2024-ttxvn fixture-done-task kl2407-mic-semiconductor-strategy fixture-open-task" {
		t.Errorf("commitments by deadline = %s", got)
	}
	if w := Warnings(d); len(w) != 0 {
		t.Errorf("fixture warns:\n%v", w)
	}
}

// head is the top of a series file: lines 1–6.
func head(kind, theme string) []string {
	return []string{
		`title = "Chuỗi thử"`,
		`title_en = "Test series"`,
		`unit = "đơn vị"`,
		`unit_en = "unit"`,
		`kind = "` + kind + `"`,
		`theme = "` + theme + `"`,
	}
}

func TestValidationErrors(t *testing.T) {
	fsys := fixture(t)
	for name := range fsys {
		if strings.HasPrefix(name, "content/metrics/") || strings.HasPrefix(name, "content/commitments/") {
			delete(fsys, name)
		}
	}
	sources := string(fsys["content/sources.toml"].Data)
	dupLine := strings.Count(sources, "\n") + 2
	fsys["content/sources.toml"] = &fstest.MapFile{Data: []byte(sources + `
[[sources]]
id = "ket-luan-2024-07"
title = "Bản sao"
publisher = "Văn phòng Chính phủ"
date = 2024-07-10
kind = "official-notice"
`)}

	fsys["content/metrics/a-unknown-key.toml"] = text(append(head("rank", "international-rankings"),
		``,                                // 7
		`[[points]]`,                      // 8
		`period = 2024`,                   // 9
		`value = 71`,                      // 10
		`of = 193`,                        // 11
		`source = "phien-hop-10-2025-02"`, // 12
		`qoute = "xếp hạng 71/193."`,      // 13: typo
	)...)
	fsys["content/metrics/b-wrong-type.toml"] = text(append(head("rank", "international-rankings"),
		``,              // 7
		`[[points]]`,    // 8
		`period = 2024`, // 9
		`value = "71"`,  // 10
	)...)
	fsys["content/metrics/c-missing.toml"] = text(
		`title = "Doanh thu thương mại điện tử"`, // 1: no title_en, no unit_en
		`unit = " "`,                // 2: blank
		`kind = "amount"`,           // 3
		`theme = "digital-economy"`, // 4
		`subseries_name = "Tỉnh"`,   // 5: no subseries_name_en
		`[[points]]`,                // 6: no source
		`period = 2021`,             // 7
		`value = 13.7`,              // 8
		`quote = "tăng từ 13,7 tỷ USD năm 2021"`, // 9
	)
	fsys["content/metrics/d-rank.toml"] = text(append(head("rank", "international-rankings"),
		``,                                // 7
		`[[points]]`,                      // 8
		`period = 2024`,                   // 9
		`value = 200`,                     // 10: above its of
		`of = 193`,                        // 11
		`change = -15`,                    // 12
		`source = "phien-hop-10-2025-02"`, // 13
		`quote = "xếp hạng 200/193"`,      // 14
		``,                                // 15
		`[[points]]`,                      // 16
		`period = 2022`,                   // 17
		`value = 86`,                      // 18
		`of = 193`,                        // 19
		`source = "no-such-source"`,       // 20: unknown source
		`quote = "xếp hạng 68/193."`,      // 21: does not contain 86
		``,                                // 22
		`[[points]]`,                      // 23
		`period = 2020`,                   // 24
		`derived_from = 2024`,             // 25
		`value = 101`,                     // 26: a derived point has no value
		``,                                // 27
		`[[points]]`,                      // 28
		`period = 2018`,                   // 29
		`derived_from = 2019`,             // 30: no such point
	)...)
	fsys["content/metrics/e-rate.toml"] = text(append(head("rate", "digital-government"),
		``,                           // 7
		`[[subseries]]`,              // 8
		`id = "national"`,            // 9
		`label = "Cả nước"`,          // 10
		`label_en = "Whole country"`, // 11
		``,                           // 12
		`[[points]]`,                 // 13
		`period = "2024-H1"`,         // 14
		`value = 142`,                // 15: a rate above 100
		`subseries = "national"`,     // 16
		`source = "nghe-an-2024-07"`, // 17
		`quote = "cả nước đạt 142%"`, // 18
		``,                           // 19
		`[[points]]`,                 // 20
		`period = 2023`,              // 21
		`value = 17`,                 // 22
		`subseries = "nationwide"`,   // 23: not declared
		`source = "nghe-an-2024-07"`, // 24
		`quote = "cả nước đạt 42% (cuối năm 2023 là 17%)"`, // 25
		``,                            // 26
		`[[targets]]`,                 // 27: no by
		`value = 80`,                  // 28
		`subseries = "national"`,      // 29
		`source = "ket-luan-2024-07"`, // 30
		`quote = "Phấn đấu đến hết năm 2024 đạt 80% dịch vụ công trực tuyến toàn trình"`, // 31
		``,                            // 32
		`[[targets]]`,                 // 33
		`value = 90`,                  // 34
		`by = 2025`,                   // 35
		`subseries = "national"`,      // 36
		`source = "ket-luan-2024-07"`, // 37
		`quote = "Phấn đấu đến hết năm 2024 đạt 80% dịch vụ công trực tuyến toàn trình"`, // 38: no 90
	)...)
	fsys["content/metrics/f-period.toml"] = text(append(head("count", "project-06"),
		``,                   // 7
		`[[points]]`,         // 8
		`period = "2024-13"`, // 9
		`value = 5`,          // 10
	)...)
	fsys["content/metrics/z-dup.toml"] = text(append([]string{`id = "d-rank"`}, head("rank", "international-rankings")...)...)
	fsys["content/commitments/bad.toml"] = text(
		`[[commitments]]`,             // 1
		`id = "task-a"`,               // 2
		`agency = "Bộ Công an"`,       // 3
		`task = "Việc A."`,            // 4
		`due = "2024-07"`,             // 5
		`source = "ket-luan-2024-07"`, // 6
		`quote = "hoàn thành trước ngày 20 tháng 7 năm 2024"`, // 7
		`metrics = ["a-unknown-key", "no-such-series"]`,       // 8
		``,                          // 9
		`[[commitments]]`,           // 10
		`id = "task-a"`,             // 11
		`agency = "Bộ Công an"`,     // 12
		`task = "Việc A lặp lại."`,  // 13
		`due = 2024-07-20`,          // 14
		`source = "nguon-khong-co"`, // 15
		`quote = "x"`,               // 16
	)

	_, errs := Load(fsys, themes)
	errs.Sort()
	m := "content/metrics/"
	want := []string{
		`content/commitments/bad.toml:8:11: unknown metric "no-such-series"`,
		`content/commitments/bad.toml:10:1: duplicate commitment id "task-a" (first at content/commitments/bad.toml:1:1)`,
		`content/commitments/bad.toml:15:10: unknown source "nguon-khong-co" (not in content/sources.toml; the entry at content/sources.toml:60:1 has the id "ket-luan-2024-07", which an earlier entry already has: is it that one?)`,
		m + `a-unknown-key.toml:13:9: unknown key "points.qoute": did you mean "quote"?`,
		m + `b-wrong-type.toml:10:9: value: a number is written without quotes: write value = 71`,
		m + `c-missing.toml:1:1: title_en is required`,
		m + `c-missing.toml:1:1: unit_en is required`,
		m + `c-missing.toml:1:1: subseries_name_en is required`,
		m + `c-missing.toml:2:8: unit is required`,
		m + `c-missing.toml:6:1: source is required`,
		m + `d-rank.toml:10:9: value 200 is above its of = 193`,
		m + `d-rank.toml:12:10: the quote does not contain the change 15 (written as 15)`,
		m + `d-rank.toml:14:9: the quote is not in content/sources/004_cb6bb587943c80bb.txt: copy it from the document exactly, letter for letter ("xếp hạng 200/193")`,
		m + `d-rank.toml:20:10: unknown source "no-such-source" (not in content/sources.toml; the entry at content/sources.toml:60:1 has the id "ket-luan-2024-07", which an earlier entry already has: is it that one?)`,
		m + `d-rank.toml:21:9: the quote does not contain the value 86 (written as 86)`,
		m + `d-rank.toml:25:16: a derived point has no value, quote, source or gap of its own: they come from the point it is derived from`,
		m + `d-rank.toml:28:1: derived_from = 2019: no stated point of that period in this series`,
		m + `e-rate.toml:15:9: a rate must be between 0 and 100, not 142`,
		m + `e-rate.toml:18:9: the quote is not in content/sources/003_7047d621b761be91.txt: copy it from the document exactly, letter for letter ("cả nước đạt 142%")`,
		m + `e-rate.toml:23:13: subseries "nationwide" is not declared; want one of national`,
		m + `e-rate.toml:27:1: target: by (the deadline) is required`,
		m + `e-rate.toml:38:9: the quote does not contain the value 90 (written as 90)`,
		m + `f-period.toml:9:11: "2024-13" is not a period: want 2024, 2024-H1, 2024-Q2, 2024-06, 2024-06-30, a span "2021/2024" or "unstated"`,
		m + `z-dup.toml:1:1: duplicate series id "d-rank" (also content/metrics/d-rank.toml)`,
		fmt.Sprintf(`content/sources.toml:%d:1: duplicate source id "ket-luan-2024-07" (first at content/sources.toml:4:1)`, dupLine),
	}
	got := messages(errs)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func TestDerive(t *testing.T) {
	fsys := fixture(t)
	// egdi-rank with only the 2024 point stated: 2022 follows from "tăng 15 bậc".
	fsys["content/metrics/egdi-rank.toml"] = text(append(head("rank", "international-rankings"),
		``,
		`[[points]]`,
		`period = 2022`,
		`derived_from = 2024`,
		``,
		`[[points]]`,
		`period = 2024`,
		`value = 71`,
		`of = 193`,
		`change = -15`,
		`source = "phien-hop-10-2025-02"`,
		`quote = "Chỉ số Phát triển chính phủ điện tử năm 2024 tăng 15 bậc, xếp hạng 71/193."`,
	)...)
	// ecommerce-revenue 2023 from "năm 2024 đạt 28 tỷ USD, tăng 36%".
	fsys["content/metrics/ecommerce-revenue.toml"] = text(append(head("amount", "digital-economy"),
		``,
		`[[points]]`,
		`period = 2023`,
		`derived_from = 2024`,
		``,
		`[[points]]`,
		`period = 2024`,
		`value = 28`,
		`change_pct = 36`,
		`source = "phien-hop-10-2025-02"`,
		`quote = "Thương mại điện tử tiếp tục phát triển mạnh mẽ (năm 2024 đạt 28 tỷ USD, tăng 36%)."`,
	)...)
	d, errs := Load(fsys, themes)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	egdi := d.SeriesByID("egdi-rank").Points[0]
	if !egdi.Derived() || *egdi.Value != 86 || egdi.Of == nil || *egdi.Of != 193 || egdi.Origin != &d.SeriesByID("egdi-rank").Points[1] {
		t.Errorf("egdi 2022 derived: value %v of %v origin %v", *egdi.Value, egdi.Of, egdi.Origin)
	}
	ec := d.SeriesByID("ecommerce-revenue").Points[0]
	if !ec.Derived() || *ec.Value != 20.6 || ec.Of != nil { // 28 ÷ 1,36, to three digits
		t.Errorf("ecommerce 2023 derived = %v, want 20.6", *ec.Value)
	}

	// A derived point must come before its origin, and its origin must state a change.
	fsys["content/metrics/egdi-rank.toml"] = text(append(head("rank", "international-rankings"),
		``,                    // 7
		`[[points]]`,          // 8
		`period = 2025`,       // 9
		`derived_from = 2024`, // 10
		``,                    // 11
		`[[points]]`,          // 12
		`period = 2023`,       // 13
		`derived_from = 2022`, // 14
		``,                    // 15
		`[[points]]`,          // 16
		`period = 2024`,       // 17
		`value = 71`,          // 18
		`change = -15`,        // 19
		`source = "phien-hop-10-2025-02"`,
		`quote = "tăng 15 bậc, xếp hạng 71/193."`,
		``,
		`[[points]]`,
		`period = 2022`,
		`value = 86`,
		`source = "thuong-truc-2024-07"`,
		`quote = "xếp hạng 86/193."`,
	)...)
	_, errs = Load(fsys, themes)
	errs.Sort()
	want := []string{
		"content/metrics/egdi-rank.toml:8:1: a derived point must be earlier than the point it comes from (2024)",
		"content/metrics/egdi-rank.toml:12:1: derived_from = 2022: that point states no change or change_pct",
		"content/metrics/egdi-rank.toml:12:1: a derived point must be earlier than the point it comes from (2022)",
	}
	if got := messages(errs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// An unknown key is one mistake: the series still loads, so that pages,
// charts and commitments that name it do not report it as unknown too.
func TestUnknownKeyKeepsSeries(t *testing.T) {
	fsys := fixture(t)
	egdi := strings.Replace(string(fsys["content/metrics/egdi-rank.toml"].Data), "unit_en =", "unit_eng =", 1)
	fsys["content/metrics/egdi-rank.toml"] = &fstest.MapFile{Data: []byte(egdi)}
	fsys["content/commitments/egdi.toml"] = text(
		`[[commitments]]`,
		`id = "egdi-task"`,
		`agency = "Bộ Thông tin và Truyền thông"`,
		`task = "Nâng hạng EGDI."`,
		`due = 2025`,
		`source = "phien-hop-10-2025-02"`,
		`quote = "năm 2024 tăng 15 bậc"`,
		`metrics = ["egdi-rank"]`,
	)
	d, errs := Load(fsys, themes)
	errs.Sort()
	want := []string{
		`content/metrics/egdi-rank.toml:4:12: unknown key "unit_eng": did you mean "unit_en"?`,
	}
	if got := messages(errs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if d.SeriesByID("egdi-rank") == nil {
		t.Error("the series with a typo was dropped")
	}
}

func TestNumberForms(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{3, "3"},
		{86, "86"},
		{193, "193"},
		{4543, "4.543 4543"},
		{16.4, "16,4"},
		{113.5, "113,5"},
		{1732000, "1.732.000 1732000"},
		{4543.5, "4.543,5 4543,5"},
		{-15, "15"},
		{0.5, "0,5"},
	}
	for _, tt := range tests {
		if got := strings.Join(NumberForms(tt.v), " "); got != tt.want {
			t.Errorf("NumberForms(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestQuoteHasNumber(t *testing.T) {
	tests := []struct {
		quote string
		v     float64
		want  bool
	}{
		{"4.543/6.325 thủ tục", 4543, true},
		{"4.543/6.325 thủ tục", 6325, true},
		{"đã cắt giảm 4543 thủ tục", 4543, true},
		{"14.543 thủ tục", 4543, false},
		{"4.5430 thủ tục", 4543, false},
		{"4.543,5 thủ tục", 4543, false},
		{"16,4 triệu", 16.4, true},
		{"116,4 triệu", 16.4, false},
		{"16,45 triệu", 16.4, false},
		{"16.4 triệu", 16.4, false}, // English decimal point: not how the source writes it
		{"03 địa phương", 3, true},
		{"03", 3, true},
		{"103 địa phương", 3, false},
		{"2.030 địa phương", 30, false},
		{"0,3 điểm", 3, false},
		{"xếp hạng 86/193.", 86, true},
		{"xếp hạng 86/193.", 193, true},
		{"xếp hạng 186/193.", 86, false},
		{"cả nước đạt 42% (cuối năm 2023 là 17%)", 17, true},
		{"cả nước đạt 42% (cuối năm 2023 là 17%)", 2023, true},
		{"cả nước đạt 42% (cuối năm 2023 là 17%)", 23, false},
		{"tăng 36%", 36, true},
		{"đạt 28 tỷ USD.", 28, true},
		{"1.732.000 tài khoản", 1732000, true},
		{"1.732.0001 tài khoản", 1732000, false},
		{"", 3, false},
		{"3", 3, true},
		{"năm 2024 đạt 28 tỷ USD, tăng 36%", 24, false},
	}
	for _, tt := range tests {
		if got := QuoteHasNumber(tt.quote, tt.v); got != tt.want {
			t.Errorf("QuoteHasNumber(%q, %v) = %v, want %v", tt.quote, tt.v, got, tt.want)
		}
	}
}

// seriesFile writes a series of the given kind with "period:value" points
// and "by:value" targets, each citing source src.
func seriesFile(kind string, src string, points, targets []string) *fstest.MapFile {
	l := head(kind, "digital-government")
	for _, p := range points {
		period, value, _ := strings.Cut(p, ":")
		l = append(l, "", "[[points]]", "period = "+period, "value = "+value,
			`source = "`+src+`"`, `quote = "đạt `+value+`"`)
	}
	for _, tg := range targets {
		by, value, _ := strings.Cut(tg, ":")
		l = append(l, "", "[[targets]]", "by = "+by, "value = "+value,
			`source = "`+src+`"`, `quote = "phấn đấu đạt `+value+`"`)
	}
	return text(l...)
}

func loadOne(t *testing.T, f *fstest.MapFile) (*Data, *Series) {
	t.Helper()
	fsys := unarchived(t)
	fsys["content/metrics/test.toml"] = f
	d, errs := Load(fsys, themes)
	if errs.Err() != nil { // warnings (a point dated after its source) do not matter here
		t.Fatal(errs)
	}
	return d, d.SeriesByID("test")
}

func TestSummarize(t *testing.T) {
	jan2024 := calendar.Date{Year: 2024, Month: 1, Day: 1}
	feb2024 := calendar.Date{Year: 2024, Month: 2, Day: 1}
	tests := []struct {
		name     string
		kind     string
		points   []string
		targets  []string
		asOf     calendar.Date
		status   string
		progress float64 // -1: none
		latest   string
		target   string // "" when none
	}{
		// Met: achieved whatever the date.
		{"achieved", "rate", []string{"2022:50", "2023:85"}, []string{"2024:80"}, jan2024, Achieved, 100, "2023", "2024"},
		// 30 points in 365 days; 30 more needed in the 366 days of 2024: ratio 1.003.
		{"on track", "rate", []string{"2022:20", "2023:50"}, []string{"2024:80"}, jan2024, OnTrack, 50, "2023", "2024"},
		// 20 in 365 days; 40 needed in 366 days: ratio 0.501.
		{"at risk", "rate", []string{"2022:20", "2023:40"}, []string{"2024:80"}, jan2024, AtRisk, 100.0 / 3, "2023", "2024"},
		// 5 in 365 days; 55 needed in 366: ratio 0.09.
		{"off track by pace", "rate", []string{"2022:20", "2023:25"}, []string{"2024:80"}, jan2024, OffTrack, 100.0 / 12, "2023", "2024"},
		// Deadline 2023-12-31 passed at 2024-02-01, not met.
		{"off track, deadline passed", "rate", []string{"2022:20", "2023:50"}, []string{"2023:80"}, feb2024, OffTrack, 50, "2023", "2023"},
		// One point: no pace to judge; progress is the share of the target.
		{"no data", "rate", []string{"2023:50"}, []string{"2024:80"}, jan2024, NoData, 62.5, "2023", "2024"},
		{"no target", "count", []string{"2022:20", "2023:25"}, nil, jan2024, NoTarget, -1, "2023", ""},
		{"no points", "rate", nil, []string{"2024:80"}, jan2024, NoData, -1, "", ""},
		// The earliest target not yet due at the latest point… (50 in 547
		// days; 10 more in 184 days: ratio 1.68)
		{"target due after the latest point", "rate", []string{`2022:20`, `"2024-H1":70`}, []string{"2024:80", "2025:100"}, jan2024, OnTrack, 50.0 / 60 * 100, "2024-H1", "2024"},
		// …or, when all are due, the last one.
		{"all targets due", "rate", []string{"2022:20", "2026:50"}, []string{"2024:80", "2025:100"}, jan2024, OffTrack, 37.5, "2026", "2025"},
		// Lower is better: 86 → 71 in 731 days, 21 more places in 730 days: ratio 0.71.
		{"rank at risk", "rank", []string{"2022:86", "2024:71"}, []string{"2026:50"}, calendar.Date{Year: 2025, Month: 2, Day: 6}, AtRisk, 15.0 / 36 * 100, "2024", "2026"},
		{"rank achieved", "rank", []string{"2022:86", "2024:71"}, []string{"2024:75"}, calendar.Date{Year: 2025, Month: 2, Day: 6}, Achieved, 100, "2024", "2024"},
	}
	for _, tt := range tests {
		d, s := loadOne(t, seriesFile(tt.kind, "ket-luan-2024-07", tt.points, tt.targets))
		sum := Summarize(s, "", d, tt.asOf)
		if sum.Status != tt.status {
			t.Errorf("%s: status %s, want %s", tt.name, sum.Status, tt.status)
		}
		switch {
		case tt.progress < 0 && sum.Progress != nil:
			t.Errorf("%s: progress %v, want none", tt.name, *sum.Progress)
		case tt.progress >= 0 && (sum.Progress == nil || math.Abs(*sum.Progress-tt.progress) > 1e-6):
			t.Errorf("%s: progress %v, want %v", tt.name, sum.Progress, tt.progress)
		}
		latest := ""
		if sum.Latest != nil {
			latest = sum.Latest.Period.String()
		}
		if latest != tt.latest {
			t.Errorf("%s: latest %q, want %q", tt.name, latest, tt.latest)
		}
		target := ""
		if sum.Target != nil {
			target = sum.Target.By.String()
		}
		if target != tt.target {
			t.Errorf("%s: target due %q, want %q", tt.name, target, tt.target)
		}
	}
}

// Progress measured from an earlier point names it, so that a tile can
// say "58% / mục tiêu 80%, từ 45,5% năm 2021"; latest ÷ target names none.
func TestSummarizeBaseline(t *testing.T) {
	jan2024 := calendar.Date{Year: 2024, Month: 1, Day: 1}
	for _, tt := range []struct {
		name     string
		points   []string
		baseline string
	}{
		{"from the first point", []string{"2021:45", "2023:58"}, "2021"},
		{"a single point", []string{"2023:58"}, ""},
		{"met", []string{"2021:45", "2023:85"}, ""},
	} {
		d, s := loadOne(t, seriesFile("rate", "ket-luan-2024-07", tt.points, []string{"2025:80"}))
		sum := Summarize(s, "", d, jan2024)
		got := ""
		if sum.Baseline != nil {
			got = sum.Baseline.Period.String()
		}
		if got != tt.baseline {
			t.Errorf("%s: baseline %q, want %q", tt.name, got, tt.baseline)
		}
	}
}

func TestSummarizeChange(t *testing.T) {
	d, errs := Load(fixture(t), themes)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	asOf := d.AsOf()

	// Rank: the stated change, a climb, is an improvement; the previous
	// point is named because the stated change is its difference.
	egdi := Summarize(d.SeriesByID("egdi-rank"), "", d, asOf)
	if egdi.Status != NoTarget || *egdi.Latest.Value != 71 || !egdi.Stated || egdi.Previous == nil || *egdi.Previous.Value != 86 || *egdi.Change != -15 || !*egdi.Improved || egdi.ChangePct != nil {
		t.Errorf("egdi: %+v", egdi)
	}

	// Amount with a stated change_pct: only the stated change, in percent;
	// no change in billions is made up beside it.
	ec := Summarize(d.SeriesByID("ecommerce-revenue"), "", d, asOf)
	if *ec.Latest.Value != 28 || !ec.Stated || ec.Change != nil || *ec.ChangePct != 36 || !*ec.Improved {
		t.Errorf("ecommerce: %+v", ec)
	}

	// Amount without a stated change_pct: computed from the previous point.
	full := Summarize(d.SeriesByID("digital-product-exports"), "full-year", d, asOf)
	if full.Stated || !near(*full.ChangePct, (117.3/113.5-1)*100) || !near(*full.Change, 3.8) {
		t.Errorf("exports full year: change %v pct %v", *full.Change, *full.ChangePct)
	}
	// The stated 23 % of the first half: no previous point (the 2023-H1
	// value is derived from that very change).
	half := Summarize(d.SeriesByID("digital-product-exports"), "first-half", d, asOf)
	if half.Previous != nil || !half.Stated || *half.ChangePct != 23 {
		t.Errorf("exports first half: %+v", half)
	}

	// Rate with sub-series, no targets: each line on its own, as-of with as-of.
	loc := Summarize(d.SeriesByID("online-records-share"), "localities", d, asOf)
	if *loc.Latest.Value != 17 || *loc.Change != 8 || loc.ChangePct != nil || loc.Status != NoTarget {
		t.Errorf("online records, localities: %+v", loc)
	}

	// Two sources for one period: the newer source's value is the latest,
	// even though it sorts first.
	f := text(append(head("rate", "digital-government"),
		"[[points]]", "period = 2024", "value = 40", `source = "thuong-truc-2024-07"`, `quote = "40%"`,
		"[[points]]", "period = 2024", "value = 42", `source = "phien-hop-10-2025-02"`, `quote = "42%"`,
	)...)
	d2, s := loadOne(t, f)
	if got := Summarize(s, "", d2, d2.AsOf()); *got.Latest.Value != 42 || got.Previous != nil || got.Change != nil {
		t.Errorf("two sources: latest %v previous %v", *got.Latest.Value, got.Previous)
	}
}

func TestWarnings(t *testing.T) {
	fsys := fixture(t)
	src := string(fsys["content/sources.toml"].Data) + `
[[sources]]
id = "old-2024-02-05"
title = "Nguồn cũ"
publisher = "Thử"
date = 2024-02-05
kind = "other"

[[sources]]
id = "old-2024-02-06"
title = "Nguồn cũ"
publisher = "Thử"
date = 2024-02-06
kind = "other"
`
	fsys["content/sources.toml"] = &fstest.MapFile{Data: []byte(src)}
	// 367 days before the newest source (2025-02-06): stale. 366: not yet.
	fsys["content/metrics/stale.toml"] = seriesFile("count", "old-2024-02-05", []string{"2023:5"}, nil)
	fsys["content/metrics/fresh.toml"] = seriesFile("count", "old-2024-02-06", []string{"2023:5"}, nil)
	fsys["content/commitments/test.toml"] = text(
		`[[commitments]]`, // 1: passed, no status, never checked
		`id = "never-checked"`,
		`agency = "Bộ Công an"`,
		`task = "Việc."`,
		`due = "2024-07"`,
		`source = "ket-luan-2024-07"`,
		`quote = "hoàn thành trước ngày 20 tháng 7 năm 2024"`,
		``,
		`[[commitments]]`, // 9: passed, checked before the newest source
		`id = "checked-earlier"`,
		`agency = "Bộ Công an"`,
		`task = "Việc."`,
		`due = "2024-07"`,
		`source = "ket-luan-2024-07"`,
		`quote = "hoàn thành trước ngày 20 tháng 7 năm 2024"`,
		`checked = 2025-02-05`,
		``,
		`[[commitments]]`, // 18: passed, checked at the newest source: fine
		`id = "checked"`,
		`agency = "Bộ Công an"`,
		`task = "Việc."`,
		`due = "2024-07"`,
		`source = "ket-luan-2024-07"`,
		`quote = "hoàn thành trước ngày 20 tháng 7 năm 2024"`,
		`checked = 2025-02-06`,
		``,
		`[[commitments]]`, // 27: due on the as-of date itself: not passed
		`id = "due-today"`,
		`agency = "Bộ Công an"`,
		`task = "Việc."`,
		`due = 2025-02-06`,
		`source = "ket-luan-2024-07"`,
		`quote = "hoàn thành trước ngày 20 tháng 7 năm 2024"`,
	)
	want := []string{
		`content/commitments/test.toml:1:1: warning: commitment "never-checked" was due by 2024-07-31 and no source reports on it; when you have looked through the sources for a report, set checked = 2025-02-06`,
		`content/commitments/test.toml:9:1: warning: commitment "checked-earlier" was due by 2024-07-31 and no source reports on it; when you have looked through the sources for a report, set checked = 2025-02-06`,
		`content/metrics/stale.toml:1:1: warning: series "stale" was last updated from a source of 2024-02-05, more than a year before the site's as_of date (2025-02-06)`,
	}
	warnings := func(fsys fstest.MapFS) diag.List {
		d, errs := Load(fsys, themes)
		if errs.Err() != nil { // the old sources have no archived document: a warning
			t.Fatal(errs)
		}
		d.JudgeAt(calendar.Date{Year: 2025, Month: 2, Day: 6})
		w := Warnings(d)
		w.Sort()
		return w
	}
	w := warnings(fsys)
	if got := messages(w); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	// A newer source that nothing cites moves no status: the date is the editors'.
	fsys["content/sources.toml"] = &fstest.MapFile{Data: []byte(src + `
[[sources]]
id = "unrelated-2025-07-10"
title = "Nguồn khác"
publisher = "Thử"
date = 2025-07-10
kind = "other"
`)}
	if got := messages(warnings(fsys)); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("an unrelated source changed the warnings:\n\t%s", strings.Join(got, "\n\t"))
	}
	if w.Err() != nil {
		t.Error("warnings fail the build")
	}
}

func TestSourceErrors(t *testing.T) {
	fsys := fixture(t)
	fsys["content/sources.toml"] = text(
		`[[sources]]`,               // 1: no title, no publisher, no date
		`id = "Ket_Luan"`,           // 2
		`kind = "notice"`,           // 3
		`document = "../x.txt"`,     // 4
		`url = "ftp://example.org"`, // 5
	)
	for name := range fsys {
		if strings.HasPrefix(name, "content/metrics/") || strings.HasPrefix(name, "content/commitments/") {
			delete(fsys, name)
		}
	}
	// Several problems at one place come in a fixed order, run after run.
	for range 20 {
		_, errs := Load(fsys, themes)
		errs.Sort()
		want := []string{
			`content/sources.toml:1:1: source "Ket_Luan": title is required`,
			`content/sources.toml:1:1: source "Ket_Luan": publisher is required`,
			`content/sources.toml:1:1: source "Ket_Luan": date is required`,
			`content/sources.toml:2:6: source id "Ket_Luan" can have only the letters a-z, digits and '-' (no accents, capitals or spaces): write id = "ket-luan"`,
			`content/sources.toml:3:8: source "Ket_Luan": kind "notice" must be one of official-notice, news-report, provincial-news, statistics, other`,
			`content/sources.toml:4:12: document "../x.txt" must be a plain file name`,
			`content/sources.toml:5:7: url must start with https:// or http://`,
		}
		if got := messages(errs); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("problems:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
		}
	}
}

// TestBrokenSourcesFile: a sources.toml that cannot be decoded is one
// error, the same on every run, with no panic and no "unknown source" for
// every figure that cites it.
func TestBrokenSourcesFile(t *testing.T) {
	for _, tt := range []struct{ name, from, to string }{
		{"curly quote", `title = "`, `title = “`},
		{"date as written in Vietnamese", "date = 2024-07-10", `date = "10/7/2024"`},
	} {
		var first string
		for run := range 20 {
			fsys := fixture(t)
			src := string(fsys["content/sources.toml"].Data)
			fsys["content/sources.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(src, tt.from, tt.to, 1))}
			_, errs := Load(fsys, themes)
			errs.Sort()
			if len(errs) != 1 || errs[0].Pos.File != SourcesFile {
				t.Fatalf("%s: %d problems, want 1 in %s:\n%v", tt.name, len(errs), SourcesFile, errs)
			}
			if run == 0 {
				first = errs.Error()
			} else if errs.Error() != first {
				t.Fatalf("%s: run %d says %q, run 0 said %q", tt.name, run, errs.Error(), first)
			}
		}
	}
}

// TestSlipsDoNotCascade: a slip in an id is reported where it is, with
// the id it is likely a slip for, and not again by what follows from it.
func TestSlipsDoNotCascade(t *testing.T) {
	// A source id misspelt: did you mean, and no quote checked in a
	// language the source does not say.
	fsys := fixture(t)
	file := "content/metrics/egdi-rank.toml"
	fsys[file].Data = bytes.Replace(fsys[file].Data, []byte(`source = "phien-hop-10-2025-02"`), []byte(`source = "phien-hop-10-2052-02"`), 1)
	_, errs := Load(fsys, themes)
	if want := `content/metrics/egdi-rank.toml:22:10: unknown source "phien-hop-10-2052-02" (not in content/sources.toml): did you mean "phien-hop-10-2025-02"?`; errs.Error() != want {
		t.Errorf("a misspelt source:\n%v\nwant\n%s", errs, want)
	}
	// A key misspelt: its did-you-mean, not also the key it stands for
	// reported missing.
	fsys = fixture(t)
	fsys[file].Data = bytes.Replace(fsys[file].Data, []byte("period = 2024"), []byte("perod = 2024"), 1)
	if _, errs := Load(fsys, themes); len(errs) != 1 || !strings.Contains(errs.Error(), `unknown key "points.perod": did you mean "period"?`) {
		t.Errorf("a misspelt key:\n%v", errs)
	}
	// A series id that is no id: still known by its file's name, so what
	// cites it is not told it is unknown.
	fsys = fixture(t)
	fsys[file].Data = append([]byte("id = \"xếp-hạng\"\n"), fsys[file].Data...)
	d, errs := Load(fsys, themes)
	if len(errs) != 1 || !strings.Contains(errs.Error(), `write id = "xep-hang"`) || !d.Unloaded("egdi-rank") {
		t.Errorf("an invalid series id: unloaded %v,\n%v", d.Unloaded("egdi-rank"), errs)
	}
}

// TestEmptySeriesFile: a file with nothing in it is one error, not one
// for each key it lacks, and its name still names a series.
func TestEmptySeriesFile(t *testing.T) {
	for _, data := range []string{"", "\n  \n", "# to do\n"} {
		fsys := fixture(t)
		fsys["content/metrics/new.toml"] = &fstest.MapFile{Data: []byte(data)}
		d, errs := Load(fsys, themes)
		if len(errs) != 1 || !strings.HasPrefix(errs.Error(), "content/metrics/new.toml:1:1: this series file is empty") || !d.Unloaded("new") {
			t.Errorf("%q: %v", data, errs)
		}
	}
}

// TestUnknownSourceReadInTheSiteLanguage: the numbers of a quote whose
// source is unknown are read as the site's default language writes them.
func TestUnknownSourceReadInTheSiteLanguage(t *testing.T) {
	fsys := fixture(t)
	file := "content/metrics/ecommerce-revenue.toml"
	old := "source = \"thuong-truc-2024-07\"\nquote = \"Doanh thu thương mại điện tử tăng từ 13,7 tỷ USD năm 2021 lên 20,5 tỷ USD năm 2023.\""
	if !bytes.Contains(fsys[file].Data, []byte(old)) {
		t.Fatalf("%s has changed", file)
	}
	fsys[file].Data = bytes.Replace(fsys[file].Data, []byte(old), []byte("source = \"unknown\"\nquote = \"revenue grew to 13.7 billion USD\""), 1)
	_, errs := LoadLangs(fsys, themes, []string{"en"})
	if !strings.Contains(errs.Error(), `ecommerce-revenue.toml:13:10: unknown source "unknown"`) {
		t.Errorf("the unknown source is not reported:\n%v", errs)
	}
	if strings.Contains(errs.Error(), "ecommerce-revenue.toml:14:") {
		t.Errorf("the quote of an unknown source is read in another language than the site's:\n%v", errs)
	}
}

func TestHedge(t *testing.T) {
	for _, tt := range []struct {
		quote     string
		v         float64
		lang      string
		q, flag   string
		unrelated bool // the hedge word is not before this number
	}{
		{"kích hoạt trên 55,25 triệu tài khoản", 55.25, "vi", Over, "", false},
		{"hơn 75,7 triệu tài khoản", 75.7, "vi", Over, "", false},
		{"tăng gần 40%", 40, "vi", Nearly, "", false},
		{"ít nhất 50.000 kỹ sư", 50000, "vi", AtLeast, "", false},
		{"doanh thu ước đạt khoảng 28 tỷ USD", 28, "vi", About, Estimate, false},
		{"dự kiến đạt 80%", 80, "vi", "", Planned, false},
		{"năm 2024 đạt 28 tỷ USD", 28, "vi", "", "", false},
		{"trên 60 triệu tài khoản, 40 tiện ích", 40, "vi", "", "", true},
		{"Thượng tướng", 1, "vi", "", "", true}, // no number: nothing to say
		{"more than 4,543 procedures", 4543, "en", Over, "", false},
		{"an estimated 0.77092", 0.77092, "en", "", Estimate, false},
	} {
		q, f := Hedge(tt.quote, tt.v, tt.lang)
		if q != tt.q || f != tt.flag {
			t.Errorf("Hedge(%q, %v) = %q, %q; want %q, %q", tt.quote, tt.v, q, f, tt.q, tt.flag)
		}
	}
}

// TestFiguresAsStated: what a source hedges is not turned into a change,
// a percentage or a progress; the check says when a hedge is not recorded.
func TestFiguresAsStated(t *testing.T) {
	src := "nghe-an-2024-07"
	bounds := text(append(head("count", "digital-government"),
		"[[points]]", "as_of = 2024-07-10", "value = 55.25", `qualifier = "over"`, `source = "`+src+`"`, `quote = "trên 55,25 triệu"`,
		"[[points]]", "as_of = 2025-02-06", "value = 60", `qualifier = "over"`, `source = "phien-hop-10-2025-02"`, `quote = "trên 60 triệu"`,
		"[[targets]]", "by = 2025", "value = 80", `source = "`+src+`"`, `quote = "phấn đấu 80 triệu"`,
	)...)
	d, s := loadOne(t, bounds)
	sum := Summarize(s, "", d, calendar.Date{Year: 2025, Month: 2, Day: 6})
	if sum.Change != nil || sum.ChangePct != nil || sum.Previous != nil || sum.Progress != nil || sum.Status != NoData {
		t.Errorf("two lower bounds: %+v, want no change, no progress, not enough data", sum)
	}

	// Without the qualifiers, the check warns at each quote.
	unqualified := text(append(head("count", "digital-government"),
		"[[points]]", "as_of = 2024-07-10", "value = 55.25", `source = "`+src+`"`, `quote = "trên 55,25 triệu"`,
		"[[points]]", "period = 2024", "value = 28", `source = "`+src+`"`, `quote = "ước đạt 28"`,
	)...)
	fsys := fixture(t)
	fsys["content/metrics/test.toml"] = unqualified
	_, errs := Load(fsys, themes)
	got := strings.Join(messages(errs.Warnings()), "\n")
	for _, want := range []string{`test.toml:11:9: warning: the quote hedges 55.25 ("trên" before it): set qualifier = "over"`, `test.toml:16:9: warning: the quote marks 28 as an estimate: set flag = "estimate"`} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings:\n%s\nwant one containing %s", got, want)
		}
	}

	// A half year is not compared with its full year; as-of totals are.
	periods := text(append(head("count", "digital-government"),
		"[[points]]", `period = "2024-H1"`, "value = 10", `source = "`+src+`"`, `quote = "10"`,
		"[[points]]", "period = 2024", "value = 14", `source = "phien-hop-10-2025-02"`, `quote = "14"`,
	)...)
	d, s = loadOne(t, periods)
	if sum := Summarize(s, "", d, d.AsOf()); sum.Change != nil || sum.ChangePct != nil {
		t.Errorf("a year against its first half: change %v %v", sum.Change, sum.ChangePct)
	}

	// A stated change with a qualifier is shown as stated, against its period.
	stated := text(append(head("count", "digital-government"),
		"[[points]]", "period = 2024", "value = 5.5", "change_pct = 40", `change_qualifier = "nearly"`, "change_since = 2023",
		`source = "phien-hop-10-2025-02"`, `quote = "5,5 tỷ, tăng gần 40%"`,
	)...)
	d, s = loadOne(t, stated)
	if sum := Summarize(s, "", d, d.AsOf()); !sum.Stated || *sum.ChangePct != 40 || sum.ChangeQualifier != Nearly || sum.ChangeSince.String() != "2023" {
		t.Errorf("stated change: %+v", sum)
	}

	// A gap has no value and is kept; unstated points are kept off the timeline.
	gaps := text(append(head("count", "digital-government"),
		"[[points]]", "period = 2023", `gap = "chưa được đánh giá"`, `source = "`+src+`"`,
		"[[points]]", `period = "unstated"`, "value = 7", `source = "`+src+`"`, `quote = "7"`,
		"[[points]]", "period = 2024", "value = 9", `source = "`+src+`"`, `quote = "9"`,
	)...)
	d, s = loadOne(t, gaps)
	if len(s.Points) != 3 || !s.Points[0].IsGap() || s.Points[2].Period.Timed() {
		t.Fatalf("points: %+v", s.Points)
	}
	if sum := Summarize(s, "", d, d.AsOf()); *sum.Latest.Value != 9 || sum.Change != nil {
		t.Errorf("latest of a line with a gap and an unstated point: %+v", sum)
	}
}

// TestStatedChange: a stated change is a figure like a value: in its
// quote, and not a fall of more than the whole.
func TestStatedChange(t *testing.T) {
	for _, tt := range []struct{ change, quote, want string }{
		{"change_pct = -101", "28, giảm 101%", "change_pct = -101: a fall of more than 100% leaves less than nothing"},
		{"change_pct = -100", "28, giảm 100%", "content/metrics/test.toml:7:1: derived_from = 2024: that point fell by 100%"},
		{"change_pct = 1e308", "28, tăng 36%", "the quote does not contain the change_pct 1000000"},
		{"change_pct = -36", "28, giảm 36%", ""},
		{"change = 2.5", "28, tăng 2,5", ""},
	} {
		l := append(head("count", "digital-government"),
			"[[points]]", "period = 2023", "derived_from = 2024",
			"[[points]]", "period = 2024", "value = 28", `source = "nghe-an-2024-07"`, `quote = "`+tt.quote+`"`, tt.change)
		fsys := unarchived(t)
		fsys["content/metrics/test.toml"] = text(l...)
		_, errs := Load(fsys, themes)
		got := errs.Errors().Error()
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) || tt.want != "" && !strings.HasPrefix(got, "content/metrics/test.toml:15:14: ") && !strings.HasPrefix(tt.want, "content/") {
			t.Errorf("%s, quote %q:\n%s\nwant %q", tt.change, tt.quote, got, tt.want)
		}
	}
}

func TestDerivedPrecision(t *testing.T) {
	for _, tt := range []struct {
		value, change, pct string
		want               float64
	}{
		{"28", "", "36", 20.6},   // 28 ÷ 1,36 = 20,588…
		{"64.9", "", "23", 52.8}, // 64,9 ÷ 1,23 = 52,764…
		{"40", "27", "", 13},     // 40 − 27
		{"16.4", "2.25", "", 14.15},
		{"5.5", "", "40", 3.9}, // 5,5 ÷ 1,4 = 3,928…
	} {
		l := append(head("count", "digital-government"),
			"[[points]]", "period = 2023", "derived_from = 2024",
			"[[points]]", "period = 2024", "value = "+tt.value, `source = "nghe-an-2024-07"`, `quote = "`+strings.ReplaceAll(tt.value+" "+tt.change+tt.pct, ".", ",")+`"`)
		if tt.change != "" {
			l = append(l, "change = "+tt.change)
		} else {
			l = append(l, "change_pct = "+tt.pct)
		}
		_, s := loadOne(t, text(l...))
		if got := *s.Points[0].Value; got != tt.want {
			t.Errorf("derived from %s (change %s, %s%%) = %v, want %v", tt.value, tt.change, tt.pct, got, tt.want)
		}
	}
}

// TestCommitmentStatusAndEvidence: a status written on the commitment, as
// the format once had it, is told to go into a report with its evidence;
// a report without its evidence names the key it lacks, at its line.
func TestCommitmentStatusAndEvidence(t *testing.T) {
	fsys := fixture(t)
	task := []string{`agency = "Bộ Công an"`, `task = "Việc."`, `due_before = 2024-07-20`, `source = "ket-luan-2024-07"`,
		`quote = "hoàn thành trước ngày 20 tháng 7 năm 2024"`}
	var lines []string
	lines = append(append(append(lines, `[[commitments]]`, `id = "old-status"`), task...), `status = "done"`, ``)            // status: 8
	lines = append(append(append(lines, `[[commitments]]`, `id = "old-evidence"`), task...), `status_quote = "đã xong"`, ``) // 17
	lines = append(append(append(lines, `[[commitments]]`, `id = "no-evidence"`), task...), ``,
		`[[commitments.reports]]`, `status = "done"`, ``, // 27
		`[[commitments.reports]]`, `status = "done"`, `source = "phien-hop-10-2025-02"`, ``, // 30
		`[[commitments.reports]]`, `status = "dnoe"`, `source = "phien-hop-10-2025-02"`, `quote = "tăng 15 bậc"`) // 35
	fsys["content/commitments/test.toml"] = text(lines...)
	_, errs := Load(fsys, themes)
	errs.Sort()
	f := "content/commitments/test.toml"
	want := []string{
		f + `:8:10: a commitment's status comes from a report: write status = "done" under [[commitments.reports]], with source (the id of the document that reports it) and quote (its words on the task)`,
		f + `:17:16: a commitment's status comes from a report: write it under [[commitments.reports]] as status, source (the id of the document that reports it) and quote (its words on the task)`,
		f + `:27:1: a report needs source: the id of the document that reports the status`,
		f + `:30:1: a report needs quote: the document's words on the task, verbatim`,
		f + `:35:10: status "dnoe" must be one of done, partly-done, in-progress, late, recurring`,
	}
	if got := messages(errs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	for _, e := range errs {
		if !strings.Contains(e.In("vi"), "`") {
			t.Errorf("in Vietnamese, no key in `…`: %s", e.In("vi"))
		}
	}
}

func TestCommitmentDeadlines(t *testing.T) {
	fsys := fixture(t)
	fsys["content/commitments/test.toml"] = text(
		`[[commitments]]`,
		`id = "before"`, `agency = "Bộ Công an"`, `partners = ["Bộ Tài chính"]`, `partners_en = ["Ministry of Finance"]`,
		`task = "Việc."`, `due_before = 2024-07-20`, `source = "ket-luan-2024-07"`,
		`quote = "hoàn thành trước ngày 20 tháng 7 năm 2024"`,
		``,
		`[[commitments.reports]]`, `status = "partly-done"`, `source = "phien-hop-10-2025-02"`, `quote = "Chỉ số Phát triển chính phủ điện tử năm 2024 tăng 15 bậc"`,
		``,
		`[[commitments]]`,
		`id = "event"`, `agency = "Bộ Công an"`, `task = "Việc."`, `due_event = "tại kỳ họp thứ 9"`,
		`source = "ket-luan-2024-07"`, `quote = "hoàn thành trước ngày 20 tháng 7 năm 2024"`,
		``,
		`[[commitments]]`,
		`id = "two-deadlines"`, `agency = "Bộ Công an"`, `task = "Việc."`, `due = 2025`, `due_before = 2025-02-15`,
		`source = "ket-luan-2024-07"`, `quote = "hoàn thành trước ngày 20 tháng 7 năm 2024"`,
	)
	d, errs := Load(fsys, themes)
	if got := messages(errs); len(got) != 1 || !strings.Contains(got[0], `test.toml:28:7: commitment "two-deadlines": give one deadline`) {
		t.Fatalf("problems: %v", got)
	}
	var before, event *Commitment
	for _, c := range d.Commitments {
		switch c.ID {
		case "before":
			before = c
		case "event":
			event = c
		}
	}
	if due, dated := before.Deadline(); !dated || due.String() != "2024-07-19" {
		t.Errorf("before 20 July is due by %v (%v), want 2024-07-19", due, dated)
	}
	if r := before.StatusAt(calendar.Date{Year: 2025, Month: 2, Day: 6}); r == nil || r.Status != PartlyDone || r.Date.String() != "2025-02-06" {
		t.Errorf("report at 6/2/2025: %+v", r)
	}
	if r := before.StatusAt(calendar.Date{Year: 2025, Month: 2, Day: 5}); r != nil {
		t.Errorf("a report is known before its source is published: %+v", r)
	}
	if _, dated := event.Deadline(); dated {
		t.Error("a deadline at an event has a date")
	}
	feb6 := calendar.Date{Year: 2025, Month: 2, Day: 6}
	if got := before.State(feb6); got != PartlyDone {
		t.Errorf("a task reported partly done after its deadline: %s, want %s", got, PartlyDone)
	}
	if got := before.State(calendar.Date{Year: 2025, Month: 2, Day: 5}); got != Passed {
		t.Errorf("a task past its deadline with no report yet: %s, want %s", got, Passed)
	}
	if got := event.State(feb6); got != Event {
		t.Errorf("a task due at an event: %s, want %s", got, Event)
	}
	// A report of work under way, made before the deadline, says nothing
	// of the task once the deadline has passed.
	before.Reports[0].Status, before.Reports[0].Date = InProgress, calendar.Date{Year: 2024, Month: 7, Day: 11}
	if got := before.State(feb6); got != Passed {
		t.Errorf("in progress before the deadline, judged after it: %s, want %s", got, Passed)
	}
	if d.Commitments[len(d.Commitments)-1].ID != "event" {
		t.Errorf("a deadline at an event does not sort last")
	}
}

// TestArchive: every quote is looked up in its archived document, always;
// a quote changed by one word, and an archived file changed by one byte,
// are each one error at its place.
func TestArchive(t *testing.T) {
	fsys := fixture(t)
	d, errs := Load(fsys, themes)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if d.Verified == 0 || d.Unverified != 0 {
		t.Errorf("verified %d, unverified %d; want every quote verified", d.Verified, d.Unverified)
	}

	name := SeriesDir + "/egdi-rank.toml"
	series := string(fsys[name].Data)
	changed := strings.Replace(series, "tăng 15 bậc", "tăng mạnh 15 bậc", 1)
	if changed == series {
		t.Fatalf("%s does not quote \"tăng 15 bậc\"", name)
	}
	fsys[name] = &fstest.MapFile{Data: []byte(changed)}
	_, errs = Load(fsys, themes)
	if len(errs) != 1 || errs[0].Pos.File != name || errs[0].Pos.Line == 0 || !strings.Contains(errs[0].Msg, "the quote is not in content/sources/004_cb6bb587943c80bb.txt") {
		t.Errorf("a quote changed by one word: %v", errs)
	}

	fsys = fixture(t)
	doc := ArchiveDir + "/004_cb6bb587943c80bb.txt"
	b := fsys[doc].Data
	fsys[doc] = &fstest.MapFile{Data: append(append([]byte{}, b...), 'x')}
	_, errs = Load(fsys, themes)
	if len(errs) != 1 || errs[0].Pos.File != SourcesFile || !strings.Contains(errs[0].Msg, doc+" is not the document that was archived") {
		t.Errorf("an archived file changed: %v", errs)
	}
}

// egovTable is a made-up table in the shape of the UN E-Government Survey's
// data (the values are not the survey's; the ranks are among its rows).
const egovTable = "\ufeffSurvey Year,Country Name,EGDI Rank,EGDI\n" +
	"2020,Viet Nam,2,0.6667\n" +
	"2020,Thailand,1,0.7565\n" +
	"2020,Lao PDR,=2,0.3288\n" +
	"2022,\"Viet Nam \",2,0.67870\n" +
	"2022,Thailand,1,0.7660\n" +
	"2022,Lao PDR,,\n" +
	"2024,Viet Nam,2,0.77092\n" +
	"2024,Thailand,1,0.8000\n" +
	"2024,Lao PDR,not assessed,not assessed\n"

func tableSite(t *testing.T, series ...string) fstest.MapFS {
	t.Helper()
	fsys := unarchived(t)
	fsys[SourcesFile] = &fstest.MapFile{Data: append(fsys[SourcesFile].Data, []byte(`
[[sources]]
id = "egov-survey"
title = "E-Government Survey data"
publisher = "Test"
date = 2024-09-17
kind = "statistics"
lang = "en"
document = "egov.csv"
sha256 = "`+fmt.Sprintf("%x", sha256.Sum256([]byte(egovTable)))+`"
`)...)}
	fsys[ArchiveDir+"/egov.csv"] = &fstest.MapFile{Data: []byte(egovTable)}
	for i, s := range series {
		fsys[fmt.Sprintf("%s/t%d.toml", SeriesDir, i)] = text(s)
	}
	return fsys
}

// TestTableSubseriesNoRow: a declared sub-series that no row of its table
// names is an error at its declaration, with the table's spelling, not a
// sub-series on the site with no figures.
func TestTableSubseriesNoRow(t *testing.T) {
	series := func(vnm ...string) string {
		l := append(head("rank", "digital-government"),
			"[[table]]", `source = "egov-survey"`, `period = "Survey Year"`, `value = "EGDI Rank"`, `subseries = "Country Name"`, `of = "count"`,
			"[[subseries]]", `id = "vnm"`, `label = "Việt Nam"`)
		l = append(l, vnm...)
		l = append(l, "[[subseries]]", `id = "tha"`, `label = "Thái Lan"`, `label_en = "Thailand"`)
		return strings.Join(l, "\n")
	}
	_, errs := Load(tableSite(t, series(`label_en = "Vietnam"`)), themes)
	if want := `content/metrics/t0.toml:13:1: sub-series "vnm" matches no row of content/sources/egov.csv: its "Country Name" column writes "Viet Nam"; write key = "Viet Nam"`; errs.Errors().Error() != want {
		t.Errorf("a label the table does not write:\n%v\nwant\n%s", errs, want)
	}
	// A table not read (a misspelt column) is its one error: its rows
	// may well name the sub-series.
	_, errs = Load(tableSite(t, strings.Replace(series(`label_en = "Vietnam"`), `value = "EGDI Rank"`, `value = "EGDI Rnk"`, 1)), themes)
	if e := errs.Errors(); len(e) != 1 || !strings.Contains(e.Error(), `has no column "EGDI Rnk"`) {
		t.Errorf("a table not read:\n%v", e)
	}
	d, errs := Load(tableSite(t, series(`label_en = "Vietnam"`, `key = "Viet Nam"`)), themes)
	if errs.Err() != nil || len(d.SeriesByID("t0").PointsOf("vnm")) != 3 {
		t.Errorf("with its key: %v", errs)
	}
}

// TestTables: a point cites a cell of an archived table, read in the
// table's own number format; a series is filled from a table in one
// declaration, with ranks out of a counted total, ties and gaps.
func TestTables(t *testing.T) {
	cell := strings.Join(append(head("index", "digital-government"),
		"[[points]]", "period = 2022", "value = 0.6787", `source = "egov-survey"`, "row = 5", `column = "EGDI"`,
		"[[points]]", "period = 2024", "value = 0.77092", `source = "egov-survey"`, "row = 8", `column = "EGDI"`,
	), "\n")
	fill := strings.Join(append(head("rank", "digital-government"),
		"[[table]]", `source = "egov-survey"`, `period = "Survey Year"`, `value = "EGDI Rank"`, `subseries = "Country Name"`, `of = "count"`,
	), "\n")
	d, errs := Load(tableSite(t, cell, fill), themes)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	idx := d.SeriesByID("t0")
	if len(idx.Points) != 2 || *idx.Points[1].Value != 0.77092 || !strings.Contains(idx.Points[1].Quote, "EGDI: 0.77092") {
		t.Errorf("cited cells: %+v", idx.Points)
	}
	ranks := d.SeriesByID("t1")
	var subs []string
	for _, s := range ranks.Subseries {
		subs = append(subs, s.ID+"="+s.Label)
	}
	if got := strings.Join(subs, " "); got != "viet-nam=Viet Nam thailand=Thailand lao-pdr=Lao PDR" {
		t.Errorf("sub-series from the table: %s", got)
	}
	var got []string
	for _, p := range ranks.PointsOf("lao-pdr") {
		s := p.Period.String() + ":"
		switch {
		case p.IsGap():
			s += "gap(" + p.GapEn + ")"
		default:
			s += FormatPlain(*p.Value) + "/" + FormatPlain(*p.Of)
		}
		got = append(got, s)
	}
	// =2 is a tie; 2022's empty cell and 2024's words are gaps; each
	// year's total counts the rows with a rank (2 in 2022 and 2024).
	if g := strings.Join(got, " "); g != "2020:2/3 2022:gap(empty in the table) 2024:gap(not assessed)" {
		t.Errorf("Lao PDR: %s", g)
	}
	if vn := ranks.PointsOf("viet-nam"); len(vn) != 3 || *vn[2].Of != 2 || vn[2].Pos.String() != ArchiveDir+"/egov.csv:8:1" {
		t.Errorf("Viet Nam: %+v", vn)
	}
	if d.Verified < 8 {
		t.Errorf("verified %d cells, want every cell read", d.Verified)
	}
	// Counted out of the rows of an extract, a rank from the whole
	// ranking is above its total: an error at its row.
	whole := strings.Replace(egovTable, "2024,Viet Nam,2,", "2024,Viet Nam,71,", 1)
	fsys := tableSite(t, fill)
	fsys[ArchiveDir+"/egov.csv"].Data = []byte(whole)
	fsys[SourcesFile].Data = bytes.Replace(fsys[SourcesFile].Data, []byte(fmt.Sprintf("%x", sha256.Sum256([]byte(egovTable)))), []byte(fmt.Sprintf("%x", sha256.Sum256([]byte(whole)))), 1)
	_, errs = Load(fsys, themes)
	if g := strings.Join(messages(errs.Errors()), "\n"); g != ArchiveDir+"/egov.csv:8:1: value 71 is above its of = 2" {
		t.Errorf("a rank above its count: %s", g)
	}
	// A table that is missing is reported once, at its source: not again
	// by each series that reads it.
	fsys = tableSite(t, cell, fill)
	delete(fsys, ArchiveDir+"/egov.csv")
	_, errs = Load(fsys, themes)
	if g := messages(errs.Errors()); len(g) != 1 || !strings.Contains(g[0], `source "egov-survey": no archived document content/sources/egov.csv`) {
		t.Errorf("a missing table: %q", g)
	}
	// So is a table that is not the one archived: its cells are not
	// looked up, so a changed row is not reported by every reader.
	fsys = tableSite(t, cell, fill)
	fsys[ArchiveDir+"/egov.csv"].Data = []byte(strings.Replace(egovTable, "0.6787", "0.6788", 1))
	_, errs = Load(fsys, themes)
	if g := messages(errs.Errors()); len(g) != 1 || !strings.Contains(g[0], "content/sources/egov.csv is not the document that was archived") {
		t.Errorf("a changed table: %q", g)
	}
	// A name written two ways makes two sub-series, with a warning at the
	// row of the second.
	variants := func(table string) []string {
		fsys := tableSite(t, fill)
		fsys[ArchiveDir+"/egov.csv"].Data = []byte(table)
		fsys[SourcesFile].Data = bytes.Replace(fsys[SourcesFile].Data, []byte(fmt.Sprintf("%x", sha256.Sum256([]byte(egovTable)))), []byte(fmt.Sprintf("%x", sha256.Sum256([]byte(table)))), 1)
		_, errs := Load(fsys, themes)
		var warned []string
		for _, w := range errs.Warnings() {
			if strings.Contains(w.Error(), "a sub-series of its own") {
				warned = append(warned, w.Error())
			}
		}
		return warned
	}
	warned := variants(strings.Replace(egovTable, "2024,Viet Nam,", "2024,Vietnam,", 1))
	if len(warned) != 1 || !strings.HasPrefix(warned[0], ArchiveDir+`/egov.csv:8:1: warning: row 8 names "Vietnam", a sub-series of its own, though earlier rows name "Viet Nam"`) {
		t.Errorf("a name written two ways: %q", warned)
	}
	// Names in another script are told apart by their own letters.
	if warned := variants(strings.NewReplacer("Thailand", "ประเทศไทย", "Lao PDR", "ລາວ").Replace(egovTable)); len(warned) != 0 {
		t.Errorf("names in Thai and Lao script: %q", warned)
	}
	if warned := variants(strings.NewReplacer("2024,Lao PDR,", "2024,ລາ ວ,", "Lao PDR", "ລາວ").Replace(egovTable)); len(warned) != 1 {
		t.Errorf("a Lao name written two ways: %q", warned)
	}
	// A decimal comma in an English table is an error at its row, not
	// 7709; words stay a gap.
	index := strings.Join(append(head("index", "digital-government"),
		"[[table]]", `source = "egov-survey"`, `period = "Survey Year"`, `value = "EGDI"`, `subseries = "Country Name"`,
	), "\n")
	comma := strings.Replace(egovTable, "0.77092", "\"0,7709\"", 1)
	fsys = tableSite(t, index)
	fsys[ArchiveDir+"/egov.csv"].Data = []byte(comma)
	fsys[SourcesFile].Data = bytes.Replace(fsys[SourcesFile].Data, []byte(fmt.Sprintf("%x", sha256.Sum256([]byte(egovTable)))), []byte(fmt.Sprintf("%x", sha256.Sum256([]byte(comma)))), 1)
	_, errs = Load(fsys, themes)
	if g := strings.Join(messages(errs.Errors()), "\n"); g != ArchiveDir+`/egov.csv:8:1: row 8, column "EGDI" holds "0,7709", which is not a number as this table writes them (1,234.5, lang = "en" in content/sources.toml): correct the cell, or the source's lang` {
		t.Errorf("a decimal comma in an English table: %s", g)
	}
	for text, want := range map[string]bool{"1,234.5": true, "1,234,567": true, "0,7709": false, "12,34": false, ",5": false, "0.5": true} {
		if _, _, ok := (&Table{Lang: "en"}).Number(text); ok != want {
			t.Errorf("%q in an English table: a number %v, want %v", text, ok, want)
		}
	}

	// A wrong value, an unknown column and a missing row are each placed.
	bad := strings.Join(append(head("index", "digital-government"),
		"[[points]]", "period = 2022", "value = 0.68", `source = "egov-survey"`, "row = 5", `column = "EGDI"`,
		"[[points]]", "period = 2024", "value = 1", `source = "egov-survey"`, "row = 8", `column = "Index"`,
		"[[points]]", "period = 2020", "value = 1", `source = "egov-survey"`, "row = 40", `column = "EGDI"`,
	), "\n")
	_, errs = Load(tableSite(t, bad), themes)
	want := []string{
		`content/metrics/t0.toml:9:9: content/sources/egov.csv, row 5, column "EGDI" holds 0.67870, not 0.68`,
		`content/metrics/t0.toml:18:10: content/sources/egov.csv has no column "Index"; its columns are Survey Year, Country Name, EGDI Rank, EGDI`,
		`content/metrics/t0.toml:23:7: content/sources/egov.csv has no row 40 (its rows are 2 to 10)`,
	}
	errs.Sort()
	if g := strings.Join(messages(errs.Errors()), "\n"); g != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", g, strings.Join(want, "\n"))
	}
}

// TestCoverage: the numbers of a document that nothing cites are listed
// at their line and column; quoted ones, dates, years, document numbers
// and omitted stretches are not.
func TestCoverage(t *testing.T) {
	doc := "Tin thử\n\nNgày 10/7/2024, theo Nghị định số 123/2020/NĐ-CP, cả nước có 42 triệu tài khoản.\n\nNăm 2024 có 63 tỉnh và 7 thành phố thử 5G; đạt 16,4 triệu.\n"
	fsys := unarchived(t)
	fsys[SourcesFile] = &fstest.MapFile{Data: append(fsys[SourcesFile].Data, []byte(`
[[sources]]
id = "tin-thu"
title = "Tin thử"
publisher = "Thử"
date = 2024-07-10
kind = "news-report"
document = "tin.txt"
sha256 = "`+fmt.Sprintf("%x", sha256.Sum256([]byte(doc)))+`"

[[sources.omit]]
text = "63 tỉnh"
reason = "Số tỉnh, không phải số liệu tiến độ"
`)...)}
	fsys[ArchiveDir+"/tin.txt"] = &fstest.MapFile{Data: []byte(doc)}
	fsys[SeriesDir+"/t.toml"] = text(append(head("count", "digital-government"),
		"[[points]]", "as_of = 2024-07-10", "value = 42", `source = "tin-thu"`, `quote = "cả nước có 42 triệu tài khoản"`)...)
	d, errs := Load(fsys, themes)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	var got []string
	for _, e := range d.Coverage(fsys) {
		if e.Pos.File == ArchiveDir+"/tin.txt" {
			got = append(got, fmt.Sprintf("%d:%d %s", e.Pos.Line, e.Pos.Col, strings.Fields(e.Msg)[0]))
		}
	}
	if g := strings.Join(got, " "); g != "5:24 7 5:48 16,4" {
		t.Errorf("uncited: %s, want 5:24 7 5:48 16,4", g)
	}
}

// TestChanges: each source lists what it added, newest first; a later
// source restating an earlier period differently is a revision, and both
// figures are kept.
func TestChanges(t *testing.T) {
	d, _ := loadOne(t, text(append(head("count", "digital-government"),
		"[[points]]", "period = 2023", "value = 40", `source = "thuong-truc-2024-07"`, `quote = "40"`,
		"[[points]]", "period = 2023", "value = 41", `source = "phien-hop-10-2025-02"`, `quote = "41"`,
		"[[points]]", "period = 2024", "value = 50", `source = "phien-hop-10-2025-02"`, `quote = "50"`,
	)...))
	s := d.SeriesByID("test")
	var got []string
	for _, sc := range d.Changes() {
		for _, c := range sc.Changes {
			if c.Series != s {
				continue
			}
			e := sc.Source.ID + " " + c.Kind + " " + c.Point.Period.String() + "=" + FormatPlain(*c.Point.Value)
			if c.Previous != nil {
				e += " was " + FormatPlain(*c.Previous.Value)
			}
			got = append(got, e)
		}
	}
	want := "phien-hop-10-2025-02 revision 2023=41 was 40; phien-hop-10-2025-02 point 2024=50; thuong-truc-2024-07 point 2023=40"
	if g := strings.Join(got, "; "); g != want {
		t.Errorf("changes:\n%s\nwant:\n%s", g, want)
	}
	if all := d.Changes(); len(all) == 0 || all[0].Source.Date.Before(all[len(all)-1].Source.Date) {
		t.Errorf("sources not newest first")
	}
}

// TestHasChanges: HasChanges says whether Changes lists anything: for the
// test data, a series' points only, a target only, a draft's and nothing.
func TestHasChanges(t *testing.T) {
	check := func(name string, d *Data) {
		t.Helper()
		if got, want := d.HasChanges(), len(d.Changes()) > 0; got != want {
			t.Errorf("%s: HasChanges() = %v, Changes lists %d sources", name, got, len(d.Changes()))
		}
	}
	check("no data", &Data{sourceByID: map[string]*Source{}})
	d, _ := loadOne(t, text(append(head("count", "digital-government"),
		"[[points]]", "period = 2023", "value = 40", `source = "thuong-truc-2024-07"`, `quote = "40"`)...))
	check("a point", d)
	if !d.HasChanges() {
		t.Fatalf("a point of a listed source is no change")
	}
	// The same data with the source left unlisted (as a draft is): nothing.
	for _, src := range d.Sources {
		if src.ID == "thuong-truc-2024-07" {
			d.Sources = slices.DeleteFunc(slices.Clone(d.Sources), func(s *Source) bool { return s == src })
			break
		}
	}
	d.Commitments = nil
	for _, s := range d.Series {
		if s.ID != "test" {
			s.Points, s.Targets = nil, nil
		}
	}
	check("a point of an unlisted source", d)
	if d.HasChanges() {
		t.Errorf("a point of an unlisted source counts as a change")
	}
}

// TestTargetBeforeFirstPoint: a deadline before a line's first figure is
// a warning (by is likely mistyped).
func TestTargetBeforeFirstPoint(t *testing.T) {
	fsys := unarchived(t)
	fsys[SeriesDir+"/test.toml"] = seriesFile("rate", "ket-luan-2024-07", []string{"2023:50", "2024:60"}, []string{"2020:80"})
	_, errs := Load(fsys, themes)
	if got := strings.Join(messages(errs.Warnings()), "\n"); !strings.Contains(got, "test.toml:20:1: warning: the target is due by the end of 2020, before the first figure of its line (2023)") {
		t.Errorf("warnings:\n%s", got)
	}
}

// TestPeriodAfterSource: a figure for a period that starts after its
// source's date is a warning at the period, unless it is flagged as an
// estimate; a target due after it is not.
func TestPeriodAfterSource(t *testing.T) {
	fsys := unarchived(t)
	f := seriesFile("rate", "ket-luan-2024-07", []string{"2024:60", "2025:70"}, []string{"2030:90"})
	fsys[SeriesDir+"/test.toml"] = f
	series := func() []string { // the warnings at the series (the sources are not archived)
		_, errs := Load(fsys, themes)
		var m []string
		for _, e := range errs {
			if e.Pos.File == SeriesDir+"/test.toml" {
				m = append(m, e.Error())
			}
		}
		return m
	}
	want := `content/metrics/test.toml:15:10: warning: the period 2025 starts after its source's date (2024-07-10): a figure for the future is a target`
	if got := series(); len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("problems:\n%s\nwant only\n%s", strings.Join(got, "\n"), want)
	}

	fsys[SeriesDir+"/test.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), "value = 70\n", "value = 70\nflag = \"estimate\"\n", 1))}
	if got := series(); len(got) != 0 {
		t.Errorf("an estimate for 2025 from a document of 2024:\n%s", strings.Join(got, "\n"))
	}
}

// TestIDNames: an id, or a series file name, with accents, capitals or
// spaces is an error that gives the name to use instead.
func TestIDNames(t *testing.T) {
	fsys := unarchived(t)
	fsys[SeriesDir+"/tỷ-lệ.toml"] = seriesFile("rate", "ket-luan-2024-07", []string{"2024:60"}, nil)
	fsys[SeriesDir+"/Ty Le Khac.toml"] = seriesFile("rate", "ket-luan-2024-07", []string{"2024:60"}, nil)
	fsys[SeriesDir+"/given.toml"] = text(append([]string{`id = "Tỷ lệ hồ sơ"`}, head("rate", "digital-government")...)...)
	fsys[SeriesDir+"/chữ-hán-字.toml"] = text(append([]string{`id = "字"`}, head("rate", "digital-government")...)...)
	_, errs := Load(fsys, themes)
	errs.Sort()
	got := strings.Join(messages(errs.Errors()), "\n")
	for _, want := range []string{
		`content/metrics/Ty Le Khac.toml:1:1: the file name "Ty Le Khac" can have only the letters a-z, digits and '-' (no accents, capitals or spaces): rename the file to ty-le-khac.toml (the file name is the series id)`,
		`content/metrics/given.toml:1:6: series id "Tỷ lệ hồ sơ" can have only the letters a-z, digits and '-' (no accents, capitals or spaces): write id = "ty-le-ho-so"`,
		`content/metrics/tỷ-lệ.toml:1:1: the file name "tỷ-lệ" can have only the letters a-z, digits and '-' (no accents, capitals or spaces): rename the file to ty-le.toml (the file name is the series id)`,
		// Nothing to keep: no name is offered.
		`content/metrics/chữ-hán-字.toml:1:6: series id "字" can have only the letters a-z, digits and '-' (no accents, capitals or spaces)` + "\n",
	} {
		if !strings.Contains(got+"\n", want) {
			t.Errorf("errors:\n%s\nwant one that is\n%s", got, want)
		}
	}
}

// TestDrafts: a draft (draft = true) is loaded and checked, may leave out
// what publishing needs, is left out by Published, and nothing published
// may rest on it.
func TestDrafts(t *testing.T) {
	fsys := fixture(t)
	fsys[SourcesFile] = &fstest.MapFile{Data: append(fsys[SourcesFile].Data, []byte(strings.Join([]string{
		``,
		`[[sources]]`,
		`id = "bao-cao-moi"`, // no publisher, date, kind or document yet
		`draft = true`,
		`title = "Báo cáo mới"`,
	}, "\n")+"\n")...)}
	draftSeries := []string{
		`title = "Tỷ lệ mới"`, // 1: no title_en, unit or unit_en yet
		`draft = true`,
		`kind = "rate"`,
		`theme = "digital-government"`,
	}
	fsys["content/metrics/ty-le-moi.toml"] = text(draftSeries...)
	draftTask := []string{
		`[[commitments]]`, // 1: no agency, deadline, source or quote yet
		`id = "nhiem-vu-moi"`,
		`draft = true`,
		`task = "Nhiệm vụ mới"`,
		`metrics = ["ty-le-moi"]`,
	}
	fsys["content/commitments/nhiem-vu-moi.toml"] = text(draftTask...)
	d, errs := Load(fsys, themes)
	if len(errs) != 0 {
		t.Fatalf("drafts have problems:\n%s", strings.Join(messages(errs), "\n"))
	}
	if d.SeriesByID("ty-le-moi") == nil || d.Drafts() != 3 {
		t.Errorf("Load: series %v, %d drafts; want the draft series loaded and 3 drafts", d.SeriesByID("ty-le-moi"), d.Drafts())
	}
	p := d.Published()
	if p.SeriesByID("ty-le-moi") != nil || p.Source("bao-cao-moi") != nil || len(p.Series) != len(d.Series)-1 ||
		len(p.Sources) != len(d.Sources)-1 || len(p.Commitments) != len(d.Commitments)-1 {
		t.Errorf("Published keeps drafts: %d of %d series, %d of %d sources, %d of %d commitments",
			len(p.Series), len(d.Series), len(p.Sources), len(d.Sources), len(p.Commitments), len(d.Commitments))
	}
	if p.DraftSeries("ty-le-moi") == nil || p.DraftSource("bao-cao-moi") == nil || p.DraftSeries("egdi-rank") != nil || p.Drafts() != 3 {
		t.Error("Published forgets its drafts")
	}
	for _, c := range p.Commitments {
		if c.ID == "nhiem-vu-moi" {
			t.Error("the draft commitment is published")
		}
	}

	// What a draft gives is checked; it may cite drafts; what is
	// published may not.
	fsys["content/metrics/ty-le-moi.toml"] = text(append(draftSeries,
		`[[points]]`,
		`period = 2024`,
		`value = 150`, // 7: not a rate
		`source = "bao-cao-moi"`,
		`quote = "150"`,
	)...)
	fsys["content/commitments/nhiem-vu-moi.toml"] = text(append(draftTask,
		`source = "ket-luan-2024-07"`,
		`quote = "không có trong văn bản"`, // 7
		`[[commitments]]`,                  // 8: published
		`id = "nhiem-vu-cong-bo"`,
		`agency = "Bộ Công an"`,
		`task = "Nhiệm vụ"`,
		`due = 2025`,
		`source = "bao-cao-moi"`, // 13
		`quote = "Nhiệm vụ"`,
		`metrics = ["ty-le-moi"]`, // 15
	)...)
	egdi := string(fsys["content/metrics/egdi-rank.toml"].Data)
	fsys["content/metrics/egdi-rank.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(egdi, `source = "thuong-truc-2024-07"`, `source = "bao-cao-moi"`, 1))}
	_, errs = Load(fsys, themes)
	errs.Sort()
	want := []string{
		`content/commitments/nhiem-vu-moi.toml:7:9: the quote is not in content/sources/000_56ca7df9ef5d81dd.txt: copy it from the document exactly, letter for letter ("không có trong văn bản")`,
		`content/commitments/nhiem-vu-moi.toml:13:10: source "bao-cao-moi" is a draft (its entry at content/sources.toml:60:1 says draft = true): remove that line to publish it, or make this a draft too`,
		`content/commitments/nhiem-vu-moi.toml:15:11: metric "ty-le-moi" is a draft (draft = true in content/metrics/ty-le-moi.toml): remove that line to publish it, or make this task a draft too`,
		`content/metrics/egdi-rank.toml:14:10: source "bao-cao-moi" is a draft (its entry at content/sources.toml:60:1 says draft = true): remove that line to publish it, or make this a draft too`,
		`content/metrics/ty-le-moi.toml:7:9: a rate must be between 0 and 100, not 150`,
	}
	if got := messages(errs.Errors()); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}

	// Published, each lists what it still lacks.
	for name, f := range fsys {
		if strings.HasPrefix(name, "content/") && strings.HasSuffix(name, ".toml") {
			f.Data = []byte(strings.ReplaceAll(string(f.Data), "draft = true\n", ""))
		}
	}
	fsys["content/metrics/egdi-rank.toml"] = &fstest.MapFile{Data: []byte(egdi)}
	fsys["content/metrics/ty-le-moi.toml"] = text(draftSeries[0], draftSeries[2], draftSeries[3])
	fsys["content/commitments/nhiem-vu-moi.toml"] = text(draftTask[0], draftTask[1], draftTask[3])
	_, errs = Load(fsys, themes)
	got := strings.Join(messages(errs.Errors()), "\n")
	for _, w := range []string{
		`source "bao-cao-moi": publisher is required`,
		`source "bao-cao-moi": date is required`,
		`source "bao-cao-moi": kind "" must be one of`,
		`ty-le-moi.toml:1:1: title_en is required`,
		`ty-le-moi.toml:1:1: unit is required`,
		`commitment "nhiem-vu-moi": agency (the lead agency) and task are required`,
		`commitment "nhiem-vu-moi": the deadline is required`,
		`nhiem-vu-moi.toml:1:1: source is required`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("once published, no %q in:\n%s", w, got)
		}
	}
	if w := messages(errs.Warnings()); !strings.Contains(strings.Join(w, "\n"), `source "bao-cao-moi" has no archived document`) {
		t.Errorf("once published, no warning of the missing document: %q", w)
	}
}

// The lines of a series keep the order its file declares its sub-series
// in, whatever the order of its points and targets (not their ids' order):
// tiles, legends, tables and lists all show them so.
func TestSubseriesOrder(t *testing.T) {
	l := head("rate", "digital-government")
	l = append(l, "", "[[subseries]]", `id = "national"`, `label = "Cả nước"`, `label_en = "Whole country"`,
		"", "[[subseries]]", `id = "localities"`, `label = "Địa phương"`, `label_en = "Localities"`)
	for _, p := range []string{"localities:2023:9", "national:2024:42", "localities:2024:17", "national:2023:17"} {
		sub, rest, _ := strings.Cut(p, ":")
		period, value, _ := strings.Cut(rest, ":")
		l = append(l, "", "[[points]]", "period = "+period, "value = "+value, `subseries = "`+sub+`"`,
			`source = "ket-luan-2024-07"`, `quote = "đạt `+value+`"`)
	}
	for _, tg := range []string{"localities:2025:50", "national:2026:100", "national:2025:80"} {
		sub, rest, _ := strings.Cut(tg, ":")
		by, value, _ := strings.Cut(rest, ":")
		l = append(l, "", "[[targets]]", "by = "+by, "value = "+value, `subseries = "`+sub+`"`,
			`source = "ket-luan-2024-07"`, `quote = "phấn đấu đạt `+value+`"`)
	}
	_, s := loadOne(t, text(l...))
	var points, targets []string
	for _, p := range s.Points {
		points = append(points, p.Subseries+":"+p.Period.String())
	}
	for _, tg := range s.Targets {
		targets = append(targets, tg.Subseries+":"+tg.By.String())
	}
	wantPoints := []string{"national:2023", "national:2024", "localities:2023", "localities:2024"}
	wantTargets := []string{"national:2025", "national:2026", "localities:2025"}
	if !slices.Equal(points, wantPoints) {
		t.Errorf("points in order %v, want %v", points, wantPoints)
	}
	if !slices.Equal(targets, wantTargets) {
		t.Errorf("targets in order %v, want %v", targets, wantTargets)
	}
}

// On a site without English, or with English as its default, no _en text
// is required: the unsuffixed fields are in the default language.
func TestNoEnglishRequired(t *testing.T) {
	fsys := fstest.MapFS{
		SourcesFile: {Data: []byte("[[sources]]\nid = \"un\"\ntitle = \"UN E-Government Survey 2024\"\npublisher = \"UN DESA\"\ndate = 2024-09-17\nkind = \"statistics\"\n")},
		SeriesDir + "/egdi.toml": {Data: []byte("title = \"E-Government Development Index\"\nunit = \"points\"\nkind = \"index\"\ntheme = \"g\"\n\n" +
			"[[subseries]]\nid = \"vnm\"\nlabel = \"Viet Nam\"\n\n" +
			"[[points]]\nperiod = 2024\nvalue = 0.7709\nsubseries = \"vnm\"\nsource = \"un\"\nquote = \"Viet Nam scored 0.7709\"\n")},
	}
	series := fsys[SeriesDir+"/egdi.toml"].Data
	for _, langs := range [][]string{{"en"}, {"en", "vi"}, {"vi"}} {
		// The source's language is the site's: it writes 0,7709 on a Vietnamese site.
		quote := map[string]string{"en": "0.7709", "vi": "0,7709"}[langs[0]]
		fsys[SeriesDir+"/egdi.toml"] = &fstest.MapFile{Data: bytes.Replace(series, []byte("0.7709\""), []byte(quote+"\""), 1)}
		d, errs := LoadLangs(fsys, []string{"g"}, langs)
		for _, e := range errs.Errors() {
			t.Errorf("%v: %v", langs, e)
		}
		if got := d.Source("un").Language(); got != langs[0] {
			t.Errorf("%v: a source's language is %q, want the site's default", langs, got)
		}
		if se := d.SeriesByID("egdi"); se.TitleIn("en") != "E-Government Development Index" || se.Subseries[0].LabelIn("vi") != "Viet Nam" {
			t.Errorf("%v: texts %q, %q", langs, se.TitleIn("en"), se.Subseries[0].LabelIn("vi"))
		}
	}
	fsys[SeriesDir+"/egdi.toml"] = &fstest.MapFile{Data: series}
	fsys[SourcesFile].Data = append(fsys[SourcesFile].Data, "lang = \"en\"\n"...)
	_, errs := LoadLangs(fsys, []string{"g"}, []string{"vi", "en"})
	got := errs.Errors().Error()
	for _, want := range []string{
		"content/metrics/egdi.toml:1:1: title_en is required",
		"content/metrics/egdi.toml:1:1: unit_en is required",
		`content/metrics/egdi.toml:6:1: sub-series "vnm" needs label and label_en`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("with English second, errors\n%s\ndo not contain %q", got, want)
		}
	}
}

// TestDueForms: a due that is no period is told the forms due takes, not
// the span and "unstated" it rejects; those get due's own message.
func TestDueForms(t *testing.T) {
	fsys := fixture(t)
	commitment := func(due string) []string {
		return []string{`[[commitments]]`, `id = "task-` + strings.Trim(strings.NewReplacer(" ", "-", "/", "-").Replace(due), `"`) + `"`,
			`agency = "Bộ Công an"`, `task = "Việc."`, `due = ` + due,
			`source = "ket-luan-2024-07"`, `quote = "hoàn thành trước ngày 20 tháng 7 năm 2024"`, ``}
	}
	// One file each: a value that is no period stops its file.
	for i, due := range []string{`"Q2 2025"`, `"2024/2025"`, `"unstated"`, `"2025-13/2026"`, `"10/7/2025"`} {
		fsys[fmt.Sprintf("content/commitments/due-%d.toml", i+1)] = text(commitment(due)...)
	}
	_, errs := Load(fsys, themes)
	errs.Sort()
	want := []string{
		`content/commitments/due-1.toml:5:8: "Q2 2025" is not a period of one year, half, quarter, month or day: want 2024, 2024-H1, 2024-Q2, 2024-06 or 2024-06-30`,
		`content/commitments/due-2.toml:5:7: commitment "task-2024-2025": due must be a year, half, quarter, month or day`,
		`content/commitments/due-3.toml:5:7: commitment "task-unstated": due must be a year, half, quarter, month or day`,
		`content/commitments/due-4.toml:5:8: "2025-13/2026" is not a period of one year, half, quarter, month or day: want 2024, 2024-H1, 2024-Q2, 2024-06 or 2024-06-30`,
		`content/commitments/due-5.toml:5:8: "10/7/2025" is not a period as it is written here: a day is written 2025-07-10 (year-month-day)`,
	}
	got := messages(errs)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	for _, e := range errs {
		if strings.Contains(e.Msg, "span") || strings.Contains(e.Msg, `or "unstated"`) || strings.Contains(e.Vi, "giai đoạn") {
			t.Errorf("the message for due offers a form due rejects: %s", e.In("en"))
		}
	}
}
