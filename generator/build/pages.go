package build

import (
	"errors"
	"html/template"
	"slices"
	"sort"
	"strings"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/charts"
	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/metrics"
	"github.com/tiendo/tiendo/generator/site"
)

// Tile is a headline figure: latest value, change, target, status.
type Tile struct {
	Series    *metrics.Series
	Sub       string // sub-series label, if any
	Qualifier string // "trên", "over": how the source hedges Value
	Value     string // "71/193", "28"
	Flag      string // "ước tính", "estimate"
	Unit      string
	Period    string
	Change    string // "tăng 15 bậc so với 2022", "up nearly 40% as the source states"; empty when unknown
	Better    string // "better", "worse", "same" or ""
	Target    string // "80% (2024)"
	Progress  float64
	HasProg   bool
	Against   string // with HasProg: the value against the target, "58% / mục tiêu 80% (2025)"
	Baseline  string // what Progress is measured from, if not 0: "từ 45,5% năm 2021"
	Subs      []Tile // a series' lines, inside its one tile (see seriesTile)
	Filter    string // on the metrics index: the words its filter finds it by
	Status    string // metrics status constant
	Derived   bool
	Source    string
}

func (s *Site) tiles(lang *i18n.Lang, se *metrics.Series) []Tile {
	var out []Tile
	for _, line := range se.Lines() {
		sum := metrics.Summarize(se, line.ID, s.Data, s.Data.AsOf())
		if sum.Latest == nil && sum.Target == nil && len(se.TargetsOf(line.ID)) == 0 {
			continue
		}
		t := Tile{Series: se, Sub: line.LabelIn(lang.Code), Unit: se.UnitIn(lang.Code), Status: sum.Status}
		if sum.Latest != nil {
			p := sum.Latest
			t.Value = formatValue(lang, se, p.Value, p.Of)
			if metrics.Bound(p.Qualifier) {
				t.Qualifier = lang.T("qualifier." + p.Qualifier)
			}
			if p.Flag != "" {
				t.Flag = lang.T("flag." + p.Flag)
			}
			t.Period = lang.Period(p.Period)
			t.Derived = p.Derived()
			t.Source = p.Source
		}
		t.Change = changeText(lang, se, sum)
		switch {
		case sum.Improved == nil && t.Change != "":
			t.Better = "same"
		case sum.Improved != nil && *sum.Improved:
			t.Better = "better"
		case sum.Improved != nil:
			t.Better = "worse"
		}
		tg := sum.Target
		if tg == nil {
			if ts := se.TargetsOf(line.ID); len(ts) > 0 {
				tg = ts[len(ts)-1]
			}
		}
		if tg != nil {
			t.Target = charts.Hedged(lang, formatValue(lang, se, tg.Value, nil), tg.Qualifier, "") + " (" + lang.Period(*tg.By) + ")"
		}
		if sum.Progress != nil {
			t.Progress, t.HasProg = *sum.Progress, true
			t.Against, t.Baseline = progressWords(lang, se, sum, t.Target)
		}
		out = append(out, t)
	}
	return out
}

// changeText says the change a tile shows, in words: the change the source
// states ("tăng gần 40% so với 2023", or "… theo nguồn" when it names no
// period), else the change computed against the previous comparable point
// ("tăng 15 bậc so với 2022"). Ranks change in places, rates in percentage
// points, indexes in points, amounts and counts in percent when known, else
// in their unit.
func changeText(lang *i18n.Lang, se *metrics.Series, sum metrics.Summary) string {
	words, against := changeParts(lang, se, sum)
	if against == "" {
		return words
	}
	return words + " " + against
}

// changeParts is changeText in two: the change ("tăng 15 bậc") and what it
// is against, with its source's caveats ("so với 2022", "(theo nguồn)").
func changeParts(lang *i18n.Lang, se *metrics.Series, sum metrics.Summary) (words, against string) {
	words = charts.ChangeWords(lang, se, sum.Change, sum.ChangePct, sum.ChangeQualifier)
	if words == "" {
		return "", ""
	}
	var parts []string
	switch {
	case sum.Stated && sum.ChangeSince != nil:
		parts = append(parts, lang.T("tile.since", lang.PeriodNoun(*sum.ChangeSince)))
	case sum.Previous != nil && sum.Previous.Period.Grain == calendar.AsOf:
		parts = append(parts, lang.T("tile.since", rangeEnd(lang, sum.Previous.Period)))
	case sum.Previous != nil:
		parts = append(parts, lang.T("tile.since", lang.PeriodNoun(sum.Previous.Period)))
	case sum.Stated:
		parts = append(parts, "("+lang.T("change.stated")+")")
	}
	if sum.ChangeFlag != "" {
		parts = append(parts, "("+lang.T("change.from_"+sum.ChangeFlag)+")")
	}
	return words, strings.Join(parts, " ")
}

// ThemeView is one group of the metrics index.
type ThemeView struct {
	ID, Title string
	Series    []*metrics.Series
	Tiles     []Tile
	Lines     []IndexLine // a large site's metrics index
	League    *League     // a theme of league = true: its series in a league table
	league    bool
}

