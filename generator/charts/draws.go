package charts

import "github.com/tiendo/tiendo/generator/metrics"

// Draws reports whether Option has anything to draw for spec: a timed point
// with a value, or a target, within its range. Without one, Option fails
// ("nothing to draw"); the generator asks first when it lists the pages a
// chart has (its embed page), before any chart is built.
func Draws(spec Spec) bool {
	for _, s := range spec.Series {
		if s == nil {
			return false
		}
	}
	lines, _ := collect(spec, "")
	return len(lines) > 0
}

// MapDraws reports whether MapOption has anything to draw for se, with no
// range: a sub-series with a figure, or a gap, of a stated period. Like
// Draws, it is asked before any map is built.
func MapDraws(se *metrics.Series) bool {
	for _, sub := range se.Subseries {
		for _, p := range se.PointsOf(sub.ID) {
			if onMap(p) {
				return true
			}
		}
	}
	return false
}

// onMap reports whether a figure takes part in a map: one of a stated
// period, with a value or marking a gap.
func onMap(p *metrics.Point) bool { return p.Period.Timed() && (p.Value != nil || p.IsGap()) }
