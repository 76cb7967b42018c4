package inputs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// A named pipe among a site's files would make a read wait for a writer
// for ever: through a Dir it is refused at once, by Open and ReadFile, and
// a file and a folder still open.
func TestDirRefusesAPipe(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content", "notes")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := unix.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("một"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := Dir(root)
	done := make(chan error, 2)
	go func() {
		_, err := fs.ReadFile(fsys, "content/notes/pipe.md")
		done <- err
	}()
	go func() {
		f, err := fsys.Open("content/notes/pipe.md")
		if err == nil {
			f.Close()
		}
		done <- err
	}()
	for range 2 {
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotAFile) {
				t.Errorf("reading a named pipe: %v, want ErrNotAFile", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("reading a named pipe waits")
		}
	}
	if b, err := fs.ReadFile(fsys, "content/notes/a.md"); err != nil || string(b) != "một" {
		t.Errorf("a file beside it: %q, %v", b, err)
	}
	if ents, err := fs.ReadDir(fsys, "content/notes"); err != nil || len(ents) != 2 {
		t.Errorf("its folder: %v, %v", ents, err)
	}
}