func (s *Site) themes(r *reads, lang *i18n.Lang) []ThemeView {
	var out []ThemeView
	for _, t := range s.Config.Themes {
		tv := ThemeView{ID: t.ID, Title: lang.Pick(t.Title, t.TitleEn), league: t.League}
		for _, se := range r.data().Series {
			if se.Theme == t.ID {
				tv.Series = append(tv.Series, se)
			}
		}
		if len(tv.Series) > 0 {
			out = append(out, tv)
		}
	}
	return out
}

// section lists the published pages of a section in lang: by date, newest
// first, or by weight for the "pages" section.
func (s *Site) section(lang *i18n.Lang, sec string) []*content.Page {
	// Every page's header and footer ask: the lists are made once.
	s.sectionsOnce.Do(func() {
		s.sections = map[string][]*content.Page{}
		for _, l := range s.Langs {
			for _, sec := range content.Sections {
				s.sections[l.Code+" "+sec] = s.sectionList(l, sec)
			}
		}
	})
	if list, ok := s.sections[lang.Code+" "+sec]; ok {
		return slices.Clip(list)
	}
	return s.sectionList(lang, sec)
}

func (s *Site) sectionList(lang *i18n.Lang, sec string) []*content.Page {
	var list []*content.Page
	for _, p := range s.Pages {
		if p.Lang == lang.Code && p.Section == sec {
			list = append(list, p)
		}
	}
	if sec == "pages" {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Weight < list[j].Weight })
	}
	return list
}

// latest lists the newest reports and notes of lang, as the home page does.
func (s *Site) latest(lang *i18n.Lang) []*content.Page {
	var list []*content.Page
	for _, p := range s.Pages { // newest first
		if p.Lang == lang.Code && p.Section != "pages" && len(list) < homeLatest {
			list = append(list, p)
		}
	}
	return list
}

// view starts the view of a page of lang made from r. AltLang is the
// site's other language, nil on a site of one language.
func (s *Site) view(r *reads, lang *i18n.Lang, kind, path, title string) *View {
	v := &View{LangView: LangView{r: r, Lang: lang}, Kind: kind, Path: path, Title: title}
	for _, l := range s.Langs {
		if l != lang {
			v.AltLang = l
		}
	}
	v.AltPath = swapLang(path, lang, v.AltLang)
	v.Desc = v.SiteDesc()
	return v
}

// swapLang maps a path of lang to the same path in other.
func swapLang(path string, lang, other *i18n.Lang) string {
	if other == nil {
		return path
	}
	rest := path[len(lang.Prefix):]
	return other.Prefix + rest
}

// Lists are cut so that no page grows with the site: the home page shows
// the newest homeLatest reports and notes, a section's index lists
// listPageSize pages per page (newest first), and a feed holds the newest
// feedEntries.
const (
	homeLatest   = 10
	listPageSize = 50
	feedEntries  = 50
)

// listPages is the number of pages of a section index of n entries (none
// for an empty section).
func listPages(n int) int { return (n + listPageSize - 1) / listPageSize }

