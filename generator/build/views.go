package build

import (
	"errors"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/charts"
	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/markdown"
	"github.com/tiendo/tiendo/generator/metrics"
	"github.com/tiendo/tiendo/generator/site"
)

// LangView is what templates can show of the site in one language: its
// methods translate, format and link. Every View is one; the shared parts
// of pages (see View.Shared) get a ChromeView, which is one and no more.
//
// A LangView reads the site through the reads of the output it is made
// for (reads.go): what the site holds for every output (configuration,
// sources, interface strings) directly, anything else through r, which
// records it.
type LangView struct {
	r       *reads
	Lang    *i18n.Lang
	AltLang *i18n.Lang // the site's other language, or nil: the site has one
}

// site is what every output reads (the build cache's global key).
func (v *LangView) site() *Site { return v.r.s }

// View is what every page template receives.
type View struct {
	LangView
	Kind      string // template name: home, page, metric, …
	Path      string // site-relative path of this page in Lang
	AltPath   string // the same page in the other language, or its home
	Title     string
	Desc      string
	HasCharts bool
	HasMaps   bool // one of the charts is a map: the page loads the map build of ECharts and maps.js
	NoIndex   bool

	Page     *PageView     // a page of content/: its front matter
	Body     template.HTML // its HTML
	TOC      []markdown.Heading
	Series   *metrics.Series
	Document *DocumentView // a source's page
	Updates  []UpdateView  // the updates page
	Chart    *ChartView
	League   *League    // a metric page's sub-series, best first
	MapChart *ChartView // a metric page's map, when its series names one (maps.go)
	Tiles    []Tile
	Mentions []*PageView
	Evidence []Evidence // a metric page's points
	List     []*PageView
	Pager    *Pager   // a section index cut into pages
	Sections []string // home: the sections listed in List
	Themes   []ThemeView
	Compact  bool // the metrics index lists a series a line

	err error // the view could not be made (a page that could not be converted)
}

// PageView is what templates can show of a page of content/: its front
// matter and where it is. It is all they can reach of one, in a list or on
// its own page (whose HTML is View.Body, read through reads): not its
// markdown, which a page restored from the build cache does not have, nor
// its file's hash or where its keys are. A list is keyed by the PageViews
// of its pages (pageMeta), made from fields the cache keeps: a page
// restored from the cache shows as in a clean build, and a list is made
// again when what it can show of a page changes (TestPageViewIsWhatListsAreKeyedBy).
type PageView struct {
	Section string // reports, notes, pages
	Slug    string // the path under the section: "hop", "2025/hop"
	Lang    string
	File    string // its file: "content/notes/2025/hop.md"
	Title   string
	Date    calendar.Date
	Summary string
	Draft   bool
	Sources []string
	Metrics []string
	Tags    []string
	Weight  int
}

// pageView is what templates show of p.
func pageView(p *content.Page) *PageView {
	return &PageView{Section: p.Section, Slug: p.Slug, Lang: p.Lang, File: p.File,
		Title: p.Title, Date: p.Date, Summary: p.Summary, Draft: p.Draft,
		Sources: p.Sources, Metrics: p.Metrics, Tags: p.Tags, Weight: p.Weight}
}

// pageViews is pageView of each page of a list.
func pageViews(list []*content.Page) []*PageView {
	if list == nil {
		return nil
	}
	out := make([]*PageView, len(list))
	for i, p := range list {
		out[i] = pageView(p)
	}
	return out
}

// ChromeView is what the shared parts of pages (header, footer) receive
// from View.Shared: the language, the page's kind and its entry in the main
// menu, and nothing else of the page, so that each part is executed once
// per language, kind and entry rather than once per page.
type ChromeView struct {
	LangView
	Kind    string // the page's template name
	Current string // its entry in the main menu: metrics, reports, notes, commitments, sources, data, search; or ""
}

type sharedKey struct{ lang, name, kind, current string }

// Shared is the shared template name (templates/partials) executed with
// the page's ChromeView. Its HTML is made once per build for every
// language, kind and menu entry, and reused: every page has a header and a
// footer. A shared template that reads anything of the page beyond
// ChromeView fails the build. What it read is recorded as read by every
// page it is part of.
func (v *View) Shared(name string) (template.HTML, error) {
	k := sharedKey{v.Lang.Code, name, v.Kind, v.menuEntry()}
	s := v.site()
	if h, ok := s.shared.Load(k); ok {
		part := h.(sharedPart)
		v.r.merge(part.deps)
		return part.html, nil
	}
	r := s.newReads()
	lv := v.LangView
	lv.r = r
	h, err := s.tmpl.Partial(name, &ChromeView{LangView: lv, Kind: k.kind, Current: k.current})
	if err != nil {
		return "", err
	}
	part := sharedPart{h, r.deps()}
	s.shared.Store(k, part)
	v.r.merge(part.deps)
	return h, nil
}

