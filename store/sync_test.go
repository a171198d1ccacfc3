package store

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

func newAccount(t *testing.T, s *Store, name string) model.Account {
	t.Helper()
	a, err := s.SaveAccount(context.Background(), model.Account{Name: name, Type: "greader",
		URL: "http://127.0.0.1:1", Username: "me"})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func syncItem(id int64, feed string, read, starred bool) model.SyncItem {
	return model.SyncItem{ID: id, FeedID: feed, Article: model.Article{
		Title: "item", URL: "https://example.com/" + feed, Read: read, Starred: starred}}
}

// TestSyncFeedsPlaces: the same URL may be a local feed and an account's;
// feeds the server stops listing go with their articles.
func TestSyncFeedsPlaces(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	local := addFeed(t, s, "https://example.com/feed")
	acct := newAccount(t, s, "home")
	feeds := []model.Feed{
		{RemoteID: "feed/1", URL: "https://example.com/feed", Title: "One", Tags: []string{"News"}},
		{RemoteID: "feed/2", URL: "https://example.org/rss", Title: "Two"},
	}
	if added, removed, err := s.SyncFeeds(ctx, acct.ID, feeds); err != nil || added != 2 || removed != 0 {
		t.Fatalf("SyncFeeds = %d, %d, %v", added, removed, err)
	}
	if got, err := s.FeedByURL(ctx, local.URL); err != nil || got.ID != local.ID || got.Account != "" {
		t.Errorf("FeedByURL prefers the local feed: %+v, %v", got, err)
	}
	if _, _, err := s.SaveItems(ctx, acct.ID, []model.SyncItem{syncItem(7, "feed/2", false, false)}, time.Now()); err != nil {
		t.Fatal(err)
	}
	feeds[0].Title = "One renamed"
	if added, removed, err := s.SyncFeeds(ctx, acct.ID, feeds[:1]); err != nil || added != 0 || removed != 1 {
		t.Fatalf("second SyncFeeds = %d, %d, %v", added, removed, err)
	}
	all, _ := s.Feeds(ctx)
	if len(all) != 2 {
		t.Fatalf("feeds = %+v", all)
	}
	for _, f := range all {
		if f.Account == "home" && (f.Title != "One renamed" || f.RemoteID != "feed/1" || f.Tags[0] != "News") {
			t.Errorf("account feed = %+v", f)
		}
	}
	if known, _ := s.KnownItems(ctx, acct.ID); len(known) != 0 {
		t.Errorf("items of a removed feed stay: %v", known)
	}
}

// TestOutboxAndReconcile: a local change is queued in the same transaction
// as the change, keeps its state through a reconcile until confirmed, and
// a change made again while one is in flight survives its confirmation.
func TestOutboxAndReconcile(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	acct := newAccount(t, s, "home")
	s.SyncFeeds(ctx, acct.ID, []model.Feed{{RemoteID: "feed/1", URL: "https://example.com/feed"}})
	saved, orphans, err := s.SaveItems(ctx, acct.ID, []model.SyncItem{
		syncItem(1, "feed/1", false, false), syncItem(2, "feed/1", true, true),
		syncItem(3, "feed/9", false, false)}, time.Now())
	if err != nil || saved != 2 || orphans != 1 {
		t.Fatalf("SaveItems = %d, %d, %v", saved, orphans, err)
	}
	if again, _, _ := s.SaveItems(ctx, acct.ID, []model.SyncItem{syncItem(1, "feed/1", true, true)}, time.Now()); again != 0 {
		t.Errorf("an item stored twice")
	}
	arts, _ := s.Articles(ctx, model.ArticleQuery{})
	byKey := map[string]int64{}
	for _, a := range arts {
		byKey[a.Key] = a.ID
	}
	s.Mark(ctx, []int64{byKey["1"]}, ptr(true), nil)
	out, _ := s.Outbox(ctx, acct.ID)
	if len(out) != 1 || out[0].Item != 1 || out[0].Starred || !out[0].Set {
		t.Fatalf("outbox = %+v", out)
	}
	// The server still says 1 is unread: 1 keeps its local read state while
	// its change waits. 2 is read and starred on both sides.
	if n, err := s.Reconcile(ctx, acct.ID, map[int64]bool{1: true}, map[int64]bool{2: true}); err != nil || n != 0 {
		t.Errorf("Reconcile = %d, %v; want nothing changed", n, err)
	}
	s.Mark(ctx, []int64{byKey["1"]}, ptr(false), nil) // changed again while in flight
	s.OutboxDone(ctx, []int64{out[0].Seq})
	if left, _ := s.Outbox(ctx, acct.ID); len(left) != 1 || left[0].Set {
		t.Errorf("the newer change was lost: %+v", left)
	}
	s.OutboxDone(ctx, []int64{left0(t, s, acct.ID)})
	// Nothing pending: the server's state wins.
	if n, _ := s.Reconcile(ctx, acct.ID, map[int64]bool{2: true}, nil); n != 2 {
		t.Errorf("Reconcile changed %d, want 2", n)
	}
	a1, _ := s.Article(ctx, byKey["1"])
	a2, _ := s.Article(ctx, byKey["2"])
	if !a1.Read || a2.Read || a2.Starred {
		t.Errorf("after reconcile: 1 read=%v; 2 read=%v starred=%v", a1.Read, a2.Read, a2.Starred)
	}
	s.MarkFeedRead(ctx, a2.FeedID)
	if out, _ := s.Outbox(ctx, acct.ID); len(out) != 1 || out[0].Item != 2 || !out[0].Set {
		t.Errorf("mark feed read queued %+v", out)
	}
	if accts, _ := s.Accounts(ctx); len(accts) != 1 || accts[0].Pending != 1 || accts[0].Feeds != 1 {
		t.Errorf("accounts = %+v", accts)
	}
}

func TestAccountTokenKeptPrivately(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	acct := newAccount(t, s, "home")
	if err := s.SetAccountToken(ctx, acct.ID, "secret"); err != nil {
		t.Fatal(err)
	}
	if tok, _ := s.AccountToken(ctx, acct.ID); tok != "secret" {
		t.Errorf("token = %q", tok)
	}
	if fi, err := os.Stat(s.Path()); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("database mode = %v, %v; want 0600", fi.Mode(), err)
	}
	acct.URL = "http://elsewhere.example"
	s.SaveAccount(ctx, acct)
	if tok, _ := s.AccountToken(ctx, acct.ID); tok != "" {
		t.Errorf("a token kept for another server: %q", tok)
	}
	if err := s.RemoveAccount(ctx, acct.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Account(ctx, "home"); err == nil {
		t.Error("removed account still there")
	}
}

func left0(t *testing.T, s *Store, accountID int64) int64 {
	t.Helper()
	out, err := s.Outbox(context.Background(), accountID)
	if err != nil || len(out) == 0 {
		t.Fatalf("outbox = %v, %v", out, err)
	}
	return out[0].Seq
}

func TestArticlesOfOnePlace(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	local := addFeed(t, s, "https://example.com/feed")
	save(t, s, local, items(0, 2))
	acct := newAccount(t, s, "home")
	s.SyncFeeds(ctx, acct.ID, []model.Feed{{RemoteID: "feed/1", URL: "https://example.com/feed"}})
	s.SaveItems(ctx, acct.ID, []model.SyncItem{syncItem(1, "feed/1", false, false)}, time.Now())
	for q, want := range map[string]int{"": 3, model.LocalFeeds: 2, "home": 1, "other": 0} {
		if n, err := s.CountArticles(ctx, model.ArticleQuery{Account: q}); err != nil || n != want {
			t.Errorf("Account %q: %d articles, %v; want %d", q, n, err, want)
		}
	}
}

// TestHighlightsOutliveTheAccount: a feed the server stops listing, or an
// account removed, takes its articles, but a highlighted article stays,
// in byline's own feed of that URL (made when there is none).
func TestHighlightsOutliveTheAccount(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	acct := newAccount(t, s, "home")
	local := addFeed(t, s, "https://example.com/b")
	remote := []model.Feed{{RemoteID: "feed/1", URL: "https://example.com/a"},
		{RemoteID: "feed/2", URL: "https://example.com/b"}, {RemoteID: "feed/3", URL: "https://example.com/c"}}
	s.SyncFeeds(ctx, acct.ID, remote)
	s.SaveItems(ctx, acct.ID, []model.SyncItem{syncItem(1, "feed/1", false, false), syncItem(2, "feed/1", false, false),
		syncItem(3, "feed/2", false, false), syncItem(4, "feed/3", false, false)}, time.Now())
	byKey := map[string]int64{}
	arts, _ := s.Articles(ctx, model.ArticleQuery{})
	for _, a := range arts {
		byKey[a.Key] = a.ID
	}
	for _, k := range []string{"1", "3"} {
		if _, err := s.AddHighlight(ctx, model.Highlight{ArticleID: byKey[k], Text: "words"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := s.SyncFeeds(ctx, acct.ID, remote[2:]); err != nil {
		t.Fatal(err)
	}
	if hs, _ := s.Highlights(ctx, 0); len(hs) != 2 {
		t.Errorf("highlights left: %+v", hs)
	}
	a1, err1 := s.Article(ctx, byKey["1"])
	a3, err3 := s.Article(ctx, byKey["3"])
	if err1 != nil || err3 != nil || a3.FeedID != local.ID {
		t.Fatalf("highlighted articles: %+v %v, %+v %v", a1, err1, a3, err3)
	}
	if f, _ := s.Feed(ctx, a1.FeedID); f.Account != "" || f.URL != "https://example.com/a" {
		t.Errorf("the feed kept for a highlight = %+v", f)
	}
	if _, err := s.Article(ctx, byKey["2"]); err == nil {
		t.Error("an article without a highlight stayed")
	}
	if known, _ := s.KnownItems(ctx, acct.ID); len(known) != 1 || !known[4] {
		t.Errorf("items = %v", known)
	}
	// An empty list from the server removes nothing.
	if _, removed, _ := s.SyncFeeds(ctx, acct.ID, nil); removed != 0 {
		t.Errorf("an empty list removed %d feeds", removed)
	}
	s.AddHighlight(ctx, model.Highlight{ArticleID: byKey["4"], Text: "more"})
	if err := s.RemoveAccount(ctx, acct.ID); err != nil {
		t.Fatal(err)
	}
	if hs, _ := s.Highlights(ctx, 0); len(hs) != 3 {
		t.Errorf("highlights after removing the account: %d", len(hs))
	}
	if n, _ := s.CountArticles(ctx, model.ArticleQuery{}); n != 3 {
		t.Errorf("%d articles left, want the 3 highlighted", n)
	}
}
