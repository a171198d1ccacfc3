package store

import (
	"unicode/utf8"

	"github.com/byline-reader/byline/model"
)

// MaxTextBytes bounds each of an article's bodies in the database (the
// feed's summary and content, the extracted markdown): a longer one is cut
// on a character boundary before it is stored, so that no feed or page can
// grow the file or the app's memory without end.
const MaxTextBytes = 1 << 20

// maxLineBytes bounds the one-line fields (title, author, site, notice).
const maxLineBytes = 4 << 10

// capArticle cuts a's text fields to the database's limits.
func capArticle(a model.Article) model.Article {
	a.Summary = capText(a.Summary, MaxTextBytes)
	a.Content = capText(a.Content, MaxTextBytes)
	a.Markdown = capText(a.Markdown, MaxTextBytes)
	a.Title = capText(a.Title, maxLineBytes)
	a.Author = capText(a.Author, maxLineBytes)
	a.Site = capText(a.Site, maxLineBytes)
	a.Notice = capText(a.Notice, maxLineBytes)
	if len(a.Comments) > maxLinkBytes {
		a.Comments = "" // cut, a link would lead elsewhere
	}
	return a
}

// capText cuts s to at most n bytes, on a UTF-8 character boundary.
func capText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
