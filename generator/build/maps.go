package build

import (
	"errors"
	"fmt"
	"html/template"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/tiendo/tiendo/generator/charts"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/maps"
	"github.com/tiendo/tiendo/generator/markdown"
	"github.com/tiendo/tiendo/generator/metrics"
	"github.com/tiendo/tiendo/generator/tomlfile"
)

// siteMaps are the maps charts can draw: the site's (content/maps/),
// loaded with the site, and the built-in world, loaded when a chart first
// draws it.
type siteMaps struct {
	all map[string]*maps.Map // by id; nil for a declared map with problems

	worldOnce sync.Once
	world     *maps.Map
	worldErr  error
}

// loadMaps loads content/maps/ and checks the maps series name.
func (s *Site) loadMaps(data *metrics.Data) diag.List {
	all, errs := maps.Load(s.fsys)
	s.maps.all = all
	for _, se := range data.Series {
		if _, ok := all[se.Map]; se.Map != "" && se.Map != maps.World && !ok {
			if near := tomlfile.Closest(se.Map, s.mapIDs()); near != "" {
				errs.Add(se.MapPos, "unknown map %q: did you mean map = %q?", se.Map, near)
			} else {
				errs.Add(se.MapPos, "unknown map %q: write \"world\", or declare it in %s/%s.toml (see generator/maps)", se.Map, maps.Dir, se.Map)
			}
			continue
		}
		if se.Map == "" {
			continue
		}
		m := all[se.Map]
		if se.Map == maps.World {
			s.maps.worldOnce.Do(func() { s.maps.world, s.maps.worldErr = maps.LoadWorld(s.fsys) })
			m = s.maps.world
		}
		if m != nil {
			errs = append(errs, misspeltCodes(se, m)...)
		}
	}
	return errs
}

// misspeltCodes warns of a declared sub-series whose id matches no shape
// of the map its series names, while a shape no other sub-series takes
// has its name: the id is likely a slip ("vmn" for Viet Nam's "vnm"). A
// code that matches no shape for want of one (a country too small for
// the world's boundaries) is said on the page, not warned of here.
func misspeltCodes(se *metrics.Series, m *maps.Map) diag.List {
	var errs diag.List
	taken := func(code string) bool {
		return slices.ContainsFunc(se.Subseries, func(sub metrics.Subseries) bool { return strings.EqualFold(sub.ID, code) })
	}
	drawn := func(code string) bool {
		return slices.ContainsFunc(m.Boundaries, func(b *maps.Boundary) bool { return b.Shape(code) != nil })
	}
	for _, sub := range se.Subseries {
		if sub.Pos.Line == 0 || drawn(sub.ID) {
			continue
		}
		for _, b := range m.Boundaries {
			i := slices.IndexFunc(b.Shapes, func(sh maps.Shape) bool {
				return sh.Code != "" && !taken(sh.Code) &&
					(metrics.SameName(sub.Label, sh.Name) || metrics.SameName(sub.LabelEn, sh.NameEn) || metrics.SameName(sub.LabelEn, sh.Name))
			})
			if i >= 0 {
				sh := b.Shapes[i]
				errs.Warn(sub.Pos, "sub-series %q (%s) matches no shape of map %q: did you mean id = %q, the code of %s?", sub.ID, sub.Label, m.ID, strings.ToLower(sh.Code), sh.NameIn("en"))
				break
			}
		}
	}
	return errs
}

// metricMap is the map of a metric page whose series names one (map =
// "…" in its file), or nil.
func (s *Site) metricMap(r *reads, lang *i18n.Lang, se *metrics.Series) *ChartView {
	if se.Map == "" {
		return nil
	}
	// Index 1: the page's chart is chart 0.
	cv, err := s.mapView(r, lang, markdown.Chart{Pos: se.MapPos, Metrics: []string{se.ID}, Type: charts.Map, Map: se.Map, Index: 1})
	if err != nil {
		return nil // a series with no figure of a stated period, or whose map has errors (reported)
	}
	return cv
}

// geoMap is the map of a chart: what it is made of is recorded as read,
// its declaration (or that there is none) and its boundary files.
// unloaded reports a declared map with problems (reported already).
func (r *reads) geoMap(id string) (m *maps.Map, unloaded bool, err error) {
	if id == "" {
		id = maps.World
	}
	s := r.s
	r.add(dep{Kind: readFile, Arg: maps.Dir + "/" + id + ".toml"})
	if m, ok := s.maps.all[id]; ok {
		if m == nil {
			return nil, true, nil
		}
		for _, f := range m.Files() {
			r.add(dep{Kind: readFile, Arg: f})
		}
		return m, false, nil
	}
	if id != maps.World {
		return nil, false, errUnknownMap
	}
	r.add(dep{Kind: readFile, Arg: maps.WorldFile})
	s.maps.worldOnce.Do(func() { s.maps.world, s.maps.worldErr = maps.LoadWorld(s.fsys) })
	return s.maps.world, false, s.maps.worldErr
}

