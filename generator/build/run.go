package build

import (
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/output"
)

// Result reports a build or check.
type Result struct {
	Warnings diag.List
	Stats    output.Stats
	Render   RenderStats
	Out      string
	Sizes    []PageSize // HTML pages, largest first

	Pages, Series, Points, Targets, Commitments, Sources int
	// Drafts counts the pages, series, sources and commitments with
	// draft = true, which are checked but not published.
	Drafts int
	// Quotes found in their archived documents, and quotes whose source
	// has no archived document.
	Quotes, Unverified int
}

// PageSize is the weight of one HTML page.
type PageSize struct {
	Path       string
	Bytes      int
	Compressed int // gzip -6; worked out for the pages Summary shows only
}

// Run loads, renders and writes the site in fsys to out, through an
// output.Writer: out is replaced only when every file is written, and a
// failed build leaves it as it was. With opt.Cache, only what changed
// since the last build is loaded, rendered and written (see cache.go). A
// second Run of the same out while one runs fails at once (output.Lock).
func Run(fsys fs.FS, out string, opt Options) (Result, error) {
	var res Result
	var c *buildCache
	var cacheErr error
	traceStart()
	unlock, err := output.Lock(out)
	if err != nil {
		return res, err
	}
	defer unlock()
	if opt.Cache != "" {
		recovered := output.Recover(out) // before the output is compared with the manifest
		if c, cacheErr = openCache(opt.Cache, fsys, opt); cacheErr != nil {
			c = nil // build without, and say so below
		} else if recovered && c.prev != nil {
			c.prev.OutID = stamp{} // the manifest no longer describes the output
		} else if c.unchanged(out) {
			return c.result(out), nil
		}
	}
	if c != nil {
		fsys = c.wrap(fsys)
	}
	tmark("opened")
	s, errs := load(fsys, opt, c)
	tmark("loaded")
	if errs.Err() != nil {
		return res, s.withPageProblems(errs)
	}
	if c != nil {
		if err := c.finishHashes(fsys); err != nil {
			return res, err
		}
	}
	o, err := newOutputs(out, c.previousOutput(out))
	if err != nil {
		return res, err
	}
	tmark("writer")
	pl := s.plan(c)
	errs = pl.problems
	var rs RenderStats
	if c != nil {
		for _, d := range pl.docs {
			if !d.cached {
				c.putDoc(d)
			}
		}
		if errs.Err() == nil {
			c.saveParsed(s)
		}
	}
	if errs.Err() == nil {
		var rerrs diag.List
		rs, rerrs = s.render(pl, c, o.prev, o.put, o.stream, true)
		errs = append(errs, rerrs...)
	}
	tmark("rendered")
	res.Warnings = s.warnings(errs)
	if errs.Err() != nil || (s.strict && len(res.Warnings) > 0) {
		o.w.Abort()
		c.awaitParsed() // no half-written cache file is left behind
		return res, s.failures(errs)
	}
	if c != nil {
		c.invalidate() // until the new output is complete
	}
	st, err := o.w.Commit()
	tmark("committed")
	res.Stats, res.Render, res.Out = st, rs, out
	if err != nil {
		return res, err
	}
	if cacheErr != nil {
		res.Warnings.Warn(diag.Pos{File: opt.Cache}, "the build cache could not be used (everything was built again): %v", cacheErr)
	}
	res.Sizes = sizesOf(o.files, out)
	res.count(s)
	tmark("sized")
	defer tmark("saved")
	if c != nil {
		if err := c.save(s, out, o.files, res); err != nil {
			c.invalidate()
			res.Warnings.Warn(diag.Pos{File: opt.Cache}, "the build cache could not be saved (the next build starts from scratch): %v", err)
		}
	}
	return res, nil
}

// outputs is the output being written (by an output.Writer) and how each
// of its files was made, for the build cache.
type outputs struct {
	w     *output.Writer
	prev  map[string]outputFile // the previous output, when known
	mu    sync.Mutex
	files map[string]outputFile
}

func newOutputs(dir string, prev map[string]outputFile) (*outputs, error) {
	var files map[string]output.File
	if prev != nil {
		files = make(map[string]output.File, len(prev))
		for p, f := range prev {
			files[p] = f.File
		}
	}
	w, err := output.New(dir, files)
	if err != nil {
		return nil, err
	}
	if w.Prev() == nil { // dir is not there
		prev = nil
	}
	return &outputs{w: w, prev: prev, files: map[string]outputFile{}}, nil
}

