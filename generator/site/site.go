// Package site knows the shape of the published site: where each kind of page
// lives, how URLs are formed under a base path, and the machine-readable
// indexes (sitemap, feeds). It does no I/O.
package site

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/i18n"
)

// URLs forms links under the site's base URL.
type URLs struct {
	Origin string // "https://owner.github.io", or "" when the base URL is a path
	Base   string // path prefix, always starting and ending with "/": "/", "/repo/"
}

// NewURLs parses a base URL: "/", "/repo/" or "https://owner.github.io/repo/".
func NewURLs(base string) (URLs, error) {
	if base == "" {
		base = "/"
	}
	u, err := url.Parse(base)
	if err != nil || u.RawQuery != "" || u.Fragment != "" || (u.Scheme != "" && u.Scheme != "https" && u.Scheme != "http") || (u.Scheme != "") != (u.Host != "") {
		return URLs{}, diag.Errorf("base URL %q: want a path like /repo/ or an address like https://owner.github.io/repo/", base)
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	if strings.Contains(p, "/../") || strings.Contains(p, "/./") || strings.Contains(p, "//") {
		return URLs{}, diag.Errorf("base URL %q: the path must be clean", base)
	}
	origin := ""
	if u.Host != "" {
		origin = u.Scheme + "://" + u.Host
	}
	return URLs{Origin: origin, Base: p}, nil
}

// Path returns the URL path of a site-relative path rel ("metrics/x/").
func (u URLs) Path(rel string) string { return u.Base + strings.TrimPrefix(rel, "/") }

// Abs returns an absolute URL when the origin is known, else the path.
func (u URLs) Abs(rel string) string { return u.Origin + u.Path(rel) }

// Site-relative paths of every kind of page. lang decides the prefix.

func Home(l *i18n.Lang) string { return l.Prefix }

// Page is a page of content/: the folders of its slug are part of the URL
// (notes, "2025/hop" is notes/2025/hop/), and those of content/pages/ are
// at the top (pages, "gioi-thieu" is gioi-thieu/).
func Page(l *i18n.Lang, section, slug string) string {
	if section == "pages" {
		return l.Prefix + slug + "/"
	}
	return l.Prefix + section + "/" + slug + "/"
}
func SectionIndex(l *i18n.Lang, section string) string { return l.Prefix + section + "/" }

// SectionPage is page n (from 1) of a section's index; page 1 is the index.
func SectionPage(l *i18n.Lang, section string, n int) string {
	if n <= 1 {
		return SectionIndex(l, section)
	}
	return fmt.Sprintf("%s%s/page/%d/", l.Prefix, section, n)
}

func MetricsIndex(l *i18n.Lang) string      { return l.Prefix + "metrics/" }
func Metric(l *i18n.Lang, id string) string { return l.Prefix + "metrics/" + id + "/" }
func Sources(l *i18n.Lang) string           { return l.Prefix + "sources/" }
func Source(l *i18n.Lang, id string) string { return l.Prefix + "sources/" + id + "/" }
func Commitments(l *i18n.Lang) string       { return l.Prefix + "commitments/" }
func DataIndex(l *i18n.Lang) string         { return l.Prefix + "data/" }
func Search(l *i18n.Lang) string            { return l.Prefix + "search/" }

// SearchShards is the number of files a language's search index of pages
// is cut into (by page file), so that editing a page rewrites one; the
// series and commitments are in one more file (SearchIndex(l, SearchShards)).
const SearchShards = 16

// SearchIndex is file k of a language's search index.
func SearchIndex(l *i18n.Lang, k int) string {
	if k == SearchShards {
		return l.Prefix + "search/index-data.json"
	}
	return fmt.Sprintf("%ssearch/index-%02d.json", l.Prefix, k)
}

func Feed(l *i18n.Lang) string { return l.Prefix + "feed.xml" }

// Updates is the page of what each source added; UpdatesFeed its feed.
func Updates(l *i18n.Lang) string     { return l.Prefix + "updates/" }
func UpdatesFeed(l *i18n.Lang) string { return l.Prefix + "updates.xml" }

// MetricFeed is the feed of what each source added to a series.
func MetricFeed(l *i18n.Lang, id string) string { return l.Prefix + "metrics/" + id + "/feed.xml" }

// Data files are shared by both languages.
func DataCSV(id string) string  { return "data/" + id + ".csv" }
func DataJSON(id string) string { return "data/" + id + ".json" }

// DataArchive holds every series and the sources in one file.
const DataArchive = "data/tiendo-data.zip"

// DataAll is the tidy CSV of every figure and target of the site, with its
// words in l: data/all.csv for the default language (the one without a
// prefix), data/all.<code>.csv for the others (data/all.en.csv).
func DataAll(l *i18n.Lang) string {
	if l.Prefix == "" {
		return "data/all.csv"
	}
	return "data/all." + l.Code + ".csv"
}

// DataPackage is the Frictionless Data Package descriptor of the data/
// files.
const DataPackage = "data/datapackage.json"

// File returns the output file of a site-relative path: directories get an
// index.html.
func File(rel string) string {
	if rel == "" || strings.HasSuffix(rel, "/") {
		return rel + "index.html" // (not cleaned: Safe judges the result)
	}
	return rel
}

// Safe reports whether a site-relative output path stays inside the output
// directory.
func Safe(rel string) bool {
	if rel == "" {
		return false
	}
	c := path.Clean("/" + rel)
	return c == "/"+strings.TrimSuffix(rel, "/") || c+"/" == "/"+rel
}
