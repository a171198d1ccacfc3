package reader

import (
	"fmt"
	"strings"

	"github.com/byline-reader/byline/model"
)

// Kind is what a unit of the reader is: what the focus can be on.
type Kind uint8

// The kinds of unit.
const (
	Nothing   Kind = iota // no focus
	Quote                 // a quotation, by index into the doc's quotes
	Sentence              // a sentence of the prose, by index into the doc's sentences
	Highlight             // a highlight, by index into the view's highlights
)

// Focus is what has the focus in the reader: unit I of its kind.
type Focus struct {
	Kind Kind
	I    int
}

// Focus is what has the focus.
func (v *View) Focus() Focus { return v.focus }

// FocusSpan is the body's span of the focus; -1s when nothing has it.
func (v *View) FocusSpan() model.Span {
	if v.focus.Kind == Highlight {
		if v.focus.I >= 0 && v.focus.I < len(v.hls) {
			return model.Span{Start: v.hls[v.focus.I].Start, End: v.hls[v.focus.I].End}
		}
		return noSpan
	}
	if v.doc == nil {
		return noSpan
	}
	return v.doc.unitSpan(v.focus.Kind, v.focus.I)
}

// restyle works out the look of every region again: after the article
// loads, and whenever the focus or the highlights change.
func (v *View) restyle() {
	if v.doc == nil {
		v.bits = nil
		return
	}
	v.bits = v.doc.regionBits(v.hls, v.FocusSpan())
}

// spanLine is the content line where a span starts (or ends), -1 when
// unknown.
func (v *View) spanLine(s model.Span, end bool) int {
	if v.doc == nil || v.marks == nil {
		return -1
	}
	p, ok := v.doc.spanEv[s]
	if !ok {
		return -1
	}
	k := p[0]
	if end {
		k = p[1]
	}
	if k < 0 || int(k) >= len(v.marks.evLine) || v.marks.evLine[k] < 0 {
		return -1
	}
	return len(v.header) + int(v.marks.evLine[k])
}

// units is how many quotes or sentences there are to move through.
func (v *View) units(kind Kind) int {
	if v.doc == nil {
		return 0
	}
	return v.doc.units(kind)
}

// Move puts the focus on the next (dir > 0) or previous quote or
// sentence, from where the reader is: after or before the one in focus
// while any of it is on the screen; else, the reader having scrolled away
// from it (or with none), the first that starts at or below the screen's
// top line, or the last that starts above its bottom line, so that both
// find what is on the screen first. It scrolls to it, and says what it
// did and whether it moved.
func (v *View) Move(kind Kind, dir, height int) (string, bool) {
	n := v.units(kind)
	name := map[Kind]string{Quote: "quote", Sentence: "sentence"}[kind]
	if n == 0 {
		return "no " + name + "s in this article", false
	}
	cur := v.FocusSpan()
	if !v.focusOnScreen(cur, height) {
		cur = noSpan // move from the screen's edge
	}
	found := -1
	for j := 0; j < n; j++ {
		i := j
		if dir < 0 {
			i = n - 1 - j
		}
		s := v.doc.unitSpan(kind, i)
		if v.isAhead(kind, i, s, cur, dir, height) {
			found = i
			break
		}
	}
	if found < 0 {
		if dir > 0 {
			return "no more " + name + "s below", false
		}
		return "no more " + name + "s above", false
	}
	v.focus = Focus{kind, found}
	v.restyle()
	v.reveal(height)
	return v.Describe(), true
}

// isAhead says whether unit i lies beyond the focus, cur (or, with none,
// on or beyond the screen's edge) in direction dir.
func (v *View) isAhead(kind Kind, i int, s, cur model.Span, dir, height int) bool {
	if cur.Start >= 0 {
		if v.focus.Kind == kind && v.focus.I == i {
			return false
		}
		if dir > 0 {
			return s.Start > cur.Start || s.Start == cur.Start && v.focus.Kind != kind && kind == Sentence
		}
		return s.Start < cur.Start
	}
	line := v.spanLine(s, false)
	if line < 0 {
		return true
	}
	if dir > 0 {
		return line >= v.offset
	}
	return line < v.offset+height
}

// focusOnScreen says whether any line of the focus, span s, is on the
// screen; a focus whose lines are not known (no render yet) counts as on
// it.
func (v *View) focusOnScreen(s model.Span, height int) bool {
	if s.Start < 0 {
		return false
	}
	first, last := v.spanLine(s, false), v.spanLine(s, true)
	if first < 0 {
		return true
	}
	return first < v.offset+height && max(first, last) >= v.offset
}

// reveal scrolls the focus into view when it is not: its first line two
// rows below the top.
func (v *View) reveal(height int) {
	s := v.FocusSpan()
	first, last := v.spanLine(s, false), v.spanLine(s, true)
	if first < 0 {
		return
	}
	last = max(last, first)
	if first >= v.offset && last < v.offset+height {
		return
	}
	v.offset = first - min(2, height/4)
	v.Clamp(height)
}

// FocusOn puts the focus on quote or sentence i and scrolls to it.
func (v *View) FocusOn(kind Kind, i, height int) {
	v.focus = Focus{kind, i}
	v.restyle()
	v.reveal(height)
}

// Describe says what has the focus, for the status line.
func (v *View) Describe() string {
	var s string
	switch v.focus.Kind {
	case Quote:
		q := v.doc.quotes[v.focus.I]
		who := q.Speaker
		if strings.TrimSpace(who) == "" {
			who = "speaker unknown"
		}
		s = fmt.Sprintf("quote %d/%d · %s", v.focus.I+1, len(v.doc.quotes), who)
	case Sentence:
		s = fmt.Sprintf("sentence %d/%d", v.focus.I+1, len(v.doc.sentences))
	case Highlight:
		s = "highlight"
	default:
		return ""
	}
	if v.focus.Kind != Highlight && v.HighlightAt(v.FocusSpan()) >= 0 {
		s += " · highlighted"
	}
	return s
}
