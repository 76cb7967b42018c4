package metrics

import (
	"math"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/diag"
)

// Status of a line against its target.
const (
	Achieved  = "achieved"
	OnTrack   = "on-track"
	AtRisk    = "at-risk"
	OffTrack  = "off-track"
	NoData    = "no-data"   // not enough data to judge
	NoTarget  = "no-target" // the line has no target
	StaleDays = 366
)

// Summary is what a headline tile shows for one line of a series.
type Summary struct {
	Series    *Series
	Subseries string
	Latest    *Point
	Previous  *Point   // the comparable quoted point a computed change is against, if any
	Change    *float64 // the change the source states, else Latest - Previous
	ChangePct *float64 // percent change: stated, else computed for amounts and counts
	// Stated: the change is the source's own (qualified by ChangeQualifier,
	// against ChangeSince when the source names it); otherwise computed.
	Stated          bool
	ChangeQualifier string
	ChangeSince     *calendar.Period
	// ChangeFlag is the flag (estimate, provisional) of a figure a
	// computed change is made from, if any.
	ChangeFlag string
	Improved   *bool   // whether the change goes the better way
	Target     *Target // the target judged against
	Progress   *float64
	// Baseline is the point Progress is measured from, when it is the
	// share of the distance from an earlier point to the target; nil when
	// Progress is latest ÷ target.
	Baseline *Point
	Status   string
}

// Summarize computes the headline of one line of s, judged at asOf.
//
// The method, also stated on the methodology page:
//   - Only points with a value and a stated time count (not gaps, not
//     "unstated", not planned figures). Latest is the point with the latest period (when two
//     sources report the same period, the one published later).
//   - A change the source states with the latest point (change, change_pct)
//     is the change shown, with its qualifier and the period it is against:
//     change_since, else the previous point (below) when the stated change
//     is their difference (a percentage rounded as the source writes it).
//     Otherwise a change is computed against Previous: the latest earlier
//     point that is quoted (not derived), of a comparable period (year with
//     year, half with half, span with span of equal length, as-of with
//     as-of), counted out of the same total (`of`: "54/76" is never compared
//     with "43/53"), and not hedged: no change is computed from a bound
//     ("trên", "gần": qualifier) on either side. A percentage is computed
//     only for amounts and counts; ranks change in places, rates and indexes
//     in points; a count out of a total ("54/76") in units.
//   - A line without any stated value has status "not enough data".
//   - The target judged is the earliest one whose deadline has not passed at
//     the latest point's period; if all have passed, the latest deadline.
//   - Achieved: the latest value meets the target (≥, or ≤ when lower is
//     better); a bound meets it only when the bound itself does ("trên 80"
//     meets 80, "gần 80" does not).
//   - Off track: the deadline has passed at asOf and it is not met (for a
//     bound, when the bound is surely short: "gần 80%" of a 90% target).
//   - Otherwise the pace so far (from the first point to the latest, both
//     unhedged) is compared with the pace needed (from the latest point to
//     the target by the deadline): at least the needed pace is on track, at
//     least half of it is at risk, less is off track. With a single point or
//     a hedged one: not enough data.
//   - Progress is the share of the distance from the first point to the
//     target covered by the latest point, between 0 and 100; with a single
//     period it is latest ÷ target (not for ranks, nor when lower is better).
//     It is not computed from a hedged value. Baseline is that first point,
//     so that the page names what progress is measured from.
func Summarize(s *Series, sub string, d *Data, asOf calendar.Date) Summary {
	sum := Summary{Series: s, Subseries: sub, Status: NoData}
	var points []*Point
	for _, p := range s.PointsOf(sub) {
		// A planned figure ("dự kiến") is not a result: it neither meets a
		// target nor enters a change.
		if p.Value != nil && !p.IsGap() && p.Period.Timed() && p.Flag != Planned {
			points = append(points, p)
		}
	}
	if len(points) == 0 {
		if len(s.TargetsOf(sub)) == 0 {
			sum.Status = NoTarget
		}
		return sum
	}
	sum.Latest = latest(points, d)
	l := sum.Latest
	lv := *l.Value
	hedged := Bound(l.Qualifier)
	if !hedged {
		sum.Previous = previous(points, l)
	}
	switch {
	case l.Change != nil || l.ChangePct != nil:
		sum.Stated, sum.ChangeQualifier, sum.ChangeSince = true, l.ChangeQualifier, l.ChangeSince
		if l.Change != nil {
			sum.Change = ptr(*l.Change)
		}
		if l.ChangePct != nil {
			sum.ChangePct = ptr(*l.ChangePct)
		}
		if !agrees(sum, lv) {
			sum.Previous = nil // the stated change is not against that point
		}
	case sum.Previous != nil:
		pv := *sum.Previous.Value
		sum.Change = ptr(lv - pv)
		if pv != 0 && l.Of == nil && (s.Kind == Amount || s.Kind == Count) {
			// "54/76" after "43/76" is 11 more, not a percentage.
			sum.ChangePct = ptr((lv/pv - 1) * 100)
		}
		sum.ChangeFlag = l.Flag
		if sum.ChangeFlag == "" {
			sum.ChangeFlag = sum.Previous.Flag
		}
	}
	switch {
	case sum.Change != nil && *sum.Change != 0:
		better := (*sum.Change < 0) == s.LowerIsBetter()
		sum.Improved = &better
	case sum.Change == nil && sum.ChangePct != nil && *sum.ChangePct != 0:
		better := (*sum.ChangePct < 0) == s.LowerIsBetter()
		sum.Improved = &better
	}

	targets := s.TargetsOf(sub)
	if len(targets) == 0 {
		sum.Status = NoTarget
		return sum
	}
	end := l.Period.End()
	sum.Target = targets[len(targets)-1]
	for _, t := range targets {
		if !t.By.End().Before(end) {
			sum.Target = t
			break
		}
	}
	tv := *sum.Target.Value
	meets := func(v float64, q string) bool {
		if s.LowerIsBetter() {
			return v <= tv && (q == "" || q == Exact || q == Under || q == AtMost)
		}
		return v >= tv && (q == "" || q == Exact || q == Over || q == AtLeast)
	}
	first := points[0]
	for _, p := range points {
		if !Bound(p.Qualifier) {
			first = p
			break
		}
	}
	switch {
	case hedged || Bound(first.Qualifier):
	case first.Period.Compare(l.Period) < 0 && *first.Value != tv:
		prog := (lv - *first.Value) / (tv - *first.Value) * 100
		sum.Progress = ptr(math.Max(0, math.Min(100, prog)))
		sum.Baseline = first
	case !s.LowerIsBetter() && tv > 0 && s.Kind != Rank:
		sum.Progress = ptr(math.Max(0, math.Min(100, lv/tv*100)))
	}
	deadline := sum.Target.By.End()
	switch {
	case meets(lv, l.Qualifier):
		sum.Status = Achieved
		sum.Progress, sum.Baseline = ptr(100), nil // met: not measured from anything
	case deadline.Before(asOf) && (!hedged || cannotMeet(s, lv, tv, l.Qualifier)):
		sum.Status = OffTrack
	case hedged || Bound(first.Qualifier) || first.Period.Compare(l.Period) >= 0:
		sum.Status = NoData
	default:
		done := float64(first.Period.End().Days(end))
		left := float64(end.Days(deadline))
		if done <= 0 {
			break
		}
		pace := (lv - *first.Value) / done
		need := (tv - lv) / math.Max(left, 1)
		ratio := pace / need // need is non-zero: the target is not met
		switch {
		case ratio >= 1:
			sum.Status = OnTrack
		case ratio >= 0.5:
			sum.Status = AtRisk
		default:
			sum.Status = OffTrack
		}
	}
	return sum
}

