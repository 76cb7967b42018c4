package metrics

import (
	"slices"
	"strings"

	"github.com/tiendo/tiendo/generator/calendar"
)

// Kinds of change a source brings.
const (
	NewPoint      = "point"      // a figure of a period nothing reported before
	Revision      = "revision"   // a figure restating, differently, one an earlier source reported
	NewTarget     = "target"     // a target
	NewCommitment = "commitment" // a task assigned
	NewReport     = "report"     // a report on a task
)

// Change is one thing a source added to the site. Revision keeps both
// figures: Point (the later) and Previous (the earlier).
type Change struct {
	Kind     string
	Series   *Series
	Point    *Point
	Previous *Point // for a revision
	Target   *Target
	Task     *Commitment
	Report   *Report
}

// SourceChanges is what one source added.
type SourceChanges struct {
	Source  *Source
	Changes []Change
}

// Changes lists, newest source first (then by id), what each source added
// or changed: its points (a later source restating an earlier period of
// the same line with another value or qualifier is a revision), targets,
// tasks and reports on tasks. Sources that add nothing are left out.
func (d *Data) Changes() []SourceChanges {
	by := map[string][]Change{}
	for _, s := range d.Series {
		restated := d.restatements(s)
		for i := range s.Points {
			p := &s.Points[i]
			if p.Derived() || p.Source == "" {
				continue
			}
			c := Change{Kind: NewPoint, Series: s, Point: p}
			if q := restated[p]; q != nil {
				c.Kind, c.Previous = Revision, q
			}
			by[p.Source] = append(by[p.Source], c)
		}
		for i := range s.Targets {
			t := &s.Targets[i]
			by[t.Source] = append(by[t.Source], Change{Kind: NewTarget, Series: s, Target: t})
		}
	}
	for _, c := range d.Commitments {
		by[c.Source] = append(by[c.Source], Change{Kind: NewCommitment, Task: c})
		for i := range c.Reports {
			r := &c.Reports[i]
			by[r.Source] = append(by[r.Source], Change{Kind: NewReport, Task: c, Report: r})
		}
	}
	var out []SourceChanges
	for _, src := range d.Sources {
		if cs := by[src.ID]; len(cs) > 0 && d.sourceByID[src.ID] == src {
			out = append(out, SourceChanges{Source: src, Changes: cs})
		}
	}
	slices.SortStableFunc(out, func(a, b SourceChanges) int {
		if c := b.Source.Date.Compare(a.Source.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Source.ID, b.Source.ID)
	})
	return out
}

// HasChanges reports whether Changes lists anything, without listing it:
// whether a published source added a point, a target, a task or a report.
func (d *Data) HasChanges() bool {
	listed := make(map[*Source]bool, len(d.Sources))
	for _, src := range d.Sources {
		listed[src] = true
	}
	adds := func(id string) bool { src := d.sourceByID[id]; return src != nil && listed[src] }
	for _, s := range d.Series {
		for i := range s.Points {
			if p := &s.Points[i]; !p.Derived() && p.Source != "" && adds(p.Source) {
				return true
			}
		}
		for i := range s.Targets {
			if adds(s.Targets[i].Source) {
				return true
			}
		}
	}
	for _, c := range d.Commitments {
		if adds(c.Source) {
			return true
		}
		for i := range c.Reports {
			if adds(c.Reports[i].Source) {
				return true
			}
		}
	}
	return false
}

// restatements maps each point of s that restates, with another value or
// qualifier, a point of the same sub-series and period from an earlier
// source to that point (the latest such).
func (d *Data) restatements(s *Series) map[*Point]*Point {
	type slot struct {
		sub    string
		period calendar.Period
	}
	bySlot := map[slot][]*Point{}
	for i := range s.Points {
		p := &s.Points[i]
		if !p.Derived() && p.Period.Timed() && d.sourceByID[p.Source] != nil {
			k := slot{p.Subseries, p.Period}
			bySlot[k] = append(bySlot[k], p)
		}
	}
	out := map[*Point]*Point{}
	for _, ps := range bySlot {
		if len(ps) < 2 {
			continue
		}
		for _, p := range ps {
			date := d.sourceByID[p.Source].Date
			var found *Point
			for _, q := range ps {
				qd := d.sourceByID[q.Source].Date
				if q == p || !qd.Before(date) || sameValue(q, p) {
					continue
				}
				if found == nil || d.sourceByID[found.Source].Date.Before(qd) {
					found = q
				}
			}
			if found != nil {
				out[p] = found
			}
		}
	}
	return out
}

func sameValue(a, b *Point) bool {
	eq := func(x, y *float64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return eq(a.Value, b.Value) && eq(a.Of, b.Of) && a.Qualifier == b.Qualifier && a.Gap == b.Gap
}