// sharedPart is a shared template's HTML and what it read.
type sharedPart struct {
	html template.HTML
	deps []dep
}

// menuEntry is the entry of the main menu that is the page itself, if any.
func (v *View) menuEntry() string {
	switch v.Kind {
	case "metrics", "metric":
		return "metrics"
	case "commitments", "sources", "data", "search":
		return v.Kind
	case "source":
		return "sources"
	case "updates":
		return "updates"
	case "list":
		for _, sec := range []string{"reports", "notes"} {
			if v.Path == site.SectionIndex(v.Lang, sec) {
				return sec
			}
		}
	}
	return ""
}

// Evidence is one point of a metric page's list of evidence, formatted in
// Go rather than in the template: a provincial series has over a thousand.
type Evidence struct {
	ID          string // the item's anchor
	Period      string
	Sub         string // the sub-series' label
	Value       string // with its unit
	Derived     bool
	DerivedFrom string // the sentence that says what a derived value comes from
	Quote       string
	QuoteLang   string // the language of the quote's document
	QuoteEn     string // on English pages: the quote's English rendering, if any
	Cell        string // a table's cell the value is read from: "egov.csv, dòng 8, cột EGDI"
	InDocument  string // the quote marked on its document's page, or ""
	Gap         bool
	Source      *EvidenceSource
	Note        string
}

// EvidenceSource is a source as the evidence list cites it.
type EvidenceSource struct {
	URL, Title, Publisher, Date string
	PublisherLang               string
	Lang                        string // the document's language
}

// evidence formats the points of a series for its page.
func (v *View) evidence(se *metrics.Series) []Evidence {
	sources := map[string]*EvidenceSource{}
	out := make([]Evidence, len(se.Points))
	for i := range se.Points {
		p := &se.Points[i]
		e := Evidence{Period: v.Period(p.Period), Value: pointValue(v.Lang, se, p, true),
			Derived: p.Derived(), Quote: p.Quote, Note: p.NoteIn(v.Lang.Code), Gap: p.IsGap()}
		if v.Lang.Code == "en" {
			e.QuoteEn = p.QuoteEn
		}
		e.ID = evidenceID(p, i)
		if p.Subseries != "" {
			e.Sub = v.Label(se, p.Subseries)
		}
		if e.Derived {
			e.DerivedFrom = v.T("metric.derived_from", v.Lang.PeriodNoun(*p.DerivedFrom))
		} else {
			e.InDocument = v.InDocument(p.Source, p.Quote)
			if p.Row != 0 {
				e.InDocument = v.tableRow(p.Source, p.Row)
			}
			src, ok := sources[p.Source]
			if !ok {
				if s := v.Source(p.Source); s != nil {
					src = &EvidenceSource{URL: v.URL(v.SourceAnchor(s.ID)), Title: s.TitleIn(v.Lang.Code),
						Publisher: s.PublisherIn(v.Lang.Code), PublisherLang: s.PublisherLang(v.Lang.Code),
						Date: v.Date(s.Date), Lang: s.Language()}
				}
				sources[p.Source] = src
			}
			e.Source = src
			e.QuoteLang = "vi"
			if src != nil {
				e.QuoteLang = src.Lang
			}
			if p.Row != 0 {
				if s := v.Source(p.Source); s != nil {
					e.Cell = v.T("metric.cell", s.Document, p.Row, p.Column)
				}
			}
		}
		out[i] = e
	}
	return out
}

// evidenceID is the anchor of point i of a series on its page.
func evidenceID(p *metrics.Point, i int) string {
	id := "p-" + anchorOf(p.Period) + "-"
	if p.Subseries != "" {
		id = "p-" + p.Subseries + "-" + anchorOf(p.Period) + "-"
	}
	if p.Derived() {
		return id + fmt.Sprintf("d%d", i)
	}
	return id + p.Source
}

// InDocument is the site-relative link to a quote marked on its source's
// page ("Xem trong văn bản"), or "" when the source has no archived text.
func (v *LangView) InDocument(source, quote string) string {
	src := v.site().Data.Source(source)
	if src == nil || src.Document == "" || quote == "" {
		return ""
	}
	return site.Source(v.Lang, source) + "#" + metrics.QuoteID(quote)
}

// tableRow links the row of a table on its source's page, when the page
// shows the whole table (its lines are its rows, each with the id l<n>).
func (v *LangView) tableRow(source string, row int) string {
	src := v.site().Data.Source(source)
	if src == nil || src.Document == "" || !src.ShowsWhole() {
		return ""
	}
	return site.Source(v.Lang, source) + "#l" + strconv.Itoa(row)
}

