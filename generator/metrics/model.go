package metrics

import (
	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/diag"
)

// Kinds of series.
const (
	Rank   = "rank"
	Amount = "amount"
	Rate   = "rate"
	Count  = "count"
	Index  = "index"
)

// Kinds lists the accepted values of Series.Kind.
var Kinds = []string{Rank, Amount, Rate, Count, Index}

// Qualifiers of a value: how its source hedges it. Exact says that the word
// before the number in the quote is not a hedge ("trên địa bàn 21 xã").
const (
	Over    = "over"
	Under   = "under"
	About   = "about"
	Nearly  = "nearly"
	AtLeast = "at-least"
	AtMost  = "at-most"
	Exact   = "exact"
)

// Qualifiers lists the accepted values of a qualifier.
var Qualifiers = []string{Over, Under, About, Nearly, AtLeast, AtMost, Exact}

// Bound reports whether a qualifier makes the value a bound or an
// approximation, from which no change is computed.
func Bound(q string) bool { return q != "" && q != Exact }

// Flags of a value: what kind of figure the source says it is.
const (
	Estimate    = "estimate"
	Provisional = "provisional"
	Planned     = "planned"
)

// Flags lists the accepted values of Point.Flag.
var Flags = []string{Estimate, Provisional, Planned}

// Source is one document that figures are taken from.
type Source struct {
	ID          string        `toml:"id"`
	Title       string        `toml:"title"`
	TitleEn     string        `toml:"title_en"`
	Publisher   string        `toml:"publisher"`
	PublisherEn string        `toml:"publisher_en"`
	Lang        string        `toml:"lang"` // vi (default) or en
	Date        calendar.Date `toml:"date"`
	Kind        string        `toml:"kind"`
	URL         string        `toml:"url"`
	Document    string        `toml:"document"` // a file in content/sources/
	SHA256      string        `toml:"sha256"`   // its hash when archived
	// The article within the archived text (a page's furniture around it is
	// not shown): the lines from the one containing ArticleStart to the one
	// containing ArticleEnd.
	ArticleStart string `toml:"article_start"`
	ArticleEnd   string `toml:"article_end"`
	Reuse        string `toml:"reuse"`   // whole | excerpts: what of the text its page may show
	License      string `toml:"license"` // how it may be reused, in words (license_en too)
	Omit         []Omit `toml:"omit"`    // numbers of the document left out on purpose
	LicenseEn    string `toml:"license_en"`
	Note         string `toml:"note"`
	NoteEn       string `toml:"note_en"`
	Draft        bool   `toml:"draft"` // loaded and checked, not published (see Published)

	Pos diag.Pos `toml:"-"`
}

// SourceKinds lists the accepted values of Source.Kind.
var SourceKinds = []string{"official-notice", "news-report", "provincial-news", "statistics", "other"}

// Series is one metric over time, possibly split into sub-series.
type Series struct {
	ID            string   `toml:"id"`
	Title         string   `toml:"title"`
	TitleEn       string   `toml:"title_en"`
	Unit          string   `toml:"unit"`
	UnitEn        string   `toml:"unit_en"`
	Kind          string   `toml:"kind"`
	Better        string   `toml:"better"`
	Theme         string   `toml:"theme"`
	Aliases       []string `toml:"aliases"` // other names search finds it by
	Description   string   `toml:"description"`
	DescriptionEn string   `toml:"description_en"`
	Note          string   `toml:"note"`
	NoteEn        string   `toml:"note_en"`
	Decimals      *int     `toml:"decimals"`
	AxisMin       *float64 `toml:"axis_min"`
	AxisMax       *float64 `toml:"axis_max"`
	Map           string   `toml:"map"` // its page draws its sub-series on this map (generator/maps)
	// SubseriesName is what a sub-series is ("Tỉnh", "Country"): the
	// heading of the tables' column of sub-series.
	SubseriesName string `toml:"subseries_name"`
	// Highlight: the sub-series its page's chart draws prominently, the
	// others muted (as a chart block's highlight).
	Highlight       []string    `toml:"highlight"`
	SubseriesNameEn string      `toml:"subseries_name_en"`
	Subseries       []Subseries `toml:"subseries"`
	Points          []Point     `toml:"points"`  // by line, in the order of Subseries, then by period
	Targets         []Target    `toml:"targets"` // by line, as Points, then by deadline
	Tables          []TableFill `toml:"table"`   // points read from archived tables
	Draft           bool        `toml:"draft"`   // loaded and checked, not published (see Published)

	autoSubseries bool // sub-series made from a table's values

	File   string   `toml:"-"` // path of the file, for messages
	Pos    diag.Pos `toml:"-"` // start of the file
	MapPos diag.Pos `toml:"-"` // the value of map
}

