package build

import (
	"cmp"
	"errors"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/downloads"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/inputs"
	"github.com/tiendo/tiendo/generator/markdown"
	"github.com/tiendo/tiendo/generator/metrics"
	"github.com/tiendo/tiendo/generator/render"
	"github.com/tiendo/tiendo/generator/site"
	"github.com/tiendo/tiendo/generator/store"
)

// Options configure a build.
type Options struct {
	BaseURL string // "/" (default), "/repo/" or "https://owner.github.io/repo/"
	Strict  bool   // warnings are errors
	// Drafts builds draft pages too, each saying it is one (tiendo serve
	// does, so that an editor sees a page before publishing it).
	Drafts bool
	// Cache is the directory of the build cache (see cache.go), used by
	// Run; "" builds without one.
	Cache string `hash:"ignore"`
}

// Site is everything loaded and validated, ready to render.
type Site struct {
	fsys         fs.FS
	embeddable   map[string]bool // series id → it has an embed page (hasEmbed), once jobs are listed
	metricCharts sync.Map        // language and series id → *sharedChart (metricChart)
	URLs         site.URLs
	Config       *content.Config
	Langs        []*i18n.Lang
	Data         *metrics.Data
	Pages        []*content.Page // published pages (no drafts), sorted
	AsOf         string
	drafts       int // pages, series, sources and commitments left out as drafts

	tmpl        *render.Templates
	md          map[string]*markdown.Converter // by language code
	strict      bool
	failedPages map[string]bool // site-relative paths of the pages with errors

	byURLOnce    sync.Once
	shared       sync.Map                 // sharedKey → template.HTML (see View.Shared)
	byURL        map[string]*content.Page // see translation
	mentioned    *mentions                // see pagesMentioning
	sectionsOnce sync.Once
	// What each source added (Data.Changes), of all series and by series:
	// worked out once, for the updates page and every feed.
	changesOnce   sync.Once
	changes       []metrics.SourceChanges
	seriesChanges map[*metrics.Series][]metrics.SourceChanges
	sections      map[string][]*content.Page // see section

	// Set by render: the build cache (nil for none), the converted pages
	// by file, the pages by search-index file, and every output's path.
	cache        *buildCache
	docs         map[string]*doc
	searchShards map[string][]*doc
	paths        []string

	// Warnings found while loading (errors stop the build).
	Warnings diag.List

	maps siteMaps // content/maps/ and the world (maps.go)
}

// Output is the rendered site: site-relative path → bytes.
type Output map[string][]byte

// Load reads and validates the whole site in fsys (which holds content/,
// templates/ and assets/). All problems are returned at once; warnings are
// kept in Site.Warnings unless Strict turns them into errors.
func Load(fsys fs.FS, opt Options) (*Site, diag.List) { return load(fsys, opt, nil) }