// OnlyGaps reports whether every point of a series states that its period
// has no value.
func (v *LangView) OnlyGaps(se *metrics.Series) bool {
	for i := range se.Points {
		if !se.Points[i].IsGap() {
			return false
		}
	}
	return len(se.Points) > 0
}

// SourcePath is the page of a source.
func (v *LangView) SourcePath(id string) string { return site.Source(v.Lang, id) }

// DocumentView is a source's page: its archived text as paragraphs, the
// quoted stretches marked and linked to what cites them.
type DocumentView struct {
	Source   *metrics.Source
	Whole    bool // the whole article is shown; else only the paragraphs quoted
	Passages []PassageView
	Missing  bool // the archived file could not be read
}

// PassageView is one paragraph of a document.
type PassageView struct {
	Line    int
	HTML    template.HTML
	Cites   []CiteView
	Skipped bool // paragraphs were left out before this one
}

// CiteView is one figure, target, task or report that quotes a passage.
type CiteView struct {
	Text, Path string
}

// document lays out the archived text of src for its page.
func (v *LangView) document(src *metrics.Source) *DocumentView {
	dv := &DocumentView{Source: src, Whole: src.ShowsWhole()}
	b, err := v.r.file(metrics.ArchiveDir + "/" + src.Document)
	if err != nil {
		dv.Missing = true
		return dv
	}
	cites := v.r.data().Citations(src.ID)
	quotes := make([]string, len(cites))
	byID := map[string][]CiteView{}
	for i, c := range cites {
		quotes[i] = c.Quote
		id := metrics.QuoteID(c.Quote)
		byID[id] = append(byID[id], v.citeView(c))
	}
	passages, _ := metrics.Article(string(b), src.ArticleStart, src.ArticleEnd, quotes)
	skipped := false
	for _, p := range passages {
		if !dv.Whole && len(p.Marks) == 0 {
			skipped = true
			continue
		}
		pv := PassageView{Line: p.Line, Skipped: skipped}
		skipped = false
		var h strings.Builder
		at := 0
		for _, m := range p.Marks {
			h.WriteString(template.HTMLEscapeString(p.Text[at:m.Start]))
			for _, id := range m.IDs[1:] {
				fmt.Fprintf(&h, `<span id="%s"></span>`, id)
			}
			fmt.Fprintf(&h, `<mark id="%s">%s</mark>`, m.IDs[0], template.HTMLEscapeString(p.Text[m.Start:m.End]))
			at = m.End
			for _, id := range m.IDs {
				pv.Cites = append(pv.Cites, byID[id]...)
			}
		}
		h.WriteString(template.HTMLEscapeString(p.Text[at:]))
		pv.HTML = template.HTML(h.String())
		dv.Passages = append(dv.Passages, pv)
	}
	return dv
}

// citeView names what a citation supports and links to it.
func (v *LangView) citeView(c metrics.Citation) CiteView {
	switch {
	case c.Point != nil:
		i := 0
		for k := range c.Series.Points {
			if &c.Series.Points[k] == c.Point {
				i = k
			}
		}
		text := c.Series.TitleIn(v.Lang.Code)
		if c.Point.Subseries != "" {
			text += " — " + v.Label(c.Series, c.Point.Subseries)
		}
		text += " (" + v.Period(c.Point.Period) + "): " + pointValue(v.Lang, c.Series, c.Point, true)
		return CiteView{Text: text, Path: v.MetricPath(c.Series.ID) + "#" + evidenceID(c.Point, i)}
	case c.Target != nil:
		text := v.T("metric.target") + ": " + c.Series.TitleIn(v.Lang.Code) + " — " + v.TargetValue(c.Series, c.Target) + " (" + v.Period(*c.Target.By) + ")"
		return CiteView{Text: text, Path: v.MetricPath(c.Series.ID) + "#h-targets"}
	case c.Report != nil:
		return CiteView{Text: v.T("commitments.reports") + ": " + c.Task.TaskIn(v.Lang.Code), Path: v.CommitmentsPath() + "#c-" + c.Task.ID}
	}
	return CiteView{Text: c.Task.TaskIn(v.Lang.Code), Path: v.CommitmentsPath() + "#c-" + c.Task.ID}
}

// allChanges is Data.Changes, and the same by series, worked out once.
func (s *Site) allChanges() ([]metrics.SourceChanges, map[*metrics.Series][]metrics.SourceChanges) {
	s.changesOnce.Do(func() {
		s.changes = s.Data.Changes()
		s.seriesChanges = map[*metrics.Series][]metrics.SourceChanges{}
		for _, sc := range s.changes {
			by := map[*metrics.Series][]metrics.Change{}
			var order []*metrics.Series
			for _, c := range sc.Changes {
				if c.Series == nil || c.Kind == metrics.NewCommitment || c.Kind == metrics.NewReport {
					continue
				}
				if by[c.Series] == nil {
					order = append(order, c.Series)
				}
				by[c.Series] = append(by[c.Series], c)
			}
			for _, se := range order {
				s.seriesChanges[se] = append(s.seriesChanges[se], metrics.SourceChanges{Source: sc.Source, Changes: by[se]})
			}
		}
	})
	return s.changes, s.seriesChanges
}

