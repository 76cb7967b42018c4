package build

import (
	"cmp"
	"io/fs"
	"slices"
	"strconv"

	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/metrics"
)

// Every output file is made from what one reads returns, and a reads
// records what it returned: a read is named by a dep, and the build cache
// works out a dep's value from the site (cache.go, valueOf). An output is
// made again when the value of anything it read changed. Every input
// file but the data (series, commitments, archived documents) and the
// pages is read by every output (the cache's global key: templates,
// interface strings, assets, content/site.toml, content/sources.toml and
// any other kind of file a site holds), and so are the binary and the
// options.
//
// Templates get views (views.go) whose methods read through the view's
// reads, never the site itself, so that what a template starts to show is
// recorded as it is shown.

// depKind is what a read returns.
type depKind uint8

const (
	readSeries      depKind = iota + 1 // one series by id (Arg): what it is made of, or that there is none
	readData                           // every series and commitment, with the archived documents quotes are checked in
	readFile                           // an input file (Arg), as bytes
	readPage                           // a page's conversion (Arg: its file): front matter, HTML, charts
	readSection                        // the pages of a section (Arg) in a language, as lists show them
	readHasSection                     // whether a section (Arg) has pages in a language
	readListPage                       // the pages listed on page n of a section's index (Arg "sec n")
	readListPages                      // how many pages a section's index has (Arg: the section)
	readLatest                         // the newest pages of a language, as the home page lists them
	readTranslation                    // whether a page (Arg: its file) has a version in a language
	readMentions                       // the pages of a language that chart or name a series (Arg: its id)
	readSearch                         // the search-index entries of the pages in file Arg of a language
	readPages                          // every published page, as lists show them
	readPaths                          // the path of every output file
	readHas                            // whether the site has any of what Arg names (Site.has): commitments, updates

	readKinds // how many kinds there are, plus one
)

// dep names one read: its kind, the language it was made in (if any) and
// its argument.
type dep struct {
	Kind depKind
	Lang string
	Arg  string
}

func compareDeps(a, b dep) int {
	return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Lang, b.Lang), cmp.Compare(a.Arg, b.Arg))
}

// reads is one output's access to the site. Its zero set records nothing
// (a build without a cache).
type reads struct {
	s   *Site
	set map[dep]struct{}
}

// newReads returns the reads of one output, recording when the build has
// a cache.
func (s *Site) newReads() *reads { return s.newReadsFor(s.cache) }

// newReadsFor is newReads with the cache c (nil for none).
func (s *Site) newReadsFor(c *buildCache) *reads {
	r := &reads{s: s}
	if c != nil {
		r.set = map[dep]struct{}{}
	}
	return r
}

func (r *reads) add(d dep) {
	if r.set != nil {
		r.set[d] = struct{}{}
	}
}

// deps lists what was read, sorted.
func (r *reads) deps() []dep {
	out := make([]dep, 0, len(r.set))
	for d := range r.set {
		out = append(out, d)
	}
	slices.SortFunc(out, compareDeps)
	return out
}

// merge records what another reads recorded (a shared part of a page).
func (r *reads) merge(deps []dep) {
	for _, d := range deps {
		r.add(d)
	}
}

func (r *reads) series(id string) *metrics.Series {
	r.add(dep{Kind: readSeries, Arg: id})
	return r.s.Data.SeriesByID(id)
}

// data is every series, source and commitment.
func (r *reads) data() *metrics.Data {
	r.add(dep{Kind: readData})
	return r.s.Data
}

// changes is what each source added to the data (Data.Changes).
func (r *reads) changes() []metrics.SourceChanges {
	r.add(dep{Kind: readData})
	all, _ := r.s.allChanges()
	return all
}

// seriesChanges is what each source added to one series: the series and
// the sources (which every output reads) are all they come from.
func (r *reads) seriesChanges(id string) []metrics.SourceChanges {
	se := r.series(id)
	_, bySeries := r.s.allChanges()
	return bySeries[se]
}

func (r *reads) file(name string) ([]byte, error) {
	r.add(dep{Kind: readFile, Arg: name})
	return fs.ReadFile(r.s.fsys, name)
}

// page is a page's conversion, made now if it was restored from the cache
// without its HTML.
func (r *reads) page(d *doc) (*doc, error) {
	r.add(dep{Kind: readPage, Arg: d.page.File})
	return d, r.s.ensureHTML(d)
}

func (r *reads) section(lang *i18n.Lang, sec string) []*content.Page {
	r.add(dep{readSection, lang.Code, sec})
	return r.s.section(lang, sec)
}

func (r *reads) hasSection(lang *i18n.Lang, sec string) bool {
	r.add(dep{readHasSection, lang.Code, sec})
	return len(r.s.section(lang, sec)) > 0
}

func (r *reads) listPage(lang *i18n.Lang, sec string, n int) []*content.Page {
	r.add(dep{readListPage, lang.Code, sec + " " + strconv.Itoa(n)})
	return listSlice(r.s.section(lang, sec), n)
}

func (r *reads) listPages(lang *i18n.Lang, sec string) int {
	r.add(dep{readListPages, lang.Code, sec})
	return listPages(len(r.s.section(lang, sec)))
}

func (r *reads) latest(lang *i18n.Lang) []*content.Page {
	r.add(dep{Kind: readLatest, Lang: lang.Code})
	return r.s.latest(lang)
}

func (r *reads) hasTranslation(p *content.Page, lang *i18n.Lang) bool {
	r.add(dep{readTranslation, lang.Code, p.File})
	return r.s.translation(p, lang.Code) != nil
}

func (r *reads) mentions(lang *i18n.Lang, id string) []*content.Page {
	r.add(dep{readMentions, lang.Code, id})
	return r.s.pagesMentioning(lang.Code, id)
}

// search lists the pages whose entries are in file k of lang's index.
func (r *reads) search(lang *i18n.Lang, k int) []*doc {
	r.add(dep{readSearch, lang.Code, strconv.Itoa(k)})
	return r.s.searchDocs(lang.Code, k)
}

func (r *reads) pages() []*content.Page {
	r.add(dep{Kind: readPages})
	return r.s.Pages
}

func (r *reads) paths() []string {
	r.add(dep{Kind: readPaths})
	return r.s.paths
}

// listSlice is page n (from 1) of a section's index.
func listSlice(list []*content.Page, n int) []*content.Page {
	return list[min((n-1)*listPageSize, len(list)):min(n*listPageSize, len(list))]
}