// Subseries is one line of a series (national, ministries, a province…).
type Subseries struct {
	ID      string   `toml:"id"`
	Label   string   `toml:"label"`
	LabelEn string   `toml:"label_en"`
	Key     string   `toml:"key"`     // the value naming it in a table's sub-series column
	Aliases []string `toml:"aliases"` // other names search finds it by
	// Pos is the id's line when the series declares it, else zero (a
	// sub-series made by a table).
	Pos diag.Pos `toml:"-" json:"-"`
}

// Point is one figure.
type Point struct {
	Period          calendar.Period  `toml:"period"`
	AsOf            *calendar.Date   `toml:"as_of"` // instead of period: a cumulative total
	Value           *float64         `toml:"value"`
	Qualifier       string           `toml:"qualifier"`
	Flag            string           `toml:"flag"`
	Of              *float64         `toml:"of"`
	Subseries       string           `toml:"subseries"`
	Source          string           `toml:"source"`
	Quote           string           `toml:"quote"`
	QuoteEn         string           `toml:"quote_en"`
	Note            string           `toml:"note"`
	NoteEn          string           `toml:"note_en"`
	Change          *float64         `toml:"change"`
	ChangePct       *float64         `toml:"change_pct"`
	ChangeQualifier string           `toml:"change_qualifier"`
	ChangeSince     *calendar.Period `toml:"change_since"`
	DerivedFrom     *calendar.Period `toml:"derived_from"`
	Row             int              `toml:"row"`    // instead of quote: the cited row of a table (the header is 1)
	Column          string           `toml:"column"` // and the cited column's header
	Gap             string           `toml:"gap"`    // no value for the period, and why
	GapEn           string           `toml:"gap_en"`

	// Set by Load for derived points: the point the value was computed from.
	Origin   *Point   `toml:"-"`
	Pos      diag.Pos `toml:"-"` // the point's [[points]] header
	QuotePos diag.Pos `toml:"-"`
}

// Derived reports whether the value was computed from a stated change.
func (p *Point) Derived() bool { return p.DerivedFrom != nil }

// IsGap reports whether the point states that its period has no value.
func (p *Point) IsGap() bool { return p.Gap != "" }

// Quoted reports whether the point is a value its source states (not
// derived, not a gap).
func (p *Point) Quoted() bool { return !p.Derived() && !p.IsGap() && p.Value != nil }

// GapIn returns the reason for a gap in lang.
func (p *Point) GapIn(lang string) string { return pick(lang, p.Gap, p.GapEn) }

// Target is a stated objective with a deadline.
type Target struct {
	Value     *float64         `toml:"value"`
	Qualifier string           `toml:"qualifier"`
	By        *calendar.Period `toml:"by"`
	Subseries string           `toml:"subseries"`
	Source    string           `toml:"source"`
	Quote     string           `toml:"quote"`
	QuoteEn   string           `toml:"quote_en"`
	Note      string           `toml:"note"`
	NoteEn    string           `toml:"note_en"`

	Pos      diag.Pos `toml:"-"`
	QuotePos diag.Pos `toml:"-"`
}

