package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/service"
)

// The list as newsboat users expect it: J and K go to the next and
// previous unread headline of the list (its view and filter in force), and
// from the reader open it, marking it read as opening does; U hides the
// read headlines, in every view until pressed again.

// nextUnread moves to the next unread headline (the previous when back):
// among the loaded ones at once, else the library finds it past them.
func (a App) nextUnread(back bool) (tea.Model, tea.Cmd) {
	open := a.screen == screenReader
	if a.single {
		return a, nil
	}
	row, found, more, edge := a.list.FindUnread(back)
	switch {
	case found:
		return a.goToUnread(row, model.Article{}, open)
	case more && !a.list.Searching():
		return a, service.NextUnread(a.ctx, a.lib, a.list.Query(), a.list.Gen(), edge, back, open)
	case edge == 0 && a.list.Count() > 0:
		return a, nil // the selected headline is still loading
	}
	return a, a.setStatus(a.noMoreUnread(back), false)
}

// noMoreUnread says that the list has no unread headline that way.
func (a App) noMoreUnread(back bool) string {
	where := "in " + a.list.Title()
	if query, ok := a.list.Search(); ok {
		where = "in the results for “" + query + "”"
	}
	if back {
		return "no unread article above " + where
	}
	return "no more unread " + where
}

// goToUnread puts the cursor on row, and opens its article when asked from
// the reader: art when given (the library found it past the loaded
// rows), else the row's.
func (a App) goToUnread(row int, art model.Article, open bool) (tea.Model, tea.Cmd) {
	a.list.SelectRow(row, a.listHeight())
	cmd := a.ensureWindow()
	if !open || a.screen != screenReader {
		return a, cmd
	}
	if art.ID == 0 {
		var ok bool
		if art, ok = a.list.Selected(); !ok {
			return a, cmd
		}
	}
	a.trail = nil // J leaves the pages followed from links behind
	return a, tea.Batch(cmd, a.openHeadline(art))
}

func (a App) handleUnread(msg service.UnreadMsg) (tea.Model, tea.Cmd) {
	switch {
	case msg.Gen != a.list.Gen():
		return a, nil
	case msg.Err != nil:
		return a, a.setStatus(msg.Err.Error(), true)
	case !msg.Found:
		return a, a.setStatus(a.noMoreUnread(msg.Back), false)
	}
	return a.goToUnread(msg.Row, msg.Article, msg.Open)
}

// toggleReadShown hides the read headlines, or shows them again.
func (a App) toggleReadShown() (tea.Model, tea.Cmd) {
	hide := !a.list.ReadHidden()
	var cmd tea.Cmd
	if a.list.HideRead(hide) {
		cmd = a.ensureWindow()
	}
	text := "read articles shown"
	if hide {
		text = "read articles hidden (U shows them)"
	}
	return a, tea.Batch(cmd, a.setStatus(text, false))
}
