package ui

import (
	"hash/fnv"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/byline-reader/byline/model"
)

// The reader marks where quotes, sentences and highlights begin and end
// in the markdown it gives Glamour, so that the render says on which line
// and at which byte each falls, whatever the wrapping. A mark is three
// runes that take no cell and that Glamour passes through untouched:
// U+E0001 (LANGUAGE TAG), then two variation selectors (U+E0100 +
// digit, base 240) that number the event. They are removed from the
// render before it is drawn; U+E0001 is removed from articles first.
const (
	markLead     = '\U000E0001'
	markDigit0   = '\U000E0100'
	markBase     = 240
	maxDocEvents = markBase * markBase
)

// appendMark writes event k's mark.
func appendMark(b *strings.Builder, k int) {
	b.WriteRune(markLead)
	b.WriteRune(markDigit0 + rune(k/markBase))
	b.WriteRune(markDigit0 + rune(k%markBase))
}

// stripMarkLeads removes the runes that would read as marks.
func stripMarkLeads(s string) string {
	if !strings.ContainsRune(s, markLead) {
		return s
	}
	return strings.ReplaceAll(s, string(markLead), "")
}

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
	sentences []textSpan
	quoteEv   []evPair
	sentEv    []evPair
	labelEv   []evPair
	spanEv    map[textSpan]evPair
	nEvents   int
	source    string // the body with marks and speaker labels
	sig       uint64 // names source, for the render cache
}

// newArticleDoc marks the body's quotes, sentences and highlights.
func newArticleDoc(body string, quotes []model.Quote, sentences []textSpan, hls []model.Highlight) *articleDoc {
	d := &articleDoc{body: body, quotes: quotes, spanEv: map[textSpan]evPair{}}
	if room := maxDocEvents/2 - 2*len(quotes) - len(hls); len(sentences) > room {
		sentences = sentences[:max(0, room)]
	}
	d.sentences = sentences
	var spans []textSpan
	var events []docEvent
	addSpan := func(s textSpan) int32 {
		id := int32(len(spans))
		spans = append(spans, s)
		events = append(events,
			docEvent{pos: openAt(body, s), class: classOpen, owner: id},
			docEvent{pos: closeAt(body, s), class: classClose, owner: id})
		return id
	}
	seen := map[textSpan]int32{}
	span := func(s textSpan) int32 {
		if id, ok := seen[s]; ok {
			return id
		}
		id := addSpan(s)
		seen[s] = id
		return id
	}
	quoteIDs := make([]int32, len(quotes))
	labelIDs := make([]int32, len(quotes))
	for i, q := range quotes {
		quoteIDs[i] = span(textSpan{q.Start, q.End})
		labelIDs[i] = -1
		if name := model.SanitizeLine(q.Speaker); name != "" {
			id := int32(len(spans))
			spans = append(spans, textSpan{-1, -1})
			p := labelAt(body, q.End)
			events = append(events,
				docEvent{pos: p, class: classLabelOpen, owner: id, label: speakerLabel(name)},
				docEvent{pos: p, class: classLabelClose, owner: id})
			labelIDs[i] = id
		}
	}
	sentIDs := make([]int32, len(sentences))
	for i, s := range sentences {
		sentIDs[i] = span(s)
	}
	for _, h := range hls {
		if h.Start >= 0 && h.End <= len(body) && h.Start < h.End {
			span(textSpan{h.Start, h.End})
		}
	}
	sort.SliceStable(events, func(i, j int) bool {
		if events[i].pos != events[j].pos {
			return events[i].pos < events[j].pos
		}
		return events[i].class < events[j].class
	})
	ev := make([]evPair, len(spans))
	var b strings.Builder
	b.Grow(len(body) + len(events)*12)
	last := 0
	for k, e := range events {
		b.WriteString(body[last:e.pos])
		last = e.pos
		appendMark(&b, k)
		b.WriteString(e.label)
		if e.class == classOpen || e.class == classLabelOpen {
			ev[e.owner][0] = int32(k)
		} else {
			ev[e.owner][1] = int32(k)
		}
	}
	b.WriteString(body[last:])
	d.source, d.nEvents = b.String(), len(events)
	for s, id := range seen {
		d.spanEv[s] = ev[id]
	}
	d.quoteEv = pick(ev, quoteIDs)
	d.sentEv = pick(ev, sentIDs)
	d.labelEv = pick(ev, labelIDs)
	h := fnv.New64a()
	h.Write([]byte(d.source))
	d.sig = h.Sum64()
	return d
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
func openAt(body string, s textSpan) int {
	p := s.start
	for p < s.end && strings.IndexByte("*_~", body[p]) >= 0 {
		p++
	}
	return p
}

// closeAt is where a span's closing mark goes: before the emphasis marks
// that end it.
func closeAt(body string, s textSpan) int {
	p := s.end
	for p > s.start && strings.IndexByte("*_~", body[p-1]) >= 0 {
		p--
	}
	return p
}

// labelAt is where a quote's speaker label goes: after its closing mark
// and any emphasis that closes with it.
func labelAt(body string, end int) int {
	p := min(max(end, 0), len(body))
	if r, n := utf8.DecodeRuneInString(body[p:]); n > 0 && strings.ContainsRune("”\"’'»«“„‘‹›", r) {
		p += n
	}
	for p < len(body) && strings.IndexByte("*_~", body[p]) >= 0 {
		p++
	}
	return p
}

// speakerLabel is the text drawn after a quote: " — Name", the name held
// together by no-break spaces and escaped so it stays text.
func speakerLabel(name string) string {
	esc := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
		"`", "\\`", "#", `\#`, "|", `\|`, "~", `\~`, " ", "\u00a0")
	return " —\u00a0" + esc.Replace(name)
}

// spanText is the body's text of a span, on one line.
func (d *articleDoc) spanText(s textSpan) string {
	if s.start < 0 || s.end > len(d.body) || s.start >= s.end {
		return ""
	}
	return d.body[s.start:s.end]
}

// unitSpan is the span of a quote or sentence.
func (d *articleDoc) unitSpan(kind unitKind, i int) textSpan {
	switch kind {
	case unitQuote:
		if i >= 0 && i < len(d.quotes) {
			return textSpan{d.quotes[i].Start, d.quotes[i].End}
		}
	case unitSentence:
		if i >= 0 && i < len(d.sentences) {
			return d.sentences[i]
		}
	}
	return textSpan{-1, -1}
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
func (d *articleDoc) regionBits(hls []model.Highlight, focus textSpan) []uint8 {
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
		if p, ok := d.spanEv[textSpan{h.Start, h.End}]; ok {
			set(p, bitHighlight)
		}
	}
	if p, ok := d.spanEv[focus]; ok {
		set(p, bitFocus)
	}
	return bits
}