// UpdateView is what one source added, on the updates page and feeds.
type UpdateView struct {
	Source *metrics.Source
	Items  []UpdateItem
}

// UpdateItem is one change: its kind (metrics.NewPoint, Revision, …), what
// it says, and where it is on the site.
type UpdateItem struct {
	Kind, Text, Path string
}

// manyFigures is how many figures of one series a source may add before
// the updates list them as one item.
const manyFigures = 5

// updates lays out what each source added (of one series, or of all).
func (v *LangView) updates(changes []metrics.SourceChanges) []UpdateView {
	out := make([]UpdateView, len(changes))
	for i, sc := range changes {
		u := UpdateView{Source: sc.Source}
		// A source that brings many figures of one series (a table of 63
		// provinces) is one item for that series, not one per figure.
		figures := map[*metrics.Series][]metrics.Change{}
		for _, c := range sc.Changes {
			if c.Kind == metrics.NewPoint {
				figures[c.Series] = append(figures[c.Series], c)
			}
		}
		for _, c := range sc.Changes {
			if cs := figures[c.Series]; c.Kind == metrics.NewPoint && len(cs) > manyFigures {
				if cs[0].Point == c.Point {
					u.Items = append(u.Items, UpdateItem{Kind: c.Kind, Path: v.MetricPath(c.Series.ID),
						Text: v.N("updates.figures", len(cs), c.Series.TitleIn(v.Lang.Code), len(cs))})
				}
				continue
			}
			it := UpdateItem{Kind: c.Kind}
			switch c.Kind {
			case metrics.NewPoint, metrics.Revision:
				cv := v.citeView(metrics.Citation{Series: c.Series, Point: c.Point})
				it.Text, it.Path = cv.Text, cv.Path
				if c.Previous != nil {
					prev := pointValue(v.Lang, c.Series, c.Previous, true)
					it.Text += " — " + v.T("updates.was", prev, v.SourceTitle(c.Previous.Source))
				}
			case metrics.NewTarget:
				cv := v.citeView(metrics.Citation{Series: c.Series, Target: c.Target})
				it.Text, it.Path = cv.Text, cv.Path
			case metrics.NewCommitment:
				it.Text, it.Path = c.Task.TaskIn(v.Lang.Code)+" ("+v.Due(c.Task)+")", v.CommitmentsPath()+"#c-"+c.Task.ID
			case metrics.NewReport:
				it.Text = v.T("cstatus."+c.Report.Status) + ": " + c.Task.TaskIn(v.Lang.Code)
				it.Path = v.CommitmentsPath() + "#c-" + c.Task.ID
			}
			u.Items = append(u.Items, it)
		}
		out[i] = u
	}
	return out
}

// Pager places one page of a section index among the others.
type Pager struct {
	N, Of      int    // this page's number, from 1, and how many there are
	Prev, Next string // site-relative paths of the neighbours; "" at either end
}

// T translates an interface string.
func (v *LangView) T(key string, args ...any) string { return v.Lang.T(key, args...) }

// N is Lang.N: the interface string for key in the form for the count n.
func (v *LangView) N(key string, n int, args ...any) string { return v.Lang.N(key, n, args...) }

// Form is the string of key in the form for the count n, unformatted, for
// site.js to fill in.
func (v *LangView) Form(key string, n int) string { return v.Lang.T(i18n.Form(v.Lang, key, n)) }

// URL links a site-relative path under the base path.
func (v *LangView) URL(rel string) string { return v.site().URLs.Path(rel) }

// Abs is an absolute URL when the base URL has an origin.
func (v *LangView) Abs(rel string) string { return v.site().URLs.Abs(rel) }

// HasOrigin reports whether the base URL has an origin (scheme and host),
// which canonical links and og:url need.
func (v *LangView) HasOrigin() bool { return v.site().URLs.Origin != "" }

// Asset links a file under assets/.
func (v *LangView) Asset(name string) string { return v.site().URLs.Path("assets/" + name) }

// SiteTitle is the site's title in the page's language.
func (v *LangView) SiteTitle() string {
	return v.Lang.Pick(v.site().Config.Title, v.site().Config.TitleEn)
}

// SiteDesc is the site's description in the page's language.
func (v *LangView) SiteDesc() string {
	return v.Lang.Pick(v.site().Config.Description, v.site().Config.DescriptionEn)
}

