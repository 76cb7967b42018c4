package downloads

import (
	"bytes"
	"encoding/csv"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/markdown"
	"github.com/tiendo/tiendo/generator/metrics"
	"github.com/tiendo/tiendo/generator/site"
)

// field is a column of a CSV download, as its Table Schema describes it.
type field struct {
	Name        string       `json:"name"`
	Type        string       `json:"type"` // string | number | integer | date | boolean
	Description string       `json:"description"`
	Constraints *constraints `json:"constraints,omitempty"`
}

type constraints struct {
	Required bool     `json:"required,omitempty"`
	Enum     []string `json:"enum,omitempty"`
}

func names(fields []field) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.Name
	}
	return out
}

var (
	mustHave      = &constraints{Required: true}
	qualifierEnum = &constraints{Enum: slices.DeleteFunc(slices.Clone(metrics.Qualifiers), func(q string) bool { return q == metrics.Exact })}
	flagEnum      = &constraints{Enum: metrics.Flags}
	// A stated change can say "exact" like a value; the downloads keep it.
	changeQualifierEnum = &constraints{Enum: metrics.Qualifiers}
)

// Descriptions of the columns that both kinds of CSV have.
const (
	descPeriod = "The period as the source states it: a year (2024), a half (2024-H1), a quarter (2024-Q2), a month (2024-06), a day (2024-06-30), a span (2021/2024), a total up to a day (../2024-07-10) or unstated."
	descStart  = "The first day of the period; empty for a total up to a day and for unstated."
	descEnd    = "The last day of the period; empty for unstated."
	descValue  = "The figure as the source states it, dot decimal; empty for a gap."
	descQual   = "How the source hedges the value (“over 55” is over: over, under, about, nearly, at-least, at-most); empty when it states it plainly. No change is to be computed from a hedged value."
	descFlag   = "What kind of figure the source says it is: estimate, provisional or planned."
	descOf     = "Out of how many: for a rank, the number ranked (71 of 193); for a count, the total (43 of 53)."
	descChange = "The change the source states with the value, in the series' unit; for a rank, a climb of 15 places is -15."
	descChPct  = "The change in percent, as the source states it."
	descChQual = "How the source hedges the stated change, as qualifier does the value."
	descChSnc  = "The period the stated change is against, as the source states it."
	descDeriv  = "true when the source does not state the value but a change it states gives it (value / (1 + change_pct/100), or value - change)."
	descDerivF = "For a derived value: the period of the figure, in the same series and sub-series, whose stated change gives it."
	descSource = "The id of the source document: its page on the site is /sources/<id>/."
	descRow    = "For a figure read from a table: the row of the archived table it cites (the header is row 1)."
	descColumn = "For a figure read from a table: the header of the column it cites."
)

// seriesFields are the columns of a series CSV (site.DataCSV).
var seriesFields = []field{
	{"series", "string", "The id of the series (content/metrics/<id>.toml on the site).", mustHave},
	{"subseries", "string", "The id of the sub-series, when the series has them (national, ministries, a province…).", nil},
	{"period", "string", descPeriod, mustHave},
	{"start", "date", descStart, nil},
	{"end", "date", descEnd, nil},
	{"value", "number", descValue, nil},
	{"qualifier", "string", descQual, qualifierEnum},
	{"flag", "string", descFlag, flagEnum},
	{"of", "number", descOf, nil},
	{"change", "number", descChange, nil},
	{"change_pct", "number", descChPct, nil},
	{"change_qualifier", "string", descChQual, changeQualifierEnum},
	{"change_since", "string", descChSnc, nil},
	{"derived", "boolean", descDeriv, mustHave},
	{"derived_from", "string", descDerivF, nil},
	{"gap", "string", "For a period the source says has no value: why, in Vietnamese.", nil},
	{"gap_en", "string", "The same in English.", nil},
	{"source", "string", descSource + " A derived value has its figure's.", mustHave},
	{"source_title", "string", "The title of the source document, in its language.", nil},
	{"row", "integer", descRow, nil},
	{"column", "string", descColumn, nil},
	{"quote", "string", "The passage of the source document that states the figure, verbatim; empty for a derived value and for a figure that cites a table's row and column.", nil},
	{"note", "string", "The editors' note on the figure, in Vietnamese.", nil},
}

// CSVHeader is the first row of every series CSV.
var CSVHeader = names(seriesFields)

// Kinds of row of the tidy CSV.
const (
	rowFigure = "figure"
	rowTarget = "target"
)

