package store

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"
	"time"
)

// TestCodec stores what gob and JSON would lose: a pointer to zero apart
// from a nil pointer, fields JSON ignores, nil apart from empty slices.
func TestCodec(t *testing.T) {
	zero, one := 0, 1.5
	type point struct {
		Value *float64 `json:"-"`
	}
	type series struct {
		ID     string
		Points []point
	}
	type rec struct {
		Decimals, None *int
		Value          *float64
		Series         []*series
		Empty, Nil     []string
		M              map[string]int
		Period         struct{ Grain, Year, N int }
		Bytes          []byte
		Many           []string // several times the encoder's buffer
		hidden         int
	}
	in := rec{Decimals: &zero, Value: &one, Series: []*series{{ID: "x", Points: []point{{Value: new(float64)}}}},
		Empty: []string{}, M: map[string]int{"a": 1}, Bytes: []byte("đ"), hidden: 3}
	in.Period.Grain, in.Period.Year, in.Period.N = 2, 2024, 1
	for i := range 20000 {
		in.Many = append(in.Many, fmt.Sprintf("chuỗi số %d", i))
	}
	name := filepath.Join(t.TempDir(), "x")
	if err := Write(name, &in); err != nil {
		t.Fatal(err)
	}
	var got rec
	if err := Read(name, &got); err != nil {
		t.Fatal(err)
	}
	in.hidden = 0
	if !reflect.DeepEqual(got, in) {
		t.Errorf("got %+v\nwant %+v", got, in)
	}
	if got.Series[0].Points[0].Value == nil || got.Empty == nil || got.Nil != nil {
		t.Error("a pointer to zero, or an empty slice, came back nil (or a nil one not)")
	}
	b, _ := os.ReadFile(name)
	os.WriteFile(name, b[:len(b)-3], 0o644)
	if err := Read(name, &got); err == nil {
		t.Error("a truncated file was read")
	}
	// Damaged anywhere, a file is refused or read, never a panic.
	for i := range 200 {
		d := slices.Clone(b)
		d[i] ^= 0xff
		os.WriteFile(name, d, 0o644)
		err := Read(name, new(rec))
		if i < len(header) && err != ErrCorrupt {
			t.Errorf("byte %d of the header damaged: %v, want ErrCorrupt", i, err)
		}
	}
	// A value of another type is refused or read, never a panic.
	os.WriteFile(name, b, 0o644)
	var other struct {
		A []map[string][]int
		B *struct{ C []byte }
	}
	Read(name, &other)
}

// Scan reuses the hash recorded for a file whose stamp did not change, and
// reads the others; a file changed just before it is hashed is racy.
func TestScan(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	fsys := fstest.MapFS{
		"content/a.md":    {Data: []byte("a"), ModTime: old},
		"content/b.md":    {Data: []byte("b"), ModTime: old},
		"templates/x.txt": {Data: []byte("x"), ModTime: old},
	}
	now := time.Now()
	first, err := Scan(fsys, nil, now, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != 3 {
		t.Fatalf("%d inputs, want 3: %+v", len(first), first)
	}
	for _, f := range first {
		if want := HashBytes(fsys[f.Path].Data); f.Hash != want {
			t.Errorf("%s: hash %x, want %x", f.Path, f.Hash, want)
		}
	}
	lazy, err := Scan(fsys, nil, now, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range lazy {
		if f.Hash != 0 {
			t.Errorf("%s: hashed by a lazy scan", f.Path)
		}
	}
	// MapFS has no stamps (no inode): nothing is trusted by its stamp, so
	// an edit is seen even with the same time and size.
	fsys["content/a.md"] = &fstest.MapFile{Data: []byte("A"), ModTime: old}
	second, err := Scan(fsys, first, now, false)
	if err != nil {
		t.Fatal(err)
	}
	if second[0].Path != "content/a.md" || second[0].Hash != HashBytes([]byte("A")) || !second[0].Racy {
		t.Errorf("edited file: %+v, want the new bytes' hash, racy", second[0])
	}
}

// A file scanned from disk right after it changed is racy until Settle
// finds it unchanged once RacyWindow has passed; then a scan trusts its
// stamp and does not read it.
func TestSettle(t *testing.T) {
	root := t.TempDir()
	name := filepath.Join(root, "content", "a.md")
	os.MkdirAll(filepath.Dir(name), 0o755)
	if err := os.WriteFile(name, []byte("một"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(root)
	list, err := Scan(fsys, nil, time.Now(), false)
	if err != nil || len(list) != 1 {
		t.Fatalf("Scan: %v, %+v", err, list)
	}
	if !list[0].Racy {
		t.Fatal("a file written just now is not racy")
	}
	Settle(fsys, list, time.Now())
	if !list[0].Racy {
		t.Error("Settle trusted a file changed less than RacyWindow ago")
	}
	// Changed after it was hashed, it stays racy however long ago.
	changed := append([]Input(nil), list...)
	if err := os.WriteFile(name, []byte("hai"), 0o644); err != nil {
		t.Fatal(err)
	}
	Settle(fsys, changed, time.Now().Add(2*RacyWindow))
	if !changed[0].Racy {
		t.Error("Settle trusted a file whose bytes changed after they were hashed")
	}
	list, _ = Scan(fsys, nil, time.Now(), false)
	Settle(fsys, list, time.Now().Add(2*RacyWindow))
	if list[0].Racy {
		t.Errorf("a file unchanged for RacyWindow is still racy: %+v", list[0])
	}
	// Settled, it is trusted by its stamp: scanned again, it keeps its hash
	// and is not racy.
	again, _ := Scan(fsys, list, time.Now(), false)
	if again[0].Hash != list[0].Hash || again[0].Racy {
		t.Errorf("a settled file was not trusted: %+v", again[0])
	}
}

func TestCombine(t *testing.T) {
	if Combine(nil) == 0 || Combine([]uint64{1, 2}) == Combine([]uint64{2, 1}) {
		t.Error("Combine is 0, or does not keep the order of its hashes")
	}
}
