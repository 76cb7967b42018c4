// Package devserver is `tiendo serve`: it builds a site, serves the output
// on 127.0.0.1, watches content/, templates/ and assets/, rebuilds when a
// file changes and makes the open pages reload.
//
// The reload script (/__tiendo/reload.js, which listens to server-sent
// events on /__tiendo/events) is added to HTML pages as they are served: the
// files on disk are never changed, and the pages' Content-Security-Policy
// allows it, as it is a same-origin script. While the last build failed,
// every page is replaced by the list of its problems, as file:line:col:
// message; fixing the file reloads the page.
//
// Only files inside the output directory are served: paths with ".." are
// refused, and files are opened with os.Root, which does not follow links
// out of it.
package devserver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"html"
	"io/fs"
	"net/http"
	"os"
	"path"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tiendo/tiendo/generator/diag"
)

// Server builds, watches and serves one site. Set its fields, call Rebuild
// once, then serve it (it is an http.Handler) and run Watch.
type Server struct {
	Root string // the site: content/, templates/ and assets/
	Out  string // the output directory that Build writes and the server serves
	// Build builds Root into Out and reports whether any file of Out
	// changed. A diag.List error is shown one problem a line; a failed
	// build must leave the previous output as it was.
	Build func() (changed bool, err error)
	// Interval between two looks at the site's files; 0 means 300 ms, or
	// ten times as long as a look takes on a large site.
	Interval time.Duration
	// Look, if set, is a look at the site's files: a value that changes
	// when one is added, removed or saved. Without it, Watch hashes the
	// names, sizes and modification times of the files under Dirs.
	Look func() (uint64, error)
	// Lang is the language the problems are shown in ("vi" or "en";
	// "" is English).
	Lang string

	mu       sync.Mutex
	gen      int           // number of builds that changed what is served
	problems []string      // of the last build, nil when it succeeded
	changed  chan struct{} // closed when gen changes
}

// Dirs are the directories watched.
var Dirs = []string{"content", "templates", "assets"}

const (
	prefix   = "/__tiendo/"
	scriptJS = `// tiendo serve: reload this page when the site was built again.
(function () {
  var src = document.currentScript && document.currentScript.src || "";
  var gen = (src.match(/[?&]gen=(\d+)/) || [])[1] || "0";
  var events = new EventSource("/__tiendo/events?gen=" + gen);
  events.addEventListener("reload", function () { events.close(); location.reload(); });
})();
`
)

// Rebuild builds the site and, when what is served changed, makes the open
// pages reload. It returns the build's error, which the pages show until a
// build succeeds. A build that panics (a bug in tiendo) is such an error:
// the server keeps serving the last good site.
func (s *Server) Rebuild() error {
	changed, err := s.safeBuild()
	var problems []string
	if err != nil {
		var list diag.List
		if errors.As(err, &list) {
			for _, e := range list.Errors() {
				problems = append(problems, e.In(s.Lang))
			}
		}
		if len(problems) == 0 {
			problems = []string{err.Error()}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !changed && slices.Equal(problems, s.problems) && s.gen > 0 {
		return err // nothing to reload
	}
	s.gen++
	s.problems = problems
	if s.changed != nil {
		close(s.changed)
	}
	s.changed = make(chan struct{})
	return err
}

// state returns the build generation, the last build's problems and a
// channel closed at the next build.
func (s *Server) state() (int, []string, <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.changed == nil {
		s.changed = make(chan struct{})
	}
	return s.gen, s.problems, s.changed
}

// safeBuild is Build, with a panic turned into an error (its stack goes
// to standard error, for the bug report).
func (s *Server) safeBuild() (changed bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(os.Stderr, "tiendo: panic while building: %v\n%s", p, debug.Stack())
			changed, err = false, fmt.Errorf("tiendo stopped on a bug while building (%v): the site shown is the last good one; please report this with what the terminal printed", p)
		}
	}()
	return s.Build()
}

// Watch looks at the site's files every Interval and calls Rebuild, then
// onBuild, when one was added, removed or saved, until ctx is done.
//
// It polls rather than asking the system for notifications (inotify,
// FSEvents, ReadDirectoryChangesW through fsnotify): a look is a stat per
// file, which costs little for the hundreds to thousands of files of a
// site, needs no dependency, works the same on every system, on network
// and container file systems, and with editors that save by writing a new
// file and renaming it over the old one.
//
// A look that fails (a file that vanished while it looked) is tried again;
// when the next one fails too, Watch builds once, so that the build reports
// what is wrong to the terminal and the pages.
func (s *Server) Watch(ctx context.Context, onBuild func(error)) {
	last, took, err := s.look()
	if err != nil {
		last = 0 // unknown: the first look that succeeds builds again
	}
	failing := false
	for {
		wait := s.Interval
		if wait == 0 {
			wait = max(300*time.Millisecond, 10*took)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		var fp uint64
		fp, took, err = s.look()
		switch {
		case err != nil && !failing:
			// Most likely a file that vanished mid-look: look again.
			failing = true
			continue
		case err != nil:
			// It stays (a link to nowhere, a folder it may not read):
			// build once, which reports it to the terminal and the pages.
			fp = 0
		default:
			failing = false
		}
		if fp == last {
			continue
		}
		last = fp
		err = s.Rebuild()
		if onBuild != nil {
			onBuild(err)
		}
	}
}

// look is Look, or fingerprint, and says how long it took.
func (s *Server) look() (uint64, time.Duration, error) {
	start := time.Now()
	if s.Look != nil {
		fp, err := s.Look()
		return fp, time.Since(start), err
	}
	return s.fingerprint(), time.Since(start), nil
}

// fingerprint hashes the names, sizes and modification times of the
// watched files, but for hidden ones (names that begin with a dot), which
// the build skips. tiendo serve gives a Look of the build's own instead.
func (s *Server) fingerprint() uint64 {
	h := fnv.New64a()
	fsys := os.DirFS(s.Root)
	for _, dir := range Dirs {
		fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return nil
			case strings.HasPrefix(d.Name(), ".") && d.IsDir(): // as the build: editors' lock and swap files
				return fs.SkipDir
			case strings.HasPrefix(d.Name(), ".") || d.IsDir():
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			fmt.Fprintf(h, "%s\x00%d\x00%d\n", name, info.Size(), info.ModTime().UnixNano())
			return nil
		})
	}
	return h.Sum64()
}

