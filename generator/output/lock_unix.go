//go:build unix

package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/tiendo/tiendo/generator/diag"
)

// Lock takes the lock of the directory that holds the output
// directory dir (flock on the directory itself, so that no file is left
// behind), for as long as the build runs: unlock releases it, and so does
// the system if the process dies. A second build writing in the same
// directory meanwhile (of the same output, or of another one beside it)
// fails at once, rather than moving files under the first one's feet: both
// complete journals, remove leftovers and replace directories there. On a
// file system without locks (some network shares), the build runs unlocked,
// as it did before there was a lock.
func Lock(dir string) (unlock func(), err error) {
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	f, err := os.Open(parent)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			if abs, err := filepath.Abs(parent); err == nil {
				parent = abs
			}
			return nil, diag.Errorf("another tiendo build is writing in %s: run this one again when it has finished", parent)
		}
		if errors.Is(err, syscall.ENOLCK) || errors.Is(err, syscall.EOPNOTSUPP) || errors.Is(err, syscall.ENOSYS) {
			return func() {}, nil
		}
		return nil, fmt.Errorf("locking %s: %w", parent, err)
	}
	return func() { f.Close() }, nil // closing the directory releases the lock
}
