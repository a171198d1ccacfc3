package ui

import (
	"fmt"

	"github.com/byline-reader/byline/model"
)

// focusRef is what has the focus in the reader: a quote or a sentence (by
// index into the doc), or a highlight (by index into the pane's hls).
type focusRef struct {
	kind unitKind
	i    int
}

// focusSpan is the body's span of the focus; -1s when nothing has it.
func (r *readerPane) focusSpan() model.Span {
	if r.focus.kind == unitHighlight {
		if r.focus.i >= 0 && r.focus.i < len(r.hls) {
			return model.Span{Start: r.hls[r.focus.i].Start, End: r.hls[r.focus.i].End}
		}
		return model.Span{Start: -1, End: -1}
	}
	if r.doc == nil {
		return model.Span{Start: -1, End: -1}
	}
	return r.doc.unitSpan(r.focus.kind, r.focus.i)
}

// restyle works out the look of every region again: after the article
// loads, and whenever the focus or the highlights change.
func (r *readerPane) restyle() {
	if r.doc == nil {
		r.bits = nil
		return
	}
	r.bits = r.doc.regionBits(r.hls, r.focusSpan())
}

// unitLine is the content line where a span starts (or ends), -1 when
// unknown.
func (r *readerPane) spanLine(s model.Span, end bool) int {
	if r.doc == nil || r.marks == nil {
		return -1
	}
	p, ok := r.doc.spanEv[s]
	if !ok {
		return -1
	}
	k := p[0]
	if end {
		k = p[1]
	}
	if k < 0 || int(k) >= len(r.marks.evLine) || r.marks.evLine[k] < 0 {
		return -1
	}
	return len(r.header) + int(r.marks.evLine[k])
}

// units are the spans n/N (quotes) or )/( (sentences) move through.
func (r *readerPane) units(kind unitKind) int {
	if r.doc == nil {
		return 0
	}
	if kind == unitQuote {
		return len(r.doc.quotes)
	}
	return len(r.doc.sentences)
}

// move puts the focus on the next (dir > 0) or previous quote or
// sentence: after or before the one in focus, else from the screen's top
// (or bottom), and scrolls to it. It says what it did.
func (r *readerPane) move(kind unitKind, dir, height int) (string, bool) {
	n := r.units(kind)
	name := map[unitKind]string{unitQuote: "quote", unitSentence: "sentence"}[kind]
	if n == 0 {
		return "no " + name + "s in this article", false
	}
	cur := r.focusSpan()
	found := -1
	for j := 0; j < n; j++ {
		i := j
		if dir < 0 {
			i = n - 1 - j
		}
		s := r.doc.unitSpan(kind, i)
		if r.isAhead(kind, i, s, cur, dir, height) {
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
	r.focus = focusRef{kind, found}
	r.restyle()
	r.reveal(height)
	return r.describeFocus(), true
}

// isAhead says whether unit i lies beyond the focus (or, with no focus,
// on or beyond the screen's edge) in direction dir.
func (r *readerPane) isAhead(kind unitKind, i int, s, cur model.Span, dir, height int) bool {
	if cur.Start >= 0 {
		if r.focus.kind == kind && r.focus.i == i {
			return false
		}
		if dir > 0 {
			return s.Start > cur.Start || s.Start == cur.Start && r.focus.kind != kind && kind == unitSentence
		}
		return s.Start < cur.Start
	}
	line := r.spanLine(s, false)
	if line < 0 {
		return true
	}
	if dir > 0 {
		return line >= r.offset
	}
	return line < r.offset+height
}

// reveal scrolls the focus into view when it is not: its first line two
// rows below the top.
func (r *readerPane) reveal(height int) {
	s := r.focusSpan()
	first, last := r.spanLine(s, false), r.spanLine(s, true)
	if first < 0 {
		return
	}
	last = max(last, first)
	if first >= r.offset && last < r.offset+height {
		return
	}
	r.offset = first - min(2, height/4)
	r.clamp(height)
}

// describeFocus says what has the focus, for the status line.
func (r *readerPane) describeFocus() string {
	var s string
	switch r.focus.kind {
	case unitQuote:
		q := r.doc.quotes[r.focus.i]
		who := model.SanitizeLine(q.Speaker)
		if who == "" {
			who = "speaker unknown"
		}
		s = fmt.Sprintf("quote %d/%d · %s", r.focus.i+1, len(r.doc.quotes), who)
	case unitSentence:
		s = fmt.Sprintf("sentence %d/%d", r.focus.i+1, len(r.doc.sentences))
	case unitHighlight:
		s = "highlight"
	default:
		return ""
	}
	if r.focus.kind != unitHighlight && r.highlightAt(r.focusSpan()) >= 0 {
		s += " · highlighted"
	}
	return s
}

// highlightAt is the index of the highlight on span s, or -1.
func (r *readerPane) highlightAt(s model.Span) int {
	for i, h := range r.hls {
		if h.Start == s.Start && h.End == s.End && s.Start >= 0 {
			return i
		}
	}
	return -1
}

// focusHighlight puts the focus on highlight id: on its quote or
// sentence when it covers one exactly, so n/N and ) go on from there.
func (r *readerPane) focusHighlight(id int64, height int) string {
	i := -1
	for j, h := range r.hls {
		if h.ID == id {
			i = j
		}
	}
	if i < 0 || r.hls[i].Start < 0 {
		return "this highlight's text is no longer in the article"
	}
	s := model.Span{Start: r.hls[i].Start, End: r.hls[i].End}
	r.focus = focusRef{unitHighlight, i}
	if r.doc != nil {
		for _, kind := range []unitKind{unitQuote, unitSentence} {
			for j := 0; j < r.units(kind); j++ {
				if r.doc.unitSpan(kind, j) == s {
					r.focus = focusRef{kind, j}
				}
			}
		}
	}
	r.restyle()
	r.reveal(height)
	return r.describeFocus()
}

// applyPending focuses the highlight the reader was opened for, once the
// article and its render are there.
func (r *readerPane) applyPending(height int) string {
	if r.pendingHL == 0 || r.doc == nil || r.lines == nil {
		return ""
	}
	id := r.pendingHL
	r.pendingHL = 0
	return r.focusHighlight(id, height)
}

// addHighlight shows a stored highlight.
func (r *readerPane) addHighlight(h model.Highlight) {
	if h.ArticleID != r.article.ID {
		return
	}
	for _, o := range r.hls {
		if o.ID == h.ID {
			return // highlighted before: the library gave the old one back
		}
	}
	r.hls = append(r.hls, h)
	r.restyle()
}

// dropHighlight stops showing a removed highlight.
func (r *readerPane) dropHighlight(id int64) {
	for i, h := range r.hls {
		if h.ID != id {
			continue
		}
		if r.focus.kind == unitHighlight {
			switch {
			case r.focus.i == i:
				r.focus = focusRef{}
			case r.focus.i > i:
				r.focus.i--
			}
		}
		r.hls = append(r.hls[:i:i], r.hls[i+1:]...)
		break
	}
	r.restyle()
}

// focusQuote is the focus as a quote to share: the quote itself, or a
// sentence or highlight as a quote without a speaker. nil: no focus.
func (r *readerPane) focusQuote() *model.Quote {
	s := r.focusSpan()
	if s.Start < 0 || r.doc == nil {
		return nil
	}
	if r.focus.kind == unitQuote {
		q := r.doc.quotes[r.focus.i]
		return &q
	}
	for _, q := range r.doc.quotes {
		if q.Start == s.Start && q.End == s.End {
			return &q
		}
	}
	return &model.Quote{Text: r.doc.spanText(s), Start: s.Start, End: s.End}
}
