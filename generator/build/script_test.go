package build_test

import (
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/tiendo/tiendo/generator/build"
	"github.com/tiendo/tiendo/generator/inputs"
)

// TestScripts runs the integration tests of testdata/scripts: each is a
// txtar archive whose comment says what it shows, and whose files are, in
// order:
//
//   - files of the site, added to (or, with the same name, replacing) the
//     fixture of testdata/site; a name ending in "+" is appended to the
//     file of that name instead;
//   - "want PATH": lines that the output file PATH must each contain
//     ("!" before a line: must not contain), after the build;
//   - "error": lines the build's problems must each contain ("!" before a
//     line: must not), and the build must fail;
//   - "rendered": the most output files the build may render, and
//     "converted": how many pages it must convert (what an edit costs);
//   - "edit NAME": the new text of a site file, or "delete NAME" (its
//     text is ignored): the site is built again with the cache of the
//     build before, and the checks that follow are checked against that
//     build — which must also be a clean build's output, byte for byte.
//
// The base URL is https://example.github.io/tiendo/.
func TestScripts(t *testing.T) {
	names, err := filepath.Glob("testdata/scripts/*.txtar")
	if err != nil || len(names) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(name)
			if err != nil {
				t.Fatal(err)
			}
			runScript(t, ar)
		})
	}
}

func runScript(t *testing.T, ar *txtar.Archive) {
	root := t.TempDir()
	site := fixture(t)
	for _, dir := range []string{"templates", "assets"} {
		copyInto(t, site, os.DirFS("../.."), dir)
	}
	out, cache := filepath.Join(root, "public"), filepath.Join(root, ".cache")
	opt := build.Options{BaseURL: "https://example.github.io/tiendo/", Cache: cache}
	var built map[string]string // the last build's output, nil if it failed
	var problems string
	var res build.Result
	state := "files" // files, then checks
	buildNow := func() {
		writeTree(t, filepath.Join(root, "site"), site)
		var err error
		res, err = build.Run(inputs.Dir(filepath.Join(root, "site")), out, opt)
		problems, built = "", nil
		if err != nil {
			problems = err.Error()
			return
		}
		built = tree(t, out)
		clean := filepath.Join(t.TempDir(), "clean")
		if _, err := build.Run(inputs.Dir(filepath.Join(root, "site")), clean, build.Options{BaseURL: opt.BaseURL}); err != nil {
			t.Fatalf("a clean build fails where the cached one did not: %v", err)
		}
		if want := tree(t, clean); !sameTree(built, want) {
			t.Errorf("the cached build differs from a clean one")
		}
	}
	for _, f := range ar.Files {
		kind, arg, _ := strings.Cut(f.Name, " ")
		switch {
		case kind == "want" || kind == "error" || kind == "edit" || kind == "delete" ||
			kind == "rendered" || kind == "converted":
			if state == "files" {
				buildNow()
				state = "checks"
			}
		case state != "files":
			t.Fatalf("%s: site files come before the checks", f.Name)
		}
		switch kind {
		case "want":
			if built == nil {
				t.Fatalf("want %s: the build failed:\n%s", arg, problems)
			}
			got, ok := built[arg]
			if !ok {
				t.Errorf("want %s: no such output file", arg)
				continue
			}
			for _, line := range lines(f.Data) {
				if not, ok := strings.CutPrefix(line, "!"); ok {
					if strings.Contains(got, not) {
						t.Errorf("%s holds %q", arg, not)
					}
				} else if !strings.Contains(got, line) {
					t.Errorf("%s lacks %q", arg, line)
				}
			}
		case "error":
			if problems == "" {
				t.Fatalf("error: the build succeeded")
			}
			for _, line := range lines(f.Data) {
				if not, ok := strings.CutPrefix(line, "!"); ok {
					if strings.Contains(problems, not) {
						t.Errorf("the problems hold %q:\n%s", not, problems)
					}
				} else if !strings.Contains(problems, line) {
					t.Errorf("the problems lack %q:\n%s", line, problems)
				}
			}
		case "rendered", "converted":
			n, err := strconv.Atoi(strings.TrimSpace(string(f.Data)))
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			if built == nil {
				t.Fatalf("%s: the build failed:\n%s", f.Name, problems)
			}
			if got := res.Render.Rendered; kind == "rendered" && got > n {
				t.Errorf("%d files rendered, want at most %d", got, n)
			}
			if got := res.Render.Converted; kind == "converted" && got != n {
				t.Errorf("%d pages converted, want %d", got, n)
			}
		case "edit":
			site[arg] = &fstest.MapFile{Data: f.Data}
			buildNow()
		case "delete":
			if _, ok := site[arg]; !ok {
				t.Fatalf("delete %s: no such file", arg)
			}
			delete(site, arg)
			buildNow()
		default:
			name, appendTo := strings.CutSuffix(f.Name, "+")
			if appendTo {
				old, ok := site[name]
				if !ok {
					t.Fatalf("%s: no such file to append to", f.Name)
				}
				site[name] = &fstest.MapFile{Data: append(append([]byte{}, old.Data...), f.Data...)}
				continue
			}
			site[name] = &fstest.MapFile{Data: f.Data}
		}
	}
	if state == "files" {
		t.Fatal("the script checks nothing")
	}
}

func lines(b []byte) []string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// writeTree makes dir hold exactly the files of m.
func writeTree(t *testing.T, dir string, m fstest.MapFS) {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	for name, f := range m {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func sameTree(a, b map[string]string) bool { return maps.Equal(a, b) }
