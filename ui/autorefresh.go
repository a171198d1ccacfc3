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

// dueTickMsg is the automatic refresh's timer.
type dueTickMsg struct{}

func dueTick(after time.Duration) tea.Cmd {
	return tea.Tick(after, func(time.Time) tea.Msg { return dueTickMsg{} })
}

// autoRefreshStart is the first timer of automatic refresh, as the
// configuration says: none, every feed at a fixed interval, or the feeds
// due.
func (a App) autoRefreshStart() tea.Cmd {
	switch {
	case !a.cfg.AutoRefresh:
		return nil
	case a.cfg.RefreshInterval.Duration > 0:
		return autoRefreshTick(a.cfg.RefreshInterval.Duration)
	}
	return dueTick(firstDueCheck)
}

// handleDueTick refreshes what is due, unless a refresh is running, and
// sets the next timer.
func (a App) handleDueTick() (tea.Model, tea.Cmd) {
	next := dueTick(dueCheckEvery)
	if a.refresh.Running() {
		return a, next
	}
	ctx := a.newRefresh(true)
	return a, tea.Batch(next, service.StartDueRefresh(ctx, a.lib, a.refresh.Gen()))
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
