package metrics

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/internal/workers"
	"github.com/tiendo/tiendo/generator/markdown"
	"github.com/tiendo/tiendo/generator/tomlfile"
)

// Paths of the data files inside the site's file system.
const (
	SourcesFile    = "content/sources.toml"
	ArchiveDir     = "content/sources"
	SeriesDir      = "content/metrics"
	CommitmentsDir = "content/commitments"
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidID reports whether s is a valid id: the ASCII letters a-z, digits
// and single '-' between them.
func ValidID(s string) bool { return idPattern.MatchString(s) }

// NotID is the message for s, an id or a file or folder name that makes
// one, when it is not ValidID: what (such as "source id") can hold only
// some characters, then fix of the id to use instead (markdown.Slugify of
// s), as in `write id = "ty-le"` or "rename the file to ty-le.toml". When
// nothing of s can be kept, the fix is left out.
func NotID(what diag.Text, s string, fix func(id string) diag.Text) diag.Text {
	if id := markdown.Slugify(s); id != "" {
		return diag.T("%s %q can have only the letters a-z, digits and '-' (no accents, capitals or spaces): %s", what, s, fix(id))
	}
	return diag.T("%s %q can have only the letters a-z, digits and '-' (no accents, capitals or spaces)", what, s)
}

// writeID is NotID's fix for an id written in a file.
func writeID(id string) diag.Text { return diag.T(`write id = "%s"`, id) }

// Load is LoadLangs for a site in Vietnamese and English, Vietnamese first.
func Load(fsys fs.FS, themes []string) (*Data, diag.List) {
	return LoadLangs(fsys, themes, []string{"vi", "en"})
}

// LoadLangs reads sources, series and commitments from fsys, validates them
// against each other and against the known theme ids, and computes derived
// points. It returns every problem found. langs are the site's languages,
// its default first: the texts suffixed _en that publishing needs (title_en,
// unit_en, label_en) are required only when English is one of the others,
// and a source's lang is by default the site's default language.
func LoadLangs(fsys fs.FS, themes []string, langs []string) (*Data, diag.List) {
	var errs diag.List
	d := &Data{sourceByID: map[string]*Source{}, seriesByID: map[string]*Series{}}
	d.needEn = slices.Contains(langs[1:], "en")
	d.lang = "vi"
	if langs[0] == "vi" || langs[0] == "en" {
		d.lang = langs[0]
	}

	var ok bool
	var f *tomlfile.File
	d.Sources, f, ok = loadSources(fsys, &errs)
	d.sourcesUnread = !ok
	for _, s := range d.Sources {
		if s.Lang == "" {
			s.Lang = d.lang
		}
	}
	d.archive, d.tables, d.unreadTables, d.unreadSeries = map[string]string{}, map[string]*Table{}, map[string]bool{}, map[string]bool{}
	for i, s := range d.Sources {
		if d.sourceByID[s.ID] != nil {
			errs.Add(s.Pos, "duplicate source id %q (first at %s)", s.ID, d.sourceByID[s.ID].Pos)
			d.duplicateSources = append(d.duplicateSources, s)
			continue
		}
		d.sourceByID[s.ID] = s
		switch {
		case s.Document != "" && !plainName(s.Document):
			// reported by loadSources
		case s.Document != "":
			b, ok := readArchived(fsys, s, f, i, &errs)
			isTable := strings.HasSuffix(strings.ToLower(s.Document), ".csv")
			if !ok || (isTable && s.SHA256 != "" && s.SHA256 != hashOf(b)) {
				// A table that is missing or is not the one archived is
				// reported once, at its source: the cells its readers cite
				// are not looked up in another table.
				if isTable {
					d.unreadTables[s.ID] = true // what cites it is not reported again
				}
				break
			}
			// Quotes are looked up in the article alone, when the editor
			// says where it starts and ends within the archived page.
			passages, ok := Article(string(b), s.ArticleStart, s.ArticleEnd, nil)
			if !ok {
				errs.Add(f.Pos("sources", i, "article_start"), "source %q: article_start and article_end must be words of %s, the end after the start (they mark the lines where the article begins and ends)", s.ID, ArchiveDir+"/"+s.Document)
			}
			var text strings.Builder
			for _, p := range passages {
				text.WriteString(p.Text + " ")
			}
			d.archive[s.ID] = text.String()
			for k, o := range s.Omit {
				switch {
				case strings.TrimSpace(o.Reason) == "":
					errs.Add(f.Pos("sources", i, "omit", k), "an omitted stretch needs reason: why its numbers are not figures of the site")
				case normalize(o.Text) == "" || !strings.Contains(d.archive[s.ID], normalize(o.Text)):
					errs.Add(f.Pos("sources", i, "omit", k, "text"), "the omitted text is not in %s/%s: copy it from the document exactly", ArchiveDir, s.Document)
				}
			}
			if isTable {
				t, err := readTable(ArchiveDir+"/"+s.Document, b, s.Language())
				if err != nil {
					at := diag.Pos{File: ArchiveDir + "/" + s.Document}
					var pe *csv.ParseError
					if errors.As(err, &pe) {
						at.Line, at.Col = pe.Line, pe.Column
						err = pe.Err
					}
					if errors.Is(err, csv.ErrQuote) || errors.Is(err, csv.ErrBareQuote) {
						errs.Add(at, `the table cannot be read: a quote mark (") that is not closed or stands inside a cell: a cell with " in it is written between quotes, its " doubled ("")`)
					} else {
						errs.Add(at, "the table cannot be read: %v", err)
					}
					d.unreadTables[s.ID] = true
					break
				}
				d.tables[s.ID] = t
			}
		case s.Draft:
			// A draft's document may not be archived yet.
		default:
			errs.Warn(s.Pos, "source %q has no archived document: its quotes cannot be verified; put its text in %s/ and name the file in document", s.ID, ArchiveDir)
		}
	}

	files, _ := fs.Glob(fsys, SeriesDir+"/*.toml")
	// Files are read and decoded on every core, each on its own; what is
	// checked against the rest of the data is checked in file order.
	decoded := make([]decodedSeries, len(files))
	workers.Do(len(files), func(i int) error {
		decoded[i] = decodeSeries(fsys, files[i])
		return nil
	})
	stubs := map[string]bool{}
	for i, name := range files {
		s := loadSeries(decoded[i], d, themes, &errs)
		if s == nil || !ValidID(s.ID) {
			// Its problems are reported; its name still names a series,
			// so that what cites it is not also told the series is
			// unknown (an id that is no id is likely an edit of it).
			if id := strings.TrimSuffix(path.Base(name), ".toml"); d.seriesByID[id] == nil {
				d.seriesByID[id] = &Series{ID: id, File: name, Pos: diag.Pos{File: name, Line: 1, Col: 1}}
				stubs[id] = true
			}
		}
		if s == nil {
			continue
		}
		if prev := d.seriesByID[s.ID]; prev != nil && !stubs[s.ID] {
			errs.Add(s.Pos, "duplicate series id %q (also %s)", s.ID, prev.File)
			continue
		}
		delete(stubs, s.ID)
		d.seriesByID[s.ID] = s
		d.Series = append(d.Series, s)
	}
	d.unloaded = stubs
	sort.Slice(d.Series, func(i, j int) bool { return d.Series[i].ID < d.Series[j].ID })

	files, _ = fs.Glob(fsys, CommitmentsDir+"/*.toml")
	seen := map[string]*Commitment{}
	for _, name := range files {
		for _, c := range loadCommitments(fsys, name, d, &errs) {
			if prev := seen[c.ID]; prev != nil {
				errs.Add(c.Pos, "duplicate commitment id %q (first at %s)", c.ID, prev.Pos)
				continue
			}
			seen[c.ID] = c
			d.Commitments = append(d.Commitments, c)
		}
	}
	sort.SliceStable(d.Commitments, func(i, j int) bool {
		a, b := d.Commitments[i], d.Commitments[j]
		ad, adated := a.Deadline()
		bd, bdated := b.Deadline()
		switch {
		case adated != bdated:
			return adated // events last
		case ad != bd:
			return ad.Before(bd)
		}
		return a.ID < b.ID
	})
	return d, errs.Unslipped()
}

func readFile(fsys fs.FS, name string, errs *diag.List) []byte {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		errs.Add(diag.Pos{File: name}, "cannot read: %v", err)
		return nil
	}
	return data
}

