package hostile

import (
	"path/filepath"
	"testing"
)

// realSite copies the repository's own site (content/, templates/,
// assets/) into a fresh directory.
func realSite(t testing.TB) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "site")
	for _, d := range []string{"content", "templates", "assets"} {
		copyTree(t, filepath.Join(repoRoot, d), filepath.Join(root, d))
	}
	return root
}

// TestDeterministic builds the repository's site and the fixture site under
// different time zones, locales, working directories, output paths and core
// counts, and wants byte-identical trees.
func TestDeterministic(t *testing.T) {
	for _, fixture := range []string{"real", "site"} {
		t.Run(fixture, func(t *testing.T) {
			mk := func() string {
				if fixture == "real" {
					return realSite(t)
				}
				return newSite(t, fixture)
			}
			variants := []struct {
				env  []string
				dirs func(root string) (cwd string, args []string)
			}{
				{[]string{"TZ=UTC", "LANG=C", "LC_ALL=C", "GOMAXPROCS=1"},
					func(root string) (string, []string) { return root, []string{"--root", "."} }},
				{[]string{"TZ=Asia/Ho_Chi_Minh", "LANG=vi_VN.UTF-8", "LC_ALL=vi_VN.UTF-8", "GOMAXPROCS=2"},
					func(root string) (string, []string) {
						return t.TempDir(), []string{"--root", root, "--out", filepath.Join(root, "public")}
					}},
				{[]string{"TZ=America/Los_Angeles", "LANG=en_US.UTF-8", "GOMAXPROCS=4"},
					func(root string) (string, []string) {
						return filepath.Dir(root), []string{"--root", "site"}
					}},
			}
			var first tree
			for i, v := range variants {
				root := mk()
				cwd, args := v.dirs(root)
				r := run(t, cwd, v.env, append([]string{"build", "--base-url", "/tiendo/"}, args...)...)
				if r.code != 0 {
					t.Fatalf("build %d (%v) failed:\n%s", i, v.env, r.stderr)
				}
				got := hashTree(t, filepath.Join(root, "public"))
				if len(got) < 10 {
					t.Fatalf("build %d wrote only %d files", i, len(got))
				}
				if i == 0 {
					first = got
					continue
				}
				if d := first.diff(got); d != "" {
					t.Errorf("build %d (%v) differs from build 0 (%v):\n%s", i, v.env, variants[0].env, d)
				}
			}
		})
	}
}
