package reader

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/reader/typeset"
)

// Rendered is an article's body laid out by Glamour at one width and
// theme: its lines, cleaned and cut to the width, and where the doc's
// marks fell in them. It never changes once made, so renders are shared
// by the Cache and every View.
type Rendered struct {
	Lines []string
	marks *bodyMarks // nil for a render without marks
	boxes []Box      // where the pictures stand (images.go)
	boxOf []int32    // per line: its box in boxes, -1 for none; nil without boxes
}

// Render lays out doc's marked markdown with Glamour, wrapped to width in
// the dark or light style, and takes the marks out of the result, noting
// where they fell. It is slow (Glamour): call it off the event loop.
func Render(doc *Doc, width int, dark bool) (*Rendered, error) {
	raw, err := typeset.Lines(doc.source, width, dark)
	if err != nil {
		return nil, err
	}
	raw, boxes := doc.expandBoxes(raw, width)
	lines, marks := readMarks(raw, width, doc.nEvents)
	r := &Rendered{Lines: lines, marks: marks}
	r.setBoxes(boxes)
	return r, nil
}

// RenderPlain lays out markdown without a doc: nothing is marked, so
// nothing is painted over it.
func RenderPlain(markdown string, width int, dark bool) (*Rendered, error) {
	lines, err := glamourLines(markdown, width, dark)
	if err != nil {
		return nil, err
	}
	return &Rendered{Lines: lines}, nil
}

func glamourLines(body string, width int, dark bool) ([]string, error) {
	lines, err := typeset.Lines(body, width, dark)
	if err != nil {
		return nil, err
	}
	for i, l := range lines {
		l = cleanRendered(l)
		if ansi.StringWidth(l) > width {
			l = ansi.Truncate(l, width, "")
		}
		lines[i] = l
	}
	return lines, nil
}

// bodyMarks is where the marks fell in a render: for each line, the region
// in force at its start and the bytes where later regions begin, and for
// each event the line it fell on.
type bodyMarks struct {
	start  []int32     // per line: the region at its start, -1 for none
	cuts   [][]markCut // per line: where regions begin, in order
	evLine []int32     // per event: its line, -1 when the render dropped it
}

type markCut struct{ pos, region int32 }

// readMarks takes the marks out of Glamour's lines, noting where they
// were.
func readMarks(raw []string, width, nEvents int) ([]string, *bodyMarks) {
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
	return raw, m
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

// cleanRendered keeps only the colour and style sequences (SGR) of
// Glamour's output and sanitises the text between them: Glamour decodes
// entities such as &#27; into real control characters. It is the filter
// at the edge where the body goes to the terminal.
func cleanRendered(s string) string {
	if !strings.ContainsAny(s, "\x1b\u009b\u009d") && model.Sanitize(s) == s {
		return s
	}
	var b strings.Builder
	text := 0 // start of the pending text run
	flush := func(end int) { b.WriteString(model.Sanitize(s[text:end])) }
	for i := 0; i < len(s); {
		if s[i] != 0x1b {
			i++
			continue
		}
		flush(i)
		n, keep := typeset.EscapeAt(s[i:])
		if keep {
			b.WriteString(s[i : i+n])
		}
		i += n
		text = i
	}
	flush(len(s))
	return b.String()
}
