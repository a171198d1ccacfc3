package library

import (
	"context"
	"slices"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/feedset"
)

// EditFeed changes a feed's settings (by id or URL): each value as the
// user wrote it for its key (feedset.FeedKeys; "" resets to the default).
// A refused value is bad input naming its key, and changes nothing. An
// account's feed takes its title and folder on its server first; its
// other settings are kept here, and honoured where byline fetches (its
// articles' pages).
func (l *Library) EditFeed(ctx context.Context, urlOrID string, values []feedset.FeedValue) (model.Feed, error) {
	f, err := l.FindFeed(ctx, urlOrID)
	if err != nil {
		return f, err
	}
	g, err := feedset.EditFeed(f, values)
	if err != nil {
		return f, badInput("%w", err)
	}
	var title *string
	if g.Title != f.Title {
		title = &g.Title
	}
	var folder *string
	if g.Folder != f.Folder {
		folder = &g.Folder
	}
	var tags []string
	if !slices.Equal(g.Tags, f.Tags) {
		tags = append([]string{}, g.Tags...) // not nil: no tags is a change too
	}
	if f.Account != "" && (title != nil || folder != nil) {
		if err := l.editOnServer(ctx, f, title, folder); err != nil {
			return f, err
		}
	}
	if title != nil || folder != nil || tags != nil {
		if err := l.store.SetFeed(ctx, f.ID, title, folder, tags); err != nil {
			return f, err
		}
	}
	if g.Settings != f.Settings {
		if err := l.store.SetFeedSettings(ctx, f.ID, g.Settings); err != nil {
			return f, err
		}
	}
	return l.store.Feed(ctx, f.ID)
}

// withRetention is r with the feed's retention made whole for the store:
// its keep_days, else the configuration's default (Options.KeepDays);
// "all" (-1) keeps all whatever the default. An account's feed is its
// server's to keep: its server would send what retention dropped again.
func (l *Library) withRetention(r model.FetchResult) model.FetchResult {
	st := &r.Feed.Settings
	switch {
	case r.Feed.Account != "":
		st.KeepDays, st.KeepItems = 0, 0
	case st.KeepDays < 0:
		st.KeepDays = 0
	case st.KeepDays == 0:
		st.KeepDays = l.keepDays
	}
	return r
}

// feedOf is the feed an article belongs to; the zero Feed when it cannot
// be read (its settings are then the defaults).
func (l *Library) feedOf(ctx context.Context, a model.Article) model.Feed {
	if a.FeedID == 0 {
		return model.Feed{}
	}
	f, err := l.store.Feed(ctx, a.FeedID)
	if err != nil {
		return model.Feed{}
	}
	return f
}
