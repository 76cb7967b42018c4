//go:build unix

// Command tiendo-bench measures `tiendo build` on a large synthetic site
// (package bench) and, when hugo is on PATH, Hugo on the very same notes:
//
//	tiendo-bench [-tiendo bin/tiendo] [-runs 3] [-notes 10000] [-series 1000] [-keep DIR]
//
// Each round runs, as child processes: a clean build (no output, no cache),
// Hugo's clean build of the same notes, a rebuild with nothing changed, one
// with one note edited and one with one series edited. It prints the median
// wall time, the CPU time and the peak memory (the child's maximum resident
// set) of each, and the ratio of the clean builds. Rounds interleave the
// two tools, so that both see the same machine. Outputs are not deleted
// between rounds but moved aside, and deleted at the end (see aside).
package main

import (
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/tiendo/tiendo/generator/bench"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "tiendo-bench:", err)
		os.Exit(1)
	}
}

// sample is one measured run of a command.
type sample struct {
	wall, cpu time.Duration
	rss       int64 // bytes
	written   int   // files written, from tiendo's summary
}

func run(stdout io.Writer) error {
	cfg := bench.Default
	bin := flag.String("tiendo", "bin/tiendo", "the tiendo binary to measure")
	hugo := flag.String("hugo", "hugo", "the hugo binary; skipped when not found")
	runs := flag.Int("runs", 3, "rounds; medians are printed")
	keep := flag.String("keep", "", "write the corpus into this directory and keep it (default: a temporary one, removed)")
	repo := flag.String("repo", ".", "the repository, whose templates/ and assets/ the corpus uses")
	flag.IntVar(&cfg.Notes, "notes", cfg.Notes, "notes")
	flag.IntVar(&cfg.Series, "series", cfg.Series, "metric series")
	flag.IntVar(&cfg.Provincial, "provincial", cfg.Provincial, "series split into the 63 provinces")
	flag.IntVar(&cfg.Points, "points", cfg.Points, "points per series line")
	flag.Parse()

	tiendo, err := filepath.Abs(*bin)
	if err != nil {
		return err
	}
	if _, err := os.Stat(tiendo); err != nil {
		return fmt.Errorf("%v (build it first: make tiendo)", err)
	}
	hugoBin, hugoErr := exec.LookPath(*hugo)

	dir := *keep
	if dir == "" {
		if dir, err = os.MkdirTemp("", "tiendo-bench-"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	}
	site, hugoSite := filepath.Join(dir, "site"), filepath.Join(dir, "hugo")
	start := time.Now()
	if err := os.RemoveAll(site); err != nil {
		return err
	}
	os.RemoveAll(hugoSite)
	if err := bench.Generate(site, hugoSite, cfg); err != nil {
		return err
	}
	if err := bench.CopySiteFiles(*repo, site); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "corpus: %d notes, %d series (%d of them over the 63 provinces), %d points a line; written in %v to %s\n",
		cfg.Notes, cfg.Series, cfg.Provincial, cfg.Points, time.Since(start).Round(time.Millisecond), dir)
	// Files just written are hashed again by the first builds (their
	// timestamps are too recent to be trusted): let them age a little.
	time.Sleep(1100 * time.Millisecond)

	build := func() (sample, error) {
		return measure(site, tiendo, "build", "--root", site)
	}
	var hugoVersion string
	if hugoErr == nil {
		out, _ := exec.Command(hugoBin, "version").Output()
		hugoVersion = strings.TrimSpace(string(out))
		if i := strings.Index(hugoVersion, " "); i > 0 {
			hugoVersion = strings.Fields(hugoVersion)[1]
		}
	}

	// Outputs of earlier rounds are moved aside, and deleted only once
	// everything is measured: on ext4 without a journal (this machine's
	// disk), creating files is several times slower for 30 s after many
	// were deleted (the kernel skips recently deleted inodes one by one), so
	// deleting 14,000 files just before a clean build measured the deletion,
	// and whichever tool followed it, more than the build.
	trash, err := os.MkdirTemp(dir, "trash-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(trash)
	moved := 0
	aside := func(path string) error {
		if _, err := os.Lstat(path); err != nil {
			return nil
		}
		moved++
		return os.Rename(path, filepath.Join(trash, strconv.Itoa(moved)))
	}

	names := []string{"clean build", "no-change rebuild", "one note edited", "one series edited"}
	results := map[string][]sample{}
	note, series := cfg.Notes/2, min(cfg.Series-1, 7)
	for round := 1; round <= *runs; round++ {
		fmt.Fprintf(stdout, "round %d of %d…\n", round, *runs)
		for _, p := range []string{"public", ".cache"} {
			if err := aside(filepath.Join(site, p)); err != nil {
				return err
			}
		}
		steps := []func() error{
			nil, // clean
			nil, // no change
			func() error {
				return os.WriteFile(filepath.Join(site, bench.NotePath(cfg, note)), []byte(bench.Note(cfg, note, round)), 0o644)
			},
			func() error {
				return os.WriteFile(filepath.Join(site, "content", "metrics", bench.SeriesID(series)+".toml"),
					[]byte(bench.SeriesTOML(cfg, series, round)), 0o644)
			},
		}
		for i, step := range steps {
			if step != nil {
				if err := step(); err != nil {
					return err
				}
			}
			s, err := build()
			if err != nil {
				return fmt.Errorf("%s: %v", names[i], err)
			}
			results[names[i]] = append(results[names[i]], s)
			if i == 0 && hugoErr == nil { // side by side with tiendo's clean build
				for _, p := range []string{"public", "resources"} {
					if err := aside(filepath.Join(hugoSite, p)); err != nil {
						return err
					}
				}
				h, err := measure(hugoSite, hugoBin, "--source", hugoSite, "--quiet")
				if err != nil {
					return fmt.Errorf("hugo: %v", err)
				}
				results["hugo"] = append(results["hugo"], h)
			}
		}
	}

	fmt.Fprintf(stdout, "\n%s/%s, %d cores (GOMAXPROCS %d); medians of %d rounds\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0), *runs)
	fmt.Fprintf(stdout, "%-28s %10s %10s %12s %9s\n", "", "wall", "cpu", "peak memory", "written")
	row := func(name, label string) {
		ss := results[name]
		if len(ss) == 0 {
			return
		}
		written := "–"
		if name != "hugo" {
			written = strconv.Itoa(median(ss, func(s sample) int { return s.written }))
		}
		fmt.Fprintf(stdout, "%-28s %10s %10s %8d MiB %9s\n", label, secs(median(ss, func(s sample) time.Duration { return s.wall })),
			secs(median(ss, func(s sample) time.Duration { return s.cpu })), slices.Max(rssOf(ss))>>20, written)
	}
	for _, n := range names {
		row(n, "tiendo "+n)
	}
	if hugoErr != nil {
		fmt.Fprintf(stdout, "hugo: not run (%v)\n", hugoErr)
		return nil
	}
	row("hugo", "hugo "+hugoVersion+" clean build")
	t := median(results["clean build"], func(s sample) time.Duration { return s.wall })
	h := median(results["hugo"], func(s sample) time.Duration { return s.wall })
	fmt.Fprintf(stdout, "clean build, tiendo / hugo: %.2f (wall); per round: %s\n", float64(t)/float64(h), ratios(results["clean build"], results["hugo"]))
	return nil
}

var written = regexp.MustCompile(`(\d+) written`)

// measure runs a command in dir and reports its wall time, CPU time and
// peak memory (maximum resident set size, from wait4's rusage).
func measure(dir, name string, args ...string) (sample, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TIENDO_LANG=en") // its summary is read in English
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	s := sample{wall: time.Since(start)}
	if err != nil {
		return s, fmt.Errorf("%s: %v\n%s", name, err, tail(errOut.String()))
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.rss = ru.Maxrss * 1024 // kilobytes on Linux
		if runtime.GOOS == "darwin" {
			s.rss = ru.Maxrss // bytes
		}
	}
	s.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if m := written.FindStringSubmatch(out.String()); m != nil {
		s.written, _ = strconv.Atoi(m[1])
	}
	return s, nil
}

func tail(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-10):], "\n")
}

func median[T cmp.Ordered](ss []sample, f func(sample) T) T {
	v := make([]T, len(ss))
	for i, s := range ss {
		v[i] = f(s)
	}
	slices.Sort(v)
	return v[len(v)/2]
}

func rssOf(ss []sample) []int64 {
	var v []int64
	for _, s := range ss {
		v = append(v, s.rss)
	}
	return v
}

func ratios(a, b []sample) string {
	var parts []string
	for i := range min(len(a), len(b)) {
		parts = append(parts, fmt.Sprintf("%.2f", float64(a[i].wall)/float64(b[i].wall)))
	}
	return strings.Join(parts, ", ")
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }
