package content

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/tomlfile"
)

// TestPageIsItsExportedFields: the build cache keeps a page's exported
// fields (package store writes no other), and a page restored from them
// must be the page a clean build parses, down to where its messages point.
// A field that is not exported would be lost.
func TestPageIsItsExportedFields(t *testing.T) {
	typ := reflect.TypeOf(Page{})
	for i := range typ.NumField() {
		if f := typ.Field(i); !f.IsExported() {
			t.Errorf("Page.%s is not exported: a page restored from the build cache would not have it", f.Name)
		}
	}
	p, errs := ParsePage("content/reports/x.md", []byte(report))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	q := *p // what the cache restores
	for _, key := range frontMatterKeys {
		if q.KeyPos(key) != p.KeyPos(key) {
			t.Errorf("a copy places %s at %s, the page at %s", key, q.KeyPos(key), p.KeyPos(key))
		}
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		front    string
		body     string
		bodyLine int
		err      string // expected error, "" for none
	}{
		{"plain", "+++\ntitle = \"x\"\ndate = 2024-07-10\n+++\n\n## A\n", "title = \"x\"\ndate = 2024-07-10\n", "\n## A\n", 4, ""},
		{"BOM", "\ufeff+++\ntitle = \"x\"\n+++\nbody\n", "title = \"x\"\n", "body\n", 3, ""},
		{"CRLF", "+++\r\ntitle = \"x\"\r\n+++\r\nbody\r\n", "title = \"x\"\r\n", "body\r\n", 3, ""},
		{"trailing spaces on delimiters", "+++  \ntitle = \"x\"\n+++\t\nbody", "title = \"x\"\n", "body", 3, ""},
		{"empty front matter", "+++\n+++\nbody", "", "body", 2, ""},
		{"no body", "+++\ntitle = \"x\"\n+++", "title = \"x\"\n", "", 3, ""},
		{"delimiter inside a string line is not one", "+++\nsummary = \"+++\"\n+++\nx", "summary = \"+++\"\n", "x", 3, ""},

		{"no front matter", "# Tiêu đề\n\nVăn bản.\n", "", "", 0, "x.md:1:1: a page must start with a line \"+++\""},
		{"empty file", "", "", "", 0, "x.md:1:1: a page must start"},
		{"YAML front matter", "---\ntitle: x\n---\n", "", "", 0, "x.md:1:1: a page must start"},
		{"not closed", "+++\ntitle = \"x\"\n\n## A\n", "", "", 0, "x.md:1:1: front matter is not closed"},
		{"BOM, not closed", "\ufeff+++\r\ntitle = \"x\"\r\n", "", "", 0, "x.md:1:1: front matter is not closed"},
	}
	for _, tt := range tests {
		front, body, bodyLine, err := Split("x.md", []byte(tt.in))
		if tt.err != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if string(front) != tt.front || string(body) != tt.body || bodyLine != tt.bodyLine {
			t.Errorf("%s: Split = %q, %q, %d; want %q, %q, %d", tt.name, front, body, bodyLine, tt.front, tt.body, tt.bodyLine)
		}
	}
}

const report = `+++
title = "Kết luận Hội nghị sơ kết 6 tháng đầu năm 2024"
date = 2024-07-10
summary = "Tóm tắt."
sources = ["ket-luan-2024-07"]
metrics = ["online-records-share"]
tags = ["Đề án 06"]
+++

## Kết quả
`

