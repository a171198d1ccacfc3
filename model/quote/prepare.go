package quote

import (
	"strings"

	"github.com/byline-reader/byline/model"
)

// Prepare is what is shown of an article, found once: its body as shown
// (model.Article.Body), reading time, quotes with speakers, sentences, and
// the stored highlights hls anchored in that body (Start = End = -1 for
// one whose text is gone).
func Prepare(a model.Article, hls []model.Highlight) model.Reading {
	body := a.Body()
	r := model.Reading{Article: a, Body: body, Quotes: FindQuotes(body), Sentences: Sentences(body)}
	if strings.TrimSpace(body) != "" {
		r.Minutes = model.ReadingMinutes(body)
	}
	r.Highlights = model.AnchorHighlights(body, hls, r.Quotes)
	return r
}
