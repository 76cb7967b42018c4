package hostile

import (
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"github.com/tiendo/tiendo/generator/build"
	"github.com/tiendo/tiendo/generator/diag"
)

// FuzzSite loads whole sites: the fixture site with its configuration,
// sources, one series, one commitments file and one page replaced by the
// fuzzer's bytes. No input panics; every problem is placed in a file of
// the site (at a line of it when it names one); the same input gives the
// same problems in the same order.
func FuzzSite(f *testing.F) {
	base := fstest.MapFS{}
	for _, root := range []string{"testdata/site", "../.."} {
		dirs := []string{"content"}
		if root == "../.." {
			dirs = []string{"templates", "assets"}
		}
		for _, dir := range dirs {
			err := fs.WalkDir(os.DirFS(root), dir, func(name string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				b, err := fs.ReadFile(os.DirFS(root), name)
				base[name] = &fstest.MapFile{Data: b}
				return err
			})
			if err != nil {
				f.Fatal(err)
			}
		}
	}
	files := []string{"content/site.toml", "content/sources.toml", "content/metrics/egdi-rank.toml",
		"content/commitments/ket-luan.toml", "content/reports/ket-luan.md"}
	for _, name := range files {
		if base[name] == nil {
			f.Fatalf("the fixture has no %s", name)
		}
	}
	seed := func(edit func(name string, b []byte) []byte) {
		var args [5][]byte
		for i, name := range files {
			args[i] = edit(name, base[name].Data)
		}
		f.Add(args[0], args[1], args[2], args[3], args[4])
	}
	seed(func(_ string, b []byte) []byte { return b })
	for _, bad := range [][2]string{
		{"date = 2024-07-10", `date = "10/7/2024"`},
		{`title = "`, `title = “`},
		{"[[sources]]", "[[source]]"},
		{"value = ", "value = 16,4 #"},
		{"due = ", "due_before = 2024-07-20\ndue = "},
		{"+++", "++"},
		{`id = "`, `id = "Đ`},
	} {
		seed(func(_ string, b []byte) []byte { return []byte(replaceFirst(string(b), bad[0], bad[1])) })
	}
	f.Fuzz(func(t *testing.T, site, sources, series, commitments, page []byte) {
		fsys := fstest.MapFS{}
		for name, file := range base {
			fsys[name] = file
		}
		for i, b := range [][]byte{site, sources, series, commitments, page} {
			fsys[files[i]] = &fstest.MapFile{Data: b}
		}
		check := func() string {
			_, err := build.Check(fsys, build.Options{Strict: true})
			var list diag.List
			list.Append(err)
			for _, e := range list {
				if e.Pos.File == "" || fsys[e.Pos.File] == nil && !isDir(fsys, e.Pos.File) {
					t.Errorf("a problem not placed in a file of the site: %v", e)
				}
				if lines := lineCount(fsys, e.Pos.File); e.Pos.Line > lines && lines > 0 {
					t.Errorf("a problem placed after the last line (%d) of its file: %v", lines, e)
				}
			}
			if err == nil {
				return ""
			}
			return err.Error()
		}
		if first, second := check(), check(); first != second {
			t.Errorf("the same site gave different problems:\n%s\n---\n%s", first, second)
		}
	})
}

func isDir(fsys fstest.MapFS, name string) bool {
	info, err := fs.Stat(fsys, name)
	return err == nil && info.IsDir()
}

func lineCount(fsys fstest.MapFS, name string) int {
	f := fsys[name]
	if f == nil {
		return 0
	}
	n := 1
	for _, c := range f.Data {
		if c == '\n' {
			n++
		}
	}
	return n
}

func replaceFirst(s, old, new string) string {
	for i := 0; i+len(old) <= len(s); i++ {
		if s[i:i+len(old)] == old {
			return s[:i] + new + s[i+len(old):]
		}
	}
	return s
}