// mapIDs lists the maps a chart can name: the world and the site's own.
func (s *Site) mapIDs() []string {
	ids := []string{maps.World}
	for id := range s.maps.all {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// errUnknownMap: a chart names a map that is neither the world nor
// declared in content/maps/.
var errUnknownMap = errors.New("unknown map")

// mapFile is the published file of a map's boundaries.
func mapFile(m *maps.Map, b *maps.Boundary) string {
	if m.File == "" {
		return b.File // the world: an asset, published as it is
	}
	return "maps/" + m.ID + "/" + strings.TrimSuffix(path.Base(b.File), path.Ext(b.File)) + ".json"
}

// mapJobs publish the boundaries of the site's maps.
func (s *Site) mapJobs() []job {
	var jobs []job
	ids := make([]string, 0, len(s.maps.all))
	for id, m := range s.maps.all {
		if m != nil {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		for i, b := range s.maps.all[id].Boundaries {
			jobs = append(jobs, job{path: mapFile(s.maps.all[id], b), file: b.File, run: func(r *reads) ([]byte, error) {
				m, _, err := r.geoMap(id)
				if err != nil || m == nil || i >= len(m.Boundaries) {
					return nil, fmt.Errorf("map %q: not loaded", id)
				}
				return m.Boundaries[i].Published(), nil
			}})
		}
	}
	return jobs
}

// MapView is what a map's figure shows besides a chart's.
type MapView struct {
	Periods     []charts.MapPeriodInfo
	Selected    int
	Unmatched   string // "3 mã không khớp với bản đồ: …", or ""
	Attribution string
	Versions    string // which boundaries each period is drawn on, when there are several
	Rows        []MapRow
	Files       []string // the URLs of the boundaries the page loads
}

// MapRow is one line of a map's data table.
type MapRow struct {
	Code, Name, Period, Value string
	Source, SrcID, Note       string
	Derived, NoShape          bool
}

// hasMaps reports whether one of a page's charts is a map.
func hasMaps(cvs []*ChartView) bool {
	return slices.ContainsFunc(cvs, func(cv *ChartView) bool { return cv.Map != nil })
}

// mapView builds the figure of a map chart block.
func (s *Site) mapView(r *reads, lang *i18n.Lang, c markdown.Chart) (*ChartView, error) {
	var errs diag.List
	id := c.Metrics[0]
	se := r.series(id)
	switch {
	case s.Data.DraftSeries(id) != nil:
		errs.Add(c.Pos, "chart: metric %q is a draft (draft = true in %s): it is not published, nor shown in the preview, until that line is removed", id, s.Data.DraftSeries(id).File)
	case se == nil:
		errs.Add(c.Pos, "chart: unknown metric %q (no %s/%s.toml)", id, metrics.SeriesDir, id)
	case s.Data.Unloaded(id):
		return nil, errUnloaded
	}
	m, unloaded, err := r.geoMap(c.Map)
	switch {
	case unloaded:
		return nil, errUnloaded // the map's own errors say what is wrong
	case errors.Is(err, errUnknownMap):
		if near := tomlfile.Closest(c.Map, s.mapIDs()); near != "" {
			errs.Add(c.At("map"), "chart: unknown map %q: did you mean %q?", c.Map, near)
		} else {
			errs.Add(c.At("map"), "chart: unknown map %q: write \"world\", or declare it in %s/%s.toml (see generator/maps)", c.Map, maps.Dir, c.Map)
		}
	case err != nil:
		errs.Add(c.At("map"), "chart: %v", err)
	}
	from := chartPeriod(c, "from", c.From, &errs)
	to := chartPeriod(c, "to", c.To, &errs)
	period := chartPeriod(c, "period", c.Period, &errs)
	if errs.Err() != nil {
		return nil, errs
	}
	chartID := fmt.Sprintf("chart_%d_%s", c.Index, strings.ReplaceAll(id, "-", "_"))
	lv := &LangView{r: r, Lang: lang}
	spec := charts.MapSpec{ID: chartID, Series: se, Title: c.Title, Map: m, Period: period, From: from, To: to,
		Passage: func(p *metrics.Point) string {
			if in := lv.InDocument(p.Source, p.Quote); in != "" && p.Row == 0 {
				return s.URLs.Path(in)
			}
			return ""
		}}
	for _, b := range m.Boundaries {
		spec.URLs = append(spec.URLs, s.URLs.Path(mapFile(m, b)))
	}
	payload, info, err := charts.MapOption(spec, lang)
	if err != nil {
		var bad *charts.SpecError
		if errors.As(err, &bad) {
			return nil, diag.New(c.At(bad.Key), "chart: %v", bad.Err)
		}
		return nil, diag.New(c.Pos, "chart: %v", err)
	}
	cv := &ChartView{ID: chartID, Anchor: "bieu-do-" + fmt.Sprint(c.Index+1), Payload: template.JS(payload),
		Series: []*metrics.Series{se}, Lang: lang, URLs: s.URLs, Title: c.Title, Unit: se.UnitIn(lang.Code)}
	if lang.Code == "en" {
		cv.Anchor = "chart-" + fmt.Sprint(c.Index+1)
	}
	if cv.Title == "" {
		cv.Title = se.TitleIn(lang.Code)
	}
	if n := se.NoteIn(lang.Code); n != "" {
		cv.Notes = append(cv.Notes, n)
	}
	mv := &MapView{Periods: info.Periods, Selected: info.Selected, Attribution: m.AttributionIn(lang.Code), Files: spec.URLs}
	cv.Map = mv
	if first, last := info.Periods[0].Period, info.Periods[len(info.Periods)-1].Period; first == last {
		cv.Periods = rangeEnd(lang, first)
	} else {
		cv.Periods = rangeEnd(lang, first) + " – " + rangeEnd(lang, last)
	}
	if n := len(info.Unmatched); n > 0 {
		var codes []string
		for _, u := range info.Unmatched {
			code := u.Code
			if u.Label != "" {
				code += " (" + u.Label + ")"
			}
			if len(u.Periods) < len(info.Periods) {
				code += " " + lang.T("map.in_periods", strings.Join(u.Periods, ", "))
			}
			codes = append(codes, code)
		}
		mv.Unmatched = lang.N("map.unmatched", n, n, strings.Join(codes, ", "))
	}
	if len(m.Boundaries) > 1 {
		var vs []string
		for i, b := range m.Boundaries {
			switch {
			case i == 0:
				vs = append(vs, lang.N("map.version_until", b.Codes(), lang.Date(m.Boundaries[1].ValidFrom.AddDays(-1)), b.Codes()))
			default:
				vs = append(vs, lang.N("map.version_from", b.Codes(), lang.Date(b.ValidFrom), b.Codes()))
			}
		}
		mv.Versions = lang.T("map.versions", strings.Join(vs, "; "))
	}
	// The table: every figure in range, by period, then in the order of
	// the sub-series; a figure of unstated time last.
	rng := charts.Spec{From: from, To: to}
	seenSrc := map[string]bool{}
	type placed struct {
		row MapRow
		p   *metrics.Point
		sub int
	}
	var rows []placed
	for k, sub := range se.Subseries {
		for _, p := range se.PointsOf(sub.ID) {
			if p.Period.Timed() && !rng.Covers(p.Period) {
				continue
			}
			srcID := p.Source
			if p.Derived() && p.Origin != nil {
				srcID = p.Origin.Source
				cv.Derived = true
			}
			row := MapRow{Code: sub.ID, Name: sub.LabelIn(lang.Code), Period: lang.Period(p.Period),
				Value: pointValue(lang, se, p, false), SrcID: srcID, Derived: p.Derived(), Note: p.NoteIn(lang.Code)}
			if p.Period.Timed() {
				b := m.Boundaries[m.At(p.Period.End())]
				if sh := b.Shape(sub.ID); sh != nil {
					row.Code = sh.Code
				} else {
					row.NoShape = true
				}
			}
			if src := s.Data.Source(srcID); src != nil {
				row.Source = src.TitleIn(lang.Code)
				if !seenSrc[srcID] {
					seenSrc[srcID] = true
					cv.Sources = append(cv.Sources, src)
				}
			}
			rows = append(rows, placed{row, p, k})
		}
	}
	slices.SortStableFunc(rows, func(a, b placed) int {
		at, bt := a.p.Period.Timed(), b.p.Period.Timed()
		switch {
		case at && bt:
			if c := a.p.Period.Compare(b.p.Period); c != 0 {
				return c
			}
		case at != bt:
			if at {
				return -1
			}
			return 1
		}
		return a.sub - b.sub
	})
	for _, p := range rows {
		mv.Rows = append(mv.Rows, p.row)
	}
	return cv, nil
}
