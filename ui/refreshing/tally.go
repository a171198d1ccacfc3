// Package refreshing is a refresh's tally as the app says it: the feeds
// and the accounts' syncs counted as they end, the progress line while it
// runs and the summary after. No Bubble Tea: the app (ui/refresh.go)
// streams the results in and shows the lines.
package refreshing

import (
	"fmt"
	"strings"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/cells"
)

// Tally counts a refresh: its feeds, and its accounts' syncs, which are
// not feeds.
type Tally struct {
	Done, Total int // feeds
	newArticles int // from feeds
	failed      int
	firstErr    string
	syncing     string    // the account sync under way, as the progress line says it
	synced      []account // the accounts' syncs that ended, in order
}

// Feed counts a feed that ended.
func (t *Tally) Feed(fd model.FeedDone) {
	t.Done, t.Total = fd.Done, fd.Total
	t.newArticles += fd.New
	if fd.Err != nil {
		t.failed++
		if t.firstErr == "" {
			t.firstErr = fmt.Sprintf("%s: %v", fd.Feed.DisplayTitle(), fd.Err)
		}
	}
}

// Sync follows an account's sync: its stage for the progress line; when
// it ended (the answer), its result kept for the summary.
func (t *Tally) Sync(p model.SyncProgress) (ended bool) {
	if p.Stage != model.SyncDone {
		t.syncing = syncingLine(p)
		return false
	}
	t.syncing = ""
	t.synced = append(t.synced, accountOf(p))
	return true
}

// syncingLine is the progress line of an account's sync:
// "syncing home: 120/2,500 articles".
func syncingLine(p model.SyncProgress) string {
	stage := string(p.Stage)
	switch {
	case p.Stage == model.SyncItems && p.Total > 0:
		stage = cells.Thousands(p.Done) + "/" + cells.Thousands(p.Total) + " articles"
	case p.Stage == model.SyncItems:
		stage = cells.Thousands(p.Done) + " articles"
	}
	return "syncing " + p.Account + ": " + stage
}

// account is how an account's sync ended, for the summary.
type account struct {
	name    string
	new     int
	refused int    // local changes the server refused
	err     string // why it failed, one line; "" when it worked
}

func accountOf(p model.SyncProgress) account {
	s := account{name: p.Account}
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
func (s account) summary() string {
	if s.err != "" {
		return s.name + ": " + s.err
	}
	out := fmt.Sprintf("synced %s: %d new", s.name, s.new)
	if s.refused > 0 {
		out += fmt.Sprintf(", %d %s refused", s.refused, plural(s.refused, "change", "changes"))
	}
	return out
}

func (t Tally) syncedNew() int {
	n := 0
	for _, s := range t.synced {
		n += s.new
	}
	return n
}

// Progress is the status line while the refresh runs.
func (t Tally) Progress() string {
	if t.syncing != "" {
		return t.syncing
	}
	s := fmt.Sprintf("refreshing %d/%d feeds", t.Done, t.Total)
	if t.Total == 0 {
		s = "refreshing…"
	}
	if n := t.newArticles + t.syncedNew(); n > 0 {
		s += fmt.Sprintf(" · %d new", n)
	}
	if t.failed > 0 {
		s += fmt.Sprintf(" · %d failed", t.failed)
	}
	return s
}

// Summary ends a refresh: each account's sync, then the feeds; with no
// account, the feeds alone.
func (t Tally) Summary() string {
	if len(t.synced) == 0 {
		return t.feedsSummary()
	}
	parts := make([]string, 0, len(t.synced)+1)
	for _, s := range t.synced {
		parts = append(parts, s.summary())
	}
	if t.Total > 0 {
		parts = append(parts, t.feedsSummary())
	}
	return strings.Join(parts, " · ")
}

// AllFailed says whether nothing worked: every account and every feed
// failed.
func (t Tally) AllFailed() bool {
	feedsFailed := t.failed > 0 && t.failed == t.Total
	if len(t.synced) == 0 {
		return feedsFailed
	}
	for _, s := range t.synced {
		if s.err == "" {
			return false
		}
	}
	return t.Total == 0 || feedsFailed
}

func (t Tally) feedsSummary() string {
	switch {
	case t.Total == 0:
		return "nothing to refresh: no subscriptions"
	case t.failed == t.Total:
		return fmt.Sprintf("all %d %s failed: are you offline? (%s)", t.Total, plural(t.Total, "feed", "feeds"), t.firstErr)
	}
	s := fmt.Sprintf("refreshed %d %s: %d new", t.Total, plural(t.Total, "feed", "feeds"), t.newArticles)
	if t.failed > 0 {
		s += fmt.Sprintf("; %d failed (%s)", t.failed, t.firstErr)
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
