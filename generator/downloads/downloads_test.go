package downloads

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/metrics"
	"github.com/tiendo/tiendo/generator/site"
)

// fixture is the small site of the build tests: its data, and the site
// of its configuration with the shipped interface strings.
func fixture(t *testing.T) (Site, *metrics.Data) {
	t.Helper()
	root := filepath.Join("..", "build", "testdata", "site")
	cfg, errs := content.LoadConfig(os.DirFS(root))
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	var themes []string
	for _, th := range cfg.Themes {
		themes = append(themes, th.ID)
	}
	data, errs := metrics.Load(overlay{os.DirFS(root), os.DirFS(filepath.Join("..", ".."))}, themes)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	langs, errs := i18n.Load(os.DirFS(filepath.Join("..", "..")))
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	return Site{Config: cfg, Langs: langs, URLs: site.URLs{}}, data
}

// overlay is the fixture over the repository, whose content/sources/
// holds the documents its sources archive.
type overlay struct{ top, base fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if f, err := o.top.Open(name); err == nil {
		return f, nil
	}
	return o.base.Open(name)
}

func readCSV(t *testing.T, name string, b []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("\ufeff")) {
		t.Errorf("%s does not start with a byte-order mark", name)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}

// TestCSVs: a series' CSV has a row per figure and the tidy CSV a row per
// figure and target of the site, under the headers the descriptor gives.
func TestCSVs(t *testing.T) {
	s, data := fixture(t)
	figures, targets := 0, 0
	for _, se := range data.Series {
		rows := readCSV(t, se.ID+".csv", s.SeriesCSV(data, se))
		if !slices.Equal(rows[0], CSVHeader) {
			t.Errorf("%s.csv header %q", se.ID, rows[0])
		}
		if len(rows)-1 != len(se.Points) {
			t.Errorf("%s.csv: %d rows for %d figures", se.ID, len(rows)-1, len(se.Points))
		}
		figures += len(se.Points)
		targets += len(se.Targets)
	}
	if figures == 0 || targets == 0 {
		t.Fatalf("the fixture has %d figures and %d targets: nothing to check", figures, targets)
	}
	for _, l := range s.Langs {
		rows := readCSV(t, "all."+l.Code+".csv", s.Tidy(l, data))
		if !slices.Equal(rows[0], TidyHeader) {
			t.Errorf("tidy header %q", rows[0])
		}
		kinds := map[string]int{}
		for _, r := range rows[1:] {
			kinds[r[0]]++
		}
		if kinds[rowFigure] != figures || kinds[rowTarget] != targets || len(kinds) != 2 {
			t.Errorf("%s tidy CSV: %v, want %d figures and %d targets", l.Code, kinds, figures, targets)
		}
	}
}

// TestArchive: the archive is the same bytes each time, its descriptor
// comes first and describes every other file of it, and no file is missing.
func TestArchive(t *testing.T) {
	s, data := fixture(t)
	a, err := s.Archive(data)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Archive(data)
	if err != nil || !bytes.Equal(a, b) {
		t.Fatalf("two archives of the same data differ (%v)", err)
	}
	z, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range z.File {
		files = append(files, f.Name)
	}
	if len(files) == 0 || files[0] != "datapackage.json" {
		t.Fatalf("the archive's first file is not its descriptor: %q", files)
	}
	r, err := z.Open("datapackage.json")
	if err != nil {
		t.Fatal(err)
	}
	var dp struct {
		Resources []struct{ Path string } `json:"resources"`
	}
	if err := json.NewDecoder(r).Decode(&dp); err != nil {
		t.Fatal(err)
	}
	var described []string
	for _, res := range dp.Resources {
		described = append(described, res.Path)
	}
	sort.Strings(described)
	rest := slices.Clone(files[1:])
	sort.Strings(rest)
	if !slices.Equal(described, rest) {
		t.Errorf("the descriptor describes %q; the archive holds %q", described, rest)
	}
	for _, se := range data.Series {
		if !slices.Contains(rest, se.ID+".csv") || !slices.Contains(rest, se.ID+".json") {
			t.Errorf("the archive lacks %s's files", se.ID)
		}
	}
}
