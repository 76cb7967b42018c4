// Package content loads the site configuration and the editors' pages.
//
// This comment is the editor's reference for pages and for content/site.toml.
// Every key is checked: an unknown key (a typo) is an error, reported as
// file:line:col. The data formats (metric series, sources, commitments) are
// documented in package metrics.
//
// # Pages: content/<section>/<slug>.md
//
// A page is a markdown file with TOML front matter between two lines of "+++":
//
//	+++
//	title   = "Kết luận Hội nghị sơ kết 6 tháng đầu năm 2024"  # required
//	date    = 2024-07-10                 # date of the meeting or note (TOML date); required for reports and notes
//	summary = "Một hai câu tóm tắt."     # optional; shown in lists, feeds and link previews
//	draft   = false                      # optional; drafts are checked but not published (tiendo serve shows them, marked)
//	sources = ["ket-luan-2024-07"]       # optional: ids from content/sources.toml
//	metrics = ["egdi-rank"]              # optional: ids of series the page discusses
//	tags    = ["Đề án 06"]               # optional
//	weight  = 10                         # optional: order in menus (pages section)
//	+++
//
//	Markdown text. A fenced block with the info string "chart" embeds a chart
//	(see package markdown for its keys).
//
// Sections are folders: content/reports/ (conclusions of meetings),
// content/notes/ (short editor notes) and content/pages/ (about, methodology).
// x.md is the page in the site's default language (the first of
// `languages` in content/site.toml), published at the root; x.<code>.md, in
// the same folder, its version in another language of the site, published
// under /<code>/: on a site of languages = ["vi", "en"], x.en.md is the
// English page, under /en/. A file x.<code>.md for the default language,
// or for a language the site does not have, is an error.
//
// The file name is the page's URL slug: only the letters a-z, digits and '-',
// with no accents, capitals or spaces (`tiendo new` makes one from a
// Vietnamese title). A file named otherwise is an error that gives the name
// to use: content/notes/Báo cáo.md is to be renamed bao-cao.md.
//
// Reports and notes can be kept in folders, by year or otherwise, and the
// folder is part of the URL: content/notes/2025/hop-thang-1.md is the page
// /notes/2025/hop-thang-1/, and hop-thang-1.en.md beside it is
// /en/notes/2025/hop-thang-1/ (on a Vietnamese and English site). This is what Hugo does, for two reasons: the
// URL says where the file is, so an editor finds one from the other; and
// two notes of the same name in different years (hop-ban-chi-dao-thang-11)
// are two pages, not a clash. Folder names follow the rule of file names,
// and none is called "page" (/notes/page/2/ is the second page of the list
// of notes). A folder has no page of its own: its pages are listed with the
// others of their section, newest first. Moving a file to another folder
// moves its page: links to the old URL from the site's pages are then
// reported as broken. The pages of content/pages/ are not in folders: each
// is at /<slug>/ (content/pages/gioi-thieu.md is /gioi-thieu/).
// Files and folders whose names begin with a dot, anywhere under content/,
// templates/ and assets/, are not part of the site: editors keep their lock
// and swap files there (.#x.md, .x.md.swp).
//
// The build warns (and --strict fails) when a page has no version in one
// of the site's languages (one line for a section with several), when a
// draft's translation is published, and when two pages of a section and
// language share a title. What it warns of in a page's text (raw HTML, a
// table indented so that it shows as code, …) is in package markdown.
//
// A published page may not name a draft series or source (draft = true, see
// Drafts in package metrics) in sources, metrics or a chart block; a draft
// page may name them in sources and metrics, but no chart of a draft series
// is drawn, not even in the preview. `tiendo new report|note` makes the new
// page a draft.
//
// Reports and notes are listed newest first: the ten newest on the home
// page, fifty per page on their section's index (/notes/, /notes/page/2/,
// …), and the fifty newest in the language's Atom feed.
//
// # Site: content/site.toml
//
//	languages      = ["vi", "en"]                        # optional: the site's languages, the default first
//	title          = "Tiến độ chuyển đổi số quốc gia"   # required, in the default language
//	title_en       = "Vietnam digital transformation progress"  # English; required when English is a language other than the default
//	description    = "..."                               # optional, for search engines and link previews (description_en too)
//	headline       = ["egdi-rank", "ecommerce-revenue"]  # series shown as tiles on the home page
//	methodology    = "phuong-phap"                       # optional: slug of the page in content/pages/
//	                                                     #   that explains the method, linked from the metrics index
//	as_of          = 2025-02-06                          # the date the statuses of targets and commitments
//	                                                     #   are judged at, chosen by the editors and printed on
//	                                                     #   the pages ("tính đến 6/2/2025"); required when the
//	                                                     #   site has targets or commitments. Adding a source
//	                                                     #   never moves it: change it when you have re-read
//	                                                     #   the statuses.
//
//	[[themes]]                        # the groups of the metrics index, in this order
//	id       = "digital-government"
//	title    = "Chính phủ số"         # required, in the default language
//	title_en = "Digital government"   # as title_en above
//	league   = true                   # optional: the metrics index shows the theme's series
//	                                  #   as a league table, not as tiles (see below)
//
// A theme of league = true compares its series in one table on the
// metrics index: a row per series, its latest figure, its change and the
// period, best first, each column sortable with JavaScript; the rows link
// to the series' pages, which keep their tiles. Such a theme is for
// series that measure the same thing of different entities, or different
// rankings of one: its series must be of one kind, unit and direction
// (better), with no sub-series (a series with sub-series has a league
// table of its own, on its page).
//
// # Languages
//
// `languages` lists the site's languages, the default first; without it a
// site is in Vietnamese and English (["vi", "en"]). The default language
// is at the site's root (/), each other under its code (/en/). A site may
// have one language (["en"]: English only, at /) or two, in either order
// (["en", "vi"]); tiendo writes vi and en (see package i18n for adding
// one). With one language there is no language switcher; with two, each
// page links to its version in the other. Three or more are not supported:
// the switcher names one other language.
//
// Texts in the editors' own words (titles, units, descriptions, notes,
// labels, tasks, here and in the data files of package metrics) are
// written in the default language in the unsuffixed field: title, unit,
// description. A field suffixed _en holds the English, and is needed only
// when English is one of the site's languages but not its default: an
// English-only site, or one whose default is English, writes title alone,
// and a Vietnamese-only site needs no _en field at all. There is no _vi:
// on a site of ["en", "vi"], the Vietnamese pages show these texts in
// English (their interface and their pages, x.vi.md, are Vietnamese). A
// text missing in a language shows in the default language.
//
// The site's interface strings (menus, labels, the footer, the
// introductions of the site's sections) ship with tiendo in
// templates/i18n/<code>.toml; a site changes any of them in its own
// content/i18n/<code>.toml, with the same keys (see package i18n).
package content