// load is Load with a build cache (nil for none): the data and the pages
// whose files did not change come from the cache instead of being parsed.
func load(fsys fs.FS, opt Options, c *buildCache) (*Site, diag.List) {
	var errs diag.List
	if _, ok := fsys.(inputs.Visible); !ok {
		fsys = inputs.Visible{FS: fsys}
	}
	urls, err := site.NewURLs(opt.BaseURL)
	if err != nil {
		errs.Add(diag.Pos{File: "--base-url"}, "%v", err)
		return nil, errs
	}
	s := &Site{fsys: fsys, URLs: urls, strict: opt.Strict, md: map[string]*markdown.Converter{}}

	for _, dir := range []string{"templates", "assets"} {
		if fi, err := fs.Stat(fsys, dir); err != nil || !fi.IsDir() {
			errs.Add(diag.Pos{File: dir + "/"}, "a site's folder holds content/, templates/ and assets/, and this one has no %s/: copy tiendo's own %s/ next to content/ (then change what you like in it)", dir, dir)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	cfg, problems := content.LoadConfig(fsys)
	errs = append(errs, problems...)
	s.Config = cfg
	langs, problems := i18n.Load(fsys, cfg.Languages...)
	errs = append(errs, problems...)
	if len(langs) == 0 || !cfg.Decoded() {
		// No interface strings, or a site.toml half read: pages have
		// no URLs to check, series no themes, and their problems
		// would all follow from these.
		errs.Sort()
		return nil, errs
	}
	s.Langs = langs
	for _, l := range langs {
		s.md[l.Code] = markdown.New(markdown.Options{BasePath: urls.Base, TableLabel: l.T("table.label")})
	}
	// Series, pages and templates load side by side.
	var data *metrics.Data
	var tmpl *render.Templates
	var dataProblems, tmplProblems diag.List
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); data, dataProblems = loadData(fsys, cfg.ThemeIDs(), cfg.Languages, c) }()
	go func() { defer wg.Done(); tmpl, tmplProblems = render.Load(fsys, s.funcs()) }()
	pages, pageProblems, failed := loadPages(fsys, c)
	// A link to a page with errors is fine once the page is (its errors
	// fail the build): it is not also reported broken.
	s.failedPages = map[string]bool{}
	for _, p := range failed {
		s.failedPages[site.Page(s.Lang(p.Lang), p.Section, p.Slug)] = true
	}
	pages, problems = cfg.PlaceLangs(pages)
	pageProblems = append(pageProblems, problems...)
	wg.Wait()
	errs = append(errs, dataProblems...)
	s.Data = data
	if c != nil {
		c.data = data
	}
	data.JudgeAt(cfg.AsOf)
	if cfg.AsOf.IsZero() && data.Judged() {
		errs.Add(cfg.KeyPos("as_of"), "as_of is required: the date the statuses of targets and commitments are judged at (for example as_of = %s, the date of the newest source)", data.Newest())
	}
	s.AsOf = data.AsOf().String()
	for _, id := range cfg.Headline {
		switch {
		case data.DraftSeries(id) != nil:
			errs.Add(cfg.HeadlinePos(), "headline: metric %q is a draft (draft = true in %s): remove that line to publish it, or take it out of headline", id, data.DraftSeries(id).File)
		case data.SeriesByID(id) == nil:
			errs.Add(cfg.HeadlinePos(), "headline: unknown metric %q", id)
		}
	}
	errs = append(errs, checkLeagues(cfg, data)...)
	for _, se := range data.Series {
		if slices.Contains(downloads.ReservedSeries, se.ID) {
			errs.Add(se.Pos, "series id %q is taken by the downloads (data/all.csv, data/datapackage.json, and sources.json and commitments.json in the archive): give the series another", se.ID)
		}
	}
	errs = append(errs, pageProblems...)
	seen := map[string]*content.Page{}
	for _, p := range pages {
		errs = append(errs, p.CheckRefs(data)...)
		key := p.Lang + ":" + site.Page(s.Lang(p.Lang), p.Section, p.Slug)
		if prev := seen[key]; prev != nil {
			errs.Add(diag.Pos{File: p.File, Line: 1, Col: 1}, "same URL as %s", prev.File)
			continue
		}
		seen[key] = p
		if !p.Draft || opt.Drafts {
			s.Pages = append(s.Pages, p)
		}
		if p.Draft {
			s.drafts++
		}
	}
	errs = append(errs, pageSlips(pages, langCodes(langs))...)
	if m := cfg.Methodology; m != "" && seen[cfg.Default()+":"+site.Page(s.Lang(cfg.Default()), "pages", m)] == nil && !s.failedPages[site.Page(s.Lang(cfg.Default()), "pages", m)] {
		errs.Add(cfg.KeyPos("methodology"), "methodology: no page content/pages/%s.md", m)
	}
	slices.SortFunc(s.Pages, func(a, b *content.Page) int { // newest first; a file is one page
		switch {
		case a.Date == b.Date:
			return strings.Compare(a.File, b.File)
		case b.Date.Before(a.Date):
			return -1
		}
		return 1
	})
	errs = append(errs, tmplProblems...)
	errs = append(errs, s.loadMaps(data)...)
	s.tmpl = tmpl
	// Draft series, sources and commitments are checked, never published
	// (not even in the preview); the cache keeps them all (c.data).
	s.drafts += data.Drafts()
	s.Data = data.Published()

	// Warnings found while loading (a hedge not recorded, a document's
	// hash not recorded) join those judged on the whole data.
	errs = errs.Unslipped() // "perod": not also "period is required"
	warnings := append(errs.Warnings(), metrics.Warnings(data)...)
	errs = errs.Errors()
	if opt.Strict {
		errs = append(errs, warnings.Strict()...)
	} else {
		s.Warnings = warnings
	}
	errs.Sort()
	return s, errs
}

