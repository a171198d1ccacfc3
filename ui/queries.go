package ui

import (
	"context"
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/service"
)

// Saved queries ([queries] in the configuration) are rows of the feeds
// pane (panes.Feeds, laid out by ui/feedtree) that show the articles of
// their expression, with the count of the unread ones: counted by the
// library after each reload of the feeds and each mark, in a command.

// useQueries lists the saved queries; a query refused when the
// configuration was read is said in the status line (its row shows it
// too), and the app runs without it.
func (a *App) useQueries(qs model.Queries) {
	a.feeds.SetQueries(qs)
	for _, q := range qs {
		if q.Err != nil {
			a.status, a.statusErr = q.Err.Error(), true
			return
		}
	}
}

// countQueries asks for the saved queries' unread counts, if there are any.
func (a *App) countQueries() tea.Cmd {
	seq, exprs, ok := a.feeds.AskCounts()
	if !ok {
		return nil
	}
	return service.QueryCounts(a.ctx, a.lib, seq, exprs)
}

// handleQueryCounts shows the counts; a count that failed is said without
// alarm (its row shows no count), since it is asked again after every
// mark.
func (a App) handleQueryCounts(msg service.QueryCountsMsg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	if a.feeds.SetCounts(msg.Seq, msg.Exprs, msg.Counts) {
		cmds = append(cmds, a.countQueries())
	}
	if msg.Err != nil && !errors.Is(msg.Err, context.Canceled) {
		cmds = append(cmds, a.setStatus("saved queries: "+msg.Err.Error(), false))
	}
	return a, tea.Batch(cmds...)
}

// queryEmpty says why a list narrowed by an expression (typed, or a saved
// query's) is empty.
func queryEmpty(typed string) string {
	if typed != "" {
		return fmt.Sprintf("No article matches %q. Press esc to clear the filter.", clean(typed))
	}
	return "No article matches this saved query."
}
