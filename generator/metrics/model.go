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
)

// Source is one document that figures are taken from.
type Source struct {
	ID        string        `toml:"id"`
	Title     string        `toml:"title"`
	TitleEn   string        `toml:"title_en"`
	Publisher string        `toml:"publisher"`
	Date      calendar.Date `toml:"date"`
	Kind      string        `toml:"kind"`
	URL       string        `toml:"url"`
	Document  string        `toml:"document"`
	Note      string        `toml:"note"`
	NoteEn    string        `toml:"note_en"`

	Pos diag.Pos `toml:"-"`
}

// SourceKinds lists the accepted values of Source.Kind.
var SourceKinds = []string{"official-notice", "news-report", "provincial-news", "statistics", "other"}

// Series is one metric over time, possibly split into sub-series.
type Series struct {
	ID            string      `toml:"id"`
	Title         string      `toml:"title"`
	TitleEn       string      `toml:"title_en"`
	Unit          string      `toml:"unit"`
	UnitEn        string      `toml:"unit_en"`
	Kind          string      `toml:"kind"`
	Better        string      `toml:"better"`
	Theme         string      `toml:"theme"`
	Description   string      `toml:"description"`
	DescriptionEn string      `toml:"description_en"`
	Note          string      `toml:"note"`
	NoteEn        string      `toml:"note_en"`
	Decimals      *int        `toml:"decimals"`
	Subseries     []Subseries `toml:"subseries"`
	Points        []Point     `toml:"points"`
	Targets       []Target    `toml:"targets"`

	File string   `toml:"-"` // path of the file, for messages
	Pos  diag.Pos `toml:"-"` // start of the file
}

// Subseries is one line of a series (national, ministries, a province…).
type Subseries struct {
	ID      string `toml:"id"`
	Label   string `toml:"label"`
	LabelEn string `toml:"label_en"`
}

// Point is one figure.
type Point struct {
	Period      calendar.Period  `toml:"period"`
	Value       *float64         `toml:"value"`
	Of          *float64         `toml:"of"`
	Subseries   string           `toml:"subseries"`
	Source      string           `toml:"source"`
	Quote       string           `toml:"quote"`
	Note        string           `toml:"note"`
	NoteEn      string           `toml:"note_en"`
	Change      *float64         `toml:"change"`
	ChangePct   *float64         `toml:"change_pct"`
	DerivedFrom *calendar.Period `toml:"derived_from"`

	// Set by Load for derived points: the point the value was computed from.
	Origin   *Point   `toml:"-"`
	Pos      diag.Pos `toml:"-"` // the point's [[points]] header
	QuotePos diag.Pos `toml:"-"`
}

// Derived reports whether the value was computed from a stated change.
func (p *Point) Derived() bool { return p.DerivedFrom != nil }

// Target is a stated objective with a deadline.
type Target struct {
	Value     *float64         `toml:"value"`
	By        *calendar.Period `toml:"by"`
	Subseries string           `toml:"subseries"`
	Source    string           `toml:"source"`
	Quote     string           `toml:"quote"`
	Note      string           `toml:"note"`
	NoteEn    string           `toml:"note_en"`

	Pos      diag.Pos `toml:"-"`
	QuotePos diag.Pos `toml:"-"`
}

// Commitment is a task assigned to an agency with a deadline.
type Commitment struct {
	ID           string          `toml:"id" json:"id,omitempty"`
	Agency       string          `toml:"agency" json:"agency,omitempty"`
	AgencyEn     string          `toml:"agency_en" json:"agency_en,omitempty"`
	Task         string          `toml:"task" json:"task,omitempty"`
	TaskEn       string          `toml:"task_en" json:"task_en,omitempty"`
	Due          calendar.Period `toml:"due" json:"due,omitempty"`
	Source       string          `toml:"source" json:"source,omitempty"`
	Quote        string          `toml:"quote" json:"quote,omitempty"`
	Status       string          `toml:"status" json:"status,omitempty"`
	StatusSource string          `toml:"status_source" json:"status_source,omitempty"`
	StatusQuote  string          `toml:"status_quote" json:"status_quote,omitempty"`
	Metrics      []string        `toml:"metrics" json:"metrics,omitempty"`
	Checked      calendar.Date   `toml:"checked" json:"checked,omitempty"`

	QuotePos       diag.Pos `toml:"-" json:"-"`
	StatusQuotePos diag.Pos `toml:"-" json:"-"`
	Note           string   `toml:"note" json:"note,omitempty"`
	NoteEn         string   `toml:"note_en" json:"note_en,omitempty"`

	Pos diag.Pos `toml:"-" json:"-"`
}

// CommitmentStatuses lists the accepted values of Commitment.Status.
var CommitmentStatuses = []string{"done", "in-progress", "late", "recurring"}

// Data is everything under content/ that is not a page.
type Data struct {
	Sources     []*Source
	Series      []*Series // sorted by id
	Commitments []*Commitment

	sourceByID map[string]*Source
	seriesByID map[string]*Series
	unloaded   map[string]bool // see Unloaded
}

// Unloaded reports whether id names a series whose file has errors: known
// by its name, so that what cites it is not also told it is unknown, but
// not in Series (a build with it fails; Load reports why).
func (d *Data) Unloaded(id string) bool { return d.unloaded[id] }

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

// pick returns en for English when it is set, else vi.
func pick(lang, vi, en string) string {
	if lang == "en" && en != "" {
		return en
	}
	return vi
}

// TitleIn returns the title in lang ("vi" or "en").
func (s *Series) TitleIn(lang string) string { return pick(lang, s.Title, s.TitleEn) }

// UnitIn returns the unit in lang.
func (s *Series) UnitIn(lang string) string { return pick(lang, s.Unit, s.UnitEn) }

// DescriptionIn returns the description in lang.
func (s *Series) DescriptionIn(lang string) string { return pick(lang, s.Description, s.DescriptionEn) }

// NoteIn returns the note in lang.
func (s *Series) NoteIn(lang string) string { return pick(lang, s.Note, s.NoteEn) }

// LabelIn returns the sub-series label in lang.
func (s Subseries) LabelIn(lang string) string { return pick(lang, s.Label, s.LabelEn) }

// NoteIn returns the point's note in lang.
func (p *Point) NoteIn(lang string) string { return pick(lang, p.Note, p.NoteEn) }

// NoteIn returns the target's note in lang.
func (t *Target) NoteIn(lang string) string { return pick(lang, t.Note, t.NoteEn) }

// TitleIn returns the source's title in lang.
func (s *Source) TitleIn(lang string) string { return pick(lang, s.Title, s.TitleEn) }

// NoteIn returns the source's note in lang.
func (s *Source) NoteIn(lang string) string { return pick(lang, s.Note, s.NoteEn) }

// AgencyIn returns the agency in lang.
func (c *Commitment) AgencyIn(lang string) string { return pick(lang, c.Agency, c.AgencyEn) }

// TaskIn returns the task in lang.
func (c *Commitment) TaskIn(lang string) string { return pick(lang, c.Task, c.TaskEn) }
