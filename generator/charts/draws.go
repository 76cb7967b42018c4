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
	for _, s := range spec.Series {
		for _, sub := range s.Lines() {
			if drawsLine(spec, s, sub.ID) {
				return true
			}
		}
	}
	return false
}

// drawsLine reports whether collect keeps the line of sub-series sub of s:
// one that the spec does not leave out and that has a point with a value
// or a target within the spec's range. It asks what collect asks, without
// building the line.
func drawsLine(spec Spec, s *metrics.Series, sub string) bool {
	if !spec.picks(sub) {
		return false
	}
	for i := range s.Points {
		p := &s.Points[i]
		if p.Subseries == sub && p.Period.Timed() && spec.Covers(p.Period) && !p.IsGap() && p.Value != nil {
			return true
		}
	}
	for i := range s.Targets {
		t := &s.Targets[i]
		if t.Subseries == sub && t.Value != nil && t.By != nil && spec.Covers(*t.By) {
			return true
		}
	}
	return false
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