// cannotMeet reports whether a hedged value v is surely short of the
// target tv: "gần 80%" (at most 80) cannot meet 90.
func cannotMeet(s *Series, v, tv float64, q string) bool {
	if s.LowerIsBetter() {
		return v > tv && (q == Over || q == AtLeast)
	}
	return v < tv && (q == Under || q == AtMost || q == Nearly)
}

// agrees reports whether a stated change is the difference between the
// latest value lv and sum.Previous, so that the tile may name its period:
// exactly for a change in units, to the stated precision for a percentage
// (36.4 % is "36 %", 36.6 % is not), never for a hedged change.
func agrees(sum Summary, lv float64) bool {
	p := sum.Previous
	if p == nil || Bound(sum.ChangeQualifier) || sum.ChangeSince != nil {
		return false
	}
	pv := *p.Value
	if sum.Change != nil && math.Abs(lv-pv-*sum.Change) > 1e-9 {
		return false
	}
	if sum.ChangePct != nil {
		// The computed percentage must round to the stated one.
		half := 0.5 / math.Pow(10, float64(decimalsOf(*sum.ChangePct)))
		if pv == 0 || math.Abs((lv/pv-1)*100-*sum.ChangePct) >= half {
			return false
		}
	}
	return true
}

// previous returns the latest quoted, unhedged point of an earlier period
// comparable with p's that counts out of the same total ("54/76" is not
// compared with "43/53"), or nil.
func previous(points []*Point, p *Point) *Point {
	for i := len(points) - 1; i >= 0; i-- {
		q := points[i]
		if q.Period.Compare(p.Period) < 0 && q.Period.Comparable(p.Period) && sameOf(q.Of, p.Of) &&
			q.Quoted() && !Bound(q.Qualifier) {
			return q
		}
	}
	return nil
}

func sameOf(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// latest returns the point with the latest period; among points of that
// period, the one whose source is newest.
func latest(points []*Point, d *Data) *Point {
	best := points[len(points)-1]
	for _, p := range points {
		if p.Period != best.Period || p.Derived() {
			continue
		}
		if ps, bs := d.Source(p.Source), d.Source(best.Source); ps != nil && bs != nil && bs.Date.Before(ps.Date) {
			best = p
		}
	}
	return best
}

func ptr(v float64) *float64 { return &v }

// Warnings lists what is not wrong but needs an editor's eye, judged at the
// site's as_of date: series without a point in over a year, and commitments
// whose deadline passed with no report.
func Warnings(d *Data) diag.List {
	var w diag.List
	asOf := d.AsOf()
	for _, s := range d.Series {
		var updated calendar.Date // date of the newest source any point cites
		for _, p := range s.Points {
			if src := d.Source(p.Source); src != nil && updated.Before(src.Date) {
				updated = src.Date
			}
		}
		if !updated.IsZero() && !asOf.IsZero() && updated.Days(asOf) > StaleDays {
			w.Warn(s.Pos, "series %q was last updated from a source of %s, more than a year before the site's as_of date (%s)", s.ID, updated, asOf)
		}
	}
	for _, c := range d.Commitments {
		at := c.JudgedAt(d)
		if due, dated := c.Deadline(); dated && due.Before(at) && c.StatusAt(at) == nil && c.Checked.Before(at) {
			if !c.DueBefore.IsZero() {
				w.Warn(c.Pos, "commitment %q was due before %s and no source reports on it; when you have looked through the sources for a report, set checked = %s", c.ID, c.DueBefore, at)
			} else {
				w.Warn(c.Pos, "commitment %q was due by %s and no source reports on it; when you have looked through the sources for a report, set checked = %s", c.ID, due, at)
			}
		}
	}
	return w
}
