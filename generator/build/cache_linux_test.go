package build

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/tiendo/tiendo/generator/inputs"
)

// Listing the inputs of a Dir keeps one directory open at a time: more
// directories than the limit on open files list as well as a few.
func TestDirListsManyDirectories(t *testing.T) {
	root := t.TempDir()
	for i := range 300 {
		p := filepath.Join(root, "assets", "img", fmt.Sprintf("d%03d", i), "x.svg")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	open, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip(err)
	}
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	low := lim
	low.Cur = uint64(len(open) + 64)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &low); err != nil {
		t.Skip(err)
	}
	list, err := inputs.List(inputs.Dir(root))
	syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim)
	if err != nil || len(list) != 300 {
		t.Errorf("with %d open files allowed: %d files, %v", low.Cur, len(list), err)
	}
}