// Commitment is a task assigned to a lead agency (and partners) with a
// deadline as stated, and the dated reports of later sources on it.
type Commitment struct {
	ID         string            `toml:"id" json:"id,omitempty"`
	Agency     string            `toml:"agency" json:"agency,omitempty"`
	AgencyEn   string            `toml:"agency_en" json:"agency_en,omitempty"`
	Partners   []string          `toml:"partners" json:"partners,omitempty"`
	PartnersEn []string          `toml:"partners_en" json:"partners_en,omitempty"`
	Task       string            `toml:"task" json:"task,omitempty"`
	TaskEn     string            `toml:"task_en" json:"task_en,omitempty"`
	Due        calendar.Deadline `toml:"due" json:"due,omitempty"`
	DueBefore  calendar.Date     `toml:"due_before" json:"due_before,omitempty"`
	DueEvent   string            `toml:"due_event" json:"due_event,omitempty"`
	DueEventEn string            `toml:"due_event_en" json:"due_event_en,omitempty"`
	Source     string            `toml:"source" json:"source,omitempty"`
	Quote      string            `toml:"quote" json:"quote,omitempty"`
	QuoteEn    string            `toml:"quote_en" json:"quote_en,omitempty"`
	Reports    []Report          `toml:"reports" json:"reports,omitempty"`
	Metrics    []string          `toml:"metrics" json:"metrics,omitempty"`
	Checked    calendar.Date     `toml:"checked" json:"checked,omitempty"`
	AsOf       calendar.Date     `toml:"as_of" json:"as_of,omitempty"`
	Note       string            `toml:"note" json:"note,omitempty"`
	NoteEn     string            `toml:"note_en" json:"note_en,omitempty"`
	Draft      bool              `toml:"draft" json:"-"` // loaded and checked, not published (see Published)

	// OldStatus, OldStatusSource and OldStatusQuote are the keys a
	// commitment's status once had, before [[commitments.reports]]: read
	// only to tell an editor who writes them where a status goes.
	OldStatus       string `toml:"status" json:"-"`
	OldStatusSource string `toml:"status_source" json:"-"`
	OldStatusQuote  string `toml:"status_quote" json:"-"`

	QuotePos diag.Pos `toml:"-" json:"-"`
	Pos      diag.Pos `toml:"-" json:"-"`
}

// Report is what one source says of a commitment's progress.
type Report struct {
	Status  string `toml:"status" json:"status"`
	Source  string `toml:"source" json:"source"`
	Quote   string `toml:"quote" json:"quote"`
	QuoteEn string `toml:"quote_en" json:"quote_en,omitempty"`
	Note    string `toml:"note" json:"note,omitempty"`
	NoteEn  string `toml:"note_en" json:"note_en,omitempty"`

	Date     calendar.Date `toml:"-" json:"date"` // the source's date, set by Load
	QuotePos diag.Pos      `toml:"-" json:"-"`
}

// Statuses of a commitment's report.
const (
	Done       = "done"
	PartlyDone = "partly-done"
	InProgress = "in-progress"
	Late       = "late"
	Recurring  = "recurring"
)

// CommitmentStatuses lists the accepted values of Report.Status.
var CommitmentStatuses = []string{Done, PartlyDone, InProgress, Late, Recurring}

// Deadline returns the day by the end of which the task is due, and false
// for a deadline that is an event.
func (c *Commitment) Deadline() (calendar.Date, bool) {
	switch {
	case !c.DueBefore.IsZero():
		return c.DueBefore.AddDays(-1), true
	case !c.Due.IsZero():
		return c.Due.End(), true
	}
	return calendar.Date{}, false
}

// JudgedAt is the date the commitment's status is judged at: its own as_of,
// else the site's.
func (c *Commitment) JudgedAt(d *Data) calendar.Date {
	if !c.AsOf.IsZero() {
		return c.AsOf
	}
	return d.AsOf()
}

// States of a commitment besides its reports' statuses (see State).
const (
	Passed = "passed" // the deadline passed, with no report since it of the task done
	Event  = "event"  // due at an event, or with no dated deadline, and no report
	Open   = "open"   // not yet due, no report
)

// State is how the commitment stands on day: the status of the latest
// report published by then; Passed when the deadline has passed with no
// report, or with a report of work under way made before the deadline;
// else Event or Open.
func (c *Commitment) State(day calendar.Date) string {
	due, dated := c.Deadline()
	passed := dated && due.Before(day)
	if r := c.StatusAt(day); r != nil {
		unfinished := r.Status == InProgress || r.Status == PartlyDone || r.Status == Late
		if unfinished && passed && !due.Before(r.Date) {
			return Passed
		}
		return r.Status
	}
	switch {
	case !dated:
		return Event
	case passed:
		return Passed
	}
	return Open
}

// StatusAt returns the latest report published on or before day, or nil.
func (c *Commitment) StatusAt(day calendar.Date) *Report {
	var last *Report
	for i := range c.Reports {
		if r := &c.Reports[i]; !day.Before(r.Date) {
			last = r
		}
	}
	return last
}

// PartnersIn returns the co-agencies in lang.
func (c *Commitment) PartnersIn(lang string) []string {
	if lang == "en" && len(c.PartnersEn) == len(c.Partners) {
		return c.PartnersEn
	}
	return c.Partners
}

// NoteIn returns the commitment's note in lang.
func (c *Commitment) NoteIn(lang string) string { return pick(lang, c.Note, c.NoteEn) }

// DueEventIn returns the event deadline in lang.
func (c *Commitment) DueEventIn(lang string) string { return pick(lang, c.DueEvent, c.DueEventEn) }