// tidyFields are the columns of the tidy CSV of a language (site.DataAll).
// Its words (titles, units, labels, gaps, notes) are in that language, as
// the site's pages in it show them; quotes are verbatim, in the language
// of their document.
var tidyFields = []field{
	{"kind", "string", "figure: a value a source states, one derived from a change it states, or a period it says has no value (a gap); target: an objective a source sets, due by the end of its period.", &constraints{Required: true, Enum: []string{rowFigure, rowTarget}}},
	{"series", "string", "The id of the series; the series' own files are <id>.csv and <id>.json.", mustHave},
	{"series_title", "string", "The title of the series, in this file's language.", mustHave},
	{"unit", "string", "The unit the value, of and change are in, in this file's language.", nil},
	{"subseries", "string", "The id of the sub-series, when the series has them (national, ministries, a province…).", nil},
	{"subseries_label", "string", "The sub-series' label, in this file's language.", nil},
	{"period", "string", descPeriod + " For a target: its deadline, the end of the period.", mustHave},
	{"start", "date", descStart, nil},
	{"end", "date", descEnd + " For a target: the day it is due by.", nil},
	{"value", "number", descValue, nil},
	{"qualifier", "string", descQual + " A target's says how it is set (at-least: the value or more).", qualifierEnum},
	{"flag", "string", descFlag, flagEnum},
	{"of", "number", descOf, nil},
	{"change", "number", descChange, nil},
	{"change_pct", "number", descChPct, nil},
	{"change_qualifier", "string", descChQual, changeQualifierEnum},
	{"change_since", "string", descChSnc, nil},
	{"derived", "boolean", descDeriv, mustHave},
	{"derived_from", "string", descDerivF, nil},
	{"gap", "string", "For a period the source says has no value: why, in this file's language.", nil},
	{"source", "string", descSource + " A derived value has its figure's.", mustHave},
	{"source_title", "string", "The title of the source document, in this file's language when the site has it, else in the document's.", nil},
	{"source_date", "date", "The date of the source document: when the figure was published, or the target set.", nil},
	{"row", "integer", descRow, nil},
	{"column", "string", descColumn, nil},
	{"quote", "string", "The passage of the source document that states the figure or target, verbatim, in the document's language; for a derived value, the passage stating the change it comes from; empty for a figure that cites a table's row and column.", nil},
	{"quote_translation", "string", "The editors' rendering of the quote in this file's language, when they give one.", nil},
	{"note", "string", "The editors' note, in this file's language.", nil},
}

// TidyHeader is the first row of the tidy CSVs.
var TidyHeader = names(tidyFields)

// tidyColumn is the index of each column of the tidy CSV.
var tidyColumn = func() map[string]int {
	m := map[string]int{}
	for i, f := range tidyFields {
		m[f.Name] = i
	}
	return m
}()

func num(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// Tidy is the tidy CSV of lang (site.DataAll): every figure and target of data, a row each, with the words
// of lang: series by id, each one's figures in its order (by period), then
// its targets.
func (s Site) Tidy(lang *i18n.Lang, data *metrics.Data) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff") // as the series CSVs: spreadsheet programs then read UTF-8
	w := csv.NewWriter(&b)
	w.Write(TidyHeader)
	rec := make([]string, len(tidyFields))
	set := func(name, v string) { rec[tidyColumn[name]] = v }
	source := func(id string) {
		set("source", id)
		if src := data.Source(id); src != nil {
			set("source_title", src.TitleIn(lang.Code))
			set("source_date", dateText(src.Date))
		}
	}
	cite := func(row int, column string) {
		if row != 0 {
			set("row", strconv.Itoa(row))
		}
		set("column", column)
	}
	for _, se := range data.Series {
		labels := map[string]string{}
		for _, sub := range se.Subseries {
			labels[sub.ID] = sub.LabelIn(lang.Code)
		}
		start := func(kind, sub string) {
			clear(rec)
			set("kind", kind)
			set("series", se.ID)
			set("series_title", se.TitleIn(lang.Code))
			set("unit", se.UnitIn(lang.Code))
			set("subseries", sub)
			set("subseries_label", labels[sub])
			set("derived", "false")
		}
		for i := range se.Points {
			p := &se.Points[i]
			start(rowFigure, p.Subseries)
			set("period", p.Period.String())
			set("start", dateText(p.Period.Start()))
			set("end", dateText(p.Period.End()))
			set("value", num(p.Value))
			if metrics.Bound(p.Qualifier) {
				set("qualifier", p.Qualifier)
			}
			set("flag", p.Flag)
			set("of", num(p.Of))
			set("change", num(p.Change))
			set("change_pct", num(p.ChangePct))
			set("change_qualifier", p.ChangeQualifier)
			if p.ChangeSince != nil {
				set("change_since", p.ChangeSince.String())
			}
			set("gap", p.GapIn(lang.Code))
			cited := p
			if p.Derived() {
				set("derived", "true")
				set("derived_from", p.DerivedFrom.String())
				if p.Origin != nil {
					cited = p.Origin
				}
			}
			source(cited.Source)
			cite(cited.Row, cited.Column)
			set("quote", cited.Quote)
			if lang.Code == "en" {
				set("quote_translation", cited.QuoteEn)
			}
			set("note", p.NoteIn(lang.Code))
			w.Write(rec)
		}
		for i := range se.Targets {
			t := &se.Targets[i]
			start(rowTarget, t.Subseries)
			if t.By != nil {
				set("period", t.By.String())
				set("start", dateText(t.By.Start()))
				set("end", dateText(t.By.End()))
			}
			set("value", num(t.Value))
			if metrics.Bound(t.Qualifier) {
				set("qualifier", t.Qualifier)
			}
			source(t.Source)
			set("quote", t.Quote)
			if lang.Code == "en" {
				set("quote_translation", t.QuoteEn)
			}
			set("note", t.NoteIn(lang.Code))
			w.Write(rec)
		}
	}
	w.Flush()
	return b.Bytes()
}

