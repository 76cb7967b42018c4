package markdown

import (
	"bytes"
	"html"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tiendo/tiendo/generator/diag"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Chart is a parsed ```chart fenced block.
type Chart struct {
	Pos     diag.Pos // position of the opening fence line in the page file
	Metrics []string // required, at least one series id
	Title   string   // optional
	Type    string   // optional: "" | "line" | "bar" | "map"
	Map     string   // with type "map": the map's id ("" for the world)
	Period  string   // with type "map": the period shown first, raw as From
	From    string   // optional period range, raw strings (caller validates), e.g. "2021", "2024-H1"
	To      string
	Index   int // 0-based index of the chart block on the page (invalid blocks count too)
	// Keys holds the position of each key written in the block, and
	// MetricPos that of each id of Metrics, so that a problem found when
	// the chart is drawn points at its line: see At and MetricAt.
	Keys      map[string]diag.Pos
	MetricPos []diag.Pos
	// Subseries picks the sub-series drawn (ids, each once); Highlight
	// names the lines drawn prominently (sub-series or series ids, each
	// once). The caller checks the ids against the series, reporting an
	// unknown one at SubseriesPos or HighlightPos: the key's line.
	Subseries    []string
	Highlight    []string
	SubseriesPos diag.Pos
	HighlightPos diag.Pos
}

// At returns the position of key in the block, or the block's when it is
// not written there (or the chart is not a block: a metric page's).
func (c Chart) At(key string) diag.Pos {
	if p, ok := c.Keys[key]; ok {
		return p
	}
	return c.Pos
}

// MetricAt returns the position of the i-th id of Metrics in the block, or
// that of the metrics key, or the block's.
func (c Chart) MetricAt(i int) diag.Pos {
	if i < len(c.MetricPos) {
		return c.MetricPos[i]
	}
	return c.At("metrics")
}

// Heading is an h2 or h3 of the page, for a table of contents.
type Heading struct {
	Level    int
	ID, Text string
}

// Link is a link or image destination as written in the page (before the
// base path is applied), at the position of its opening '[' (or '![', '<').
type Link struct {
	Pos  diag.Pos
	Dest string
}

// Result is a converted page.
type Result struct {
	HTML     []byte
	Headings []Heading // h2..h3 in order, for a table of contents
	Charts   []Chart   // the valid chart blocks, in order
	Links    []Link    // every link, image and autolink destination, in order
	Text     string    // plain text of the page (for search indexes and word counts)
}

// ChartFunc writes the HTML of one chart block (the caller renders a <figure>).
// An error it returns is reported at the chart's position.
type ChartFunc func(w io.Writer, c Chart) error

// Options configure a Converter.
type Options struct {
	// BasePath is prefixed to site-absolute link and image destinations:
	// with "/tiendo/", "/metrics/x/" becomes "/tiendo/metrics/x/".
	// Empty means "/".
	BasePath string
	// TableLabel names the scrolling region around each table for screen
	// readers, followed by the table's number on the page: "Bảng 1".
	// Empty means "Bảng".
	TableLabel string
}

// Converter turns the Markdown of pages into HTML. It is safe for concurrent
// use; build one per site.
type Converter struct {
	md goldmark.Markdown
}

// New builds the project's goldmark configuration.
func New(opt Options) *Converter {
	base := opt.BasePath
	if !strings.HasPrefix(base, "/") {
		base = "/" + base
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	label := opt.TableLabel
	if label == "" {
		label = "Bảng"
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			extension.Footnote,
			extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation][]byte{
				// Plain UTF-8 rather than entities, so that Result.Text has them too.
				extension.LeftSingleQuote:  []byte("‘"),
				extension.RightSingleQuote: []byte("’"),
				extension.LeftDoubleQuote:  []byte("“"),
				extension.RightDoubleQuote: []byte("”"),
				extension.EnDash:           []byte("–"),
				extension.EmDash:           []byte("—"),
				extension.Ellipsis:         []byte("…"),
				extension.LeftAngleQuote:   []byte("«"),
				extension.RightAngleQuote:  []byte("»"),
				// Off: goldmark's English rules ('twas, 'em, 'net) would turn
				// the opening quote of 'nhà', 'tôi', 'làm' into an apostrophe.
				extension.Apostrophe: nil,
			})),
		),
		goldmark.WithParserOptions(
			parser.WithAttribute(), // {#id} on headings; ids are assigned by our transformer
			parser.WithASTTransformers(util.Prioritized(&transformer{base: base}, 100)),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{label: html.EscapeString(label)}, 100)),
		),
	)
	return &Converter{md: md}
}

// docKey holds the *doc of the page being converted in its parser.Context.
var docKey = parser.NewContextKey()

// doc is the state of one conversion.
type doc struct {
	file       string
	lineOffset int
	src        []byte
	lines      []int // offsets of line starts, built on first use
	chart      ChartFunc
	ids        headingIDs
	errs       diag.List
	res        Result
	text       []byte
	space      bool // a space is pending in text
}

