package reader

import (
	"fmt"
	"strings"
	"time"

	"github.com/byline-reader/byline/model"
)

// An article opens in two steps (the app's reader_fetch.go): what is
// stored shows at once, and its page, when still to be had, is fetched
// next. These are the reader's parts of it: the header's notice, and the
// article made ready to show off the event loop.

// FetchingNotice is the header's notice while the page is fetched.
const FetchingNotice = "Fetching the page…"

// PageNotice is the header's notice for article a: library's, and when
// its page failed, when it was last tried and how to try again.
func PageNotice(a model.Article, now time.Time) string {
	n := strings.TrimSpace(a.Notice)
	if n == "" || a.PageFailures == 0 || a.ExtractedAt.IsZero() {
		return n
	}
	return n + " Tried " + ago(now.Sub(a.ExtractedAt)) + " — R to try again."
}

// ago says how long d was, for a sentence: "just now", "3 min ago",
// "2 h ago", "4 days ago".
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h ago", int(d/time.Hour))
	}
	return fmt.Sprintf("%d days ago", int(d/(24*time.Hour)))
}

// Ready is an opened article made ready to show, off the event loop: its
// doc, and its render for one wrap width and theme (Key; none without a
// body or a width), so that it can take another text's place in one
// frame.
type Ready struct {
	Doc      *Doc
	Key      Key
	Rendered *Rendered
}

// ReadingDoc is the doc of an opened article: its body marked (NewDoc),
// its links resolved against the article's URL (WithBase).
func ReadingDoc(r model.Reading) *Doc {
	return NewDoc(r.Body, r.Quotes, r.Sentences, r.Highlights).WithBase(r.Article.URL)
}

// MakeReady marks r's body (ReadingDoc) and renders it wrap columns wide.
func MakeReady(r model.Reading, wrap int, dark, images bool) Ready {
	p := Ready{Doc: ReadingDoc(r)}
	if !images {
		p.Doc = p.Doc.WithoutImages()
	}
	if wrap > 0 && r.Body != "" {
		if rendered, err := Render(p.Doc, wrap, dark); err == nil {
			p.Key = Key{ID: r.Article.ID, Width: wrap, Dark: dark, Sig: p.Doc.Signature()}
			p.Rendered = rendered
		}
	}
	return p
}
