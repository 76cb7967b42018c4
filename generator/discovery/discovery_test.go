package discovery

import (
	"encoding/xml"
	"strings"
	"testing"
)

// TestAtom: a feed is updated when its newest entry is, whatever their
// order, or at its own time when it has none; it reads back as Atom.
func TestAtom(t *testing.T) {
	f := Feed{Lang: "en", Title: "T & c", ID: "tag:x,/", Self: "https://x/feed.xml", Page: "https://x/", Author: "X",
		Updated: "2020-01-01T00:00:00Z",
		Entries: []Entry{
			{Title: "old", ID: "a", Updated: "2024-01-01T00:00:00Z", Link: "https://x/a/"},
			{Title: "new", ID: "b", Updated: "2025-06-30T00:00:00Z", Link: "https://x/b/", Summary: "s"},
		}}
	b, err := Atom(f)
	if err != nil {
		t.Fatal(err)
	}
	var back atomFeed
	if err := xml.Unmarshal(b, &back); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if back.Updated != "2025-06-30T00:00:00Z" || len(back.Entries) != 2 || back.Title != "T & c" || !strings.Contains(string(b), `xml:lang="en"`) {
		t.Errorf("read back: %+v", back)
	}
	if strings.Count(string(b), "<summary>") != 1 {
		t.Errorf("an empty summary is written:\n%s", b)
	}
	f.Entries = nil
	b, _ = Atom(f)
	if err := xml.Unmarshal(b, &back); err != nil || back.Updated != f.Updated {
		t.Errorf("a feed without entries: updated %q, want %q (%v)", back.Updated, f.Updated, err)
	}
}

func TestSitemapAndRobots(t *testing.T) {
	b, err := Sitemap([]URL{{Loc: "https://x/", LastMod: "2024-07-19"}, {Loc: "https://x/a/"}})
	if err != nil {
		t.Fatal(err)
	}
	var back urlset
	if err := xml.Unmarshal(b, &back); err != nil || len(back.URLs) != 2 || back.URLs[0].LastMod != "2024-07-19" {
		t.Errorf("sitemap read back as %+v (%v)", back, err)
	}
	if strings.Count(string(b), "<lastmod>") != 1 {
		t.Errorf("an unknown date is written:\n%s", b)
	}
	if got := string(Robots("")); strings.Contains(got, "Sitemap") {
		t.Errorf("robots.txt without an absolute sitemap URL: %q", got)
	}
	if got := string(Robots("https://x/sitemap.xml")); !strings.HasSuffix(got, "Sitemap: https://x/sitemap.xml\n") {
		t.Errorf("robots.txt: %q", got)
	}
}