func langCodes(langs []*i18n.Lang) []string {
	var codes []string
	for _, l := range langs {
		codes = append(codes, l.Code)
	}
	return codes
}

// pageSlips warns of what is not wrong in a page but is likely a slip: a
// page missing in one of the site's languages (its readers do not see it),
// a draft whose translation is published, and two pages of a section and
// language with the same title.
func pageSlips(pages []*content.Page, langs []string) diag.List {
	var w diag.List
	type slot struct{ section, slug, lang string }
	by := make(map[slot]*content.Page, len(pages))
	type title struct{ lang, section, title string }
	titles := make(map[title]*content.Page, len(pages))
	for _, p := range pages {
		by[slot{p.Section, p.Slug, p.Lang}] = p
		t := title{p.Lang, p.Section, strings.ToLower(strings.TrimSpace(p.Title))}
		if prev := titles[t]; prev != nil && !p.Draft && !prev.Draft {
			w.Warn(p.KeyPos("title"), "the same title as %s: readers cannot tell the two apart in lists and search", prev.File)
		} else if prev == nil {
			titles[t] = p
		}
	}
	type gap struct{ section, lang string }
	missing := map[gap][]*content.Page{}
	var order []gap
	for _, p := range pages {
		for _, l := range langs {
			other := by[slot{p.Section, p.Slug, l}]
			switch {
			case l == p.Lang:
			case other == nil && !p.Draft:
				g := gap{p.Section, l}
				if missing[g] == nil {
					order = append(order, g)
				}
				missing[g] = append(missing[g], p)
			case other != nil && p.Draft && !other.Draft:
				w.Warn(p.KeyPos("draft"), "this page is a draft but its translation %s is published", other.File)
			}
		}
	}
	// A few untranslated pages are listed; a section left untranslated on
	// purpose is one line.
	for _, g := range order {
		ps := missing[g]
		if len(ps) <= 3 {
			for _, p := range ps {
				w.Warn(diag.Pos{File: p.File, Line: 1, Col: 1}, "this page has no version in %q (%s): its readers do not see it", g.lang, translationFile(p.File, p.Lang, g.lang, langs[0]))
			}
			continue
		}
		w.Warn(diag.Pos{File: ps[0].File, Line: 1, Col: 1}, "this page and %d others of content/%s/ have no version in %q (%s, …): their readers do not see them", len(ps)-1, g.section, g.lang, translationFile(ps[0].File, ps[0].Lang, g.lang, langs[0]))
	}
	return w
}

