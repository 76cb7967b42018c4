package build

import (
	"strings"

	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/metrics"
)

// compactIndex is the number of series from which the metrics index lists
// each series on one line rather than as a tile: at 200 tiles the page is
// tens of thousands of pixels tall on a phone.
const compactIndex = 200

// IndexLine is a series on one line of a large site's metrics index.
type IndexLine struct {
	Series *metrics.Series
	Filter string // the words the filter finds it by
	Tile   *Tile  // its latest figure, if it has one
}

// metricsIndex fills the metrics index: the themes, each with one tile per
// series (its sub-series inside it) or, from compactIndex series on, one
// line per series, or a theme of league = true its league table; every
// tile, line or row with the words the filter finds it by.
func (s *Site) metricsIndex(r *reads, v *View) {
	v.Themes = s.themes(r, v.Lang)
	n := 0
	for _, th := range v.Themes {
		n += len(th.Series)
	}
	v.Compact = n >= compactIndex
	for i := range v.Themes {
		th := &v.Themes[i]
		if th.league {
			if th.League = s.themeLeague(v.Lang, th.Series); th.League != nil {
				continue
			}
		}
		for _, se := range th.Series {
			filter := filterText(v.Lang, se)
			tiles := s.seriesTile(v.Lang, se)
			if v.Compact {
				line := IndexLine{Series: se, Filter: filter}
				if len(tiles) > 0 {
					line.Tile = &tiles[0]
				}
				th.Lines = append(th.Lines, line)
				continue
			}
			for _, t := range tiles {
				t.Filter = filter
				th.Tiles = append(th.Tiles, t)
			}
		}
	}
}

// filterText is what the metrics index's filter matches a series by: its
// title, id, unit, aliases, and its sub-series' labels and aliases, in
// lower case (the filter also folds the diacritics of both sides).
func filterText(lang *i18n.Lang, se *metrics.Series) string {
	return strings.ToLower(se.TitleIn(lang.Code) + " " + searchText(se, lang.Code))
}
