package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/panes"
	"github.com/byline-reader/byline/ui/service"
)

// The feeds pane's keys and answers (the pane itself is panes.Feeds).

func (a App) handleFeedsKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.feeds.Keys()
	switch {
	case k.Matches(msg, keys.Quit):
		return a.quit()
	case k.Matches(msg, keys.Focus):
		a.feedsFocused = false
		return a, nil
	case k.Matches(msg, keys.Open):
		a.feedsFocused = false
		if e, ok := a.feeds.Current(); ok && !a.list.Shows(e) {
			return a, a.showFocusedFeed()
		}
		return a, nil
	case k.Matches(msg, keys.FeedRead):
		return a, a.askMarkRead()
	case k.Matches(msg, keys.EditFeed):
		return a.openFeedForm()
	case k.Matches(msg, keys.Undo):
		return a.undoLast()
	case k.Matches(msg, keys.Filter):
		a.feedsFocused = false
		return a.beginFilter()
	case k.Matches(msg, keys.Search):
		a.feedsFocused = false
		return a, a.prompt.Open(panes.PromptSearch, "")
	case k.Matches(msg, keys.AddFeed):
		return a, a.prompt.Open(panes.PromptAddFeed, "")
	case k.Matches(msg, keys.Remove):
		return a.askRemove()
	case k.Matches(msg, keys.ToggleReadShown):
		return a.toggleReadShown()
	}
	if !a.feeds.Move(msg, a.bodyHeight()) {
		return a, nil
	}
	return a, a.showFocusedFeed()
}

// showFocusedFeed points the list at the feeds pane's entry.
func (a *App) showFocusedFeed() tea.Cmd {
	e, ok := a.feeds.Current()
	if !ok || e.QueryErr != nil { // a saved query that cannot run: its row's status line says why
		return nil
	}
	a.list.SetQuery(e.Query(), e.Title())
	return a.ensureWindow()
}

func (a App) handleFeeds(msg service.FeedsMsg) (tea.Model, tea.Cmd) {
	again := a.refresh.FeedsLoaded()
	if msg.Err != nil {
		return a, a.setStatus(msg.Err.Error(), true)
	}
	a.feeds.SetFeeds(msg.Feeds)
	a.feeds.Clamp(a.bodyHeight())
	show := a.countQueries()
	if a.feeds.Reselect(a.bodyHeight()) { // a feed added or removed (subscribe.go)
		show = tea.Batch(show, a.showFocusedFeed())
	}
	if again {
		return a, tea.Batch(show, a.reloadFeeds())
	}
	return a, show
}
