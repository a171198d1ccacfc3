// Package progress is what the app says of a refresh as it streams in:
// the progress line ("refreshing 12/40 feeds · 3 new", or the stage of an
// account's sync) and the summary when it ends, from the counts the app
// keeps in a Tally as each feed and sync arrives; and the state of the
// refresh running (Run). No Bubble Tea: the app (ui/refresh.go) follows the
// stream and shows these lines; the command line draws them on its
// terminal with a Line, the one writer here.
package progress

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/failures"
)

// Tally counts a refresh: its feeds, then each sync account.
type Tally struct {
	Done, Total int             // feeds; an account's sync is not one
	New         int             // new articles from feeds
	Failures    failures.Groups // why feeds failed, by cause
	Syncing     string          // the account sync under way, as the progress line says it
	Synced      []Account       // the accounts' syncs that ended, in order
	NewIn       []Source        // the feeds that brought new articles, in order
}

// Feed counts a feed's result.
func (t *Tally) Feed(fd model.FeedDone) {
	t.Done, t.Total = fd.Done, fd.Total
	t.New += fd.New
	if fd.New > 0 {
		t.NewIn = append(t.NewIn, Source{Name: fd.Feed.DisplayTitle(), New: fd.New})
	}
	if fd.Err != nil {
		t.Failures.Add(fd.Err.Error(), fd.Feed.URL)
	}
}

// Sync follows an account's sync: its stage for the progress line, its
// result for the summary once it ends. It says whether it ended.
func (t *Tally) Sync(p model.SyncProgress) (ended bool) {
	if p.Stage != model.SyncDone {
		t.Syncing = syncingLine(p)
		return false
	}
	t.Syncing = ""
	t.Synced = append(t.Synced, accountOf(p))
	return true
}

// syncingLine is the progress line of an account's sync:
// "syncing home: 120/2,500 articles".
func syncingLine(p model.SyncProgress) string {
	stage := string(p.Stage)
	switch {
	case p.Stage == model.SyncItems && p.Total > 0:
		stage = Thousands(p.Done) + "/" + Thousands(p.Total) + " articles"
	case p.Stage == model.SyncItems:
		stage = Thousands(p.Done) + " articles"
	}
	return "syncing " + p.Account + ": " + stage
}

// Account is how an account's sync ended, for the summary.
type Account struct {
	Name    string
	New     int
	Refused int    // local changes the server refused
	Err     string // why it failed, one line; "" when it worked
}

func accountOf(p model.SyncProgress) Account {
	s := Account{Name: p.Account}
	if res := p.Result; res != nil {
		if s.Name == "" {
			s.Name = res.Account
		}
		s.New, s.Refused = res.New, len(res.Dropped)
		if res.Err != nil {
			s.Err, _, _ = strings.Cut(strings.TrimSpace(res.Err.Error()), "\n")
		}
	}
	return s
}

// summary is "synced home: 12 new", or "home: why it failed".
func (s Account) summary() string {
	if s.Err != "" {
		return s.Name + ": " + s.Err
	}
	out := fmt.Sprintf("synced %s: %d new", s.Name, s.New)
	if s.Refused > 0 {
		out += fmt.Sprintf(", %d %s refused", s.Refused, plural(s.Refused, "change", "changes"))
	}
	return out
}

func (t Tally) syncedNew() int {
	n := 0
	for _, s := range t.Synced {
		n += s.New
	}
	return n
}

// Line is the progress line while the refresh runs.
func (t Tally) Line() string {
	if t.Syncing != "" {
		return t.Syncing
	}
	s := fmt.Sprintf("refreshing %d/%d feeds", t.Done, t.Total)
	if t.Total == 0 {
		s = "refreshing…"
	}
	if n := t.New + t.syncedNew(); n > 0 {
		s += fmt.Sprintf(" · %d new", n)
	}
	if n := t.Failures.Len(); n > 0 {
		s += fmt.Sprintf(" · %d failed", n)
	}
	return s
}

// Summary ends a refresh: each account's sync, then the feeds; with no
// account, the feeds alone.
func (t Tally) Summary() string {
	if len(t.Synced) == 0 {
		return t.feedsSummary()
	}
	parts := make([]string, 0, len(t.Synced)+1)
	for _, s := range t.Synced {
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
	failed := t.Failures.Len()
	feedsFailed := failed > 0 && failed == t.Total
	if len(t.Synced) == 0 {
		return feedsFailed
	}
	for _, s := range t.Synced {
		if s.Err == "" {
			return false
		}
	}
	return t.Total == 0 || feedsFailed
}

func (t Tally) feedsSummary() string {
	switch {
	case t.Total == 0:
		return "nothing to refresh: no subscriptions"
	case t.Failures.Len() == t.Total:
		return fmt.Sprintf("all %d %s failed: are you offline? %s", t.Total, plural(t.Total, "feed", "feeds"), t.Failures.Causes())
	}
	s := fmt.Sprintf("refreshed %d %s: %d new", t.Total, plural(t.Total, "feed", "feeds"), t.New)
	if t.Failures.Len() > 0 {
		s += "; " + t.Failures.String()
	}
	return s
}

// Thousands writes 100000 as 100,000.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 1000 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
