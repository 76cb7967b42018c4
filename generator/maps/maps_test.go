package maps

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tiendo/tiendo/generator/calendar"
)

const square = `{"type": "FeatureCollection",
 "features": [
  {"type": "Feature", "properties": {"ma": "HN", "ten": "Hà Nội"},
   "geometry": {"type": "Polygon", "coordinates": [[[105.123456, 21], [106, 21], [106, 22], [105, 21]]]}},
  {"type": "Feature", "properties": {"ma": 2, "ten": "Hai", "other": "x"},
   "geometry": {"type": "MultiPolygon", "coordinates": [[[[106, 21], [107, 21], [107, 22], [106, 21]]]]}},
  {"type": "Feature", "properties": {"ma": null},
   "geometry": {"type": "Polygon", "coordinates": [[[1, 1], [2, 1], [2, 2], [1, 1]]]}}
 ]
}
`

func TestParse(t *testing.T) {
	b, errs := Parse("x.geojson", []byte(square), Props{Code: "ma", Name: "ten"}, true)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	if len(b.Shapes) != 3 || b.Codes() != 2 {
		t.Fatalf("shapes %+v", b.Shapes)
	}
	if s := b.Shape("hn"); s == nil || s.Code != "HN" || s.NameIn("en") != "Hà Nội" {
		t.Errorf("hn: %+v", s)
	}
	if s := b.Shape("2"); s == nil || s.NameIn("vi") != "Hai" {
		t.Errorf("2: %+v", s)
	}
	if b.Shapes[2].Key != "~3" || b.Shapes[2].NameIn("vi") != "" {
		t.Errorf("a shape of no code: %+v", b.Shapes[2])
	}
	out := string(b.Published())
	for _, want := range []string{`"properties":{"code":"HN","name":"Hà Nội"}`, `[105.1235,21]`, `"properties":{"code":"~3"}`} {
		if !strings.Contains(out, want) {
			t.Errorf("published file lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "other") {
		t.Error("the published file keeps a property the map does not use")
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ name, old, new, want string }{
		{"bad JSON", `"ma": "HN",`, `"ma": "HN"`, `x.geojson:3:49: bad JSON: invalid character '"' after object key:value pair`},
		{"cut short", "\n ]\n}\n", "", `x.geojson:8:86: bad JSON: unexpected end of JSON input`},
		{"not a collection", `"FeatureCollection"`, `"Feature"`, `x.geojson:1:10: a boundary file is a GeoJSON FeatureCollection, not a "Feature"`},
		{"no code", `"ma": 2, `, ``, `x.geojson:5:23: feature 2 has no property "ma", the map's code`},
		{"a code of a wrong type", `"ma": 2,`, `"ma": 2.5,`, `x.geojson:5:38: feature 2: its code 2.5 must be a string or a whole number`},
		{"same code in another case", `"ma": 2,`, `"ma": "hn",`, `x.geojson:5:38: feature 2: code "hn" is also the code of the feature at x.geojson:3:38`},
		{"a point", `"type": "MultiPolygon"`, `"type": "Point"`, `x.geojson:6:4: feature 2: a shape is a Polygon or MultiPolygon, not "Point"`},
		{"coordinates", `[[[[106, 21], [107, 21], [107, 22], [106, 21]]]]`, `[[[106, 21], [107, 21], [107, 22], [106, 21]]]`, `x.geojson:6:41: feature 2: the coordinates of a MultiPolygon are polygons of rings`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(square, c.old) {
				t.Fatalf("no %q: fix the test", c.old)
			}
			_, errs := Parse("x.geojson", []byte(strings.Replace(square, c.old, c.new, 1)), Props{Code: "ma"}, false)
			if !strings.Contains(errs.Error(), c.want) {
				t.Errorf("errors:\n%v\nwant\n%s", errs, c.want)
			}
		})
	}
}

// The version of the boundaries a figure is drawn on is the one in force
// at the end of its period.
func TestAt(t *testing.T) {
	fsys := fstest.MapFS{
		"content/maps/vn.toml":    {Data: []byte("attribution = \"Thử\"\ncode = \"ma\"\n[[boundaries]]\nfile = \"a.geojson\"\n[[boundaries]]\nfile = \"b.geojson\"\nvalid_from = 2025-07-01\n")},
		"content/maps/a.geojson":  {Data: []byte(square)},
		"content/maps/b.geojson":  {Data: []byte(square)},
		"content/maps/c.geojson":  {Data: []byte(square)},
		"content/maps/.x.geojson": {Data: []byte("not JSON")},
	}
	all, errs := Load(fsys)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	if w := errs.Warnings().Error(); !strings.Contains(w, "content/maps/c.geojson: warning: no map names this file") || len(errs) != 1 {
		t.Errorf("warnings: %v", errs)
	}
	m := all["vn"]
	for _, c := range []struct {
		period string
		want   int
	}{{"2024", 0}, {"2025-H1", 0}, {"2025-06", 0}, {"2025-06-30", 0}, {"../2025-06-30", 0},
		{"2025", 1}, {"2025-Q3", 1}, {"2025-07-01", 1}, {"2021/2025", 1}} {
		p, err := calendar.ParsePeriod(c.period)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.At(p.End()); got != c.want {
			t.Errorf("%s is drawn on boundaries %d, want %d", c.period, got, c.want)
		}
	}
	if got := m.Files(); strings.Join(got, " ") != "content/maps/vn.toml content/maps/a.geojson content/maps/b.geojson" {
		t.Errorf("files: %v", got)
	}
}

func TestDeclarationErrors(t *testing.T) {
	for _, c := range []struct{ name, toml, want string }{
		{"nothing", "", "content/maps/vn.toml:1:1: attribution is required"},
		{"no boundaries", "attribution = \"a\"\ncode = \"ma\"\n", "content/maps/vn.toml:1:1: a map needs its boundaries"},
		{"first dated", "attribution = \"a\"\ncode = \"ma\"\n[[boundaries]]\nfile = \"a.geojson\"\nvalid_from = 2020-01-01\n",
			"content/maps/vn.toml:5:14: the first [[boundaries]] take no valid_from"},
		{"out of order", "attribution = \"a\"\ncode = \"ma\"\n[[boundaries]]\nfile = \"a.geojson\"\n[[boundaries]]\nfile = \"a.geojson\"\nvalid_from = 2025-01-01\n[[boundaries]]\nfile = \"a.geojson\"\nvalid_from = 2024-01-01\n",
			"content/maps/vn.toml:10:14: boundaries are listed oldest first: valid_from must be after 2025-01-01"},
		{"missing file", "attribution = \"a\"\ncode = \"ma\"\n[[boundaries]]\nfile = \"khong.geojson\"\n",
			"content/maps/vn.toml:4:8: there is no file content/maps/khong.geojson: put the GeoJSON file in content/maps/, or correct its name"},
		{"misspelt file", "attribution = \"a\"\ncode = \"ma\"\n[[boundaries]]\nfile = \"aa.geojson\"\n",
			`content/maps/vn.toml:4:8: there is no file content/maps/aa.geojson: did you mean file = "a.geojson"?`},
		{"a path", "attribution = \"a\"\ncode = \"ma\"\n[[boundaries]]\nfile = \"../a.geojson\"\n",
			"content/maps/vn.toml:4:8: file is required: the name of a GeoJSON file in content/maps/"},
	} {
		t.Run(c.name, func(t *testing.T) {
			all, errs := Load(fstest.MapFS{
				"content/maps/vn.toml":   {Data: []byte(c.toml)},
				"content/maps/a.geojson": {Data: []byte(square)},
			})
			if !strings.Contains(errs.Error(), c.want) {
				t.Errorf("errors:\n%v\nwant\n%s", errs, c.want)
			}
			if m, ok := all["vn"]; !ok || m != nil {
				t.Errorf("a declaration with errors is %v, %v; want nil, true", m, ok)
			}
		})
	}
}

func TestWorld(t *testing.T) {
	m, err := LoadWorld(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	b := m.Boundaries[0]
	if s := b.Shape("vnm"); s == nil || s.NameIn("vi") != "Việt Nam" || s.NameIn("en") != "Vietnam" {
		t.Errorf("vnm: %+v", s)
	}
	if b.Shape("sgp") != nil {
		t.Error("Singapore has a shape at 1:110m")
	}
}