import (
	"bytes"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/metrics"
	"github.com/tiendo/tiendo/generator/tomlfile"
)

// Sections of the site, in menu order.
var Sections = []string{"reports", "notes", "pages"}

// SiteFile is the site configuration.
const SiteFile = "content/site.toml"

// Config is a site's configuration, content/site.toml.
type Config struct {
	Languages     []string      `toml:"languages"`
	Title         string        `toml:"title"`
	TitleEn       string        `toml:"title_en"`
	Description   string        `toml:"description"`
	DescriptionEn string        `toml:"description_en"`
	Headline      []string      `toml:"headline"`
	Methodology   string        `toml:"methodology"`
	AsOf          calendar.Date `toml:"as_of"`
	Themes        []Theme       `toml:"themes"`

	file *tomlfile.File
}

// Theme groups series on the metrics index.
type Theme struct {
	ID      string `toml:"id"`
	Title   string `toml:"title"`
	TitleEn string `toml:"title_en"`
	League  bool   `toml:"league"` // the metrics index lists its series in a league table
}

// Default is the site's default language, at the site's root.
func (s *Config) Default() string { return s.Languages[0] }

// Translates reports whether code is a language of the site other than
// its default: the one whose texts are the fields suffixed _<code>
// (title_en).
func (s *Config) Translates(code string) bool { return slices.Contains(s.Languages[1:], code) }

