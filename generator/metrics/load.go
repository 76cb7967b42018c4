package metrics

import (
	"io/fs"
	"math"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/tomlfile"
)

// Paths of the data files inside the site's file system.
const (
	SourcesFile    = "content/sources.toml"
	SeriesDir      = "content/metrics"
	CommitmentsDir = "content/commitments"
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidID reports whether s is a valid id: lower-case letters, digits and '-'.
func ValidID(s string) bool { return idPattern.MatchString(s) }

// Load reads sources, series and commitments from fsys, validates them
// against each other and against the known theme ids, and computes derived
// points. It returns every problem found.
func Load(fsys fs.FS, themes []string) (*Data, diag.List) {
	var errs diag.List
	d := &Data{sourceByID: map[string]*Source{}, seriesByID: map[string]*Series{}}

	d.Sources = loadSources(fsys, &errs)
	for _, s := range d.Sources {
		if d.sourceByID[s.ID] != nil {
			errs.Add(s.Pos, "duplicate source id %q (first at %s)", s.ID, d.sourceByID[s.ID].Pos)
			continue
		}
		d.sourceByID[s.ID] = s
	}

	files, _ := fs.Glob(fsys, SeriesDir+"/*.toml")
	stubs := map[string]bool{}
	for _, name := range files {
		s := loadSeries(fsys, name, d, themes, &errs)
		if s == nil {
			// Its problems are reported; its name still names a series,
			// so that what cites it is not also told the series is unknown.
			if id := strings.TrimSuffix(path.Base(name), ".toml"); d.seriesByID[id] == nil {
				d.seriesByID[id] = &Series{ID: id, File: name, Pos: diag.Pos{File: name, Line: 1, Col: 1}}
				stubs[id] = true
			}
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
		if c := a.Due.Compare(b.Due); c != 0 {
			return c < 0
		}
		return a.ID < b.ID
	})
	return d, errs
}

func readFile(fsys fs.FS, name string, errs *diag.List) []byte {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		errs.Add(diag.Pos{File: name}, "cannot read: %v", err)
		return nil
	}
	return data
}

func loadSources(fsys fs.FS, errs *diag.List) []*Source {
	data := readFile(fsys, SourcesFile, errs)
	if data == nil {
		return nil
	}
	var doc struct {
		Sources []*Source `toml:"sources"`
	}
	f, problems := tomlfile.Decode(SourcesFile, data, 0, &doc)
	errs.Append(problems.Err())
	for i, s := range doc.Sources {
		s.Pos = f.Pos("sources", i)
		at := func(key string) diag.Pos { return f.Pos("sources", i, key) }
		if !ValidID(s.ID) {
			errs.Add(at("id"), "source id %q must be lower-case letters, digits and '-'", s.ID)
		}
		for _, key := range []struct{ name, v string }{{"title", s.Title}, {"publisher", s.Publisher}} {
			if strings.TrimSpace(key.v) == "" {
				errs.Add(at(key.name), "source %q: %s is required", s.ID, key.name)
			}
		}
		if s.Date.IsZero() {
			errs.Add(at("date"), "source %q: date is required", s.ID)
		}
		if !slices.Contains(SourceKinds, s.Kind) {
			errs.Add(at("kind"), "source %q: kind %q must be one of %s", s.ID, s.Kind, strings.Join(SourceKinds, ", "))
		}
		if s.Document != "" && (path.Base(s.Document) != s.Document || strings.HasPrefix(s.Document, ".")) {
			errs.Add(at("document"), "document %q must be a plain file name", s.Document)
		}
		if s.URL != "" && !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
			errs.Add(at("url"), "url must start with https:// or http://")
		}
	}
	return doc.Sources
}

