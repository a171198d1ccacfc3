package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/service"
	"github.com/byline-reader/byline/ui/undo"
)

// Undo (u): every change of state the app makes (a read or unread mark,
// the one opening an article makes too, a star, a view marked read with
// A, a highlight removed) is kept on a stack (ui/undo), and u reverses
// the last one through the same library calls that made it, so a sync
// account's outbox gets the reversal too. The status line says what was
// undone.

// undoLast reverses the last change kept, if any.
func (a App) undoLast() (tea.Model, tea.Cmd) {
	c, ok := a.undo.Pop()
	if !ok {
		cmd := a.setStatus("nothing to undo", false)
		return a, cmd
	}
	if c.Kind == undo.Highlight {
		h := c.Highlight
		return a, undone(c.What, service.AddHighlight(a.ctx, a.lib, h.ArticleID, h.Text, model.Span{Start: h.Start, End: h.End}, ""))
	}
	if len(c.IDs) == 1 && c.FeedID != 0 {
		var cmd tea.Cmd
		if c.Kind == undo.Star {
			cmd = a.applyStar(c.IDs[0], c.FeedID, !c.To)
		} else {
			cmd = a.applyRead(c.IDs[0], c.FeedID, !c.To)
		}
		done := a.setStatus("undone: "+c.What, false)
		return a, tea.Batch(cmd, done)
	}
	cmd := tea.Batch(service.UnmarkMany(a.ctx, a.lib, c.IDs, !c.To, c.What), a.setStatus("undoing: "+c.What+"…", false))
	return a, cmd
}

// handleMarkedMany takes the answer to A (a view marked read: kept to be
// undone) or to the undo of one.
func (a App) handleMarkedMany(msg service.MarkedManyMsg) (tea.Model, tea.Cmd) {
	if msg.Err != nil {
		cmd := a.setStatus(msg.Err.Error(), true)
		return a, cmd
	}
	text := "undone: " + msg.What
	read := !msg.Undo
	if !msg.Undo {
		text = undo.MarkedMany(len(msg.IDs), msg.Where)
		if len(msg.IDs) > 0 {
			a.undo.Push(undo.Change{Kind: undo.Read, IDs: msg.IDs, To: true, What: text})
		}
	}
	for _, id := range msg.IDs {
		a.reader.Mark(id, &read, nil)
	}
	cmd := tea.Batch(a.setStatus(text, false), a.reloadFeeds(), a.reloadList())
	return a, cmd
}

// undoneMsg is the answer to an undo made through an ordinary command
// (a highlight kept again): handled as that answer, then said as undone.
type undoneMsg struct {
	what string
	msg  tea.Msg
}

// undone runs cmd and carries its answer back as an undoneMsg.
func undone(what string, cmd tea.Cmd) tea.Cmd {
	return func() tea.Msg { return undoneMsg{what: what, msg: cmd()} }
}

func (a App) handleUndone(msg undoneMsg) (tea.Model, tea.Cmd) {
	m, cmd := a.Update(msg.msg)
	b := m.(App)
	if b.statusErr && b.statusSeq != a.statusSeq { // the undo failed: its error stays
		return b, cmd
	}
	done := b.setStatus("undone: "+msg.what, false)
	return b, tea.Batch(cmd, done)
}

// titleOf is the title of article id, when it is being read or selected.
func (a *App) titleOf(id int64) string {
	if art, ok := a.current(); ok && art.ID == id {
		return art.Title
	}
	return fmt.Sprintf("article %d", id)
}