// ThemeIDs lists the theme ids in order.
func (s *Config) ThemeIDs() []string {
	var ids []string
	for _, t := range s.Themes {
		ids = append(ids, t.ID)
	}
	return ids
}

// HeadlinePos is the position of the headline list, for messages.
func (s *Config) HeadlinePos() diag.Pos { return s.file.Pos("headline") }

// ThemePos is the position of a key of the i-th [[themes]], or of the
// table when the key is "".
func (s *Config) ThemePos(i int, key string) diag.Pos {
	if key == "" {
		return s.file.Pos("themes", i)
	}
	return s.file.Pos("themes", i, key)
}

// KeyPos is the position of a key's value, for messages.
func (s *Config) KeyPos(key string) diag.Pos { return s.file.Pos(key) }

// LoadConfig reads content/site.toml.
func LoadConfig(fsys fs.FS) (*Config, diag.List) {
	var errs diag.List
	data, err := fs.ReadFile(fsys, SiteFile)
	if err != nil {
		errs.Add(diag.Pos{File: SiteFile}, "cannot read site configuration: %v", err)
		return &Config{Languages: i18n.Codes, file: &tomlfile.File{Name: SiteFile}}, errs
	}
	s := &Config{}
	f, problems := tomlfile.Decode(SiteFile, data, 0, s)
	s.file = f
	errs = append(errs, problems...)
	if !f.Decoded() {
		// Half read: a missing title, themes and languages would all
		// follow from this one mistake. The languages line alone says
		// which language the messages are in.
		*s = Config{Languages: languagesOf(data), file: f}
		return s, errs
	}
	errs = append(errs, s.checkLanguages()...)
	en := s.Translates("en")
	switch {
	case s.Title == "":
		errs.Add(f.Pos("title"), "title is required") // at an empty one, or the file's start
	case en && s.TitleEn == "":
		errs.Add(f.Pos("title_en"), "title_en is required: the site's title in English, one of its languages")
	}
	seen := map[string]bool{}
	for i, t := range s.Themes {
		switch {
		case !metrics.ValidID(t.ID):
			errs.Add(f.Pos("themes", i, "id"), "%s", metrics.NotID(diag.T("theme id"), t.ID, func(id string) diag.Text { return diag.T(`write id = "%s"`, id) }))
		case seen[t.ID]:
			errs.Add(f.Pos("themes", i, "id"), "duplicate theme id %q", t.ID)
		}
		seen[t.ID] = true
		switch {
		case t.Title == "" && en:
			errs.Add(f.Pos("themes", i, "title"), "theme %q needs title and title_en", t.ID)
		case t.Title == "":
			errs.Add(f.Pos("themes", i, "title"), "theme %q needs a title", t.ID)
		case en && t.TitleEn == "":
			errs.Add(f.Pos("themes", i), "theme %q needs title_en, its title in English (one of the site's languages)", t.ID)
		}
	}
	return s, errs.Unslipped()
}

// Decoded reports whether site.toml was read to its end. When it was not,
// the Config holds only its languages, and what depends on the rest of it
// is not judged: its errors would all follow from the one that stopped it.
func (s *Config) Decoded() bool { return s.file.Decoded() }

// languagesOf reads the languages line of a site.toml that cannot be read
// as a whole; it gives Codes when that line cannot be read either.
func languagesOf(data []byte) []string {
	for line := range strings.SplitSeq(strings.TrimPrefix(string(data), "\ufeff"), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if k, _, ok := strings.Cut(line, "="); !ok || strings.TrimSpace(k) != "languages" {
			continue
		}
		var v struct {
			Languages []string `toml:"languages"`
		}
		if f, errs := tomlfile.Decode(SiteFile, []byte(line), 0, &v); f.Decoded() && len(errs) == 0 && len(v.Languages) > 0 && !slices.ContainsFunc(v.Languages, func(c string) bool { return !i18n.Supported(c) }) {
			return v.Languages
		}
	}
	return i18n.Codes
}