// Data is everything under content/ that is not a page.
type Data struct {
	Sources     []*Source
	Series      []*Series // sorted by id
	Commitments []*Commitment

	// asOf is the date statuses are judged at (content/site.toml).
	asOf calendar.Date

	sourcesUnread bool // sources.toml has a syntax error: citations are not checked against it

	// Verified counts the quotes found in their archived documents;
	// Unverified those whose source has no archived document.
	Verified, Unverified int
	archive              map[string]string // source id → its document's text, whitespace collapsed
	tables               map[string]*Table // source id → its document, when it is a .csv table
	unreadTables         map[string]bool   // sources whose table could not be read (reported)

	sourceByID map[string]*Source
	seriesByID map[string]*Series
	unloaded   map[string]bool // see Unloaded
	// unreadSeries: series a [[table]] of which could not be read (an
	// unknown source, a table that is missing or failed to parse), whose
	// sub-series and points are therefore not all known: Unloaded.
	unreadSeries map[string]bool

	// The drafts left out by Published, by id (see DraftSource).
	draftSources map[string]*Source
	draftSeries  map[string]*Series
	draftTasks   int    // commitments
	loadingDraft bool   // Load is checking a draft, which may cite drafts
	needEn       bool   // English is a language of the site besides its default (see LoadLangs)
	lang         string // the site's default language: a source's when it names none
	// duplicateSources are the entries of sources.toml whose id another
	// has before them: left out, and named by what cites an unknown id.
	duplicateSources []*Source
}

// Published returns the data without its drafts (draft = true): what the
// site shows. Load has checked that nothing published rests on a draft;
// the drafts stay known by id (DraftSource, DraftSeries), so that a page
// naming one is told that it is a draft rather than unknown.
func (d *Data) Published() *Data {
	p := *d
	p.Sources, p.Series, p.Commitments = nil, nil, nil
	p.sourceByID, p.seriesByID = map[string]*Source{}, map[string]*Series{}
	p.draftSources, p.draftSeries = map[string]*Source{}, map[string]*Series{}
	for _, s := range d.Sources {
		switch {
		case s.Draft:
			p.draftSources[s.ID] = s
		case p.sourceByID[s.ID] == nil:
			p.sourceByID[s.ID] = s
			p.Sources = append(p.Sources, s)
		}
	}
	for _, s := range d.Series {
		if s.Draft {
			p.draftSeries[s.ID] = s
			continue
		}
		p.seriesByID[s.ID] = s
		p.Series = append(p.Series, s)
	}
	for id, s := range d.seriesByID { // the stubs of series with errors
		if p.seriesByID[id] == nil && p.draftSeries[id] == nil && !s.Draft {
			p.seriesByID[id] = s
		}
	}
	for _, c := range d.Commitments {
		if c.Draft {
			p.draftTasks++
			continue
		}
		p.Commitments = append(p.Commitments, c)
	}
	return &p
}

// DraftSource returns the source with the given id if it is a draft, else nil.
func (d *Data) DraftSource(id string) *Source {
	if s := d.sourceByID[id]; s != nil && s.Draft {
		return s
	}
	return d.draftSources[id]
}

// DraftSeries returns the series with the given id if it is a draft, else nil.
func (d *Data) DraftSeries(id string) *Series {
	if s := d.seriesByID[id]; s != nil && s.Draft {
		return s
	}
	return d.draftSeries[id]
}

// Drafts counts the drafts among the sources, series and commitments.
func (d *Data) Drafts() int {
	n := len(d.draftSources) + len(d.draftSeries) + d.draftTasks
	for _, s := range d.Sources {
		if s.Draft {
			n++
		}
	}
	for _, s := range d.Series {
		if s.Draft {
			n++
		}
	}
	for _, c := range d.Commitments {
		if c.Draft {
			n++
		}
	}
	return n
}

// Unloaded reports whether id names a series whose file has errors: known
// by its name, so that what cites it is not also told it is unknown, but
// not in Series (a build with it fails; Load reports why). A series whose
// [[table]] could not be read is in Series, without the figures of that
// table, and unloaded too: what charts it is not checked against what it
// lacks.
func (d *Data) Unloaded(id string) bool { return d.unloaded[id] || d.unreadSeries[id] }

// SourcesUnread reports whether content/sources.toml could not be read or
// decoded: what cites a source is then not told that it is unknown, since
// the file's own error says why.
func (d *Data) SourcesUnread() bool { return d.sourcesUnread }

