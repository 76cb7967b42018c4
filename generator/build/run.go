package build

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/tiendo/tiendo/generator/diag"
)

// Result reports a build or check.
type Result struct {
	Warnings diag.List
	Stats    WriteStats
	Out      string
	Sizes    []PageSize // HTML pages, largest first

	Pages, Series, Points, Targets, Commitments, Sources, Quotes int
}

// PageSize is the weight of one HTML page.
type PageSize struct {
	Path       string
	Bytes      int
	Compressed int // gzip -6
}

// Run loads, renders and writes the site in fsys to out.
func Run(fsys fs.FS, out string, opt Options) (Result, error) {
	var res Result
	s, errs := Load(fsys, opt)
	if errs.Err() != nil {
		return res, errs
	}
	output, errs := s.Render()
	res.Warnings = s.warnings(errs)
	if errs.Err() != nil || (s.strict && len(res.Warnings) > 0) {
		return res, s.failures(errs)
	}
	st, err := Write(out, output)
	res.Stats, res.Out = st, out
	if err != nil {
		return res, err
	}
	res.Sizes = pageSizes(output)
	res.count(s)
	return res, nil
}

// Check loads and renders the site without writing anything. With
// sourcesDir, it also verifies every quote against the archived documents.
func Check(fsys fs.FS, sourcesDir string, opt Options) (Result, error) {
	var res Result
	s, errs := Load(fsys, opt)
	if s == nil || errs.Err() != nil {
		return res, errs
	}
	_, rerrs := s.Render()
	res.Warnings = s.warnings(rerrs)
	errs = append(errs, s.failures(rerrs)...)
	if sourcesDir != "" {
		n, qerrs := VerifyQuotes(s, os.DirFS(sourcesDir), sourcesDir)
		res.Quotes = n
		errs = append(errs, qerrs...)
	}
	res.count(s)
	errs.Sort()
	return res, errs.Err()
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
	for _, se := range s.Data.Series {
		r.Points += len(se.Points)
		r.Targets += len(se.Targets)
	}
}

func pageSizes(out Output) []PageSize {
	var sizes []PageSize
	for p, b := range out {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		var z bytes.Buffer
		w, _ := gzip.NewWriterLevel(&z, 6)
		w.Write(b)
		w.Close()
		sizes = append(sizes, PageSize{Path: p, Bytes: len(b), Compressed: z.Len()})
	}
	sort.Slice(sizes, func(i, j int) bool {
		if sizes[i].Bytes != sizes[j].Bytes {
			return sizes[i].Bytes > sizes[j].Bytes
		}
		return sizes[i].Path < sizes[j].Path
	})
	return sizes
}

// Summary is what `tiendo build` prints: counts, time and page weights.
func (r Result) Summary(elapsed time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "built %s in %v on %d cores: %d files (%d written, %d unchanged), %d pages, %d series, %d points\n",
		r.Out, elapsed.Round(time.Millisecond), runtime.GOMAXPROCS(0), r.Stats.Files, r.Stats.Written, r.Stats.Unchanged, r.Pages, r.Series, r.Points)
	if len(r.Sizes) == 0 {
		return b.String()
	}
	total, totalZ := 0, 0
	for _, s := range r.Sizes {
		total += s.Bytes
		totalZ += s.Compressed
	}
	fmt.Fprintf(&b, "HTML pages: %d, %s (%s gzipped), median %s gzipped; largest:\n",
		len(r.Sizes), kb(total), kb(totalZ), kb(r.Sizes[len(r.Sizes)/2].Compressed))
	for i, s := range r.Sizes {
		if i == 5 {
			break
		}
		fmt.Fprintf(&b, "  %-60s %8s %8s gzipped\n", s.Path, kb(s.Bytes), kb(s.Compressed))
	}
	return b.String()
}

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }

var spaces = regexp.MustCompile(`\s+`)

// normalize collapses whitespace, for quote matching.
func normalize(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }

// VerifyQuotes checks that every quote appears verbatim (whitespace
// normalised) in the archived document of its source. dirName is used in
// messages.
func VerifyQuotes(s *Site, docs fs.FS, dirName string) (int, diag.List) {
	var errs diag.List
	texts := map[string]string{}
	for _, src := range s.Data.Sources {
		if src.Document == "" {
			continue
		}
		b, err := fs.ReadFile(docs, src.Document)
		if err != nil {
			errs.Add(src.Pos, "source %q: document %s not found in %s", src.ID, src.Document, dirName)
			continue
		}
		texts[src.ID] = normalize(string(b))
	}
	n := 0
	check := func(source, quote string, pos diag.Pos) {
		text, ok := texts[source]
		if !ok || quote == "" {
			return
		}
		n++
		if !strings.Contains(text, normalize(quote)) {
			errs.Add(pos, "quote not found in %s: %q", filepath.Join(dirName, s.Data.Source(source).Document), short(quote))
		}
	}
	for _, se := range s.Data.Series {
		for _, p := range se.Points {
			check(p.Source, p.Quote, p.QuotePos)
		}
		for _, t := range se.Targets {
			check(t.Source, t.Quote, t.QuotePos)
		}
	}
	for _, c := range s.Data.Commitments {
		check(c.Source, c.Quote, c.QuotePos)
		check(c.StatusSource, c.StatusQuote, c.StatusQuotePos)
	}
	return n, errs
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 80 {
		return string(r[:77]) + "…"
	}
	return s
}
