package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui/service"
)

// Automatic refresh: on by default (config auto_refresh), a timer looks
// every dueCheckEvery, and once soon after start, for the feeds whose
// schedule says they are due (and accounts not synced for a while), and
// refreshes them in the background; with refresh_interval set, every
// feed is refreshed at that interval instead (autoRefreshTick). Either
// runs quietly: no progress line, and when it ends the status line says
// what it brought ("4 new articles · Ars Technica, The Verge"); the list
// reloads keeping the cursor on the article it was on. r and R stop it
// and refresh as asked.

// dueCheckEvery is how often the app looks for feeds due.
const dueCheckEvery = time.Minute

// firstDueCheck is how soon after start it looks first: after the first
// frame and the first headlines.
const firstDueCheck = 3 * time.Second

// autoRefreshMsg is the automatic refresh's timer.
type autoRefreshMsg struct{}

// autoRefreshStart is the first timer of automatic refresh, unless the
// configuration turns it off.
func (a App) autoRefreshStart() tea.Cmd {
	if !a.cfg.AutoRefresh {
		return nil
	}
	return a.autoRefreshTick(firstDueCheck)
}

// autoRefreshTick sets the next timer: after the refresh_interval when one
// is set, else after the time given.
func (a App) autoRefreshTick(after time.Duration) tea.Cmd {
	if every := a.cfg.RefreshInterval.Duration; every > 0 {
		after = every
	}
	return tea.Tick(after, func(time.Time) tea.Msg { return autoRefreshMsg{} })
}

// handleAutoRefresh refreshes, unless a refresh is running, what is due
// (every feed when refresh_interval is set), and sets the next timer.
func (a App) handleAutoRefresh() (tea.Model, tea.Cmd) {
	next := a.autoRefreshTick(dueCheckEvery)
	if a.refresh.Running() {
		return a, next
	}
	ctx := a.newRefresh(true)
	start := service.StartDueRefresh(ctx, a.lib, a.refresh.Gen())
	if a.cfg.RefreshInterval.Duration > 0 {
		start = service.StartRefresh(ctx, a.lib, a.refresh.Gen())
	}
	return a, tea.Batch(next, start)
}

// endAutoRefresh ends an automatic refresh: the feeds pane reloaded when
// anything was fetched, the list and the search index when anything new
// came, and new articles announced.
func (a App) endAutoRefresh() (tea.Model, tea.Cmd) {
	r := a.refresh
	fetched := r.Total > 0 || len(r.Synced) > 0
	if !fetched {
		return a, nil
	}
	cmds := []tea.Cmd{a.reloadFeeds()}
	if line := r.Announce(); line != "" {
		cmds = append(cmds, a.setStatus(line, false), a.reloadList(), service.IndexSearch(a.ctx, a.lib))
	} else if len(r.Synced) > 0 { // read and starred states may have changed
		cmds = append(cmds, a.reloadList())
	}
	return a, tea.Batch(cmds...)
}
