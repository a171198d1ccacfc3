package ui

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui/service"
)

// countQueries asks for the unread counts of the saved queries (rows of
// the feeds pane, panes.Feeds), if there are any: after each reload of
// the feeds and each mark.
func (a *App) countQueries() tea.Cmd {
	if seq, exprs, ok := a.feeds.AskCounts(); ok {
		return service.QueryCounts(a.ctx, a.lib, seq, exprs)
	}
	return nil
}

// handleQueryCounts shows the counts; a count that failed is said without
// alarm (it is asked again after every mark).
func (a App) handleQueryCounts(msg service.QueryCountsMsg) (tea.Model, tea.Cmd) {
	var again, status tea.Cmd
	if a.feeds.SetCounts(msg.Seq, msg.Exprs, msg.Counts) {
		again = a.countQueries()
	}
	if msg.Err != nil && !errors.Is(msg.Err, context.Canceled) {
		status = a.setStatus("saved queries: "+msg.Err.Error(), false)
	}
	return a, tea.Batch(again, status)
}
