// Package output writes a build's files into its output directory
// atomically: every file goes into a staging directory beside it, which
// becomes the output only once every file is written, or, for a few
// changed files, is moved in after a journal that the next run completes
// if this one is killed. A failed or killed build leaves the previous
// output as it was; one output is written by one build at a time (Lock).
// The package knows files and directories only, nothing of what a site is.
package output

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/tiendo/tiendo/generator/internal/workers"
)

// Stats counts what a Writer did.
type Stats struct {
	Files     int // files in the output
	Written   int // files whose bytes changed (or are new)
	Unchanged int // files carried over from the previous output as they were
	Deleted   int // files of the previous output that are gone
	Bytes     int64
}

// File is one file of an output: its site-relative path, the hash and
// size of its bytes, and the gzipped size of an HTML page once worked out
// (see GzipSize), which a file that did not change keeps.
type File struct {
	Path string
	Hash uint64
	Size int64
	Gz   int
}

// smallCommit is the largest number of changed and deleted files that are
// moved into the existing output directory one by one (see commitInPlace)
// rather than by building a whole new tree and swapping it in.
const smallCommit = 256

// A Writer streams a build's files to disk: a file whose bytes differ from
// the previous output's is written into a staging directory beside the
// output as soon as it is rendered, so that the build never holds the whole
// site in memory. Commit then makes the staging directory the new output.
type Writer struct {
	dir, parent, base string
	stage             string
	prev              map[string]File // the previous output, when known
	hadOld            bool            // dir existed

	mu      sync.Mutex
	files   map[string]File // the new output
	changed []string        // written into stage
	dirs    map[string]bool // made in stage
	stats   Stats
}

// New starts writing the output dir. prev describes the files dir holds
// (as a previous build recorded them), or is nil: unchanged files are then
// found by reading them.
func New(dir string, prev map[string]File) (*Writer, error) {
	dir = filepath.Clean(dir)
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	Recover(dir)
	stage, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(stage, 0o755); err != nil {
		os.RemoveAll(stage)
		return nil, err
	}
	w := &Writer{dir: dir, parent: parent, base: base, stage: stage, prev: prev,
		files: map[string]File{}, dirs: map[string]bool{}}
	if _, err := os.Stat(dir); err == nil {
		w.hadOld = true
	} else {
		w.prev = nil
	}
	return w, nil
}

// Prev is the previous output as New was told, or nil when dir did not
// exist.
func (w *Writer) Prev() map[string]File { return w.prev }

// Files is the new output, once every file is put.
func (w *Writer) Files() map[string]File { return w.files }

// Keep keeps the previous output's file p as it is. Safe for concurrent
// use, as are Put and Stream.
func (w *Writer) Keep(p string) (File, error) {
	f, ok := w.prev[p]
	if !ok {
		return f, fmt.Errorf("%s: no previous file to keep", p)
	}
	w.add(f, false)
	return f, nil
}

// Put records the file p of the new output, whose bytes are data, written
// to disk unless the previous output has them already.
func (w *Writer) Put(p string, data []byte) (File, error) {
	f := File{Path: p, Hash: HashBytes(data), Size: int64(len(data))}
	rel := filepath.FromSlash(p)
	same := w.unchanged(&f, func() bool { return sameFile(filepath.Join(w.dir, rel), data) })
	if !same {
		if err := w.mkdirs(filepath.Dir(rel)); err != nil {
			return f, err
		}
		if err := os.WriteFile(filepath.Join(w.stage, rel), data, 0o644); err != nil {
			return f, err
		}
	}
	w.add(f, !same)
	return f, nil
}

// Stream records the file p of the new output, which write writes: it is
// written into the staging directory as it is made, and dropped again when
// its bytes turn out to be the previous output's.
func (w *Writer) Stream(p string, write func(io.Writer) error) (File, error) {
	rel := filepath.FromSlash(p)
	if err := w.mkdirs(filepath.Dir(rel)); err != nil {
		return File{}, err
	}
	name := filepath.Join(w.stage, rel)
	file, err := os.Create(name)
	if err != nil {
		return File{}, err
	}
	h := sha256.New()
	n := countWriter(0)
	err = write(io.MultiWriter(file, h, &n))
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return File{}, err
	}
	f := File{Path: p, Hash: binary.LittleEndian.Uint64(h.Sum(nil)[:8]), Size: int64(n)}
	same := w.unchanged(&f, func() bool { return sameContent(filepath.Join(w.dir, rel), name) })
	if same {
		os.Remove(name)
	}
	w.add(f, !same)
	return f, nil
}