// translationFile is the file of a page's version in lang: x.md ↔ x.en.md.
func translationFile(file, from, to, first string) string {
	base := strings.TrimSuffix(file, ".md")
	if from != first {
		base = strings.TrimSuffix(base, "."+from)
	}
	if to == first {
		return base + ".md"
	}
	return base + "." + to + ".md"
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

// job renders one output file from what its reads returns.
type job struct {
	path string
	file string // the editor's file the output comes from, if any (for messages)
	doc  *doc   // a page's own file: its conversion
	run  func(r *reads) ([]byte, error)
	// write, when set, writes the same bytes as run to w, for a file so
	// large that it is better streamed to disk than held in memory.
	write func(r *reads, w io.Writer) error
	// page, when set, appends the same bytes as run to dst: an HTML page,
	// rendered into reused memory when the bytes are not kept (see render).
	page func(r *reads, dst []byte) ([]byte, error)
}

// pageBufs holds the memory of rendered pages already written, for the next
// ones: a page's bytes are otherwise allocated afresh as they grow, which
// for a large site is a good part of all the memory a build asks for.
var pageBufs = sync.Pool{New: func() any { return new([]byte) }}

// Render renders every file of the site. Problems found while rendering
// (unknown metrics in chart blocks, broken internal links) come back together.
func (s *Site) Render() (Output, diag.List) {
	pl := s.plan(nil)
	if pl.problems.Err() != nil {
		return nil, pl.problems
	}
	out := Output{}
	var mu sync.Mutex
	_, errs := s.render(pl, nil, nil, func(path string, _ record, data []byte, _ bool) error {
		mu.Lock()
		out[path] = data
		mu.Unlock()
		return nil
	}, nil, false)
	return out, append(pl.problems, errs...)
}

// RenderStats counts what a build rendered.
type RenderStats struct {
	Jobs      int // output files
	Rendered  int // files rendered
	Reused    int // files whose inputs did not change: kept from the previous output
	Converted int // pages whose markdown was converted
}

// record is what the build cache keeps of how an output was made: what its
// job read, and the key of their values then (0 for none).
type record struct {
	Key   uint64
	Reads []dep
}

// putFunc receives a rendered file: its path, its record and its bytes,
// or, with keep, nothing: the previous output's file stays.
type putFunc func(path string, rec record, data []byte, keep bool) error

// streamFunc receives a rendered file as a function that writes it, and
// its record once it is written.
type streamFunc func(path string, write func(io.Writer) error, rec func() record) error

// plan is what a build outputs, before anything is rendered: the pages,
// converted or restored from the cache, every output's job, and the
// problems found making them (chart blocks, links, URL collisions), which
// stop a build.
type plan struct {
	docs      []*doc
	jobs      []job
	converted int // pages whose markdown was converted
	problems  diag.List
}

// plan converts the pages on every core (with a cache c, only those whose
// conversion's key changed), lists every output once and checks them.
func (s *Site) plan(c *buildCache) *plan {
	pl := &plan{}
	s.cache = c
	// Markdown first: chart blocks and links are checked here, and pages
	// need each other's existence for link checks.
	pl.docs = s.convertAll(c)
	tmark("converted")
	s.docs = make(map[string]*doc, len(pl.docs))
	for _, d := range pl.docs {
		s.docs[d.page.File] = d
	}
	s.mentioned = mentionIndex(pl.docs)
	pl.jobs = s.jobs(pl.docs)
	tmark("jobs")
	paths := make(map[string]bool, len(pl.jobs))
	owner := make(map[string]job, len(pl.jobs))
	for _, j := range pl.jobs {
		if !site.Safe(j.path) {
			pl.problems.Add(diag.Pos{File: j.path}, "refusing to write outside the output directory")
		}
		if prev, dup := owner[j.path]; dup {
			pl.problems.Add(collisionPos(j, prev), "two outputs at the same URL /%s: rename the page", strings.TrimSuffix(j.path, "index.html"))
		}
		owner[j.path] = j
		paths[j.path] = true
	}
	for _, d := range pl.docs {
		if !d.cached {
			pl.converted++
		}
		pl.problems = append(pl.problems, d.problems...)
	}
	pl.problems = append(pl.problems, s.checkLinks(pl.docs, paths)...)
	tmark("checkLinks")
	pl.problems.Sort()
	return pl
}

// render renders the plan's files on every core and hands each to put as
// soon as it is done. With a cache c and the previous output prev, a job
// is not run when nothing it read last time changed (put gets keep), and
// a page restored from the cache is converted again only when something
// reads its HTML. With reuse, put must not keep the bytes it gets past its
// return: their memory is used again for the next page. stream, when not
// nil, writes the files that are better streamed than held.
func (s *Site) render(pl *plan, c *buildCache, prev map[string]outputFile, put putFunc, stream streamFunc, reuse bool) (RenderStats, diag.List) {
	st := RenderStats{Converted: pl.converted}
	var errs diag.List
	jobs := pl.jobs
	st.Jobs = len(jobs)
	// Files nothing of which changed are kept; the others are rendered on
	// every core, the longest first so that no core waits for one at the
	// end: as long as the file they made last time, or a guess for a new one.
	var todo []job
	var costs []int64
	fresh := make([]bool, len(jobs)) // nothing it read changed
	if c != nil {
		parallel(len(jobs), func(i int) error {
			f, ok := prev[jobs[i].path]
			fresh[i] = ok && c.fresh(s, f)
			return nil
		})
	}
	for i, j := range jobs {
		if fresh[i] {
			f := prev[j.path]
			st.Reused++
			if err := put(j.path, record{f.Key, f.deps}, nil, true); err != nil {
				errs.Append(err)
				return st, errs
			}
			continue
		}
		if j.doc != nil {
			j.doc.keepHTML = true
		}
		cost := int64(0)
		if f, ok := prev[j.path]; ok {
			cost = f.Size
		} else if path.Ext(j.path) != ".html" && !strings.HasPrefix(j.path, "data/") || j.path == site.DataArchive ||
			j.path == site.DataPackage || strings.HasPrefix(j.path, "data/all.") {
			cost = 1 << 40 // the archive, the tidy CSVs, the descriptor, feeds, sitemap and search indexes
		}
		todo, costs = append(todo, j), append(costs, cost)
	}
	tmark("keyed")
	order := make([]int, len(todo))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return costs[order[a]] > costs[order[b]] })
	jobs, pl.jobs = nil, nil
	// A page's HTML is dropped once its file is rendered, and every job
	// once it ran, so that memory holds the pages still to render only.
	var mu sync.Mutex
	var failed []renderFailure
	err := parallel(len(order), func(i int) error {
		j := todo[order[i]]
		todo[order[i]] = job{}
		if d := j.doc; d != nil {
			defer d.dropHTML()
		}
		r := s.newReads()
		var b []byte
		var err error
		var buf *[]byte
		switch {
		case j.write != nil && stream != nil:
			err = stream(j.path, func(w io.Writer) error { return j.write(r, w) }, func() record { return c.recordOf(s, r) })
		case j.page != nil && reuse:
			buf = pageBufs.Get().(*[]byte)
			b, err = j.page(r, (*buf)[:0])
		default:
			b, err = j.run(r)
		}
		if err != nil {
			mu.Lock()
			failed = append(failed, renderFailure{j.path, renderError(err)})
			mu.Unlock()
			return nil
		}
		mu.Lock()
		st.Rendered++
		mu.Unlock()
		if j.write != nil && stream != nil {
			return nil
		}
		err = put(j.path, c.recordOf(s, r), b, false)
		if buf != nil && b != nil {
			*buf = b
			pageBufs.Put(buf)
		}
		return err
	})
	errs = append(errs, collapse(failed)...)
	errs.Append(err)
	errs.Sort()
	return st, errs
}

