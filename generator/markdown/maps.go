package markdown

import (
	"regexp"

	"github.com/yuin/goldmark/ast"
)

var mapIDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// mapKeys checks the keys of a chart block that only a map has: map and
// period need type = "map", and a map draws every sub-series of one
// series.
func (d *doc) mapKeys(f *ast.FencedCodeBlock, c *Chart, m map[string]any) {
	if c.Type != "map" {
		for _, key := range []string{"map", "period"} {
			if _, set := m[key]; set {
				d.errs.Add(d.keyPos(f, key, c.Pos), `chart: %q is a map's: add type = "map", or take it out`, key)
			}
		}
		return
	}
	if c.Map != "" && !mapIDPattern.MatchString(c.Map) {
		d.errs.Add(d.keyPos(f, "map", c.Pos), `chart: map %q is not a map's id: "world", or the name of a file content/maps/<id>.toml without .toml`, c.Map)
	}
	for _, key := range []string{"subseries", "highlight"} {
		if _, set := m[key]; set {
			d.errs.Add(d.keyPos(f, key, c.Pos), "chart: a map colours every sub-series of its series, so it takes no %q: take it out", key)
		}
	}
	if len(c.Metrics) > 1 {
		d.errs.Add(d.keyPos(f, "metrics", c.Pos), "chart: a map colours the sub-series of one series: metrics = [%q]", c.Metrics[0])
	}
}
