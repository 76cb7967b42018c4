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
	Previous  *Point   // the stated or derived point before Latest, if any
	Change    *float64 // Latest - Previous (or the change the source states)
	ChangePct *float64 // percent change, for amounts and counts
	Improved  *bool    // whether the change goes the better way
	Target    *Target  // the target judged against
	Progress  *float64 // 0–100: how far from the first point to the target
	Status    string
}

// Summarize computes the headline of one line of s, judged at asOf.
//
// The method, also stated on the methodology page:
//   - Latest is the point with the latest period (when two sources report the
//     same period, the one published later). Previous is the latest point of an
//     earlier period counted out of the same total (`of`): "54/76" is compared
//     with "43/76", never with "43/53". Change is the change the source states
//     with the latest point, else latest minus previous.
//   - A line without any stated value has status "not enough data".
//   - The target judged is the earliest one whose deadline has not passed at
//     the latest point's period; if all have passed, the latest deadline.
//   - Achieved: the latest value meets the target (≥, or ≤ when lower is better).
//   - Off track: the deadline has passed at asOf and it is not met.
//   - Otherwise the pace so far (from the first point to the latest) is
//     compared with the pace needed (from the latest point to the target by the
//     deadline): at least the needed pace is on track, at least half of it is at
//     risk, less is off track. With a single point: not enough data.
//   - Progress is the share of the distance from the first point to the target
//     covered by the latest point, between 0 and 100. With a single period it
//     is latest ÷ target (not computed for ranks or when lower is better).
//     When two targets share a deadline, the first in the file is judged.
func Summarize(s *Series, sub string, d *Data, asOf calendar.Date) Summary {
	sum := Summary{Series: s, Subseries: sub, Status: NoData}
	points := s.PointsOf(sub)
	if len(points) == 0 {
		return sum
	}
	sum.Latest = latest(points, d)
	sum.Previous = previous(points, sum.Latest)
	lv := *sum.Latest.Value
	switch {
	case sum.Latest.Change != nil:
		sum.Change = ptr(*sum.Latest.Change)
	case sum.Previous != nil:
		sum.Change = ptr(lv - *sum.Previous.Value)
	}
	if sum.Latest.ChangePct != nil {
		sum.ChangePct = ptr(*sum.Latest.ChangePct)
	} else if sum.Previous != nil && *sum.Previous.Value != 0 && (s.Kind == Amount || s.Kind == Count) {
		sum.ChangePct = ptr((lv/(*sum.Previous.Value) - 1) * 100)
	}
	if sum.Change != nil && *sum.Change != 0 {
		better := (*sum.Change < 0) == s.LowerIsBetter()
		sum.Improved = &better
	}

	targets := s.TargetsOf(sub)
	if len(targets) == 0 {
		sum.Status = NoTarget
		return sum
	}
	end := sum.Latest.Period.End()
	sum.Target = targets[len(targets)-1]
	for _, t := range targets {
		if !t.By.End().Before(end) {
			sum.Target = t
			break
		}
	}
	tv := *sum.Target.Value
	meets := func(v float64) bool {
		if s.LowerIsBetter() {
			return v <= tv
		}
		return v >= tv
	}
	first := points[0]
	if first.Period.Compare(sum.Latest.Period) < 0 && *first.Value != tv {
		prog := (lv - *first.Value) / (tv - *first.Value) * 100
		sum.Progress = ptr(math.Max(0, math.Min(100, prog)))
	} else if !s.LowerIsBetter() && tv > 0 && s.Kind != Rank {
		sum.Progress = ptr(math.Max(0, math.Min(100, lv/tv*100)))
	}
	deadline := sum.Target.By.End()
	switch {
	case meets(lv):
		sum.Status = Achieved
		sum.Progress = ptr(100)
	case deadline.Before(asOf):
		sum.Status = OffTrack
	case first.Period.Compare(sum.Latest.Period) >= 0:
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

// previous returns the latest point of an earlier period than p that counts
// out of the same total ("43/76" is not compared with "54/76"'s predecessor
// "43/53"), or nil.
func previous(points []*Point, p *Point) *Point {
	for i := len(points) - 1; i >= 0; i-- {
		q := points[i]
		if q.Period.Compare(p.Period) < 0 && sameOf(q.Of, p.Of) {
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
// data's as-of date: series without a point in over a year, and commitments
// whose deadline passed with no status reported.
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
		if !updated.IsZero() && updated.Days(asOf) > StaleDays {
			w.Warn(s.Pos, "series %q was last updated from a source of %s, more than a year before the newest source (%s)", s.ID, updated, asOf)
		}
	}
	for _, c := range d.Commitments {
		if c.Status == "" && c.Due.End().Before(asOf) && c.Checked.Before(asOf) {
			w.Warn(c.Pos, "commitment %q was due %s and no source reports its status; when you have checked the sources, set checked = %s", c.ID, c.Due, asOf)
		}
	}
	return w
}