// jobs lists every file of the site, once per build. A page's view is
// made when its job runs, from the job's reads, so that a build that
// renders few pages does not make them all, memory holds the views being
// rendered only, and what each page shows is recorded as it is read.
func (s *Site) jobs(docs []*doc) []job {
	var jobs []job
	add := func(path string, view func(r *reads) *View) {
		page := func(r *reads, dst []byte) ([]byte, error) {
			v := view(r)
			if v.err != nil {
				return nil, v.err
			}
			return s.tmpl.AppendPage(dst, v.Kind, v)
		}
		jobs = append(jobs, job{path: site.File(path), page: page,
			run: func(r *reads) ([]byte, error) { return page(r, nil) }})
	}
	for _, lang := range s.Langs {
		// Home.
		add(site.Home(lang), func(r *reads) *View {
			home := s.view(r, lang, "home", site.Home(lang), "")
			for _, id := range s.Config.Headline {
				if se := r.series(id); se != nil {
					home.Tiles = append(home.Tiles, s.seriesTile(lang, se)...)
				}
			}
			home.List = pageViews(r.latest(lang))
			for _, sec := range content.Sections {
				if sec != "pages" && r.hasSection(lang, sec) {
					home.Sections = append(home.Sections, sec)
				}
			}
			home.Themes = s.themes(r, lang)
			return home
		})

		// Pages.
		for _, d := range docs {
			p := d.page
			if p.Lang != lang.Code {
				continue
			}
			path := site.Page(lang, p.Section, p.Slug)
			add(path, func(r *reads) *View {
				v := s.view(r, lang, "page", path, p.Title)
				d, err := r.page(d)
				if err != nil {
					v.err = err
					return v
				}
				v.Page, v.Body, v.HasCharts = pageView(p), template.HTML(d.result.HTML), len(d.charts) > 0
				v.HasMaps = hasMaps(d.charts)
				if len(d.result.Headings) >= 4 {
					v.TOC = d.result.Headings
				}
				if p.Summary != "" {
					v.Desc = p.Summary
				}
				if v.AltLang != nil && !r.hasTranslation(p, v.AltLang) {
					v.AltPath = site.Home(v.AltLang)
				}
				return v
			})
			jobs[len(jobs)-1].file = p.File
			jobs[len(jobs)-1].doc = d
		}

		// Section indexes, for sections that have pages; the "pages" section
		// (about, methodology) is linked from every page's footer instead.
		for _, sec := range content.Sections {
			if sec == "pages" {
				continue
			}
			of := listPages(len(s.section(lang, sec)))
			for n := 1; n <= of; n++ {
				path := site.SectionPage(lang, sec, n)
				add(path, func(r *reads) *View {
					title := lang.T("section." + sec)
					if n > 1 {
						title = lang.T("list.title_page", title, n)
					}
					v := s.view(r, lang, "list", path, title)
					v.List = pageViews(r.listPage(lang, sec, n))
					of := r.listPages(lang, sec)
					v.Pager = &Pager{N: n, Of: of}
					if n > 1 {
						v.Pager.Prev = site.SectionPage(lang, sec, n-1)
					}
					if n < of {
						v.Pager.Next = site.SectionPage(lang, sec, n+1)
					}
					// The same page of the other language's list, or as near as it has.
					if v.AltLang != nil {
						switch m := r.listPages(v.AltLang, sec); {
						case m == 0:
							v.AltPath = site.Home(v.AltLang)
						case m < n:
							v.AltPath = site.SectionIndex(v.AltLang, sec)
						}
					}
					return v
				})
			}
		}

		// Metrics.
		add(site.MetricsIndex(lang), func(r *reads) *View {
			idx := s.view(r, lang, "metrics", site.MetricsIndex(lang), lang.T("nav.metrics"))
			s.metricsIndex(r, idx)
			return idx
		})
		for _, id := range s.seriesIDs() {
			add(site.Metric(lang, id), func(r *reads) *View {
				se := r.series(id)
				v := s.view(r, lang, "metric", site.Metric(lang, id), se.TitleIn(lang.Code))
				v.Series = se
				v.Tiles = s.tiles(lang, se)
				v.League = s.league(lang, se)
				if d := se.DescriptionIn(lang.Code); d != "" {
					v.Desc = d
				}
				if s.embeddable[id] { // a chart that draws something
					switch cv, err := s.metricChart(r, lang, se); {
					case errors.Is(err, errUnloaded):
					case err != nil:
						v.err = err
					default:
						cv.Embed = site.EmbedMetric(lang, id)
						v.Chart, v.HasCharts = cv, true
					}
				}
				if v.MapChart = s.metricMap(r, lang, se); v.MapChart != nil {
					v.MapChart.Embed = site.EmbedMetricMap(lang, id)
					v.HasCharts, v.HasMaps = true, true
				}
				v.Mentions = pageViews(r.mentions(lang, id))
				v.Evidence = v.evidence(se)
				return v
			})
		}

		if s.has("updates") {
			add(site.Updates(lang), func(r *reads) *View {
				v := s.view(r, lang, "updates", site.Updates(lang), lang.T("nav.updates"))
				v.Updates = v.updates(r.changes())
				return v
			})
		}
		add(site.Sources(lang), func(r *reads) *View {
			return s.view(r, lang, "sources", site.Sources(lang), lang.T("nav.sources"))
		})
		for _, src := range s.Data.Sources {
			if src.Document == "" {
				continue
			}
			add(site.Source(lang, src.ID), func(r *reads) *View {
				v := s.view(r, lang, "source", site.Source(lang, src.ID), src.TitleIn(lang.Code))
				v.Document = v.document(src)
				return v
			})
		}
		if s.has("commitments") {
			add(site.Commitments(lang), func(r *reads) *View {
				return s.view(r, lang, "commitments", site.Commitments(lang), lang.T("nav.commitments"))
			})
		}
		add(site.DataIndex(lang), func(r *reads) *View {
			return s.view(r, lang, "data", site.DataIndex(lang), lang.T("nav.data"))
		})
	}
	jobs = append(jobs, job{path: "404.html", run: func(r *reads) ([]byte, error) {
		nf := s.view(r, s.Langs[0], "404", "404.html", s.Langs[0].T("404.title"))
		nf.NoIndex = true
		if nf.AltLang != nil {
			nf.AltPath = site.Home(nf.AltLang)
		}
		return s.tmpl.Page("404", nf)
	}})
	jobs = append(jobs, s.embedJobs(docs)...)
	jobs = append(jobs, s.dataJobs()...)
	jobs = append(jobs, s.assetJobs()...)
	jobs = append(jobs, s.mapJobs()...)
	jobs = append(jobs, job{path: ".nojekyll", run: func(*reads) ([]byte, error) { return []byte{}, nil }})
	return s.discoveryJobs(docs, jobs)
}

// seriesIDs lists the ids of the series, each of which has a page and
// downloads.
func (s *Site) seriesIDs() []string {
	ids := make([]string, len(s.Data.Series))
	for i, se := range s.Data.Series {
		ids[i] = se.ID
	}
	return ids
}
