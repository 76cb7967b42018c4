package main

import (
	"bytes"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestMain runs the tests in English, which they read; TestLanguage
// checks the default.
func TestMain(m *testing.M) {
	os.Setenv(langEnv, "en")
	os.Exit(m.Run())
}

// site makes a site directory: the build package's fixture content, with
// the repository's real templates and assets linked in.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("..", "..", "build", "testdata", "site")
	copyDir(t, src, "content", dir)
	copyDir(t, filepath.Join("..", "..", ".."), "content/sources", dir) // the archived documents
	// Copied, not linked: a site reads nothing outside its folder.
	for _, d := range []string{"templates", "assets"} {
		copyDir(t, filepath.Join("..", "..", ".."), d, dir)
	}
	return dir
}

// copyDir copies from/sub to to/sub.
func copyDir(t *testing.T, from, sub, to string) {
	t.Helper()
	err := filepath.WalkDir(filepath.Join(from, sub), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func edit(t *testing.T, name, old, new string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	if err := os.WriteFile(name, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

func runCmd(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

var problemLine = regexp.MustCompile(`^content/[a-z0-9/._-]+:\d+:\d+: \S`)

func TestCheck(t *testing.T) {
	dir := site(t)
	code, out, errOut := runCmd("check", "--root", dir)
	if code != 0 {
		t.Fatalf("check exit %d\nstderr:\n%s", code, errOut)
	}
	if !strings.HasPrefix(out, "ok: 4 pages, 3 series, ") || errOut != "" {
		t.Errorf("stdout %q, stderr %q", out, errOut)
	}
	// The site's one commitment is counted in the singular.
	if !strings.Contains(out, ", 1 commitment, ") {
		t.Errorf("stdout %q: want \", 1 commitment, \"", out)
	}

	// Three mistakes in three files: one line each, file:line:col, exit 1.
	edit(t, filepath.Join(dir, "content/metrics/egdi-rank.toml"), "value = 71", "value = 71.5")
	edit(t, filepath.Join(dir, "content/sources.toml"), "publisher =", "publsher =")
	edit(t, filepath.Join(dir, "content/reports/so-ket-6-thang-2024-tai-nghe-an.md"), "tags =", "tgas =")
	code, out, errOut = runCmd("check", "--root", dir)
	if code != 1 || out != "" {
		t.Errorf("check of a broken site: exit %d, stdout %q", code, out)
	}
	lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
	for _, want := range []string{
		"content/metrics/egdi-rank.toml:19:9: a rank must be a whole number from 1, not 71.5",
		`content/reports/so-ket-6-thang-2024-tai-nghe-an.md:7:8: unknown key "tgas"`,
		`content/sources.toml:`,
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	last := lines[len(lines)-1]
	if !regexp.MustCompile(`^\d+ errors?$`).MatchString(last) {
		t.Errorf("last line %q, want the count of errors", last)
	}
	for _, l := range lines[:len(lines)-1] {
		if !problemLine.MatchString(l) {
			t.Errorf("not a file:line:col line: %q", l)
		}
	}
}

func TestCheckChartError(t *testing.T) {
	dir := site(t)
	edit(t, filepath.Join(dir, "content/reports/so-ket-6-thang-2024-tai-nghe-an.md"), `metrics = ["egdi-rank"]`, `metrics = ["egdi-rnak"]`)
	code, _, errOut := runCmd("check", "--root", dir)
	if code != 1 || !regexp.MustCompile(`(?m)^content/reports/so-ket-6-thang-2024-tai-nghe-an\.md:\d+:\d+: .*"egdi-rnak"`).MatchString(errOut) {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
}

// TestLanguage: problems and the summary are in Vietnamese, the site's first
// language, unless TIENDO_LANG or --lang (which wins) asks for English.
func TestLanguage(t *testing.T) {
	dir := site(t)
	edit(t, filepath.Join(dir, "content/metrics/egdi-rank.toml"), "value = 71", "value = 71.5")
	for _, tt := range []struct {
		env  string
		args []string
		want string
	}{
		{"", nil, "2 lỗi\n"},
		{"vi", nil, "2 lỗi\n"},
		{"en", nil, "2 errors\n"},
		{"en", []string{"--lang", "vi"}, "2 lỗi\n"},
		{"vi", []string{"--lang", "en"}, "2 errors\n"},
	} {
		t.Setenv(langEnv, tt.env)
		code, _, errOut := runCmd(append([]string{"check", "--root", dir}, tt.args...)...)
		if code != 1 || !strings.HasSuffix(errOut, tt.want) {
			t.Errorf("TIENDO_LANG=%q %q: exit %d, stderr:\n%s\nwant it to end in %q", tt.env, tt.args, code, errOut, tt.want)
		}
	}
	edit(t, filepath.Join(dir, "content/metrics/egdi-rank.toml"), "value = 71.5", "value = 71")
	t.Setenv(langEnv, "")
	if code, out, errOut := runCmd("check", "--root", dir); code != 0 || !strings.HasPrefix(out, "ok: 4 trang, 3 chuỗi số liệu, ") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	t.Setenv(langEnv, "fr")
	if code, _, errOut := runCmd("check", "--root", dir); code != 2 || !strings.Contains(errOut, "TIENDO_LANG=fr") {
		t.Errorf("TIENDO_LANG=fr: exit %d, stderr %q", code, errOut)
	}
	// A site in English only speaks English to its editors.
	t.Setenv(langEnv, "")
	englishOnly(t, dir)
	if code, out, errOut := runCmd("check", "--root", dir); code != 0 || !strings.HasPrefix(out, "ok: 2 pages, 3 series, ") {
		t.Errorf("an English-only site: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// Even when its site.toml has a mistake, or cannot be read to its end.
	for _, slip := range []string{"titel = ", "title = \"\n"} {
		edit(t, filepath.Join(dir, "content", "site.toml"), "title = ", slip)
		if code, _, errOut := runCmd("check", "--root", dir); code != 1 || !regexp.MustCompile(`\n\d errors?\n$`).MatchString(errOut) || strings.Contains(errOut, "lỗi") {
			t.Errorf("an English-only site with %q in site.toml: exit %d, stderr:\n%s", slip, code, errOut)
		}
		edit(t, filepath.Join(dir, "content", "site.toml"), slip, "title = ")
	}
}

// englishOnly makes the site in dir (the fixture) a site in English only,
// whose sources are Vietnamese documents.
func englishOnly(t *testing.T, dir string) {
	t.Helper()
	edit(t, filepath.Join(dir, "content", "site.toml"), "title = ", "languages = [\"en\"]\ntitle = ")
	sources := filepath.Join(dir, "content", "sources.toml")
	b, err := os.ReadFile(sources)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sources, bytes.ReplaceAll(b, []byte("[[sources]]\n"), []byte("[[sources]]\nlang = \"vi\"\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "content", "*", "*.en.md"))
	names = append(names, filepath.Join(dir, "content", "i18n", "vi.toml"))
	for _, name := range names {
		if err := os.Remove(name); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBuild(t *testing.T) {
	dir := site(t)
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, errOut := runCmd("build", "--root", dir, "--out", out, "--base-url", "https://example.github.io/tiendo/")
	if code != 0 {
		t.Fatalf("build exit %d\n%s", code, errOut)
	}
	if !strings.Contains(stdout, "built "+out) {
		t.Errorf("stdout: %q", stdout)
	}
	page, err := os.ReadFile(filepath.Join(out, "metrics", "egdi-rank", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`href="/tiendo/metrics/"`)) {
		t.Error("links do not carry the base path")
	}

	// With the cache (ROOT/.cache/tiendo), an edit that keeps the size and
	// comes within the same clock tick still shows.
	if _, err := os.Stat(filepath.Join(dir, ".cache", "tiendo")); err != nil {
		t.Errorf("no build cache: %v", err)
	}
	report := filepath.Join(dir, "content/reports/so-ket-6-thang-2024-tai-nghe-an.md")
	edit(t, report, "Kết quả cả nước", "KẾT QUẢ CẢ NƯỚC")
	if code, _, errOut := runCmd("build", "--root", dir, "--out", out, "--base-url", "https://example.github.io/tiendo/"); code != 0 {
		t.Fatalf("rebuild exit %d\n%s", code, errOut)
	}
	html, err := os.ReadFile(filepath.Join(out, "reports", "so-ket-6-thang-2024-tai-nghe-an", "index.html"))
	if err != nil || !bytes.Contains(html, []byte("KẾT QUẢ CẢ NƯỚC")) {
		t.Errorf("the edit does not show after a cached rebuild (%v)", err)
	}

	// A failed build says so and leaves the output as it was.
	edit(t, filepath.Join(dir, "content/metrics/egdi-rank.toml"), "kind = \"rank\"", "kind = \"ranking\"")
	code, _, errOut = runCmd("build", "--root", dir, "--out", out)
	if code != 1 || !strings.Contains(errOut, "content/metrics/egdi-rank.toml:5:8: kind \"ranking\"") || !strings.Contains(errOut, "previous output was left") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	again, err := os.ReadFile(filepath.Join(out, "metrics", "egdi-rank", "index.html"))
	if err != nil || !bytes.Equal(page, again) {
		t.Error("a failed build changed the output")
	}
}

func TestUsage(t *testing.T) {
	minimal := t.TempDir() // a content/site.toml and nothing else
	os.MkdirAll(filepath.Join(minimal, "content"), 0o755)
	os.WriteFile(filepath.Join(minimal, "content", "site.toml"), []byte("title = \"T\"\ntitle_en = \"T\"\n"), 0o644)
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{nil, 2, "usage:"},
		{[]string{"publish"}, 2, `unknown command "publish"`},
		{[]string{"check", "--nope"}, 2, "flag provided but not defined"},
		{[]string{"check", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"build", "--root", minimal, "--base-url", "ftp://x/"}, 1, "--base-url"},
		{[]string{"check", "--root", filepath.Join(minimal, "content")}, 1, "that folder has no content/site.toml"},
		{[]string{"check", "--lang", "fr"}, 2, "--lang=fr: the messages are in vi or en"},
	}
	for _, tt := range tests {
		code, _, errOut := runCmd(tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.stderr) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tt.args, code, errOut, tt.code, tt.stderr)
		}
	}
	if code, out, _ := runCmd("help"); code != 0 || !strings.Contains(out, "tiendo build") {
		t.Errorf("help: exit %d, %q", code, out)
	}
}

// TestHelp: each command's --help exits 0, printed on stdout, and lists its
// own flags only.
func TestHelp(t *testing.T) {
	for _, tt := range []struct {
		cmd        string
		has, hasNo []string
	}{
		{"build", []string{"-base-url", "-strict", "-no-cache", "-lang"}, []string{"-port", "-coverage", "-kind"}},
		{"check", []string{"-strict", "-coverage", "-lang"}, []string{"-port", "-base-url"}},
		{"serve", []string{"-port", "-lang"}, []string{"-strict", "-base-url"}},
		{"new", []string{"-root", "-kind", "-theme", "tiendo new", "commitment|source"}, []string{"-strict", "-port", "-base-url", "-lang"}},
	} {
		code, out, errOut := runCmd(tt.cmd, "--help")
		if code != 0 || errOut != "" {
			t.Errorf("%s --help: exit %d, stderr %q", tt.cmd, code, errOut)
		}
		for _, s := range tt.has {
			if !strings.Contains(out, s) {
				t.Errorf("%s --help does not list %s:\n%s", tt.cmd, s, out)
			}
		}
		for _, s := range tt.hasNo {
			if strings.Contains(out, s+" ") || strings.Contains(out, s+"\n") {
				t.Errorf("%s --help lists %s, which is not its flag:\n%s", tt.cmd, s, out)
			}
		}
	}
}

// TestServePortTaken: a port in use is said so, with another to try, and
// nothing is built first.
func TestServePortTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	dir := site(t)
	code, _, errOut := runCmd("serve", "--root", dir, "--port", strconv.Itoa(port))
	if code != 1 || !strings.Contains(errOut, "is already in use") || !strings.Contains(errOut, "--port "+strconv.Itoa(port+1)) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, ".cache", "serve")); err == nil {
		t.Error("the site was built before the port was found taken")
	}
}
