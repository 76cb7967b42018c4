// Package discovery writes the files by which programs find a site's
// pages: Atom feeds (RFC 4287), the sitemap (sitemaps.org 0.9) and
// robots.txt. It knows the formats, not the site: the build says what
// each file lists, with absolute URLs where the formats want them.
package discovery

import (
	"bytes"
	"encoding/xml"
)

// Feed is an Atom feed. Its updated time is its newest entry's, or
// Updated when it has none.
type Feed struct {
	Lang    string // xml:lang
	Title   string
	ID      string // a URL or a tag: URI that stays the same
	Self    string // the feed's own URL
	Page    string // the HTML page it follows
	Author  string
	Updated string // RFC 3339, when there is no entry
	Entries []Entry
}

// Entry is an item of a feed.
type Entry struct {
	Title   string
	ID      string
	Updated string // RFC 3339
	Link    string // its HTML page
	Summary string // plain text; omitted when empty
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary,omitempty"`
}

// Atom is the feed f as an Atom document.
func Atom(f Feed) ([]byte, error) {
	a := atomFeed{Lang: f.Lang, Title: f.Title, ID: f.ID,
		Links: []atomLink{{Href: f.Self, Rel: "self", Type: "application/atom+xml"},
			{Href: f.Page, Rel: "alternate", Type: "text/html"}},
		Author: atomAuthor{Name: f.Author}}
	for _, e := range f.Entries {
		if a.Updated < e.Updated {
			a.Updated = e.Updated
		}
		a.Entries = append(a.Entries, atomEntry{Title: e.Title, ID: e.ID, Updated: e.Updated,
			Link: atomLink{Href: e.Link, Rel: "alternate", Type: "text/html"}, Summary: e.Summary})
	}
	if a.Updated == "" {
		a.Updated = f.Updated
	}
	return xmlDoc(a)
}

// URL is a page of the sitemap: where it is, and the day it was last
// changed (YYYY-MM-DD), when known.
type URL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []URL    `xml:"url"`
}

// Sitemap lists urls, in their order.
func Sitemap(urls []URL) ([]byte, error) { return xmlDoc(urlset{URLs: urls}) }

// Robots lets every crawler read everything, and names the sitemap when
// its absolute URL is known (a Sitemap line must be absolute): sitemap ""
// names none.
func Robots(sitemap string) []byte {
	b := "User-agent: *\nAllow: /\n"
	if sitemap != "" {
		b += "Sitemap: " + sitemap + "\n"
	}
	return []byte(b)
}

func xmlDoc(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
