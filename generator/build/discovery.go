package build

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/discovery"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/metrics"
	"github.com/tiendo/tiendo/generator/site"
)

// SearchEntry is one item of a language's search index: files of JSON
// arrays (site.SearchIndex), pages spread over site.SearchShards of them by
// file, series and commitments in the last. The browser fetches them all
// and matches queries against t, s and x without diacritics.
type SearchEntry struct {
	Title   string `json:"t"`
	URL     string `json:"u"`
	Kind    string `json:"k"`           // report, note, page, metric, commitment
	Date    string `json:"d,omitempty"` // a page's date: newer first among equal matches
	Summary string `json:"s,omitempty"`
	Text    string `json:"x,omitempty"`
}

// searchTextLimit keeps the index small: the start of a page says what it is about.
const searchTextLimit = 1500

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	if i := strings.LastIndexByte(s, ' '); i > n/2 {
		s = s[:i]
	}
	return s + "…"
}

// searchFileOf is the file of the search index that holds a page's entry.
func searchFileOf(file string) int { return shardOf(file) % site.SearchShards }

// searchFile is searchFileOf the doc's page.
func (d *doc) searchFile() int { return d.shard % site.SearchShards }

// searchIndex returns file k of the search index of lang.
func (s *Site) searchIndex(r *reads, lang *i18n.Lang, k int) ([]byte, error) {
	var b bytes.Buffer
	err := s.writeSearchIndex(&b, r, lang, k)
	return b.Bytes(), err
}

// writeSearchIndex writes file k of the search index of lang: the bytes of
// json.Marshal([]SearchEntry), entry by entry. A page's entry is made when
// it is converted, and kept with it by the build cache (doc.search), so
// that a rebuild writes the index without converting every page again.
func (s *Site) writeSearchIndex(w io.Writer, r *reads, lang *i18n.Lang, k int) error {
	bw := bufio.NewWriter(w)
	bw.WriteByte('[')
	n := 0
	add := func(entry []byte) {
		if n > 0 {
			bw.WriteByte(',')
		}
		bw.Write(entry)
		n++
	}
	if k < site.SearchShards {
		for _, d := range r.search(lang, k) {
			entry, err := s.searchEntryOf(d)
			if err != nil {
				return err
			}
			add(entry)
		}
	} else {
		data := r.data()
		for _, se := range data.Series {
			add(marshalEntry(SearchEntry{Title: se.TitleIn(lang.Code), URL: s.URLs.Path(site.Metric(lang, se.ID)),
				Kind: "metric", Summary: clip(se.DescriptionIn(lang.Code), 200), Text: searchText(se, lang.Code)}))
		}
		for _, c := range data.Commitments {
			add(marshalEntry(SearchEntry{Title: c.TaskIn(lang.Code), URL: s.URLs.Path(site.Commitments(lang)) + "#c-" + c.ID,
				Kind: "commitment", Summary: c.AgencyIn(lang.Code) + " · " + dueText(lang, c)}))
		}
	}
	bw.WriteByte(']')
	return bw.Flush()
}

// searchEntryOf returns a page's entry in the search index: the one made
// when it was converted, or recorded by the build cache, or else made by
// converting it again.
func (s *Site) searchEntryOf(d *doc) ([]byte, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.search == nil && d.cached {
		d.search = d.cache.searchEntry(d.page.File, d.key)
		if d.search == nil { // convert it here, and keep its HTML if its page is to be rendered
			c := d.cache
			s.convert(d, c)
			if !d.keepHTML {
				d.result.HTML, d.hasHTML = nil, false
			}
			if err := d.problems.Err(); err != nil { // e.g. the file changed during the build
				return nil, err
			}
			c.putSearch(d.page.File, d.key, d.search)
		}
	}
	if d.search == nil {
		d.search = s.searchEntry(d)
	}
	return d.search, nil
}

