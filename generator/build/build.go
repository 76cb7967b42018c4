// Package build turns a site's files into the published site: load and
// validate everything, render every page in parallel, and write the output
// directory atomically.
package build

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/markdown"
	"github.com/tiendo/tiendo/generator/metrics"
	"github.com/tiendo/tiendo/generator/render"
	"github.com/tiendo/tiendo/generator/site"
)

// Options configure a build.
type Options struct {
	BaseURL string // "/" (default), "/repo/" or "https://owner.github.io/repo/"
	Strict  bool   // warnings are errors
}

// Site is everything loaded and validated, ready to render.
type Site struct {
	fsys   fs.FS
	URLs   site.URLs
	Config *content.Site
	Langs  []*i18n.Lang
	Data   *metrics.Data
	Pages  []*content.Page // published pages (no drafts), sorted
	AsOf   string

	tmpl   *render.Templates
	md     *markdown.Converter
	strict bool

	// Warnings found while loading (errors stop the build).
	Warnings diag.List
}

// Output is the rendered site: site-relative path → bytes.
type Output map[string][]byte

// Load reads and validates the whole site in fsys (which holds content/,
// templates/ and assets/). All problems are returned at once; warnings are
// kept in Site.Warnings unless Strict turns them into errors.
func Load(fsys fs.FS, opt Options) (*Site, diag.List) {
	var errs diag.List
	urls, err := site.NewURLs(opt.BaseURL)
	if err != nil {
		errs.Add(diag.Pos{File: "--base-url"}, "%v", err)
		return nil, errs
	}
	s := &Site{fsys: fsys, URLs: urls, strict: opt.Strict, md: markdown.New(markdown.Options{BasePath: urls.Base})}

	cfg, problems := content.LoadSite(fsys)
	errs = append(errs, problems...)
	s.Config = cfg
	langs, problems := i18n.Load(fsys)
	errs = append(errs, problems...)
	s.Langs = langs
	data, problems := metrics.Load(fsys, cfg.ThemeIDs())
	errs = append(errs, problems...)
	s.Data = data
	s.AsOf = data.AsOf().String()
	for _, id := range cfg.Headline {
		if data.SeriesByID(id) == nil {
			errs.Add(cfg.HeadlinePos(), "headline: unknown metric %q", id)
		}
	}
	pages, problems := content.LoadPages(fsys)
	errs = append(errs, problems...)
	seen := map[string]*content.Page{}
	for _, p := range pages {
		errs = append(errs, p.CheckRefs(data)...)
		key := p.Lang + ":" + site.Page(i18n.New(p.Lang), p.Section, p.Slug)
		if prev := seen[key]; prev != nil {
			errs.Add(diag.Pos{File: p.File, Line: 1, Col: 1}, "same URL as %s", prev.File)
			continue
		}
		seen[key] = p
		if !p.Draft {
			s.Pages = append(s.Pages, p)
		}
	}
	sort.SliceStable(s.Pages, func(i, j int) bool {
		a, b := s.Pages[i], s.Pages[j]
		if a.Date != b.Date {
			return b.Date.Before(a.Date)
		}
		return a.File < b.File
	})
	tmpl, problems := render.Load(fsys, s.funcs())
	errs = append(errs, problems...)
	s.tmpl = tmpl

	warnings := metrics.Warnings(data)
	if opt.Strict {
		errs = append(errs, warnings.Strict()...)
	} else {
		s.Warnings = warnings
	}
	errs.Sort()
	return s, errs
}

// Lang returns the language with the given code.
func (s *Site) Lang(code string) *i18n.Lang {
	for _, l := range s.Langs {
		if l.Code == code {
			return l
		}
	}
	return s.Langs[0]
}

// job renders one output file.
type job struct {
	path string
	run  func() ([]byte, error)
}

