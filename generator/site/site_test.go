package site

import (
	"testing"

	"github.com/tiendo/tiendo/generator/i18n"
)

func TestNewURLs(t *testing.T) {
	tests := []struct {
		in           string
		origin, base string
	}{
		{"", "", "/"},
		{"/", "", "/"},
		{"/tiendo", "", "/tiendo/"},
		{"/tiendo/", "", "/tiendo/"},
		{"tiendo/", "", "/tiendo/"},
		{"/a/b/", "", "/a/b/"},
		{"https://example.github.io/tiendo/", "https://example.github.io", "/tiendo/"},
		{"https://example.github.io/tiendo", "https://example.github.io", "/tiendo/"},
		{"https://example.github.io", "https://example.github.io", "/"},
		{"http://127.0.0.1:1313/", "http://127.0.0.1:1313", "/"},
	}
	for _, tt := range tests {
		u, err := NewURLs(tt.in)
		if err != nil {
			t.Errorf("NewURLs(%q): %v", tt.in, err)
			continue
		}
		if u.Origin != tt.origin || u.Base != tt.base {
			t.Errorf("NewURLs(%q) = %+v, want origin %q base %q", tt.in, u, tt.origin, tt.base)
		}
	}
	for _, bad := range []string{
		"ftp://example.org/x/",
		"https:///tiendo/",
		"//evil.example/tiendo/",
		"/tiendo/?x=1",
		"/tiendo/#top",
		"/a/../b/",
		"/a/./b/",
		"/a//b/",
		"/..",
		"javascript:alert(1)",
		"https://exa mple.org/",
	} {
		if u, err := NewURLs(bad); err == nil {
			t.Errorf("NewURLs(%q) = %+v, want an error", bad, u)
		}
	}
}

func TestPathAbs(t *testing.T) {
	root, _ := NewURLs("/")
	sub, _ := NewURLs("/tiendo/")
	abs, _ := NewURLs("https://example.github.io/tiendo/")
	tests := []struct {
		u         URLs
		rel       string
		path, abs string
	}{
		{root, "", "/", "/"},
		{root, "metrics/egdi-rank/", "/metrics/egdi-rank/", "/metrics/egdi-rank/"},
		{sub, "metrics/egdi-rank/", "/tiendo/metrics/egdi-rank/", "/tiendo/metrics/egdi-rank/"},
		{sub, "/metrics/egdi-rank/", "/tiendo/metrics/egdi-rank/", "/tiendo/metrics/egdi-rank/"},
		{abs, "", "/tiendo/", "https://example.github.io/tiendo/"},
		{abs, "data/egdi-rank.csv", "/tiendo/data/egdi-rank.csv", "https://example.github.io/tiendo/data/egdi-rank.csv"},
	}
	for _, tt := range tests {
		if got := tt.u.Path(tt.rel); got != tt.path {
			t.Errorf("%+v.Path(%q) = %q, want %q", tt.u, tt.rel, got, tt.path)
		}
		if got := tt.u.Abs(tt.rel); got != tt.abs {
			t.Errorf("%+v.Abs(%q) = %q, want %q", tt.u, tt.rel, got, tt.abs)
		}
	}
}

func TestPaths(t *testing.T) {
	vi, en := i18n.New("vi"), i18n.New("en")
	tests := []struct{ got, want string }{
		{Home(vi), ""},
		{Home(en), "en/"},
		{Page(vi, "reports", "ket-luan"), "reports/ket-luan/"},
		{Page(en, "reports", "ket-luan"), "en/reports/ket-luan/"},
		{Page(vi, "pages", "phuong-phap"), "phuong-phap/"},
		{Page(en, "pages", "phuong-phap"), "en/phuong-phap/"},
		{Page(vi, "notes", "2025/hop"), "notes/2025/hop/"},
		{Page(en, "notes", "2025/hop"), "en/notes/2025/hop/"},
		{Metric(en, "egdi-rank"), "en/metrics/egdi-rank/"},
		{MetricsIndex(vi), "metrics/"},
		{SectionIndex(en, "notes"), "en/notes/"},
		{DataCSV("egdi-rank"), "data/egdi-rank.csv"},
		{DataJSON("egdi-rank"), "data/egdi-rank.json"},
		{File(""), "index.html"},
		{File("en/"), "en/index.html"},
		{File("metrics/egdi-rank/"), "metrics/egdi-rank/index.html"},
		{File("404.html"), "404.html"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestSafe(t *testing.T) {
	tests := []struct {
		rel  string
		want bool
	}{
		{"index.html", true},
		{"metrics/egdi-rank/index.html", true},
		{"en/", true},
		{".nojekyll", true},
		{"data/egdi-rank.csv", true},
		{"", false},
		{"../x", false},
		{"..", false},
		{".", false},
		{"/etc/passwd", false},
		{"//etc/passwd", false},
		{"a/../../b", false},
		{"a/../b", false},
		{"a/./b", false},
		{"a//b", false},
		{"metrics/../../../etc/passwd", false},
	}
	for _, tt := range tests {
		if got := Safe(tt.rel); got != tt.want {
			t.Errorf("Safe(%q) = %v, want %v", tt.rel, got, tt.want)
		}
	}
}
