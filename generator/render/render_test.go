package render

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
)

func files(m map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for k, v := range m {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

func TestLoadAndRender(t *testing.T) {
	fsys := files(map[string]string{
		"templates/base.html":          `{{define "base"}}<html><title>{{block "title" .}}site{{end}}</title>{{template "main" .}}</html>{{end}}`,
		"templates/partials/note.html": `{{define "note"}}<p class="note">{{.}}</p>{{end}}`,
		"templates/home.html":          `{{define "main"}}<h1>{{upper .Title}}</h1>{{template "note" .Note}}{{end}}`,
		"templates/page.html":          `{{define "title"}}{{.Title}}{{end}}{{define "main"}}<article>{{.Title}}</article>{{end}}`,
	})
	funcs := template.FuncMap{"upper": strings.ToUpper}
	tm, errs := Load(fsys, funcs)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	if !tm.Has("home") || !tm.Has("page") || tm.Has("base") || tm.Has("note") {
		t.Error("Has: wrong set of kinds")
	}
	data := map[string]string{"Title": "Đề án <06>", "Note": "a & b"}
	b, err := tm.Page("home", data)
	if err != nil {
		t.Fatal(err)
	}
	if want := `<html><title>site</title><h1>ĐỀ ÁN &lt;06&gt;</h1><p class="note">a &amp; b</p></html>`; string(b) != want {
		t.Errorf("home:\n%s\nwant\n%s", b, want)
	}
	// Each kind has its own "main" and "title": page does not leak into home.
	b, err = tm.Page("page", data)
	if err != nil {
		t.Fatal(err)
	}
	if want := `<html><title>Đề án &lt;06&gt;</title><article>Đề án &lt;06&gt;</article></html>`; string(b) != want {
		t.Errorf("page:\n%s\nwant\n%s", b, want)
	}
	if _, err := tm.Page("metric", data); err == nil || !strings.Contains(err.Error(), "templates/metric.html") {
		t.Errorf("missing kind: %v", err)
	}
	h, err := tm.Partial("note", "x < y")
	if err != nil || h != `<p class="note">x &lt; y</p>` {
		t.Errorf("Partial = %q, %v", h, err)
	}
}

func TestLoadErrorsNameFile(t *testing.T) {
	fsys := files(map[string]string{
		"templates/base.html":   `{{define "base"}}{{template "main" .}}{{end}}`,
		"templates/home.html":   `{{define "main"}}{{.Title}{{end}}`,
		"templates/page.html":   `{{define "main"}}{{nosuchfunc .}}{{end}}`,
		"templates/metric.html": `{{define "main"}}ok{{end}}`,
	})
	tm, errs := Load(fsys, nil)
	got := errs.Error()
	for _, want := range []string{"templates/home.html", "templates/page.html"} {
		if !strings.Contains(got, want+": ") {
			t.Errorf("errors do not name %s:\n%s", want, got)
		}
	}
	if len(errs) != 2 {
		t.Errorf("%d errors, want 2:\n%s", len(errs), got)
	}
	if !tm.Has("metric") || tm.Has("home") {
		t.Error("the good template should load, the bad ones not")
	}
}