// searchEntry is the JSON of a converted page's entry in the search index
// of its language.
func (s *Site) searchEntry(d *doc) []byte {
	p := d.page
	lang := s.Lang(p.Lang)
	e := SearchEntry{Title: p.Title, URL: s.URLs.Path(site.Page(lang, p.Section, p.Slug)),
		Kind: strings.TrimSuffix(p.Section, "s"), Summary: p.Summary, Text: clip(d.result.Text, searchTextLimit)}
	if !p.Date.IsZero() {
		e.Date = p.Date.String()
	}
	return marshalEntry(e)
}

func marshalEntry(e SearchEntry) []byte {
	b, err := json.Marshal(e)
	if err != nil {
		panic(err) // strings only: cannot fail
	}
	return b
}

// feedID is a stable id for a feed item: the absolute URL when the base URL
// has an origin, else a tag: URI.
func (s *Site) feedID(rel string) string {
	if s.URLs.Origin != "" {
		return s.URLs.Abs(rel)
	}
	return "tag:tiendo," + strings.TrimSuffix(s.URLs.Base, "/") + "/" + rel
}

// feed is the Atom feed of a language's newest reports and notes.
func (s *Site) feed(r *reads, lang *i18n.Lang) ([]byte, error) {
	f := s.feedOf(lang, site.Feed(lang), site.Home(lang), lang.Pick(s.Config.Title, s.Config.TitleEn))
	f.ID = s.feedID(site.Home(lang)) // the site's, in that language
	for _, p := range r.pages() {
		if p.Lang != lang.Code || (p.Section != "reports" && p.Section != "notes") {
			continue
		}
		if len(f.Entries) == feedEntries { // s.Pages is newest first
			break
		}
		rel := site.Page(lang, p.Section, p.Slug)
		f.Entries = append(f.Entries, discovery.Entry{Title: p.Title, ID: s.feedID(rel),
			Updated: p.Date.String() + "T00:00:00Z", Link: s.URLs.Abs(rel), Summary: p.Summary})
	}
	return discovery.Atom(f)
}

// feedOf is a feed at self, its id made from self, that follows the page
// at page; with no entries, it is as new as the site's newest source.
func (s *Site) feedOf(lang *i18n.Lang, self, page, title string) discovery.Feed {
	return discovery.Feed{Lang: lang.Code, Title: title, ID: s.feedID(self), Self: s.URLs.Abs(self),
		Page: s.URLs.Abs(page), Author: lang.Pick(s.Config.Title, s.Config.TitleEn),
		Updated: s.Data.Newest().String() + "T00:00:00Z"}
}

// updatesFeed is a feed of what sources added: one entry per source,
// newest first, its summary listing the changes.
func (s *Site) updatesFeed(r *reads, lang *i18n.Lang, self, page, title string, changes []metrics.SourceChanges) ([]byte, error) {
	f := s.feedOf(lang, self, page, title)
	v := &LangView{r: r, Lang: lang}
	for _, u := range v.updates(changes) {
		var lines []string
		for _, it := range u.Items {
			lines = append(lines, lang.T("updates."+it.Kind)+": "+it.Text)
		}
		rel := site.Source(lang, u.Source.ID)
		if u.Source.Document == "" {
			rel = v.SourceAnchor(u.Source.ID)
		}
		f.Entries = append(f.Entries, discovery.Entry{Title: u.Source.TitleIn(lang.Code), ID: s.feedID(self + "#" + u.Source.ID),
			Updated: u.Source.Date.String() + "T00:00:00Z", Link: s.URLs.Abs(rel), Summary: strings.Join(lines, "\n")})
	}
	return discovery.Atom(f)
}

// searchText is what a series is found by besides its title and
// description: its id, unit, aliases and sub-series' labels and aliases (a
// country, a province).
func searchText(se *metrics.Series, lang string) string {
	words := append([]string{se.ID, se.UnitIn(lang)}, se.Aliases...)
	for _, sub := range se.Subseries {
		words = append(append(words, sub.LabelIn(lang)), sub.Aliases...)
	}
	return strings.Join(words, " ")
}

