package build_test

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/tiendo/tiendo/generator/build"
)

// langSite is the site of testdata/langs/<name>.txtar, in memory.
func langSite(t *testing.T, name string) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "langs", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for _, f := range ar.Files {
		m[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return m
}

// htmlWith lists the HTML files of out that contain s.
func htmlWith(out build.Output, s string) []string {
	var files []string
	for _, name := range sortedKeys(out) {
		if strings.HasSuffix(name, ".html") && strings.Contains(string(out[name]), s) {
			files = append(files, name)
		}
	}
	return files
}

// TestEnglishOnlySite builds a site in English alone, with no commitments,
// reports or notes: no Vietnamese is asked for, English is at /, and
// nothing links to what the site does not have.
func TestEnglishOnlySite(t *testing.T) {
	out := render(t, langSite(t, "en"), build.Options{BaseURL: "/"})
	if home := string(out["index.html"]); !strings.Contains(home, `<html lang="en">`) || !strings.Contains(home, "Viet Nam in the UN E-Government Survey") {
		t.Errorf("the home page is not the English one:\n%.600s", home)
	}
	for _, name := range sortedKeys(out) {
		for _, prefix := range []string{"en/", "vi/", "commitments/", "feed.xml"} {
			if strings.HasPrefix(name, prefix) {
				t.Errorf("an English-only site without commitments, reports or notes has %s", name)
			}
		}
	}
	for _, absent := range []string{
		"/commitments/", `class="lang"`, "Tiếng Việt", `hreflang="vi"`, // no other language, no commitments
		"No target", "status-no-target\"><p", // no status without a target
		`href="/feed.xml"`, "/reports/", "/notes/", // no feed, no empty sections
		"dinh danh", "Vietnamese words", "official", // the first site's wording
		`id="h-reports"`, // no list of the latest reports and notes
	} {
		if files := htmlWith(out, absent); len(files) > 0 {
			t.Errorf("%q is in %s", absent, strings.Join(files, ", "))
		}
	}
	for file, want := range map[string]string{
		"index.html":                   "The figures on this site come from statistics; each names its source.",
		"search/index.html":            "Search the survey&#39;s figures.",
		"metrics/egdi/index.html":      "0.7709",
		"metrics/egdi-rank/index.html": "71/193",
		"about/index.html":             `<html lang="en">`,
	} {
		if !strings.Contains(string(out[file]), want) {
			t.Errorf("%s does not show %q", file, want)
		}
	}
	for _, file := range []string{"sitemap.xml", "search/index-data.json"} {
		if b := string(out[file]); b == "" || strings.Contains(b, "commitment") {
			t.Errorf("%s is missing or names commitments", file)
		}
	}

	// A page named for the default language, or for one the site does
	// not have, is an error at the file.
	for _, name := range []string{"content/pages/about.en.md", "content/pages/about.vi.md"} {
		fsys := langSite(t, "en")
		fsys[name] = fsys["content/pages/about.md"]
		_, errs := build.Load(siteFS(fsys), build.Options{})
		if !strings.Contains(errs.Error(), name+":1:1: ") {
			t.Errorf("%s on an English-only site: %v", name, errs)
		}
	}
}

// TestEnglishThenVietnamese builds the English site with Vietnamese as its
// second language: English at /, Vietnamese under /vi/, with Vietnamese
// numbers and interface, and the English texts of the data where it has
// no Vietnamese ones.
func TestEnglishThenVietnamese(t *testing.T) {
	fsys := langSite(t, "en")
	fsys["content/site.toml"].Data = []byte(strings.Replace(string(fsys["content/site.toml"].Data), `["en"]`, `["en", "vi"]`, 1))
	fsys["content/pages/about.vi.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Giới thiệu\"\n+++\n\nSố liệu từ [khảo sát](/vi/sources/un-egov-2024/).\n")}
	out := render(t, fsys, build.Options{BaseURL: "/"})
	home, vi := string(out["index.html"]), string(out["vi/index.html"])
	if !strings.Contains(home, `<html lang="en">`) || !strings.Contains(home, `<a href="/vi/" hreflang="vi" lang="vi">Tiếng Việt</a>`) {
		t.Errorf("the home page is not English, linking to the Vietnamese one:\n%.1500s", home)
	}
	if !strings.Contains(vi, `<html lang="vi">`) || !strings.Contains(vi, `<a href="/" hreflang="en" lang="en">English</a>`) {
		t.Errorf("vi/index.html is not Vietnamese, linking to the English one:\n%.1500s", vi)
	}
	if page := string(out["vi/metrics/egdi/index.html"]); !strings.Contains(page, "0,7709") || !strings.Contains(page, "E-Government Development Index") {
		t.Errorf("the Vietnamese page of a series has not its number in Vietnamese and its English title")
	}
	if !strings.Contains(string(out["vi/about/index.html"]), "Giới thiệu") {
		t.Error("about.vi.md is not at vi/about/")
	}
	for _, name := range sortedKeys(out) {
		if strings.HasPrefix(name, "en/") {
			t.Errorf("the default language has a prefix: %s", name)
		}
	}
}

// TestVietnameseOnlySite builds a site in Vietnamese alone: no English is
// asked for, and no page links to an English one.
func TestVietnameseOnlySite(t *testing.T) {
	out := render(t, langSite(t, "vi"), build.Options{BaseURL: "/"})
	if home := string(out["index.html"]); !strings.Contains(home, `<html lang="vi">`) {
		t.Errorf("the home page is not Vietnamese:\n%.600s", home)
	}
	for _, name := range sortedKeys(out) {
		if strings.HasPrefix(name, "en/") {
			t.Errorf("a Vietnamese-only site has %s", name)
		}
	}
	for _, absent := range []string{`class="lang"`, `hreflang="en"`, "English"} {
		if files := htmlWith(out, absent); len(files) > 0 {
			t.Errorf("%q is in %s", absent, strings.Join(files, ", "))
		}
	}
	// What the site has is there, and linked.
	for file, want := range map[string]string{
		"index.html":                          `href="/commitments/"`,
		"commitments/index.html":              "Kết nối dữ liệu dân cư.",
		"metrics/ho-so-truc-tuyen/index.html": "42,5%",
		"notes/hop-thang-7/index.html":        `type="application/atom+xml"`,
	} {
		if !strings.Contains(string(out[file]), want) {
			t.Errorf("%s does not show %q", file, want)
		}
	}
	if out["feed.xml"] == nil {
		t.Error("no feed of the notes")
	}
}
