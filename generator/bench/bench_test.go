package bench_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tiendo/tiendo/generator/bench"
	"github.com/tiendo/tiendo/generator/build"
)

// site writes a corpus of n notes with the repository's templates and assets.
func site(b *testing.B, notes int) (bench.Config, string) {
	b.Helper()
	c := bench.Small
	c.Notes, c.Series = notes, notes/10
	dir := b.TempDir()
	if err := bench.Generate(dir, "", c); err != nil {
		b.Fatal(err)
	}
	if err := bench.CopySiteFiles(filepath.Join("..", ".."), dir); err != nil {
		b.Fatal(err)
	}
	return c, dir
}

// BenchmarkLoad parses and validates a site of 500 notes and 50 series.
func BenchmarkLoad(b *testing.B) {
	_, dir := site(b, 500)
	fsys := os.DirFS(dir)
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := build.Load(fsys, build.Options{}); errs.Err() != nil {
			b.Fatal(errs)
		}
	}
}

// BenchmarkRender renders every file of that site in memory: markdown,
// chart options and templates.
func BenchmarkRender(b *testing.B) {
	_, dir := site(b, 500)
	s, errs := build.Load(os.DirFS(dir), build.Options{})
	if errs.Err() != nil {
		b.Fatal(errs)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := s.Render(); errs.Err() != nil {
			b.Fatal(errs)
		}
	}
}

// BenchmarkRebuildOneNote edits a note and builds with the cache.
func BenchmarkRebuildOneNote(b *testing.B) {
	c, dir := site(b, 500)
	opt := build.Options{Cache: filepath.Join(dir, ".cache", "tiendo")}
	out := filepath.Join(dir, "public")
	if _, err := build.Run(os.DirFS(dir), out, opt); err != nil {
		b.Fatal(err)
	}
	rev := 0
	for b.Loop() {
		rev++
		if err := os.WriteFile(filepath.Join(dir, bench.NotePath(c, 3)), []byte(bench.Note(c, 3, rev)), 0o644); err != nil {
			b.Fatal(err)
		}
		if _, err := build.Run(os.DirFS(dir), out, opt); err != nil {
			b.Fatal(err)
		}
	}
}
