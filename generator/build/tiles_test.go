package build_test

import (
	"strings"
	"testing"

	"github.com/tiendo/tiendo/generator/build"
)

// Progress is shown as the value against the target, with the figure it
// is measured from, never as a bare share of the way.
func TestProgressAgainstTarget(t *testing.T) {
	out := render(t, fixture(t), build.Options{})
	for _, c := range []struct{ page, want string }{
		{metricVI, `<label>42% / mục tiêu 100% (2025), từ 17% tính đến 31/12/2023<progress`},
		{"en/metrics/online-records-share/index.html", `<label>42% / target 100% (2025), from 17% as of 31 December 2023<progress`},
	} {
		h := string(out[c.page])
		if !strings.Contains(h, c.want) {
			t.Errorf("%s: no %s", c.page, c.want)
		}
		if strings.Contains(h, "Tiến độ tới mục tiêu") || strings.Contains(h, "Progress to target") {
			t.Errorf("%s: a bare progress percentage", c.page)
		}
	}
}
