package ui

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/progress"
	"github.com/byline-reader/byline/ui/service"
)

// refreshState follows a refresh as its accounts' syncs and then its
// feeds stream in, and the reloads it causes: one load of each kind at a
// time, another after it when more came in meanwhile.
type refreshState struct {
	running        bool
	gen            int
	ch             <-chan model.FeedDone
	progress.Tally // what the status line says of it

	feedsInflight, feedsDirty bool
	listDirty                 bool

	auto   bool               // started by a timer: quiet, and announces what it brought
	cancel context.CancelFunc // stops it: an automatic refresh gives way to r and R
}

// beginRefresh starts refreshing the given feeds (all when none).
func (a *App) beginRefresh(ids ...int64) tea.Cmd {
	if a.refresh.running && !a.refresh.auto {
		return a.setStatus("a refresh is already running", false)
	}
	ctx := a.newRefresh(false)
	a.status = ""
	return service.StartRefresh(ctx, a.lib, a.refresh.gen, ids...)
}

// stop ends the refresh: it no longer runs, and what it left in flight
// is cancelled.
func (r *refreshState) stop() {
	r.running = false
	if r.cancel != nil {
		r.cancel()
		r.cancel = nil
	}
}

// newRefresh begins the state of a refresh, stopping an automatic one
// still running, and gives the new refresh its context.
func (a *App) newRefresh(auto bool) context.Context {
	a.refresh.stop()
	ctx, cancel := context.WithCancel(a.ctx)
	a.refresh = refreshState{running: true, gen: a.refresh.gen + 1, auto: auto, cancel: cancel,
		feedsInflight: a.refresh.feedsInflight, feedsDirty: a.refresh.feedsDirty}
	return ctx
}

func (a App) handleRefreshStarted(msg service.RefreshStartedMsg) (tea.Model, tea.Cmd) {
	if msg.Gen != a.refresh.gen {
		return a, nil
	}
	if msg.Err != nil {
		a.refresh.stop()
		return a, a.setStatus(msg.Err.Error(), true)
	}
	a.refresh.ch = msg.Ch
	return a, service.NextFeedDone(a.ctx, msg.Gen, msg.Ch)
}

func (a App) handleFeedDone(msg service.FeedDoneMsg) (tea.Model, tea.Cmd) {
	r := &a.refresh
	if msg.Gen != r.gen || !r.running {
		return a, nil
	}
	if msg.Done {
		r.stop()
		if r.auto {
			return a.endAutoRefresh()
		}
		return a, tea.Batch(a.setStatus(r.Summary(), r.AllFailed()),
			a.reloadFeeds(), a.reloadList(), service.IndexSearch(a.ctx, a.lib))
	}
	fd := msg.FeedDone
	if fd.Sync != nil {
		return a.handleSync(msg.Gen, *fd.Sync)
	}
	r.Feed(fd)
	cmds := []tea.Cmd{service.NextFeedDone(a.ctx, msg.Gen, r.ch)}
	if fd.New > 0 || fd.Err != nil {
		cmds = append(cmds, a.reloadFeeds())
	}
	if fd.New > 0 {
		cmds = append(cmds, a.reloadList())
	}
	return a, tea.Batch(cmds...)
}

// handleSync follows an account's sync: its stage in the progress line;
// when it ends, its result kept for the summary and the feeds and list
// reloaded (its new items, the read and starred states it changed).
func (a App) handleSync(gen int, p model.SyncProgress) (tea.Model, tea.Cmd) {
	next := service.NextFeedDone(a.ctx, gen, a.refresh.ch)
	if !a.refresh.Sync(p) {
		return a, next
	}
	return a, tea.Batch(next, a.reloadFeeds(), a.reloadList())
}

// handleIndexed reports, without alarm, a search index that could not be
// brought up to date: search brings it up to date itself. Success, and
// an index stopped by quitting, say nothing.
func (a App) handleIndexed(msg service.IndexedMsg) (tea.Model, tea.Cmd) {
	if msg.Err == nil || errors.Is(msg.Err, context.Canceled) || a.refresh.running {
		return a, nil
	}
	return a, a.setStatus(msg.Err.Error(), false)
}

func (a *App) reloadFeeds() tea.Cmd {
	if a.refresh.feedsInflight {
		a.refresh.feedsDirty = true
		return nil
	}
	a.refresh.feedsInflight, a.refresh.feedsDirty = true, false
	return service.LoadFeeds(a.ctx, a.lib)
}

func (a App) handleAutoRefresh() (tea.Model, tea.Cmd) {
	next := autoRefreshTick(a.cfg.RefreshInterval.Duration)
	if a.refresh.running {
		return a, next
	}
	ctx := a.newRefresh(true)
	return a, tea.Batch(next, service.StartRefresh(ctx, a.lib, a.refresh.gen))
}

// autoRefreshMsg is the auto-refresh timer's tick.
type autoRefreshMsg struct{}

func autoRefreshTick(every time.Duration) tea.Cmd {
	if every <= 0 {
		return nil
	}
	return tea.Tick(every, func(time.Time) tea.Msg { return autoRefreshMsg{} })
}
