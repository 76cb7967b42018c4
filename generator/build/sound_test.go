package build

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/tiendo/tiendo/generator/inputs"
	"github.com/tiendo/tiendo/generator/metrics"
)

// soundSite writes the site of TestCachedEqualsClean into a temporary
// directory: the fixture of testdata/site, what testdata/sound/site.txtar
// adds to it, the archived documents its sources name, and the
// repository's templates and assets.
func soundSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	write := func(name string, data []byte, appendTo bool) {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if appendTo {
			old, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			data = append(append(old, '\n'), data...)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyDir := func(from fs.FS, dir string) {
		err := fs.WalkDir(from, dir, func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(from, name)
			write(name, b, false)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	copyDir(os.DirFS("testdata/site"), "content")
	copyDir(os.DirFS("../.."), "templates")
	copyDir(os.DirFS("../.."), "assets")
	for _, file := range []string{"testdata/sound/site.txtar", "testdata/maps.txtar"} {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			name, appendTo := strings.CutSuffix(f.Name, "+")
			write(name, f.Data, appendTo)
		}
	}
	sources, err := os.ReadFile(filepath.Join(root, "content", "sources.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`(?m)^document = "([^"]+)"`).FindAllSubmatch(sources, -1) {
		name := "content/sources/" + string(m[1])
		if _, err := os.Stat(filepath.Join(root, name)); err == nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Fatal(err)
		}
		write(name, b, false)
	}
	return root
}

// inputFiles lists the site's input files.
func inputFiles(t *testing.T, root string) []string {
	t.Helper()
	var names []string
	for _, dir := range inputs.Dirs {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			names = append(names, filepath.ToSlash(rel))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(names)
	return names
}

// A mutation changes the site; undo puts it back.
type mutation struct {
	name  string
	apply func(t *testing.T, root string) (undo func())
}

// mutations are what TestCachedEqualsClean does to each input file: edit
// what it shows (by the kind of its text, not by what the file is for),
// delete it, rename it and copy it.
func mutations(name string) []mutation {
	var ms []mutation
	for _, e := range edits(name) {
		ms = append(ms, mutation{"edited: " + e.name, func(t *testing.T, root string) func() {
			old := readSite(t, root, name)
			edited := e.edit(old)
			if edited == old {
				t.Fatalf("%s: the edit %q changes nothing", name, e.name)
			}
			writeSite(t, root, name, edited)
			return func() { writeSite(t, root, name, old) }
		}})
	}
	renamed := renamedTo(name)
	ms = append(ms,
		mutation{"deleted", func(t *testing.T, root string) func() {
			old := readSite(t, root, name)
			removeSite(t, root, name)
			return func() { writeSite(t, root, name, old) }
		}},
		mutation{"renamed to " + renamed, func(t *testing.T, root string) func() {
			old := readSite(t, root, name)
			removeSite(t, root, name)
			writeSite(t, root, renamed, old)
			return func() { removeSite(t, root, renamed); writeSite(t, root, name, old) }
		}},
		mutation{"copied to " + renamed, func(t *testing.T, root string) func() {
			writeSite(t, root, renamed, readSite(t, root, name))
			return func() { removeSite(t, root, renamed) }
		}})
	return ms
}

type edit struct {
	name string
	edit func(string) string
}

// edits are the edits of a file by its kind of text; any other file gets
// a line added.
func edits(name string) []edit {
	firstString := edit{"its first string", func(s string) string {
		if i := strings.Index(s, `title = "`); i >= 0 {
			return s[:i+len(`title = "`)] + "Sửa " + s[i+len(`title = "`):]
		}
		return strings.Replace(s, `= "`, `= "Sửa `, 1)
	}}
	switch path.Ext(name) {
	case ".toml":
		return []edit{firstString}
	case ".md":
		return []edit{firstString, {"its body", func(s string) string { return s + "\n\nMột đoạn thêm.\n" }}}
	case ".html":
		return []edit{{"the text of its first template", func(s string) string {
			i := strings.Index(s, "{{define ")
			if i < 0 {
				return s + "sửa"
			}
			j := i + strings.Index(s[i:], "}}") + 2
			return s[:j] + "sửa" + s[j:]
		}}}
	case ".css", ".js":
		return []edit{{"a comment", func(s string) string { return s + "\n/* sửa */\n" }}}
	case ".txt":
		return []edit{{"a line added", func(s string) string { return s + "\nMột dòng thêm.\n" }}}
	case ".csv":
		return []edit{{"a row added", func(s string) string { return s + "2025,3.5\n" }}}
	case ".svg":
		return []edit{{"a comment", func(s string) string { return s + "\n<!-- sửa -->\n" }}}
	case ".geojson": // a shape's name (and, with a line added below, bad JSON)
		return []edit{{"a name", func(s string) string { return strings.Replace(s, `"ten": "`, `"ten": "Sửa `, 1) }},
			{"a line added", func(s string) string { return s + "\nsửa\n" }}}
	}
	return []edit{{"a line added", func(s string) string { return s + "\nsửa\n" }}}
}

// renamedTo is another name for an input file, in the same folder.
func renamedTo(name string) string {
	dir, base := path.Split(name)
	stem, ext, _ := strings.Cut(base, ".")
	return dir + stem + "-moi." + ext
}

func readSite(t *testing.T, root, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeSite(t *testing.T, root, name, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func removeSite(t *testing.T, root, name string) {
	t.Helper()
	if err := os.Remove(filepath.Join(root, filepath.FromSlash(name))); err != nil {
		t.Fatal(err)
	}
}

// TestCachedEqualsClean edits, deletes, renames and copies every input file
// of a small site in turn (series, pages and their translations, sources
// and their archived documents, commitments, site.toml, interface strings,
// templates and partials, assets), and makes templates start to show data
// they did not show, each time building with the cache of the build
// before: the output, or the errors, must be a clean build's, byte for
// byte, and so must its warnings, with their positions. The files come
// from the site itself: a new kind of input is tested as soon as the site
// has one.
func TestCachedEqualsClean(t *testing.T) {
	root := soundSite(t)
	out, cache := filepath.Join(root, "public"), filepath.Join(root, ".cache", "tiendo")
	opt := Options{BaseURL: "/tiendo/", Cache: cache}
	var cleanWarnings string // of the last clean build
	clean := func() (map[string]string, string) {
		dir := filepath.Join(t.TempDir(), "clean")
		res, err := Run(inputs.Dir(root), dir, Options{BaseURL: opt.BaseURL})
		cleanWarnings = res.Warnings.Error()
		if err != nil {
			return nil, err.Error()
		}
		return files(t, dir), ""
	}
	// Builds after an edit of content that succeed, and those that reused
	// files: a template, an asset or the site's configuration is read by
	// every output.
	contentSteps, reused := 0, 0
	check := func(step string, want map[string]string, wantErr string) bool {
		t.Helper()
		res, err := Run(inputs.Dir(root), out, opt)
		switch {
		case err != nil && err.Error() != wantErr:
			t.Errorf("%s: the cached build fails with\n%v\nand a clean one with\n%s", step, err, wantErr)
		case err == nil && wantErr != "":
			t.Errorf("%s: the cached build succeeds and a clean one fails with\n%s", step, wantErr)
		case err == nil:
			if got := res.Warnings.Error(); got != cleanWarnings {
				t.Errorf("%s: the cached build warns\n%s\nand a clean one\n%s", step, got, cleanWarnings)
			}
			sameFiles(t, step, files(t, out), want)
			return res.Render.Reused > 0
		}
		return false
	}
	base, baseErr := clean()
	if baseErr != "" {
		t.Fatalf("the site does not build: %s", baseErr)
	}
	baseWarnings := cleanWarnings
	if !strings.Contains(baseWarnings, "the same title as") {
		t.Fatalf("the site has changed (it has two pages of the same title): fix the test")
	}
	back := func(step string) {
		t.Helper()
		cleanWarnings = baseWarnings
		check(step, base, "")
	}
	check("first build", base, "")
	for _, name := range inputFiles(t, root) {
		for _, m := range mutations(name) {
			step := name + " " + m.name
			undo := m.apply(t, root)
			want, wantErr := clean()
			if check(step, want, wantErr) {
				reused++
			}
			if wantErr == "" && !globalFile(name) {
				contentSteps++
			}
			undo()
			back(step + ", and back")
		}
	}

	// Templates that start to show what they did not, then the data they
	// show is edited.
	for _, s := range []struct{ name, template, old, new, data, dataOld, dataNew string }{
		{"the list of pages shows the titles of the series each page names",
			"templates/partials/tile.html", "</time>{{end}}", "</time>{{end}}{{range .Metrics}}<small>{{$v.MetricTitle .}}</small>{{end}}",
			"content/metrics/ten-tep.toml", `title = "`, `title = "Đổi: `},
		{"every page's footer lists the series",
			"templates/partials/chrome.html", "</footer>", "{{range .AllSeries}}<small>{{.Title}}</small>{{end}}</footer>",
			"content/metrics/tu-bang.toml", `title = "`, `title = "Đổi: `},
		{"the sources page counts the commitments",
			"templates/sources.html", "</ol>", "</ol><p>{{len .Commitments}}</p>",
			"content/commitments/thuong-truc-2024-07.toml", "[[commitments]]", "[[commitments]]\nid = \"them\"\nagency = \"Bộ Công an\"\ntask = \"Thêm.\"\ndue = 2024-12-31\nsource = \"thuong-truc-2024-07\"\nquote = \"hoàn thành trước 31/12/2024\"\n\n[[commitments]]"},
		// What a template can reach of a page is what the cache keeps of
		// it and what lists are keyed by: a route to more (its markdown,
		// where its keys are, its file's hash) would show a page restored
		// from the cache differently, or a list kept when it changed.
		{"every page's footer shows the markdown of the footer pages",
			"templates/partials/chrome.html", "</footer>", "{{range .FooterPages}}<small>{{len .Body}}</small>{{end}}</footer>",
			"content/notes/ma-khac.md", "Số liệu ở", "Số liệu mới ở"},
		{"a page shows its markdown",
			"templates/page.html", `<div class="prose">`, `<div class="prose">{{len .Page.Body}}`,
			"content/notes/ma-khac.md", "Số liệu ở", "Số liệu mới ở"},
		{"the list of pages shows where each page's title is",
			"templates/partials/tile.html", "{{.Title}}</a>", `{{.Title}}</a><small>{{.KeyPos "title"}}</small>`,
			"content/notes/ma-khac.md", "+++\ntitle", "+++\n# Một dòng chú thích.\ntitle"},
		{"the list of pages shows the line each page's text starts on",
			"templates/partials/tile.html", "{{.Title}}</a>", `{{.Title}}</a><small>{{.BodyLine}}</small>`,
			"content/notes/ma-khac.md", "+++\ntitle", "+++\n# Một dòng chú thích.\ntitle"},
		{"the list of pages shows the hash of each page's file",
			"templates/partials/tile.html", "{{.Title}}</a>", `{{.Title}}</a><small>{{.Hash}}</small>`,
			"content/notes/ma-khac.md", "Số liệu ở", "Số liệu mới ở"},
	} {
		tmpl, data := readSite(t, root, s.template), readSite(t, root, s.data)
		if !strings.Contains(tmpl, s.old) || !strings.Contains(data, s.dataOld) {
			t.Fatalf("%s: the site has changed: fix the test", s.name)
		}
		writeSite(t, root, s.template, strings.Replace(tmpl, s.old, s.new, 1))
		want, wantErr := clean()
		check(s.name, want, wantErr)
		writeSite(t, root, s.data, strings.Replace(data, s.dataOld, s.dataNew, 1))
		want, wantErr = clean()
		check(s.name+", and the data edited", want, wantErr)
		writeSite(t, root, s.template, tmpl)
		writeSite(t, root, s.data, data)
		back(s.name + ", and back")
	}
	// The test means something only if cached builds reuse what they can.
	if reused < contentSteps {
		t.Errorf("%d cached builds reused files, of %d after edits of content", reused, contentSteps)
	}
}

// globalFile reports whether every output reads an input file: all but
// the data and the pages.
func globalFile(name string) bool {
	for _, dir := range []string{metrics.SeriesDir, metrics.CommitmentsDir, metrics.ArchiveDir} {
		if strings.HasPrefix(name, dir+"/") {
			return false
		}
	}
	return !strings.HasPrefix(name, "content/") || path.Ext(name) != ".md"
}
