package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
)

// The `/` filter asks the library for the headlines of the list's view
// (a feed, a folder, unread, starred, all) whose titles contain the text
// typed, so it reaches every article, not only those loaded. Each key
// changes the typed text at once, and the title line shows it; the library
// is asked only when typing pauses for filterDelay, by a timer that carries
// the edit's sequence number, so the timers of earlier keys are dropped.
// Each question is a new generation of the list's query, so a window that
// answers an older text is dropped too.

// filterDelay is how long typing must pause before the filter asks the
// library.
const filterDelay = 120 * time.Millisecond

// editFilter takes the filter as typed and starts the timer that applies it.
func (a *App) editFilter(typed string) tea.Cmd {
	a.list.filter = typed
	a.list.filterSeq++
	if filterText(typed) == a.list.query.Text {
		return nil // back to the filter in force: nothing to ask
	}
	seq := a.list.filterSeq
	return tea.Tick(a.filterDelay, func(time.Time) tea.Msg { return filterTickMsg{seq: seq} })
}

func (a App) handleFilterTick(msg filterTickMsg) (tea.Model, tea.Cmd) {
	if msg.seq != a.list.filterSeq {
		return a, nil
	}
	return a, a.applyFilter()
}

// applyFilter puts the filter as typed in force now, asking the library
// for its first window when it changed.
func (a *App) applyFilter() tea.Cmd {
	a.list.filterSeq++ // a timer still running has nothing left to do
	text := filterText(a.list.filter)
	if text == a.list.query.Text {
		return nil
	}
	a.list.refilter(text)
	return a.ensureWindow()
}

// clearFilter shows the view unfiltered.
func (a *App) clearFilter() tea.Cmd {
	a.list.filter = ""
	return a.applyFilter()
}

// searchResults are full-text search results, shown instead of the
// list's query until esc.
type searchResults struct {
	query    string
	articles []model.Article
}