// unchanged reports whether the output directory already holds the file f
// describes: by the previous output's record when there is one (whose
// gzipped size f then keeps), else by comparing the bytes on disk (onDisk).
func (w *Writer) unchanged(f *File, onDisk func() bool) bool {
	if w.prev != nil {
		old, ok := w.prev[f.Path]
		if ok && old.Hash == f.Hash && old.Size == f.Size {
			f.Gz = old.Gz
			return true
		}
		return false
	}
	return w.hadOld && onDisk()
}

// sameContent reports whether two files hold the same bytes.
func sameContent(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	if err1 != nil || err2 != nil || !ia.Mode().IsRegular() || ia.Size() != ib.Size() {
		return false
	}
	fa, err1 := os.Open(a)
	fb, err2 := os.Open(b)
	if err1 != nil || err2 != nil {
		if fa != nil {
			fa.Close()
		}
		if fb != nil {
			fb.Close()
		}
		return false
	}
	defer fa.Close()
	defer fb.Close()
	ba, bb := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		na, ea := io.ReadFull(fa, ba)
		nb, _ := io.ReadFull(fb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return false
		}
		if ea != nil {
			return true
		}
	}
}

func (w *Writer) add(f File, written bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.files[f.Path] = f
	w.stats.Files++
	w.stats.Bytes += f.Size
	if written {
		w.stats.Written++
		w.changed = append(w.changed, f.Path)
	} else {
		w.stats.Unchanged++
	}
}

// mkdirs makes the directory rel (and its parents) in the staging
// directory, with one system call per directory not made yet.
func (w *Writer) mkdirs(rel string) error {
	if rel == "." {
		return nil
	}
	w.mu.Lock()
	done := w.dirs[rel]
	w.mu.Unlock()
	if done {
		return nil
	}
	if err := w.mkdirs(filepath.Dir(rel)); err != nil {
		return err
	}
	if err := os.Mkdir(filepath.Join(w.stage, rel), 0o755); err != nil && !os.IsExist(err) {
		return err
	}
	w.mu.Lock()
	w.dirs[rel] = true
	w.mu.Unlock()
	return nil
}

// Abort drops what was written; the output directory was not touched.
func (w *Writer) Abort() { os.RemoveAll(w.stage) }

