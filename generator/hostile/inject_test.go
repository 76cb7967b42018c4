package hostile

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The hostile strings of testdata/inject.
const (
	scriptBreakout = `</script><script>alert(1)</script>`
	attrBreakout   = `"><img src=x onerror=alert(1)>`
	rtlOverride    = "\u202egnp.exe\u202c"
)

// injectedSite is the fixture site overlaid with the hostile corpus.
func injectedSite(t testing.TB) string {
	t.Helper()
	root := newSite(t, "site")
	copyTree(t, filepath.Join("testdata", "inject", "content"), filepath.Join(root, "content"))
	return root
}

// TestInjection builds the hostile corpus and inspects every output file:
// HTML pages are parsed as a browser would (golang.org/x/net/html) and must
// hold no script but same-origin files and JSON data, no event handler, no
// javascript: URL, no inline style, no frame, and a strict
// Content-Security-Policy; the hostile strings must survive as text and
// data, not vanish.
func TestInjection(t *testing.T) {
	root := injectedSite(t)
	const base = "/tiendo/"
	r := run(t, root, nil, "build", "--root", ".", "--base-url", base)
	if r.code != 0 {
		t.Fatalf("the hostile corpus must build (its problems are warnings); exit %d:\n%s", r.code, r.stderr)
	}
	for _, w := range []string{"raw HTML is not allowed", "unsafe link destination"} {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("the editor is not warned: no %q in\n%s", w, r.stderr)
		}
	}

	pub := filepath.Join(root, "public")
	var pages int
	seen := map[string]bool{} // hostile strings found as text or data
	err := filepath.WalkDir(pub, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(pub, p)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		switch {
		case strings.HasSuffix(rel, ".html"):
			pages++
			checkPage(t, rel, data, base, seen)
		case strings.HasSuffix(rel, ".json"):
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				t.Errorf("%s: not JSON: %v", rel, err)
			}
			findStrings(v, seen)
		case strings.HasSuffix(rel, ".xml"):
			checkXML(t, rel, data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 20 {
		t.Fatalf("only %d HTML pages built", pages)
	}
	for _, s := range []string{"text:" + scriptBreakout, "text:" + attrBreakout, "data:" + scriptBreakout, "data:" + attrBreakout, "text:" + rtlOverride} {
		if !seen[s] {
			t.Errorf("the hostile string %q never appears as %s: escaped away or lost?", s[strings.IndexByte(s, ':')+1:], s[:strings.IndexByte(s, ':')])
		}
	}
}

// checkPage checks one HTML page; seen records the hostile strings found in
// its text and data scripts.
func checkPage(t *testing.T, name string, data []byte, base string, seen map[string]bool) {
	t.Helper()
	// Byte-level: nothing of the payloads may appear unescaped.
	for _, raw := range []string{"<script>alert", "<img src=x onerror", "<svg onload", "<iframe"} {
		if bytes.Contains(data, []byte(raw)) {
			t.Errorf("%s: raw %q in the bytes", name, raw)
		}
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	var csp []string
	scriptsBeforeCSP := false
	var text strings.Builder
	var walk func(n *html.Node, inHead bool)
	walk = func(n *html.Node, inHead bool) {
		switch n.Type {
		case html.TextNode:
			text.WriteString(n.Data)
		case html.ElementNode:
			checkElement(t, name, n, base, seen)
			switch n.DataAtom {
			case atom.Head:
				inHead = true
			case atom.Script:
				if len(csp) == 0 {
					scriptsBeforeCSP = true
				}
			case atom.Meta:
				if strings.EqualFold(attr(n, "http-equiv"), "Content-Security-Policy") {
					if !inHead {
						t.Errorf("%s: Content-Security-Policy meta outside <head>", name)
					}
					csp = append(csp, attr(n, "content"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inHead)
		}
	}
	walk(doc, false)
	for _, s := range []string{scriptBreakout, attrBreakout, rtlOverride} {
		if strings.Contains(text.String(), s) {
			seen["text:"+s] = true
		}
	}
	if len(csp) != 1 {
		t.Errorf("%s: %d Content-Security-Policy metas, want 1", name, len(csp))
		return
	}
	if scriptsBeforeCSP {
		t.Errorf("%s: a script comes before the Content-Security-Policy", name)
	}
	checkCSP(t, name, csp[0])
}

// checkCSP wants a policy that allows scripts from the site only: no inline
// script, no eval, no other origin in any directive.
func checkCSP(t *testing.T, name, policy string) {
	t.Helper()
	dirs := map[string][]string{}
	for _, d := range strings.Split(policy, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			dirs[strings.ToLower(f[0])] = f[1:]
		}
	}
	script, ok := dirs["script-src"]
	if !ok {
		script = dirs["default-src"]
	}
	if strings.Join(script, " ") != "'self'" {
		t.Errorf("%s: script-src is %q, want 'self' alone", name, strings.Join(script, " "))
	}
	if _, ok := dirs["default-src"]; !ok {
		t.Errorf("%s: no default-src in the policy %q", name, policy)
	}
	if v := strings.Join(dirs["object-src"], " "); v != "'none'" {
		t.Errorf("%s: object-src is %q, want 'none'", name, v)
	}
	if _, ok := dirs["base-uri"]; !ok {
		t.Errorf("%s: no base-uri in the policy", name)
	}
	for d, srcs := range dirs {
		for _, s := range srcs {
			ls := strings.ToLower(s)
			switch {
			case ls == "'unsafe-inline'" || ls == "'unsafe-eval'" || ls == "'unsafe-hashes'" || ls == "'wasm-unsafe-eval'":
				t.Errorf("%s: %s allows %s", name, d, s)
			case ls == "*" || strings.Contains(ls, "://") || strings.Contains(ls, ".") || ls == "http:" || ls == "https:" || ls == "blob:" || (ls == "data:" && d != "img-src"):
				t.Errorf("%s: %s allows a third-party origin or scheme: %s", name, d, s)
			}
		}
	}
}

// urlAttrs are the attributes that hold URLs.
var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true,
	"xlink:href": true, "poster": true, "data": true, "background": true, "cite": true, "srcset": true, "ping": true}

func checkElement(t *testing.T, name string, n *html.Node, base string, seen map[string]bool) {
	t.Helper()
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		switch {
		case strings.HasPrefix(key, "on"):
			t.Errorf("%s: <%s %s=%q>: event handler attribute", name, n.Data, a.Key, a.Val)
		case key == "style":
			t.Errorf("%s: <%s style=%q>: inline style (blocked by the policy, and an injection channel)", name, n.Data, a.Val)
		case urlAttrs[key]:
			if s := scheme(a.Val); s == "javascript" || s == "vbscript" || (s == "data" && !(n.DataAtom == atom.Img && strings.HasPrefix(strings.ToLower(a.Val), "data:image/"))) {
				t.Errorf("%s: <%s %s=%q>: unsafe URL", name, n.Data, a.Key, a.Val)
			}
		}
	}
	switch n.DataAtom {
	case atom.Script:
		src, typ := attr(n, "src"), strings.ToLower(attr(n, "type"))
		body := ""
		if n.FirstChild != nil {
			body = n.FirstChild.Data
		}
		switch {
		case src != "":
			if !strings.HasPrefix(src, base+"assets/") || strings.Contains(src, "..") {
				t.Errorf("%s: <script src=%q>: not a site asset", name, src)
			}
			if strings.TrimSpace(body) != "" {
				t.Errorf("%s: <script src=%q> with inline content %q", name, src, body)
			}
		case typ == "application/json":
			var v any
			if err := json.Unmarshal([]byte(body), &v); err != nil {
				t.Errorf("%s: data script is not JSON: %v\n%.200s", name, err, body)
			}
			findStrings(v, seen)
		default:
			t.Errorf("%s: inline <script type=%q>: %.200s", name, typ, body)
		}
	case atom.Iframe, atom.Frame, atom.Frameset, atom.Object, atom.Embed, atom.Applet, atom.Base, atom.Style:
		t.Errorf("%s: <%s> element", name, n.Data)
	case atom.Meta:
		if strings.EqualFold(attr(n, "http-equiv"), "refresh") {
			t.Errorf("%s: <meta http-equiv=refresh>", name)
		}
	case atom.Link:
		if h := attr(n, "href"); strings.Contains(h, "://") && !strings.EqualFold(attr(n, "rel"), "canonical") && !strings.EqualFold(attr(n, "rel"), "alternate") {
			t.Errorf("%s: <link rel=%q href=%q>: a resource from another origin", name, attr(n, "rel"), h)
		}
	case atom.Img, atom.Audio, atom.Video, atom.Source, atom.Track, atom.Input:
		if s := attr(n, "src"); strings.Contains(s, "://") || strings.HasPrefix(s, "//") {
			t.Errorf("%s: <%s src=%q>: a resource from another origin", name, n.Data, s)
		}
	}
}

// scheme returns the lower-case scheme of a URL as a browser reads it:
// leading and trailing C0 controls and spaces trimmed, tabs and newlines
// removed anywhere.
func scheme(u string) string {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	i := strings.IndexByte(u, ':')
	if i <= 0 {
		return ""
	}
	s := strings.ToLower(u[:i])
	for j, r := range s {
		if !(r >= 'a' && r <= 'z' || j > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return ""
		}
	}
	return s
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// findStrings records which hostile strings occur in the strings of a JSON
// value.
func findStrings(v any, seen map[string]bool) {
	switch v := v.(type) {
	case string:
		for _, s := range []string{scriptBreakout, attrBreakout} {
			if strings.Contains(v, s) {
				seen["data:"+s] = true
			}
		}
	case []any:
		for _, x := range v {
			findStrings(x, seen)
		}
	case map[string]any:
		for k, x := range v {
			findStrings(k, seen)
			findStrings(x, seen)
		}
	}
}

// checkXML wants a well-formed XML document.
func checkXML(t *testing.T, name string, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Errorf("%s: not well-formed XML: %v", name, err)
			return
		}
	}
}

// TestPathsStayInside gives ids, documents, links and the base URL paths
// that climb out with "../": each is refused with a located error, and no
// file appears outside the output directory.
func TestPathsStayInside(t *testing.T) {
	cases := []struct {
		name   string
		inject func(*testing.T, string)
		args   []string
		want   want
	}{
		{"series-id", replace("metrics/egdi-rank.toml", "kind = \"rank\"\n", "kind = \"rank\"\nid = \"../../escaped\"\n"), nil,
			want{file: "metrics/egdi-rank.toml", lineHas: `id = "../../escaped"`, colAt: `"../`, msg: "series id"}},
		{"source-document", replace("sources.toml", `document = "src-a.txt"`, `document = "../../../etc/passwd"`), nil,
			want{file: "sources.toml", lineHas: "etc/passwd", colAt: `"../`, msg: "plain file name"}},
		{"commitment-id", replace("commitments/ket-luan.toml", `id = "kl-vneid"`, `id = "../kl-vneid"`), nil,
			want{file: "commitments/ket-luan.toml", lineHas: `id = "../`, colAt: `"../`, msg: "commitment id"}},
		{"subseries-id", replace("metrics/online-services.toml", "theme = \"digital-government\"\n", "theme = \"digital-government\"\n\n[[subseries]]\nid = \"../../x\"\nlabel = \"x\"\nlabel_en = \"x\"\n"), nil,
			want{file: "metrics/online-services.toml", lineHas: `id = "../../x"`, colAt: `"../`, msg: "sub-series id"}},
		{"chart-metric", replace("reports/ket-luan.md", "metrics = [\"egdi-rank\"]\n", "metrics = [\"../../../escaped\"]\n"), nil,
			want{file: "reports/ket-luan.md", lineHas: `"../../../escaped"`, colAt: `"../../../escaped"`, msg: "escaped"}},
		{"link", replace("reports/ket-luan.md", "(/notes/ghi-chu/)", "(/../../../etc/passwd)"), nil,
			want{file: "reports/ket-luan.md", lineHas: "etc/passwd", msg: "broken link"}},
		{"theme-id", replace("site.toml", `id = "digital-government"`, `id = "../digital-government"`), nil,
			want{file: "site.toml", lineHas: `id = "../`, colAt: `"../`, msg: "theme id"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			root := newSite(t, "site")
			c.inject(t, root)
			outside := hashTree(t, filepath.Dir(root))
			r := run(t, root, nil, append([]string{"build", "--root", "."}, c.args...)...)
			if r.code == 0 {
				t.Errorf("build exited 0")
			}
			if err := c.want.find(t, root, r.stderr); err != nil {
				t.Errorf("%v; stderr:\n%s", err, r.stderr)
			}
			checkLines(t, r.stderr)
			if d := outside.diff(hashTree(t, filepath.Dir(root))); d != "" {
				t.Errorf("the build wrote files:\n%s", d)
			}
		})
	}

	t.Run("base-url", func(t *testing.T) {
		root := newSite(t, "site")
		before := hashTree(t, filepath.Dir(root))
		for _, b := range []string{"/../../", "/a/../../b/", "https://example.org/../x/", "javascript:alert(1)//"} {
			r := run(t, root, nil, "build", "--root", ".", "--base-url", b)
			if r.code == 0 {
				t.Errorf("--base-url %q accepted", b)
			}
		}
		if d := before.diff(hashTree(t, filepath.Dir(root))); d != "" {
			t.Errorf("refused builds wrote files:\n%s", d)
		}
	})
}
