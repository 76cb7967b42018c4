package output

import (
	"maps"
	"os"
	"path/filepath"
	"testing"
)

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
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

// write makes an output of files with a Writer, given the previous one.
func write(t *testing.T, dir string, prev map[string]File, files map[string]string, keep ...string) (map[string]File, Stats) {
	t.Helper()
	w, err := New(dir, prev)
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range files {
		if _, err := w.Put(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range keep {
		if _, err := w.Keep(p); err != nil {
			t.Fatal(err)
		}
	}
	st, err := w.Commit()
	if err != nil {
		t.Fatal(err)
	}
	return w.Files(), st
}

// A second output replaces the first: changed files are written, kept
// and unchanged ones stay, deleted ones go, and nothing is left beside it.
func TestWriterReplacesTheOutput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	first, st := write(t, dir, nil, map[string]string{"index.html": "a", "notes/x/index.html": "x", "old.txt": "cũ"})
	if st.Written != 3 {
		t.Errorf("first output: %+v, want 3 written", st)
	}
	_, st = write(t, dir, first, map[string]string{"index.html": "b", "new/y.txt": "mới"}, "notes/x/index.html")
	want := map[string]string{"index.html": "b", "notes/x/index.html": "x", "new/y.txt": "mới"}
	if got := readTree(t, dir); !maps.Equal(got, want) {
		t.Errorf("output: %v, want %v", got, want)
	}
	if st.Written != 2 || st.Unchanged != 1 || st.Deleted != 1 {
		t.Errorf("stats %+v, want 2 written, 1 unchanged, 1 deleted", st)
	}
	if ents, _ := os.ReadDir(filepath.Dir(dir)); len(ents) != 1 {
		t.Errorf("beside the output: %v, want nothing", ents)
	}
}

// An aborted output changes nothing.
func TestAbortChangesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	first, _ := write(t, dir, nil, map[string]string{"index.html": "a"})
	w, err := New(dir, first)
	if err != nil {
		t.Fatal(err)
	}
	w.Put("index.html", []byte("b"))
	w.Abort()
	if got := readTree(t, dir); !maps.Equal(got, map[string]string{"index.html": "a"}) {
		t.Errorf("after Abort: %v", got)
	}
}

// TestInterruptedCommit leaves an in-place commit half done, as a build
// killed while moving its files in would: Recover completes it.
func TestInterruptedCommit(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	write(t, dir, nil, map[string]string{"index.html": "cũ", "notes/a/index.html": "a"})
	stage := filepath.Join(parent, ".public.new-1")
	for name, data := range map[string]string{"notes/moi/index.html": "mới", "index.html": "trang chủ"} {
		os.MkdirAll(filepath.Join(stage, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(stage, name), []byte(data), 0o644)
	}
	journal := "put index.html\nput notes/moi/index.html\ndel notes/a/index.html\n"
	os.WriteFile(filepath.Join(stage, commitName), []byte(journal), 0o644)
	os.Rename(filepath.Join(stage, "index.html"), filepath.Join(dir, "index.html")) // the first move was done

	if !Recover(dir) {
		t.Fatal("Recover found nothing to do")
	}
	want := map[string]string{"index.html": "trang chủ", "notes/moi/index.html": "mới"}
	if got := readTree(t, dir); !maps.Equal(got, want) {
		t.Errorf("after Recover: %v, want %v", got, want)
	}
	if _, err := os.Stat(stage); !os.IsNotExist(err) {
		t.Error("the staging directory is left")
	}
	if _, err := os.Stat(filepath.Join(dir, "notes", "a")); !os.IsNotExist(err) {
		t.Error("the deleted file's folder is left")
	}
}
