package progress

import (
	"errors"
	"testing"

	"github.com/byline-reader/byline/model"
)

// TestSummaryWithAccounts: a refresh of accounts alone is not "nothing to
// refresh"; a failed account alone is an error; with no account the
// summary is the feeds' as it always was.
func TestSummaryWithAccounts(t *testing.T) {
	onlyAccount := Tally{Synced: []Account{{Name: "home", New: 3, Refused: 2}}}
	if s := onlyAccount.Summary(); s != "synced home: 3 new, 2 changes refused" || onlyAccount.AllFailed() {
		t.Fatalf("an account alone: %q", s)
	}
	failed := Tally{Synced: []Account{{Name: "home", Err: "dial tcp: no such host"}}}
	if s := failed.Summary(); s != "home: dial tcp: no such host" || !failed.AllFailed() {
		t.Fatalf("a failed account alone: %q, all failed %v", s, failed.AllFailed())
	}
	failed.Total = 3
	failed.Failures.Add("HTTP 404", "https://a.example/feed")
	if failed.AllFailed() {
		t.Fatal("feeds that worked are not a total failure")
	}
	none := Tally{}
	if s := none.Summary(); s != "nothing to refresh: no subscriptions" {
		t.Fatalf("no accounts, no feeds: %q", s)
	}
	feeds := Tally{Total: 30, New: 5}
	if s := feeds.Summary(); s != "refreshed 30 feeds: 5 new" {
		t.Fatalf("no accounts: %q", s)
	}
}

func TestTallyCountsFeedsAndSyncs(t *testing.T) {
	var tl Tally
	if tl.Sync(model.SyncProgress{Account: "home", Stage: model.SyncItems, Done: 120, Total: 2500}) || tl.Line() != "syncing home: 120/2,500 articles" {
		t.Fatalf("syncing: %q", tl.Line())
	}
	if !tl.Sync(model.SyncProgress{Account: "home", Stage: model.SyncDone, Result: &model.SyncResult{New: 4}}) {
		t.Fatal("the sync ended")
	}
	tl.Feed(model.FeedDone{Done: 1, Total: 2, New: 3})
	tl.Feed(model.FeedDone{Done: 2, Total: 2, Feed: model.Feed{Title: "Wire", URL: "https://wire.example/rss"}, Err: errors.New("HTTP 500")})
	if got := tl.Line(); got != "refreshing 2/2 feeds · 7 new · 1 failed" {
		t.Errorf("line: %q", got)
	}
	if got := tl.Summary(); got != "synced home: 4 new · refreshed 2 feeds: 3 new; 1 failed: HTTP 500 (wire.example)" {
		t.Errorf("summary: %q", got)
	}
	if Thousands(999) != "999" || Thousands(1234567) != "1,234,567" {
		t.Error("thousands")
	}
}
