//go:build unix

package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/generator/inputs"
	"github.com/tiendo/tiendo/generator/output"
)

// A build of an output that another build is writing fails at once, says
// why, and changes nothing; once the first is done, it builds.
func TestSecondBuildOfTheSameOutputIsRefused(t *testing.T) {
	root := corpusSite(t)
	out := filepath.Join(t.TempDir(), "public")
	cache := filepath.Join(root, ".cache", "tiendo")
	runSite(t, root, out, cache)
	before := files(t, out)
	unlock, err := output.Lock(out) // the first build, still running
	if err != nil {
		t.Fatal(err)
	}
	editFile(t, root, "content/site.toml", func(s string) string { return s + "\n# sửa\n" })
	_, err = Run(inputs.Dir(root), out, Options{BaseURL: "/tiendo/", Cache: cache})
	if err == nil || !strings.Contains(err.Error(), "another tiendo build is writing") {
		t.Fatalf("a second build: %v, want it refused", err)
	}
	sameFiles(t, "a refused build", files(t, out), before)
	unlock()
	runSite(t, root, out, cache)
	if ents, _ := os.ReadDir(filepath.Dir(out)); len(ents) != 1 {
		t.Errorf("beside the output: %v, want nothing", ents)
	}
}