func (o *outputs) put(p string, rec record, data []byte, keep bool) error {
	var f output.File
	var err error
	if keep {
		f, err = o.w.Keep(p)
	} else {
		f, err = o.w.Put(p, data)
	}
	if err == nil {
		o.add(outputFile{File: f, Key: rec.Key, deps: rec.Reads})
	}
	return err
}

func (o *outputs) stream(p string, write func(io.Writer) error, rec func() record) error {
	f, err := o.w.Stream(p, write)
	if err == nil {
		r := rec()
		o.add(outputFile{File: f, Key: r.Key, deps: r.Reads})
	}
	return err
}

func (o *outputs) add(f outputFile) {
	o.mu.Lock()
	o.files[f.Path] = f
	o.mu.Unlock()
}

// Check loads and renders the site without writing anything. Loading
// verifies every quote against the archived documents (content/sources/).
func Check(fsys fs.FS, opt Options) (Result, error) {
	var res Result
	s, errs := Load(fsys, opt)
	if errs.Err() != nil {
		return res, s.withPageProblems(errs)
	}
	_, rerrs := s.Render()
	res.Warnings = s.warnings(rerrs)
	errs = append(errs, s.failures(rerrs)...)
	res.count(s)
	errs.Sort()
	return res, errs.Err()
}

// Coverage loads the site and lists the numbers of its archived documents
// that nothing cites (see metrics.Data.Coverage).
func Coverage(fsys fs.FS) (diag.List, error) {
	s, errs := Load(fsys, Options{})
	if errs.Err() != nil {
		return nil, errs
	}
	return s.Data.Coverage(s.fsys), nil
}

// withPageProblems adds to load errors the problems found by converting
// the pages that did load (chart blocks, broken links), so that one run
// reports everything. Nothing is rendered or written: with data in error,
// the templates' own failures would only repeat the load errors, and
// rendering every page would delay them.
func (s *Site) withPageProblems(errs diag.List) (out diag.List) {
	if s == nil || s.tmpl == nil || s.Data == nil || s.Config == nil || len(s.Langs) != len(s.Config.Languages) {
		return errs
	}
	// Data with errors may not render; this pass is a bonus, not a duty.
	defer func() {
		if recover() != nil {
			out = errs
		}
	}()
	for _, e := range s.failures(s.plan(nil).problems) {
		if e.Pos.Line > 0 { // unplaced ones follow from the load errors
			errs = append(errs, e)
		}
	}
	errs.Sort()
	return slices.CompactFunc(errs, func(a, b *diag.Error) bool { return a.Error() == b.Error() })
}

// warnings returns the load warnings plus those found while rendering.
func (s *Site) warnings(render diag.List) diag.List {
	if s.strict {
		return nil
	}
	return append(append(diag.List{}, s.Warnings...), render.Warnings()...)
}

// failures returns the problems that fail the build: errors, and under
// --strict the warnings too.
func (s *Site) failures(render diag.List) diag.List {
	if s.strict {
		return render.Strict()
	}
	return render.Errors()
}

func (r *Result) count(s *Site) {
	r.Pages, r.Series, r.Sources, r.Commitments = len(s.Pages), len(s.Data.Series), len(s.Data.Sources), len(s.Data.Commitments)
	r.Quotes, r.Unverified = s.Data.Verified, s.Data.Unverified
	r.Drafts = s.drafts
	for _, se := range s.Data.Series {
		r.Points += len(se.Points)
		r.Targets += len(se.Targets)
	}
}

// Summary is what `tiendo build` prints, in the language lang: counts,
// time and page weights.
func (r Result) Summary(lang string, elapsed time.Duration) string {
	var b strings.Builder
	diag.Fprintf(&b, lang, "built %s in %v on %d cores: %d files (%d rendered, %d written, %d unchanged, %d deleted), %d pages, %d series, %d points\n",
		r.Out, elapsed.Round(time.Millisecond), runtime.GOMAXPROCS(0), r.Stats.Files, r.Render.Rendered, r.Stats.Written, r.Stats.Unchanged, r.Stats.Deleted, r.Pages, r.Series, r.Points)
	if len(r.Sizes) == 0 {
		return b.String()
	}
	total := 0
	for _, s := range r.Sizes {
		total += s.Bytes
	}
	diag.Fprintf(&b, lang, "HTML pages: %d, %s, median %s gzipped; largest:\n",
		len(r.Sizes), kb(total), kb(r.Sizes[len(r.Sizes)/2].Compressed))
	for i, s := range r.Sizes {
		if i == 5 {
			break
		}
		diag.Fprintf(&b, lang, "  %-60s %8s %8s gzipped\n", s.Path, kb(s.Bytes), kb(s.Compressed))
	}
	return b.String()
}

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }
