package build

import (
	"github.com/tiendo/tiendo/generator/charts"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/metrics"
)

// progressWords says what a tile's progress bar shows, in the figures it
// is made of: the latest value against the target ("58% / mục tiêu 80%
// (2025)"), and the earlier figure the distance is measured from, when it
// is ("từ 45,5% năm 2021"). A bare percentage of the way would be a
// figure no source states.
func progressWords(lang *i18n.Lang, se *metrics.Series, sum metrics.Summary, target string) (against, baseline string) {
	if sum.Latest == nil || target == "" {
		return "", ""
	}
	p := sum.Latest
	against = lang.T("tile.against", charts.Hedged(lang, formatValue(lang, se, p.Value, p.Of), p.Qualifier, p.Flag), target)
	if b := sum.Baseline; b != nil {
		baseline = lang.T("tile.baseline", formatValue(lang, se, b.Value, b.Of), lang.InPeriod(b.Period))
	}
	return against, baseline
}

// seriesTile is the one tile of a series on the home page and the metrics
// index: a series with sub-series shows them inside it, in the order its
// file declares them, under its title once.
func (s *Site) seriesTile(lang *i18n.Lang, se *metrics.Series) []Tile {
	lines := s.tiles(lang, se)
	if len(lines) < 2 {
		return lines
	}
	return []Tile{{Series: se, Subs: lines, Status: "group"}}
}
