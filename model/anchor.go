package model

import (
	"strings"
)

// AnchorHighlight finds h's text in markdown: at its old position when the
// text is still there, else at the occurrence nearest to it. It reports
// false when the text no longer occurs at all.
func AnchorHighlight(markdown string, h Highlight) (start, end int, ok bool) {
	if h.Text == "" {
		return 0, 0, false
	}
	if h.Start >= 0 && h.End <= len(markdown) && h.Start <= h.End && markdown[h.Start:h.End] == h.Text {
		return h.Start, h.End, true
	}
	best, bestDist := -1, -1
	for from := 0; from <= len(markdown); {
		i := strings.Index(markdown[from:], h.Text)
		if i < 0 {
			break
		}
		pos := from + i
		dist := distance(pos, h.Start)
		if best < 0 || dist < bestDist {
			best, bestDist = pos, dist
		}
		from = pos + 1
	}
	if best < 0 {
		return 0, 0, false
	}
	return best, best + len(h.Text), true
}

// AnchorHighlightIn finds h in markdown as AnchorHighlight does and, when
// its text is not there as it stands (a highlight kept from a quote that
// spans paragraphs, or whose markdown has links or emphasis: a quote's
// Text is what a reader sees), among quotes, markdown's quotes
// (FindQuotes(markdown)): the quote with h's text nearest its old
// position, or the run of parts of a quote over paragraphs whose texts,
// joined by blank lines, are h's (as a highlight kept by an earlier byline,
// which reported such a quote as one, holds them). It reports false when h
// is found in neither.
func AnchorHighlightIn(markdown string, h Highlight, quotes []Quote) (start, end int, ok bool) {
	if s, e, ok := AnchorHighlight(markdown, h); ok {
		return s, e, ok
	}
	best, last, bestDist := -1, -1, 0
	for i, q := range quotes {
		j, ok := quoteRun(quotes, i, h.Text)
		if d := distance(q.Start, h.Start); ok && (best < 0 || d < bestDist) {
			best, last, bestDist = i, j, d
		}
	}
	if best < 0 {
		return 0, 0, false
	}
	return quotes[best].Start, quotes[last].End, true
}

// quoteRun reports whether text is the text of quotes[i], or of the run of
// quotes from i to the returned index joined by blank lines: the parts of
// a quote over paragraphs, which a highlight kept by an earlier byline
// holds as one.
func quoteRun(quotes []Quote, i int, text string) (int, bool) {
	rest, ok := strings.CutPrefix(text, quotes[i].Text)
	for j := i; ok; {
		if rest == "" {
			return j, true
		}
		if j++; j == len(quotes) {
			return 0, false
		}
		rest, ok = strings.CutPrefix(rest, "\n\n"+quotes[j].Text)
	}
	return 0, false
}

// distance is how far apart two byte offsets are.
func distance(a, b int) int {
	if a < b {
		return b - a
	}
	return a - b
}

// AnchorHighlights is hls anchored in markdown, whose quotes are quotes
// (AnchorHighlightIn); one whose text is gone has Start = End = -1. It is
// nil for no highlights.
func AnchorHighlights(markdown string, hls []Highlight, quotes []Quote) []Highlight {
	if len(hls) == 0 {
		return nil
	}
	out := make([]Highlight, len(hls))
	for i, h := range hls {
		h.Start, h.End = -1, -1
		if s, e, ok := AnchorHighlightIn(markdown, h, quotes); ok {
			h.Start, h.End = s, e
		}
		out[i] = h
	}
	return out
}
