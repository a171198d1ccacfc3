package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/panes"
	"github.com/byline-reader/byline/ui/service"
)

// A marks read every unread article of what is shown: the feeds pane's
// row in focus (a feed, a folder, an account, All, Unread, Starred), else
// the list's view, narrowed by its filter. It counts them, then asks
// (panes.ConfirmRead).

// askMarkRead counts what A would mark read, to ask about it.
func (a *App) askMarkRead() tea.Cmd {
	var q model.ArticleQuery
	var where string
	switch {
	case a.screen == screenList && a.feedsFocused:
		e, ok := a.feeds.Current()
		if !ok {
			return nil
		}
		q, where = e.Query(), e.Title()
	case a.list.Searching():
		return a.setStatus("A marks a feed, a folder or a view read: esc leaves the search results first", true)
	default:
		q, where = a.list.Query(), a.list.Title()
		if f := a.list.FilterInForce(); f != "" {
			where += fmt.Sprintf(" matching %q", f)
		}
	}
	return service.CountUnread(a.ctx, a.lib, a.confirm.Ask(q, where), q)
}

func (a App) handleCount(msg service.CountMsg) (tea.Model, tea.Cmd) {
	where, ok := a.confirm.Counted(msg.Seq, msg.N, msg.Err)
	var cmd tea.Cmd
	switch {
	case !ok || a.confirm.Asking():
	case msg.Err != nil:
		cmd = a.setStatus(msg.Err.Error(), true)
	default:
		cmd = a.setStatus("nothing unread in "+where, false)
	}
	return a, cmd
}

// handleConfirmKey takes the answer to the question.
func (a App) handleConfirmKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch act, q, where := a.confirm.Answer(msg); act {
	case panes.Open:
		cmd = tea.Batch(service.MarkQueryRead(a.ctx, a.lib, q, where), a.setStatus("marking "+where+" read…", false))
	case panes.Close:
		cmd = a.setStatus("nothing marked", false)
	}
	return a, cmd
}
