package quote

import (
	"strings"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote/attribution"
)

// Limits that keep a stray mark from swallowing an article.
const (
	quoteMaxBytes      = 4000  // one paragraph's part of a quote
	quoteMaxTotal      = 12000 // a multi-paragraph quote, all parts
	quoteMaxParagraphs = 8     // paragraphs one quote may run over
	quoteMaxScan       = 400   // marks looked at when pairing one opener
)

// quoteHit is a quotation found by the scanner, before attribution.
type quoteHit struct {
	text        string
	start, end  int // span of the text
	open, close int // start of the opening mark, end of the closing mark
	first, last int // indexes of the first and last block it lies in
	// parts are the spans of a quote that runs over paragraphs, one in
	// each paragraph; nil for a quote within one.
	parts []quotePart
}

// quotePart is one paragraph's part of a quote over paragraphs.
type quotePart struct {
	start, end int    // its text
	block      int    // the block it lies in
	text       string // what a reader sees of it
}

// FindQuotes finds the quotations in an article's markdown, in order, and
// who said them. It never panics and does no IO; a speaker it cannot find
// is left "" rather than guessed.
//
// What counts as a quotation: text between “…”, "…", a pair of
// apostrophes on each side (as some papers type a double mark), „…“,
// „…”, «…» (with or without the French spaces inside), »…« (German and Danish), ‹…›,
// ›…‹, 「…」, 『…』, ‚…‘ and (British style) ‘…’ or '…' marks. Marks are
// paired, not read one at a time: quotes of another kind nested inside are
// part of the outer text, and so is a quote of the same kind when a second
// closing mark follows its own (“He said “no” to me,” she said); a closing
// mark typed as an opening one (“…“) closes; a straight mark after a
// digit is an inch mark (27" monitor) unless nothing else closes the quote
// it would close ("Fight for 15" rallies). Apostrophes (don’t, Koreas’,
// ’90s), code, URLs, link targets and HTML tags never open or close a
// quote, and text that is not the article (headings, image lines,
// link-only lines, short caption or button lines, the caption and credit
// under an image, "Read more:" lines, sign-up buttons, lists of other
// stories under a "Related" label) yields none. A quote in a blockquote
// that repeats a quote of the body (a pull quote) is counted once, where
// the body has it.
//
// A quote's Text is what a reader sees (quotes_visible.go: link targets,
// emphasis and code marks and backslash escapes removed), without the
// white space at its ends; Start and End delimit it in the markdown, for
// highlighting and deep links. A quote that runs over paragraphs, each
// opening with a mark and only the last closing, is attributed as one (its
// speaker is looked for around its first and last parts) and reported as
// one quote in each paragraph, all with that speaker: a paragraph is what
// the reader highlights, shares and jumps to.
func FindQuotes(markdown string) []model.Quote {
	if strings.TrimSpace(markdown) == "" {
		return nil
	}
	blocks := quoteSplitBlocks(markdown)
	hits := quoteDropPullQuotes(markdown, blocks, quotePairAll(markdown, blocks))
	hits = quoteDropTitles(markdown, blocks, hits)
	if len(hits) == 0 {
		return nil
	}
	speakers := attribution.Speakers(markdown, attributionBlocks(blocks), attributionQuotes(hits))
	quotes := make([]model.Quote, 0, len(hits))
	for i, h := range hits {
		if len(h.parts) == 0 {
			quotes = append(quotes, model.Quote{Text: h.text, Speaker: speakers[i],
				Paragraph: blocks[h.first].para, Start: h.start, End: h.end})
			continue
		}
		for _, part := range h.parts {
			quotes = append(quotes, model.Quote{Text: part.text,
				Speaker: speakers[i], Paragraph: blocks[part.block].para, Start: part.start, End: part.end})
		}
	}
	for i := range quotes {
		quotes[i].N = i + 1
	}
	return quotes
}

func attributionBlocks(blocks []quoteBlock) []attribution.Block {
	out := make([]attribution.Block, len(blocks))
	for i, b := range blocks {
		out[i] = attribution.Block{Start: b.start, End: b.end, Prose: b.prose}
	}
	return out
}

func attributionQuotes(hits []quoteHit) []attribution.Quote {
	out := make([]attribution.Quote, len(hits))
	for i, h := range hits {
		out[i] = attribution.Quote{Text: h.text, Open: h.open, Close: h.close, First: h.first, Last: h.last}
	}
	return out
}
