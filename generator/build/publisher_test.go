package build_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tiendo/tiendo/generator/build"
)

// English pages name a source's publisher in English (publisher_en) where
// they cite it: the evidence list, the chart's sources and the sources page.
func TestEnglishPublisher(t *testing.T) {
	fsys := fixture(t)
	vi := `publisher = "Trung tâm Công nghệ thông tin và Truyền thông Nghệ An"`
	src := string(fsys["content/sources.toml"].Data)
	if !strings.Contains(src, vi) {
		t.Fatal("the fixture's Nghệ An source has changed")
	}
	src = strings.Replace(src, vi, vi+"\npublisher_en = \"Nghệ An ICT Centre\"", 1)
	fsys["content/sources.toml"] = &fstest.MapFile{Data: []byte(src)}
	out := render(t, fsys, build.Options{})
	for _, page := range []string{"en/metrics/online-records-share/index.html", "en/sources/index.html"} {
		h := string(out[page])
		if !strings.Contains(h, `lang="en">Nghệ An ICT Centre<`) {
			t.Errorf("%s does not name the publisher in English", page)
		}
		if strings.Contains(h, "Trung tâm Công nghệ thông tin và Truyền thông Nghệ An") {
			t.Errorf("%s names the publisher in Vietnamese", page)
		}
	}
	if !strings.Contains(string(out[metricVI]), "Trung tâm Công nghệ thông tin và Truyền thông Nghệ An") {
		t.Error("the Vietnamese page lost the Vietnamese name")
	}
}
