package ui

import (
	"context"
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
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
	return startRefresh(a.ctx, a.lib, a.refresh.gen, ids...)
}

func (a App) handleRefreshStarted(msg refreshStartedMsg) (tea.Model, tea.Cmd) {
	if msg.gen != a.refresh.gen {
		return a, nil
	}
	if msg.err != nil {
		a.refresh.running = false
		return a, a.setStatus(msg.err.Error(), true)
	}
	a.refresh.ch = msg.ch
	return a, nextFeedDone(a.ctx, msg.gen, msg.ch)
}

func (a App) handleFeedDone(msg feedDoneMsg) (tea.Model, tea.Cmd) {
	r := &a.refresh
	if msg.gen != r.gen || !r.running {
		return a, nil
	}
	if msg.done {
		r.running = false
		return a, tea.Batch(a.setStatus(r.summary(), r.failed > 0 && r.failed == r.total),
			a.reloadFeeds(), a.reloadList(), indexSearch(a.ctx, a.lib))
	}
	fd := msg.fd
	r.done, r.total = fd.Done, fd.Total
	r.newArticles += fd.New
	if fd.Err != nil {
		r.failed++
		if r.firstErr == "" {
			r.firstErr = fmt.Sprintf("%s: %v", fd.Feed.DisplayTitle(), fd.Err)
		}
	}
	cmds := []tea.Cmd{nextFeedDone(a.ctx, msg.gen, r.ch)}
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
func (a App) handleIndexed(msg indexedMsg) (tea.Model, tea.Cmd) {
	if msg.err == nil || errors.Is(msg.err, context.Canceled) || a.refresh.running {
		return a, nil
	}
	return a, a.setStatus(msg.err.Error(), false)
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
	return loadFeeds(a.ctx, a.lib)
}

func (a App) handleAutoRefresh() (tea.Model, tea.Cmd) {
	next := autoRefreshTick(a.cfg.RefreshInterval.Duration)
	if a.refresh.running {
		return a, next
	}
	return a, tea.Batch(next, a.beginRefresh())
}