// The descriptor (see the Data Package and Table Schema specs, v1). Structs
// rather than maps, so that its keys come in the order the spec lists them.
type dataPackage struct {
	Profile     string       `json:"profile"`
	Name        string       `json:"name"`
	ID          string       `json:"id,omitempty"`
	Title       string       `json:"title"`
	Description string       `json:"description,omitempty"`
	Homepage    string       `json:"homepage,omitempty"`
	Licenses    []dpLicense  `json:"licenses"`
	Sources     []dpSource   `json:"sources,omitempty"`
	Resources   []dpResource `json:"resources"`
}

type dpLicense struct {
	Name  string `json:"name"`
	Path  string `json:"path"`
	Title string `json:"title"`
}

type dpSource struct {
	Title string `json:"title"`
	Path  string `json:"path,omitempty"`
}

type dpResource struct {
	Profile     string     `json:"profile"`
	Name        string     `json:"name"`
	Path        string     `json:"path"`
	Title       string     `json:"title"`
	Description string     `json:"description,omitempty"`
	Format      string     `json:"format"`
	Mediatype   string     `json:"mediatype"`
	Encoding    string     `json:"encoding,omitempty"`
	Dialect     *dpDialect `json:"dialect,omitempty"`
	// The Table Schema of a CSV, written out in each resource: the spec
	// allows the path of a file holding it instead, but the profiles of
	// its reference implementation (datapackage-js) want an object.
	Schema *tableSchema `json:"schema,omitempty"`
}

type dpDialect struct {
	Delimiter        string `json:"delimiter"`
	DoubleQuote      bool   `json:"doubleQuote"`
	LineTerminator   string `json:"lineTerminator"`
	QuoteChar        string `json:"quoteChar"`
	SkipInitialSpace bool   `json:"skipInitialSpace"`
	Header           bool   `json:"header"`
}

type tableSchema struct {
	Fields        []field  `json:"fields"`
	MissingValues []string `json:"missingValues"`
}

// emptyMissing is what an empty cell is: no value.
var emptyMissing = []string{""}

// csvDialect is how encoding/csv writes: commas, "" for a quote inside
// quotes, and \n (not the spec's default \r\n) at the end of a row.
var csvDialect = &dpDialect{Delimiter: ",", DoubleQuote: true, LineTerminator: "\n", QuoteChar: `"`, Header: true}

// dataLicense is the licence of every download.
var dataLicense = dpLicense{Name: "CC-BY-4.0", Path: "https://creativecommons.org/licenses/by/4.0/", Title: "Creative Commons Attribution 4.0"}

