package library

import (
	"context"
	"fmt"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
)

// OpenArticle opens a stored article to read: its page fetched and
// extracted the first time (see loadArticle), then prepared once into what
// the reader and the command line show. It is OpenStored, then FetchPage
// when that says the page is to be had, prepared once.
func (l *Library) OpenArticle(ctx context.Context, id int64) (model.Reading, error) {
	a, err := l.loadArticle(ctx, id)
	if err != nil {
		return model.Reading{Article: a}, err
	}
	return l.prepare(ctx, a), nil
}

// OpenStored opens a stored article to read at once, without the network:
// the whole article when it was read before, else the feed's own text
// (see loadStored). needsPage says that its page is still to be had: ask
// FetchPage next, and show this meanwhile.
func (l *Library) OpenStored(ctx context.Context, id int64) (r model.Reading, needsPage bool, err error) {
	a, needsPage, err := l.loadStored(ctx, id)
	if err != nil {
		return model.Reading{Article: a}, false, err
	}
	return l.prepare(ctx, a), needsPage, nil
}

// FetchPage fetches and extracts a stored article's page now, whatever
// its back-off, keeps the result and opens it to read: the whole article,
// or the feed's text with a notice when the page cannot be had (counted
// in Article.PageFailures). When the article was read whole before, a
// failure keeps it and is the error.
func (l *Library) FetchPage(ctx context.Context, id int64) (model.Reading, error) {
	a, err := l.fetchStored(ctx, id)
	if err != nil {
		return model.Reading{Article: a}, err
	}
	return l.prepare(ctx, a), nil
}

// Read opens what `byline read TARGET` names: a stored article's id, a
// local .html/.htm/.txt/.md file, or a URL (a stored article with that
// link, else the page fetched and extracted, not stored).
func (l *Library) Read(ctx context.Context, target string) (model.Reading, error) {
	a, err := l.find(ctx, target)
	if err != nil {
		return model.Reading{Article: a}, err
	}
	return l.prepare(ctx, a), nil
}

// prepare finds, once, what is shown of a loaded article
// (quote.Prepare), with a stored article's highlights.
func (l *Library) prepare(ctx context.Context, a model.Article) model.Reading {
	var hls []model.Highlight
	var err error
	if a.ID != 0 { // only stored articles hold highlights
		hls, err = l.store.Highlights(ctx, a.ID)
	}
	r := quote.Prepare(a, hls)
	if err != nil {
		r.HighlightsErr = fmt.Errorf("load highlights: %w", err)
	}
	if a.ID != 0 {
		// what the filter language's quotes and speaker read; a failure
		// here costs only a stale filter, not the reading
		speakers := make([]string, len(r.Quotes))
		for i, q := range r.Quotes {
			speakers[i] = q.Speaker
		}
		_ = l.store.SaveQuoteStats(ctx, a.ID, len(r.Quotes), speakers)
	}
	return r
}