// loadSources returns the sources, and false when the file cannot be read
// or decoded.
func loadSources(fsys fs.FS, errs *diag.List) ([]*Source, *tomlfile.File, bool) {
	data := readFile(fsys, SourcesFile, errs)
	if data == nil {
		return nil, nil, false
	}
	var doc struct {
		Sources []*Source `toml:"sources"`
	}
	f, problems := tomlfile.Decode(SourcesFile, data, 0, &doc)
	errs.Append(problems.Err())
	if !f.Decoded() {
		// A syntax or type error: what was decoded may be partial (nil
		// entries), so nothing is checked, and what cites a source is not
		// told that it is unknown: the one error above says why.
		return nil, f, false
	}
	for i, s := range doc.Sources {
		s.Pos = f.Pos("sources", i)
		at := func(key string) diag.Pos { return f.Pos("sources", i, key) }
		if !ValidID(s.ID) {
			errs.Add(at("id"), "%s", NotID(diag.T("source id"), s.ID, writeID))
		}
		// A draft may leave out what publishing needs.
		for _, key := range []struct{ name, v string }{{"title", s.Title}, {"publisher", s.Publisher}} {
			if strings.TrimSpace(key.v) == "" && !s.Draft {
				errs.Add(at(key.name), "source %q: %s is required", s.ID, key.name)
			}
		}
		if s.Date.IsZero() && !s.Draft {
			errs.Add(at("date"), "source %q: date is required", s.ID)
		}
		if !slices.Contains(SourceKinds, s.Kind) && !(s.Draft && s.Kind == "") {
			errs.Add(at("kind"), "source %q: kind %q must be one of %s", s.ID, s.Kind, strings.Join(SourceKinds, ", "))
		}
		if s.Document != "" && !plainName(s.Document) {
			errs.Add(at("document"), "document %q must be a plain file name", s.Document)
		}
		if s.URL != "" && !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
			errs.Add(at("url"), "url must start with https:// or http://")
		}
		checkWord(s.Reuse, Reuses, "reuse", at("reuse"), errs)
		if s.Lang != "" && s.Lang != "vi" && s.Lang != "en" {
			errs.Add(at("lang"), "source %q: lang %q must be vi or en (the language of the document)", s.ID, s.Lang)
		}
	}
	return doc.Sources, f, true
}

// plainName reports whether name is a file name with no folder, not hidden.
func plainName(name string) bool { return path.Base(name) == name && !strings.HasPrefix(name, ".") }

// readArchived reads the archived document of source number i and checks
// it against its recorded hash.
func readArchived(fsys fs.FS, s *Source, f *tomlfile.File, i int, errs *diag.List) ([]byte, bool) {
	name := ArchiveDir + "/" + s.Document
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		errs.Add(f.Pos("sources", i, "document"), "source %q: no archived document %s: put the document's text there, as it was published (%v)", s.ID, name, err)
		return nil, false
	}
	sum := hashOf(b)
	switch {
	case s.SHA256 == "":
		errs.Warn(f.Pos("sources", i, "document"), "source %q: record the hash of %s, so that a change to it is noticed: sha256 = %q", s.ID, name, sum)
	case s.SHA256 != sum:
		errs.Add(f.Pos("sources", i, "sha256"), "%s is not the document that was archived (its sha256 is %s): an archived document is kept exactly as published; restore it (git checkout %s), or if this is a new version, set sha256 = %q", name, sum, name, sum)
	}
	return b, true
}

// hashOf is the sha256 of an archived document, as a source records it.
func hashOf(b []byte) string { return fmt.Sprintf("%x", sha256.Sum256(b)) }

var spaces = regexp.MustCompile(`\s+`)

// normalize collapses whitespace, for quote matching.
func normalize(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }

// decodedSeries is a series file read and decoded, not yet checked.
type decodedSeries struct {
	name     string
	s        *Series // nil when the file cannot be read
	f        *tomlfile.File
	problems diag.List
}

