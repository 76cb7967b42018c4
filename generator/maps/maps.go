package maps

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tiendo/tiendo/generator/calendar"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/tomlfile"
)

// Dir is the folder of the site's maps.
const Dir = "content/maps"

// World is the id of the built-in map of the world's countries.
const World = "world"

// WorldFile is the built-in world's boundaries: an asset, published as it is.
const WorldFile = "assets/vendor/world/countries-110m.json"

// Map is a map a chart can draw: one or more versions of its boundaries.
type Map struct {
	ID   string
	File string // its declaration, content/maps/<id>.toml ("" for the built-in world)
	// Attribution says where the boundaries come from (AttributionEn in English).
	Attribution, AttributionEn string
	Boundaries                 []*Boundary // the first in force from always, the others from their ValidFrom
}

// AttributionIn is the attribution in a language.
func (m *Map) AttributionIn(lang string) string {
	if lang == "en" && m.AttributionEn != "" {
		return m.AttributionEn
	}
	return m.Attribution
}

// Files lists the files the map is made of: its declaration and its
// boundaries.
func (m *Map) Files() []string {
	var out []string
	if m.File != "" {
		out = append(out, m.File)
	}
	for _, b := range m.Boundaries {
		out = append(out, b.File)
	}
	return out
}

// At is the version of the boundaries in force on day d.
func (m *Map) At(d calendar.Date) int {
	at := 0
	for i, b := range m.Boundaries {
		if i > 0 && !d.Before(b.ValidFrom) {
			at = i
		}
	}
	return at
}

// Boundary is one version of a map's boundaries: a GeoJSON file.
type Boundary struct {
	File      string        // "content/maps/vn-provinces-2025.geojson"
	ValidFrom calendar.Date // zero for a map's first version
	Shapes    []Shape       // in the file's order
	byCode    map[string]int
	out       []byte // the published file
}

// Shape is one feature of a boundary file.
type Shape struct {
	Code         string // as the file writes it; "" for a feature whose code is null
	Key          string // its name in the published file and the chart: Code, or "~n" when it has none
	Name, NameEn string
}

// NameIn is the shape's name in a language: its name, else its code.
func (s Shape) NameIn(lang string) string {
	switch {
	case lang == "en" && s.NameEn != "":
		return s.NameEn
	case s.Name != "":
		return s.Name
	}
	return s.Code
}

// Shape returns the shape of code (any case: a sub-series id), or nil.
func (b *Boundary) Shape(code string) *Shape {
	if i, ok := b.byCode[strings.ToLower(code)]; ok {
		return &b.Shapes[i]
	}
	return nil
}

// Codes is the number of shapes that have a code.
func (b *Boundary) Codes() int { return len(b.byCode) }

// Published is the file the page loads: a FeatureCollection whose features
// have the properties code (the shape's Key), name and name_en only.
func (b *Boundary) Published() []byte { return b.out }

// Load reads the declarations of content/maps/ and the boundary files they
// name. Every problem is returned, positioned; a map with problems is nil
// in the result (declared, not loaded).
func Load(fsys fs.FS) (map[string]*Map, diag.List) {
	var errs diag.List
	out := map[string]*Map{}
	entries, err := fs.ReadDir(fsys, Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		errs.Add(diag.Pos{File: Dir}, "cannot read: %v", err)
		return out, errs
	}
	named := map[string]bool{}
	var geo []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		file := Dir + "/" + name
		switch path.Ext(name) {
		case ".toml":
			m, files, problems := loadDecl(fsys, file)
			errs = append(errs, problems...)
			for _, f := range files {
				named[f] = true
			}
			out[strings.TrimSuffix(name, ".toml")] = m
		case ".geojson", ".json":
			geo = append(geo, file)
		}
	}
	for _, f := range geo {
		if !named[f] {
			errs.Warn(diag.Pos{File: f}, "no map names this file: name it in the [[boundaries]] of a content/maps/<id>.toml")
		}
	}
	return out, errs
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

type decl struct {
	Attribution   string `toml:"attribution"`
	AttributionEn string `toml:"attribution_en"`
	Code          string `toml:"code"`
	Name          string `toml:"name"`
	NameEn        string `toml:"name_en"`
	Boundaries    []struct {
		File      string        `toml:"file"`
		ValidFrom calendar.Date `toml:"valid_from"`
	} `toml:"boundaries"`
}

// geoFiles lists the names of the GeoJSON files of Dir.
func geoFiles(fsys fs.FS) []string {
	entries, _ := fs.ReadDir(fsys, Dir)
	var out []string
	for _, e := range entries {
		if ext := path.Ext(e.Name()); !e.IsDir() && (ext == ".geojson" || ext == ".json") {
			out = append(out, e.Name())
		}
	}
	return out
}

