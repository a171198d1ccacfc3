package service

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
)

// CountMsg answers CountUnread asked with Seq: N unread articles.
type CountMsg struct {
	Seq int
	N   int
	Err error
}

// CountUnread counts the unread articles q selects (`A` asks before it
// marks them).
func CountUnread(ctx context.Context, lib Library, seq int, q model.ArticleQuery) tea.Cmd {
	q.Unread, q.Limit, q.Offset = true, 0, 0
	return func() tea.Msg {
		n, err := lib.CountArticles(ctx, q)
		if err != nil {
			err = fmt.Errorf("count unread articles: %w", err)
		}
		return CountMsg{Seq: seq, N: n, Err: err}
	}
}

// MarkedManyMsg says articles of a view were marked read (IDs: those
// whose state changed, so that an undo changes them and no other), or,
// for an undo (Undo), marked back as they were; or why not. Where names
// the view ("folder Tech"), What the change undone.
type MarkedManyMsg struct {
	IDs   []int64
	Where string
	Undo  bool
	What  string
	Err   error
}

// MarkQueryRead marks read every unread article q selects.
func MarkQueryRead(ctx context.Context, lib Library, q model.ArticleQuery, where string) tea.Cmd {
	return func() tea.Msg {
		ids, err := lib.MarkQueryRead(ctx, q)
		if err != nil {
			err = fmt.Errorf("mark %s read: %w", where, err)
		}
		return MarkedManyMsg{IDs: ids, Where: where, Err: err}
	}
}

// UnmarkMany reverses a mark of many articles: it sets their read mark
// back to read (false: unread), and says what was undone.
func UnmarkMany(ctx context.Context, lib Library, ids []int64, read bool, what string) tea.Cmd {
	return func() tea.Msg {
		_, err := lib.Mark(ctx, ids, &read, nil)
		if err != nil {
			err = fmt.Errorf("undo: %w", err)
		}
		return MarkedManyMsg{IDs: ids, Undo: true, What: what, Err: err}
	}
}
