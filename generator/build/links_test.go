package build

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/inputs"
)

// TestLinksOutOfTheSiteAreRefused: a page, a template or a folder that is a
// symbolic link out of the site's root is reported at its path, and nothing
// outside is read; a relative link that stays inside is followed.
func TestLinksOutOfTheSiteAreRefused(t *testing.T) {
	outside := t.TempDir()
	secret := "+++\ntitle = \"Bí mật ngoài trang\"\ndate = 2024-07-10\n+++\nSECRET-TEXT\n"
	if err := os.WriteFile(filepath.Join(outside, "s.md"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ link, target string }{
		{"content/notes/secret.md", filepath.Join(outside, "s.md")},
		{"content/notes/folder", outside},
		{"templates/partials/evil.html", filepath.Join(outside, "s.md")},
	} {
		t.Run(tt.link, func(t *testing.T) {
			root := corpusSite(t)
			if err := os.Symlink(tt.target, filepath.Join(root, tt.link)); err != nil {
				t.Fatal(err)
			}
			for _, cache := range []string{"", filepath.Join(t.TempDir(), "cache")} {
				out := filepath.Join(t.TempDir(), "public")
				_, err := Run(inputs.Dir(root), out, Options{Cache: cache})
				var list diag.List
				if !errors.As(err, &list) || len(list) != 1 || list[0].Pos.File != tt.link || !strings.Contains(list[0].Msg, "leads outside the site") {
					t.Fatalf("cache %q: error %v, want one problem at %s saying it leads outside the site", cache, err, tt.link)
				}
				if _, err := os.Stat(out); err == nil {
					t.Errorf("cache %q: a failed build wrote %s", cache, out)
				}
			}
		})
	}

	// A link that stays inside the site is a page like any other.
	root := corpusSite(t)
	inside := filepath.Join(root, "content", "notes", "linked.md")
	if err := os.WriteFile(filepath.Join(root, "inside.md"), []byte(strings.Replace(secret, "Bí mật ngoài trang", "Trang liên kết", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..", "..", "inside.md"), inside); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Run(inputs.Dir(root), out, Options{}); err != nil {
		t.Fatalf("a link inside the site: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "notes", "linked", "index.html")); err != nil || !strings.Contains(string(b), "SECRET-TEXT") {
		t.Errorf("the linked page is not published: %v", err)
	}
}
