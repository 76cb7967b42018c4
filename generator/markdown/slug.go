package markdown

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"golang.org/x/text/unicode/norm"
)

// Slugify turns a title into a URL- and id-safe slug made of the ASCII
// letters a-z, digits and single '-' separators: accents are removed (NFD,
// then combining marks dropped), đ/Đ become d, letters are lower-cased and
// every run of other characters becomes one '-', trimmed at both ends.
//
//	Slugify("Đề án 06 — kết quả") == "de-an-06-ket-qua"
//
// Characters with no ASCII base letter (e.g. CJK) count as separators, so the
// result may be empty.
func Slugify(s string) string {
	b := make([]byte, 0, len(s))
	dash := false // a separator is pending
	add := func(c byte) {
		if dash && len(b) > 0 {
			b = append(b, '-')
		}
		dash = false
		b = append(b, c)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				add(c)
			case 'A' <= c && c <= 'Z':
				add(c + 'a' - 'A')
			default:
				dash = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == 'đ' || r == 'Đ' {
			add('d')
			i += size
			continue
		}
		if unicode.Is(unicode.Mn, r) { // a combining mark of decomposed input
			i += size
			continue
		}
		// The first rune of the canonical decomposition is the base letter.
		p := norm.NFD.PropertiesString(s[i:])
		i += size
		if d := p.Decomposition(); d != nil {
			r, _ = utf8.DecodeRune(d)
		}
		if r = unicode.ToLower(r); r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9') {
			add(byte(r))
		} else {
			dash = true
		}
	}
	return string(b)
}

// headingIDs is the per-document parser.IDs: Vietnamese-safe slugs, unique
// within the page.
type headingIDs struct {
	used map[string]bool
}

var _ parser.IDs = (*headingIDs)(nil)

// Generate returns a slug of value not used yet on the page ("ket-qua",
// "ket-qua-1", …) and marks it used.
func (ids *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := Slugify(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for n := 1; ids.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	ids.Put([]byte(id))
	return []byte(id)
}

// Put marks id as used.
func (ids *headingIDs) Put(id []byte) {
	if ids.used == nil {
		ids.used = make(map[string]bool)
	}
	ids.used[string(id)] = true
}
