package hostile

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// tiendo is the path of the binary built by TestMain; repoRoot is the
// module root (holding templates/ and assets/).
var tiendo, repoRoot string

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	flag.Parse()
	// The tests read the binary's messages in English (its default is the
	// site's first language, Vietnamese).
	os.Setenv("TIENDO_LANG", "en")
	for _, f := range []string{"test.fuzz", "test.fuzzworker"} {
		if fl := flag.Lookup(f); fl != nil && fl.Value.String() != "" && fl.Value.String() != "false" {
			return m.Run() // fuzzing FuzzChartBlock needs no binary
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	repoRoot = wd
	for {
		if _, err := os.Stat(filepath.Join(repoRoot, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(repoRoot)
		if parent == repoRoot {
			fmt.Fprintln(os.Stderr, "hostile: go.mod not found above", wd)
			return 1
		}
		repoRoot = parent
	}
	bin, err := os.MkdirTemp("", "tiendo-hostile-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(bin)
	tiendo = filepath.Join(bin, "tiendo")
	cmd := exec.Command("go", "build", "-o", tiendo, "./generator/cmd/tiendo")
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "hostile: building tiendo: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// newSite makes a site in a fresh temporary directory: the repository's real
// templates/ and assets/, and the content/ of the fixture directory fixture
// (relative to testdata/). It returns the site's root.
func newSite(t testing.TB, fixture string) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "site")
	copyTree(t, filepath.Join(repoRoot, "templates"), filepath.Join(root, "templates"))
	copyTree(t, filepath.Join(repoRoot, "assets"), filepath.Join(root, "assets"))
	copyTree(t, filepath.Join("testdata", fixture, "content"), filepath.Join(root, "content"))
	return root
}

func copyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatalf("copy %s: %v", from, err)
	}
}

// result is one run of the command.
type result struct {
	code           int
	stdout, stderr string
}

var statSources sync.Once

// noteSources stats every Go source of the module and go.mod once per test
// run: the binary is built from them outside the test's own imports, and
// stats made while the tests run are what go test's cache checks before
// it replays a cached result.
func noteSources() {
	statSources.Do(func() {
		os.Stat(filepath.Join(repoRoot, "go.mod"))
		filepath.WalkDir(filepath.Join(repoRoot, "generator"), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
				os.Stat(p)
			}
			return nil
		})
	})
}

// run runs the tiendo binary in dir with extra environment variables.
func run(t testing.TB, dir string, env []string, args ...string) result {
	t.Helper()
	noteSources()
	cmd := exec.Command(tiendo, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatalf("start tiendo: %v", err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(5 * time.Minute):
		cmd.Process.Kill()
		<-done
		t.Fatalf("tiendo %s: timed out", strings.Join(args, " "))
	}
	code := cmd.ProcessState.ExitCode()
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

// mustBuild builds the site at root into root/public and fails the test if
// the build fails.
func mustBuild(t testing.TB, root string, args ...string) result {
	t.Helper()
	r := run(t, root, nil, append([]string{"build", "--root", "."}, args...)...)
	if r.code != 0 {
		t.Fatalf("build of %s failed (exit %d):\n%s", root, r.code, r.stderr)
	}
	return r
}

// tree maps every path under a directory (slash-separated, relative) to a
// digest of its content, "dir" for directories and "link -> target" for
// symbolic links.
type tree map[string]string

func hashTree(t testing.TB, dir string) tree {
	t.Helper()
	out := tree{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir() && d.Name() == ".cache":
			return filepath.SkipDir // the build cache is the build's own working state
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out[rel] = "link -> " + target
		case d.IsDir():
			out[rel] = "dir"
		default:
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(data)
			out[rel] = hex.EncodeToString(sum[:])
		}
		return nil
	})
	if err != nil {
		t.Fatalf("hash %s: %v", dir, err)
	}
	return out
}

// diff describes how b differs from a, in at most a few lines.
func (a tree) diff(b tree) string {
	var lines []string
	for p, h := range a {
		switch hb, ok := b[p]; {
		case !ok:
			lines = append(lines, "missing: "+p)
		case hb != h:
			lines = append(lines, "changed: "+p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			lines = append(lines, "added: "+p)
		}
	}
	sort.Strings(lines)
	if len(lines) > 12 {
		lines = append(lines[:12], fmt.Sprintf("… and %d more", len(lines)-12))
	}
	return strings.Join(lines, "\n")
}

// edit replaces the first occurrence of old with new in the file at
// root/name, failing the test if old is not there.
func edit(t testing.TB, root, name, old, new string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("fixture %s does not contain %q", name, old)
	}
	data = bytes.Replace(data, []byte(old), []byte(new), 1)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// write creates or replaces the file at root/name.
func write(t testing.TB, root, name, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// diagLine matches one problem line: file:line:col: message.
var diagLine = regexp.MustCompile(`^([^:]+):(\d+):(\d+): (.*)$`)

// problem is a parsed diagnostic line.
type problem struct {
	file      string
	line, col int
	msg       string
}

func problems(stderr string) []problem {
	var out []problem
	for _, l := range strings.Split(stderr, "\n") {
		m := diagLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		var p problem
		p.file, p.msg = m[1], m[4]
		fmt.Sscan(m[2], &p.line)
		fmt.Sscan(m[3], &p.col)
		out = append(out, p)
	}
	return out
}
