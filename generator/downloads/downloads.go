package downloads

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/csv"
	"encoding/json"
	"io"
	"path"
	"strconv"
	"sync"
	"time"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/metrics"
	"github.com/tiendo/tiendo/generator/site"
)

// SeriesDoc is the JSON download of one series (/data/<id>.json).
type SeriesDoc struct {
	ID            string       `json:"id"`
	Title         string       `json:"title"`
	TitleEn       string       `json:"title_en"`
	Unit          string       `json:"unit"`
	UnitEn        string       `json:"unit_en"`
	Kind          string       `json:"kind"`
	Better        string       `json:"better"`
	Theme         string       `json:"theme"`
	Description   string       `json:"description,omitempty"`
	DescriptionEn string       `json:"description_en,omitempty"`
	Subseries     []subDoc     `json:"subseries,omitempty"`
	Points        []pointDoc   `json:"points"`
	Targets       []targetDoc  `json:"targets"`
	Sources       []*sourceDoc `json:"sources"`
	URL           string       `json:"url"`
	License       string       `json:"license"`
}

type subDoc struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	LabelEn string `json:"label_en"`
}

type pointDoc struct {
	Period      string   `json:"period"`
	Start       string   `json:"start"`
	End         string   `json:"end"`
	Subseries   string   `json:"subseries,omitempty"`
	Value       *float64 `json:"value"`
	Qualifier   string   `json:"qualifier,omitempty"` // over, under, about, nearly, at-least, at-most
	Flag        string   `json:"flag,omitempty"`      // estimate, provisional, planned
	Of          *float64 `json:"of,omitempty"`
	Change      *float64 `json:"change,omitempty"`
	ChangePct   *float64 `json:"change_pct,omitempty"`
	ChangeQual  string   `json:"change_qualifier,omitempty"`
	ChangeSince string   `json:"change_since,omitempty"`
	Derived     bool     `json:"derived"`
	DerivedFrom string   `json:"derived_from,omitempty"`
	Gap         string   `json:"gap,omitempty"` // no value for the period, and why
	GapEn       string   `json:"gap_en,omitempty"`
	Source      string   `json:"source"`
	Row         int      `json:"row,omitempty"`    // a table's cited row (the header is 1)
	Column      string   `json:"column,omitempty"` // and column
	Quote       string   `json:"quote,omitempty"`
	QuoteEn     string   `json:"quote_en,omitempty"`
	Note        string   `json:"note,omitempty"`
	NoteEn      string   `json:"note_en,omitempty"`
}

type targetDoc struct {
	Value     float64 `json:"value"`
	Qualifier string  `json:"qualifier,omitempty"`
	By        string  `json:"by"`
	Subseries string  `json:"subseries,omitempty"`
	Source    string  `json:"source"`
	Stated    string  `json:"stated"`
	Quote     string  `json:"quote"`
	Note      string  `json:"note,omitempty"`
}

type sourceDoc struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	TitleEn     string `json:"title_en,omitempty"`
	Publisher   string `json:"publisher"`
	PublisherEn string `json:"publisher_en,omitempty"`
	Lang        string `json:"lang"`
	Date        string `json:"date"`
	Kind        string `json:"kind"`
	URL         string `json:"url,omitempty"`
	Document    string `json:"document,omitempty"`
}

func newSourceDoc(src *metrics.Source) *sourceDoc {
	return &sourceDoc{src.ID, src.Title, src.TitleEn, src.Publisher, src.PublisherEn,
		src.Language(), src.Date.String(), src.Kind, src.URL, src.Document}
}

func (s Site) seriesDoc(data *metrics.Data, se *metrics.Series) SeriesDoc {
	d := SeriesDoc{ID: se.ID, Title: se.Title, TitleEn: se.TitleEn, Unit: se.Unit, UnitEn: se.UnitEn,
		Kind: se.Kind, Better: se.Better, Theme: se.Theme, Description: se.Description,
		DescriptionEn: se.DescriptionEn, URL: s.URLs.Abs(site.DataJSON(se.ID)),
		License: "CC BY 4.0", Points: []pointDoc{}, Targets: []targetDoc{}, Sources: []*sourceDoc{}}
	for _, sub := range se.Subseries {
		d.Subseries = append(d.Subseries, subDoc{sub.ID, sub.Label, sub.LabelEn})
	}
	used := map[string]bool{}
	for _, p := range se.Points {
		pd := pointDoc{Period: p.Period.String(), Start: dateText(p.Period.Start()), End: dateText(p.Period.End()),
			Subseries: p.Subseries, Value: p.Value, Qualifier: p.Qualifier, Flag: p.Flag, Of: p.Of,
			Change: p.Change, ChangePct: p.ChangePct, ChangeQual: p.ChangeQualifier,
			Derived: p.Derived(), Gap: p.Gap, GapEn: p.GapEn, Source: p.Source, Row: p.Row, Column: p.Column,
			Quote: p.Quote, QuoteEn: p.QuoteEn,
			Note: p.Note, NoteEn: p.NoteEn}
		if p.Qualifier == metrics.Exact {
			pd.Qualifier = ""
		}
		if p.ChangeSince != nil {
			pd.ChangeSince = p.ChangeSince.String()
		}
		if p.Derived() {
			pd.DerivedFrom = p.DerivedFrom.String()
			if p.Origin != nil {
				pd.Source = p.Origin.Source
			}
		}
		used[pd.Source] = true
		d.Points = append(d.Points, pd)
	}
	for _, t := range se.Targets {
		td := targetDoc{Value: *t.Value, Qualifier: t.Qualifier, By: t.By.String(), Subseries: t.Subseries, Source: t.Source, Quote: t.Quote, Note: t.Note}
		if src := data.Source(t.Source); src != nil {
			td.Stated = src.Date.String()
		}
		used[t.Source] = true
		d.Targets = append(d.Targets, td)
	}
	for _, src := range data.Sources {
		if used[src.ID] {
			d.Sources = append(d.Sources, newSourceDoc(src))
		}
	}
	return d
}

// SeriesCSV is the CSV download of the series se (site.DataCSV): its
// figures, a row each, with the sources of data.
func (s Site) SeriesCSV(data *metrics.Data, se *metrics.Series) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff") // so spreadsheet programs read UTF-8 Vietnamese correctly
	w := csv.NewWriter(&b)
	w.Write(CSVHeader)
	for _, p := range s.seriesDoc(data, se).Points {
		title := ""
		if src := data.Source(p.Source); src != nil {
			title = src.Title
		}
		row := ""
		if p.Row != 0 {
			row = strconv.Itoa(p.Row)
		}
		w.Write([]string{se.ID, p.Subseries, p.Period, p.Start, p.End, num(p.Value), p.Qualifier, p.Flag, num(p.Of),
			num(p.Change), num(p.ChangePct), p.ChangeQual, p.ChangeSince, strconv.FormatBool(p.Derived), p.DerivedFrom,
			p.Gap, p.GapEn, p.Source, title, row, p.Column, p.Quote, p.Note})
	}
	w.Flush()
	return b.Bytes()
}

// dateText is a date as YYYY-MM-DD, or "" when it is not known (the start
// of an as-of figure, both ends of an unstated one).
func dateText(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func marshal(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	return append(b, '\n'), err
}

// flateWriters keeps the compressors of the archive's files (each holds
// about a megabyte), as archive/zip does for its own.
var flateWriters sync.Pool

type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flateWriters.Put(p.Writer)
	return err
}

// Archive zips every series (CSV and JSON), the tidy CSVs, the sources and
// the commitments, with a descriptor of them (datapackage.json, first, as
// readers of zipped data packages look for it), and fixed timestamps so
// that builds stay byte-identical.
func (s Site) Archive(data *metrics.Data) ([]byte, error) {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	// The fastest level: the archive is built on every change of the data,
	// and compresses about as well (CSV and JSON repeat themselves).
	z.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		if fw, ok := flateWriters.Get().(*flate.Writer); ok {
			fw.Reset(w)
			return pooledFlate{fw}, nil
		}
		fw, err := flate.NewWriter(w, flate.BestSpeed)
		return pooledFlate{fw}, err
	})
	stamp := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	add := func(name string, data []byte) error {
		w, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	j, err := s.Descriptor(data, true)
	if err != nil {
		return nil, err
	}
	if err := add(path.Base(site.DataPackage), j); err != nil {
		return nil, err
	}
	for _, l := range s.Langs {
		if err := add(path.Base(site.DataAll(l)), s.Tidy(l, data)); err != nil {
			return nil, err
		}
	}
	for _, se := range data.Series {
		j, err := marshal(s.seriesDoc(data, se))
		if err != nil {
			return nil, err
		}
		if err := add(se.ID+".csv", s.SeriesCSV(data, se)); err != nil {
			return nil, err
		}
		if err := add(se.ID+".json", j); err != nil {
			return nil, err
		}
	}
	var srcs []*sourceDoc
	for _, src := range data.Sources {
		srcs = append(srcs, newSourceDoc(src))
	}
	j, err = marshal(srcs)
	if err != nil {
		return nil, err
	}
	if err := add("sources.json", j); err != nil {
		return nil, err
	}
	j, err = marshal(data.Commitments)
	if err != nil {
		return nil, err
	}
	if err := add("commitments.json", j); err != nil {
		return nil, err
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// SeriesJSON is the JSON download of the series se (site.DataJSON), with
// the sources of data it cites.
func (s Site) SeriesJSON(data *metrics.Data, se *metrics.Series) ([]byte, error) {
	return marshal(s.seriesDoc(data, se))
}
