package library

import (
	"context"
	"errors"
	"strings"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/share"
)

// mastodonSetting is the Setting that remembers the Mastodon server the
// app asked for, used when the configuration names none.
const mastodonSetting = "mastodon"

// ShareLinks loads the article target names (as `byline read` takes it)
// and gives every share target's link for it, and for its quote quoteN
// (counted from 1; 0 for none). cfg is the configuration's [share]
// section; without a Mastodon server there, the one kept in the "mastodon"
// setting is used. A quote number out of range, or an article whose link
// is not http(s), is bad input.
func (l *Library) ShareLinks(ctx context.Context, target string, quoteN int, cfg model.ShareConfig) (model.Article, []share.ShareLink, error) {
	a, q, cfg, err := l.shareInput(ctx, target, quoteN, cfg)
	if err != nil {
		return a, nil, err
	}
	links, err := share.ShareLinks(a, q, cfg)
	if err != nil {
		return a, nil, shareError(err)
	}
	return a, links, nil
}

// ShareLink is ShareLinks for the one share target called name (a built-in
// name or alias such as "hn", or one of [share.targets]). An unknown name,
// a quote target without a quote, or Mastodon without a server is bad
// input; a target that cannot be made for this article (a deep link to a
// quote with no findable words) is an error.
func (l *Library) ShareLink(ctx context.Context, target string, quoteN int, name string, cfg model.ShareConfig) (model.Article, share.ShareLink, error) {
	a, q, cfg, err := l.shareInput(ctx, target, quoteN, cfg)
	if err != nil {
		return a, share.ShareLink{}, err
	}
	link, err := share.ShareLinkFor(name, a, q, cfg)
	if err != nil {
		return a, link, shareError(err)
	}
	return a, link, nil
}

// shareInput loads what ShareLinks and ShareLink share.
func (l *Library) shareInput(ctx context.Context, target string, quoteN int, cfg model.ShareConfig) (model.Article, *model.Quote, model.ShareConfig, error) {
	if quoteN < 0 {
		return model.Article{}, nil, cfg, badInput("quote numbers start at 1, not %d", quoteN)
	}
	r, err := l.Read(ctx, target)
	a := r.Article
	if err != nil {
		return a, nil, cfg, err
	}
	if strings.TrimSpace(a.URL) == "" {
		return a, nil, cfg, badInput("%q has no web link to share", a.Title)
	}
	var q *model.Quote
	if quoteN > 0 {
		picked, err := pickQuote(r.Quotes, quoteN)
		if err != nil {
			return a, nil, cfg, err
		}
		q = &picked
		a.Markdown = r.Body // the text the quote's span is in
	}
	if strings.TrimSpace(cfg.Mastodon) == "" {
		if cfg.Mastodon, err = l.Setting(ctx, mastodonSetting); err != nil {
			return a, nil, cfg, err
		}
	}
	return a, q, cfg, nil
}

// shareError marks the errors that are the user's to fix as bad input.
func shareError(err error) error {
	for _, e := range []error{share.ErrUnsafeURL, share.ErrUnknownShareTarget,
		share.ErrShareNeedsQuote, share.ErrNoMastodonInstance} {
		if errors.Is(err, e) {
			return inputError{err}
		}
	}
	return err
}
