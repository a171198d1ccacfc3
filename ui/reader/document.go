package reader

import (
	"hash/fnv"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/markdown"
	"github.com/byline-reader/byline/model/quote"
)

// Doc is the text of an article in the reader: the markdown it renders
// and what is marked in it. It is built once per article, off the event
// loop, and never changes; highlights made while reading fall on spans
// already marked.
type Doc struct {
	body      string
	quotes    []model.Quote
	sentences []model.Span
	quoteEv   []evPair
	labelEv   []evPair
	spanEv    map[model.Span]evPair
	links     docLinks
	nEvents   int
	source    string     // the body with marks and speaker labels
	sig       uint64     // names source, for the render cache
	images    []docImage // the pictures with a box (images.go)
	imagesOff bool       // boxes are one line, the alt text
}

// NewDoc marks the body's quotes, sentences, highlights and links, and
// the speaker labels that follow the sentences of quotes whose speaker
// they do not name; each link's URL leaves the text for its number (see
// Links; WithBase resolves relative links). body is the article's markdown as it is shown
// (model.Reading.Body, sanitised); every span is a byte range of it.
func NewDoc(body string, quotes []model.Quote, sentences []model.Span, hls []model.Highlight) *Doc {
	d := &Doc{body: body, quotes: quotes, spanEv: map[model.Span]evPair{}}
	labels := quote.SpeakerLabels(body, quotes, sentences)
	refs, images := markdown.Refs(body)
	if room := maxDocEvents/2 - 2*len(quotes) - len(hls) - 2*min(len(refs), maxLinks); len(sentences) > room {
		sentences = sentences[:max(0, room)]
	}
	d.sentences = sentences
	tokenized, boxed := tokenizeImages(body, images)
	d.images = boxed
	db := &docBuilder{body: tokenized, seen: map[model.Span]int32{}, closeBy: map[int32]int32{}}
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
	var linkIDs, numIDs []int32
	d.links.refs, linkIDs, numIDs = markLinks(db, refs, images)
	var ev []evPair
	moveEventsOutOfImages(db.events, d.images)
	d.source, ev = db.write()
	d.nEvents = len(db.events)
	for s, id := range db.seen {
		d.spanEv[s] = ev[id]
	}
	d.quoteEv = pick(ev, quoteIDs)
	d.labelEv = pick(ev, labelIDs)
	d.links.textEv, d.links.numEv = pick(ev, linkIDs), pick(ev, numIDs)
	d.links.resolve("")
	h := fnv.New64a()
	h.Write([]byte(d.source))
	d.sig = h.Sum64()
	return d
}

// Quotes are the article's quotations, in order; none for a nil Doc.
func (d *Doc) Quotes() []model.Quote {
	if d == nil {
		return nil
	}
	return d.quotes
}

// Signature names what is marked in the doc, for the render cache: two
// docs with the same signature render the same. A nil Doc's is 0.
func (d *Doc) Signature() uint64 {
	if d == nil {
		return 0
	}
	return d.sig
}

// SpanText is the body's text of a span; "" for a span not in it.
func (d *Doc) SpanText(s model.Span) string {
	if s.Start < 0 || s.End > len(d.body) || s.Start >= s.End {
		return ""
	}
	return d.body[s.Start:s.End]
}

// unitSpan is the span of a quote or sentence.
func (d *Doc) unitSpan(kind Kind, i int) model.Span {
	switch kind {
	case Quote:
		if i >= 0 && i < len(d.quotes) {
			return model.Span{Start: d.quotes[i].Start, End: d.quotes[i].End}
		}
	case Sentence:
		if i >= 0 && i < len(d.sentences) {
			return d.sentences[i]
		}
	}
	return noSpan
}

// units is how many quotes or sentences the doc has.
func (d *Doc) units(kind Kind) int {
	if kind == Quote {
		return len(d.quotes)
	}
	return len(d.sentences)
}

// noSpan is the span of nothing.
var noSpan = model.Span{Start: -1, End: -1}

// Bits of a region's look.
const (
	bitQuote uint8 = 1 << iota
	bitHighlight
	bitSpeaker
	bitFocus
	bitLink    // a link's text
	bitLinkNum // its number
)

// regionBits is the look of every region between two events: region k
// runs from event k to event k+1.
func (d *Doc) regionBits(hls []model.Highlight, focus model.Span) []uint8 {
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
	for i := range d.links.textEv {
		set(d.links.textEv[i], bitLink)
		set(d.links.numEv[i], bitLinkNum)
	}
	if p, ok := d.spanEv[focus]; ok {
		set(p, bitFocus)
	}
	return bits
}
