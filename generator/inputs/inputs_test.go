package inputs

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// A Dir's inputs are listed with the same names, order and stamps as
// through fs.WalkDir and fs.Stat: nested directories, a missing input
// directory, a file behind a symbolic link, a name that sorts before its
// directory's files.
func TestDirListsAsWalkDir(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"content/b.md", "content/a/z.md", "content/a-b.md", "content/notes/deep/x.md", "assets/css/site.css", "outside.md"} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(root, "outside.md"), filepath.Join(root, "content", "link.md")); err != nil {
		t.Fatal(err)
	}
	fast, err := List(Dir(root)) // no templates/
	if err != nil {
		t.Fatal(err)
	}
	slow, err := List(os.DirFS(root))
	if err != nil {
		t.Fatal(err)
	}
	if len(fast) != 6 || !reflect.DeepEqual(fast, slow) {
		t.Errorf("Dir lists\n%v\nfs.WalkDir and fs.Stat list\n%v", fast, slow)
	}
	if err := os.Remove(filepath.Join(root, "outside.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := List(Dir(root)); err == nil || !strings.Contains(err.Error(), "content/link.md") {
		t.Errorf("a dangling link: %v, want an error naming it", err)
	}
	os.Remove(filepath.Join(root, "content", "link.md"))

	// An input directory that is a file is an input, as fs.WalkDir lists it.
	if err := os.WriteFile(filepath.Join(root, "templates"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	fast, err = List(Dir(root))
	if err != nil || len(fast) != 6 || fast[5].Name != "templates" {
		t.Errorf("templates as a file: %v, %v", fast, err)
	}
}

// Fingerprint changes when an input is saved, added or removed, and only
// then.
func TestFingerprint(t *testing.T) {
	root := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/a.md", "a")
	write("assets/x.css", "x")
	write("public/index.html", "not an input")
	look := func() uint64 {
		fp, err := Fingerprint(Dir(root))
		if err != nil {
			t.Fatal(err)
		}
		return fp
	}
	seen := map[uint64]string{look(): "first"}
	if fp := look(); seen[fp] != "first" {
		t.Error("two looks at the same files differ")
	}
	write("public/index.html", "changed, but not an input")
	if fp := look(); seen[fp] != "first" {
		t.Error("a file that is not an input changed the fingerprint")
	}
	for _, step := range []struct {
		name string
		edit func()
	}{
		{"saved with the same size", func() { write("content/a.md", "b") }},
		{"added", func() { write("templates/base.html", "") }},
		{"removed", func() { os.Remove(filepath.Join(root, "assets", "x.css")) }},
	} {
		step.edit()
		fp := look()
		if prev, ok := seen[fp]; ok {
			t.Errorf("%s: the fingerprint is the one after %s", step.name, prev)
		}
		seen[fp] = step.name
	}
}

// A site's folder removed and made again (a checkout of another branch,
// a copy put in its place) is read anew, not through the removed one.
func TestDirOfAReplacedFolder(t *testing.T) {
	root := filepath.Join(t.TempDir(), "site")
	write := func(data string) {
		if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, "content", "a.md"), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func() string {
		b, err := fs.ReadFile(Dir(root), "content/a.md")
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	write("cũ")
	if got := read(); got != "cũ" {
		t.Fatalf("read %q", got)
	}
	if err := os.RemoveAll(root); err != nil {
		t.Fatal(err)
	}
	write("mới")
	if got := read(); got != "mới" {
		t.Errorf("after the folder was made again: %q, want %q", got, "mới")
	}
}
