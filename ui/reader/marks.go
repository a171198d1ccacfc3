package reader

import (
	"sort"
	"strings"

	"github.com/byline-reader/byline/model"
)

// The reader marks where quotes, sentences and highlights begin and end
// in the markdown it gives Glamour, so that the render says on which line
// and at which byte each falls, whatever the wrapping. A mark is two
// variation selectors (U+E0100 + digit, base 240) that number the event:
// they take no cell, do not change where Glamour wraps, and pass through
// it untouched. They are taken out of the render before it is drawn; the
// article's own (rare: ideographic variants) are removed first, by
// model.Article.Body.
const (
	markDigit0   = model.MarkRuneFirst
	markBase     = 240 // model.MarkRuneLast - model.MarkRuneFirst + 1
	maxDocEvents = markBase * markBase
	// markPrefix starts the UTF-8 of every mark rune.
	markPrefix = "\xf3\xa0"
)

// appendMark writes event k's mark.
func appendMark(b *strings.Builder, k int) {
	b.WriteRune(markDigit0 + rune(k/markBase))
	b.WriteRune(markDigit0 + rune(k%markBase))
}

// isMarkRune reports a rune marks are made of.
func isMarkRune(r rune) bool { return r >= markDigit0 && r < markDigit0+markBase }

// evPair is the events that open and close a span in the render.
type evPair [2]int32

// docEvent is one mark: where it goes in the markdown and what it is.
type docEvent struct {
	pos   int    // byte in the body where the mark goes
	class int8   // at one position: closes, then labels, then opens
	owner int32  // the span it opens or closes
	label string // a speaker label, written after a label's opening mark
}

const (
	classClose int8 = iota
	classLabelOpen
	classLabelClose
	classOpen
)

// onlySpace reports a gap of spaces with at most one line break: the
// space between two sentences of a paragraph.
func onlySpace(s string) bool {
	return strings.TrimSpace(s) == "" && strings.Count(s, "\n") <= 1
}

// docBuilder collects the spans to mark and writes the marked source.
type docBuilder struct {
	body    string
	spans   []model.Span
	events  []docEvent
	seen    map[model.Span]int32
	hasEnd  []bool          // the span has a closing event of its own
	closeBy map[int32]int32 // a span that ends where another opens
	edits   []edit          // source rewritten: a link's syntax, in order
}

// edit replaces the body's bytes [start, end) with text in the marked
// source. Marks that fall inside an edit move to its end; every span keeps
// its byte offsets of the body.
type edit struct {
	start, end int
	text       string
}

// span adds s (once), with its own closing mark when withClose is set.
func (b *docBuilder) span(s model.Span, withClose bool) int32 {
	if id, ok := b.seen[s]; ok {
		if withClose && !b.hasEnd[id] {
			b.events = append(b.events, docEvent{pos: closeAt(b.body, s), class: classClose, owner: id})
			b.hasEnd[id] = true
			delete(b.closeBy, id)
		}
		return id
	}
	id := int32(len(b.spans))
	b.spans = append(b.spans, s)
	b.hasEnd = append(b.hasEnd, withClose)
	b.seen[s] = id
	b.events = append(b.events, docEvent{pos: openAt(b.body, s), class: classOpen, owner: id})
	if withClose {
		b.events = append(b.events, docEvent{pos: closeAt(b.body, s), class: classClose, owner: id})
	}
	return id
}

func (b *docBuilder) spanOwnsClose(id int32) bool { return b.hasEnd[id] }

// label adds a speaker label at pos.
func (b *docBuilder) label(pos int, text string) int32 {
	id := int32(len(b.spans))
	b.spans = append(b.spans, model.Span{Start: -1, End: -1})
	b.hasEnd = append(b.hasEnd, true)
	b.events = append(b.events,
		docEvent{pos: pos, class: classLabelOpen, owner: id, label: text},
		docEvent{pos: pos, class: classLabelClose, owner: id})
	return id
}

// write puts the marks (and labels) in the body, in order, and says which
// events open and close each span.
func (b *docBuilder) write() (string, []evPair) {
	b.moveOutOfEdits()
	events := b.events
	sort.SliceStable(events, func(i, j int) bool {
		if events[i].pos != events[j].pos {
			return events[i].pos < events[j].pos
		}
		return events[i].class < events[j].class
	})
	ev := make([]evPair, len(b.spans))
	var out strings.Builder
	out.Grow(len(b.body) + len(events)*12)
	last, ei := 0, 0
	for k, e := range events {
		ei = b.copyBody(&out, last, e.pos, ei)
		last = e.pos
		appendMark(&out, k)
		out.WriteString(e.label)
		if e.class == classOpen || e.class == classLabelOpen {
			ev[e.owner][0] = int32(k)
		} else {
			ev[e.owner][1] = int32(k)
		}
	}
	b.copyBody(&out, last, len(b.body), ei)
	for id, next := range b.closeBy {
		ev[id][1] = ev[next][0]
	}
	return out.String(), ev
}

// moveOutOfEdits moves each event that falls inside an edit to the
// edit's end.
func (b *docBuilder) moveOutOfEdits() {
	if len(b.edits) == 0 {
		return
	}
	for k := range b.events {
		e := &b.events[k]
		// The first edit that ends after the event.
		i := sort.Search(len(b.edits), func(i int) bool { return b.edits[i].end > e.pos })
		if i < len(b.edits) && b.edits[i].start < e.pos {
			e.pos = b.edits[i].end
		}
	}
}

// copyBody writes body[from:to] with the edits that lie in it (from edit
// ei on), and returns the first edit not yet written.
func (b *docBuilder) copyBody(out *strings.Builder, from, to, ei int) int {
	for ei < len(b.edits) && b.edits[ei].end <= to && b.edits[ei].start >= from {
		e := b.edits[ei]
		out.WriteString(b.body[from:e.start])
		out.WriteString(e.text)
		from = e.end
		ei++
	}
	out.WriteString(b.body[from:to])
	return ei
}

func pick(ev []evPair, ids []int32) []evPair {
	out := make([]evPair, len(ids))
	for i, id := range ids {
		if id < 0 {
			out[i] = evPair{-1, -1}
			continue
		}
		out[i] = ev[id]
	}
	return out
}

// openAt is where a span's opening mark goes: at its first byte, but after
// emphasis marks, which must touch the text they open.
func openAt(body string, s model.Span) int {
	p := s.Start
	for p < s.End && strings.IndexByte("*_~", body[p]) >= 0 {
		p++
	}
	return p
}

// closeAt is where a span's closing mark goes: before the emphasis marks
// that end it.
func closeAt(body string, s model.Span) int {
	p := s.End
	for p > s.Start && strings.IndexByte("*_~", body[p-1]) >= 0 {
		p--
	}
	return p
}
