package library

import (
	"context"
	"fmt"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
)

// OpenArticle opens a stored article to read: its page fetched and
// extracted the first time (see loadArticle), then prepared once into what
// the reader and the command line show.
func (l *Library) OpenArticle(ctx context.Context, id int64) (model.Reading, error) {
	a, err := l.loadArticle(ctx, id)
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
	return r
}