func TestParsePage(t *testing.T) {
	p, errs := ParsePage("content/reports/ket-luan-so-ket-6-thang-2024.md", []byte(report))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if p.Section != "reports" || p.Slug != "ket-luan-so-ket-6-thang-2024" || p.Lang != "" {
		t.Errorf("section/slug/lang = %q %q %q", p.Section, p.Slug, p.Lang)
	}
	if p.Date != (calendar.Date{Year: 2024, Month: 7, Day: 10}) || p.Summary != "Tóm tắt." || p.Tags[0] != "Đề án 06" {
		t.Errorf("front matter decoded as %+v", p)
	}
	if p.BodyLine != 8 || string(p.Body) != "\n## Kết quả\n" {
		t.Errorf("body line %d, body %q", p.BodyLine, p.Body)
	}
	if got := p.KeyPos("metrics").String(); got != "content/reports/ket-luan-so-ket-6-thang-2024.md:6:11" {
		t.Errorf("KeyPos(metrics) = %s, want line 6 (front matter starts on line 2)", got)
	}
	// Every key is placed as the front matter's locator places it, and a
	// key the page does not set at the start of the file.
	front, _, _, _ := Split(p.File, []byte(report))
	f, _ := tomlfile.Decode(p.File, front, 1, &Page{})
	for _, key := range append(frontMatterKeys, "weight", "no-such-key") {
		if got, want := p.KeyPos(key), f.Pos(key); got != want {
			t.Errorf("KeyPos(%s) = %s, want %s", key, got, want)
		}
	}

	en, errs := ParsePage("content/reports/ket-luan-so-ket-6-thang-2024.en.md", []byte(report))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if en.Lang != "en" || en.Slug != "ket-luan-so-ket-6-thang-2024" {
		t.Errorf(".en.md: lang %q slug %q", en.Lang, en.Slug)
	}

	// A folder of a section is part of the slug, and so of the URL.
	for _, name := range []string{"content/notes/2025/hop-thang-1.md", "content/notes/2025/hop-thang-1.en.md", "content/reports/2025/q1/hop.md"} {
		p, errs := ParsePage(name, []byte(report))
		if len(errs) != 0 {
			t.Fatal(errs)
		}
		dir, file, _ := strings.Cut(strings.TrimPrefix(name, "content/"), "/")
		if slug := strings.TrimSuffix(strings.TrimSuffix(file, ".md"), ".en"); p.Section != dir || p.Slug != slug {
			t.Errorf("%s: section %q slug %q, want %q %q", name, p.Section, p.Slug, dir, slug)
		}
		if want := map[bool]string{true: "en", false: ""}[strings.HasSuffix(name, ".en.md")]; p.Lang != want {
			t.Errorf("%s: lang %q, want %q", name, p.Lang, want)
		}
	}

	page, errs := ParsePage("content/pages/phuong-phap.md", []byte("+++\ntitle = \"Phương pháp\"\nweight = 10\n+++\n"))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if page.Section != "pages" || page.Weight != 10 || !page.Date.IsZero() {
		t.Errorf("pages: %+v", page)
	}
}

