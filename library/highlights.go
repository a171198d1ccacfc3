package library

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/markdown"
	"github.com/byline-reader/byline/model/quote"
	"github.com/byline-reader/byline/model/share"
	"github.com/byline-reader/byline/store"
)

// AddHighlight keeps text of an article as a highlight, committed before
// it returns. start and end are its byte span in the article's body as
// shown (model.Article.Body); when the text is not there (the article was
// extracted anew, or -1 was given) it is looked for nearby. The same text
// at the same place is kept once: highlighting it again gives the
// highlight kept before.
func (l *Library) AddHighlight(ctx context.Context, articleID int64, text string, start, end int) (model.Highlight, error) {
	if strings.TrimSpace(text) == "" {
		return model.Highlight{}, badInput("a highlight needs some text")
	}
	a, err := l.Article(ctx, articleID)
	if err != nil {
		return model.Highlight{}, err
	}
	h := model.Highlight{ArticleID: articleID, Text: text, Start: start, End: end, Created: l.now()}
	body := a.Body()
	var quotes []model.Quote // found once, only if a highlight needs them
	h.Start, h.End = anchor(body, h, &quotes)
	// A highlight kept before the article changed may have moved here.
	old, err := l.store.Highlights(ctx, articleID)
	if err != nil {
		return model.Highlight{}, err
	}
	for _, o := range old {
		if o.Text != h.Text {
			continue
		}
		if o.Start, o.End = anchor(body, o, &quotes); o.Start == h.Start {
			return o, nil
		}
	}
	h, err = l.store.AddHighlight(ctx, h)
	if errors.Is(err, store.ErrNotFound) {
		return h, badInput("no article with id %d", articleID)
	}
	return h, err
}

// RemoveHighlight deletes a highlight.
func (l *Library) RemoveHighlight(ctx context.Context, id int64) error {
	err := l.store.RemoveHighlight(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return badInput("no highlight with id %d", id)
	}
	return err
}

// Highlights lists highlights, newest first: every article's when
// articleID is 0, else one article's, with Start and End found again in
// the article's body as shown (model.AnchorHighlightIn); a highlight
// whose text is no longer there has Start = End = -1.
func (l *Library) Highlights(ctx context.Context, articleID int64) ([]model.Highlight, error) {
	hs, err := l.store.Highlights(ctx, articleID)
	if err != nil || articleID == 0 || len(hs) == 0 {
		return hs, err
	}
	a, err := l.store.Article(ctx, articleID)
	if err != nil {
		return nil, fmt.Errorf("highlights of article %d: %w", articleID, err)
	}
	body := a.Body()
	var quotes []model.Quote
	for i := range hs {
		hs[i].Start, hs[i].End = anchor(body, hs[i], &quotes)
	}
	return hs, nil
}

// anchor is h's span in markdown (model.AnchorHighlightIn), or -1, -1;
// quote.Prepare anchors an opened article's highlights the same way.
// The article's quotes are found once, in *quotes, and only when a
// highlight is not found as it stands (one kept from a quote over
// paragraphs, or from a quote whose markdown has links or emphasis: a
// quote's text is what a reader sees).
func anchor(markdown string, h model.Highlight, quotes *[]model.Quote) (int, int) {
	s, e, ok := model.AnchorHighlight(markdown, h)
	if !ok {
		if *quotes == nil {
			*quotes = quote.FindQuotes(markdown)
		}
		s, e, ok = model.AnchorHighlightIn(markdown, h, *quotes)
	}
	if !ok {
		return -1, -1
	}
	return s, e
}

// HighlightQuote keeps quote n (counted from 1, as `byline quotes` numbers
// them) of a stored article as a highlight. target is what `byline read`
// takes, but only a stored article (its id, or the link of one) can hold
// highlights.
func (l *Library) HighlightQuote(ctx context.Context, target string, n int) (model.Highlight, error) {
	id, err := l.storedArticleID(ctx, target)
	if err != nil {
		return model.Highlight{}, err
	}
	r, err := l.OpenArticle(ctx, id)
	if err != nil {
		return model.Highlight{}, err
	}
	q, err := pickQuote(r.Quotes, n)
	if err != nil {
		return model.Highlight{}, err
	}
	return l.AddHighlight(ctx, r.Article.ID, q.Text, q.Start, q.End)
}