// decodeSeries reads and decodes the series file name; it reads nothing
// else, so that files can be decoded side by side.
func decodeSeries(fsys fs.FS, name string) decodedSeries {
	ds := decodedSeries{name: name}
	data := readFile(fsys, name, &ds.problems)
	if data == nil {
		return ds
	}
	if blank(data) {
		// Not six errors for the six keys it lacks.
		ds.problems.Add(diag.Pos{File: name, Line: 1, Col: 1}, "this series file is empty: it holds title, unit, kind, theme and the points (tiendo new metric writes one to fill in), or delete it")
		return ds
	}
	ds.s = &Series{}
	f, problems := tomlfile.Decode(name, data, 0, ds.s)
	ds.f = f
	ds.problems.Append(problems)
	return ds
}

// blank reports whether a TOML text has nothing but spaces and comments.
func blank(data []byte) bool {
	for line := range bytes.Lines(data) {
		if l := bytes.TrimSpace(line); len(l) > 0 && l[0] != '#' {
			return false
		}
	}
	return true
}

func loadSeries(ds decodedSeries, d *Data, themes []string, errs *diag.List) *Series {
	errs.Append(ds.problems)
	if ds.s == nil {
		return nil
	}
	name, s, f := ds.name, ds.s, ds.f
	if !f.Decoded() {
		// A syntax or type error: nothing to check. An unknown key is
		// reported but keeps the series, so that what names it still finds it.
		return nil
	}
	s.File = name
	s.Pos = diag.Pos{File: name, Line: 1, Col: 1}
	d.loadingDraft = s.Draft
	defer func() { d.loadingDraft = false }()
	switch {
	case s.ID == "":
		s.ID = strings.TrimSuffix(path.Base(name), ".toml")
		if !ValidID(s.ID) {
			errs.Add(s.Pos, "%s", NotID(diag.T("the file name"), s.ID, func(id string) diag.Text {
				return diag.T("rename the file to %s.toml (the file name is the series id)", id)
			}))
		}
	case !ValidID(s.ID):
		errs.Add(f.Pos("id"), "%s", NotID(diag.T("series id"), s.ID, writeID))
	}
	type field struct{ name, v string }
	required := []field{{"title", s.Title}, {"unit", s.Unit}}
	if d.needEn {
		required = append(required, field{"title_en", s.TitleEn}, field{"unit_en", s.UnitEn})
		if s.SubseriesName != "" { // else English pages name them as the interface does
			required = append(required, field{"subseries_name_en", s.SubseriesNameEn})
		}
	}
	for _, key := range required {
		if strings.TrimSpace(key.v) == "" && !s.Draft { // a draft may leave them out
			errs.Add(f.Pos(key.name), "%s is required", key.name) // at an empty value, or the file's start
		}
	}
	if !slices.Contains(Kinds, s.Kind) {
		errs.Add(f.Pos("kind"), "kind %q must be one of %s", s.Kind, strings.Join(Kinds, ", "))
	}
	switch s.Better {
	case "":
		s.Better = "higher"
		if s.Kind == Rank {
			s.Better = "lower"
		}
	case "higher", "lower":
	default:
		errs.Add(f.Pos("better"), "better %q must be higher or lower", s.Better)
	}
	if !slices.Contains(themes, s.Theme) {
		errs.Add(f.Pos("theme"), "theme %q is not one of the themes in content/site.toml (%s)", s.Theme, strings.Join(themes, ", "))
	}
	maxDec := 4
	if s.Kind == Index {
		maxDec = 6
	}
	if s.Decimals != nil && (*s.Decimals < 0 || *s.Decimals > maxDec) {
		errs.Add(f.Pos("decimals"), "decimals must be between 0 and %d", maxDec)
	}
	if s.Map != "" {
		s.MapPos = f.Pos("map")
		switch {
		case !ValidID(s.Map):
			errs.Add(s.MapPos, `map %q is not a map's id: "world", or the name of a file content/maps/<id>.toml without .toml`, s.Map)
		case len(s.Subseries) == 0 && len(s.Tables) == 0: // a table may make them
			errs.Add(s.MapPos, "a map colours sub-series: declare one [[subseries]] per shape, its id the shape's code")
		}
	}
	if s.AxisMin != nil && s.AxisMax != nil && *s.AxisMin >= *s.AxisMax {
		errs.Add(f.Pos("axis_max"), "axis_max must be above axis_min")
	}

	for i := range s.Subseries {
		s.Subseries[i].Pos = f.Pos("subseries", i, "id")
	}
	// Tables first: the sub-series they make can be named by targets.
	fromTables := fillFromTables(s, f, d, errs)
	subs := map[string]bool{}
	for i, sub := range s.Subseries {
		if !ValidID(sub.ID) {
			errs.Add(f.Pos("subseries", i, "id"), "%s", NotID(diag.T("sub-series id"), sub.ID, writeID))
		}
		if subs[sub.ID] {
			errs.Add(f.Pos("subseries", i, "id"), "duplicate sub-series id %q", sub.ID)
		}
		subs[sub.ID] = true
		switch {
		case d.needEn && (sub.Label == "" || sub.LabelEn == ""):
			errs.Add(f.Pos("subseries", i), "sub-series %q needs label and label_en", sub.ID)
		case sub.Label == "":
			errs.Add(f.Pos("subseries", i), "sub-series %q needs a label", sub.ID)
		}
	}
	checkSub := func(sub string, pos diag.Pos) {
		switch {
		case len(subs) == 0 && sub != "":
			errs.Add(pos, "subseries %q given but the series declares no [[subseries]]", sub)
		case len(subs) > 0 && !subs[sub]:
			errs.Add(pos, "subseries %q is not declared; want one of %s", sub, strings.Join(s.subseriesIDs(), ", "))
		}
	}
	for i, id := range s.Highlight {
		switch at := f.Pos("highlight", i); {
		case subs[id] || d.unreadSeries[s.ID]:
		case len(subs) == 0:
			errs.Add(at, "highlight %q: the series has no sub-series to highlight; highlight names sub-series ids", id)
		default:
			errs.Add(at, "highlight %q is not a sub-series of the series; want one of %s", id, strings.Join(s.subseriesIDs(), ", "))
		}
	}

	type key struct {
		sub, period, source string
	}
	seen := map[key]bool{}
	for i := range s.Points {
		p := &s.Points[i]
		p.Pos, p.QuotePos = f.Pos("points", i), f.Pos("points", i, "quote")
		at := func(k string) diag.Pos { return f.Pos("points", i, k) }
		if p.AsOf != nil {
			if !p.Period.IsZero() {
				errs.Add(at("as_of"), "give period or as_of, not both: as_of is a cumulative total up to that day, period a figure for a span of time")
			}
			p.Period = calendar.AsOfDate(*p.AsOf)
		}
		if p.Period.IsZero() {
			errs.Add(at("period"), "point: period (or as_of) is required") // at the table, or a slip for it
		}
		checkSub(p.Subseries, at("subseries"))
		checkWord(p.Qualifier, Qualifiers, "qualifier", at("qualifier"), errs)
		checkWord(p.Flag, Flags, "flag", at("flag"), errs)
		checkWord(p.ChangeQualifier, Qualifiers, "change_qualifier", at("change_qualifier"), errs)
		if s.Kind == Index && p.ChangePct != nil {
			errs.Add(at("change_pct"), "an index changes in points, not in percent: write the stated change as change")
		}
		if p.ChangeQualifier != "" && p.Change == nil && p.ChangePct == nil {
			errs.Add(at("change_qualifier"), "change_qualifier qualifies a stated change: give change or change_pct too")
		}
		if p.ChangeSince != nil && p.Change == nil && p.ChangePct == nil {
			errs.Add(at("change_since"), "change_since dates a stated change: give change or change_pct too")
		} else if p.ChangeSince != nil && !p.Period.IsZero() && p.Period.Timed() && p.ChangeSince.Compare(p.Period) >= 0 {
			errs.Add(at("change_since"), "change_since = %s must be before the point's period (%s)", p.ChangeSince, p.Period)
		}
		if p.Derived() {
			if p.Value != nil || p.Quote != "" || p.Source != "" || p.IsGap() {
				errs.Add(at("derived_from"), "a derived point has no value, quote, source or gap of its own: they come from the point it is derived from")
			}
			continue
		}
		k := key{p.Subseries, p.Period.String(), p.Source}
		if seen[k] && p.Period.Grain != calendar.Unstated {
			errs.Add(periodAt(p, at), "two points for period %s from the same source", p.Period.Label())
		}
		seen[k] = true
		if p.IsGap() {
			if p.Value != nil {
				errs.Add(at("gap"), "a gap states that the period has no value: remove value, or remove gap")
			}
			// A gap's quote is optional.
			if checkSource(d, p.Source, at("source"), errs); p.Quote != "" {
				d.verify(p.Source, p.Quote, p.QuotePos, errs)
			}
			continue
		}
		if p.Value == nil {
			errs.Add(at("value"), "point %s: value is required (or gap = \"…\", saying why the period has none)", p.Period.Label())
		} else {
			checkValue(s, *p.Value, p.Of, at("value"), errs)
		}
		switch {
		case p.Row != 0 || p.Column != "":
			checkSource(d, p.Source, at("source"), errs)
			if p.Quote != "" {
				errs.Add(at("quote"), "a point cites a quote or a table's cell (row and column), not both")
			}
			checkCell(d, p, at, errs)
		default:
			checkCitation(d, p.Source, p.Quote, p.Value, at("source"), at("quote"), errs)
			if p.Value != nil {
				checkHedges(d.sourceByID[p.Source], p.Quote, *p.Value, p.Qualifier, p.Flag, p.QuotePos, errs)
			}
			checkChange(d, p, at, errs)
		}
		// (A draft source may have no date yet.)
		if src := d.sourceByID[p.Source]; src != nil && !src.Date.IsZero() && p.Period.Timed() && p.Flag != Planned && p.Flag != Estimate &&
			!p.Period.IsZero() && src.Date.Before(p.Period.Start()) {
			errs.Warn(periodAt(p, at), "the period %s starts after its source's date (%s): a figure for the future is a target ([[targets]]), or a point with flag = \"planned\" or \"estimate\"", p.Period.Label(), src.Date)
		}
	}
	for _, p := range fromTables {
		k := key{p.Subseries, p.Period.String(), p.Source}
		if seen[k] && p.Period.Grain != calendar.Unstated {
			errs.Add(p.Pos, "two rows for period %s of the same line", p.Period.Label())
		}
		seen[k] = true
		if src := d.sourceByID[p.Source]; src != nil && !src.Date.IsZero() && p.Period.Timed() && src.Date.Before(p.Period.Start()) {
			errs.Warn(p.Pos, "the period %s starts after the table's date (%s): a figure for the future is a target", p.Period.Label(), src.Date)
		}
	}
	s.Points = append(s.Points, fromTables...)
	// Keep only points that can be drawn, so that a site with errors can
	// still be rendered to find the problems in its pages too.
	s.Points = slices.DeleteFunc(s.Points, func(p Point) bool {
		return p.Period.IsZero() || (!p.Derived() && !p.IsGap() && p.Value == nil)
	})
	sortPoints(s.Points, s.subOrder())
	for i := range s.Points {
		if p := &s.Points[i]; p.Derived() {
			derive(s, p, errs)
		}
	}
	if n := len(s.Points); n > 0 {
		s.Points = slices.DeleteFunc(s.Points, func(p Point) bool { return p.Value == nil && !p.IsGap() })
		if len(s.Points) != n { // elements moved: find the origins again
			var ignore diag.List
			for i := range s.Points {
				if p := &s.Points[i]; p.Derived() {
					derive(s, p, &ignore)
				}
			}
		}
	}

	for i := range s.Targets {
		t := &s.Targets[i]
		t.Pos, t.QuotePos = f.Pos("targets", i), f.Pos("targets", i, "quote")
		at := func(k string) diag.Pos { return f.Pos("targets", i, k) }
		checkSub(t.Subseries, at("subseries"))
		switch {
		case t.By == nil:
			errs.Add(at("by"), "target: by (the deadline) is required")
		case !t.By.Simple():
			errs.Add(at("by"), "target: by must be a year, half, quarter, month or day (the deadline the target is due by), not %s", t.By)
			t.By = nil
		}
		if t.Value == nil {
			errs.Add(at("value"), "target: value is required")
		} else {
			checkValue(s, *t.Value, nil, at("value"), errs)
		}
		checkWord(t.Qualifier, Qualifiers, "qualifier", at("qualifier"), errs)
		checkCitation(d, t.Source, t.Quote, t.Value, at("source"), at("quote"), errs)
		if t.Value != nil {
			checkHedges(d.sourceByID[t.Source], t.Quote, *t.Value, t.Qualifier, Planned, t.QuotePos, errs)
		}
	}
	s.Targets = slices.DeleteFunc(s.Targets, func(t Target) bool { return t.By == nil || t.Value == nil })
	// A deadline before the line's first figure is likely a slip of by.
	for i := range s.Targets {
		t := &s.Targets[i]
		for _, p := range s.PointsOf(t.Subseries) {
			if p.Period.Timed() && p.Value != nil {
				if t.By.End().Before(p.Period.Start()) && !p.Period.Start().IsZero() {
					errs.Warn(t.Pos, "the target is due by the end of %s, before the first figure of its line (%s): check by", t.By, p.Period.Label())
				}
				break
			}
		}
	}
	// By line, as the points are, then by deadline.
	order := s.subOrder()
	sort.SliceStable(s.Targets, func(i, j int) bool {
		a, b := &s.Targets[i], &s.Targets[j]
		if a.Subseries != b.Subseries {
			return subBefore(a.Subseries, b.Subseries, order)
		}
		return a.By.Compare(*b.By) < 0
	})
	return s
}