func TestParsePageErrors(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             []string
	}{
		{"unknown key at its line in the file", "content/reports/x.md",
			"+++\ntitle = \"x\"\ndate = 2024-07-10\nsumary = \"typo\"\n+++\n",
			[]string{`content/reports/x.md:4:10: unknown key "sumary"`}},
		{"unknown key, BOM and CRLF", "content/reports/x.md",
			"\ufeff+++\r\ntitle = \"x\"\r\ndate = 2024-07-10\r\n\r\n  tgas = [\"a\"]\r\n+++\r\n",
			[]string{`content/reports/x.md:5:10: unknown key "tgas"`}},
		{"computed fields are not front matter", "content/reports/x.md",
			"+++\ntitle = \"x\"\ndate = 2024-07-10\nslug = \"other\"\nlang = \"en\"\nsection = \"pages\"\n+++\n",
			[]string{`content/reports/x.md:4:8: unknown key "slug"`, `content/reports/x.md:5:8: unknown key "lang"`, `content/reports/x.md:6:11: unknown key "section"`}},
		{"type error at its line in the file", "content/notes/x.md",
			"+++\ntitle = \"x\"\ndate = 2024-07-10\ndraft = \"no\"\n+++\n",
			[]string{`content/notes/x.md:4:9: draft: wrong type`}},
		{"syntax error at its line in the file", "content/notes/x.md",
			"+++\ntitle = \"x\"\ndate = 2024-07-10\ntags = [\"a\"\n+++\n",
			[]string{`content/notes/x.md:4:12: expected a comma`}},
		{"bad date", "content/notes/x.md",
			"+++\ntitle = \"x\"\ndate = \"10/7/2024\"\n+++\n",
			[]string{`content/notes/x.md:3:`, `not a date`}},
		{"title required", "content/pages/x.md", "+++\nweight = 1\n+++\n",
			[]string{`content/pages/x.md:1:1: title is required`}},
		{"an empty title where it is", "content/notes/x.md", "+++\ndate = 2024-07-10\ntitle = \"  \"\n+++\n",
			[]string{`content/notes/x.md:3:9: title is required`}},
		{"date required for reports", "content/reports/x.md", "+++\ntitle = \"x\"\n+++\n",
			[]string{`content/reports/x.md:1:1: date is required for reports`}},
		{"file name with accents and a capital", "content/reports/Kết-luận.md", "+++\ntitle = \"x\"\ndate = 2024-07-10\n+++\n",
			[]string{`content/reports/Kết-luận.md:1:1: the file name "Kết-luận" can have only the letters a-z, digits and '-' (no accents, capitals or spaces): rename the file to ket-luan.md`}},
		{"file name with a space, English", "content/notes/Báo cáo.en.md", "+++\ntitle = \"x\"\ndate = 2024-07-10\n+++\n",
			[]string{`content/notes/Báo cáo.en.md:1:1: the file name "Báo cáo" can have only the letters a-z, digits and '-' (no accents, capitals or spaces): rename the file to bao-cao.en.md`}},
		{"file name with nothing to keep", "content/notes/字.md", "+++\ntitle = \"x\"\ndate = 2024-07-10\n+++\n",
			[]string{`content/notes/字.md:1:1: the file name "字" can have only the letters a-z, digits and '-' (no accents, capitals or spaces)`}},
		{"folder name with accents", "content/notes/Năm 2025/hop.md", "+++\ntitle = \"x\"\ndate = 2025-01-10\n+++\n",
			[]string{`content/notes/Năm 2025/hop.md:1:1: the folder name "Năm 2025" can have only the letters a-z, digits and '-' (no accents, capitals or spaces): rename the folder to nam-2025`}},
		{"unknown section", "content/news/x.md", "+++\ntitle = \"x\"\ndate = 2024-07-10\n+++\n",
			[]string{`content/news/x.md:1:1: pages live in content/reports/, content/notes/, content/pages/`}},
		{"a page in content/", "content/x.md", "+++\ntitle = \"x\"\n+++\n",
			[]string{`content/x.md:1:1: pages live in content/reports/`}},
		{"a folder in content/pages/", "content/pages/2024/x.md", "+++\ntitle = \"x\"\n+++\n",
			[]string{`content/pages/2024/x.md:1:1: the pages of content/pages/ are not in folders (each is at /<name>/ on the site): move the file to content/pages/x.md`}},
		{"the folder of the list's pages", "content/notes/page/2.md", "+++\ntitle = \"x\"\ndate = 2024-07-10\n+++\n",
			[]string{`content/notes/page/2.md:1:1: a folder of content/notes/ cannot be called "page": /notes/page/2/ is the second page of its list; rename the folder`}},
		{"no front matter", "content/reports/x.md", "## x\n",
			[]string{`content/reports/x.md:1:1: a page must start with a line "+++"`}},
	}
	for _, tt := range tests {
		_, errs := ParsePage(tt.file, []byte(tt.text))
		got := errs.Error()
		if len(errs.Errors()) != len(tt.want) && tt.name != "bad date" {
			t.Errorf("%s: %d errors, want %d:\n%s", tt.name, len(errs), len(tt.want), got)
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: errors\n%s\ndo not contain %q", tt.name, got, w)
			}
		}
	}
}

