package build

import (
	"go/ast"
	"go/parser"
	"go/token"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tiendo/tiendo/generator/bench"
	"github.com/tiendo/tiendo/generator/inputs"
)

// corpusSite writes the small synthetic corpus, with the repository's
// templates and assets, into a temporary directory.
func corpusSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := bench.Generate(root, "", bench.Small); err != nil {
		t.Fatal(err)
	}
	if err := bench.CopySiteFiles(filepath.Join("..", ".."), root); err != nil {
		t.Fatal(err)
	}
	return root
}

func runSite(t *testing.T, root, out, cache string) Result {
	t.Helper()
	res, err := Run(inputs.Dir(root), out, Options{BaseURL: "/tiendo/", Cache: cache})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return res
}

// files reads a directory tree: path → bytes.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// sameFiles reports the first differences between two trees.
func sameFiles(t *testing.T, step string, got, want map[string]string) {
	t.Helper()
	n := 0
	for p, w := range want {
		if g, ok := got[p]; !ok || g != w {
			if n++; n <= 5 {
				t.Errorf("%s: %s differs from a clean build (present: %v)", step, p, ok)
			}
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			if n++; n <= 5 {
				t.Errorf("%s: %s is not in a clean build", step, p)
			}
		}
	}
}

func editFile(t *testing.T, root, name string, f func(string) string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	b, err := os.ReadFile(p)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	s := f(string(b))
	if s == string(b) {
		t.Fatalf("editing %s changed nothing", name)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func replaceOnce(old, new string) func(string) string {
	return func(s string) string { return strings.Replace(s, old, new, 1) }
}

// TestCachedBuildIsClean checks the cache at the scale of a synthetic
// corpus, whose section indexes run over several pages and whose search
// index files hold many pages each: a build with the cache of the
// previous build gives, byte for byte, a clean build's output. Every kind
// of input is edited on a small site by TestCachedEqualsClean, and the
// edits whose meaning matters are the scripts of testdata/scripts.
func TestCachedBuildIsClean(t *testing.T) {
	c := bench.Small
	root := corpusSite(t)
	out, cache := filepath.Join(root, "public"), filepath.Join(root, ".cache", "tiendo")
	runSite(t, root, out, cache)
	steps := []struct {
		name string
		edit func()
		// most files the cached build may render (0: no limit)
		maxRendered int
	}{
		{"a note's body", func() {
			editFile(t, root, bench.NotePath(c, 3), func(string) string { return bench.Note(c, 3, 1) })
		}, 3},
		{"a note's body, with the search entries gone from the cache", func() {
			// the pages beside it in its index file are converted again
			if err := os.RemoveAll(filepath.Join(cache, "search")); err != nil {
				t.Fatal(err)
			}
			editFile(t, root, bench.NotePath(c, 3), func(string) string { return bench.Note(c, 3, 2) })
		}, 3},
		{"a note's title", func() {
			// note 10 charts a series: its title is listed on the series' page
			editFile(t, root, bench.NotePath(c, 10), replaceOnce(`title = "`, `title = "Đã sửa: `))
		}, 0},
		{"a series embedded in a note", func() {
			// note 0 charts series 0, which has the 63 provinces as sub-series
			editFile(t, root, "content/metrics/"+bench.SeriesID(0)+".toml", func(string) string { return bench.SeriesTOML(c, 0, 1) })
		}, 0},
		{"a new note, which moves the others down the index's pages", func() {
			editFile(t, root, "content/notes/ghi-chu-moi.md", func(string) string {
				return "+++\ntitle = \"Ghi chú mới\"\ndate = 2024-12-30\n+++\n\n## Mới\n\nNội dung [số liệu](/metrics/" + bench.SeriesID(1) + "/).\n"
			})
		}, 0},
		{"a deleted note, which moves the others up", func() {
			if err := os.Remove(filepath.Join(root, bench.NotePath(c, 7))); err != nil {
				t.Fatal(err)
			}
		}, 0},
	}
	for i, step := range steps {
		step.edit()
		res := runSite(t, root, out, cache)
		clean := filepath.Join(t.TempDir(), "clean")
		runSite(t, root, clean, "")
		sameFiles(t, step.name, files(t, out), files(t, clean))
		if step.maxRendered > 0 && res.Render.Rendered > step.maxRendered {
			t.Errorf("%s: %d files rendered, want at most %d", step.name, res.Render.Rendered, step.maxRendered)
		}
		if i == 0 && res.Render.Converted != 1 {
			t.Errorf("%s: %d pages converted, want 1", step.name, res.Render.Converted)
		}
	}
}

// TestNoChangeRebuildWritesNothing builds twice: the second build renders
// and writes nothing and leaves every file as it was.
func TestNoChangeRebuildWritesNothing(t *testing.T) {
	root := corpusSite(t)
	out, cache := filepath.Join(root, "public"), filepath.Join(root, ".cache", "tiendo")
	first := runSite(t, root, out, cache)
	before := files(t, out)
	mtimes := map[string]time.Time{}
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			info, _ := d.Info()
			mtimes[p] = info.ModTime()
		}
		return nil
	})
	time.Sleep(20 * time.Millisecond)
	res := runSite(t, root, out, cache)
	if res.Stats.Written != 0 || res.Stats.Deleted != 0 || res.Render.Rendered != 0 {
		t.Errorf("no-change rebuild: %+v %+v, want nothing written or rendered", res.Stats, res.Render)
	}
	if res.Stats.Files != first.Stats.Files || len(res.Sizes) != len(first.Sizes) || len(res.Warnings) != len(first.Warnings) {
		t.Errorf("no-change rebuild reports %d files, %d pages, %d warnings; the first build %d, %d, %d",
			res.Stats.Files, len(res.Sizes), len(res.Warnings), first.Stats.Files, len(first.Sizes), len(first.Warnings))
	}
	sameFiles(t, "no-change rebuild", files(t, out), before)
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			if info, _ := d.Info(); !info.ModTime().Equal(mtimes[p]) {
				t.Errorf("%s was touched", p)
			}
		}
		return nil
	})
}