// Commit makes the new output the output directory. A few changed files are
// moved into the existing directory (commitInPlace); otherwise the staging
// directory gets hard links to the unchanged files and replaces the output
// directory with two renames (dir -> old, new -> dir).
func (w *Writer) Commit() (Stats, error) {
	var deleted []string
	for p := range w.prev {
		if _, ok := w.files[p]; !ok {
			deleted = append(deleted, p)
		}
	}
	sort.Strings(deleted)
	w.stats.Deleted = len(deleted)
	if w.prev != nil && len(w.changed)+len(deleted) <= smallCommit {
		return w.stats, w.commitInPlace(deleted)
	}
	if w.hadOld {
		written := make(map[string]bool, len(w.changed))
		for _, p := range w.changed {
			written[p] = true
		}
		var same []string
		for p := range w.files {
			if !written[p] {
				same = append(same, p)
			}
		}
		sort.Strings(same)
		err := workers.Do(len(same), func(i int) error {
			rel := filepath.FromSlash(same[i])
			if err := w.mkdirs(filepath.Dir(rel)); err != nil {
				return err
			}
			err := os.Link(filepath.Join(w.dir, rel), filepath.Join(w.stage, rel))
			if err != nil { // no hard links here: copy
				var data []byte
				if data, err = os.ReadFile(filepath.Join(w.dir, rel)); err == nil {
					err = os.WriteFile(filepath.Join(w.stage, rel), data, 0o644)
				}
			}
			return err
		})
		if err != nil {
			w.Abort()
			return w.stats, err
		}
	}
	// Swap. Where the system can exchange two directories atomically, the
	// output is never missing; elsewhere dir -> old, stage -> dir, and if we
	// are killed between the two renames, Recover puts the old output
	// back on the next run.
	if w.hadOld && exchange(w.stage, w.dir) == nil {
		os.RemoveAll(w.stage) // now the previous output
		cleanStale(w.parent, w.base)
		return w.stats, nil
	}
	old := ""
	if w.hadOld {
		old = filepath.Join(w.parent, "."+w.base+".old")
		os.RemoveAll(old)
		if err := os.Rename(w.dir, old); err != nil {
			w.Abort()
			return w.stats, fmt.Errorf("replace %s: %w", w.dir, err)
		}
	}
	if err := os.Rename(w.stage, w.dir); err != nil {
		if old != "" {
			os.Rename(old, w.dir)
		}
		w.Abort()
		return w.stats, fmt.Errorf("replace %s: %w", w.dir, err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	cleanStale(w.parent, w.base)
	return w.stats, nil
}

// commitName is the journal of an in-place commit, inside the staging dir.
const commitName = ".commit"

// commitInPlace moves the few changed files into the output directory and
// removes the deleted ones, which costs a rename per file instead of a new
// tree of every file and directory. Everything is written before anything
// is moved, and the moves are listed first in a journal: a build killed
// while moving is completed by the next run (Recover), before it
// reads or writes anything.
func (w *Writer) commitInPlace(deleted []string) error {
	if len(w.changed)+len(deleted) == 0 {
		w.Abort()
		cleanStale(w.parent, w.base)
		return nil
	}
	var j bytes.Buffer
	sort.Strings(w.changed)
	for _, p := range w.changed {
		fmt.Fprintf(&j, "put %s\n", p)
	}
	for _, p := range deleted {
		fmt.Fprintf(&j, "del %s\n", p)
	}
	name := filepath.Join(w.stage, commitName)
	if err := os.WriteFile(name+".tmp", j.Bytes(), 0o644); err != nil {
		w.Abort()
		return err
	}
	if err := os.Rename(name+".tmp", name); err != nil { // the commit point
		w.Abort()
		return err
	}
	if err := applyJournal(w.dir, w.stage); err != nil {
		return fmt.Errorf("update %s: %w (the next build completes it)", w.dir, err)
	}
	os.RemoveAll(w.stage)
	cleanStale(w.parent, w.base)
	return nil
}

// applyJournal carries out the journal of the staging directory stage on
// dir. It can be run again after an interruption: moves already done are
// skipped.
func applyJournal(dir, stage string) error {
	f, err := os.Open(filepath.Join(stage, commitName))
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		op, p, _ := strings.Cut(sc.Text(), " ")
		rel := filepath.FromSlash(p)
		if !localPath(p) {
			return fmt.Errorf("bad journal entry %q", sc.Text())
		}
		switch op {
		case "put":
			src := filepath.Join(stage, rel)
			if _, err := os.Lstat(src); os.IsNotExist(err) {
				continue // moved before the interruption
			}
			if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755); err != nil {
				return err
			}
			if err := os.Rename(src, filepath.Join(dir, rel)); err != nil {
				return err
			}
		case "del":
			if err := os.Remove(filepath.Join(dir, rel)); err != nil && !os.IsNotExist(err) {
				return err
			}
			for d := filepath.Dir(rel); d != "."; d = filepath.Dir(d) {
				if os.Remove(filepath.Join(dir, d)) != nil {
					break // not empty
				}
			}
		default:
			return fmt.Errorf("bad journal entry %q", sc.Text())
		}
	}
	return sc.Err()
}

// localPath reports whether the slash-separated p stays inside its root.
func localPath(p string) bool {
	return p != "" && filepath.IsLocal(filepath.FromSlash(p))
}

// Recover finishes what a killed build left: it restores the previous
// output if the build was killed between moving it aside and moving the new
// one in, and completes an in-place commit that had started. It reports
// whether it changed anything.
func Recover(dir string) bool {
	dir = filepath.Clean(dir)
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	changed := false
	old := filepath.Join(parent, "."+base+".old")
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		if _, err := os.Stat(old); err == nil {
			changed = os.Rename(old, dir) == nil
		}
	}
	stages, _ := filepath.Glob(filepath.Join(parent, "."+base+".new-*"))
	for _, stage := range stages {
		if _, err := os.Stat(filepath.Join(stage, commitName)); err == nil {
			if applyJournal(dir, stage) == nil {
				os.RemoveAll(stage)
			}
			changed = true
		}
	}
	return changed
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

// cleanStale removes temporary directories left by killed builds.
func cleanStale(parent, base string) {
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "."+base+".new-") {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// GzipSize is the size of data compressed with gzip -6.
func GzipSize(data []byte) int {
	var n countWriter
	w, _ := gzip.NewWriterLevel(&n, 6)
	w.Write(data)
	w.Close()
	return int(n)
}

// HashBytes is the hash by which files' bytes are told apart: the first
// 8 bytes of their SHA-256, as Stream computes while it writes.
func HashBytes(b []byte) uint64 {
	sum := sha256.Sum256(b)
	return binary.LittleEndian.Uint64(sum[:8])
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
