package service

import (
	"context"
	"fmt"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
)

// UnreadMsg carries the next (or previous) unread article of the list's
// query of generation Gen and its row (Found false: there is none), and
// whether it was asked for from the reader, to be opened.
type UnreadMsg struct {
	Gen     int
	Article model.Article
	Row     int
	Found   bool
	Back    bool // the previous unread was asked for
	Open    bool
	Err     error
}

// NextUnread finds the first unread article of q's list after the article
// from (before it when back).
func NextUnread(ctx context.Context, lib Library, q model.ArticleQuery, gen int, from int64, back, open bool) tea.Cmd {
	return func() tea.Msg {
		q.Limit, q.Offset = 0, 0
		a, row, ok, err := lib.NextUnread(ctx, q, from, back)
		if err != nil {
			err = fmt.Errorf("find the next unread article: %w", err)
		}
		return UnreadMsg{Gen: gen, Article: a, Row: row, Found: ok, Back: back, Open: open, Err: err}
	}
}

// AddedMsg says a feed was subscribed to (or was already: Exists), or why
// not.
type AddedMsg struct {
	Feed   model.Feed
	Exists bool
	Err    error
}

// AddFeed subscribes to a feed's or a site's URL, finding the site's feed.
func AddFeed(ctx context.Context, lib Library, rawURL string) tea.Cmd {
	return func() tea.Msg {
		f, err := lib.Add(ctx, rawURL)
		if err != nil && f.ID != 0 { // the library gives the feed when it was already there
			return AddedMsg{Feed: f, Exists: true}
		}
		return AddedMsg{Feed: f, Err: err}
	}
}

// RemovedMsg says a feed was unsubscribed from, or why not.
type RemovedMsg struct {
	Feed model.Feed
	Err  error
}

// RemoveFeed unsubscribes from a feed, deleting its articles.
func RemoveFeed(ctx context.Context, lib Library, f model.Feed) tea.Cmd {
	return func() tea.Msg {
		_, err := lib.Remove(ctx, strconv.FormatInt(f.ID, 10))
		if err != nil {
			err = fmt.Errorf("remove %s: %w", f.DisplayTitle(), err)
		}
		return RemovedMsg{Feed: f, Err: err}
	}
}