// shardOf is FNV-1a, as its comment says (the search index files depend on
// it: changing it moves every page's entry).
func TestShardOfIsFNV1a(t *testing.T) {
	for _, f := range []string{"", "x", "content/notes/a.md", "content/notes/tiếng-việt.md"} {
		h := fnv.New32a()
		h.Write([]byte(f))
		if want := int(h.Sum32() % pageShards); shardOf(f) != want {
			t.Errorf("shardOf(%q) = %d, want %d", f, shardOf(f), want)
		}
	}
}

// Editors' lock and swap files beside the page being edited (names that
// begin with a dot) are not inputs: the build neither fails on Emacs's lock,
// a link to nowhere, nor publishes the swap file, and saving the swap file
// changes no fingerprint (tiendo serve does not rebuild).
func TestHiddenFilesAreNotInputs(t *testing.T) {
	root := corpusSite(t)
	notes := filepath.Join(root, "content", "notes")
	if err := os.Symlink("editor@host.1234:1700000000", filepath.Join(notes, ".#lock.md")); err != nil {
		t.Fatal(err)
	}
	swap := filepath.Join(notes, ".draft.md")
	if err := os.WriteFile(swap, []byte("+++\ntitle = \"Bản sao\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "assets", ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	out, cache := filepath.Join(root, "public"), filepath.Join(root, ".cache", "tiendo")
	for _, c := range []string{"", cache} {
		res := runSite(t, root, out, c)
		for _, w := range res.Warnings {
			// The synthetic corpus archives no documents and translates few
			// notes: those warnings are expected.
			if !strings.Contains(w.Msg, "has no archived document") && !strings.Contains(w.Msg, "no version in") {
				t.Errorf("cache %q: warning %v", c, w)
			}
		}
	}
	for name := range files(t, out) {
		if strings.Contains(name, "draft") || strings.Contains(name, "lock") {
			t.Errorf("a hidden file became %s", name)
		}
	}
	before, err := inputs.Fingerprint(inputs.Dir(root))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(swap, []byte("+++\ntitle = \"Bản sao đã sửa\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if after, err := inputs.Fingerprint(inputs.Dir(root)); err != nil || after != before {
		t.Errorf("saving a hidden file changed the fingerprint (%x → %x, %v)", before, after, err)
	}
	if slow, err := inputs.Fingerprint(os.DirFS(root)); err != nil || slow != before {
		t.Errorf("fs.WalkDir's listing differs: %x, %v; Dir's %x", slow, err, before)
	}
}

// TestEveryReadHasAValue: the cache works out the value of every kind of
// read (cache.go, value); a kind it had no case for would change on every
// edit of anything, so that the cache would never reuse what read it.
func TestEveryReadHasAValue(t *testing.T) {
	fset := token.NewFileSet()
	kinds := map[string]bool{}
	cases := map[string]bool{}
	for _, name := range []string{"reads.go", "cache.go"} {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for _, id := range n.Names {
					if strings.HasPrefix(id.Name, "read") && id.Name != "readKinds" {
						kinds[id.Name] = true
					}
				}
			case *ast.FuncDecl:
				if n.Name.Name != "value" {
					return false
				}
			case *ast.CaseClause:
				for _, e := range n.List {
					if id, ok := e.(*ast.Ident); ok {
						cases[id.Name] = true
					}
				}
			}
			return true
		})
	}
	if len(kinds) != int(readKinds)-1 {
		t.Fatalf("found %d kinds of read, want %d: %v", len(kinds), readKinds-1, kinds)
	}
	for k := range kinds {
		if !cases[k] {
			t.Errorf("the cache has no value for %s: add a case to value", k)
		}
	}
}