// checkLanguages checks the list of languages, and makes it the default
// when the file has none. It keeps the languages that can be built.
func (s *Config) checkLanguages() diag.List {
	var errs diag.List
	at := s.file.Pos("languages")
	if s.Languages == nil {
		s.Languages = i18n.Codes
		return nil
	}
	var ok []string
	for _, code := range s.Languages {
		switch {
		case !i18n.Supported(code):
			errs.Add(at, "languages: tiendo does not write %q; it writes %s (a new language is added in package i18n)", code, strings.Join(i18n.SupportedCodes(), ", "))
		case slices.Contains(ok, code):
			errs.Add(at, "languages: %q is listed twice", code)
		default:
			ok = append(ok, code)
		}
	}
	switch {
	case len(s.Languages) == 0:
		errs.Add(at, `languages: name at least one, the default first: languages = ["en"]`)
	case len(ok) > 2:
		errs.Add(at, "languages: a site has one or two languages (each page links to its version in the other), not %d", len(ok))
		ok = ok[:2]
	}
	if len(ok) == 0 {
		ok = i18n.Codes[:1] // something to go on with
	}
	s.Languages = ok
	return errs
}

// PlaceLangs gives each page its language: the site's default for x.md,
// code for x.<code>.md. It reports the pages named for the default
// language or for a language the site does not have, and leaves them out.
func (s *Config) PlaceLangs(pages []*Page) ([]*Page, diag.List) {
	var errs diag.List
	var out []*Page
	for _, p := range pages {
		at := diag.Pos{File: p.File, Line: 1, Col: 1}
		switch {
		case p.Lang == "":
			p.Lang = s.Default()
		case p.Lang == s.Default():
			errs.Add(at, "%s is the site's default language: its pages are named without it; rename the file to %s", p.Lang, strings.TrimSuffix(p.File, "."+p.Lang+".md")+".md")
			continue
		case !slices.Contains(s.Languages, p.Lang):
			errs.Add(at, "%q is not a language of the site (languages in %s: %s): a page x.%s.md is for a site that has it", p.Lang, SiteFile, strings.Join(s.Languages, ", "), p.Lang)
			continue
		}
		out = append(out, p)
	}
	return out, errs
}

// Page is one markdown file.
type Page struct {
	// Computed from the file name, never read from the front matter.
	Section string `toml:"-"` // reports, notes, pages
	Slug    string `toml:"-"` // the path under the section, without .md or .en.md: "hop", "2025/hop"
	Lang    string `toml:"-"` // "en" for x.en.md; "" for x.md until Site.PlaceLangs gives it the site's default
	File    string `toml:"-"` // path, for messages

	Title   string        `toml:"title"`
	Date    calendar.Date `toml:"date"`
	Summary string        `toml:"summary"`
	Draft   bool          `toml:"draft"`
	Sources []string      `toml:"sources"`
	Metrics []string      `toml:"metrics"`
	Tags    []string      `toml:"tags"`
	Weight  int           `toml:"weight"`

	Body     []byte `toml:"-"` // markdown after the front matter
	BodyLine int    `toml:"-"` // number of lines before Body in the file
	Hash     uint64 `toml:"-"` // hash of the file's bytes
	Keys     []Key  `toml:"-"` // where the front matter sets each key, in the order of Page's fields

	// A Page is its exported fields (TestPageIsItsExportedFields): a copy
	// of them, such as the build cache keeps, is the page, and says what
	// the parsed file says, positions included.
}

// Key is where the front matter of a page sets a key: the line and column
// of its value.
type Key struct {
	Name      string
	Line, Col int
}

