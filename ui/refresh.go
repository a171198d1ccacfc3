package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/service"
)

// refreshState follows a refresh as its feeds stream in, and the reloads
// it causes: one load of each kind at a time, another after it when more
// came in meanwhile.
type refreshState struct {
	running     bool
	gen         int
	ch          <-chan model.FeedDone
	done, total int
	newArticles int
	failed      int
	firstErr    string

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
		return a, tea.Batch(a.setStatus(r.summary(), r.failed > 0 && r.failed == r.total),
			a.reloadFeeds(), a.reloadList(), service.IndexSearch(a.ctx, a.lib))
	}
	fd := msg.FeedDone
	r.done, r.total = fd.Done, fd.Total
	r.newArticles += fd.New
	if fd.Err != nil {
		r.failed++
		if r.firstErr == "" {
			r.firstErr = fmt.Sprintf("%s: %v", fd.Feed.DisplayTitle(), fd.Err)
		}
	}
	cmds := []tea.Cmd{service.NextFeedDone(a.ctx, msg.Gen, r.ch)}
	if fd.New > 0 || fd.Err != nil {
		cmds = append(cmds, a.reloadFeeds())
	}
	if fd.New > 0 {
		cmds = append(cmds, a.reloadList())
	}
	return a, tea.Batch(cmds...)
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

func (r refreshState) progress() string {
	s := fmt.Sprintf("refreshing %d/%d feeds", r.done, r.total)
	if r.total == 0 {
		s = "refreshing…"
	}
	if r.newArticles > 0 {
		s += fmt.Sprintf(" · %d new", r.newArticles)
	}
	if r.failed > 0 {
		s += fmt.Sprintf(" · %d failed", r.failed)
	}
	return s
}

func (r refreshState) summary() string {
	switch {
	case r.total == 0:
		return "nothing to refresh: no subscriptions"
	case r.failed == r.total:
		return fmt.Sprintf("all %d %s failed: are you offline? (%s)", r.total, plural(r.total, "feed", "feeds"), r.firstErr)
	}
	s := fmt.Sprintf("refreshed %d %s: %d new", r.total, plural(r.total, "feed", "feeds"), r.newArticles)
	if r.failed > 0 {
		s += fmt.Sprintf("; %d failed (%s)", r.failed, r.firstErr)
	}
	return s
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
