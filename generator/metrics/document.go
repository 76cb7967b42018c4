package metrics

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
)

// Citation is one use of a quote: the figure, target, commitment or report
// that rests on it.
type Citation struct {
	Quote  string
	Series *Series     // a point's or target's series
	Point  *Point      // or nil
	Target *Target     // or nil
	Task   *Commitment // a commitment (its assignment, or Report)
	Report *Report     // a report on Task, or nil
}

// Citations lists what cites source id, in the data's order: series by id
// (points, then targets), then commitments.
func (d *Data) Citations(id string) []Citation {
	var out []Citation
	for _, s := range d.Series {
		for i := range s.Points {
			if p := &s.Points[i]; p.Source == id && p.Quote != "" && p.Row == 0 && !p.Derived() {
				out = append(out, Citation{Quote: p.Quote, Series: s, Point: p})
			}
		}
		for i := range s.Targets {
			if t := &s.Targets[i]; t.Source == id && t.Quote != "" {
				out = append(out, Citation{Quote: t.Quote, Series: s, Target: t})
			}
		}
	}
	for _, c := range d.Commitments {
		if c.Source == id && c.Quote != "" {
			out = append(out, Citation{Quote: c.Quote, Task: c})
		}
		for i := range c.Reports {
			if r := &c.Reports[i]; r.Source == id && r.Quote != "" {
				out = append(out, Citation{Quote: r.Quote, Task: c, Report: r})
			}
		}
	}
	return out
}

// QuoteID is the id of a quote's mark on its document's page: the same
// quote, wherever it is cited, has one mark.
func QuoteID(quote string) string {
	h := fnv.New64a()
	h.Write([]byte(normalize(quote)))
	return fmt.Sprintf("q-%012x", h.Sum64()&0xffffffffffff)
}

// Passage is one paragraph of an archived document (a line of its text,
// whitespace collapsed) and the quoted stretches in it.
type Passage struct {
	Line  int // in the file, from 1
	Text  string
	Marks []Mark
}

// Mark is a stretch of a passage that quotes cite: Text[Start:End], and the
// ids of the quotes (QuoteID) found there. Overlapping quotes share a mark.
type Mark struct {
	Start, End int
	IDs        []string
}

// Article returns the passages of an archived document from the line that
// contains start to the line that contains end (the whole text when they
// are ""), each with the stretches that quotes cite (a quote that spans
// passages is marked nowhere). ok is false when start or end is not in the
// text.
func Article(text, start, end string, quotes []string) (passages []Passage, ok bool) {
	lines := strings.Split(text, "\n")
	first, last := 0, len(lines)-1
	if start != "" {
		first = lineWith(lines, start, 0)
	}
	if end != "" && first >= 0 {
		last = lineWith(lines, end, first)
	}
	if first < 0 || last < 0 {
		return nil, false
	}
	for i := first; i <= last; i++ {
		if t := normalize(lines[i]); t != "" {
			passages = append(passages, Passage{Line: i + 1, Text: t})
		}
	}
	seen := map[string]bool{}
	for _, q := range quotes {
		id, nq := QuoteID(q), normalize(q)
		if seen[id] || nq == "" {
			continue
		}
		seen[id] = true
		for k := range passages {
			if at := strings.Index(passages[k].Text, nq); at >= 0 {
				passages[k].Marks = append(passages[k].Marks, Mark{Start: at, End: at + len(nq), IDs: []string{id}})
			}
		}
	}
	for k := range passages {
		passages[k].Marks = merge(passages[k].Marks)
	}
	return passages, true
}

// lineWith returns the first line from `from` whose text (whitespace
// collapsed) contains phrase, or -1.
func lineWith(lines []string, phrase string, from int) int {
	p := normalize(phrase)
	for i := from; i < len(lines); i++ {
		if strings.Contains(normalize(lines[i]), p) {
			return i
		}
	}
	return -1
}

// merge joins overlapping marks, in order.
func merge(marks []Mark) []Mark {
	if len(marks) < 2 {
		return marks
	}
	sort.Slice(marks, func(i, j int) bool { return marks[i].Start < marks[j].Start })
	out := []Mark{marks[0]}
	for _, m := range marks[1:] {
		last := &out[len(out)-1]
		if m.Start < last.End {
			last.End = max(last.End, m.End)
			last.IDs = append(last.IDs, m.IDs...)
			continue
		}
		out = append(out, m)
	}
	return out
}
