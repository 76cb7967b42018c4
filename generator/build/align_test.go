package build_test

import (
	"os"
	"regexp"
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
