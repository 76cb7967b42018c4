package validate

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// base is the sub-path the site is built for, as a GitHub project site.
const base = "/tiendo/"

var (
	repoRoot  string
	buildOnce sync.Once
	siteDir   string // the built tree (…/public)
	buildErr  error
	tmpDir    string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if tmpDir != "" {
		os.RemoveAll(tmpDir)
	}
	os.Exit(code)
}

// inCI reports whether the tests run in CI, where a missing tool fails.
func inCI() bool {
	v := os.Getenv("CI")
	return v != "" && v != "0" && v != "false"
}

// enabled skips the test unless validators were asked for.
func enabled(t *testing.T) {
	t.Helper()
	if os.Getenv("TIENDO_VALIDATORS") == "" && !inCI() {
		t.Skip("set TIENDO_VALIDATORS=1 (make validate) to run the validators")
	}
}

// missing reports a missing tool: a failure in CI, a skip elsewhere.
func missing(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...) + "; run .ci/install.sh"
	if inCI() {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

func findRoot(t *testing.T) string {
	t.Helper()
	if repoRoot != "" {
		return repoRoot
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			repoRoot = dir
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// built builds the repository's site once (a copy of content/, templates/
// and assets/, so that the working tree is not touched) with the base URL
// /tiendo/ and returns the output directory.
func built(t *testing.T) string {
	t.Helper()
	root := findRoot(t)
	buildOnce.Do(func() {
		// Stat the sources so that go test's cache notices changes to
		// them: the binary is built outside this package's imports.
		filepath.WalkDir(filepath.Join(root, "generator"), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") {
				os.Stat(p)
			}
			return nil
		})
		tmpDir, buildErr = os.MkdirTemp("", "tiendo-validate-")
		if buildErr != nil {
			return
		}
		bin := filepath.Join(tmpDir, "tiendo")
		cmd := exec.Command("go", "build", "-o", bin, "./generator/cmd/tiendo")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		site := filepath.Join(tmpDir, "site")
		for _, d := range []string{"content", "templates", "assets"} {
			if err := copyTree(filepath.Join(root, d), filepath.Join(site, d)); err != nil {
				buildErr = err
				return
			}
		}
		cmd = exec.Command(bin, "build", "--root", site, "--base-url", base)
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("tiendo build: %v\n%s", err, out)
			return
		}
		siteDir = filepath.Join(site, "public")
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return siteDir
}

func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
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
}

// TestNuHTMLChecker runs vnu.jar over every HTML page and wants no error.
func TestNuHTMLChecker(t *testing.T) {
	enabled(t)
	java, err := exec.LookPath("java")
	if err != nil {
		missing(t, "java not found (Debian: default-jre-headless)")
	}
	jar := os.Getenv("VNU_JAR")
	if jar == "" {
		jar = filepath.Join(findRoot(t), ".ci", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	}
	if _, err := os.Stat(jar); err != nil {
		missing(t, "vnu.jar not found at %s (npm vnu-jar)", jar)
	}
	dir := built(t)
	cmd := exec.Command(java, "-jar", jar, "--errors-only", "--skip-non-html", "--format", "gnu", dir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	text := strings.ReplaceAll(out.String(), dir+string(filepath.Separator), "public/")
	text = strings.ReplaceAll(text, "file:"+dir+"/", "public/")
	if err != nil || strings.TrimSpace(text) != "" {
		lines := strings.Split(strings.TrimSpace(text), "\n")
		n := len(lines)
		if n > 60 {
			lines = append(lines[:60], fmt.Sprintf("… %d more", n-60))
		}
		t.Errorf("the Nu HTML Checker reports %d problem(s) (%v):\n%s", n, err, strings.Join(lines, "\n"))
	}
}

// server serves dir under base on 127.0.0.1; everything else is 404.
func server(t *testing.T, dir string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle(base, http.StripPrefix(strings.TrimSuffix(base, "/"), http.FileServerFS(os.DirFS(dir))))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// page is what the crawler learned about one URL.
type page struct {
	status int
	ids    map[string]bool // element ids and anchor names, for HTML pages
	html   bool
}

// link is one reference found on a page.
type link struct {
	from, to string // paths; to may carry a fragment
}

var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)['"]?\s*\)`)

// TestLinks crawls the site served under /tiendo/ from both home pages.
func TestLinks(t *testing.T) {
	enabled(t)
	broken, unreached := crawl(t, built(t))
	report(t, "broken links", broken)
	report(t, "HTML pages no link leads to", unreached)
}

// TestCrawlerCatches runs the crawler on a made-up tree with a broken link,
// a link outside the base path, a missing fragment, a missing asset and an
// orphan page: a link checker that finds nothing must be able to.
func TestCrawlerCatches(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.html":        `<!DOCTYPE html><title>x</title><link rel="stylesheet" href="/tiendo/a.css"><a href="/tiendo/b/">b</a> <a href="/tiendo/nope/">nope</a> <a href="/elsewhere/">out</a> <a href="b/#missing">frag</a> <a href="b/#here">ok</a> <img src="/tiendo/gone.png" alt="">`,
		"en/index.html":     `<!DOCTYPE html><title>en</title><a href="../b/">b</a>`,
		"b/index.html":      `<!DOCTYPE html><title>b</title><h2 id="here">h</h2><a href="/tiendo/b">no slash</a>`,
		"a.css":             `body { background: url("/tiendo/missing.svg") }`,
		"orphan/index.html": `<!DOCTYPE html><title>o</title>`,
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	broken, unreached := crawl(t, dir)
	for _, want := range []string{"404 /tiendo/nope/", "404 /elsewhere/", "no id /tiendo/b/#missing", "404 /tiendo/gone.png", "404 /tiendo/missing.svg", "redirect (link lacks its trailing slash) /tiendo/b"} {
		if _, ok := broken[want]; !ok {
			t.Errorf("the crawler missed %q; found %v", want, broken)
		}
	}
	if len(broken) != 6 {
		t.Errorf("the crawler found %d problems, want 6: %v", len(broken), broken)
	}
	if _, ok := unreached["orphan/index.html"]; !ok || len(unreached) != 1 {
		t.Errorf("unreached = %v, want orphan/index.html alone", unreached)
	}
}

// crawl serves dir under /tiendo/ and crawls it from both home pages. It
// returns the broken links (problem → pages it is on) and the HTML pages
// of dir that no link reaches.
func crawl(t *testing.T, dir string) (broken, unreached map[string][]string) {
	t.Helper()
	origin := server(t, dir)
	client := &http.Client{Timeout: 20 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}

	pages := map[string]*page{}
	var links []link
	queue := []string{base, base + "en/"}
	queued := map[string]bool{base: true, base + "en/": true}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		resp, err := client.Get(origin + p)
		if err != nil {
			t.Fatalf("GET %s: %v", p, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		pg := &page{status: resp.StatusCode}
		pages[p] = pg
		if resp.StatusCode == http.StatusMovedPermanently {
			// http.FileServer redirects /dir to /dir/: follow, but a
			// link that needs it is still reported below.
			pg.status = resp.StatusCode
			continue
		}
		if resp.StatusCode != http.StatusOK {
			continue
		}
		var refs []string
		ct := resp.Header.Get("Content-Type")
		switch {
		case strings.HasPrefix(ct, "text/html"):
			pg.html = true
			pg.ids = map[string]bool{}
			doc, err := html.Parse(bytes.NewReader(body))
			if err != nil {
				t.Errorf("%s: %v", p, err)
				continue
			}
			var walk func(n *html.Node)
			walk = func(n *html.Node) {
				if n.Type == html.ElementNode {
					for _, a := range n.Attr {
						switch a.Key {
						case "id":
							pg.ids[a.Val] = true
						case "name":
							if n.Data == "a" {
								pg.ids[a.Val] = true
							}
						case "href", "src":
							if n.Data == "link" && (attr(n, "rel") == "canonical" || attr(n, "rel") == "alternate") && strings.Contains(a.Val, "://") {
								continue // absolute when the base URL has an origin
							}
							refs = append(refs, a.Val)
						case "srcset":
							for _, c := range strings.Split(a.Val, ",") {
								if f := strings.Fields(c); len(f) > 0 {
									refs = append(refs, f[0])
								}
							}
						}
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(doc)
		case strings.HasPrefix(ct, "text/css"):
			for _, m := range cssURL.FindAllStringSubmatch(string(body), -1) {
				if !strings.HasPrefix(m[1], "data:") {
					refs = append(refs, m[1])
				}
			}
		}
		pageURL, _ := url.Parse(origin + p)
		for _, r := range refs {
			u, err := pageURL.Parse(strings.TrimSpace(r))
			if err != nil {
				t.Errorf("%s: bad URL %q: %v", p, r, err)
				continue
			}
			if u.Scheme != "http" && u.Scheme != "https" || u.Host != pageURL.Host {
				continue // mailto:, another site
			}
			target := u.EscapedPath()
			if u.Fragment != "" {
				target += "#" + u.Fragment
			}
			links = append(links, link{from: p, to: target})
			if !queued[u.EscapedPath()] {
				queued[u.EscapedPath()] = true
				queue = append(queue, u.EscapedPath())
			}
		}
	}

	// Every link leads to a 200 answer and an existing fragment.
	broken = map[string][]string{}
	for _, l := range links {
		p, frag, _ := strings.Cut(l.to, "#")
		pg := pages[p]
		switch {
		case pg == nil:
			broken["not crawled "+l.to] = append(broken["not crawled "+l.to], l.from)
		case pg.status == http.StatusMovedPermanently:
			broken["redirect (link lacks its trailing slash) "+l.to] = append(broken["redirect (link lacks its trailing slash) "+l.to], l.from)
		case pg.status != http.StatusOK:
			k := fmt.Sprintf("%d %s", pg.status, p)
			broken[k] = append(broken[k], l.from)
		case frag != "" && pg.html && !pg.ids[unescape(frag)]:
			k := "no id " + l.to
			broken[k] = append(broken[k], l.from)
		}
	}

	// Every HTML page of the output can be reached from a home page.
	unreached = map[string][]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == "404.html" { // served by GitHub Pages for unknown paths
			return nil
		}
		u := base + strings.TrimSuffix(rel, "index.html")
		if pg := pages[(&url.URL{Path: u}).EscapedPath()]; pg == nil || pg.status != http.StatusOK {
			unreached[rel] = nil
		}
		return nil
	})
	t.Logf("crawled %d URLs, %d links", len(pages), len(links))
	return broken, unreached
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// report lists problems with (a few of) the pages they were found on.
func report(t *testing.T, what string, problems map[string][]string) {
	t.Helper()
	if len(problems) == 0 {
		return
	}
	var keys []string
	for k := range problems {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i == 80 {
			fmt.Fprintf(&b, "… and %d more\n", len(keys)-80)
			break
		}
		from := problems[k]
		sort.Strings(from)
		from = compact(from)
		if len(from) > 3 {
			from = append(from[:3], fmt.Sprintf("%d more", len(from)-3))
		}
		if len(from) > 0 {
			fmt.Fprintf(&b, "%s (on %s)\n", k, strings.Join(from, ", "))
		} else {
			fmt.Fprintf(&b, "%s\n", k)
		}
	}
	t.Errorf("%d %s:\n%s", len(keys), what, b.String())
}

func compact(s []string) []string {
	var out []string
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// TestXML parses sitemap.xml, the feeds of both languages (pages, updates,
// a metric's updates), and wants every URL they list to be served.
func TestXML(t *testing.T) {
	enabled(t)
	dir := built(t)
	origin := server(t, dir)
	files := []struct{ name, root string }{
		{"sitemap.xml", "urlset"},
		{"feed.xml", "feed"},
		{"en/feed.xml", "feed"},
		{"updates.xml", "feed"},
		{"en/updates.xml", "feed"},
		{"metrics/egdi-rank/feed.xml", "feed"},
		{"en/metrics/egdi-rank/feed.xml", "feed"},
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.name)))
		if err != nil {
			t.Errorf("%s is missing from the output: %v", f.name, err)
			continue
		}
		var doc node
		if err := xml.Unmarshal(data, &doc); err != nil {
			t.Errorf("%s is not well-formed XML: %v", f.name, err)
			continue
		}
		if doc.XMLName.Local != f.root {
			t.Errorf("%s: root element <%s>, want <%s>", f.name, doc.XMLName.Local, f.root)
		}
		var urls []string
		doc.walk(func(n *node) {
			switch {
			case n.XMLName.Local == "loc":
				urls = append(urls, strings.TrimSpace(n.Text))
			case n.XMLName.Local == "link" && n.attr("href") != "":
				urls = append(urls, n.attr("href"))
			}
		})
		if len(urls) == 0 {
			t.Errorf("%s lists no URL", f.name)
		}
		for _, u := range urls {
			p, err := url.Parse(u)
			if err != nil || !strings.HasPrefix(p.Path, base) {
				t.Errorf("%s: %q is not under the base path %s", f.name, u, base)
				continue
			}
			resp, err := http.Get(origin + p.EscapedPath())
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s: %s answers %d", f.name, u, resp.StatusCode)
			}
		}
	}
}

// node is a generic XML element.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Nodes   []node     `xml:",any"`
}

func (n *node) walk(f func(*node)) {
	f(n)
	for i := range n.Nodes {
		n.Nodes[i].walk(f)
	}
}

func (n *node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// TestActionlint lints the GitHub Actions workflows.
func TestActionlint(t *testing.T) {
	enabled(t)
	root := findRoot(t)
	bin := os.Getenv("ACTIONLINT")
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("actionlint"); err != nil {
			gopath, _ := exec.Command("go", "env", "GOPATH").Output()
			bin = filepath.Join(strings.TrimSpace(string(gopath)), "bin", "actionlint")
		}
	}
	if _, err := os.Stat(bin); err != nil {
		missing(t, "actionlint not found (go install github.com/rhysd/actionlint/cmd/actionlint)")
	}
	files, _ := filepath.Glob(filepath.Join(root, ".github", "workflows", "*.yml"))
	if len(files) == 0 {
		t.Fatal("no workflow in .github/workflows")
	}
	for _, f := range files {
		os.ReadFile(f) // so that go test's cache notices edits
	}
	cmd := exec.Command(bin, "-no-color")
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("actionlint: %v\n%s", err, out)
	}
}