// loadDecl loads one declaration and its boundaries; files are the
// boundary files it names.
func loadDecl(fsys fs.FS, file string) (m *Map, files []string, errs diag.List) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		errs.Add(diag.Pos{File: file}, "cannot read: %v", err)
		return nil, nil, errs
	}
	var d decl
	tf, problems := tomlfile.Decode(file, data, 0, &d)
	errs = append(errs, problems...)
	if !tf.Decoded() {
		return nil, nil, errs
	}
	id := strings.TrimSuffix(path.Base(file), ".toml")
	if !idPattern.MatchString(id) {
		errs.Add(diag.Pos{File: file, Line: 1, Col: 1}, "a map's id (its file name) has only the letters a-z, digits and '-': rename the file")
	}
	if strings.TrimSpace(d.Attribution) == "" {
		errs.Add(tf.Pos("attribution"), `attribution is required: say where the boundaries come from, e.g. attribution = "Ranh giới: …"`)
	}
	if d.Code == "" {
		errs.Add(tf.Pos("code"), `code is required: the property of each feature that holds its code, e.g. code = "ma_tinh"`)
	}
	if len(d.Boundaries) == 0 {
		errs.Add(diag.Pos{File: file, Line: 1, Col: 1}, `a map needs its boundaries: [[boundaries]] with file = "….geojson"`)
	}
	m = &Map{ID: id, File: file, Attribution: d.Attribution, AttributionEn: d.AttributionEn}
	for i, b := range d.Boundaries {
		switch {
		case i == 0 && !b.ValidFrom.IsZero():
			errs.Add(tf.Pos("boundaries", i, "valid_from"), "the first [[boundaries]] take no valid_from: they are in force until the next ones are; take valid_from out, or put the earlier boundaries first")
		case i > 0 && b.ValidFrom.IsZero():
			errs.Add(tf.Pos("boundaries", i), "valid_from is required after the first [[boundaries]]: the day these boundaries come into force, e.g. valid_from = 2025-07-01")
		case i > 1 && !d.Boundaries[i-1].ValidFrom.Before(b.ValidFrom):
			errs.Add(tf.Pos("boundaries", i, "valid_from"), "boundaries are listed oldest first: valid_from must be after %s", d.Boundaries[i-1].ValidFrom)
		}
		if b.File == "" || strings.ContainsAny(b.File, `/\`) || strings.HasPrefix(b.File, ".") {
			errs.Add(tf.Pos("boundaries", i, "file"), `file is required: the name of a GeoJSON file in %s/, e.g. file = "vn-provinces-2025.geojson"`, Dir)
			continue
		}
		name := Dir + "/" + b.File
		files = append(files, name)
		if ext := path.Ext(b.File); ext != ".geojson" && ext != ".json" {
			errs.Add(tf.Pos("boundaries", i, "file"), "file must be a GeoJSON file (.geojson or .json)")
			continue
		}
		geo, err := fs.ReadFile(fsys, name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if near := tomlfile.Closest(b.File, geoFiles(fsys)); near != "" {
				errs.Add(tf.Pos("boundaries", i, "file"), "there is no file %s: did you mean file = %q?", name, near)
			} else {
				errs.Add(tf.Pos("boundaries", i, "file"), "there is no file %s: put the GeoJSON file in %s/, or correct its name", name, Dir)
			}
			continue
		case err != nil:
			errs.Add(tf.Pos("boundaries", i, "file"), "cannot read %s: %v", name, err)
			continue
		}
		bd, problems := Parse(name, geo, Props{Code: d.Code, Name: d.Name, NameEn: d.NameEn}, true)
		errs = append(errs, problems...)
		if bd != nil {
			bd.ValidFrom = b.ValidFrom
			m.Boundaries = append(m.Boundaries, bd)
		}
	}
	if errs.Err() != nil {
		return nil, files, errs
	}
	return m, files, errs
}

// LoadWorld loads the built-in world from its asset.
func LoadWorld(fsys fs.FS) (*Map, error) {
	data, err := fs.ReadFile(fsys, WorldFile)
	if err != nil {
		return nil, err
	}
	b, errs := Parse(WorldFile, data, Props{Code: "code", Name: "name", NameEn: "name_en"}, false)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &Map{ID: World, Attribution: "Ranh giới: Natural Earth (1:110m), qua world-atlas",
		AttributionEn: "Boundaries: Natural Earth (1:110m), through world-atlas", Boundaries: []*Boundary{b}}, nil
}

// Props names the properties of a boundary file's features.
type Props struct {
	Code, Name, NameEn string
}

type feature struct {
	Type       string                     `json:"type"`
	Properties map[string]json.RawMessage `json:"properties"`
	Geometry   *struct {
		Type        string `json:"type"`
		Coordinates any    `json:"coordinates"`
	} `json:"geometry"`
}

// Parse reads a GeoJSON FeatureCollection of Polygons and MultiPolygons,
// each feature with the code property. With publish, the published file
// (Published) is made: the code and names of each shape, coordinates
// rounded to 4 decimals.
func Parse(file string, data []byte, props Props, publish bool) (*Boundary, diag.List) {
	var errs diag.List
	at := func(off int) diag.Pos { return position(file, data, off) }
	dec := json.NewDecoder(bytes.NewReader(data))
	jsonErr := func(err error) diag.List {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		off := int(dec.InputOffset())
		// The decoder's offsets are of the value it was reading: the
		// whole text, decoded again, places the fault exactly.
		var v any
		if whole := json.Unmarshal(data, &v); whole != nil {
			err = whole
		}
		switch {
		case errors.As(err, &se):
			off = int(se.Offset) - 1
		case errors.As(err, &te):
			off = int(te.Offset) - 1
		case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
			off = len(data)
			err = errors.New("unexpected end of file")
		}
		errs.Add(at(max(off, 0)), "bad JSON: %v", err)
		return errs
	}
	delim := func(want json.Delim) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if d, ok := tok.(json.Delim); !ok || d != want {
			return fmt.Errorf("want %q here", string(want))
		}
		return nil
	}
	if err := delim('{'); err != nil {
		errs.Add(at(skipSpace(data, 0)), "a boundary file is a GeoJSON FeatureCollection: {\"type\": \"FeatureCollection\", \"features\": […]}")
		return nil, errs
	}
	b := &Boundary{File: file, byCode: map[string]int{}}
	var typ string
	sawFeatures := false
	codeAt := map[string]diag.Pos{}
	var out bytes.Buffer
	out.WriteString(`{"type":"FeatureCollection","features":[`)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonErr(err)
		}
		key, _ := tok.(string)
		switch key {
		case "type":
			start := skipSpace(data, int(dec.InputOffset()))
			if err := dec.Decode(&typ); err != nil {
				return nil, jsonErr(err)
			}
			if typ != "FeatureCollection" {
				errs.Add(at(start), "a boundary file is a GeoJSON FeatureCollection, not a %q", typ)
			}
		case "features":
			sawFeatures = true
			start := skipSpace(data, int(dec.InputOffset()))
			if err := delim('['); err != nil {
				errs.Add(at(start), `"features" must be a list of features`)
				return nil, errs
			}
			for n := 1; dec.More(); n++ {
				start := skipSpace(data, int(dec.InputOffset()))
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return nil, jsonErr(err)
				}
				var f feature
				if err := json.Unmarshal(raw, &f); err != nil {
					errs.Add(at(start), "feature %d: %v", n, cleanJSON(err))
					continue
				}
				within := func(s string) diag.Pos {
					if i := bytes.Index(raw, []byte(s)); i >= 0 {
						return at(start + i)
					}
					return at(start)
				}
				if f.Type != "Feature" {
					errs.Add(at(start), "feature %d: a feature has \"type\": \"Feature\"", n)
					continue
				}
				cv, ok := f.Properties[props.Code]
				if !ok {
					errs.Add(within(`"properties"`), "feature %d has no property %q, the map's code", n, props.Code)
					continue
				}
				code, ok := codeOf(cv)
				if !ok {
					errs.Add(within(strconv.Quote(props.Code)), "feature %d: its code %s must be a string or a whole number", n, cv)
					continue
				}
				if f.Geometry == nil {
					errs.Add(within(`"geometry"`), "feature %d has no shape: its geometry is a Polygon or MultiPolygon", n)
					continue
				}
				if f.Geometry.Type != "Polygon" && f.Geometry.Type != "MultiPolygon" {
					errs.Add(within(`"geometry"`), "feature %d: a shape is a Polygon or MultiPolygon, not %q", n, f.Geometry.Type)
					continue
				}
				if f.Geometry.Type == "Polygon" && !coordsOK(f.Geometry.Coordinates, 3) {
					errs.Add(within(`"coordinates"`), "feature %d: the coordinates of a Polygon are rings of [longitude, latitude] pairs", n)
					continue
				}
				if f.Geometry.Type == "MultiPolygon" && !coordsOK(f.Geometry.Coordinates, 4) {
					errs.Add(within(`"coordinates"`), "feature %d: the coordinates of a MultiPolygon are polygons of rings of [longitude, latitude] pairs", n)
					continue
				}
				sh := Shape{Code: code, Key: code, Name: stringOf(f.Properties[props.Name]), NameEn: stringOf(f.Properties[props.NameEn])}
				if code == "" {
					sh.Key = "~" + strconv.Itoa(n)
				} else {
					lc := strings.ToLower(code)
					pos := within(strconv.Quote(props.Code))
					if prev, dup := codeAt[lc]; dup {
						errs.Add(pos, "feature %d: code %q is also the code of the feature at %s: each shape has a code of its own", n, code, prev)
						continue
					}
					codeAt[lc] = pos
					b.byCode[lc] = len(b.Shapes)
				}
				b.Shapes = append(b.Shapes, sh)
				if publish {
					if len(b.Shapes) > 1 {
						out.WriteByte(',')
					}
					writeFeature(&out, sh, f.Geometry.Type, f.Geometry.Coordinates)
				}
			}
			if _, err := dec.Token(); err != nil { // ]
				return nil, jsonErr(err)
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, jsonErr(err)
			}
		}
	}
	if _, err := dec.Token(); err != nil { // }
		return nil, jsonErr(err)
	}
	if _, err := dec.Token(); err == nil {
		errs.Add(at(int(dec.InputOffset())-1), "bad JSON: more after the FeatureCollection")
	}
	switch {
	case typ == "":
		errs.Add(at(skipSpace(data, 0)), `a boundary file is a GeoJSON FeatureCollection: "type": "FeatureCollection" is missing`)
	case !sawFeatures:
		errs.Add(at(skipSpace(data, 0)), `a FeatureCollection has "features": […]`)
	case len(b.Shapes) == 0 && errs.Err() == nil:
		errs.Add(at(skipSpace(data, 0)), "the file has no shapes")
	}
	if errs.Err() != nil {
		return nil, errs
	}
	if publish {
		out.WriteString("]}\n")
		b.out = out.Bytes()
	}
	return b, errs
}

func cleanJSON(err error) string {
	return strings.TrimPrefix(err.Error(), "json: ")
}

// codeOf reads a code: a string, a whole number, or null ("", ok).
func codeOf(raw json.RawMessage) (string, bool) {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return "", false
	}
	switch v := v.(type) {
	case nil:
		return "", true
	case string:
		return v, v != ""
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1e15 {
			return strconv.FormatInt(int64(v), 10), true
		}
	}
	return "", false
}

func stringOf(raw json.RawMessage) string {
	var s string
	if raw != nil && json.Unmarshal(raw, &s) == nil {
		return s
	}
	return ""
}

// writeFeature writes a published feature.
func writeFeature(w *bytes.Buffer, sh Shape, typ string, coords any) {
	props, _ := json.Marshal(struct {
		Code   string `json:"code"`
		Name   string `json:"name,omitempty"`
		NameEn string `json:"name_en,omitempty"`
	}{sh.Key, sh.Name, sh.NameEn})
	w.WriteString(`{"type":"Feature","properties":`)
	w.Write(props)
	w.WriteString(`,"geometry":{"type":"` + typ + `","coordinates":`)
	writeCoords(w, coords)
	w.WriteString("}}")
}

// writeCoords writes nested coordinates, numbers rounded to 4 decimals.
func writeCoords(w *bytes.Buffer, v any) {
	switch v := v.(type) {
	case []any:
		w.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				w.WriteByte(',')
			}
			writeCoords(w, x)
		}
		w.WriteByte(']')
	case float64:
		w.WriteString(strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64))
	default:
		w.WriteString("null")
	}
}

// coordsOK reports whether v is a non-empty list nested depth deep whose
// innermost lists are positions: two or three numbers.
func coordsOK(v any, depth int) bool {
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		return false
	}
	if depth == 0 {
		return false
	}
	if depth == 1 {
		if len(list) < 2 || len(list) > 3 {
			return false
		}
		for _, x := range list {
			if _, ok := x.(float64); !ok {
				return false
			}
		}
		return true
	}
	for _, x := range list {
		if !coordsOK(x, depth-1) {
			return false
		}
	}
	return true
}

// skipSpace returns the offset of the first byte at or after off that is
// not JSON white space or a comma.
func skipSpace(data []byte, off int) int {
	for off < len(data) && slices.Contains([]byte(" \t\r\n,:"), data[off]) {
		off++
	}
	return off
}

// position is the line and column (in characters) of byte off of data.
func position(file string, data []byte, off int) diag.Pos {
	off = min(max(off, 0), len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return diag.Pos{File: file, Line: line, Col: 1 + utf8.RuneCount(data[start:off])}
}