// Home, MetricURL … are the site's paths in the page's language.
func (v *LangView) Home() string                { return site.Home(v.Lang) }
func (v *LangView) MetricPath(id string) string { return site.Metric(v.Lang, id) }
func (v *LangView) MetricsPath() string         { return site.MetricsIndex(v.Lang) }
func (v *LangView) SourcesPath() string         { return site.Sources(v.Lang) }
func (v *LangView) CommitmentsPath() string     { return site.Commitments(v.Lang) }
func (v *LangView) DataPath() string            { return site.DataIndex(v.Lang) }
func (v *LangView) SearchPath() string          { return site.Search(v.Lang) }
func (v *LangView) SearchIndexURLs() string {
	urls := make([]string, site.SearchShards+1)
	for k := range urls {
		urls[k] = v.URL(site.SearchIndex(v.Lang, k))
	}
	return strings.Join(urls, " ")
}
func (v *LangView) FeedPath() string        { return site.Feed(v.Lang) }
func (v *LangView) UpdatesPath() string     { return site.Updates(v.Lang) }
func (v *LangView) UpdatesFeedPath() string { return site.UpdatesFeed(v.Lang) }
func (v *LangView) MetricFeedPath(id string) string {
	return site.MetricFeed(v.Lang, id)
}
func (v *LangView) SectionPath(s string) string { return site.SectionIndex(v.Lang, s) }
func (v *LangView) PagePath(p *PageView) string {
	return site.Page(v.Lang, p.Section, p.Slug)
}
func (v *LangView) CSV(id string) string  { return site.DataCSV(id) }
func (v *LangView) JSON(id string) string { return site.DataJSON(id) }
func (v *LangView) Archive() string       { return site.DataArchive }

// DataPackage is the descriptor of the downloads (datapackage.json).
func (v *LangView) DataPackage() string { return site.DataPackage }

// TidyFile is the tidy CSV of one language.
type TidyFile struct {
	Path  string
	Lang  *i18n.Lang
	Title string // in its language: "Every figure and target (CSV, English)"
}

// TidyFiles lists the tidy CSV of each of the site's languages, the
// page's first.
func (v *LangView) TidyFiles() []TidyFile {
	var out []TidyFile
	for _, l := range v.site().Langs {
		f := TidyFile{site.DataAll(l), l, l.T("data.all")}
		if l == v.Lang {
			out = append([]TidyFile{f}, out...)
		} else {
			out = append(out, f)
		}
	}
	return out
}

// Num formats a number in the page's language.
func (v *LangView) Num(x float64) string { return v.Lang.Number(x, -1) }

// Date formats a date in the page's language.
func (v *LangView) Date(d calendar.Date) string { return v.Lang.Date(d) }

// Period formats a period in the page's language.
func (v *LangView) Period(p calendar.Period) string { return v.Lang.Period(p) }