// storedArticleID finds the stored article target names, without fetching
// anything.
func (l *Library) storedArticleID(ctx context.Context, target string) (int64, error) {
	notStored := func() error {
		return badInput("highlights are kept for stored articles; %q is not one (give an id from `byline list`, or subscribe to its feed)", target)
	}
	switch {
	case digitsOnly.MatchString(target):
		id, err := strconv.ParseInt(target, 10, 64)
		if err != nil {
			return 0, badInput("not an article id: %q", target)
		}
		return id, nil
	case isLocalFile(target):
		return 0, notStored()
	}
	u, err := normaliseURL(target)
	if err != nil {
		return 0, badInput("%q is not an article id or the link of a stored article", target)
	}
	id, err := l.store.ArticleIDByURL(ctx, u)
	if errors.Is(err, store.ErrNotFound) && u != target {
		id, err = l.store.ArticleIDByURL(ctx, target)
	}
	if errors.Is(err, store.ErrNotFound) {
		return 0, notStored()
	}
	return id, err
}

// pickQuote is quote n (counted from 1, as `byline quotes` numbers them)
// of an article's quotes qs, or bad input naming how many there are.
func pickQuote(qs []model.Quote, n int) (model.Quote, error) {
	switch {
	case len(qs) == 0:
		return model.Quote{}, badInput("the article has no quotations")
	case n < 1 || n > len(qs):
		return model.Quote{}, badInput("no quote %d: the article has %d %s (1 to %d)",
			n, len(qs), plural(len(qs), "quotation", "quotations"), len(qs))
	}
	return qs[n-1], nil
}

// WriteHighlightsMarkdown writes every highlight, newest first, as
// markdown: the text as a blockquote, then "— [Title](link), Site", the
// link a deep link to the passage when one can be made, else the clean
// link; an article without a shareable link gets its title alone.
func (l *Library) WriteHighlightsMarkdown(ctx context.Context, w io.Writer) error {
	hs, err := l.Highlights(ctx, 0)
	if err != nil {
		return err
	}
	bodies := map[int64]string{}
	for i, h := range hs {
		md, ok := bodies[h.ArticleID]
		if !ok {
			a, err := l.store.Article(ctx, h.ArticleID)
			if err != nil {
				return fmt.Errorf("highlight %d: %w", h.ID, err)
			}
			md = a.Body()
			bodies[h.ArticleID] = md
		}
		if i > 0 {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
		if _, err := io.WriteString(w, highlightMarkdown(h, md)); err != nil {
			return err
		}
	}
	return nil
}

// highlightMarkdown is one highlight of HighlightsMarkdown.
func highlightMarkdown(h model.Highlight, body string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(h.Text), "\n") {
		line = strings.TrimRight(line, " \t")
		if line == "" {
			b.WriteString(">\n")
		} else {
			b.WriteString("> " + line + "\n")
		}
	}
	title := h.ArticleTitle
	if title == "" {
		title = "Untitled"
	}
	b.WriteString("\n— ")
	if link := highlightLink(h, body); link != "" {
		b.WriteString("[" + markdown.EscapeText(title) + "](" + markdown.Destination(link) + ")")
	} else {
		b.WriteString(markdown.EscapeText(title))
	}
	if site := h.Site; site != "" && site != title {
		b.WriteString(", " + markdown.EscapeText(site))
	}
	b.WriteString("\n")
	return b.String()
}

// highlightLink is the deep link to h, else the article's clean link, else
// "".
func highlightLink(h model.Highlight, markdown string) string {
	clean, err := share.CleanURL(h.ArticleURL)
	if err != nil {
		return ""
	}
	var quotes []model.Quote
	if s, e := anchor(markdown, h, &quotes); s >= 0 {
		if deep, err := share.DeepLinkSpan(h.ArticleURL, markdown, s, e); err == nil {
			return deep
		}
	}
	return clean
}