// templateErrRe matches the position text/template gives an error in a
// template: "template: templates/x.html:4:97: executing …".
var templateErrRe = regexp.MustCompile(`template: ([^:]+):(\d+):(\d+): `)

// renderError places a failed job's error in the template at fault, when
// there is one. In a template executed by another (View.Shared), the fault
// is in the innermost.
func renderError(err error) *diag.Error {
	msg := err.Error()
	if all := templateErrRe.FindAllStringSubmatchIndex(msg, -1); all != nil && all[0][0] == 0 {
		m := all[len(all)-1]
		line, _ := strconv.Atoi(msg[m[4]:m[5]])
		col, _ := strconv.Atoi(msg[m[6]:m[7]])
		return &diag.Error{Pos: diag.Pos{File: msg[m[2]:m[3]], Line: line, Col: col}, Msg: msg[m[1]:]}
	}
	return &diag.Error{Msg: msg}
}

// renderFailure is a job that failed: the file it was to write and why.
type renderFailure struct {
	path string
	err  *diag.Error
}

// collapse reports the same failure of many files once, naming the first
// of them (a broken footer fails every page), and a failure outside any
// template at the file.
func collapse(failed []renderFailure) diag.List {
	slices.SortFunc(failed, func(a, b renderFailure) int { return strings.Compare(a.path, b.path) })
	var out diag.List
	type seen struct {
		i     int // in out
		path  string
		count int
	}
	same := map[diag.Error]*seen{}
	for _, f := range failed {
		k := *f.err
		if k.Pos.File == "" {
			e := k
			e.Pos = diag.Pos{File: f.path}
			out = append(out, &e)
			continue
		}
		if same[k] == nil {
			same[k] = &seen{i: len(out), path: f.path}
			out = append(out, diag.New(k.Pos, "%s (rendering %s)", &k, f.path))
		}
		same[k].count++
	}
	for k, s := range same {
		switch s.count {
		case 1:
		case 2:
			out[s.i] = diag.New(k.Pos, "%s (rendering %s and 1 other file)", &k, s.path)
		default:
			out[s.i] = diag.New(k.Pos, "%s (rendering %s and %d other files)", &k, s.path, s.count-1)
		}
	}
	return out
}

