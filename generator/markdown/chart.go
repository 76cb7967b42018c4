package markdown

import (
	"bytes"
	"errors"
	"strconv"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/tomlfile"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// parseChart parses the TOML body of the index-th chart block f, reporting
// every problem; ok is false if there was any.
func (d *doc) parseChart(f *ast.FencedCodeBlock, index int) (c Chart, ok bool) {
	c = Chart{Pos: d.pos(fenceStart(d.src, f.Info.Segment.Start)), Index: index}
	lines := f.Lines()
	var body []byte
	for i := range lines.Len() {
		s := lines.At(i)
		body = append(body, s.Value(d.src)...)
	}
	nerr := len(d.errs)

	if off, msg := tomlfile.Overnested(body); off >= 0 {
		d.errs.Add(d.bodyPos(f, body, off, 1), "chart: %s", msg)
		return c, false
	}
	var m map[string]any
	meta, err := toml.Decode(string(body), &m)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			at := d.bodyPos(f, body, pe.Position.Start, pe.Position.Len)
			if hint := tomlfile.Hint(bodyLine(body, pe.Position.Line)); hint.En != "" {
				d.errs.Add(at, "chart: %s", hint) // “…” quotes, 16,4
			} else {
				d.errs.Add(at, "chart: invalid TOML: %s", tomlfile.Message(pe.Message))
			}
		} else {
			d.errs.Add(c.Pos, "chart: invalid TOML: %v", err)
		}
		return c, false
	}
	done := map[string]bool{}
	for _, k := range meta.Keys() {
		// Each top-level key once: a dotted key (metrics.x = 1) or a
		// [table] is reported through its first part.
		key := k[0]
		if done[key] {
			continue
		}
		done[key] = true
		at := d.keyPos(f, key, c.Pos)
		if at != c.Pos {
			if c.Keys == nil {
				c.Keys = map[string]diag.Pos{}
			}
			c.Keys[key] = at
		}
		str := func(dst *string, period bool) {
			switch v := m[key].(type) {
			case string:
				*dst = v
				return
			case int64: // a year
				if period {
					*dst = strconv.FormatInt(v, 10)
					return
				}
			case time.Time: // a TOML local date
				if h, m, s := v.Clock(); period && h+m+s+v.Nanosecond() == 0 {
					*dst = v.Format(time.DateOnly)
					return
				}
			}
			d.errs.Add(at, "chart: %q must be a string, e.g. %s = \"…\"", key, key)
		}
		ids := func(dst *[]string, pos *diag.Pos, what diag.Text, example string) {
			*pos = at
			arr, ok := m[key].([]any)
			ok = ok && len(arr) > 0
			seen := map[string]bool{}
			for _, v := range arr {
				id, _ := v.(string)
				if id == "" {
					ok = false
					break
				}
				if seen[id] {
					d.errs.Add(at, "chart: %q is listed twice in %s", id, key)
					continue
				}
				seen[id] = true
				*dst = append(*dst, id)
			}
			if !ok {
				*dst = nil
				d.errs.Add(at, "chart: %q must be a non-empty list of %s, e.g. %s = %s", key, what, key, example)
			}
		}
		switch key {
		case "subseries":
			ids(&c.Subseries, &c.SubseriesPos, diag.T("sub-series ids"), `["vnm", "tha"]`)
		case "highlight":
			ids(&c.Highlight, &c.HighlightPos, diag.T("sub-series or series ids"), `["vnm"]`)
		case "metrics":
			arr, ok := m[key].([]any)
			ok = ok && len(arr) > 0
			for _, v := range arr {
				id, _ := v.(string)
				if id == "" {
					ok = false
					break
				}
				c.Metrics = append(c.Metrics, id)
			}
			if !ok {
				c.Metrics = nil
				d.errs.Add(at, `chart: "metrics" must be a non-empty list of series ids, e.g. metrics = ["egdi-rank"]`)
				break
			}
			c.MetricPos = d.idPositions(f, c.Metrics, at)
		case "title":
			str(&c.Title, false)
		case "type":
			str(&c.Type, false)
			if c.Type != "" && c.Type != "line" && c.Type != "bar" && c.Type != "map" {
				d.errs.Add(at, `chart: unknown type %q; use "line", "bar" or "map"`, c.Type)
			}
		case "map", "period": // a map's (mapKeys checks them)
			str(map[string]*string{"map": &c.Map, "period": &c.Period}[key], key == "period")
		case "from":
			str(&c.From, true)
		case "to":
			str(&c.To, true)
		default:
			if near := tomlfile.Closest(key, chartKeys); near != "" {
				d.errs.Add(at, "chart: unknown key %q: did you mean %q?", key, near)
			} else {
				d.errs.Add(at, "chart: unknown key %q; the keys are metrics, title, type, from, to, subseries and highlight (and map and period for a map)", key)
			}
		}
	}
	if _, set := m["metrics"]; !set {
		d.errs.Add(c.Pos, `chart: "metrics" is required, e.g. metrics = ["egdi-rank"]`)
	}
	d.mapKeys(f, &c, m)
	return c, len(d.errs) == nerr
}

// chartKeys are the keys of a chart block.
var chartKeys = []string{"metrics", "title", "type", "from", "to", "subseries", "highlight", "map", "period"}