// Convert converts the Markdown src of the page file, whose first line is
// line lineOffset+1 of the file (lineOffset counts the front matter lines).
// chart renders the chart blocks; if nil they are parsed but render nothing.
//
// The error, if not nil, is a diag.List of every problem found, in file
// order; it may hold only warnings (raw HTML removed, unsafe link dropped),
// so callers should add it to their own list with diag.List.Append. The Result
// is usable in all cases. Positions have 1-based lines and 1-based columns
// counted in characters (runes), as editors display them.
func (c *Converter) Convert(file string, lineOffset int, src []byte, chart ChartFunc) (Result, error) {
	d := &doc{file: file, lineOffset: lineOffset, src: src, chart: chart, text: make([]byte, 0, len(src))}
	if off, width, depth := overNested(src); off >= 0 {
		// goldmark's time grows with the cube of a list's depth: a list
		// nested a few thousand deep would take minutes.
		if depth > maxDepth {
			d.errs.Add(d.pos(off), "this line starts %d lists or quotes inside each other, more than Markdown nests here (at most %d): nest fewer", depth, maxDepth)
		} else {
			d.errs.Add(d.pos(off), "this line is indented by %d columns, more than Markdown nests here (at most %d): indent it less", width, maxIndent)
		}
		return d.res, d.errs
	}
	pc := parser.NewContext(parser.WithIDs(&d.ids))
	pc.Set(docKey, d)
	root := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/2)
	if err := c.md.Renderer().Render(&buf, src, root); err != nil {
		d.errs.Add(diag.Pos{File: file}, "rendering Markdown: %v", err)
	}
	d.res.HTML = bytes.Clone(buf.Bytes()) // as long as it is: callers keep many
	d.res.Text = string(d.text)
	if len(d.errs) == 0 {
		return d.res, nil
	}
	d.errs.Sort()
	return d.res, d.errs
}

// maxIndent is the widest indentation of a line outside fenced code
// (lists nested a hundred deep), and maxDepth the most list markers and
// quote marks a line may start with.
const (
	maxIndent = 256
	maxDepth  = 100
)

// overNested returns the offset of the first line outside fenced code that
// is indented by more than maxIndent columns (a tab to the next multiple
// of 4), or starts with more than maxDepth list markers and quote marks,
// with its indentation and that count; or -1. Only a fence at the start of
// a line is taken for one: code fenced inside a quote or a list item is
// measured like text, which errs on the side of checking.
func overNested(src []byte) (off, width, depth int) {
	fence := ""
	for off < len(src) {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		line := src[off : off+end]
		width, depth, rest := nesting(line)
		switch {
		case fence != "":
			// Closed by a run of its character at least as long, and
			// nothing else.
			if width <= 3 && strings.HasPrefix(rest, fence) && strings.Trim(strings.TrimSpace(rest), fence[:1]) == "" {
				fence = ""
			}
		case width <= 3 && depth == 0 && (strings.HasPrefix(rest, "```") || strings.HasPrefix(rest, "~~~")):
			fence = rest[:len(rest)-len(strings.TrimLeft(rest, rest[:1]))]
		case width > maxIndent || depth > maxDepth:
			return off, width, depth
		}
		off += end + 1
	}
	return -1, 0, 0
}

// nesting measures the start of a line: its indentation (the first, before
// any marker), how many list markers and quote marks follow one another,
// and the rest of the line.
func nesting(line []byte) (width, depth int, rest string) {
	i := 0
	for ; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
		if line[i] == '\t' {
			width += 4 - width%4
		} else {
			width++
		}
	}
	for i < len(line) {
		j := i
		switch c := line[i]; {
		case c == '>':
			j++
		case c == '-' || c == '*' || c == '+':
			j++
			if j < len(line) && line[j] != ' ' && line[j] != '\t' {
				return width, depth, string(line[i:])
			}
		case c >= '0' && c <= '9':
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j >= len(line) || (line[j] != '.' && line[j] != ')') {
				return width, depth, string(line[i:])
			}
			j++
		default:
			return width, depth, string(line[i:])
		}
		depth++
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		i = j
	}
	return width, depth, string(line[i:])
}

// pos returns the file position of byte offset off in src.
func (d *doc) pos(off int) diag.Pos {
	if d.lines == nil {
		d.lines = append(make([]int, 0, 64), 0)
		for i := 0; ; {
			j := bytes.IndexByte(d.src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			d.lines = append(d.lines, i)
		}
	}
	off = max(0, min(off, len(d.src)))
	i := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > off }) - 1
	return diag.Pos{
		File: d.file,
		Line: d.lineOffset + i + 1,
		Col:  utf8.RuneCount(d.src[d.lines[i]:off]) + 1,
	}
}

// addText appends s to the plain text, collapsing white space.
func (d *doc) addText(s []byte) {
	for len(s) > 0 {
		i := 0
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i > 0 {
			d.space = true
			s = s[i:]
			continue
		}
		for i < len(s) && !isSpace(s[i]) {
			i++
		}
		if d.space && len(d.text) > 0 {
			d.text = append(d.text, ' ')
		}
		d.space = false
		d.text = append(d.text, s[:i]...)
		s = s[i:]
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}