const siteTOML = `title = "Tiến độ chuyển đổi số quốc gia"
title_en = "Vietnam digital transformation progress"
description = "Số liệu."
description_en = "Figures."
headline = ["egdi-rank", "online-records-share"]

[[themes]]
id = "international-rankings"
title = "Xếp hạng quốc tế"
title_en = "International rankings"

[[themes]]
id = "digital-government"
title = "Chính phủ số"
title_en = "Digital government"
`

func TestLoadConfig(t *testing.T) {
	s, errs := LoadConfig(fstest.MapFS{SiteFile: {Data: []byte(siteTOML)}})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if got := strings.Join(s.ThemeIDs(), ","); got != "international-rankings,digital-government" {
		t.Errorf("ThemeIDs = %s", got)
	}
	if got := s.HeadlinePos().String(); got != "content/site.toml:5:12" {
		t.Errorf("HeadlinePos = %s", got)
	}

	bad := strings.Replace(siteTOML, `title = "Chính phủ số"`, `titel = "Chính phủ số"`, 1)
	bad = strings.Replace(bad, `id = "digital-government"`, `id = "international-rankings"`, 1)
	_, errs = LoadConfig(fstest.MapFS{SiteFile: {Data: []byte(bad)}})
	errs.Sort()
	want := []string{
		`content/site.toml:13:6: duplicate theme id "international-rankings"`,
		`content/site.toml:14:9: unknown key "themes.titel": did you mean "title"?`,
	}
	if got := messages(errs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	bad = strings.Replace(siteTOML, `id = "digital-government"`, `id = "Chính phủ số"`, 1)
	_, errs = LoadConfig(fstest.MapFS{SiteFile: {Data: []byte(bad)}})
	if want := `content/site.toml:13:6: theme id "Chính phủ số" can have only the letters a-z, digits and '-' (no accents, capitals or spaces): write id = "chinh-phu-so"`; errs.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", errs, want)
	}

	// A file read half way gives its error alone, not a missing title
	// and themes, and the languages of its languages line.
	english := "languages = [\"en\"]\n" + strings.Replace(siteTOML, `title = "Chính phủ số"`, `title = "Chính phủ số`, 1)
	s, errs = LoadConfig(fstest.MapFS{SiteFile: {Data: []byte(english)}})
	if len(errs) != 1 || !strings.Contains(errs.Error(), "the string is not closed") || s.Decoded() || strings.Join(s.Languages, ",") != "en" {
		t.Errorf("half read: decoded %v, languages %v, errors:\n%v", s.Decoded(), s.Languages, errs)
	}

	_, errs = LoadConfig(fstest.MapFS{})
	if errs.Err() == nil || !strings.HasPrefix(errs.Error(), "content/site.toml: cannot read") {
		t.Errorf("missing site.toml: %v", errs)
	}
}

func TestLanguages(t *testing.T) {
	load := func(lines string) (*Config, string) {
		s, errs := LoadConfig(fstest.MapFS{SiteFile: {Data: []byte(lines)}})
		return s, strings.Join(messages(errs), "\n")
	}
	// Without the key, the site is in Vietnamese and English.
	s, errs := load(siteTOML)
	if errs != "" || strings.Join(s.Languages, " ") != "vi en" || s.Default() != "vi" || !s.Translates("en") {
		t.Errorf("no languages: %v, default %s, errors %s", s.Languages, s.Default(), errs)
	}
	// An English site needs no English field, nor a Vietnamese one.
	english := "languages = [\"en\"]\ntitle = \"UN E-Government Survey\"\n\n[[themes]]\nid = \"egov\"\ntitle = \"E-government\"\n"
	if s, errs := load(english); errs != "" || s.Default() != "en" || s.Translates("en") {
		t.Errorf("English only: default %s, errors %s", s.Default(), errs)
	}
	// English first: the English is in title, as on an English-only site.
	if s, errs := load(strings.Replace(english, `["en"]`, `["en", "vi"]`, 1)); errs != "" || s.Default() != "en" || !s.Translates("vi") || s.Translates("en") {
		t.Errorf("English then Vietnamese: %v, errors %s", s.Languages, errs)
	}
	// A Vietnamese site needs no English.
	vi := "languages = [\"vi\"]\ntitle = \"Tiến độ\"\n\n[[themes]]\nid = \"egov\"\ntitle = \"Chính phủ số\"\n"
	if _, errs := load(vi); errs != "" {
		t.Errorf("Vietnamese only: %s", errs)
	}
	// English second: title_en is required.
	if _, errs := load(strings.Replace(vi, `["vi"]`, `["vi", "en"]`, 1)); errs != `content/site.toml:1:1: title_en is required: the site's title in English, one of its languages
content/site.toml:4:1: theme "egov" needs title_en, its title in English (one of the site's languages)` {
		t.Errorf("Vietnamese then English without title_en:\n%s", errs)
	}
	for _, tt := range []struct{ languages, want string }{
		{`[]`, `content/site.toml:1:13: languages: name at least one, the default first: languages = ["en"]`},
		{`["fr"]`, `content/site.toml:1:13: languages: tiendo does not write "fr"; it writes en, vi (a new language is added in package i18n)`},
		{`["en", "en"]`, `content/site.toml:1:13: languages: "en" is listed twice`},
	} {
		s, errs := load("languages = " + tt.languages + "\n" + english[strings.Index(english, "\n")+1:])
		if errs != tt.want {
			t.Errorf("languages = %s:\n%s\nwant\n%s", tt.languages, errs, tt.want)
		}
		if len(s.Languages) == 0 {
			t.Errorf("languages = %s: no language left to build", tt.languages)
		}
	}
}

func TestPlaceLangs(t *testing.T) {
	s, _ := LoadConfig(fstest.MapFS{SiteFile: {Data: []byte("languages = [\"en\", \"vi\"]\ntitle = \"T\"\n")}})
	var pages []*Page
	for _, name := range []string{"content/pages/a.md", "content/pages/a.vi.md", "content/pages/b.en.md", "content/pages/c.fr.md"} {
		p, errs := ParsePage(name, []byte("+++\ntitle = \"A\"\n+++\n"))
		if errs.Err() != nil {
			t.Fatal(errs)
		}
		pages = append(pages, p)
	}
	kept, errs := s.PlaceLangs(pages)
	var got []string
	for _, p := range kept {
		got = append(got, p.File+" "+p.Lang)
	}
	if strings.Join(got, ", ") != "content/pages/a.md en, content/pages/a.vi.md vi" {
		t.Errorf("pages: %s", strings.Join(got, ", "))
	}
	want := `content/pages/b.en.md:1:1: en is the site's default language: its pages are named without it; rename the file to content/pages/b.md
content/pages/c.fr.md:1:1: "fr" is not a language of the site (languages in content/site.toml: en, vi): a page x.fr.md is for a site that has it`
	if got := strings.Join(messages(errs), "\n"); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

func messages(l diag.List) []string {
	var out []string
	for _, e := range l {
		out = append(out, e.Error())
	}
	return out
}

func TestLoadPages(t *testing.T) {
	fsys := fstest.MapFS{
		"content/reports/b.md":    {Data: []byte(report)},
		"content/reports/b.en.md": {Data: []byte(report)},
		"content/pages/a.md":      {Data: []byte("+++\ntitle = \"A\"\n+++\n")},
		"content/notes/bad.md":    {Data: []byte("+++\ntitle = \"x\"\n")},
		"content/notes/2025/c.md": {Data: []byte(report)},
		"content/sources.toml":    {Data: []byte("not a page")},
	}
	pages, errs := LoadPages(fsys)
	if len(errs) != 1 || !strings.HasPrefix(errs.Error(), "content/notes/bad.md:1:1: front matter is not closed") {
		t.Errorf("errors: %v", errs)
	}
	var names []string
	for _, p := range pages {
		names = append(names, p.File)
	}
	if got := strings.Join(names, " "); got != "content/notes/2025/c.md content/pages/a.md content/reports/b.en.md content/reports/b.md" {
		t.Errorf("pages = %s", got)
	}
}
