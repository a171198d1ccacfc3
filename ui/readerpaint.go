package ui

import (
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// bodyMarks is where the marks fell in a render: for each line, the region
// in force at its start and the bytes where later regions begin, and for
// each event the line it fell on.
type bodyMarks struct {
	start  []int32     // per line: the region at its start, -1 for none
	cuts   [][]markCut // per line: where regions begin, in order
	evLine []int32     // per event: its line, -1 when the render dropped it
}

type markCut struct{ pos, region int32 }

// renderMarked renders a marked source with Glamour and takes the marks
// out of the result, noting where they were.
func renderMarked(source string, width int, dark bool, nEvents int) ([]string, *bodyMarks, error) {
	raw, err := glamourRaw(source, width, dark)
	if err != nil {
		return nil, nil, err
	}
	m := &bodyMarks{
		start: make([]int32, len(raw)), cuts: make([][]markCut, len(raw)),
		evLine: make([]int32, nEvents),
	}
	for i := range m.evLine {
		m.evLine[i] = -1
	}
	region := int32(-1)
	for i, l := range raw {
		m.start[i] = region
		l, cuts := takeMarks(l)
		if ansi.StringWidth(l) > width {
			l = ansi.Truncate(l, width, "")
			for j := range cuts {
				cuts[j].pos = min(cuts[j].pos, int32(len(l)))
			}
		}
		for _, c := range cuts {
			if c.region >= 0 && int(c.region) < nEvents {
				if m.evLine[c.region] < 0 {
					m.evLine[c.region] = int32(i)
				}
				region = c.region
			}
		}
		m.cuts[i] = cuts
		raw[i] = l
	}
	return raw, m, nil
}

// takeMarks cleans a rendered line (marks are not control characters and
// survive), then takes the marks out, noting where each was. The no-break
// spaces that hold a speaker label together are drawn, and copied from the
// screen, as spaces.
func takeMarks(l string) (string, []markCut) {
	l = cleanRendered(l)
	if !strings.Contains(l, markPrefix) {
		return l, nil
	}
	var b strings.Builder
	b.Grow(len(l))
	var cuts []markCut
	for {
		i := nextMark(l)
		if i < 0 {
			b.WriteString(l)
			break
		}
		b.WriteString(l[:i])
		hi, n := utf8.DecodeRuneInString(l[i:])
		l = l[i+n:]
		lo, n := utf8.DecodeRuneInString(l)
		if !isMarkRune(lo) {
			continue // half a mark: dropped
		}
		l = l[n:]
		cuts = append(cuts, markCut{pos: int32(b.Len()), region: (hi-markDigit0)*markBase + (lo - markDigit0)})
	}
	out := b.String()
	if !strings.Contains(out, "\u00a0") {
		return out, cuts
	}
	// Each no-break space (2 bytes) becomes a space (1): move the cuts.
	var nb strings.Builder
	nb.Grow(len(out))
	ci := 0
	for i := 0; i < len(out); {
		for ci < len(cuts) && int(cuts[ci].pos) <= i {
			cuts[ci].pos = int32(nb.Len())
			ci++
		}
		if strings.HasPrefix(out[i:], "\u00a0") {
			nb.WriteByte(' ')
			i += len("\u00a0")
			continue
		}
		nb.WriteByte(out[i])
		i++
	}
	for ; ci < len(cuts); ci++ {
		cuts[ci].pos = int32(nb.Len())
	}
	return nb.String(), cuts
}

// nextMark is the byte where the next mark rune starts in l, or -1.
func nextMark(l string) int {
	for from := 0; ; {
		i := strings.Index(l[from:], markPrefix)
		if i < 0 {
			return -1
		}
		i += from
		if r, _ := utf8.DecodeRuneInString(l[i:]); isMarkRune(r) {
			return i
		}
		from = i + 1
	}
}

// textBounds finds the line's text: from its first visible character that
// is not a space or a blockquote bar to the end of its last non-space one.
func textBounds(l string) (lo, hi int32) {
	lo = -1
	for i := 0; i < len(l); {
		if l[i] == 0x1b {
			n, _ := escapeAt(l[i:])
			i += n
			continue
		}
		r, n := utf8.DecodeRuneInString(l[i:])
		if r != ' ' && r != '\u00a0' {
			if lo < 0 && r != '│' {
				lo = int32(i)
			}
			if lo >= 0 {
				hi = int32(i + n)
			}
		}
		i += n
	}
	if lo < 0 {
		return 0, 0
	}
	return lo, hi
}

// spanPaints are the looks of quotes, highlights, speakers and the focus,
// as escape codes, for every combination of region bits.
type spanPaints struct{ pre [16]string }

func newSpanPaints(quote, highlight, speaker, focus lipgloss.Style) spanPaints {
	var p spanPaints
	parts := []string{newPaint(quote).pre, newPaint(highlight).pre, newPaint(speaker).pre, newPaint(focus).pre}
	for bits := 1; bits < 16; bits++ {
		for i, part := range parts {
			if bits&(1<<i) != 0 {
				p.pre[bits] += part
			}
		}
	}
	return p
}

// paint draws body line i in the looks of its regions. Glamour's own
// colours are kept outside them and its attributes inside them; the look
// is set again after each of Glamour's codes, so it holds across words.
func (m *bodyMarks) paint(i int, l string, bits []uint8, p *spanPaints) string {
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
	cur, look, ci := "", uint8(0), 0
	for pos := 0; pos < len(l); {
		for ci < len(cuts) && int(cuts[ci].pos) <= pos {
			region = cuts[ci].region
			ci++
		}
		want := uint8(0)
		if pos >= lo && pos < hi {
			want = bitsAt(bits, region)
		}
		if want != look {
			if look != 0 {
				b.WriteString("\x1b[m" + cur)
			}
			b.WriteString(p.pre[want&15])
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
		cur = copyPainted(&b, l[pos:next], cur, p.pre[look&15])
		pos = next
	}
	if look != 0 {
		b.WriteString("\x1b[m" + cur)
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
		n, _ := escapeAt(s[i:])
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