// ServeHTTP serves the output directory, the reload script and its events.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || strings.ContainsRune(seg, '\\') || strings.ContainsRune(seg, 0) {
			http.Error(w, "bad path", http.StatusBadRequest)
			return
		}
	}
	switch p {
	case prefix + "reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write([]byte(scriptJS))
		return
	case prefix + "events":
		s.events(w, r)
		return
	}
	gen, problems, _ := s.state()
	name := strings.TrimPrefix(path.Clean("/"+p), "/")
	if name == "" {
		name = "."
	}
	root, err := os.OpenRoot(s.Out)
	if err != nil {
		s.overlay(w, gen, append(problems, diag.Sprintf(s.Lang, "the site was not built: %v", err)))
		return
	}
	defer root.Close()
	info, err := root.Stat(name)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(p, "/") {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		info, err = root.Stat(name)
	}
	status := http.StatusOK
	if err != nil || info.IsDir() {
		status, name = http.StatusNotFound, "404.html"
	}
	isHTML := strings.HasSuffix(name, ".html")
	if isHTML && problems != nil {
		s.overlay(w, gen, problems)
		return
	}
	data, err := root.ReadFile(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if isHTML {
		data = Inject(data, gen)
	}
	if status != http.StatusOK {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		w.Write(data)
		return
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

// Inject adds the reload script to an HTML page, at the end of its head
// (or of the page when it has none).
func Inject(page []byte, gen int) []byte {
	tag := []byte(`<script src="` + prefix + `reload.js?gen=` + strconv.Itoa(gen) + `" defer></script>`)
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// events streams one "reload" event when a build newer than the page's
// (its gen parameter) is done.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	fl.Flush()
	since, _ := strconv.Atoi(r.URL.Query().Get("gen"))
	for {
		gen, _, changed := s.state()
		if gen > since {
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", gen)
			fl.Flush()
			return
		}
		select {
		case <-r.Context().Done():
			return
		case <-changed:
		case <-time.After(30 * time.Second):
			fmt.Fprint(w, ": still here\n\n") // keeps proxies from closing the stream
			fl.Flush()
		}
	}
}

// overlay serves the problems of the last build in place of a page.
func (s *Server) overlay(w http.ResponseWriter, gen int, problems []string) {
	lang := s.Lang
	if lang == "" {
		lang = diag.English
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="%s">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s · tiendo serve</title>
<style>
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: #1d1f21; color: #f0f0f0; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { color: #ff8a80; font-size: 1.5rem; }
li { margin: .5rem 0; }
code { font: 15px/1.4 ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
.pos { color: #ffd54f; }
</style>
</head>
<body>
<main role="alert">
`, lang, html.EscapeString(diag.Sprintf(lang, "Build failed")))
	heading := diag.Sprintf(lang, "The site could not be built: %d problems", len(problems))
	if len(problems) == 1 {
		heading = diag.Sprintf(lang, "The site could not be built: 1 problem")
	}
	fmt.Fprintf(&b, "<h1>%s</h1>\n<p>%s</p>\n<ol>\n", html.EscapeString(heading), html.EscapeString(diag.Sprintf(lang, "Fix them and save: this page reloads by itself.")))
	for _, p := range problems {
		pos, msg := splitPos(p)
		fmt.Fprintf(&b, "<li><code><span class=\"pos\">%s</span>%s</code></li>\n", html.EscapeString(pos), html.EscapeString(msg))
	}
	b.WriteString("</ol>\n</main>\n")
	fmt.Fprintf(&b, "<script src=\"%sreload.js?gen=%d\" defer></script>\n</body>\n</html>\n", prefix, gen)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write([]byte(b.String()))
}

// splitPos splits "file:line:col: message" after its position.
func splitPos(problem string) (pos, msg string) {
	if i := strings.Index(problem, ": "); i > 0 && !strings.ContainsAny(problem[:i], " \t") {
		return problem[:i+1], problem[i+1:]
	}
	return "", problem
}
