package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/service"
)

// refreshState follows a refresh as its accounts' syncs and then its
// feeds stream in, and the reloads it causes: one load of each kind at a
// time, another after it when more came in meanwhile.
type refreshState struct {
	running     bool
	gen         int
	ch          <-chan model.FeedDone
	done, total int // feeds; an account's sync is not one
	newArticles int // from feeds
	failed      int
	firstErr    string
	syncing     string          // the account sync under way, as the progress line says it
	synced      []syncedAccount // the accounts' syncs that ended, in order

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
		return a, tea.Batch(a.setStatus(r.summary(), r.allFailed()),
			a.reloadFeeds(), a.reloadList(), service.IndexSearch(a.ctx, a.lib))
	}
	fd := msg.FeedDone
	if fd.Sync != nil {
		return a.handleSync(msg.Gen, *fd.Sync)
	}
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

// handleSync follows an account's sync: its stage in the progress line;
// when it ends, its result kept for the summary and the feeds and list
// reloaded (its new items, the read and starred states it changed).
func (a App) handleSync(gen int, p model.SyncProgress) (tea.Model, tea.Cmd) {
	r := &a.refresh
	next := service.NextFeedDone(a.ctx, gen, r.ch)
	if p.Stage != model.SyncDone {
		r.syncing = syncingLine(p)
		return a, next
	}
	r.syncing = ""
	r.synced = append(r.synced, syncedOf(p))
	return a, tea.Batch(next, a.reloadFeeds(), a.reloadList())
}

// syncingLine is the progress line of an account's sync:
// "syncing home: 120/2,500 articles".
func syncingLine(p model.SyncProgress) string {
	stage := string(p.Stage)
	switch {
	case p.Stage == model.SyncItems && p.Total > 0:
		stage = groupThousands(p.Done) + "/" + groupThousands(p.Total) + " articles"
	case p.Stage == model.SyncItems:
		stage = groupThousands(p.Done) + " articles"
	}
	return "syncing " + p.Account + ": " + stage
}

// syncedAccount is how an account's sync ended, for the summary.
type syncedAccount struct {
	name    string
	new     int
	refused int    // local changes the server refused
	err     string // why it failed, one line; "" when it worked
}

func syncedOf(p model.SyncProgress) syncedAccount {
	s := syncedAccount{name: p.Account}
	if res := p.Result; res != nil {
		if s.name == "" {
			s.name = res.Account
		}
		s.new, s.refused = res.New, len(res.Dropped)
		if res.Err != nil {
			s.err, _, _ = strings.Cut(strings.TrimSpace(res.Err.Error()), "\n")
		}
	}
	return s
}

// summary is "synced home: 12 new", or "home: why it failed".
func (s syncedAccount) summary() string {
	if s.err != "" {
		return s.name + ": " + s.err
	}
	out := fmt.Sprintf("synced %s: %d new", s.name, s.new)
	if s.refused > 0 {
		out += fmt.Sprintf(", %d %s refused", s.refused, plural(s.refused, "change", "changes"))
	}
	return out
}

func (r refreshState) syncedNew() int {
	n := 0
	for _, s := range r.synced {
		n += s.new
	}
	return n
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
	if r.syncing != "" {
		return r.syncing
	}
	s := fmt.Sprintf("refreshing %d/%d feeds", r.done, r.total)
	if r.total == 0 {
		s = "refreshing…"
	}
	if n := r.newArticles + r.syncedNew(); n > 0 {
		s += fmt.Sprintf(" · %d new", n)
	}
	if r.failed > 0 {
		s += fmt.Sprintf(" · %d failed", r.failed)
	}
	return s
}

// summary ends a refresh: each account's sync, then the feeds; with no
// account, the feeds alone.
func (r refreshState) summary() string {
	if len(r.synced) == 0 {
		return r.feedsSummary()
	}
	parts := make([]string, 0, len(r.synced)+1)
	for _, s := range r.synced {
		parts = append(parts, s.summary())
	}
	if r.total > 0 {
		parts = append(parts, r.feedsSummary())
	}
	return strings.Join(parts, " · ")
}

// allFailed says whether nothing worked: every account and every feed
// failed.
func (r refreshState) allFailed() bool {
	feedsFailed := r.failed > 0 && r.failed == r.total
	if len(r.synced) == 0 {
		return feedsFailed
	}
	for _, s := range r.synced {
		if s.err == "" {
			return false
		}
	}
	return r.total == 0 || feedsFailed
}

func (r refreshState) feedsSummary() string {
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