// Source returns the source with the given id, or nil.
func (d *Data) Source(id string) *Source { return d.sourceByID[id] }

// SeriesByID returns the series with the given id, or nil.
func (d *Data) SeriesByID(id string) *Series { return d.seriesByID[id] }

// LowerIsBetter reports the series' direction.
func (s *Series) LowerIsBetter() bool { return s.Better == "lower" }

// Lines returns the sub-series, or a single unnamed one when none is declared.
func (s *Series) Lines() []Subseries {
	if len(s.Subseries) == 0 {
		return []Subseries{{}}
	}
	return s.Subseries
}

// PointsOf returns the points of one sub-series ("" when none is declared), in
// period order.
func (s *Series) PointsOf(sub string) []*Point {
	var out []*Point
	for i := range s.Points {
		if s.Points[i].Subseries == sub {
			out = append(out, &s.Points[i])
		}
	}
	return out
}

// TargetsOf returns the targets of one sub-series, by deadline.
func (s *Series) TargetsOf(sub string) []*Target {
	var out []*Target
	for i := range s.Targets {
		if s.Targets[i].Subseries == sub {
			out = append(out, &s.Targets[i])
		}
	}
	return out
}

// pick returns en for English when it is set, else text: a field in the
// site's default language (see the package doc, Languages).
func pick(lang, text, en string) string {
	if lang == "en" && en != "" {
		return en
	}
	return text
}

// TitleIn returns the title in lang ("vi" or "en").
func (s *Series) TitleIn(lang string) string { return pick(lang, s.Title, s.TitleEn) }

// UnitIn returns the unit in lang.
func (s *Series) UnitIn(lang string) string { return pick(lang, s.Unit, s.UnitEn) }

// DescriptionIn returns the description in lang.
func (s *Series) DescriptionIn(lang string) string { return pick(lang, s.Description, s.DescriptionEn) }

// NoteIn returns the note in lang.
func (s *Series) NoteIn(lang string) string { return pick(lang, s.Note, s.NoteEn) }

// SubseriesNameIn returns what a sub-series of s is, in lang, or "".
func (s *Series) SubseriesNameIn(lang string) string {
	return pick(lang, s.SubseriesName, s.SubseriesNameEn)
}

// LabelIn returns the sub-series label in lang.
func (s Subseries) LabelIn(lang string) string { return pick(lang, s.Label, s.LabelEn) }

// NoteIn returns the point's note in lang.
func (p *Point) NoteIn(lang string) string { return pick(lang, p.Note, p.NoteEn) }

// NoteIn returns the target's note in lang.
func (t *Target) NoteIn(lang string) string { return pick(lang, t.Note, t.NoteEn) }

// PublisherIn returns the source's publisher in lang.
func (s *Source) PublisherIn(lang string) string { return pick(lang, s.Publisher, s.PublisherEn) }

// Reuses lists the accepted values of Source.Reuse.
var Reuses = []string{"whole", "excerpts"}

// ShowsWhole reports whether the source's page may show its whole text:
// reuse = "whole", or by default an official notice or statistics; news
// text under copyright shows only the quoted passages.
func (s *Source) ShowsWhole() bool {
	if s.Reuse != "" {
		return s.Reuse == "whole"
	}
	return s.Kind == "official-notice" || s.Kind == "statistics"
}

// LicenseIn returns the source's licence words in lang.
func (s *Source) LicenseIn(lang string) string { return pick(lang, s.License, s.LicenseEn) }

// PublisherLang is the language PublisherIn(lang) is written in.
func (s *Source) PublisherLang(lang string) string {
	if lang == "en" && s.PublisherEn != "" {
		return "en"
	}
	return s.Language()
}

// Language is the language of the document: lang, which Load sets to the
// site's default language when the source does not say; "vi" for a source
// made otherwise.
func (s *Source) Language() string {
	if s.Lang == "" {
		return "vi"
	}
	return s.Lang
}

// TitleIn returns the source's title in lang.
func (s *Source) TitleIn(lang string) string { return pick(lang, s.Title, s.TitleEn) }

// NoteIn returns the source's note in lang.
func (s *Source) NoteIn(lang string) string { return pick(lang, s.Note, s.NoteEn) }

// AgencyIn returns the agency in lang.
func (c *Commitment) AgencyIn(lang string) string { return pick(lang, c.Agency, c.AgencyEn) }

// TaskIn returns the task in lang.
func (c *Commitment) TaskIn(lang string) string { return pick(lang, c.Task, c.TaskEn) }
