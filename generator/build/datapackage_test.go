package build_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tiendo/tiendo/generator/build"
	"github.com/tiendo/tiendo/generator/downloads"
	"github.com/tiendo/tiendo/generator/metrics"
)

// profileSums are the Data Package v1 profiles of testdata/datapackage
// (see its README.md), with the sha256 of each as copied.
var profileSums = map[string]string{
	"data-package.json":          "33b2633c0f844ad99bcfff57dc34cc1904e3e39ed5263a3319488c73dddf651d",
	"data-resource.json":         "27cc802e90572a9debb133471b3e6139d6034bdd22cfbe56f8a661f5e5c3232f",
	"tabular-data-resource.json": "7c972d3d6dab6ade8cb287d152e5713c8c6bfef29416af6d360b5b5ba9026cfb",
	"table-schema.json":          "2a2a8c7139e070356128f258776d9e1bd5eab25623eee55aeaaf058261e6d393",
}

// profiles compiles the profiles, by file name.
func profiles(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	for name, sum := range profileSums {
		b, err := os.ReadFile("testdata/datapackage/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if h := sha256.Sum256(b); hex.EncodeToString(h[:]) != sum {
			t.Fatalf("testdata/datapackage/%s is not the file of its package (sha256 %x, want %s)", name, h, sum)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource("https://profiles.test/"+name, doc); err != nil {
			t.Fatal(err)
		}
	}
	out := map[string]*jsonschema.Schema{}
	for name := range profileSums {
		sch, err := c.Compile("https://profiles.test/" + name)
		if err != nil {
			t.Fatalf("compile %s: %v", name, err)
		}
		out[name] = sch
	}
	return out
}

// The parts of a descriptor the checks read.
type dpField struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Description string `json:"description"`
	Constraints struct {
		Required bool     `json:"required"`
		Enum     []string `json:"enum"`
	} `json:"constraints"`
}

type dpSchema struct {
	Fields []dpField `json:"fields"`
}

type dpResource struct {
	Profile string          `json:"profile"`
	Name    string          `json:"name"`
	Path    string          `json:"path"`
	Format  string          `json:"format"`
	Schema  json.RawMessage `json:"schema"`
}

// checkPackage checks the descriptor at name among files (paths → bytes;
// resource paths are relative to the descriptor's folder) against the
// profiles, and the files it describes against it: every one exists, every
// CSV has its schema's header and cells of its types, and every file of
// the folder is described. It returns the files of the CSVs by path.
func checkPackage(t *testing.T, prof map[string]*jsonschema.Schema, files map[string][]byte, name string) map[string][][]string {
	t.Helper()
	dir := path.Dir(name)
	at := func(p string) string { return path.Join(dir, p) }
	raw, ok := files[name]
	if !ok {
		t.Fatalf("no %s", name)
	}
	validate := func(profile string, b []byte, what string) {
		t.Helper()
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if err := prof[profile].Validate(doc); err != nil {
			t.Errorf("%s is not valid against %s:\n%v", what, profile, err)
		}
	}
	validate("data-package.json", raw, name)
	var dp struct {
		Profile   string            `json:"profile"`
		Name      string            `json:"name"`
		Licenses  []json.RawMessage `json:"licenses"`
		Resources []json.RawMessage `json:"resources"`
	}
	if err := json.Unmarshal(raw, &dp); err != nil {
		t.Fatal(err)
	}
	if dp.Profile != "data-package" || len(dp.Licenses) != 1 || !strings.Contains(string(dp.Licenses[0]), `"CC-BY-4.0"`) {
		t.Errorf("%s: profile %q, licences %s; want data-package and CC-BY-4.0", name, dp.Profile, dp.Licenses)
	}
	described := map[string]bool{name: true}
	tables := map[string][][]string{}
	names := map[string]bool{}
	for _, rawRes := range dp.Resources {
		var res dpResource
		if err := json.Unmarshal(rawRes, &res); err != nil {
			t.Fatal(err)
		}
		if names[res.Name] {
			t.Errorf("%s: two resources named %q", name, res.Name)
		}
		names[res.Name] = true
		described[at(res.Path)] = true
		data, ok := files[at(res.Path)]
		if !ok {
			t.Errorf("%s: resource %s: no file %s", name, res.Name, at(res.Path))
			continue
		}
		if res.Profile != "tabular-data-resource" {
			validate("data-resource.json", rawRes, name+": resource "+res.Name)
			switch res.Format {
			case "json":
				if !json.Valid(data) {
					t.Errorf("%s is not JSON", res.Path)
				}
			case "zip":
				if _, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
					t.Errorf("%s: %v", res.Path, err)
				}
			default:
				t.Errorf("%s: resource %s of format %q", name, res.Name, res.Format)
			}
			continue
		}
		schema := []byte(res.Schema)
		validate("tabular-data-resource.json", rawRes, name+": resource "+res.Name)
		validate("table-schema.json", schema, name+": the schema of "+res.Name)
		var sch dpSchema
		if err := json.Unmarshal(schema, &sch); err != nil {
			t.Fatal(err)
		}
		tables[res.Path] = checkTable(t, res.Path, data, sch)
	}
	for p := range files {
		if strings.HasPrefix(p, dir+"/") || dir == "." && !strings.Contains(p, "/") {
			if !described[p] && path.Ext(p) != ".html" {
				t.Errorf("%s describes no %s", name, p)
			}
		}
	}
	return tables
}

