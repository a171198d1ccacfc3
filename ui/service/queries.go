package service

import (
	"context"

	tea "charm.land/bubbletea/v2"
)

// QueryCountsMsg carries the unread counts of the saved queries, asked
// with Seq: Counts[i] is Exprs[i]'s, -1 when it could not be counted.
type QueryCountsMsg struct {
	Seq    int
	Exprs  []string
	Counts []int
	Err    error
}

// QueryCounts counts the unread articles of each saved query's expression.
func QueryCounts(ctx context.Context, lib Library, seq int, exprs []string) tea.Cmd {
	return func() tea.Msg {
		counts, err := lib.QueryCounts(ctx, exprs)
		return QueryCountsMsg{Seq: seq, Exprs: exprs, Counts: counts, Err: err}
	}
}
