package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/panes"
	"github.com/byline-reader/byline/ui/service"
)

// The y/n question in the status line (panes.Confirm): A's, and d's
// (subscribe.go). A marks read every unread article of what is shown: the
// feeds pane's row in focus (a feed, a folder, an account, All, Unread,
// Starred), else the list's view, narrowed by its filter. It counts them,
// then asks "Mark 37 articles read in Ars Technica?".

// markingRead is what A counts, to ask about it.
type markingRead struct {
	seq   int // the count asked last; an older answer is dropped
	query model.ArticleQuery
	where string // its name ("folder Tech"); "" when nothing waits
}

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
	a.marking = markingRead{seq: a.marking.seq + 1, query: q, where: where}
	return service.CountUnread(a.ctx, a.lib, a.marking.seq, q)
}

// handleCount asks about the articles counted; with none, or an error,
// there is nothing to ask.
func (a App) handleCount(msg service.CountMsg) (tea.Model, tea.Cmd) {
	m := a.marking
	if msg.Seq != m.seq || m.where == "" {
		return a, nil
	}
	if msg.N > 0 && msg.Err == nil {
		noun := plural(msg.N, "article", "articles")
		a.confirm.Ask(panes.MarkRead, fmt.Sprintf("Mark %d %s read in %s?", msg.N, noun, m.where))
		return a, nil
	}
	a.marking.where = ""
	if msg.Err != nil {
		return a, a.setStatus(msg.Err.Error(), true)
	}
	return a, a.setStatus("nothing unread in "+m.where, false)
}

// handleConfirmKey takes the answer to the question asked.
func (a App) handleConfirmKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	act, about := a.confirm.Answer(msg)
	switch {
	case act == panes.None:
		return a, nil
	case about == panes.RemoveFeed:
		return a.answerRemove(act)
	}
	m := a.marking
	a.marking.where = ""
	if act == panes.Close {
		return a, a.setStatus("nothing marked", false)
	}
	return a, tea.Batch(service.MarkQueryRead(a.ctx, a.lib, m.query, m.where), a.setStatus("marking "+m.where+" read…", false))
}
