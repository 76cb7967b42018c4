// Package render loads the html/template layouts from templates/ with the
// site's one FuncMap and executes them.
//
// templates/base.html defines the page shell ("base"), which calls the block
// "main"; every other templates/<kind>.html defines "main" (and may override
// "head") for one kind of page. templates/partials/*.html are shared by all.
//
// Page templates receive a build.View. The parts that are the same on
// every page of a language (header and footer, in partials/chrome.html)
// are included with {{.Shared "name"}}: such a template is executed once
// per language, page kind and main-menu entry, with a build.ChromeView
// (the language's methods, .Kind and .Current), and its HTML reused. It
// cannot read the page (that is an error at its file:line:col), so that
// what it shows cannot go stale from one page to the next.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/tiendo/tiendo/generator/diag"
)

// Templates holds one parsed template set per page kind.
type Templates struct {
	base  *template.Template // the shell and partials
	kinds map[string]*template.Template
}

// Dir is where templates live.
const Dir = "templates"

// Load parses the templates with funcs. Errors name the template file.
func Load(fsys fs.FS, funcs template.FuncMap) (*Templates, diag.List) {
	var errs diag.List
	base := template.New("").Funcs(funcs)
	shared, _ := fs.Glob(fsys, Dir+"/partials/*.html")
	shared = append([]string{Dir + "/base.html"}, shared...)
	for _, name := range shared {
		if err := parseFile(base, fsys, name); err != nil {
			errs.Add(diag.Pos{File: name}, "%v", err)
		}
	}
	t := &Templates{base: base, kinds: map[string]*template.Template{}}
	pages, _ := fs.Glob(fsys, Dir+"/*.html")
	sort.Strings(pages)
	for _, name := range pages {
		kind := strings.TrimSuffix(path.Base(name), ".html")
		if kind == "base" {
			continue
		}
		clone, err := base.Clone()
		if err != nil {
			errs.Add(diag.Pos{File: name}, "%v", err)
			continue
		}
		if err := parseFile(clone, fsys, name); err != nil {
			errs.Add(diag.Pos{File: name}, "%v", err)
			continue
		}
		t.kinds[kind] = clone
	}
	return t, errs
}

func parseFile(t *template.Template, fsys fs.FS, name string) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	_, err = t.New(name).Parse(string(data))
	return err
}

// Has reports whether a page kind has a template.
func (t *Templates) Has(kind string) bool { return t.kinds[kind] != nil }

// Page renders a whole page of the given kind.
func (t *Templates) Page(kind string, data any) ([]byte, error) { return t.AppendPage(nil, kind, data) }

// AppendPage renders a whole page of the given kind after dst (whose
// memory it reuses) and returns the extended slice.
func (t *Templates) AppendPage(dst []byte, kind string, data any) ([]byte, error) {
	tmpl := t.kinds[kind]
	if tmpl == nil {
		return nil, fmt.Errorf("no template %s/%s.html", Dir, kind)
	}
	b := bytes.NewBuffer(dst)
	if err := tmpl.ExecuteTemplate(b, "base", data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Partial renders a named shared template (e.g. "chart") into a fragment.
func (t *Templates) Partial(name string, data any) (template.HTML, error) {
	var b bytes.Buffer
	if err := t.base.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}
