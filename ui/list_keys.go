package ui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/panes"
	"github.com/byline-reader/byline/ui/service"
)

// The headline list's keys and answers: windows of headlines, the `/`
// filter and full-text search.

func (a App) handleListKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.list.Keys()
	switch {
	case k.Matches(msg, keys.ClearFilter) && a.list.Searching():
		a.list.ClearSearch(a.bodyHeight())
		return a, a.ensureWindow()
	case k.Matches(msg, keys.ClearFilter) && a.list.Filtered():
		return a, a.clearFilter()
	case k.Matches(msg, keys.Quit):
		return a.quit()
	case k.Matches(msg, keys.Focus):
		a.feedsFocused = true
		return a, nil
	case k.Matches(msg, keys.Open):
		return a.openSelected()
	case k.Matches(msg, keys.Filter):
		return a.beginFilter()
	case k.Matches(msg, keys.Search):
		return a, a.prompt.Open(panes.PromptSearch, "")
	case k.Matches(msg, keys.NextUnread, keys.PrevUnread):
		return a.nextUnread(k.Matches(msg, keys.PrevUnread))
	case k.Matches(msg, keys.ToggleReadShown):
		return a.toggleReadShown()
	}
	if m, cmd, ok := a.handleArticleKey(msg, k); ok {
		return m, cmd
	}
	a.list.Update(msg, a.bodyHeight())
	return a, a.ensureWindow()
}

// openSelected opens the selected headline in the reader and marks it read.
func (a App) openSelected() (tea.Model, tea.Cmd) {
	sel, ok := a.list.Selected()
	if !ok {
		return a, nil
	}
	return a, a.openHeadline(sel)
}

// openHeadline opens a headline in the reader and marks it read.
func (a *App) openHeadline(sel model.Article) tea.Cmd {
	seq := a.openReader(sel)
	cmds := []tea.Cmd{service.OpenArticle(a.ctx, a.lib, seq, sel.ID)}
	if !sel.Read {
		cmds = append(cmds, a.setRead(sel.ID, sel.FeedID, true))
	}
	return tea.Batch(cmds...)
}

// ensureWindow loads the headlines the list needs on screen, if any.
func (a *App) ensureWindow() tea.Cmd {
	start, ok := a.list.AskWindow(a.bodyHeight())
	if !ok {
		return nil
	}
	return service.LoadWindow(a.ctx, a.lib, a.list.WindowQuery(start), a.list.Gen())
}

// reloadList reloads the headlines in the list's window (after a refresh),
// once the window on its way, if any, has landed.
func (a *App) reloadList() tea.Cmd {
	if !a.refresh.AskList(a.list.Inflight()) {
		return nil
	}
	start, ok := a.list.Reload(a.bodyHeight())
	if !ok {
		return nil
	}
	return service.LoadWindow(a.ctx, a.lib, a.list.WindowQuery(start), a.list.Gen())
}

func (a App) handleWindow(msg service.WindowMsg) (tea.Model, tea.Cmd) {
	if msg.Gen != a.list.Gen() {
		return a, nil
	}
	if msg.Err != nil {
		a.list.FailWindow(a.bodyHeight())
		return a, a.setStatus(msg.Err.Error(), true)
	}
	a.list.SetWindow(msg.Start, msg.Total, msg.Articles, a.bodyHeight())
	if a.refresh.ListWaits() {
		return a, a.reloadList()
	}
	return a, a.ensureWindow()
}

// The `/` filter asks the library for the headlines of the list's view
// (a feed, a folder, unread, starred, all) whose titles contain the text
// typed, so it reaches every article, not only those loaded. Each key
// changes the typed text at once, and the title line shows it; the library
// is asked only when typing pauses for filterDelay, by a timer that carries
// the edit's sequence number, so the timers of earlier keys are dropped.
// Each question is a new generation of the list's query, so a window that
// answers an older text is dropped too.

// filterTickMsg is the filter's timer, for the edit seq: when it is still
// the last edit, typing paused and the filter is applied.
type filterTickMsg struct{ seq int }

// filterDelay is how long typing must pause before the filter asks the
// library.
const filterDelay = 120 * time.Millisecond

// beginFilter opens the filter line with the filter in force. Search
// results give way to the list's view, which the filter narrows.
func (a App) beginFilter() (tea.Model, tea.Cmd) {
	cmd := a.prompt.Open(panes.PromptFilter, a.list.Filter())
	if a.list.Searching() {
		a.list.ClearSearch(a.bodyHeight())
		return a, tea.Batch(cmd, a.ensureWindow())
	}
	return a, cmd
}

// editFilter takes the filter as typed and starts the timer that applies it.
func (a *App) editFilter(typed string) tea.Cmd {
	seq, differs := a.list.TypeFilter(typed)
	if !differs {
		return nil // back to the filter in force: nothing to ask
	}
	return tea.Tick(a.filterDelay, func(time.Time) tea.Msg { return filterTickMsg{seq: seq} })
}

func (a App) handleFilterTick(msg filterTickMsg) (tea.Model, tea.Cmd) {
	if msg.seq != a.list.FilterSeq() {
		return a, nil
	}
	return a, a.applyFilter()
}

// applyFilter puts the filter as typed in force now, asking the library
// for its first window when it changed.
func (a *App) applyFilter() tea.Cmd {
	if !a.list.ApplyFilter() {
		return nil
	}
	return a.ensureWindow()
}

// clearFilter shows the view unfiltered.
func (a *App) clearFilter() tea.Cmd {
	if !a.list.ClearFilter() {
		return nil
	}
	return a.ensureWindow()
}

// searchLimit is how many full-text results ctrl+f shows.
const searchLimit = 500

func (a App) handleSearch(msg service.SearchMsg) (tea.Model, tea.Cmd) {
	if msg.Seq != a.findSeq {
		return a, nil
	}
	if msg.Err != nil {
		return a, a.setStatus(msg.Err.Error(), true)
	}
	a.list.ShowResults(msg.Query, msg.Articles)
	a.screen, a.feedsFocused = screenList, false
	n := len(msg.Articles)
	return a, a.setStatus(fmt.Sprintf("%d %s for %q", n, plural(n, "result", "results"), msg.Query), false)
}