// frontMatterKeys are the keys of the front matter, as Page's fields name
// them.
var frontMatterKeys = func() []string {
	var keys []string
	t := reflect.TypeOf(Page{})
	for i := range t.NumField() {
		if tag := t.Field(i).Tag.Get("toml"); tag != "" && tag != "-" {
			keys = append(keys, tag)
		}
	}
	return keys
}()

// KeyPos returns the position of a front-matter key's value, for messages:
// the start of the file when the front matter does not set it.
func (p *Page) KeyPos(key string) diag.Pos {
	for _, k := range p.Keys {
		if k.Name == key {
			return diag.Pos{File: p.File, Line: k.Line, Col: k.Col}
		}
	}
	return diag.Pos{File: p.File, Line: 1, Col: 1}
}

// Delim is the front matter delimiter line.
const Delim = "+++"

// Split separates TOML front matter from the body. It returns the front
// matter, the body and the number of lines before the front matter's first
// line and before the body's first line.
func Split(name string, data []byte) (front []byte, body []byte, bodyLine int, err *diag.Error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	first, rest, ok := cutLine(data)
	if !ok && len(first) == 0 || strings.TrimRight(string(first), " \t\r") != Delim {
		return nil, nil, 0, diag.New(diag.Pos{File: name, Line: 1, Col: 1},
			`a page must start with a line "+++", then TOML front matter (title = "..."), then "+++"`)
	}
	line := 1
	start := rest
	for len(rest) > 0 {
		l, next, _ := cutLine(rest)
		line++
		if strings.TrimRight(string(l), " \t\r") == Delim {
			front = start[:len(start)-len(rest)]
			return front, next, line, nil
		}
		rest = next
	}
	return nil, nil, 0, diag.New(diag.Pos{File: name, Line: 1, Col: 1},
		`front matter is not closed: add a line "+++" after it`)
}

func cutLine(b []byte) (line, rest []byte, found bool) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:], true
	}
	return b, nil, false
}

// langCode is what a language's code looks like in a file name (x.en.md).
var langCode = regexp.MustCompile(`^[a-z]{2,3}$`)

// ParsePage parses one page file. name is its path, e.g.
// "content/reports/ket-luan.en.md" or "content/notes/2025/hop.md". Its
// language is that of the file name ("en"), or "" for the site's default
// (see Site.PlaceLangs).
func ParsePage(name string, data []byte) (*Page, diag.List) {
	var errs diag.List
	p := &Page{File: name}
	start := diag.Pos{File: name, Line: 1, Col: 1}
	dir, file := path.Split(strings.TrimPrefix(name, "content/"))
	folders := strings.Split(strings.TrimSuffix(dir, "/"), "/")
	p.Section, folders = folders[0], folders[1:]
	base := strings.TrimSuffix(file, ".md")
	ext := ".md"
	if i := strings.LastIndexByte(base, '.'); i >= 0 && langCode.MatchString(base[i+1:]) {
		p.Lang, base = base[i+1:], base[:i]
		ext = "." + p.Lang + ".md"
	}
	p.Slug = path.Join(append(folders, base)...)
	switch {
	case !slices.Contains(Sections, p.Section):
		errs.Add(start, "pages live in content/%s/", strings.Join(Sections, "/, content/"))
	case p.Section == "pages" && len(folders) > 0:
		errs.Add(start, "the pages of content/pages/ are not in folders (each is at /<name>/ on the site): move the file to content/pages/%s", file)
	case len(folders) > 0 && folders[0] == "page":
		errs.Add(start, "a folder of content/%s/ cannot be called \"page\": /%s/page/2/ is the second page of its list; rename the folder", p.Section, p.Section)
	}
	for _, f := range folders {
		if !metrics.ValidID(f) {
			errs.Add(start, "%s", metrics.NotID(diag.T("the folder name"), f, func(id string) diag.Text { return diag.T("rename the folder to %s", id) }))
		}
	}
	if !metrics.ValidID(base) {
		errs.Add(start, "%s", metrics.NotID(diag.T("the file name"), base, func(id string) diag.Text { return diag.T("rename the file to %s", id+ext) }))
	}
	front, body, bodyLine, serr := Split(name, data)
	if serr != nil {
		errs = append(errs, serr)
		return p, errs
	}
	p.Body, p.BodyLine = body, bodyLine
	f, problems := tomlfile.Decode(name, front, 1, p)
	// The front matter's keys are all at its top level, and a page whose
	// front matter sets any other is not built (an unknown key is an
	// error): the positions of these keys are every position f can give.
	for _, key := range frontMatterKeys {
		if at := f.Pos(key); at != start {
			p.Keys = append(p.Keys, Key{Name: key, Line: at.Line, Col: at.Col})
		}
	}
	errs = append(errs, problems...)
	if strings.TrimSpace(p.Title) == "" && problems.Err() == nil {
		errs.Add(f.Pos("title"), "title is required") // at an empty title, or the file's start
	}
	if (p.Section == "reports" || p.Section == "notes") && p.Date.IsZero() && problems.Err() == nil {
		errs.Add(f.Pos("date"), "date is required for %s", p.Section)
	}
	return p, errs
}

