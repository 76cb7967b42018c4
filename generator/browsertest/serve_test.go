package browsertest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/tiendo/tiendo/generator/build"
	"github.com/tiendo/tiendo/generator/internal/tools"
	"github.com/tiendo/tiendo/generator/site"
)

// TestLivePreview is `tiendo serve` as an editor uses it, in Chromium: a
// report open in the browser reloads by itself when its file is saved; a
// save that breaks the file replaces the page with the problem, located at
// file:line:col, and the terminal prints it too; saving the fix brings the
// page back.
func TestLivePreview(t *testing.T) {
	if testing.Short() && !tools.Required() {
		t.Skip("browser tests skipped in -short mode")
	}
	chromium := tools.Chromium(t, "BROWSER TESTS")
	dir := t.TempDir()
	for _, d := range []string{"content", "templates", "assets"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(root, d))); err != nil {
			t.Fatal(err)
		}
	}
	tiendo := filepath.Join(t.TempDir(), "tiendo")
	gobuild := exec.Command("go", "build", "-o", tiendo, "./generator/cmd/tiendo")
	gobuild.Dir = root
	if out, err := gobuild.CombinedOutput(); err != nil {
		t.Fatalf("building tiendo: %v\n%s", err, out)
	}

	// A Vietnamese report, and its URL in the preview (served at /).
	s, errs := build.Load(os.DirFS(dir), build.Options{BaseURL: "/"})
	if errs.Err() != nil {
		t.Fatalf("loading the site: %v", errs)
	}
	var file, path, title string
	for _, p := range s.Pages {
		if p.Lang == "vi" && p.Section == "reports" {
			file, path, title = p.File, site.Page(s.Lang("vi"), p.Section, p.Slug), p.Title
			break
		}
	}
	if file == "" {
		t.Fatal("no Vietnamese report to open")
	}
	source := filepath.Join(dir, filepath.FromSlash(file))
	original, err := os.ReadFile(source)
	if err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(tiendo, "serve", "--root", ".", "--port", "0")
	cmd.Dir = dir
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		re := regexp.MustCompile(`http://127\.0\.0\.1:\d+`)
		for sc.Scan() {
			if m := re.FindString(sc.Text()); m != "" {
				select {
				case addr <- m:
				default:
				}
			}
		}
	}()
	var origin string
	select {
	case origin = <-addr:
	case <-time.After(2 * time.Minute):
		t.Fatalf("tiendo serve did not say where it serves; its stderr:\n%s", stderr.String())
	}

	tab, cancelTab := chromedp.NewContext(startBrowser(t, chromium))
	defer cancelTab()
	ctx, cancel := context.WithTimeout(tab, 2*time.Minute)
	defer cancel()
	run(t, ctx,
		page.BringToFront(), // a background tab gets no frames to take a screenshot of
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(origin+"/"+path))
	if got := eval[string](t, ctx, `document.title`); !strings.Contains(got, title) {
		t.Fatalf("%s: title %q, want the report's %q", path, got, title)
	}

	// waitFor polls the open page until js is true, and says how long that
	// took from the save.
	waitFor := func(what, js string) {
		t.Helper()
		start := time.Now()
		for {
			// A poll that lands while the page reloads fails ("Inspected
			// target navigated or closed"): that is not yet, not an error.
			var ok bool
			err := chromedp.Run(ctx, chromedp.Evaluate(js, &ok))
			if err != nil && !strings.Contains(err.Error(), "navigated or closed") && !strings.Contains(err.Error(), "context") {
				t.Fatalf("%s: evaluating %.80q…: %v", what, js, err)
			}
			if err == nil && ok {
				t.Logf("%s: %v after the save", what, time.Since(start).Round(10*time.Millisecond))
				return
			}
			if time.Since(start) > 30*time.Second {
				text := eval[string](t, ctx, `document.body ? document.body.innerText : ''`)
				t.Fatalf("%s: not seen 30 s after the save. The page reads:\n%s\ntiendo serve's stderr:\n%s",
					what, clip(text, 800), stderr.String())
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	save := func(data string) {
		t.Helper()
		if err := os.WriteFile(source, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A page that reloads loses this mark.
	mark := func() {
		t.Helper()
		for range 50 { // a reload under way makes the evaluation fail: try again
			var ok bool
			if err := chromedp.Run(ctx, chromedp.Evaluate(`(window.tiendoTestMark = true)`, &ok)); err == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatal("could not mark the page: it kept reloading")
	}
	const reloaded = `window.tiendoTestMark === undefined && document.readyState === 'complete'`

	// 1. An edit shows by itself.
	const added = "Đoạn văn thêm vào khi đang xem trước."
	edited := string(original) + "\n" + added + "\n"
	mark()
	save(edited)
	waitFor("the edit", reloaded+` && document.querySelector('main').innerText.includes(`+mustJSON(added)+`)`)

	// 2. A broken front matter: the title's string is not closed.
	lines := strings.Split(edited, "\n")
	line := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "title = \"") && strings.HasSuffix(l, "\"") {
			line = i
			break
		}
	}
	if line < 0 {
		t.Fatalf("%s: no title = \"…\" line to break", file)
	}
	lines[line] = strings.TrimSuffix(lines[line], "\"")
	at := fmt.Sprintf("%s:%d:", file, line+1)
	mark()
	save(strings.Join(lines, "\n"))
	waitFor("the problem", reloaded+` && document.body.innerText.includes(`+mustJSON(at)+`)`)
	shown := eval[string](t, ctx, `document.body.innerText`)
	if !regexp.MustCompile(regexp.QuoteMeta(at) + `\d+`).MatchString(shown) {
		t.Errorf("the problem is not located at a column (%s<col>):\n%s", at, shown)
	}
	if !strings.Contains(stderr.String(), at) {
		t.Errorf("the terminal does not print the problem at %s; it printed:\n%s", at, stderr.String())
	}
	shots := screenshotDir(t)
	for _, w := range widths {
		var png []byte
		run(t, ctx, chromedp.EmulateViewport(w, 800), chromedp.FullScreenshot(&png, 100))
		if err := os.WriteFile(filepath.Join(shots, fmt.Sprintf("serve-problem-%d.png", w)), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// 3. The fix brings the page back, edit included.
	mark()
	save(edited)
	waitFor("the page back", reloaded+` && document.title.includes(`+mustJSON(title)+`)`+
		` && document.querySelector('main').innerText.includes(`+mustJSON(added)+`)`)
}