// SourceKinds names the kinds of the site's sources, for the footer:
// "thông báo chính thức và tin báo chí".
func (v *LangView) SourceKinds() string {
	var names []string
	for _, k := range metrics.SourceKinds {
		for _, src := range v.site().Data.Sources {
			if src.Kind == k {
				names = append(names, v.T("kinds."+k))
				break
			}
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + v.T("list.and") + " " + names[len(names)-1]
}

// FooterPages are the pages of the "pages" section (about, methodology).
func (v *LangView) FooterPages() []*PageView { return pageViews(v.r.section(v.Lang, "pages")) }

// Methodology is the page named by `methodology` in content/site.toml, in
// the page's language, or nil.
func (v *LangView) Methodology() *PageView {
	for _, p := range v.FooterPages() {
		if p.Slug == v.site().Config.Methodology {
			return p
		}
	}
	return nil
}

// HasSection reports whether a section has pages in the page's language.
func (v *LangView) HasSection(sec string) bool { return v.r.hasSection(v.Lang, sec) }

// MetricTitle is a series' title in the page's language.
func (v *LangView) MetricTitle(id string) string {
	if s := v.r.series(id); s != nil {
		return s.TitleIn(v.Lang.Code)
	}
	return id
}

// AllSeries lists every series.
func (v *LangView) AllSeries() []*metrics.Series { return v.r.data().Series }

// Sources lists every source.
func (v *LangView) Sources() []*metrics.Source { return v.site().Data.Sources }

// Source looks up a source.
func (v *LangView) Source(id string) *metrics.Source { return v.site().Data.Source(id) }

// SourceTitle is a source's title in the page's language.
func (v *LangView) SourceTitle(id string) string {
	if s := v.site().Data.Source(id); s != nil {
		return s.TitleIn(v.Lang.Code)
	}
	return id
}

// SourceAnchor is the link to a source on the sources page.
func (v *LangView) SourceAnchor(id string) string { return site.Sources(v.Lang) + "#src-" + id }

// Value formats a point's value as its source states it: with its "of",
// its qualifier and its flag ("71/193", "trên 60", "28 (ước tính)"), or the
// reason for a gap.
func (v *LangView) Value(s *metrics.Series, p *metrics.Point) string {
	return pointValue(v.Lang, s, p, false)
}

// TargetValue formats a target's value with its qualifier.
func (v *LangView) TargetValue(s *metrics.Series, t *metrics.Target) string {
	return charts.Hedged(v.Lang, formatValue(v.Lang, s, t.Value, nil), t.Qualifier, "")
}

// pointValue formats a point's value, qualified and flagged, with the
// series' unit when withUnit is set.
func pointValue(l *i18n.Lang, s *metrics.Series, p *metrics.Point, withUnit bool) string {
	if p.IsGap() {
		return l.T("value.gap", p.GapIn(l.Code))
	}
	val := formatValue(l, s, p.Value, p.Of)
	if withUnit && s.Kind != metrics.Rate && s.Kind != metrics.Rank && p.Value != nil {
		val += " " + s.UnitIn(l.Code)
	}
	return charts.Hedged(l, val, p.Qualifier, p.Flag)
}

// decimals is the number of decimals a series shows: its own, or -1 (as
// many as needed, at most 2; at most 6 for an index).
func decimals(s *metrics.Series) int {
	if s.Decimals != nil {
		return *s.Decimals
	}
	return -1
}

func formatValue(l *i18n.Lang, s *metrics.Series, x, of *float64) string {
	if x == nil {
		return "–"
	}
	var out string
	if dec := decimals(s); dec < 0 && s.Kind == metrics.Index {
		out = l.Number(*x, shortestDecimals(*x, 6))
	} else {
		out = l.Number(*x, dec)
	}
	if of != nil {
		out += "/" + l.Number(*of, -1)
	}
	if s.Kind == metrics.Rate {
		out += "%"
	}
	return out
}

// shortestDecimals is the number of decimals that writes x exactly, at most n.
func shortestDecimals(x float64, n int) int {
	_, fp, _ := strings.Cut(strconv.FormatFloat(x, 'f', -1, 64), ".")
	return min(len(fp), n)
}

// Label returns a sub-series label in the page's language.
func (v *LangView) Label(s *metrics.Series, sub string) string { return subLabel(s, sub, v.Lang.Code) }

// Theme returns a theme's title in the page's language.
func (v *LangView) Theme(id string) string {
	for _, t := range v.site().Config.Themes {
		if t.ID == id {
			return v.Lang.Pick(t.Title, t.TitleEn)
		}
	}
	return id
}

// Commitments lists the commitments.
func (v *LangView) Commitments() []*metrics.Commitment { return v.r.data().Commitments }

// Due says a commitment's deadline as its source states it: "trước ngày
// 20/7/2024", "trong Quý I/2025", "trong năm 2025", "tại kỳ họp thứ 9".
func (v *LangView) Due(c *metrics.Commitment) string { return dueText(v.Lang, c) }

func dueText(l *i18n.Lang, c *metrics.Commitment) string {
	switch {
	case !c.DueBefore.IsZero():
		return l.T("due.before", l.Date(c.DueBefore))
	case c.DueEvent != "":
		return c.DueEventIn(l.Code)
	case c.Due.Grain == calendar.Day:
		return l.T("due.by_day", l.Period(c.Due.Period))
	case c.Due.Grain == calendar.Year:
		return l.T("due.in_year", l.Period(c.Due.Period))
	}
	return l.T("due.in", l.PeriodNoun(c.Due.Period))
}

// Status is a commitment's status at the date it is judged at (see
// metrics.Commitment.State).
func (v *LangView) Status(c *metrics.Commitment) string { return c.State(v.JudgedAt(c)) }

// LastReport is the latest report on a commitment at the date it is judged
// at, or nil.
func (v *LangView) LastReport(c *metrics.Commitment) *metrics.Report {
	return c.StatusAt(v.JudgedAt(c))
}

// JudgedAt is the date a commitment's status is judged at.
func (v *LangView) JudgedAt(c *metrics.Commitment) calendar.Date { return c.JudgedAt(v.site().Data) }

// AsOf is the date statuses are judged at (content/site.toml as_of).
func (v *LangView) AsOf() calendar.Date { return v.site().Data.AsOf() }

// ChartView is one chart figure: the option JSON and the same data as a table.
type ChartView struct {
	ID      string
	Anchor  string
	Title   string
	Unit    string
	Payload template.JS // JSON, HTML-safe (json.Marshal escapes <, >, &)
	Series  []*metrics.Series
	Rows    []Row
	Sources []*metrics.Source
	Notes   []string
	Lang    *i18n.Lang
	URLs    site.URLs
	Multi   bool // several series: the table has a series column
	HasSub  bool
	Periods string   // "2021–2024"
	Derived bool     // some value is derived
	Map     *MapView // a map (maps.go): its own table, period selector and boundaries
	Embed   string   // site-relative path of its embed page (embed.go), or ""
}

// Row is one line of a chart's data table.
type Row struct {
	Series  string
	Sub     string
	Period  string
	Value   string
	Source  string
	SrcID   string
	Derived bool
	Target  bool // a target due at the end of Period, not a figure reached
	Note    string
}

// anchorOf writes a period for an element id: "2024-H1", "2021_2024" for
// a span, "asof-2024-07-10" for an as-of total.
func anchorOf(p calendar.Period) string { return anchorChars.Replace(p.String()) }

var anchorChars = strings.NewReplacer("../", "asof-", "/", "_")

// rangeEnd names a period at one end of a range of periods: an as-of total
// by its day ("31/12/2023 – 10/7/2024"), others as they are.
func rangeEnd(lang *i18n.Lang, p calendar.Period) string {
	if p.Grain == calendar.AsOf {
		return lang.Date(p.End())
	}
	return lang.Period(p)
}

func subLabel(se *metrics.Series, id, lang string) string {
	for _, sub := range se.Subseries {
		if sub.ID == id {
			return sub.LabelIn(lang)
		}
	}
	return ""
}

// T translates.
func (c *ChartView) T(key string, args ...any) string { return c.Lang.T(key, args...) }

// chartPeriod is the period a chart block's key (from, to, period) gives,
// the zero period when it gives none; a period it cannot read is an error
// at the key.
func chartPeriod(c markdown.Chart, key, text string, errs *diag.List) calendar.Period {
	if text == "" {
		return calendar.Period{}
	}
	p, err := calendar.ParsePeriod(text)
	if err != nil {
		errs.Add(c.At(key), "chart: %s: %v", key, err)
	}
	return p
}

// SubseriesHead is the heading of the table's column of sub-series: what
// the sub-series of its series are, as the first that says so names them.
func (c *ChartView) SubseriesHead() string { return subseriesHead(c.Lang, c.Series...) }

// subseriesHead is what the sub-series of the first of list that says so
// are, in lang, else the interface's word for a group.
func subseriesHead(lang *i18n.Lang, list ...*metrics.Series) string {
	for _, se := range list {
		if n := se.SubseriesNameIn(lang.Code); n != "" {
			return n
		}
	}
	return lang.T("chart.subseries")
}

// URL links a site-relative path.
func (c *ChartView) URL(rel string) string { return c.URLs.Path(rel) }

// CSV returns the download of a series.
func (c *ChartView) CSV(id string) string { return c.URLs.Path(site.DataCSV(id)) }

// JSON returns the download of a series.
func (c *ChartView) JSON(id string) string { return c.URLs.Path(site.DataJSON(id)) }

// MetricURL links a metric page.
func (c *ChartView) MetricURL(id string) string { return c.URLs.Path(site.Metric(c.Lang, id)) }

// SourceURL links a source on the sources page.
func (c *ChartView) SourceURL(id string) string {
	return c.URLs.Path(site.Sources(c.Lang) + "#src-" + id)
}

// picked reports whether a chart block draws the sub-series sub ("" for a
// series without sub-series, always drawn).
func picked(c markdown.Chart, sub string) bool {
	return sub == "" || len(c.Subseries) == 0 || slices.Contains(c.Subseries, sub)
}

// errUnloaded: a chart draws a series whose file has errors. The chart is
// left out rather than reported: the build fails on the series' errors.
var errUnloaded = errors.New("a series of the chart has errors")

// chartView builds the figure of a chart block (or of a metric page, with a
// synthetic block).
func (s *Site) chartView(r *reads, lang *i18n.Lang, c markdown.Chart) (*ChartView, error) {
	if c.Type == charts.Map {
		return s.mapView(r, lang, c)
	}
	var errs diag.List
	var list []*metrics.Series
	for i, id := range c.Metrics {
		se := r.series(id)
		if d := s.Data.DraftSeries(id); d != nil {
			errs.Add(c.MetricAt(i), "chart: metric %q is a draft (draft = true in %s): it is not published, nor shown in the preview, until that line is removed", id, d.File)
			continue
		}
		if se == nil {
			errs.Add(c.MetricAt(i), "chart: unknown metric %q (no %s/%s.toml)", id, metrics.SeriesDir, id)
			continue
		}
		if s.Data.Unloaded(id) || !slices.Contains(metrics.Kinds, se.Kind) {
			return nil, errUnloaded // the series' own errors say what is wrong
		}
		list = append(list, se)
	}
	from := chartPeriod(c, "from", c.From, &errs)
	to := chartPeriod(c, "to", c.To, &errs)
	id := fmt.Sprintf("chart_%d_%s", c.Index, strings.ReplaceAll(c.Metrics[0], "-", "_"))
	lv := &LangView{r: r, Lang: lang}
	rng := charts.Spec{ID: id, Series: list, Title: c.Title, Type: c.Type, From: from, To: to,
		Subseries: c.Subseries, Highlight: c.Highlight,
		Passage: func(p *metrics.Point) string {
			if in := lv.InDocument(p.Source, p.Quote); in != "" && p.Row == 0 {
				return s.URLs.Path(in)
			}
			return ""
		}}
	if len(list) == len(c.Metrics) {
		// An unknown sub-series or highlight is reported at its key's line.
		for _, e := range charts.CheckPicks(rng) {
			at := c.SubseriesPos
			if e.Key == "highlight" {
				at = c.HighlightPos
			}
			if at.File == "" {
				at = c.Pos
			}
			errs.Add(at, "chart: %v", e)
		}
	}
	if errs.Err() != nil {
		return nil, errs
	}
	payload, err := charts.Option(rng, lang)
	if err != nil {
		var spec *charts.SpecError
		if errors.As(err, &spec) {
			return nil, diag.New(c.At(spec.Key), "chart: %v", spec.Err)
		}
		return nil, diag.New(c.Pos, "chart: %v", err)
	}
	cv := &ChartView{ID: id, Anchor: "bieu-do-" + fmt.Sprint(c.Index+1), Payload: template.JS(payload),
		Series: list, Lang: lang, URLs: s.URLs, Multi: len(list) > 1}
	if lang.Code == "en" {
		cv.Anchor = "chart-" + fmt.Sprint(c.Index+1)
	}
	cv.Title = c.Title
	if cv.Title == "" {
		var titles []string
		for _, se := range list {
			titles = append(titles, se.TitleIn(lang.Code))
		}
		cv.Title = strings.Join(titles, " · ")
	}
	units := map[string]bool{}
	var unitList []string
	seenSrc := map[string]bool{}
	var first, last calendar.Period
	for _, se := range list {
		if u := se.UnitIn(lang.Code); !units[u] {
			units[u] = true
			unitList = append(unitList, u)
		}
		if n := se.NoteIn(lang.Code); n != "" {
			cv.Notes = append(cv.Notes, n)
		}
		cv.HasSub = cv.HasSub || len(se.Subseries) > 0
		for _, line := range se.Lines() {
			if !picked(c, line.ID) {
				continue
			}
			for _, p := range se.PointsOf(line.ID) {
				// A figure of unstated time is listed in the table, not on
				// the axis, whatever the chart's range.
				timed := p.Period.Timed()
				if timed && !rng.Covers(p.Period) {
					continue
				}
				if timed && (first.IsZero() || p.Period.Compare(first) < 0) {
					first = p.Period
				}
				if timed && (last.IsZero() || p.Period.Compare(last) > 0) {
					last = p.Period
				}
				srcID := p.Source
				if p.Derived() && p.Origin != nil {
					srcID = p.Origin.Source
					cv.Derived = true
				}
				row := Row{Series: se.TitleIn(lang.Code), Sub: line.LabelIn(lang.Code), Period: lang.Period(p.Period),
					Value: pointValue(lang, se, p, false), SrcID: srcID, Derived: p.Derived(), Note: p.NoteIn(lang.Code)}
				if src := s.Data.Source(srcID); src != nil {
					row.Source = src.TitleIn(lang.Code)
					if !seenSrc[srcID] {
						seenSrc[srcID] = true
						cv.Sources = append(cv.Sources, src)
					}
				}
				cv.Rows = append(cv.Rows, row)
			}
		}
		for _, t := range se.Targets {
			if !rng.Covers(*t.By) || !picked(c, t.Subseries) {
				continue
			}
			src := s.Data.Source(t.Source)
			row := Row{Series: se.TitleIn(lang.Code), Sub: subLabel(se, t.Subseries, lang.Code),
				Period: lang.Period(*t.By), Value: charts.Hedged(lang, formatValue(lang, se, t.Value, nil), t.Qualifier, ""), SrcID: t.Source,
				Target: true, Note: t.NoteIn(lang.Code)}
			if src != nil {
				row.Source = src.TitleIn(lang.Code) + " (" + lang.Date(src.Date) + ")"
				if !seenSrc[t.Source] {
					seenSrc[t.Source] = true
					cv.Sources = append(cv.Sources, src)
				}
			}
			cv.Rows = append(cv.Rows, row)
		}
	}
	groupRows(cv.Rows, list, lang)
	cv.Unit = strings.Join(unitList, "; ")
	if !first.IsZero() {
		cv.Periods = rangeEnd(lang, first)
		if last != first {
			cv.Periods += " – " + rangeEnd(lang, last)
		}
	}
	return cv, nil
}