// subOrder returns the place of a sub-series among those the series file
// declares: the one order of the lines on every tile, legend, table and
// list. An undeclared one ("" or a slip, reported) comes after them, by id.
func (s *Series) subOrder() func(string) int {
	at := make(map[string]int, len(s.Subseries))
	for i, sub := range s.Subseries {
		at[sub.ID] = i
	}
	return func(id string) int {
		if i, ok := at[id]; ok {
			return i
		}
		return len(s.Subseries)
	}
}

// subBefore reports whether sub-series a comes before b.
func subBefore(a, b string, order func(string) int) bool {
	if oa, ob := order(a), order(b); oa != ob {
		return oa < ob
	}
	return a < b
}

// periodAt is where a point says its period: at period, or at as_of.
func periodAt(p *Point, at func(string) diag.Pos) diag.Pos {
	if p.AsOf != nil {
		return at("as_of")
	}
	return at("period")
}

func (s *Series) subseriesIDs() []string {
	var ids []string
	for _, sub := range s.Subseries {
		ids = append(ids, sub.ID)
	}
	return ids
}

func checkValue(s *Series, v float64, of *float64, pos diag.Pos, errs *diag.List) {
	switch s.Kind {
	case Rate:
		if v < 0 || v > 100 {
			errs.Add(pos, "a rate must be between 0 and 100, not %s", FormatPlain(v))
		}
	case Rank:
		if v < 1 || v != math.Trunc(v) {
			errs.Add(pos, "a rank must be a whole number from 1, not %s", FormatPlain(v))
		}
	}
	if of != nil && v > *of {
		errs.Add(pos, "value %s is above its of = %s", FormatPlain(v), FormatPlain(*of))
	}
}