// Render renders every file of the site. Problems found while rendering
// (unknown metrics in chart blocks, broken internal links) come back together.
func (s *Site) Render() (Output, diag.List) {
	var errs diag.List
	// Markdown first: chart blocks and links are checked here, and pages
	// need each other's existence for link checks.
	docs, problems := s.convertAll()
	errs = append(errs, problems...)
	jobs := s.jobs(docs)
	paths := map[string]bool{}
	for _, j := range jobs {
		if !site.Safe(j.path) {
			errs.Add(diag.Pos{File: j.path}, "refusing to write outside the output directory")
		}
		paths[j.path] = true
	}
	errs = append(errs, s.checkLinks(docs, paths)...)
	if errs.Err() != nil {
		errs.Sort()
		return nil, errs
	}

	out := Output{}
	var mu sync.Mutex
	results := make(chan error, len(jobs))
	work := make(chan job)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				b, err := j.run()
				if err != nil {
					results <- fmt.Errorf("%s: %w", j.path, err)
					continue
				}
				mu.Lock()
				out[j.path] = b
				mu.Unlock()
			}
		}()
	}
	for _, j := range jobs {
		work <- j
	}
	close(work)
	wg.Wait()
	close(results)
	for err := range results {
		errs.Append(err)
	}
	errs.Sort()
	return out, errs
}

// doc is a converted page.
type doc struct {
	page   *content.Page
	result markdown.Result
	charts []*ChartView
}

func (s *Site) convertAll() ([]*doc, diag.List) {
	docs := make([]*doc, len(s.Pages))
	errLists := make([]diag.List, len(s.Pages))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range s.Pages {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			d := &doc{page: p}
			lang := s.Lang(p.Lang)
			res, err := s.md.Convert(p.File, p.BodyLine, p.Body, func(w io.Writer, c markdown.Chart) error {
				cv, err := s.chartView(lang, c, p.Slug)
				if err != nil {
					return err
				}
				d.charts = append(d.charts, cv)
				html, err := s.tmpl.Partial("chart", cv)
				if err != nil {
					return err
				}
				_, err = w.Write([]byte(html))
				return err
			})
			d.result = res
			var list diag.List
			list.Append(err)
			docs[i], errLists[i] = d, list
		}()
	}
	wg.Wait()
	var errs diag.List
	for _, l := range errLists {
		errs = append(errs, l...)
	}
	return docs, errs
}

// checkLinks reports site-absolute links in markdown that lead nowhere.
func (s *Site) checkLinks(docs []*doc, paths map[string]bool) diag.List {
	var errs diag.List
	for _, d := range docs {
		for _, l := range d.result.Links {
			dest := l.Dest
			if !strings.HasPrefix(dest, s.URLs.Base) || strings.HasPrefix(dest, "//") {
				continue
			}
			rel := strings.TrimPrefix(dest, s.URLs.Base)
			rel, _, _ = strings.Cut(rel, "#")
			rel, _, _ = strings.Cut(rel, "?")
			if paths[site.File(rel)] || paths[rel] || s.isAsset(rel) {
				continue
			}
			errs.Add(l.Pos, "broken link %q: no such page", strings.TrimPrefix(l.Dest, strings.TrimSuffix(s.URLs.Base, "/")))
		}
	}
	return errs
}

func (s *Site) isAsset(rel string) bool {
	if !strings.HasPrefix(rel, "assets/") {
		return false
	}
	_, err := fs.Stat(s.fsys, rel)
	return err == nil
}

// pagesMentioning lists the published pages in lang that chart or name a series.
func (s *Site) pagesMentioning(docs []*doc, lang, id string) []*content.Page {
	var out []*content.Page
	for _, d := range docs {
		if d.page.Lang != lang {
			continue
		}
		hit := slices.Contains(d.page.Metrics, id)
		for _, c := range d.result.Charts {
			hit = hit || slices.Contains(c.Metrics, id)
		}
		if hit {
			out = append(out, d.page)
		}
	}
	return out
}

// translation returns the page's version in the other language, if any.
func (s *Site) translation(p *content.Page, lang string) *content.Page {
	for _, q := range s.Pages {
		if q.Lang == lang && q.Section == p.Section && q.Slug == p.Slug {
			return q
		}
	}
	return nil
}

var _ = template.HTML("")
