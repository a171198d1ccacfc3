package model

import (
	"strings"
	"unicode"
)

// WordsPerMinute is the reading speed behind ReadingMinutes.
const WordsPerMinute = 230

// ReadingMinutes is how long text takes to read at WordsPerMinute,
// rounded, and at least one minute.
func ReadingMinutes(text string) int {
	n := (WordCount(text) + WordsPerMinute/2) / WordsPerMinute
	return max(n, 1)
}

// WordCount counts the words of text: runs of characters between spaces
// that hold at least one letter or digit (markdown marks are not words).
func WordCount(text string) int {
	n := 0
	for _, f := range strings.Fields(text) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// Reading is an article opened to be read: the one value that the app's
// reader and the command line both show, prepared once by library.
type Reading struct {
	Article Article
	// Body is the article's markdown as it is shown (Article.Body): every
	// span below is a byte range of it.
	Body          string
	Minutes       int         // reading time; 0 when there is no text
	Quotes        []Quote     // the quotations, numbered, with their speakers
	Sentences     []Span      // the sentences of the prose
	Highlights    []Highlight // a stored article's, anchored (Start = End = -1: the text is gone)
	HighlightsErr error       // why the highlights could not be loaded
}

// The reader marks places in a body with runes of the variation selectors
// supplement, which take no cell on screen; Article.Body removes the
// article's own (rare: ideographic variants) so that every such rune is
// the reader's.
const (
	MarkRuneFirst = '\U000E0100'
	MarkRuneLast  = '\U000E01EF'
)

// Body is the article's markdown as the reader and the command line show
// it: sanitised, trimmed, without the runes the reader marks with.
func (a Article) Body() string {
	body := Sanitize(strings.TrimSpace(a.Markdown))
	if !strings.Contains(body, "\xf3\xa0") { // the first bytes of every such rune
		return body
	}
	return strings.Map(func(r rune) rune {
		if r >= MarkRuneFirst && r <= MarkRuneLast {
			return -1
		}
		return r
	}, body)
}