// checkWord checks that v is empty or one of the accepted words.
func checkWord(v string, accepted []string, key string, pos diag.Pos, errs *diag.List) {
	if v != "" && !slices.Contains(accepted, v) {
		errs.Add(pos, "%s %q must be one of %s", key, v, strings.Join(accepted, ", "))
	}
}

// checkSource checks that a citation names a known source, and returns the
// language its numbers are written in: the source's, or the site's default
// when there is no such source.
func checkSource(d *Data, source string, pos diag.Pos, errs *diag.List) (lang string) {
	switch src := d.sourceByID[source]; {
	case source == "":
		errs.Add(pos, "source is required")
	case src != nil:
		d.citeDraft(src, pos, errs)
		return src.Language()
	case !d.sourcesUnread:
		errs.Add(pos, "%s", d.UnknownSource(source))
	}
	return d.lang
}

// UnknownSource is the message for a citation of a source that is not in
// sources.toml, with the id it is likely a slip for.
func (d *Data) UnknownSource(id string) diag.Text {
	// Sorted: the closest of equals is the same each run.
	if near := tomlfile.Closest(id, slices.Sorted(maps.Keys(d.sourceByID))); near != "" {
		return diag.T("unknown source %q (not in %s): did you mean %q?", id, SourcesFile, near)
	}
	if len(d.duplicateSources) > 0 {
		// An id copied from another entry and not changed, or changed
		// to an id that was taken: the entry meant is likely that one.
		dup := d.duplicateSources[0]
		return diag.T("unknown source %q (not in %s; the entry at %s has the id %q, which an earlier entry already has: is it that one?)", id, SourcesFile, dup.Pos, dup.ID)
	}
	return diag.T("unknown source %q (not in %s)", id, SourcesFile)
}

// citeDraft reports a published series or commitment that cites a draft
// source: the source is not published, so neither can what rests on it be.
func (d *Data) citeDraft(src *Source, pos diag.Pos, errs *diag.List) {
	if src.Draft && !d.loadingDraft {
		errs.Add(pos, "source %q is a draft (its entry at %s says draft = true): remove that line to publish it, or make this a draft too", src.ID, src.Pos)
	}
}

// checkCitation checks a citation by quote: a known source, and a quote
// that is in its archived document and contains the value (when there is
// one), written as the source's language writes numbers.
func checkCitation(d *Data, source, quote string, value *float64, srcPos, quotePos diag.Pos, errs *diag.List) {
	lang := checkSource(d, source, srcPos, errs)
	if strings.TrimSpace(quote) == "" {
		errs.Add(quotePos, "quote is required: a verbatim excerpt of the source that contains the figure")
		return
	}
	if value != nil && !d.sourcesUnread && findNumber(quote, *value, lang) < 0 {
		forms := orList(NumberFormsIn(*value, lang))
		// value = 4.543 for the document's 4.543 (four thousand…): in TOML
		// the point is a decimal point.
		if thousands := math.Round(*value * 1000); decimalsOf(*value) == 3 && findNumber(quote, thousands, lang) >= 0 {
			errs.Add(quotePos, "the quote does not contain the value %s (written as %s): did you mean value = %s? A number has no thousands separators", FormatPlain(*value), forms, FormatPlain(thousands))
		} else {
			errs.Add(quotePos, "the quote does not contain the value %s (written as %s)", FormatPlain(*value), forms)
		}
	}
	d.verify(source, quote, quotePos, errs)
}

