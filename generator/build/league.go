package build

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/metrics"
	"github.com/tiendo/tiendo/generator/site"
)

// League is a league table: on a metric page, the latest figure of each
// of its series' sub-series; on the metrics index, of each series of a
// theme of league = true (content.Theme). Best first. The page shows it
// sorted, readable without JavaScript; site.js makes each column sortable
// and, on a metric page, the rows filterable by name (the metrics index
// has its own filter).
type League struct {
	Rows     []LeagueRow
	Rank     bool   // a ranking: rank 1 first
	Lower    bool   // lower is better: best first is ascending
	Unit     string // the unit, for the value column's header ("" for ranks and percentages)
	Series   bool   // a row per series (a theme's table), not per sub-series
	NameHead string // the header of the names' column
}

// LeagueRow is one line of a league table. The *Sort fields are the
// keys site.js sorts by, "" where the row has none (it then sorts last).
type LeagueRow struct {
	Name       string
	URL        string // a theme's table: the series' page, site-relative
	Filter     string // a theme's table: the words the metrics index's filter finds the row by
	Value      string // as the source states it: "71/193", "khoảng 150/193", "trên 60%"
	ValueSort  string // the value
	Derived    bool
	Change     string // as the tiles say it, only between comparable figures: "tăng 15 bậc"
	Against    string // and what against: "so với 2022"
	ChangeSort string // how much better: positive when the change went the better way
	Better     string // better, worse, same or ""
	Period     string
	PeriodSort string // the period's last day, YYYY-MM-DD
}

// minLeague is how many sub-series with a figure make a league table.
const minLeague = 2

// league makes the league table of a series with sub-series, or nil. Each
// line's figure and change are the tiles' (metrics.Summarize): the latest
// stated figure, hedged as its source hedges it, and a change only against
// a comparable, unhedged earlier figure. Rows are sorted by value, best
// first (rank 1 first; the lowest first when lower is better), lines with
// no figure last, equal values in the file's order.
func (s *Site) league(lang *i18n.Lang, se *metrics.Series) *League {
	if len(se.Subseries) < minLeague {
		return nil
	}
	var rows []leagueLine
	for _, line := range se.Lines() {
		rows = append(rows, s.leagueLine(lang, se, line.ID, line.LabelIn(lang.Code)))
	}
	head := se.SubseriesNameIn(lang.Code)
	if head == "" {
		head = lang.T("chart.subseries")
	}
	return leagueOf(lang, se, rows, head)
}

// themeLeague makes the league table of a theme's series (checked by
// checkLeagues: of one kind, unit and direction, none with sub-series),
// as league does, or nil.
func (s *Site) themeLeague(lang *i18n.Lang, series []*metrics.Series) *League {
	if len(series) < minLeague {
		return nil
	}
	var rows []leagueLine
	for _, se := range series {
		r := s.leagueLine(lang, se, "", se.TitleIn(lang.Code))
		r.URL, r.Filter = site.Metric(lang, se.ID), filterText(lang, se)
		rows = append(rows, r)
	}
	l := leagueOf(lang, series[0], rows, lang.T("chart.series"))
	if l != nil {
		l.Series = true
	}
	return l
}

// leagueLine is a row of a league table and the value it is sorted by.
type leagueLine struct {
	LeagueRow
	value *float64
}

// leagueLine is the row of one line (sub-series, or "") of a series.
func (s *Site) leagueLine(lang *i18n.Lang, se *metrics.Series, line, name string) leagueLine {
	sum := metrics.Summarize(se, line, s.Data, s.Data.AsOf())
	r := leagueLine{LeagueRow: LeagueRow{Name: name, Value: "–"}}
	if p := sum.Latest; p != nil {
		r.value = p.Value
		r.Value = pointValue(lang, se, p, false)
		r.ValueSort = number(*p.Value)
		r.Derived = p.Derived()
		r.Period, r.PeriodSort = lang.Period(p.Period), p.Period.End().String()
	}
	if r.Change, r.Against = changeParts(lang, se, sum); r.Change != "" {
		if v, ok := changeAmount(se, sum); ok {
			if se.LowerIsBetter() {
				v = -v
			}
			r.ChangeSort = number(v)
		}
		switch {
		case sum.Improved == nil:
			r.Better = "same"
		case *sum.Improved:
			r.Better = "better"
		default:
			r.Better = "worse"
		}
	}
	return r
}

// leagueOf sorts the rows of a league table whose figures are all as se's
// (its kind, unit and direction), or returns nil when fewer than
// minLeague rows have a figure.
func leagueOf(lang *i18n.Lang, se *metrics.Series, rows []leagueLine, head string) *League {
	figures := 0
	for _, r := range rows {
		if r.value != nil {
			figures++
		}
	}
	if figures < minLeague {
		return nil
	}
	slices.SortStableFunc(rows, func(a, b leagueLine) int {
		switch {
		case a.value == nil || b.value == nil:
			return cmp.Compare(boolInt(a.value == nil), boolInt(b.value == nil))
		case se.LowerIsBetter():
			return cmp.Compare(*a.value, *b.value)
		}
		return cmp.Compare(*b.value, *a.value)
	})
	l := &League{Rank: se.Kind == metrics.Rank, Lower: se.LowerIsBetter(), NameHead: head}
	if se.Kind != metrics.Rank && se.Kind != metrics.Rate {
		l.Unit = se.UnitIn(lang.Code)
	}
	for _, r := range rows {
		l.Rows = append(l.Rows, r.LeagueRow)
	}
	return l
}

// checkLeagues checks the themes of league = true: their series go in one
// table, so they are of one kind, unit and direction, and have no
// sub-series.
func checkLeagues(cfg *content.Config, data *metrics.Data) diag.List {
	var errs diag.List
	for i, t := range cfg.Themes {
		if !t.League {
			continue
		}
		var first *metrics.Series
		for _, se := range data.Series {
			if se.Theme != t.ID {
				continue
			}
			switch {
			case len(se.Subseries) > 0:
				errs.Add(cfg.ThemePos(i, "league"), "theme %q: league = true lists each of its series on one row, but %q has sub-series (its own page has their league table): give it another theme, or remove league", t.ID, se.ID)
			case first == nil:
				first = se
			case se.Kind != first.Kind || se.Unit != first.Unit || se.Better != first.Better:
				errs.Add(cfg.ThemePos(i, "league"), "theme %q: league = true compares its series in one table, so they must be of one kind, unit and direction: %q is %s, %q is %s", t.ID, first.ID, leagueKind(first), se.ID, leagueKind(se))
			}
		}
	}
	return errs
}

// leagueKind says what of a series must agree in a theme's league table.
func leagueKind(se *metrics.Series) string {
	return fmt.Sprintf("kind = %q, unit = %q, better = %q", se.Kind, se.Unit, se.Better)
}

// changeAmount is the number a change is said in (charts.ChangeWords):
// places, points, percent or the unit.
func changeAmount(se *metrics.Series, sum metrics.Summary) (float64, bool) {
	switch {
	case sum.Change != nil && (se.Kind == metrics.Rank || se.Kind == metrics.Rate || se.Kind == metrics.Index):
		return *sum.Change, true
	case sum.ChangePct != nil:
		return *sum.ChangePct, true
	case sum.Change != nil:
		return *sum.Change, true
	}
	return 0, false
}

func number(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