// pageFile is the output file of a page.
func (s *Site) pageFile(p *content.Page) string {
	return site.File(site.Page(s.Lang(p.Lang), p.Section, p.Slug))
}

// doc is a converted page.
type doc struct {
	page     *content.Page
	file     string // its output file
	shard    int    // shardOf(page.File)
	result   markdown.Result
	charts   []*ChartView
	reads    []dep       // what converting it read
	problems diag.List   // what converting it reported (warnings, errors)
	search   []byte      // its entry in the search index (see searchEntry), once made
	cache    *buildCache // where the entry of a cached page is, if anywhere
	key      uint64      // cache key of the conversion (0 without a cache)
	// cached: restored from the build cache. result has neither HTML nor
	// text, and charts is empty, until ensureHTML converts it again.
	cached bool

	mu       sync.Mutex // once rendering starts: result, charts, search, hasHTML
	hasHTML  bool       // result.HTML is the page's
	keepHTML bool       // its page is rendered, which drops the HTML
}

// convertAll converts the markdown of every page on every core. With a
// cache, a page whose conversion key is the one recorded is restored
// instead (doc.cached).
func (s *Site) convertAll(c *buildCache) []*doc {
	docs := make([]*doc, len(s.Pages))
	parallel(len(docs), func(i int) error {
		p := s.Pages[i]
		d := &doc{page: p, file: s.pageFile(p), shard: shardOf(p.File)}
		docs[i] = d
		if c != nil {
			if r := c.pages[p.File]; r != nil && r.FileHash == p.Hash && r.DocKey != 0 && r.DocKey == c.docKey(s, p, r.Reads) {
				d.key, d.reads, d.cached, d.problems, d.cache = r.DocKey, r.Reads, true, r.Problems, c
				d.result = markdown.Result{Headings: r.Headings, Charts: r.Charts, Links: r.Links}
			}
		}
		return nil
	})
	var todo []*doc
	for _, d := range docs {
		if !d.cached {
			todo = append(todo, d)
		}
	}
	parallel(len(todo), func(i int) error {
		s.convert(todo[i], c)
		return nil
	})
	return docs
}

// ensureHTML converts a page restored from the cache, when its HTML is
// needed, and reports any problem that stops it from being shown.
func (s *Site) ensureHTML(d *doc) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.hasHTML {
		s.convert(d, s.cache)
	}
	return d.problems.Err()
}

// dropHTML lets go of a page's HTML once its file is rendered.
func (d *doc) dropHTML() {
	d.mu.Lock()
	d.result.HTML, d.hasHTML = nil, false
	d.mu.Unlock()
}

// convert converts the markdown of a page. The body of a page restored
// from the cache is read again from its file; its key stays the one that
// restored it.
func (s *Site) convert(d *doc, c *buildCache) {
	p := d.page
	wasCached := d.cached
	d.charts, d.problems, d.cached, d.search = nil, nil, false, nil
	body, bodyLine := p.Body, p.BodyLine
	if body == nil {
		data, err := fs.ReadFile(s.fsys, p.File)
		if err == nil && p.Hash != 0 && store.HashBytes(data) != p.Hash {
			err = diag.Errorf("the file changed during the build: build again")
		}
		var serr *diag.Error
		if err == nil {
			_, body, bodyLine, serr = content.Split(p.File, data)
		}
		if err != nil || serr != nil {
			d.problems.Add(diag.Pos{File: p.File}, "cannot read: %v", cmp.Or[error](err, serr))
			return
		}
	}
	lang := s.Lang(p.Lang)
	r := s.newReadsFor(c)
	res, err := s.md[lang.Code].Convert(p.File, bodyLine, body, func(w io.Writer, ch markdown.Chart) error {
		cv, err := s.chartView(r, lang, ch)
		if errors.Is(err, errUnloaded) {
			return nil
		}
		if err != nil {
			return err
		}
		cv.Embed = site.EmbedChart(lang, p.Section, p.Slug, ch.Index+1)
		d.charts = append(d.charts, cv)
		html, err := s.tmpl.Partial("chart", cv)
		if err != nil {
			return err
		}
		_, err = w.Write([]byte(html))
		return err
	})
	d.result, d.hasHTML = res, true
	d.problems.Append(err)
	if c != nil {
		// A build with a cache keeps what it needs only: the body is read
		// again if the page is converted again, and the text is only
		// needed for the search index.
		if !wasCached {
			d.reads = r.deps()
			d.key = c.docKey(s, p, d.reads)
		}
		d.search = s.searchEntry(d)
		d.result.Text = ""
		p.Body = nil
	}
}