// sitemap lists every HTML page except 404.html and the embeds (noindex).
// Sitemaps want absolute URLs: without an origin in the base URL the paths
// are listed as they are.
func (s *Site) sitemap(paths []string, dates map[string]string) ([]byte, error) {
	var urls []discovery.URL
	for _, p := range paths {
		if !strings.HasSuffix(p, ".html") || p == "404.html" || s.isEmbed(p) {
			continue
		}
		rel := strings.TrimSuffix(p, "index.html")
		urls = append(urls, discovery.URL{Loc: s.URLs.Abs(rel), LastMod: dates[rel]})
	}
	return discovery.Sitemap(urls)
}

// robots is robots.txt, naming the sitemap when its URL is absolute.
func (s *Site) robots() []byte {
	if s.URLs.Origin == "" {
		return discovery.Robots("")
	}
	return discovery.Robots(s.URLs.Abs("sitemap.xml"))
}

// pageDates gives the date of dated pages, for the sitemap.
func (s *Site) pageDates(pages []*content.Page) map[string]string {
	m := map[string]string{}
	for _, p := range pages {
		if !p.Date.IsZero() {
			m[site.Page(s.Lang(p.Lang), p.Section, p.Slug)] = p.Date.String()
		}
	}
	return m
}

// discoveryJobs adds the search pages and indexes, feeds, sitemap and robots.txt.
func (s *Site) discoveryJobs(docs []*doc, jobs []job) []job {
	s.searchShards = searchShards(docs)
	for _, lang := range s.Langs {
		if s.tmpl.Has("search") {
			jobs = append(jobs, job{path: site.File(site.Search(lang)), run: func(r *reads) ([]byte, error) {
				return s.tmpl.Page("search", s.view(r, lang, "search", site.Search(lang), lang.T("nav.search")))
			}})
		}
		for k := range site.SearchShards + 1 {
			jobs = append(jobs, job{path: site.SearchIndex(lang, k),
				run:   func(r *reads) ([]byte, error) { return s.searchIndex(r, lang, k) },
				write: func(r *reads, w io.Writer) error { return s.writeSearchIndex(w, r, lang, k) }})
		}
		if s.hasFeed(lang) {
			jobs = append(jobs, job{path: site.Feed(lang), run: func(r *reads) ([]byte, error) { return s.feed(r, lang) }})
		}
		if s.has("updates") {
			jobs = append(jobs, job{path: site.UpdatesFeed(lang), run: func(r *reads) ([]byte, error) {
				return s.updatesFeed(r, lang, site.UpdatesFeed(lang), site.Updates(lang), lang.Pick(s.Config.Title, s.Config.TitleEn)+" — "+lang.T("nav.updates"), r.changes())
			}})
		}
		for _, se := range s.Data.Series {
			jobs = append(jobs, job{path: site.MetricFeed(lang, se.ID), file: se.File, run: func(r *reads) ([]byte, error) {
				changes := r.seriesChanges(se.ID)
				return s.updatesFeed(r, lang, site.MetricFeed(lang, se.ID), site.Metric(lang, se.ID), se.TitleIn(lang.Code), changes)
			}})
		}
	}
	for _, j := range jobs {
		s.paths = append(s.paths, j.path)
	}
	s.paths = append(s.paths, "sitemap.xml", "robots.txt")
	slices.Sort(s.paths)
	jobs = append(jobs,
		job{path: "sitemap.xml", run: func(r *reads) ([]byte, error) { return s.sitemap(r.paths(), s.pageDates(r.pages())) }},
		job{path: "robots.txt", run: func(*reads) ([]byte, error) { return s.robots(), nil }})
	return jobs
}

// searchShards groups the pages by language and search-index file.
func searchShards(docs []*doc) map[string][]*doc {
	m := map[string][]*doc{}
	for _, d := range docs {
		k := d.page.Lang + " " + strconv.Itoa(d.searchFile())
		m[k] = append(m[k], d)
	}
	return m
}

// searchDocs lists the pages whose entries are in file k of lang's index.
func (s *Site) searchDocs(lang string, k int) []*doc { return s.searchShards[lang+" "+strconv.Itoa(k)] }
