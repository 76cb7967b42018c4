package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// transformer walks the parsed page once: it collects headings, links, plain
// text and chart blocks, rewrites site-absolute destinations, then assigns
// heading ids, replaces chart blocks and wraps tables.
type transformer struct {
	base string // "/" or "/prefix/"
}

type heading struct {
	node *ast.Heading
	text string
}

func (t *transformer) Transform(root *ast.Document, _ text.Reader, pc parser.Context) {
	d := pc.Get(docKey).(*doc)
	src := d.src
	var (
		heads  []heading
		fences []*ast.FencedCodeBlock
		tables []*extast.Table
		start  int // text offset where the current heading began
	)
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock {
			d.space = true
		}
		switch n := n.(type) {
		case *ast.Heading:
			if entering {
				start = len(d.text)
			} else {
				h := heading{n, strings.TrimSpace(string(d.text[start:]))}
				heads = append(heads, h)
				if h.text == "" {
					at := n.Pos()
					if at < 0 {
						at = d.blockStart(n)
					}
					d.errs.Warn(d.pos(at), "empty heading: write its text after the #, or remove the line")
				}
				// Only {#id} is ours: goldmark would also render style,
				// class and data-* attributes written as {key=value}.
				if id, ok := n.AttributeString("id"); len(n.Attributes()) > 1 || len(n.Attributes()) == 1 && !ok {
					n.RemoveAttributes()
					if ok {
						n.SetAttributeString("id", id)
					}
				}
			}
		case *ast.Text:
			if entering {
				d.addPlain(n.Segment.Value(src))
				if n.SoftLineBreak() || n.HardLineBreak() {
					d.space = true
				}
			}
		case *ast.String:
			if entering {
				d.addPlain(n.Value)
			}
		case *ast.Link:
			if entering {
				n.Destination = t.link(d, n.Destination, d.linkStart(n, "["))
			}
		case *ast.Image:
			if entering {
				at := d.linkStart(n, "![")
				if dest := bytes.ToLower(n.Destination); bytes.HasPrefix(dest, []byte("http://")) ||
					bytes.HasPrefix(dest, []byte("https://")) || bytes.HasPrefix(dest, []byte("//")) {
					d.errs.Warn(d.pos(at), "an image from another site is not shown (pages make no third-party requests): put the file in assets/ and link it as /assets/…")
				}
				n.Destination = t.link(d, n.Destination, at)
			}
		case *ast.AutoLink:
			if entering {
				label := n.Label(src)
				url := n.URL(src)
				if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(url, []byte("mailto:")) {
					url = append([]byte("mailto:"), url...)
				}
				d.res.Links = append(d.res.Links, Link{Pos: d.pos(d.offsetOf(label, n)), Dest: string(url)})
				d.addText(label)
			}
		case *ast.CodeBlock:
			if entering {
				d.indentedTable(n)
			}
		case *ast.FencedCodeBlock:
			if entering && n.Info != nil && string(n.Language(src)) == "chart" {
				fences = append(fences, n)
			}
		case *extast.Table:
			if entering {
				tables = append(tables, n)
			}
		case *extast.TableCell:
			if entering && n.Alignment != extast.AlignNone {
				n.SetAttributeString("class", "align-"+n.Alignment.String())
			}
		case *ast.HTMLBlock:
			if entering && n.HTMLBlockType != ast.HTMLBlockType2 && n.Lines().Len() > 0 {
				d.errs.Warn(d.pos(n.Lines().At(0).Start), "raw HTML is not allowed in Markdown and was removed")
			}
		case *ast.RawHTML:
			if entering && n.Segments.Len() > 0 {
				s := n.Segments.At(0)
				if v := s.Value(src); !bytes.HasPrefix(v, []byte("<!--")) && !bytes.HasPrefix(v, []byte("</")) {
					d.errs.Warn(d.pos(s.Start), "raw HTML is not allowed in Markdown and was removed")
				}
			}
		}
		return ast.WalkContinue, nil
	})

	// Heading ids: explicit {#id} first, so that generated ids avoid them.
	for _, h := range heads {
		if v, ok := h.node.AttributeString("id"); ok {
			id := attrString(v)
			if d.ids.used[id] {
				d.errs.Add(d.pos(d.blockStart(h.node)), "duplicate heading id %q", id)
			}
			d.ids.Put([]byte(id))
		}
	}
	for _, h := range heads {
		v, ok := h.node.AttributeString("id")
		if !ok {
			id := pc.IDs().Generate([]byte(h.text), ast.KindHeading)
			h.node.SetAttributeString("id", id)
			v = id
		}
		if h.node.Level == 2 || h.node.Level == 3 {
			d.res.Headings = append(d.res.Headings, Heading{Level: h.node.Level, ID: attrString(v), Text: h.text})
		}
	}

	for i, f := range fences {
		c, ok := d.parseChart(f, i)
		if ok {
			d.res.Charts = append(d.res.Charts, c)
			f.Parent().ReplaceChild(f.Parent(), f, &chartNode{chart: c, doc: d})
		} else {
			f.Parent().RemoveChild(f.Parent(), f)
		}
	}

	for i, tbl := range tables {
		w := &tableWrap{index: i + 1}
		tbl.Parent().ReplaceChild(tbl.Parent(), tbl, w)
		w.AppendChild(w, tbl)
	}
}