func loadSeries(fsys fs.FS, name string, d *Data, themes []string, errs *diag.List) *Series {
	data := readFile(fsys, name, errs)
	if data == nil {
		return nil
	}
	s := &Series{}
	f, problems := tomlfile.Decode(name, data, 0, s)
	errs.Append(problems)
	if !f.Decoded() {
		// A syntax or type error: nothing to check. An unknown key is
		// reported but keeps the series, so that what names it still finds it.
		return nil
	}
	s.File = name
	s.Pos = diag.Pos{File: name, Line: 1, Col: 1}
	if s.ID == "" {
		s.ID = strings.TrimSuffix(path.Base(name), ".toml")
	}
	if !ValidID(s.ID) {
		errs.Add(f.Pos("id"), "series id %q must be lower-case letters, digits and '-'", s.ID)
	}
	for _, key := range []struct{ name, v string }{{"title", s.Title}, {"title_en", s.TitleEn}, {"unit", s.Unit}, {"unit_en", s.UnitEn}} {
		if strings.TrimSpace(key.v) == "" {
			errs.Add(f.Pos(key.name), "%s is required", key.name) // at an empty value, or the file's start
		}
	}
	switch s.Kind {
	case Rank, Amount, Rate, Count:
	default:
		errs.Add(f.Pos("kind"), "kind %q must be one of rank, amount, rate, count", s.Kind)
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
	if s.Decimals != nil && (*s.Decimals < 0 || *s.Decimals > 4) {
		errs.Add(f.Pos("decimals"), "decimals must be between 0 and 4")
	}

	subs := map[string]bool{}
	for i, sub := range s.Subseries {
		if !ValidID(sub.ID) {
			errs.Add(f.Pos("subseries", i, "id"), "sub-series id %q must be lower-case letters, digits and '-'", sub.ID)
		}
		if subs[sub.ID] {
			errs.Add(f.Pos("subseries", i, "id"), "duplicate sub-series id %q", sub.ID)
		}
		subs[sub.ID] = true
		if sub.Label == "" || sub.LabelEn == "" {
			errs.Add(f.Pos("subseries", i), "sub-series %q needs label and label_en", sub.ID)
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

	type key struct {
		sub, period, source string
	}
	seen := map[key]bool{}
	for i := range s.Points {
		p := &s.Points[i]
		p.Pos, p.QuotePos = f.Pos("points", i), f.Pos("points", i, "quote")
		at := func(k string) diag.Pos { return f.Pos("points", i, k) }
		if p.Period.IsZero() {
			errs.Add(p.Pos, "point: period is required")
		}
		checkSub(p.Subseries, at("subseries"))
		if p.Derived() {
			if p.Value != nil || p.Quote != "" || p.Source != "" {
				errs.Add(at("derived_from"), "a derived point has no value, quote or source of its own: they come from the point it is derived from")
			}
			continue
		}
		k := key{p.Subseries, p.Period.String(), p.Source}
		if seen[k] {
			errs.Add(at("period"), "two points for period %s from the same source", p.Period)
		}
		seen[k] = true
		if p.Value == nil {
			errs.Add(p.Pos, "point %s: value is required", p.Period)
		} else {
			checkValue(s, *p.Value, p.Of, at("value"), errs)
		}
		if p.Of != nil && p.Value != nil && *p.Value > *p.Of {
			errs.Add(at("value"), "value %s is above its of = %s", FormatPlain(*p.Value), FormatPlain(*p.Of))
		}
		checkCitation(d, p.Source, p.Quote, p.Value, at("source"), at("quote"), errs)
	}
	// Keep only points that can be drawn, so that a site with errors can
	// still be rendered to find the problems in its pages too.
	s.Points = slices.DeleteFunc(s.Points, func(p Point) bool {
		return p.Period.IsZero() || (!p.Derived() && p.Value == nil)
	})
	sortPoints(s.Points)
	for i := range s.Points {
		if p := &s.Points[i]; p.Derived() {
			derive(s, p, errs)
		}
	}
	if n := len(s.Points); n > 0 {
		s.Points = slices.DeleteFunc(s.Points, func(p Point) bool { return p.Value == nil })
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
		if t.By == nil {
			errs.Add(t.Pos, "target: by (the deadline) is required")
		}
		if t.Value == nil {
			errs.Add(t.Pos, "target: value is required")
		} else {
			checkValue(s, *t.Value, nil, at("value"), errs)
		}
		checkCitation(d, t.Source, t.Quote, t.Value, at("source"), at("quote"), errs)
	}
	s.Targets = slices.DeleteFunc(s.Targets, func(t Target) bool { return t.By == nil || t.Value == nil })
	sort.SliceStable(s.Targets, func(i, j int) bool { return s.Targets[i].By.Compare(*s.Targets[j].By) < 0 })
	return s
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
}

// checkCitation checks that a source is named and known and that the quote
// contains the value.
func checkCitation(d *Data, source, quote string, value *float64, srcPos, quotePos diag.Pos, errs *diag.List) {
	switch {
	case source == "":
		errs.Add(srcPos, "source is required")
	case d.sourceByID[source] == nil:
		errs.Add(srcPos, "unknown source %q (not in %s)", source, SourcesFile)
	}
	if strings.TrimSpace(quote) == "" {
		errs.Add(quotePos, "quote is required: a verbatim excerpt of the source that contains the figure")
		return
	}
	if value != nil && !QuoteHasNumber(quote, *value) {
		errs.Add(quotePos, "the quote does not contain the value %s (written as %s)", FormatPlain(*value), strings.Join(NumberForms(*value), " or "))
	}
}

func sortPoints(ps []Point) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Subseries != b.Subseries {
			return a.Subseries < b.Subseries
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
	case origin.Value == nil:
	case origin.Change != nil:
		v := *origin.Value - *origin.Change
		p.Value, p.Origin = &v, origin
	case origin.ChangePct != nil:
		v := *origin.Value / (1 + *origin.ChangePct/100)
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
	for i, c := range doc.Commitments {
		c.Pos = f.Pos("commitments", i)
		c.QuotePos, c.StatusQuotePos = f.Pos("commitments", i, "quote"), f.Pos("commitments", i, "status_quote")
		at := func(k string) diag.Pos { return f.Pos("commitments", i, k) }
		if !ValidID(c.ID) {
			errs.Add(at("id"), "commitment id %q must be lower-case letters, digits and '-'", c.ID)
		}
		if c.Agency == "" || c.Task == "" {
			errs.Add(c.Pos, "commitment %q: agency and task are required", c.ID)
		}
		if c.Due.IsZero() {
			errs.Add(c.Pos, "commitment %q: due (the deadline) is required", c.ID)
		}
		checkCitation(d, c.Source, c.Quote, nil, at("source"), at("quote"), errs)
		if c.Status != "" {
			if !slices.Contains(CommitmentStatuses, c.Status) {
				errs.Add(at("status"), "status %q must be one of %s", c.Status, strings.Join(CommitmentStatuses, ", "))
			}
			checkCitation(d, c.StatusSource, c.StatusQuote, nil, at("status_source"), at("status_quote"), errs)
		} else if c.StatusSource != "" || c.StatusQuote != "" {
			errs.Add(at("status_source"), "status_source and status_quote need a status")
		}
		for _, m := range c.Metrics {
			if d.seriesByID[m] == nil {
				errs.Add(at("metrics"), "unknown metric %q", m)
			}
		}
	}
	return doc.Commitments
}

// FormatPlain writes v with a '.' decimal point and no grouping, for messages.
func FormatPlain(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// NumberForms lists the ways a Vietnamese text writes v: 4543 as "4.543" or
// "4543", 16.4 as "16,4".
func NumberForms(v float64) []string {
	plain := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	ip, fp, _ := strings.Cut(plain, ".")
	grouped := groupThousands(ip, ".")
	forms := []string{grouped}
	if grouped != ip {
		forms = append(forms, ip)
	}
	if fp != "" {
		for i := range forms {
			forms[i] += "," + fp
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
func QuoteHasNumber(quote string, v float64) bool {
	for _, form := range NumberForms(v) {
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
				return true
			}
			i = start + 1
		}
	}
	return false
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

// AsOf is the date the data speaks for: the newest source date. Status and
// staleness are judged at this date, never at the machine's clock, so builds
// stay reproducible.
func (d *Data) AsOf() calendar.Date {
	var asOf calendar.Date
	for _, s := range d.Sources {
		if asOf.Before(s.Date) {
			asOf = s.Date
		}
	}
	return asOf
}
