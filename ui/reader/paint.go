package reader

import (
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"

	"github.com/byline-reader/byline/ui/reader/typeset"
)

// Styles are the reader's looks, made by the app from its theme and
// passed in: the reader keeps no styles of its own.
type Styles struct {
	Heading   lipgloss.Style // the article's title
	Meta      lipgloss.Style // its byline: site, author, date, reading time
	Notice    lipgloss.Style // a note about the article, such as a failed extraction
	Error     lipgloss.Style // why the article could not be opened
	Separator lipgloss.Style // the rule under the header
	Empty     lipgloss.Style // the line shown while the body renders
	Quote     lipgloss.Style // quotations
	Highlight lipgloss.Style // the reader's own highlights
	Speaker   lipgloss.Style // "— Speaker" after a sentence with a quote
	Focus     lipgloss.Style // the quote, sentence or highlight in focus
	Link      lipgloss.Style // a link's text
	LinkNum   lipgloss.Style // the number after it, "[3]"
	// Hyperlinks makes each link's text an OSC 8 hyperlink to its clean
	// URL: set it where the terminal shows them (HyperlinksFor).
	Hyperlinks bool

	spans spanPaints // Quote to LinkNum as escape codes, for every frame
}

// NewStyles is looks ready to paint with: the escape codes of quotes,
// highlights, speakers, the focus and links, and of their every
// combination, are worked out once here rather than on every frame.
// Styles not made by NewStyles paint none of them.
func NewStyles(looks Styles) Styles {
	looks.spans = newSpanPaints(looks.Quote, looks.Highlight, looks.Speaker, looks.Focus, looks.Link, looks.LinkNum)
	return looks
}

// regionLooks is how many combinations of region bits there are.
const regionLooks = 64

// spanPaints are the looks of quotes, highlights, speakers, the focus and
// links, as escape codes, for every combination of region bits.
type spanPaints struct{ pre [regionLooks]string }

// newSpanPaints takes the looks in the order of the region bits.
func newSpanPaints(looks ...lipgloss.Style) spanPaints {
	var p spanPaints
	parts := make([]string, len(looks))
	for i, st := range looks {
		parts[i] = stylePrefix(st)
	}
	for bits := 1; bits < regionLooks; bits++ {
		for i, part := range parts {
			if bits&(1<<i) != 0 {
				p.pre[bits] += part
			}
		}
	}
	return p
}

// stylePrefix is the escape codes a style writes before its text.
// (A printable letter: Lip Gloss leaves a control character such as NUL
// unstyled when the style underlines.)
func stylePrefix(st lipgloss.Style) string {
	pre, _, _ := strings.Cut(st.Render("x"), "x")
	return pre
}

// textBounds finds the line's text: from its first visible character that
// is not a space or a blockquote bar to the end of its last non-space one.
func textBounds(l string) (lo, hi int32) {
	lo = -1
	for i, r := range shown(l) {
		if r != ' ' && r != '\u00a0' {
			if lo < 0 && r != '│' {
				lo = int32(i)
			}
			if lo >= 0 {
				_, n := utf8.DecodeRuneInString(l[i:]) // RuneLen would count a bad byte as 3
				hi = int32(i + n)
			}
		}
	}
	if lo < 0 {
		return 0, 0
	}
	return lo, hi
}

// paintLinked draws body line i in the looks of its regions. Glamour's own
// colours are kept outside them and its attributes inside them; the look
// is set again after each of Glamour's codes, so it holds across words.
// The text of a region with a target in hrefs is a hyperlink to it, opened
// and closed on the line.
func (m *bodyMarks) paintLinked(i int, l string, bits []uint8, hrefs map[int32]string, p *spanPaints) string {
	if m == nil || i < 0 || i >= len(m.start) {
		return l
	}
	cuts, region := m.cuts[i], m.start[i]
	if len(cuts) == 0 && bitsAt(bits, region) == 0 {
		return l // nothing to paint: the common case, found without a scan
	}
	// The text's bytes, margins and padding left out: found only for the
	// lines that are drawn, not for every line of the render.
	lo32, hi32 := textBounds(l)
	lo, hi := int(lo32), int(hi32)
	if lo >= hi {
		return l
	}
	var b strings.Builder
	b.Grow(len(l) + 64)
	cur, look, ci, href := "", uint8(0), 0, ""
	for pos := 0; pos < len(l); {
		for ci < len(cuts) && int(cuts[ci].pos) <= pos {
			region = cuts[ci].region
			ci++
		}
		want, wantHref := uint8(0), ""
		if pos >= lo && pos < hi {
			want, wantHref = bitsAt(bits, region), hrefs[region]
		}
		if wantHref != href {
			b.WriteString(osc8(wantHref))
			href = wantHref
		}
		if want != look {
			if look != 0 {
				b.WriteString("\x1b[m" + cur)
			}
			b.WriteString(p.pre[want%regionLooks])
			look = want
		}
		next := len(l)
		if ci < len(cuts) {
			next = min(next, int(cuts[ci].pos))
		}
		if pos < lo {
			next = min(next, lo)
		} else if pos < hi {
			next = min(next, hi)
		}
		cur = copyPainted(&b, l[pos:next], cur, p.pre[look%regionLooks])
		pos = next
	}
	if look != 0 {
		b.WriteString("\x1b[m" + cur)
	}
	if href != "" {
		b.WriteString(osc8(""))
	}
	return b.String()
}

func bitsAt(bits []uint8, region int32) uint8 {
	if region < 0 || int(region) >= len(bits) {
		return 0
	}
	return bits[region]
}

// copyPainted copies s, setting the look again after each escape code; it
// returns Glamour's codes in force at the end (cur, updated).
func copyPainted(b *strings.Builder, s, cur, look string) string {
	for {
		i := strings.IndexByte(s, 0x1b)
		if i < 0 {
			b.WriteString(s)
			return cur
		}
		b.WriteString(s[:i])
		n, _ := typeset.EscapeAt(s[i:])
		seq := s[i : i+n]
		b.WriteString(seq)
		if seq == "\x1b[m" || seq == "\x1b[0m" {
			cur = ""
		} else {
			cur += seq
		}
		b.WriteString(look)
		s = s[i+n:]
	}
}
