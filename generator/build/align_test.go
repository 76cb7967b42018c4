package build_test

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/generator/build"
)

// Numbers line up on the right: a markdown column written --: keeps the
// class goldmark's alignment becomes (the page's CSS allows no style
// attribute), the stylesheet aligns it, and the site's own tables mark
// their numeric columns .num, which it aligns too.
func TestNumericColumnsRightAligned(t *testing.T) {
	css, err := os.ReadFile("../../assets/css/site.css")
	if err != nil {
		t.Fatal(err)
	}
	for _, sel := range []string{`\.num`, `td\.align-right`} {
		if !regexp.MustCompile(`(?m)^[^{}]*` + sel + `[^{}]*\{[^}]*text-align: right`).Match(css) {
			t.Errorf("site.css does not right-align %s", sel)
		}
	}
	out := render(t, fixture(t), build.Options{})
	report := string(out[reportVI])
	if !strings.Contains(report, `<td class="align-right">42%</td>`) || strings.Contains(report, ` align="`) || strings.Contains(report, ` style="`) {
		t.Error("the report's --: column is not marked align-right (or has an align or style attribute)")
	}
	for _, want := range []string{`<th scope="col" class="num">`, `<td class="num">42%</td>`} {
		if !strings.Contains(string(out[metricVI]), want) {
			t.Errorf("the metric page's table has no %s", want)
		}
	}
}

// Link underlines clear the dots Vietnamese puts below letters (ạ, ệ, ự,
// ị, ụ): at .15em the underline ran through them.
func TestUnderlineClearsDotsBelow(t *testing.T) {
	css, err := os.ReadFile("../../assets/css/site.css")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^a \{[^}]*text-underline-offset: ([0-9.]+)em`).FindSubmatch(css)
	if m == nil {
		t.Fatal("site.css sets no text-underline-offset on links")
	}
	if off, _ := strconv.ParseFloat(string(m[1]), 64); off < .28 {
		t.Errorf("text-underline-offset %sem: the underline meets the dots below ệ, ự, ị", m[1])
	}
	if !regexp.MustCompile(`(?m)^a \{[^}]*text-decoration-skip-ink: auto`).Match(css) {
		t.Error("links do not skip ink")
	}
}
