package ui

import (
	"hash/fnv"
	"sort"
	"strings"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
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
	markBase     = 240
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

// unitKind names what a reader unit is.
type unitKind uint8

const (
	unitNone unitKind = iota
	unitQuote
	unitSentence
	unitHighlight
)

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

// articleDoc is the text of the article in the reader: the markdown it
// renders and what is marked in it. It is built in a command and never
// changes; highlights made while reading fall on spans already marked.
type articleDoc struct {
	body      string
	quotes    []model.Quote
	sentences []model.Span
	quoteEv   []evPair
	labelEv   []evPair
	spanEv    map[model.Span]evPair
	nEvents   int
	source    string // the body with marks and speaker labels
	sig       uint64 // names source, for the render cache
}

// newArticleDoc marks the body's quotes, sentences and highlights.
func newArticleDoc(body string, quotes []model.Quote, sentences []model.Span, hls []model.Highlight) *articleDoc {
	d := &articleDoc{body: body, quotes: quotes, spanEv: map[model.Span]evPair{}}
	labels := quote.SpeakerLabels(body, quotes, sentences)
	if room := maxDocEvents/2 - 2*len(quotes) - len(hls); len(sentences) > room {
		sentences = sentences[:max(0, room)]
	}
	d.sentences = sentences
	db := &docBuilder{body: body, seen: map[model.Span]int32{}, closeBy: map[int32]int32{}}
	quoteIDs := make([]int32, len(quotes))
	for i, q := range quotes {
		quoteIDs[i] = db.span(model.Span{Start: q.Start, End: q.End}, true)
	}
	labelIDs := make([]int32, len(labels))
	labelled := make(map[int]bool, len(labels))
	for i, l := range labels {
		labelIDs[i] = db.label(l.Pos, l.Text)
		labelled[l.Pos] = true
	}
	// A sentence followed by another in its paragraph ends where the next
	// begins, one mark fewer for Glamour to carry, unless a label comes
	// between them.
	sentIDs := make([]int32, len(sentences))
	for i := len(sentences) - 1; i >= 0; i-- {
		s := sentences[i]
		joined := i+1 < len(sentences) && onlySpace(body[s.End:sentences[i+1].Start]) && !labelled[s.End]
		sentIDs[i] = db.span(s, !joined)
		if joined && !db.spanOwnsClose(sentIDs[i]) {
			db.closeBy[sentIDs[i]] = sentIDs[i+1]
		}
	}
	for _, h := range hls {
		if h.Start >= 0 && h.End <= len(body) && h.Start < h.End {
			db.span(model.Span{Start: h.Start, End: h.End}, true)
		}
	}
	var ev []evPair
	d.source, ev = db.write()
	d.nEvents = len(db.events)
	for s, id := range db.seen {
		d.spanEv[s] = ev[id]
	}
	d.quoteEv = pick(ev, quoteIDs)
	d.labelEv = pick(ev, labelIDs)
	h := fnv.New64a()
	h.Write([]byte(d.source))
	d.sig = h.Sum64()
	return d
}

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
	last := 0
	for k, e := range events {
		out.WriteString(b.body[last:e.pos])
		last = e.pos
		appendMark(&out, k)
		out.WriteString(e.label)
		if e.class == classOpen || e.class == classLabelOpen {
			ev[e.owner][0] = int32(k)
		} else {
			ev[e.owner][1] = int32(k)
		}
	}
	out.WriteString(b.body[last:])
	for id, next := range b.closeBy {
		ev[id][1] = ev[next][0]
	}
	return out.String(), ev
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

// spanText is the body's text of a span, on one line.
func (d *articleDoc) spanText(s model.Span) string {
	if s.Start < 0 || s.End > len(d.body) || s.Start >= s.End {
		return ""
	}
	return d.body[s.Start:s.End]
}

// unitSpan is the span of a quote or sentence.
func (d *articleDoc) unitSpan(kind unitKind, i int) model.Span {
	switch kind {
	case unitQuote:
		if i >= 0 && i < len(d.quotes) {
			return model.Span{Start: d.quotes[i].Start, End: d.quotes[i].End}
		}
	case unitSentence:
		if i >= 0 && i < len(d.sentences) {
			return d.sentences[i]
		}
	}
	return model.Span{Start: -1, End: -1}
}

// Bits of a region's look.
const (
	bitQuote uint8 = 1 << iota
	bitHighlight
	bitSpeaker
	bitFocus
)

// regionBits is the look of every region between two events: region k
// runs from event k to event k+1.
func (d *articleDoc) regionBits(hls []model.Highlight, focus model.Span) []uint8 {
	bits := make([]uint8, d.nEvents)
	set := func(p evPair, bit uint8) {
		for r := max(p[0], 0); r < p[1] && int(r) < len(bits); r++ {
			bits[r] |= bit
		}
	}
	for _, p := range d.quoteEv {
		set(p, bitQuote)
	}
	for _, p := range d.labelEv {
		set(p, bitSpeaker)
	}
	for _, h := range hls {
		if p, ok := d.spanEv[model.Span{Start: h.Start, End: h.End}]; ok {
			set(p, bitHighlight)
		}
	}
	if p, ok := d.spanEv[focus]; ok {
		set(p, bitFocus)
	}
	return bits
}
