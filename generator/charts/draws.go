package charts

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
