// Package searchtext holds the text rules of the store's searching, as
// pure string functions: the plain text the full-text index keeps of an
// article (IndexText), what a user typed as an FTS5 query that cannot fail
// to parse (FTSQuery), and a title folded for the `/` filter (Fold). The
// filter language's content conditions read the same IndexText, so a
// word the index finds is a word the filter sees.
package searchtext

import (
	"html"
	"strings"
	"unicode/utf8"

	"github.com/byline-reader/byline/model"
)

// MaxIndexText is how much of an article's text the full-text index
// keeps: about 1,300 words, the whole of most news stories and the lead of
// longer ones. The index's cost is in splitting and stemming words (about
// 35 ms a megabyte here), and a refresh indexes what it stores before it
// ends.
const MaxIndexText = 8 << 10

// IndexText is the text the full-text index keeps for a: the extracted
// markdown, else the feed's content, else its summary, as plain text, at
// most MaxIndexText bytes of it, cut at a word's end.
func IndexText(a model.Article) string {
	var s string
	switch {
	case a.Markdown != "":
		s = a.Markdown
	case a.Content != "":
		s = PlainText(a.Content)
	default:
		s = PlainText(a.Summary)
	}
	return headOf(s, MaxIndexText)
}

// headOf is s cut to at most n bytes, before the space that ends its last
// whole word there (at n when there is none).
func headOf(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexAny(s[:n+1], " \n\t"); i > n/2 {
		return s[:i]
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// PlainText is HTML without its tags, scripts and styles, with entities
// decoded: good enough to index, never to show.
func PlainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		b.WriteByte(' ')
		s = s[i:]
		j := strings.IndexByte(s, '>')
		if j < 0 {
			break
		}
		tag := strings.ToLower(s[1:min(j, 8)])
		s = s[j+1:]
		for _, skip := range []string{"script", "style"} {
			if strings.HasPrefix(tag, skip) {
				s = skipPast(s, "</"+skip)
			}
		}
	}
	return html.UnescapeString(b.String())
}

// skipPast drops s up to the end of the first tag starting with closer,
// matched without regard to case; all of s when there is none.
func skipPast(s, closer string) string {
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return ""
		}
		s = s[i:]
		if len(s) >= len(closer) && strings.EqualFold(s[:len(closer)], closer) {
			if j := strings.IndexByte(s, '>'); j >= 0 {
				return s[j+1:]
			}
			return ""
		}
		s = s[1:]
	}
}