// PageFiles lists the markdown files under content/, sorted. A folder that
// cannot be listed is reported at its path, and so is a link to a folder
// that the file system refuses to open (inputs.Dir refuses links out of the
// site): its pages are not silently left out. Links to folders are not
// followed.
func PageFiles(fsys fs.FS) ([]string, diag.List) {
	var names []string
	var errs diag.List
	fs.WalkDir(fsys, "content", func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil && name != "content":
			errs.Add(diag.Pos{File: name}, "cannot read: %v", err)
		case err != nil:
		case d.Type()&fs.ModeSymlink != 0 && !strings.HasSuffix(name, ".md"):
			// A link to a folder is not followed; one the file system
			// refuses to open (out of the site) is said so.
			if _, err := fs.Stat(fsys, name); err != nil {
				errs.Add(diag.Pos{File: name}, "cannot read: %v", err)
			}
		case !d.IsDir() && strings.HasSuffix(name, ".md"):
			names = append(names, name)
		}
		return nil
	})
	sort.Strings(names)
	return names, errs
}

// LoadPages reads every page: content/<section>/*.md, and the files in
// the section's folders.
func LoadPages(fsys fs.FS) ([]*Page, diag.List) {
	var pages []*Page
	names, errs := PageFiles(fsys)
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs.Add(diag.Pos{File: name}, "cannot read: %v", err)
			continue
		}
		p, problems := ParsePage(name, data)
		errs = append(errs, problems...)
		if problems.Err() == nil {
			pages = append(pages, p)
		}
	}
	return pages, errs
}

// CheckRefs checks a page's references to sources and metrics.
func (p *Page) CheckRefs(d *metrics.Data) diag.List {
	var errs diag.List
	for _, id := range p.Sources {
		switch src := d.DraftSource(id); {
		case src != nil && !p.Draft:
			errs.Add(p.KeyPos("sources"), "source %q is a draft (its entry at %s says draft = true): remove that line to publish it, or make this page a draft too", id, src.Pos)
		case src == nil && d.Source(id) == nil && !d.SourcesUnread():
			errs.Add(p.KeyPos("sources"), "%s", d.UnknownSource(id))
		}
	}
	for _, id := range p.Metrics {
		switch se := d.DraftSeries(id); {
		case se != nil && !p.Draft:
			errs.Add(p.KeyPos("metrics"), "metric %q is a draft (draft = true in %s): remove that line to publish it, or make this page a draft too", id, se.File)
		case se == nil && d.SeriesByID(id) == nil:
			errs.Add(p.KeyPos("metrics"), "unknown metric %q (no %s/%s.toml)", id, metrics.SeriesDir, id)
		}
	}
	return errs
}
