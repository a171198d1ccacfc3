package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/feedtree"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/service"
	"github.com/byline-reader/byline/ui/undo"
)

// The keys that act on the article in focus (the headline selected, or
// the article being read) the same on the list and in the reader: marks,
// the browser, sharing and the highlights.

// handleArticleKey handles them with the keymap of the screen in focus; ok
// is false for any other key, with no model (an App in a tea.Model is an
// allocation, which every other key would pay).
func (a App) handleArticleKey(msg tea.KeyPressMsg, k keys.Map) (m tea.Model, cmd tea.Cmd, ok bool) {
	switch {
	case k.Matches(msg, keys.ToggleRead):
		return a, a.toggleRead(), true
	case k.Matches(msg, keys.ToggleStar):
		return a, a.toggleStar(), true
	case k.Matches(msg, keys.FeedRead):
		return a, a.askMarkRead(), true
	case k.Matches(msg, keys.Undo):
		m, cmd = a.undoLast()
	case k.Matches(msg, keys.Browser):
		return a, a.browse(), true
	case k.Matches(msg, keys.Share):
		m, cmd = a.openShare()
	case k.Matches(msg, keys.CopyLink):
		m, cmd = a.copyShare("link", "link")
	case k.Matches(msg, keys.CopyMarkdown):
		m, cmd = a.copyShare("markdown", "markdown link")
	case k.Matches(msg, keys.Highlights):
		m, cmd = a.openHighlights()
	default:
		return nil, nil, false
	}
	return m, cmd, true
}

// current is the article the keys act on: the one being read, else the
// selected headline.
func (a *App) current() (model.Article, bool) {
	if a.screen == screenReader {
		return a.reader.Article(), a.reader.Article().ID != 0
	}
	return a.list.Selected()
}

func (a *App) toggleRead() tea.Cmd {
	art, ok := a.current()
	if !ok {
		return nil
	}
	return a.setRead(art.ID, art.FeedID, !art.Read)
}

// setRead marks an article read or unread everywhere it is shown, then
// stores it; u undoes it.
func (a *App) setRead(id, feedID int64, read bool) tea.Cmd {
	a.undo.Push(undo.Change{Kind: undo.Read, IDs: []int64{id}, FeedID: feedID, To: read, What: undo.MarkedOne(a.titleOf(id), read)})
	return a.applyRead(id, feedID, read)
}

// applyRead is setRead that is not kept to be undone (an undo).
func (a *App) applyRead(id, feedID int64, read bool) tea.Cmd {
	changed := a.list.Mark(id, &read, nil)
	if a.reader.Mark(id, &read, nil) || changed {
		delta := 1
		if read {
			delta = -1
		}
		a.feeds.AdjustCounts(feedID, delta, 0)
	}
	what := "mark read"
	if !read {
		what = "mark unread"
	}
	return service.Mark(a.ctx, a.lib, id, &read, nil, what)
}

func (a *App) toggleStar() tea.Cmd {
	art, ok := a.current()
	if !ok {
		return nil
	}
	star := !art.Starred
	a.undo.Push(undo.Change{Kind: undo.Star, IDs: []int64{art.ID}, FeedID: art.FeedID, To: star, What: undo.StarredOne(art.Title, star)})
	return a.applyStar(art.ID, art.FeedID, star)
}

// applyStar stars an article or takes its star off everywhere it is
// shown, then stores it.
func (a *App) applyStar(id, feedID int64, star bool) tea.Cmd {
	a.list.Mark(id, nil, &star)
	a.reader.Mark(id, nil, &star)
	what, delta := "star", 1
	if !star {
		what, delta = "unstar", -1
	}
	a.feeds.AdjustCounts(feedID, 0, delta)
	return service.Mark(a.ctx, a.lib, id, nil, &star, what)
}

// focusedFeedID is the feed that r acts on (a folder's or a tag's
// feeds, in the feeds pane), if any.
func (a *App) focusedFeedID() []int64 {
	if a.screen == screenList {
		if e, ok := a.feeds.Current(); ok && e.Kind == feedtree.Feed && (a.feedsFocused || a.list.Query().FeedID != 0) {
			return []int64{e.Feed.ID}
		}
		if e, ok := a.feeds.Current(); ok && e.Kind == feedtree.Account && a.feedsFocused {
			return a.feeds.AccountFeed(e.Account) // refreshing one of its feeds syncs the account
		}
		if e, ok := a.feeds.Current(); ok && (e.Kind == feedtree.Folder || e.Kind == feedtree.Tag) && a.feedsFocused {
			if ids := a.feeds.FeedsOf(e); len(ids) > 0 {
				return ids // the feeds in the folder (and its folders), or with the tag
			}
		}
	}
	if art, ok := a.current(); ok && art.FeedID != 0 {
		return []int64{art.FeedID}
	}
	return nil
}

func (a *App) browse() tea.Cmd {
	art, ok := a.current()
	if a.screen == screenReader { // a page read from a link is not stored: it has no ID
		art, ok = a.reader.Article(), true
	}
	if !ok {
		return nil
	}
	if art.URL == "" {
		return a.setStatus("this article has no link", true)
	}
	return a.openLink(art.URL)
}

func (a App) handleMarked(msg service.MarkedMsg) (tea.Model, tea.Cmd) {
	if msg.Err != nil {
		return a, a.setStatus(msg.Err.Error(), true)
	}
	return a, a.countQueries()
}