// checkChange checks a stated change as a value is checked: a fall of
// more than the whole (change_pct below -100) is no figure, and the quote
// must contain the change, as its source writes numbers (without its sign:
// "giảm 15 bậc", "down 3.2%").
func checkChange(d *Data, p *Point, at func(string) diag.Pos, errs *diag.List) {
	src := d.sourceByID[p.Source]
	for _, c := range []struct {
		key string
		v   *float64
	}{{"change", p.Change}, {"change_pct", p.ChangePct}} {
		switch {
		case c.v == nil:
		case c.key == "change_pct" && *c.v < -100:
			errs.Add(at(c.key), "change_pct = %s: a fall of more than 100%% leaves less than nothing; write the change the source states", FormatPlain(*c.v))
		case src == nil || strings.TrimSpace(p.Quote) == "":
			// reported by checkCitation
		case findNumber(p.Quote, math.Abs(*c.v), src.Language()) < 0:
			errs.Add(at(c.key), "the quote does not contain the %s %s (written as %s)", c.key, FormatPlain(math.Abs(*c.v)), orList(NumberFormsIn(math.Abs(*c.v), src.Language())))
		}
	}
}

// orList joins words with "or", in each language.
func orList(words []string) diag.Text {
	if len(words) == 0 {
		return diag.Text{}
	}
	t := diag.Text{En: words[0], Vi: words[0]}
	for _, w := range words[1:] {
		t = diag.T("%s or %s", t, w)
	}
	return t
}

// verify checks that quote is in the archived document of source (with
// whitespace collapsed), and counts it.
func (d *Data) verify(source, quote string, pos diag.Pos, errs *diag.List) {
	src := d.sourceByID[source]
	if src == nil {
		return
	}
	text, ok := d.archive[source]
	switch {
	case !ok:
		d.Unverified++
	case strings.Contains(text, normalize(quote)):
		d.Verified++
	case src.ArticleStart != "" || src.ArticleEnd != "":
		errs.Add(pos, "the quote is not in %s/%s (between article_start and article_end): copy it from the document exactly, letter for letter (%q)", ArchiveDir, src.Document, short(quote))
	default:
		errs.Add(pos, "the quote is not in %s/%s: copy it from the document exactly, letter for letter (%q)", ArchiveDir, src.Document, short(quote))
	}
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 80 {
		return string(r[:77]) + "…"
	}
	return s
}

// sortPoints sorts points by line, in the order the series file declares
// its sub-series (order), then by period and source.
func sortPoints(ps []Point, order func(string) int) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Subseries != b.Subseries {
			return subBefore(a.Subseries, b.Subseries, order)
		}
		if c := a.Period.Compare(b.Period); c != 0 {
			return c < 0
		}
		return a.Source < b.Source
	})
}

// derive computes the value of a derived point from the stated change of the
// point it names.
func derive(s *Series, p *Point, errs *diag.List) {
	var origin *Point
	for i := range s.Points {
		q := &s.Points[i]
		if q.Subseries == p.Subseries && !q.Derived() && q.Period == *p.DerivedFrom {
			origin = q
			break
		}
	}
	switch {
	case origin == nil:
		errs.Add(p.Pos, "derived_from = %s: no stated point of that period in this series", p.DerivedFrom)
	case origin.IsGap() || origin.Value == nil:
		errs.Add(p.Pos, "derived_from = %s: that point states that the period has no value", p.DerivedFrom)
	case !origin.Period.Timed():
		errs.Add(p.Pos, "derived_from = %s: a value cannot be derived from a figure with no stated time", p.DerivedFrom)
	case Bound(origin.Qualifier) || Bound(origin.ChangeQualifier):
		errs.Add(p.Pos, "derived_from = %s: that point's value or change is hedged (qualifier), so no value can be derived from it", p.DerivedFrom)
	case origin.Change != nil:
		v := roundDecimals(*origin.Value-*origin.Change, max(decimalsOf(*origin.Value), decimalsOf(*origin.Change)))
		p.Value, p.Origin = &v, origin
	case origin.ChangePct != nil && *origin.ChangePct <= -100:
		errs.Add(p.Pos, "derived_from = %s: that point fell by %s%%, from which no earlier value can be worked out", p.DerivedFrom, FormatPlain(-*origin.ChangePct))
	case origin.ChangePct != nil:
		factor := 1 + *origin.ChangePct/100
		// The factor has the digits of 100 + change_pct (1,36 for 36 %):
		// computed as 1 + 0,36 it is 1,3599999999999999.
		v := roundSignificant(*origin.Value/factor, max(significantOf(*origin.Value), significantOf(100+*origin.ChangePct)))
		p.Value, p.Origin = &v, origin
	default:
		errs.Add(p.Pos, "derived_from = %s: that point states no change or change_pct", p.DerivedFrom)
	}
	if origin != nil && p.Of == nil {
		p.Of = origin.Of
	}
	if origin != nil && !p.Period.IsZero() && p.Period.Compare(origin.Period) >= 0 {
		errs.Add(p.Pos, "a derived point must be earlier than the point it comes from (%s)", origin.Period)
	}
}

// decimalsOf is the number of digits after the decimal point that v is
// written with.
func decimalsOf(v float64) int {
	_, fp, _ := strings.Cut(strconv.FormatFloat(v, 'f', -1, 64), ".")
	return len(fp)
}

// significantOf is the number of significant digits v is written with
// (trailing zeros of a whole number do not count: 1.000 has one).
func significantOf(v float64) int {
	digits := strings.TrimLeft(strings.Replace(strconv.FormatFloat(math.Abs(v), 'f', -1, 64), ".", "", 1), "0")
	if !strings.Contains(strconv.FormatFloat(v, 'f', -1, 64), ".") {
		digits = strings.TrimRight(digits, "0")
	}
	return max(1, len(digits))
}

func roundDecimals(v float64, n int) float64 {
	f := math.Pow(10, float64(n))
	return math.Round(v*f) / f
}