// inSiteLangs joins what f gives in each of the site's languages, default
// first, leaving out what is empty or said already.
func (s Site) inSiteLangs(sep string, f func(l *i18n.Lang) string) string {
	var out []string
	for _, l := range s.Langs {
		if t := f(l); t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return strings.Join(out, sep)
}

// Descriptor is the Data Package descriptor of the files of data/ (site
// paths), or, with zipped, of the archive's files (the same names, flat,
// with sources.json and commitments.json and without the archive).
// Resource names are the files' names, which are unique and made of the
// characters names may have (series ids have no dot).
func (s Site) Descriptor(data *metrics.Data, zipped bool) ([]byte, error) {
	cfg := s.Config
	name := markdown.Slugify(cfg.TitleEn)
	if name == "" {
		name = "tiendo"
	}
	dp := dataPackage{
		Profile:     "data-package",
		Name:        name,
		Title:       s.inSiteLangs(" / ", func(l *i18n.Lang) string { return l.Pick(cfg.Title, cfg.TitleEn) }),
		Description: s.inSiteLangs("\n\n", func(l *i18n.Lang) string { return l.Pick(cfg.Description, cfg.DescriptionEn) }),
		Licenses:    []dpLicense{dataLicense},
	}
	if s.URLs.Origin != "" && !zipped {
		dp.ID = s.URLs.Abs(site.DataPackage)
		dp.Homepage = s.URLs.Abs(site.Home(s.Langs[0]))
	}
	for _, src := range data.Sources {
		ds := dpSource{Title: src.Title, Path: src.URL}
		if ds.Path == "" && src.Document != "" && s.URLs.Origin != "" {
			ds.Path = s.URLs.Abs(site.Source(s.Langs[0], src.ID)) // its page, with its archived text
		}
		dp.Sources = append(dp.Sources, ds)
	}
	file := func(p string) string { return path.Base(p) } // relative to data/, or the archive's root
	for _, l := range s.Langs {
		p := file(site.DataAll(l))
		dp.Resources = append(dp.Resources, dpResource{
			Profile: "tabular-data-resource", Name: p, Path: p,
			Title:       l.T("data.all"),
			Description: l.T("data.all_desc"),
			Format:      "csv", Mediatype: "text/csv", Encoding: "utf-8", Dialect: csvDialect,
			Schema: &tableSchema{Fields: tidyFields, MissingValues: emptyMissing},
		})
	}
	for _, se := range data.Series {
		title := s.inSiteLangs(" / ", func(l *i18n.Lang) string { return se.TitleIn(l.Code) })
		unit := s.inSiteLangs(" / ", func(l *i18n.Lang) string { return se.UnitIn(l.Code) })
		csvPath, jsonPath := file(site.DataCSV(se.ID)), file(site.DataJSON(se.ID))
		dp.Resources = append(dp.Resources,
			dpResource{
				Profile: "tabular-data-resource", Name: csvPath, Path: csvPath, Title: title,
				Description: "The figures of the series " + se.ID + ", a row each (" + se.Kind + ", unit: " + unit + "). Its targets and the sources' details are in " + jsonPath + ".",
				Format:      "csv", Mediatype: "text/csv", Encoding: "utf-8", Dialect: csvDialect,
				Schema: &tableSchema{Fields: seriesFields, MissingValues: emptyMissing},
			},
			dpResource{
				Profile: "data-resource", Name: jsonPath, Path: jsonPath, Title: title,
				Description: "The series " + se.ID + " in one JSON document: its titles, units and sub-series in Vietnamese and English, its figures and targets with their quotes, and the sources they cite.",
				Format:      "json", Mediatype: "application/json", Encoding: "utf-8",
			})
	}
	if zipped {
		dp.Resources = append(dp.Resources,
			dpResource{Profile: "data-resource", Name: "sources.json", Path: "sources.json",
				Title:       "Sources",
				Description: "Every source document: id, titles, publisher, language, date, kind, address and archived file.",
				Format:      "json", Mediatype: "application/json", Encoding: "utf-8"},
			dpResource{Profile: "data-resource", Name: "commitments.json", Path: "commitments.json",
				Title:       "Commitments",
				Description: "Every task assigned to an agency, with its deadline as stated, its source and quote, and the reports of later sources on it.",
				Format:      "json", Mediatype: "application/json", Encoding: "utf-8"})
	} else {
		p := file(site.DataArchive)
		dp.Resources = append(dp.Resources, dpResource{Profile: "data-resource", Name: p, Path: p,
			Title:       "Every download in one ZIP archive",
			Description: "Every file above but the archive, with sources.json (the source documents) and commitments.json (the tasks), and a datapackage.json of its own.",
			Format:      "zip", Mediatype: "application/zip"})
	}
	return marshal(dp)
}

// ReservedSeries are the series ids whose downloads would be other files:
// data/all.csv and data/datapackage.json, or sources.json and
// commitments.json in the archive.
var ReservedSeries = []string{"all", "datapackage", "sources", "commitments"}