// collisionPos places a URL collision at the editor's file of either job.
func collisionPos(a, b job) diag.Pos {
	for _, j := range []job{a, b} {
		if j.file != "" {
			return diag.Pos{File: j.file, Line: 1, Col: 1}
		}
	}
	return diag.Pos{File: a.path}
}

// checkLinks reports site-absolute links in markdown ("/metrics/x/", as
// editors write them, before the base path is added) that lead nowhere.
func (s *Site) checkLinks(docs []*doc, paths map[string]bool) diag.List {
	var errs diag.List
	for _, d := range docs {
		for _, l := range d.result.Links {
			dest := l.Dest
			if !strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "//") || strings.HasPrefix(dest, "/\\") {
				continue
			}
			rel, _, _ := strings.Cut(dest, "#")
			rel, _, _ = strings.Cut(rel, "?")
			// As a browser resolves it: "/notes/./x/" and "/a/../x/" are fine.
			clean := path.Clean(rel)
			if strings.HasSuffix(rel, "/") && clean != "/" {
				clean += "/"
			}
			rel = strings.TrimPrefix(clean, "/")
			if paths[site.File(rel)] || paths[rel] || s.isAsset(rel) || s.unloadedPage(rel) || s.failedPages[rel] {
				continue
			}
			errs.Add(l.Pos, "broken link %q: no such page", l.Dest)
		}
	}
	return errs
}

// unloadedPage reports whether rel is the page or a download of a series
// whose file has errors: the link is fine once the series is (its errors
// fail the build).
func (s *Site) unloadedPage(rel string) bool {
	if file, ok := strings.CutPrefix(rel, "data/"); ok {
		id := strings.TrimSuffix(strings.TrimSuffix(file, ".csv"), ".json")
		return (rel == site.DataCSV(id) || rel == site.DataJSON(id)) && s.Data.Unloaded(id)
	}
	for _, l := range s.Langs {
		if id, ok := strings.CutPrefix(rel, site.MetricsIndex(l)); ok && s.Data.Unloaded(strings.TrimSuffix(id, "/")) {
			return true
		}
	}
	return false
}

func (s *Site) isAsset(rel string) bool {
	if !strings.HasPrefix(rel, "assets/") {
		return false
	}
	_, err := fs.Stat(s.fsys, rel)
	return err == nil
}

// pagesMentioning lists the published pages in lang that chart or name a
// series (indexed once per render by mentionIndex).
func (s *Site) pagesMentioning(lang, id string) []*content.Page {
	return s.mentioned.pages[lang+" "+id]
}

// mentions indexes the pages that chart or name each series.
type mentions struct {
	pages map[string][]*content.Page // lang + " " + series id
}

func mentionIndex(docs []*doc) *mentions {
	m := &mentions{pages: map[string][]*content.Page{}}
	for _, d := range docs {
		ids := slices.Clone(d.page.Metrics)
		for _, c := range d.result.Charts {
			ids = append(ids, c.Metrics...)
		}
		slices.Sort(ids)
		for _, id := range slices.Compact(ids) {
			k := d.page.Lang + " " + id
			m.pages[k] = append(m.pages[k], d.page)
		}
	}
	return m
}

// translation returns the page's version in the other language, if any.
func (s *Site) translation(p *content.Page, lang string) *content.Page {
	s.byURLOnce.Do(func() {
		s.byURL = make(map[string]*content.Page, len(s.Pages))
		for _, q := range s.Pages {
			k := q.Lang + " " + q.Section + " " + q.Slug
			if s.byURL[k] == nil {
				s.byURL[k] = q
			}
		}
	})
	return s.byURL[lang+" "+p.Section+" "+p.Slug]
}
