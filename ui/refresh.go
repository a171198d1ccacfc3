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
}

// beginRefresh starts refreshing the given feeds (all when none).
func (a *App) beginRefresh(ids ...int64) tea.Cmd {
	if a.refresh.running {
		return a.setStatus("a refresh is already running", false)
	}
	a.refresh = refreshState{running: true, gen: a.refresh.gen + 1,
		feedsInflight: a.refresh.feedsInflight, feedsDirty: a.refresh.feedsDirty}
	a.status = ""
	return service.StartRefresh(a.ctx, a.lib, a.refresh.gen, ids...)
}

func (a App) handleRefreshStarted(msg service.RefreshStartedMsg) (tea.Model, tea.Cmd) {
	if msg.Gen != a.refresh.gen {
		return a, nil
	}
	if msg.Err != nil {
		a.refresh.running = false
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
		r.running = false
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
	return a, tea.Batch(next, a.beginRefresh())
}

// autoRefreshMsg is the auto-refresh timer's tick.
type autoRefreshMsg struct{}

func autoRefreshTick(every time.Duration) tea.Cmd {
	if every <= 0 {
		return nil
	}
	return tea.Tick(every, func(time.Time) tea.Msg { return autoRefreshMsg{} })
}