// roundSignificant rounds v to n significant digits, keeping its whole part.
func roundSignificant(v float64, n int) float64 {
	if v == 0 {
		return 0
	}
	dec := n - 1 - int(math.Floor(math.Log10(math.Abs(v))))
	if dec < 0 {
		return math.Round(v) // a derived count keeps its units
	}
	return roundDecimals(v, dec)
}

func loadCommitments(fsys fs.FS, name string, d *Data, errs *diag.List) []*Commitment {
	data := readFile(fsys, name, errs)
	if data == nil {
		return nil
	}
	var doc struct {
		Commitments []*Commitment `toml:"commitments"`
	}
	f, problems := tomlfile.Decode(name, data, 0, &doc)
	errs.Append(problems)
	if !f.Decoded() {
		return nil
	}
	defer func() { d.loadingDraft = false }()
	for i, c := range doc.Commitments {
		c.Pos = f.Pos("commitments", i)
		c.QuotePos = f.Pos("commitments", i, "quote")
		d.loadingDraft = c.Draft
		at := func(k string) diag.Pos { return f.Pos("commitments", i, k) }
		if !ValidID(c.ID) {
			errs.Add(at("id"), "%s", NotID(diag.T("commitment id"), c.ID, writeID))
		}
		// A draft may leave out what publishing needs: what it gives is checked.
		if (c.Agency == "" || c.Task == "") && !c.Draft {
			errs.Add(c.Pos, "commitment %q: agency (the lead agency) and task are required", c.ID)
		}
		deadlines := 0
		for _, set := range []bool{!c.Due.IsZero(), !c.DueBefore.IsZero(), c.DueEvent != ""} {
			if set {
				deadlines++
			}
		}
		switch {
		case deadlines == 0 && c.Draft:
		case deadlines == 0:
			errs.Add(c.Pos, "commitment %q: the deadline is required, as the source states it: due (within a period, by a day), due_before (before a day) or due_event (at an event)", c.ID)
		case deadlines > 1:
			errs.Add(at("due"), "commitment %q: give one deadline: due, due_before or due_event", c.ID)
		case !c.Due.IsZero() && !c.Due.Simple():
			errs.Add(at("due"), "commitment %q: due must be a year, half, quarter, month or day", c.ID)
		}
		if len(c.PartnersEn) > 0 && len(c.PartnersEn) != len(c.Partners) {
			errs.Add(at("partners_en"), "partners_en must name the same %d agencies as partners, in the same order", len(c.Partners))
		}
		switch {
		case !c.Draft || strings.TrimSpace(c.Quote) != "":
			checkCitation(d, c.Source, c.Quote, nil, at("source"), at("quote"), errs)
		case c.Source != "":
			checkSource(d, c.Source, at("source"), errs)
		}
		switch {
		case c.OldStatus != "":
			errs.Add(at("status"), "a commitment's status comes from a report: write status = %q under [[commitments.reports]], with source (the id of the document that reports it) and quote (its words on the task)", c.OldStatus)
		case c.OldStatusSource != "" || c.OldStatusQuote != "":
			key := "status_source"
			if c.OldStatusSource == "" {
				key = "status_quote"
			}
			errs.Add(at(key), "a commitment's status comes from a report: write it under [[commitments.reports]] as status, source (the id of the document that reports it) and quote (its words on the task)")
		}
		assigned := calendar.Date{}
		if src := d.sourceByID[c.Source]; src != nil {
			assigned = src.Date
		}
		for j := range c.Reports {
			r := &c.Reports[j]
			r.QuotePos = f.Pos("commitments", i, "reports", j, "quote")
			rat := func(k string) diag.Pos { return f.Pos("commitments", i, "reports", j, k) }
			switch {
			case r.Status == "":
				errs.Add(f.Pos("commitments", i, "reports", j), "a report needs a status: one of %s", strings.Join(CommitmentStatuses, ", "))
			default:
				checkWord(r.Status, CommitmentStatuses, "status", rat("status"), errs)
			}
			if r.Source == "" {
				errs.Add(rat("source"), "a report needs source: the id of the document that reports the status")
			} else if strings.TrimSpace(r.Quote) == "" {
				errs.Add(rat("quote"), "a report needs quote: the document's words on the task, verbatim")
			} else {
				checkCitation(d, r.Source, r.Quote, nil, rat("source"), rat("quote"), errs)
			}
			if src := d.sourceByID[r.Source]; src != nil {
				r.Date = src.Date
				if !r.Date.IsZero() && r.Date.Before(assigned) { // a draft source may have no date yet
					errs.Add(rat("source"), "this report's source (%s) is older than the one that assigns the task (%s)", r.Date, assigned)
				}
			}
		}
		sort.SliceStable(c.Reports, func(a, b int) bool { return c.Reports[a].Date.Before(c.Reports[b].Date) })
		for _, m := range c.Metrics {
			switch s := d.seriesByID[m]; {
			case s == nil && !d.unloaded[m]:
				errs.Add(at("metrics"), "unknown metric %q", m)
			case s != nil && s.Draft && !c.Draft:
				errs.Add(at("metrics"), "metric %q is a draft (draft = true in %s): remove that line to publish it, or make this task a draft too", m, s.File)
			}
		}
	}
	return doc.Commitments
}