func attrString(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return fmt.Sprint(v)
}

// link records a link destination found at off and returns the destination
// to render.
func (t *transformer) link(d *doc, dest []byte, off int) []byte {
	d.res.Links = append(d.res.Links, Link{Pos: d.pos(off), Dest: string(dest)})
	if html.IsDangerousURL(dest) {
		d.errs.Warn(d.pos(off), "unsafe link destination %q was removed", dest)
		return dest
	}
	if t.base == "/" || len(dest) == 0 || dest[0] != '/' || len(dest) > 1 && (dest[1] == '/' || dest[1] == '\\') {
		return dest // relative, fragment, external or protocol-relative
	}
	return append([]byte(t.base), dest[1:]...)
}

// addPlain adds the text of an inline node, resolving backslash escapes and
// character references as the HTML renderer does.
func (d *doc) addPlain(s []byte) {
	if bytes.IndexByte(s, '\\') >= 0 || bytes.IndexByte(s, '&') >= 0 {
		s = util.UnescapePunctuations(s)
		s = util.ResolveNumericReferences(s)
		s = util.ResolveEntityNames(s)
	}
	d.addText(s)
}

// linkStart returns the offset of the opening bracket of link or image n, or
// failing that of its text or of the enclosing block.
func (d *doc) linkStart(n ast.Node, open string) int {
	t := firstText(n)
	if t == nil { // no text, as in [](x): look after the text before it
		if p, ok := n.PreviousSibling().(*ast.Text); ok {
			i := p.Segment.Stop
			for i < len(d.src) && i < p.Segment.Stop+8 && isSpace(d.src[i]) {
				i++
			}
			if bytes.HasPrefix(d.src[i:], []byte(open)) {
				return i
			}
		}
		return d.blockStart(n)
	}
	off := t.Segment.Start
	// Step back over emphasis and code markers to the bracket.
	for i := off - 1; i >= 0 && i >= off-8; i-- {
		c := d.src[i]
		if c == '[' {
			if open == "![" && i > 0 && d.src[i-1] == '!' {
				return i - 1
			}
			return i
		}
		if c != '*' && c != '_' && c != '`' && c != '~' && c != ' ' {
			break
		}
	}
	return off
}

func firstText(n ast.Node) *ast.Text {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok && t.Segment.Len() > 0 {
			return t
		}
		if t := firstText(c); t != nil {
			return t
		}
	}
	return nil
}

// blockStart returns the offset of the first line of the block holding n.
func (d *doc) blockStart(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
	}
	return 0
}

// offsetOf returns the offset in src of label, a sub-slice of src returned by
// an AutoLink, minus one for the '<' of a <url> autolink.
func (d *doc) offsetOf(label []byte, n ast.Node) int {
	off := cap(d.src) - cap(label)
	if off < 0 || off+len(label) > len(d.src) || !bytes.Equal(d.src[off:off+len(label)], label) {
		return d.blockStart(n)
	}
	if off > 0 && d.src[off-1] == '<' {
		off--
	}
	return off
}

// indentedTable warns of a table written with its lines indented (by a tab
// or four spaces, as when pasted), which Markdown shows as code: a line
// with a '|' followed by a delimiter row such as "|---|:--:|".
func (d *doc) indentedTable(n *ast.CodeBlock) {
	lines := n.Lines()
	for i := 0; i+1 < lines.Len(); i++ {
		row := lines.At(i)
		next := lines.At(i + 1)
		if bytes.IndexByte(row.Value(d.src), '|') >= 0 && delimiterRow(next.Value(d.src)) {
			at := row.Start
			for at < row.Stop && (d.src[at] == ' ' || d.src[at] == '\t') {
				at++
			}
			d.errs.Warn(d.pos(at), "this table is indented, so it shows as code: remove the indentation")
			return
		}
	}
}

// delimiterRow reports whether line is the row under a table's header:
// cells of '-' (at least one each), perhaps with ':' at their ends, between '|'.
func delimiterRow(line []byte) bool {
	line = bytes.TrimSpace(line)
	if bytes.IndexByte(line, '|') < 0 {
		return false
	}
	line = bytes.TrimPrefix(bytes.TrimSuffix(line, []byte("|")), []byte("|"))
	for _, cell := range bytes.Split(line, []byte("|")) {
		cell = bytes.TrimSpace(cell)
		cell = bytes.TrimPrefix(bytes.TrimSuffix(cell, []byte(":")), []byte(":"))
		if len(cell) == 0 || len(bytes.Trim(cell, "-")) != 0 {
			return false
		}
	}
	return true
}
