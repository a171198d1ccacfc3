package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/feedtree"
	"github.com/byline-reader/byline/ui/panes"
	"github.com/byline-reader/byline/ui/service"
)

// Adding and removing feeds from the feeds pane: a asks for a URL (a
// feed's, or a site's whose feed is discovered, as `byline add` does), d
// asks before it removes the feed under the cursor with its articles.
// Once the subscriptions reload, the feeds pane selects the feed added, or
// stays on the row of the one removed (panes.Feeds' Reselect).

// addFeed subscribes to what was typed, in a command.
func (a App) addFeed(typed string) (tea.Model, tea.Cmd) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return a, nil
	}
	return a, tea.Batch(a.setStatus("adding "+typed+"…", false), service.AddFeed(a.ctx, a.lib, typed))
}

func (a App) handleAdded(msg service.AddedMsg) (tea.Model, tea.Cmd) {
	if msg.Err != nil {
		return a, a.setStatus(msg.Err.Error(), true)
	}
	a.feeds.SelectOnLoad(msg.Feed.ID)
	if msg.Exists {
		return a, tea.Batch(a.setStatus("already subscribed: "+msg.Feed.URL, false), a.reloadFeeds())
	}
	text := "added " + msg.Feed.URL
	if a.refresh.Running() {
		return a, tea.Batch(a.setStatus(text+"; R fetches it once this refresh ends", false), a.reloadFeeds())
	}
	cmd := a.beginRefresh(msg.Feed.ID)
	return a, tea.Batch(cmd, a.setStatus(text+", fetching it…", false), a.reloadFeeds())
}

// askRemove asks whether to remove the feed under the cursor.
func (a App) askRemove() (tea.Model, tea.Cmd) {
	e, ok := a.feeds.Current()
	if !ok || e.Kind != feedtree.Feed {
		return a, a.setStatus("d removes a feed: put the cursor on one", true)
	}
	a.removing = e.Feed
	q := fmt.Sprintf("Remove %s and its %d %s?", e.Feed.DisplayTitle(), e.Feed.Total, plural(e.Feed.Total, "article", "articles"))
	if e.Feed.Account != "" {
		q = fmt.Sprintf("Unsubscribe from %s on %s and remove its %d %s?", e.Feed.DisplayTitle(), e.Feed.Account,
			e.Feed.Total, plural(e.Feed.Total, "article", "articles"))
	}
	a.confirm.Ask(panes.RemoveFeed, q)
	return a, nil
}

// answerRemove takes the answer (panes.Confirm): yes removes, no keeps the
// feed.
func (a App) answerRemove(act panes.Action) (tea.Model, tea.Cmd) {
	f := a.removing
	a.removing = model.Feed{}
	if act != panes.Open {
		return a, a.setStatus("kept "+f.DisplayTitle(), false)
	}
	return a, tea.Batch(a.setStatus("removing "+f.DisplayTitle()+"…", false), service.RemoveFeed(a.ctx, a.lib, f))
}

func (a App) handleRemoved(msg service.RemovedMsg) (tea.Model, tea.Cmd) {
	if msg.Err != nil {
		return a, a.setStatus(msg.Err.Error(), true)
	}
	a.feeds.StayOnLoad()
	n := msg.Feed.Total
	text := fmt.Sprintf("removed %s and its %d %s", msg.Feed.DisplayTitle(), n, plural(n, "article", "articles"))
	return a, tea.Batch(a.setStatus(text, false), a.reloadFeeds())
}
