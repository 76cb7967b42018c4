package diag

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// A use is a message format found in the code, at file:line.
type use struct {
	format string
	at     string
}

// formats finds every message format of the generator's code (dir): the
// format of each call of List.Add and List.Warn (a method Add or Warn with
// a position first) and of diag.New, Errorf, T, Sprintf and Fprintf, in the
// packages that import package diag (and in diag itself). A format must be
// a constant: its translation is looked up by it. The one exception is a
// wrapper passing its own parameter called format on (its callers' formats
// are the ones found). It returns the formats and the calls whose format
// is not a constant.
func formats(t *testing.T, dir string) (found []use, nonConst []string) {
	t.Helper()
	fset := token.NewFileSet()
	packages := map[string][]*ast.File{} // by directory
	var dirs []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		pkg := filepath.Dir(path)
		if packages[pkg] == nil {
			dirs = append(dirs, pkg)
		}
		packages[pkg] = append(packages[pkg], f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range dirs {
		files := packages[pkg]
		inDiag := files[0].Name.Name == "diag"
		imports := inDiag
		for _, f := range files {
			for _, im := range f.Imports {
				imports = imports || strings.HasSuffix(im.Path.Value, `/generator/diag"`)
			}
		}
		if !imports {
			continue
		}
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				i := formatArg(call, inDiag)
				if i < 0 || i >= len(call.Args) {
					return true
				}
				at := fset.Position(call.Pos())
				where := filepath.ToSlash(at.Filename) + ":" + strconv.Itoa(at.Line)
				if s, ok := constant(call.Args[i]); ok {
					found = append(found, use{s, where})
				} else if id, ok := call.Args[i].(*ast.Ident); !ok || id.Name != "format" {
					nonConst = append(nonConst, where)
				}
				return true
			})
		}
	}
	return found, nonConst
}

// formatArg returns the index of the format among call's arguments, or -1
// if call makes no message.
func formatArg(call *ast.CallExpr, inDiag bool) int {
	var name string
	switch fn := call.Fun.(type) {
	case *ast.SelectorExpr:
		name = fn.Sel.Name
		if name == "Add" || name == "Warn" {
			// A position first: List.Add(p, format, …), not
			// sync.WaitGroup.Add(1) or http.Header.Add("k", "v").
			if len(call.Args) < 2 {
				return -1
			}
			if _, lit := constant(call.Args[0]); lit {
				return -1
			}
			return 1
		}
		if x, ok := fn.X.(*ast.Ident); !ok || x.Name != "diag" {
			return -1
		}
	case *ast.Ident:
		if !inDiag {
			return -1
		}
		name = fn.Name
	default:
		return -1
	}
	switch name {
	case "Errorf", "T":
		return 0
	case "New", "Sprintf":
		return 1
	case "Fprintf":
		return 2
	}
	return -1
}

// constant returns the value of a string literal, or of a sum of them.
func constant(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := constant(e.X)
		b, ok2 := constant(e.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return constant(e.X)
	}
	return "", false
}

var verb = regexp.MustCompile(`%[-+# 0]*(\[\d+\])?(\d+|\*)?(\.(\d+|\*)?)?[a-zA-Z%]`)

// verbs lists the formatting verbs of format, %% left out.
func verbs(format string) []string {
	var out []string
	for _, v := range verb.FindAllString(format, -1) {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return out
}

// TestCatalog derives the list of messages from the code and checks the
// catalog against it: every format has a Vietnamese translation with the
// same verbs in the same order, and every translation is of a format the
// code still uses.
func TestCatalog(t *testing.T) {
	found, nonConst := formats(t, "..")
	if len(found) < 100 {
		t.Fatalf("found only %d message formats in the code: the search is broken", len(found))
	}
	for _, at := range nonConst {
		t.Errorf("%s: the format of a message is not a constant: its translation cannot be looked up (pass the words as arguments of a constant format)", at)
	}
	used := map[string]bool{}
	var missing []string
	for _, u := range found {
		used[u.format] = true
		if _, ok := vi[u.format]; !ok {
			missing = append(missing, u.at+": "+strconv.Quote(u.format))
		}
	}
	sort.Strings(missing)
	for _, m := range slices.Compact(missing) {
		t.Errorf("%s has no Vietnamese translation: add it to vi.go", m)
	}
	var keys []string
	for k := range vi {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	letters := regexp.MustCompile(`[A-Za-z]`)
	for _, en := range keys {
		tr := vi[en]
		if !used[en] {
			t.Errorf("vi.go: %q is not the format of any message of the code: remove its entry (or the code lost a message)", en)
		}
		if ve, vv := verbs(en), verbs(tr); !slices.Equal(ve, vv) {
			t.Errorf("vi.go: %q has the verbs %q, its translation %q has %q: they must be the same, in the same order", en, ve, tr, vv)
		}
		if tr == en && letters.MatchString(verb.ReplaceAllString(en, "")) {
			t.Errorf("vi.go: %q is not translated", en)
		}
		if strings.TrimSpace(tr) == "" {
			t.Errorf("vi.go: %q has an empty translation", en)
		}
	}
}

// TestFormatsFound checks the search on code written for it: a message of
// each kind is found, a call that makes no message is not, and a format
// that is not a constant is reported.
func TestFormatsFound(t *testing.T) {
	dir := t.TempDir()
	src := `package x

import (
	"sync"

	"github.com/tiendo/tiendo/generator/diag"
)

func f(errs *diag.List, p diag.Pos, msg string, wg *sync.WaitGroup) {
	errs.Add(p, "one %q", "a")
	errs.Warn(p, "two " + "parts")
	_ = diag.Errorf("three")
	_ = diag.New(p, "four")
	_ = diag.T("five %d", 5)
	_ = diag.Sprintf("vi", "six")
	diag.Fprintf(nil, "vi", "seven")
	wg.Add(1)
	header.Add("Content-Type", "text/plain")
	errs.Add(p, msg)
}

func wrap(errs *diag.List, p diag.Pos, format string, args ...any) { errs.Add(p, format, args...) }
`
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	// A file that does not import diag, in a package that does, makes
	// messages (through a diag.List field, say); a package that does not
	// import diag makes none.
	if err := os.WriteFile(filepath.Join(dir, "y.go"), []byte("package x\n\nfunc g(d *doc) { d.errs.Warn(p, \"eight\") }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "z"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "z", "z.go"), []byte("package z\n\nfunc g(l *L) { l.Add(p, \"not a message\") }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	found, nonConst := formats(t, dir)
	var got []string
	for _, u := range found {
		got = append(got, u.format)
	}
	want := []string{"one %q", "two parts", "three", "four", "five %d", "six", "seven", "eight"}
	if !slices.Equal(got, want) {
		t.Errorf("found %q, want %q", got, want)
	}
	if len(nonConst) != 1 || !strings.HasSuffix(nonConst[0], "x.go:19") {
		t.Errorf("formats that are not constants: %q, want x.go:19 only", nonConst)
	}
}

func TestVerbs(t *testing.T) {
	for _, tt := range []struct {
		format string
		want   []string
	}{
		{"no verbs, 100%% sure", nil},
		{"%s of %q: %d, %.1f, %5.2f, %-3d, %v%%", []string{"%s", "%q", "%d", "%.1f", "%5.2f", "%-3d", "%v"}},
	} {
		if got := verbs(tt.format); !slices.Equal(got, tt.want) {
			t.Errorf("verbs(%q) = %q, want %q", tt.format, got, tt.want)
		}
	}
}
