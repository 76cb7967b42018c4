package store

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/gohugoio/hashstructure"

	"github.com/tiendo/tiendo/generator/inputs"
	"github.com/tiendo/tiendo/generator/internal/workers"
	"github.com/tiendo/tiendo/generator/output"
)

// RacyWindow: a file modified less than this before it was hashed is
// hashed again at the next build (timestamps have a coarse granularity).
const RacyWindow = time.Second

// Input is an input file as a build identified it.
type Input struct {
	Path  string
	Stamp inputs.Stamp
	Hash  uint64 // of its bytes (HashBytes); 0 when not hashed yet
	Racy  bool   // hash it again next time
}

// HashBytes is the content hash of a file's bytes.
func HashBytes(b []byte) uint64 { return output.HashBytes(b) }

// Scan lists the input files of fsys (inputs.List) with their hashes,
// taken from prev for a file whose stamp is the one recorded there and
// that was not racy. The others are read and hashed at once or, when lazy,
// left with no hash for the caller to hash as it reads them. now is the
// time of the scan.
func Scan(fsys fs.FS, prev []Input, now time.Time, lazy bool) ([]Input, error) {
	list, err := inputs.List(fsys)
	if err != nil {
		return nil, err
	}
	old := make(map[string]*Input, len(prev))
	for i := range prev {
		old[prev[i].Path] = &prev[i]
	}
	out := make([]Input, len(list))
	err = workers.Do(len(list), func(i int) error {
		name, st, ok := list[i].Name, list[i].Stamp, list[i].OK
		f := Input{Path: name}
		if p := old[name]; ok && p != nil && p.Stamp == st && !p.Racy {
			f.Stamp, f.Hash = st, p.Hash
			out[i] = f
			return nil
		}
		if !lazy {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			f.Hash = HashBytes(data)
		}
		if ok {
			f.Stamp = st
		}
		f.Racy = !ok || recent(st, now)
		out[i] = f
		return nil
	})
	return out, err
}

// recent reports whether a file of stamp st changed within RacyWindow of
// now.
func recent(st inputs.Stamp, now time.Time) bool {
	return now.Sub(time.Unix(0, max(st.MTime, st.CTime))) < RacyWindow
}

// Settle clears Racy on the files of list that still have the stamp and
// the bytes they were hashed with, when RacyWindow has passed by now
// since they changed: they can be trusted by their stamp next time.
func Settle(fsys fs.FS, list []Input, now time.Time) {
	for i := range list {
		f := &list[i]
		if !f.Racy || f.Stamp == (inputs.Stamp{}) {
			continue
		}
		info, err := fs.Stat(fsys, f.Path)
		if err != nil {
			continue
		}
		if st, _ := inputs.StampOf(info); st == f.Stamp && !recent(st, now) {
			if data, err := fs.ReadFile(fsys, f.Path); err == nil && HashBytes(data) == f.Hash {
				f.Racy = false
			}
		}
	}
}

// Binary identifies the running binary by the hash of its file. A binary
// whose stamp is prev, the one recorded with its hash prevHash, is not
// read again.
func Binary(prev *inputs.Stamp, prevHash uint64) (uint64, inputs.Stamp, error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, inputs.Stamp{}, fmt.Errorf("build cache: %v", err)
	}
	info, err := os.Stat(exe)
	if err != nil {
		return 0, inputs.Stamp{}, fmt.Errorf("build cache: %v", err)
	}
	st, ok := inputs.StampOf(info)
	if ok && prev != nil && *prev == st && !recent(st, time.Now()) {
		return prevHash, st, nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return 0, inputs.Stamp{}, fmt.Errorf("build cache: %v", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return 0, inputs.Stamp{}, fmt.Errorf("build cache: %v", err)
	}
	return binary.LittleEndian.Uint64(h.Sum(nil)[:8]), st, nil
}

// Key hashes a structured value. 0 means "no key": what it keys is made
// again every time.
func Key(v any) uint64 {
	h, err := hashstructure.Hash(v, nil)
	if err != nil || h == 0 {
		return 0
	}
	return h
}

// Combine hashes a list of hashes (FNV-1a of their bytes), never to 0.
func Combine(vs []uint64) uint64 {
	h := fnv.New64a()
	var b [8]byte
	for _, v := range vs {
		binary.LittleEndian.PutUint64(b[:], v)
		h.Write(b[:])
	}
	if sum := h.Sum64(); sum != 0 {
		return sum
	}
	return 1
}
