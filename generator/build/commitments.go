package build

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/tiendo/tiendo/generator/markdown"
	"github.com/tiendo/tiendo/generator/metrics"
)

// The commitments page lists its tasks grouped by status, with counts, and
// indexes them by agency and by deadline: lists of links, so that a reader
// finds "what is late", "what Bộ Công an must do" or "what is due in June"
// without JavaScript (site.js filters the same rows when it runs).

// statusOrder is the order of the page's status groups: what needs a
// reader's eye first.
var statusOrder = []string{metrics.Passed, metrics.Late, metrics.InProgress, metrics.PartlyDone,
	metrics.Open, metrics.Event, metrics.Recurring, metrics.Done}

// CommitmentGroup is the tasks of one status, in deadline order.
type CommitmentGroup struct {
	ID     string // its anchor: "st-passed"
	Status string
	Items  []*metrics.Commitment
}

// CommitmentEntry is one entry of an index: an agency or a deadline, and
// the tasks under it.
type CommitmentEntry struct {
	ID    string // its anchor: "ag-bo-cong-an", "due-truoc-ngay-20-7-2024"
	Name  string
	Items []CommitmentRef
}

// CommitmentRef is a task as an index lists it.
type CommitmentRef struct {
	C       *metrics.Commitment
	Status  string
	Partner bool // listed under an agency that takes part but does not lead
}

// CommitmentsPage is what the commitments page shows besides the rows:
// the status groups and the two indexes, and for the filter of site.js
// the index entries of each task.
type CommitmentsPage struct {
	Groups   []CommitmentGroup
	ByAgency []CommitmentEntry
	ByDue    []CommitmentEntry
	agencies map[*metrics.Commitment][]string
	due      map[*metrics.Commitment]string
}

// CommitmentsPage lays out the commitments page.
func (v *LangView) CommitmentsPage() *CommitmentsPage {
	p := &CommitmentsPage{Groups: v.CommitmentGroups(), ByAgency: v.CommitmentsByAgency(), ByDue: v.CommitmentsByDue(),
		agencies: map[*metrics.Commitment][]string{}, due: map[*metrics.Commitment]string{}}
	for _, e := range p.ByAgency {
		for _, r := range e.Items {
			p.agencies[r.C] = append(p.agencies[r.C], e.ID)
		}
	}
	for _, e := range p.ByDue {
		for _, r := range e.Items {
			p.due[r.C] = e.ID
		}
	}
	return p
}

// Agencies are the ids of a task's entries in the agency index, separated
// by spaces.
func (p *CommitmentsPage) Agencies(c *metrics.Commitment) string {
	return strings.Join(p.agencies[c], " ")
}

// Due is the id of a task's entry in the deadline index.
func (p *CommitmentsPage) Due(c *metrics.Commitment) string { return p.due[c] }

// CommitmentGroups groups the commitments by status, in statusOrder.
func (v *LangView) CommitmentGroups() []CommitmentGroup {
	by := map[string][]*metrics.Commitment{}
	for _, c := range v.Commitments() {
		st := v.Status(c)
		by[st] = append(by[st], c)
	}
	var out []CommitmentGroup
	for _, st := range statusOrder {
		if len(by[st]) > 0 {
			out = append(out, CommitmentGroup{ID: "st-" + st, Status: st, Items: by[st]})
		}
	}
	return out
}

// CommitmentsByAgency indexes the commitments by agency: each lead agency
// and each partner, as the sources name them, in alphabetical order of the
// page's language, with the tasks it leads before those it takes part in.
func (v *LangView) CommitmentsByAgency() []CommitmentEntry {
	at := map[string]int{}
	var out []CommitmentEntry
	add := func(name string, c *metrics.Commitment, partner bool) {
		i, ok := at[name]
		if !ok {
			i = len(out)
			at[name] = i
			out = append(out, CommitmentEntry{Name: name})
		}
		out[i].Items = append(out[i].Items, CommitmentRef{C: c, Status: v.Status(c), Partner: partner})
	}
	for _, c := range v.Commitments() {
		add(c.AgencyIn(v.Lang.Code), c, false)
	}
	for _, c := range v.Commitments() {
		for _, p := range c.PartnersIn(v.Lang.Code) {
			add(p, c, true)
		}
	}
	tag := language.Vietnamese
	if v.Lang.Code == "en" {
		tag = language.BritishEnglish
	}
	col := collate.New(tag, collate.IgnoreCase)
	slices.SortStableFunc(out, func(a, b CommitmentEntry) int { return col.CompareString(a.Name, b.Name) })
	anchors(out, "ag-")
	return out
}

// CommitmentsByDue indexes the commitments by their deadline as the sources
// state it ("trước ngày 20/7/2024", "đến hết tháng 6/2025"), earliest
// first, deadlines that are events last.
func (v *LangView) CommitmentsByDue() []CommitmentEntry {
	at := map[string]int{}
	var out []CommitmentEntry
	for _, c := range v.Commitments() { // in deadline order
		name := capitalize(v.Due(c))
		i, ok := at[name]
		if !ok {
			i = len(out)
			at[name] = i
			out = append(out, CommitmentEntry{Name: name})
		}
		out[i].Items = append(out[i].Items, CommitmentRef{C: c, Status: v.Status(c)})
	}
	anchors(out, "due-")
	return out
}

// anchors gives each entry an id from its name, unique on the page.
func anchors(entries []CommitmentEntry, prefix string) {
	seen := map[string]bool{}
	for i := range entries {
		base := markdown.Slugify(entries[i].Name)
		if len(base) > 48 {
			base = strings.TrimRight(base[:48], "-")
		}
		id := prefix + base
		for n := 2; seen[id]; n++ {
			id = prefix + base + "-" + strconv.Itoa(n)
		}
		seen[id] = true
		entries[i].ID = id
	}
}

// ShortTask is a task's text cut at a word to about n characters, for
// the indexes; the full text is in the task's row.
func (v *LangView) ShortTask(c *metrics.Commitment, n int) string {
	s := c.TaskIn(v.Lang.Code)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := strings.LastIndexFunc(string(r), unicode.IsSpace)
	if cut <= 0 {
		cut = len(string(r))
	}
	return strings.TrimRight(string(r)[:cut], " ,;:.") + "…"
}

// StatusName names a status as the page's groups and counts do.
func (v *LangView) StatusName(st string) string { return v.T("cstatus." + st) }

// OwnJudgedAt reports whether a commitment is judged at a date of its own
// rather than at the site's as_of, which the page states once.
func (v *LangView) OwnJudgedAt(c *metrics.Commitment) bool { return !c.AsOf.IsZero() }

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
