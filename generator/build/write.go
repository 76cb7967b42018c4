package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// WriteStats counts what Write did.
type WriteStats struct {
	Files     int // files in the output
	Written   int // files whose bytes changed (or are new)
	Unchanged int // files carried over from the previous output as they were
	Bytes     int64
}

// Write puts out into the directory dir atomically: the files are written into
// a fresh directory beside dir, which replaces dir only when every file was
// written. Files whose bytes did not change are hard-linked from the previous
// output instead of being written again, so they keep their modification
// time. A failed or killed build leaves the previous dir in place; files of
// deleted content do not survive into the new one.
func Write(dir string, out Output) (WriteStats, error) {
	var st WriteStats
	dir = filepath.Clean(dir)
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return st, err
	}
	recoverOld(dir)
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return st, err
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return st, err
	}

	paths := make([]string, 0, len(out))
	dirs := map[string]bool{}
	for p := range out {
		paths = append(paths, p)
		for d := filepath.Dir(filepath.FromSlash(p)); d != "."; d = filepath.Dir(d) {
			dirs[d] = true
		}
	}
	sort.Strings(paths)
	dirList := make([]string, 0, len(dirs))
	for d := range dirs {
		dirList = append(dirList, d)
	}
	sort.Strings(dirList)
	for _, d := range dirList {
		if err := os.MkdirAll(filepath.Join(tmp, d), 0o755); err != nil {
			return st, err
		}
	}

	var mu sync.Mutex
	var firstErr error
	work := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				data := out[p]
				rel := filepath.FromSlash(p)
				same := sameFile(filepath.Join(dir, rel), data)
				var err error
				if same {
					err = os.Link(filepath.Join(dir, rel), filepath.Join(tmp, rel))
				}
				if !same || err != nil {
					same = false
					err = os.WriteFile(filepath.Join(tmp, rel), data, 0o644)
				}
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				if same {
					st.Unchanged++
				} else {
					st.Written++
				}
				st.Bytes += int64(len(data))
				mu.Unlock()
			}
		}()
	}
	for _, p := range paths {
		work <- p
	}
	close(work)
	wg.Wait()
	if firstErr != nil {
		return st, firstErr
	}
	st.Files = len(paths)

	// Swap: dir -> old, tmp -> dir, remove old. If we are killed between the
	// two renames, recoverOld puts the old output back on the next run.
	old := ""
	if _, err := os.Stat(dir); err == nil {
		old = filepath.Join(parent, "."+base+".old")
		os.RemoveAll(old)
		if err := os.Rename(dir, old); err != nil {
			return st, fmt.Errorf("replace %s: %w", dir, err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return st, fmt.Errorf("replace %s: %w", dir, err)
	}
	ok = true
	if old != "" {
		os.RemoveAll(old)
	}
	cleanStale(parent, base)
	return st, nil
}

// sameFile reports whether the file at name holds exactly data.
func sameFile(name string, data []byte) bool {
	info, err := os.Stat(name)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(name)
	return err == nil && bytes.Equal(old, data)
}

// recoverOld restores the previous output if a build was killed between
// moving it aside and moving the new one in.
func recoverOld(dir string) {
	parent, base := filepath.Split(dir)
	old := filepath.Join(parent, "."+base+".old")
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		if _, err := os.Stat(old); err == nil {
			os.Rename(old, dir)
		}
	}
}

// cleanStale removes temporary directories left by killed builds.
func cleanStale(parent, base string) {
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "."+base+".new-") {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}
