package devserver

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tiendo/tiendo/generator/diag"
)

const page = `<!DOCTYPE html>
<html lang="vi">
<head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'">
<title>Trang</title>
</head>
<body><p>Nội dung</p></body>
</html>
`

// newServer makes a site with an output directory holding a page, a
// stylesheet and a 404 page, and a file beside the output directory that
// must never be served. build is what its builds return.
func newServer(t *testing.T, build *error) (*Server, string) {
	t.Helper()
	root := t.TempDir()
	out := filepath.Join(root, "public")
	for name, data := range map[string]string{
		"public/index.html":          page,
		"public/notes/a/index.html":  page,
		"public/assets/css/site.css": "body{}",
		"public/404.html":            "<html><head></head><body>không có</body></html>",
		"content/site.toml":          "title = \"bí mật\"\n",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := &Server{Root: root, Out: out, Build: func() (bool, error) { return true, *build }}
	s.Rebuild()
	return s, root
}

func get(t *testing.T, h http.Handler, target string) (int, string) {
	t.Helper()
	req := httptest.NewRequest("GET", "http://127.0.0.1"+target, nil)
	if strings.Contains(target, "..") || strings.Contains(target, "%") {
		req.URL.Path, req.URL.RawPath = target, "" // as a raw request line would give it
		if strings.Contains(target, "%") {
			req.URL.Path = strings.NewReplacer("%2e", ".", "%2f", "/", "%5c", `\`).Replace(target)
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w.Code, w.Body.String()
}

func TestInjectsReloadScriptOnlyWhenServing(t *testing.T) {
	var buildErr error
	s, root := newServer(t, &buildErr)
	for _, p := range []string{"/", "/notes/a/", "/index.html"} {
		code, body := get(t, s, p)
		if code != 200 || !strings.Contains(body, `<script src="/__tiendo/reload.js?gen=1" defer></script></head>`) {
			t.Errorf("GET %s: %d, no reload script before </head>:\n%s", p, code, body)
		}
		if !strings.Contains(body, "Nội dung") {
			t.Errorf("GET %s: the page is not served", p)
		}
	}
	disk, _ := os.ReadFile(filepath.Join(root, "public", "index.html"))
	if string(disk) != page {
		t.Errorf("the file on disk changed:\n%s", disk)
	}
	if code, body := get(t, s, "/assets/css/site.css"); code != 200 || body != "body{}" {
		t.Errorf("GET the stylesheet: %d %q", code, body)
	}
	if code, body := get(t, s, "/nowhere/"); code != 404 || !strings.Contains(body, "không có") || !strings.Contains(body, "reload.js") {
		t.Errorf("GET a missing page: %d %q, want the site's 404 page with the script", code, body)
	}
	if code, _ := get(t, s, "/notes/a"); code != http.StatusMovedPermanently {
		t.Errorf("GET a directory without its slash: %d, want a redirect", code)
	}
	code, body := get(t, s, "/__tiendo/reload.js")
	if code != 200 || !strings.Contains(body, "EventSource") {
		t.Errorf("GET the script: %d %q", code, body)
	}
}

func TestRefusesPathsOutside(t *testing.T) {
	var buildErr error
	s, root := newServer(t, &buildErr)
	// A link inside the output to a folder outside it.
	if err := os.Symlink(filepath.Join(root, "content"), filepath.Join(root, "public", "leak")); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/../content/site.toml", "/assets/../../content/site.toml", "/%2e%2e/content/site.toml",
		"/..%2fcontent%2fsite.toml", `/..\content\site.toml`, "/%5c..%5ccontent%5csite.toml", "/leak/site.toml"} {
		code, body := get(t, s, p)
		if strings.Contains(body, "bí mật") {
			t.Errorf("GET %s served a file outside the output (%d)", p, code)
		}
		if code == 200 {
			t.Errorf("GET %s: 200", p)
		}
	}
}

func TestOverlayShowsProblems(t *testing.T) {
	buildErr := error(diag.List{
		{Pos: diag.Pos{File: "content/notes/a.md", Line: 3, Col: 9}, Msg: `"<script>" is not a date`},
		{Pos: diag.Pos{File: "content/metrics/x.toml", Line: 12, Col: 1}, Msg: "quote is required"},
		{Pos: diag.Pos{File: "content/metrics/y.toml", Line: 1, Col: 1}, Msg: "a warning", Warning: true},
	})
	s, root := newServer(t, &buildErr)
	code, body := get(t, s, "/notes/a/")
	if code != 500 {
		t.Errorf("status %d, want 500", code)
	}
	for _, want := range []string{"content/notes/a.md:3:9:", "&#34;&lt;script&gt;&#34; is not a date",
		"content/metrics/x.toml:12:1:", "could not be built: 2 problems", `<html lang="en">`, "/__tiendo/reload.js?gen=1"} {
		if !strings.Contains(body, want) {
			t.Errorf("the overlay lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "<script>\"") || strings.Contains(body, "a warning") {
		t.Errorf("the overlay shows an unescaped message or a warning:\n%s", body)
	}
	if code, body := get(t, s, "/assets/css/site.css"); code != 200 || body != "body{}" {
		t.Errorf("while the build fails, the stylesheet: %d %q", code, body)
	}
	// Fixed: the page is back, and the open pages were told to reload.
	buildErr = nil
	s.Rebuild()
	if code, body := get(t, s, "/notes/a/"); code != 200 || !strings.Contains(body, "reload.js?gen=2") {
		t.Errorf("after the fix: %d\n%s", code, body)
	}
	disk, _ := os.ReadFile(filepath.Join(root, "public", "notes", "a", "index.html"))
	if string(disk) != page {
		t.Error("the file on disk changed")
	}
}

// A build that panics (a bug) is shown as a problem; the server goes on,
// and the next good build clears it.
func TestBuildThatPanicsIsAProblem(t *testing.T) {
	var buildErr error
	s, _ := newServer(t, &buildErr)
	good := s.Build
	s.Build = func() (bool, error) { panic("nil map") }
	if err := s.Rebuild(); err == nil || !strings.Contains(err.Error(), "nil map") {
		t.Fatalf("Rebuild after a panic: %v, want an error naming it", err)
	}
	if code, body := get(t, s, "/notes/a/"); code != 500 || !strings.Contains(body, "stopped on a bug") {
		t.Errorf("the overlay after a panic: %d\n%s", code, body)
	}
	s.Build = good
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	if code, _ := get(t, s, "/notes/a/"); code != 200 {
		t.Errorf("after a good build: %d", code)
	}
}

// TestOverlayLanguage: the problems are shown in the server's language.
func TestOverlayLanguage(t *testing.T) {
	buildErr := error(diag.List{{Pos: diag.Pos{File: "content/notes/a.md", Line: 3, Col: 9}, Msg: "quote is required", Vi: "thiếu trích dẫn"}})
	s, _ := newServer(t, &buildErr)
	for _, tt := range []struct{ lang, want, notWant string }{
		{"vi", "thiếu trích dẫn", "quote is required"},
		{"en", "quote is required", "thiếu trích dẫn"},
	} {
		s.Lang = tt.lang
		s.Rebuild()
		if _, body := get(t, s, "/notes/a/"); !strings.Contains(body, tt.want) || strings.Contains(body, tt.notWant) {
			t.Errorf("in %q, the overlay does not show %q alone:\n%s", tt.lang, tt.want, body)
		}
	}
}

func TestOverlayCountsOneProblem(t *testing.T) {
	buildErr := error(diag.List{{Pos: diag.Pos{File: "content/notes/a.md", Line: 3, Col: 9}, Msg: "one"}})
	s, _ := newServer(t, &buildErr)
	if _, body := get(t, s, "/notes/a/"); !strings.Contains(body, "could not be built: 1 problem<") {
		t.Errorf("one problem is not counted as one:\n%s", body)
	}
	// In the site's language, and only in it.
	s.Lang = diag.Vietnamese
	s.Rebuild()
	if _, body := get(t, s, "/notes/a/"); !strings.Contains(body, "Không dựng được trang: 1 lỗi") || !strings.Contains(body, `<html lang="vi">`) || strings.Contains(body, "problem") {
		t.Errorf("the Vietnamese overlay:\n%s", body)
	}
}

// watchedServer is a server whose builds succeed and are counted, looking
// at its files every interval.
func watchedServer(t *testing.T, interval time.Duration) (*Server, string, *atomic.Int32) {
	var buildErr error
	s, root := newServer(t, &buildErr)
	builds := new(atomic.Int32)
	s.Build = func() (bool, error) { builds.Add(1); return true, nil }
	s.Interval = interval
	return s, root, builds
}

func TestEventsAndWatch(t *testing.T) {
	s, root, builds := watchedServer(t, 10*time.Millisecond)
	srv := httptest.NewServer(s)
	defer srv.Close()

	// A page of build 1 waits for the next build.
	resp, err := http.Get(srv.URL + "/__tiendo/events?gen=1")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type %q", ct)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	waitLooks := countLooks(s, func() (uint64, error) { return s.fingerprint(), nil })
	go s.Watch(ctx, nil)
	waitLooks(2) // the first look records the files; the second finds them unchanged
	if n := builds.Load(); n != 0 {
		t.Errorf("%d builds with no change", n)
	}
	os.WriteFile(filepath.Join(root, "content", "site.toml"), []byte("title = \"đã sửa\"\n"), 0o644)

	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	select {
	case l := <-lines:
		if l != "event: reload" {
			t.Errorf("first line of the stream %q", l)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no reload event after a file changed")
	}
	if builds.Load() == 0 {
		t.Error("no build after a file changed")
	}
	io.Copy(io.Discard, resp.Body)
}

// Watch rebuilds when Look's value changes, and not when a look fails (a
// file that vanished while it looked): it looks again.
func TestWatchWithLook(t *testing.T) {
	s, _, builds := watchedServer(t, time.Millisecond)
	var mu sync.Mutex
	value, fails := uint64(1), 0
	waitLooks := countLooks(s, func() (uint64, error) {
		mu.Lock()
		defer mu.Unlock()
		if fails > 0 {
			fails--
			return 99, errors.New("stat content/x.md~: no such file or directory")
		}
		return value, nil
	})
	// set makes the next f looks fail, then gives v, and waits until Watch
	// has seen it.
	set := func(v uint64, f int) {
		mu.Lock()
		value, fails = v, f
		mu.Unlock()
		waitLooks(f + 2)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx, nil)
	waitLooks(1) // the first look, which only records the value
	set(1, 1)
	set(1, 0)
	if n := builds.Load(); n != 0 {
		t.Errorf("%d builds with no change and a failed look", n)
	}
	set(2, 0)
	if n := builds.Load(); n != 1 {
		t.Errorf("%d builds after one change, want 1", n)
	}
	// Looks that keep failing build once, for the build to report why, and
	// once more when they succeed again.
	set(2, 5)
	if n := builds.Load(); n != 3 {
		t.Errorf("%d builds after five failed looks and a good one, want 3", n)
	}
}

// countLooks makes look the server's Look and returns a function that waits
// until Watch has begun n more looks. After two, any build the first one
// started has finished: Watch looks, builds, waits, then looks again.
// Counting looks rather than sleeping keeps the tests right on a loaded
// machine.
func countLooks(s *Server, look func() (uint64, error)) (waitLooks func(n int)) {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	looks := 0
	s.Look = func() (uint64, error) {
		mu.Lock()
		looks++
		cond.Broadcast()
		mu.Unlock()
		return look()
	}
	return func(n int) {
		mu.Lock()
		defer mu.Unlock()
		for want := looks + n; looks < want; {
			cond.Wait()
		}
	}
}