// bodyLine returns line n (from 1) of body, or "".
func bodyLine(body []byte, n int) string {
	lines := bytes.Split(body, []byte("\n"))
	if n < 1 || n > len(lines) {
		return ""
	}
	return string(lines[n-1])
}

// idPositions returns the position of each id of a metrics list in the
// body of f, in order, searched for as a quoted string from the key at;
// an id it cannot find is placed at the key.
func (d *doc) idPositions(f *ast.FencedCodeBlock, ids []string, at diag.Pos) []diag.Pos {
	lines := f.Lines()
	start, end := -1, lines.At(lines.Len()-1).Stop
	for i := range lines.Len() {
		if s := lines.At(i); d.pos(s.Start).Line == at.Line {
			start = s.Start
			break
		}
	}
	out := make([]diag.Pos, len(ids))
	for i, id := range ids {
		out[i] = at
		if start < 0 {
			continue
		}
		for _, q := range []string{`"`, "'"} {
			if j := bytes.Index(d.src[start:end], []byte(q+id+q)); j >= 0 {
				out[i] = d.pos(start + j)
				start += j + len(id) + 2
				break
			}
		}
	}
	return out
}

// fenceStart returns the offset of the fence (``` or ~~~) before the info
// string at info.
func fenceStart(src []byte, info int) int {
	i := info
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	for i > 0 && (src[i-1] == '`' || src[i-1] == '~') {
		i--
	}
	return i
}

// bodyPos maps the error span [start, start+n) in body, the TOML text of f,
// to the file position of its first non-blank byte.
func (d *doc) bodyPos(f *ast.FencedCodeBlock, body []byte, start, n int) diag.Pos {
	start = max(0, min(start, len(body)))
	for end := min(start+n, len(body)); start+1 < end && (body[start] == ' ' || body[start] == '\t'); {
		start++
	}
	lines := f.Lines()
	at := 0 // offset in body of the current line
	for i := range lines.Len() {
		s := lines.At(i)
		next := at + s.Padding + s.Len()
		if start < next || i == lines.Len()-1 {
			return d.pos(min(s.Start+max(0, start-at-s.Padding), s.Stop))
		}
		at = next
	}
	return d.pos(fenceStart(d.src, f.Info.Segment.Start))
}

// keyPos returns the position of the top-level key in the body of f, or def
// if it cannot be found (e.g. a key written inside an inline table).
func (d *doc) keyPos(f *ast.FencedCodeBlock, key string, def diag.Pos) diag.Pos {
	lines := f.Lines()
	for i := range lines.Len() {
		s := lines.At(i)
		line := d.src[s.Start:s.Stop]
		indent := len(line) - len(bytes.TrimLeft(line, " \t"))
		if keyAt(line[indent:], key) {
			return d.pos(s.Start + indent)
		}
	}
	return def
}

// keyAt reports whether line starts with key, bare or quoted, as a key
// ("key =", "key.sub =") or a table header ("[key]", "[[key]]").
func keyAt(line []byte, key string) bool {
	line = bytes.TrimLeft(line, "[")
	for _, q := range []string{"", `"`, "'"} {
		rest, ok := bytes.CutPrefix(line, []byte(q+key+q))
		if !ok {
			continue
		}
		rest = bytes.TrimLeft(rest, " \t")
		if len(rest) > 0 && (rest[0] == '=' || rest[0] == '.' || rest[0] == ']') {
			return true
		}
	}
	return false
}

var (
	kindChart     = ast.NewNodeKind("Chart")
	kindTableWrap = ast.NewNodeKind("TableWrap")
)

// chartNode replaces a valid chart block.
type chartNode struct {
	ast.BaseBlock
	chart Chart
	doc   *doc
}

func (n *chartNode) Kind() ast.NodeKind { return kindChart }

func (n *chartNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Title": strconv.Quote(n.chart.Title)}, nil)
}

// tableWrap holds a table in a horizontally scrolling region.
type tableWrap struct {
	ast.BaseBlock
	index int // 1-based number of the table on the page
}

func (n *tableWrap) Kind() ast.NodeKind { return kindTableWrap }

func (n *tableWrap) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// nodeRenderer renders chartNode and tableWrap.
type nodeRenderer struct {
	label string // HTML-escaped TableLabel
}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindChart, r.renderChart)
	reg.Register(kindTableWrap, r.renderTableWrap)
}

func (r *nodeRenderer) renderChart(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*chartNode)
	if entering && n.doc.chart != nil {
		if err := n.doc.chart(w, n.chart); err != nil {
			if placed := (diag.List{}); errors.As(err, &placed) || isPlaced(err) {
				n.doc.errs.Append(err) // already file:line:col
			} else {
				n.doc.errs.Add(n.chart.Pos, "chart: %v", err)
			}
		}
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) renderTableWrap(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<div class="table-wrap" tabindex="0" role="region" aria-label="`)
		_, _ = w.WriteString(r.label)
		_ = w.WriteByte(' ')
		_, _ = w.WriteString(strconv.Itoa(node.(*tableWrap).index))
		_, _ = w.WriteString("\">\n")
	} else {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

// isPlaced reports whether err is a single positioned diag.Error.
func isPlaced(err error) bool {
	var e *diag.Error
	return errors.As(err, &e)
}
