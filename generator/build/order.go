package build

import (
	"slices"

	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/metrics"
)

// groupRows puts each line's targets after its own figures, keeping the
// order of the series and of their sub-series (the order their file
// declares them), as the tiles and the chart's legend have them.
func groupRows(rows []Row, list []*metrics.Series, lang *i18n.Lang) {
	type key struct{ series, sub string }
	at := map[key]int{}
	for _, se := range list {
		for _, line := range se.Lines() {
			k := key{se.TitleIn(lang.Code), line.LabelIn(lang.Code)}
			if _, ok := at[k]; !ok {
				at[k] = len(at)
			}
		}
	}
	slices.SortStableFunc(rows, func(a, b Row) int {
		return at[key{a.Series, a.Sub}] - at[key{b.Series, b.Sub}]
	})
}