// FormatPlain writes v with a '.' decimal point and no grouping, for messages.
func FormatPlain(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// NumberForms lists the ways a Vietnamese text writes v: 4543 as "4.543" or
// "4543", 16.4 as "16,4".
func NumberForms(v float64) []string { return NumberFormsIn(v, "vi") }

// NumberFormsIn lists the ways a text in lang ("vi" or "en") writes v:
// Vietnamese groups thousands with '.' and writes decimals after ',';
// English the other way round (4,543 and 16.4).
func NumberFormsIn(v float64, lang string) []string {
	group, decimal := ".", ","
	if lang == "en" {
		group, decimal = ",", "."
	}
	plain := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	ip, fp, _ := strings.Cut(plain, ".")
	grouped := groupThousands(ip, group)
	forms := []string{grouped}
	if grouped != ip {
		forms = append(forms, ip)
	}
	if fp != "" {
		for i := range forms {
			forms[i] += decimal + fp
		}
	}
	return forms
}

func groupThousands(digits, sep string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	pre := len(digits) % 3
	if pre > 0 {
		b.WriteString(digits[:pre])
	}
	for i := pre; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// QuoteHasNumber reports whether quote contains v as a whole number token in
// one of its Vietnamese forms ("4.543" does not match inside "14.543").
func QuoteHasNumber(quote string, v float64) bool { return findNumber(quote, v, "vi") >= 0 }

// findNumber returns the byte offset of the first whole number token in
// quote that writes v in lang, or -1.
func findNumber(quote string, v float64, lang string) int {
	best := -1
	for _, form := range NumberFormsIn(v, lang) {
		for i := 0; ; {
			j := strings.Index(quote[i:], form)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(form)
			k := start - 1
			for k >= 0 && quote[k] == '0' { // "03" states 3
				k--
			}
			if !numberChar(quote, k, true) && !numberChar(quote, end, false) {
				if best < 0 || start < best {
					best = start
				}
				break
			}
			i = start + 1
		}
	}
	return best
}

// hedges maps the words a source puts before a number to the qualifier they
// make of it, longest first within a language.
var hedges = []struct{ words, qualifier string }{
	{"ít nhất", AtLeast}, {"tối thiểu", AtLeast}, {"tối đa", AtMost}, {"gần như", Nearly},
	{"trên", Over}, {"hơn", Over}, {"dưới", Under}, {"khoảng", About}, {"gần", Nearly},
	{"more than", Over}, {"over", Over}, {"less than", Under}, {"under", Under}, {"about", About},
	{"around", About}, {"approximately", About}, {"nearly", Nearly}, {"almost", Nearly},
	{"at least", AtLeast}, {"at most", AtMost}, {"up to", AtMost},
}

// flagWords are the words that mark a figure as an estimate or plan when
// they come shortly before it.
var flagWords = []struct{ words, flag string }{
	{"ước đạt", Estimate}, {"ước tính", Estimate}, {"ước", Estimate}, {"dự kiến", Planned},
	{"sơ bộ", Provisional}, {"estimated", Estimate}, {"an estimated", Estimate}, {"provisional", Provisional},
	{"planned", Planned}, {"expected", Planned},
}

// Hedge returns the qualifier that the words just before v in quote make of
// it ("trên 60 triệu": over), and a flag that the few words before it
// imply ("ước đạt 28 tỷ": estimate). Either may be "".
func Hedge(quote string, v float64, lang string) (qualifier, flag string) {
	at := findNumber(quote, v, lang)
	if at < 0 {
		return "", ""
	}
	before := strings.ToLower(strings.TrimRight(quote[:at], " \u00a0"))
	for _, h := range hedges {
		if strings.HasSuffix(before, h.words) && wordStart(before, len(before)-len(h.words)) {
			qualifier = h.qualifier
			break
		}
	}
	// A flag word counts within the three words before the number (after
	// any qualifier): "ước đạt khoảng 28", "dự kiến đạt 80".
	words := strings.Fields(before)
	window := strings.Join(words[max(0, len(words)-4):], " ")
	for _, w := range flagWords {
		if i := strings.LastIndex(window, w.words); i >= 0 && wordStart(window, i) {
			flag = w.flag
			break
		}
	}
	return qualifier, flag
}

// wordStart reports whether s[i:] begins a word.
func wordStart(s string, i int) bool {
	if i <= 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// checkHedges warns when the quote hedges the value and the point does not
// say so: "trên 60 triệu" wants qualifier = "over". flag is the point's
// flag (for a target, "planned": "dự kiến" says nothing new of a target).
func checkHedges(src *Source, quote string, v float64, qualifier, flag string, pos diag.Pos, errs *diag.List) {
	lang := "vi"
	if src != nil {
		lang = src.Language()
	}
	q, f := Hedge(quote, v, lang)
	if q != "" && qualifier == "" {
		errs.Warn(pos, "the quote hedges %s (%q before it): set qualifier = %q, or qualifier = \"exact\" if that word is not about the number", FormatPlain(v), hedgeWord(quote, v, lang), q)
	}
	if f != "" && flag == "" {
		errs.Warn(pos, "the quote marks %s as %s: set flag = %q", FormatPlain(v), flagWord(f), f)
	}
}

// flagWord names a flag in words, for messages.
func flagWord(flag string) diag.Text {
	switch flag {
	case Estimate:
		return diag.T("an estimate")
	case Provisional:
		return diag.T("provisional")
	case Planned:
		return diag.T("planned")
	}
	return diag.Text{En: flag}
}

// hedgeWord is the word just before v in quote, for messages.
func hedgeWord(quote string, v float64, lang string) string {
	at := findNumber(quote, v, lang)
	words := strings.Fields(quote[:max(at, 0)])
	if len(words) == 0 {
		return ""
	}
	w := words[len(words)-1]
	if len(words) > 1 {
		for _, h := range hedges {
			if two := words[len(words)-2] + " " + w; strings.EqualFold(two, h.words) {
				return two
			}
		}
	}
	return w
}

// numberChar reports whether the byte at i continues a number: a digit, or a
// '.'/',' with a digit beyond it.
func numberChar(s string, i int, before bool) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i]
	if c >= '0' && c <= '9' {
		return true
	}
	if c == '.' || c == ',' {
		k := i + 1
		if before {
			k = i - 1
		}
		return k >= 0 && k < len(s) && s[k] >= '0' && s[k] <= '9'
	}
	return false
}

// AsOf is the date statuses are judged at: chosen by the editors
// (content/site.toml as_of) and set with JudgeAt, never the machine's clock
// or the newest source, so that adding a source does not move it.
func (d *Data) AsOf() calendar.Date { return d.asOf }

// JudgeAt sets the date statuses are judged at.
func (d *Data) JudgeAt(day calendar.Date) { d.asOf = day }

// Judged reports whether anything has a status that depends on AsOf: a
// target or a commitment.
func (d *Data) Judged() bool {
	if len(d.Commitments) > 0 {
		return true
	}
	for _, s := range d.Series {
		if len(s.Targets) > 0 {
			return true
		}
	}
	return false
}

// Newest is the date of the newest source.
func (d *Data) Newest() calendar.Date {
	var newest calendar.Date
	for _, s := range d.Sources {
		if newest.Before(s.Date) {
			newest = s.Date
		}
	}
	return newest
}