var (
	numberRe  = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`) // machine-readable: a dot, no grouping, no exponent
	integerRe = regexp.MustCompile(`^-?[0-9]+$`)
)

// checkTable reads a CSV download and checks it against its schema: a
// byte-order mark, the schema's fields as its header, and every cell of
// its field's type and constraints (an empty cell is a missing value).
func checkTable(t *testing.T, name string, data []byte, sch dpSchema) [][]string {
	t.Helper()
	body, ok := bytes.CutPrefix(data, []byte("\ufeff"))
	if !ok {
		t.Errorf("%s has no byte-order mark", name)
	}
	recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("%s: %v (%d rows)", name, err, len(recs))
	}
	var want []string
	for _, f := range sch.Fields {
		want = append(want, f.Name)
		if f.Description == "" {
			t.Errorf("%s: field %s has no description", name, f.Name)
		}
	}
	if !slices.Equal(recs[0], want) {
		t.Errorf("%s: header\n%v\nwant the schema's fields\n%v", name, recs[0], want)
		return recs
	}
	for i, rec := range recs[1:] {
		for j, f := range sch.Fields {
			v := rec[j]
			bad := false
			switch {
			case v == "":
				bad = f.Constraints.Required
			case f.Constraints.Enum != nil && !slices.Contains(f.Constraints.Enum, v):
				bad = true
			case f.Type == "number":
				bad = !numberRe.MatchString(v)
			case f.Type == "integer":
				bad = !integerRe.MatchString(v)
			case f.Type == "boolean":
				bad = v != "true" && v != "false"
			case f.Type == "date":
				_, err := time.Parse(time.DateOnly, v)
				bad = err != nil
			case f.Type != "string":
				t.Fatalf("%s: field %s of type %s", name, f.Name, f.Type)
			}
			if bad {
				t.Errorf("%s:%d: %s = %q is not a valid %s%s", name, i+2, f.Name, v, f.Type, map[bool]string{true: " (required)"}[f.Constraints.Required])
			}
		}
	}
	return recs
}

// unzip returns the files of a zip archive.
func unzip(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if _, dup := files[f.Name]; dup {
			t.Errorf("the archive has %s twice", f.Name)
		}
		files[f.Name] = data
	}
	return files
}

// checkDownloads checks the descriptors of a rendered site (the one of
// data/ and the archive's) and that the tidy CSVs hold every figure and
// target of data, each series CSV its figures.
func checkDownloads(t *testing.T, out build.Output, data *metrics.Data) {
	prof := profiles(t)
	tables := checkPackage(t, prof, out, "data/datapackage.json")
	zipped := checkPackage(t, prof, unzip(t, out["data/tiendo-data.zip"]), "datapackage.json")
	var figures, targets int
	for _, se := range data.Series {
		figures += len(se.Points)
		targets += len(se.Targets)
		if n := len(tables[se.ID+".csv"]) - 1; n != len(se.Points) {
			t.Errorf("%s.csv has %d rows, want its %d points", se.ID, n, len(se.Points))
		}
	}
	for _, name := range []string{"all.csv", "all.en.csv"} {
		for _, ts := range []map[string][][]string{tables, zipped} {
			recs := ts[name]
			if len(recs) == 0 {
				t.Fatalf("no %s", name)
			}
			kinds := map[string]int{}
			for _, r := range recs[1:] {
				kinds[r[0]]++
			}
			if kinds["figure"] != figures || kinds["target"] != targets || len(recs)-1 != figures+targets {
				t.Errorf("%s: %d figures and %d targets in %d rows; the site has %d points and %d targets", name, kinds["figure"], kinds["target"], len(recs)-1, figures, targets)
			}
		}
		if !slices.Equal(tables[name][0], downloads.TidyHeader) {
			t.Errorf("%s: header %v", name, tables[name][0])
		}
	}
	if !slices.EqualFunc(tables["all.csv"], zipped["all.csv"], slices.Equal) {
		t.Error("the archive's all.csv is not data/all.csv")
	}
}

// TestDataPackage: the descriptor of the downloads, and the archive's,
// are valid Data Packages (v1) and describe the files as they are, for
// the fixture (with an origin, so that the descriptor has its id and
// homepage) and for the real site (with none).
func TestDataPackage(t *testing.T) {
	t.Run("fixture", func(t *testing.T) {
		fsys := fixture(t)
		s, errs := build.Load(siteFS(fsys), build.Options{BaseURL: "https://example.org/tiendo/"})
		if errs.Err() != nil {
			t.Fatal(errs)
		}
		out, errs := s.Render()
		if errs.Err() != nil {
			t.Fatal(errs)
		}
		checkDownloads(t, out, s.Data)
		var dp struct{ ID, Homepage, Title string }
		if err := json.Unmarshal(out["data/datapackage.json"], &dp); err != nil {
			t.Fatal(err)
		}
		if dp.ID != "https://example.org/tiendo/data/datapackage.json" || dp.Homepage != "https://example.org/tiendo/" ||
			!strings.Contains(dp.Title, " / ") {
			t.Errorf("descriptor: %+v; want its address as id, the home page, the titles of both languages", dp)
		}
		// Byte-identical from build to build.
		again, errs := s.Render()
		if errs.Err() != nil {
			t.Fatal(errs)
		}
		var paths []string
		for p := range out {
			if strings.HasPrefix(p, "data/") {
				paths = append(paths, p)
			}
		}
		sort.Strings(paths)
		for _, p := range paths {
			if !bytes.Equal(out[p], again[p]) {
				t.Errorf("%s differs between two builds", p)
			}
		}
	})
	t.Run("site", func(t *testing.T) {
		s, errs := build.Load(os.DirFS("../.."), build.Options{})
		if errs.Err() != nil {
			t.Fatal(errs)
		}
		out, errs := s.Render()
		if errs.Err() != nil {
			t.Fatal(errs)
		}
		checkDownloads(t, out, s.Data)
		if strings.Contains(string(out["data/datapackage.json"]), `"id"`) {
			t.Error("a descriptor with an id while the base URL has no origin")
		}
	})
}

// TestDataPageLinksDownloads: the downloads page of each language links
// both tidy CSVs and the descriptor, each with its sentence.
func TestDataPageLinksDownloads(t *testing.T) {
	out := renderNoWarn(t, fixture(t))
	for _, c := range []struct{ page, sentence string }{
		{"data/index.html", "Mọi số liệu và mục tiêu của trang trong một bảng"},
		{"en/data/index.html", "Every figure and target of the site in one table"},
	} {
		page := string(out[c.page])
		for _, want := range []string{c.sentence, `href="/tiendo/data/all.csv"`, `href="/tiendo/data/all.en.csv"`, `href="/tiendo/data/datapackage.json"`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s does not contain %s", c.page, want)
			}
		}
	}
	if !strings.Contains(string(out["data/index.html"]), `<a href="/tiendo/data/all.en.csv" download hreflang="en" lang="en">Every figure and target (CSV, English)</a>`) {
		t.Error("the Vietnamese downloads page does not link the English CSV in English")
	}
}

// TestSeriesIDTakenByDownloads: a series whose downloads would be the
// tidy CSV or the descriptor is an error at its file.
func TestSeriesIDTakenByDownloads(t *testing.T) {
	for _, id := range []string{"all", "datapackage"} {
		fsys := fixture(t)
		name := "content/metrics/" + id + ".toml"
		fsys[name] = &fstest.MapFile{Data: fsys["content/metrics/egdi-rank.toml"].Data}
		_, errs := build.Load(siteFS(fsys), build.Options{})
		if errs.Err() == nil || !strings.HasPrefix(errs.Err().Error(), name+":") || !strings.Contains(errs.Err().Error(), "taken by the downloads") {
			t.Errorf("series %q: want an error at %s saying the id is taken; got\n%v", id, name, errs)
		}
	}
}
