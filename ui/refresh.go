package ui

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/service"
)

// beginRefresh starts refreshing the given feeds (all when none).
func (a *App) beginRefresh(ids ...int64) tea.Cmd {
	if a.refresh.Running() && !a.refresh.Auto() {
		return a.setStatus("a refresh is already running", false)
	}
	ctx := a.newRefresh(false)
	a.status = ""
	return service.StartRefresh(ctx, a.lib, a.refresh.Gen(), ids...)
}

// newRefresh begins the state of a refresh, stopping an automatic one
// still running, and gives the new refresh its context.
func (a *App) newRefresh(auto bool) context.Context {
	ctx, cancel := context.WithCancel(a.ctx)
	a.refresh.Start(auto, cancel)
	return ctx
}

// handleRefreshing takes a refresh's answers and timers; ok is false for
// any other message.
func (a App) handleRefreshing(msg tea.Msg) (m tea.Model, cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case service.RefreshStartedMsg:
		m, cmd = a.handleRefreshStarted(msg)
	case service.FeedDoneMsg:
		m, cmd = a.handleFeedDone(msg)
	case service.IndexedMsg:
		m, cmd = a.handleIndexed(msg)
	case autoRefreshMsg:
		m, cmd = a.handleAutoRefresh()
	default:
		return nil, nil, false
	}
	return m, cmd, true
}

func (a App) handleRefreshStarted(msg service.RefreshStartedMsg) (tea.Model, tea.Cmd) {
	if msg.Gen != a.refresh.Gen() {
		return a, nil
	}
	if msg.Err != nil {
		a.refresh.Stop()
		return a, a.setStatus(msg.Err.Error(), true)
	}
	a.refresh.SetStream(msg.Ch)
	return a, service.NextFeedDone(a.ctx, msg.Gen, msg.Ch)
}

func (a App) handleFeedDone(msg service.FeedDoneMsg) (tea.Model, tea.Cmd) {
	r := &a.refresh
	if msg.Gen != r.Gen() || !r.Running() {
		return a, nil
	}
	if msg.Done {
		r.Stop()
		if r.Auto() {
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
	cmds := []tea.Cmd{service.NextFeedDone(a.ctx, msg.Gen, r.Stream())}
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
	next := service.NextFeedDone(a.ctx, gen, a.refresh.Stream())
	if !a.refresh.Sync(p) {
		return a, next
	}
	return a, tea.Batch(next, a.reloadFeeds(), a.reloadList())
}

// handleIndexed reports, without alarm, a search index that could not be
// brought up to date: search brings it up to date itself. Success, and
// an index stopped by quitting, say nothing.
func (a App) handleIndexed(msg service.IndexedMsg) (tea.Model, tea.Cmd) {
	if msg.Err == nil || errors.Is(msg.Err, context.Canceled) || a.refresh.Running() {
		return a, nil
	}
	return a, a.setStatus(msg.Err.Error(), false)
}

func (a *App) reloadFeeds() tea.Cmd {
	if !a.refresh.AskFeeds() {
		return nil
	}
	return service.LoadFeeds(a.ctx, a.lib)
}
