package build

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/metrics"
)

// League is a metric page's league table: the latest figure of each of
// its series' sub-series, best first. The page shows it sorted, readable
// without JavaScript; site.js makes each column sortable and the rows
// filterable by name.
type League struct {
	Rows  []LeagueRow
	Rank  bool   // a ranking: rank 1 first
	Lower bool   // lower is better: best first is ascending
	Unit  string // the unit, for the value column's header ("" for ranks and percentages)
}

// LeagueRow is one sub-series of a league table. The *Sort fields are the
// keys site.js sorts by, "" where the row has none (it then sorts last).
type LeagueRow struct {
	Name       string
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
	type row struct {
		LeagueRow
		value *float64
	}
	var rows []row
	figures := 0
	for _, line := range se.Lines() {
		sum := metrics.Summarize(se, line.ID, s.Data, s.Data.AsOf())
		r := row{LeagueRow: LeagueRow{Name: line.LabelIn(lang.Code), Value: "–"}}
		if p := sum.Latest; p != nil {
			figures++
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
		rows = append(rows, r)
	}
	if figures < minLeague {
		return nil
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		switch {
		case a.value == nil || b.value == nil:
			return cmp.Compare(boolInt(a.value == nil), boolInt(b.value == nil))
		case se.LowerIsBetter():
			return cmp.Compare(*a.value, *b.value)
		}
		return cmp.Compare(*b.value, *a.value)
	})
	l := &League{Rank: se.Kind == metrics.Rank, Lower: se.LowerIsBetter()}
	if se.Kind != metrics.Rank && se.Kind != metrics.Rate {
		l.Unit = se.UnitIn(lang.Code)
	}
	for _, r := range rows {
		l.Rows = append(l.Rows, r.LeagueRow)
	}
	return l
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
