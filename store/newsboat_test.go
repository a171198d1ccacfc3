package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/store/newsboat"
)

// newsboatSchema is the schema newsboat 2.21 writes in its cache.db, as
// `newsboat -x reload` made it.
const newsboatSchema = `
CREATE TABLE rss_feed (  rssurl VARCHAR(1024) PRIMARY KEY NOT NULL,  url VARCHAR(1024) NOT NULL,  title VARCHAR(1024) NOT NULL , lastmodified INTEGER(11) NOT NULL DEFAULT 0, is_rtl INTEGER(1) NOT NULL DEFAULT 0, etag VARCHAR(128) NOT NULL DEFAULT "");
CREATE TABLE rss_item (  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,  guid VARCHAR(64) NOT NULL,  title VARCHAR(1024) NOT NULL,  author VARCHAR(1024) NOT NULL,  url VARCHAR(1024) NOT NULL,  feedurl VARCHAR(1024) NOT NULL,  pubDate INTEGER NOT NULL,  content VARCHAR(65535) NOT NULL, unread INTEGER(1) NOT NULL , enclosure_url VARCHAR(1024), enclosure_type VARCHAR(1024), enqueued INTEGER(1) NOT NULL DEFAULT 0, flags VARCHAR(52), deleted INTEGER(1) NOT NULL DEFAULT 0, base VARCHAR(128) NOT NULL DEFAULT "");
CREATE TABLE google_replay (  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,  guid VARCHAR(64) NOT NULL,  state INTEGER NOT NULL,  ts INTEGER NOT NULL );
CREATE INDEX idx_rssurl ON rss_feed(rssurl);
CREATE INDEX idx_guid ON rss_item(guid);
CREATE INDEX idx_feedurl ON rss_item(feedurl);
CREATE INDEX idx_lastmodified ON rss_feed(lastmodified);
CREATE INDEX idx_deleted ON rss_item(deleted);
CREATE TABLE metadata (  db_schema_version_major INTEGER NOT NULL,  db_schema_version_minor INTEGER NOT NULL );
INSERT INTO metadata VALUES (2, 11);
`

// nbItem is a row of newsboat's rss_item.
type nbItem struct {
	feed, guid, url string
	unread          bool
	flags           any // string or nil (NULL, as newsboat leaves it)
	deleted         bool
}

// newsboatCache writes a newsboat cache.db at path holding items.
func newsboatCache(tb testing.TB, path string, items []nbItem) {
	tb.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(newsboatSchema); err != nil {
		tb.Fatal(err)
	}
	fillNewsboat(tb, db, items)
}

// fillNewsboat adds items (and their feeds) to an open cache, in one
// transaction.
func fillNewsboat(tb testing.TB, db *sql.DB, items []nbItem) {
	tb.Helper()
	tx, err := db.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	for _, it := range items {
		_, err := tx.Exec(`INSERT OR IGNORE INTO rss_feed (rssurl, url, title) VALUES (?, '', 'feed')`, it.feed)
		if err == nil {
			_, err = tx.Exec(`INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate,
				content, unread, flags, deleted) VALUES (?, 'title', '', ?, ?, 0, '', ?, ?, ?)`,
				it.guid, it.url, it.feed, it.unread, it.flags, it.deleted)
		}
		if err != nil {
			tb.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

// stateOf is each article's read and starred state, by key.
func stateOf(t *testing.T, s *Store) map[string][2]bool {
	t.Helper()
	arts, err := s.Articles(context.Background(), model.ArticleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	st := map[string][2]bool{}
	for _, a := range arts {
		st[a.Key] = [2]bool{a.Read, a.Starred}
	}
	return st
}

// byKey is each article's id, by key.
func byKey(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	arts, err := s.Articles(context.Background(), model.ArticleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, a := range arts {
		ids[a.Key] = a.ID
	}
	return ids
}

// newsboatFixture is a store with two feeds and a newsboat cache that
// knows some of their articles, by guid and by link.
func newsboatFixture(t *testing.T) (*Store, string) {
	s := newStore(t)
	one := addFeed(t, s, "https://example.com/feed")
	two := addFeed(t, s, "https://example.org/rss")
	save(t, s, one, items(0, 6)) // guid-0…5, https://example.com/0…5
	save(t, s, two, []model.Article{{Key: "https://example.org/a", URL: "https://example.org/a", Title: "A"}})
	read, id := true, byKey(t, s)["guid-5"]
	if _, err := s.Mark(context.Background(), []int64{id}, &read, nil); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cache.db")
	newsboatCache(t, path, []nbItem{
		{feed: one.URL, guid: "guid-0", url: "https://example.com/0", unread: true},              // nothing to do
		{feed: one.URL, guid: "guid-1", url: "https://example.com/1", unread: true, flags: "s"},  // starred
		{feed: one.URL, guid: " guid-2 ", url: "https://example.com/2", flags: "ab"},             // read by guid, flags not "s"
		{feed: one.URL, guid: "changed", url: "https://example.com/3", flags: "xs"},              // by link
		{feed: "https://moved.example/feed", guid: "guid-4", url: "https://example.com/4"},       // by link, in another feed
		{feed: one.URL, guid: "guid-5", url: "https://example.com/5", unread: true},              // read here: stays read
		{feed: two.URL, guid: "https://example.org/a", url: "https://example.org/a", flags: "s"}, // guid = link
		{feed: one.URL, guid: "gone", url: "https://elsewhere.example/x", unread: true},          // unknown
		{feed: two.URL, guid: "guid-0", url: ""},                                                 // same guid, other feed
		{feed: one.URL, guid: "guid-0", url: "https://example.com/0", flags: "s", deleted: true}, // deleted in newsboat
	})
	return s, path
}

func TestNewsboatState(t *testing.T) {
	s, path := newsboatFixture(t)
	ctx := context.Background()
	before, _ := os.ReadFile(path)
	marks, err := newsboat.Read(ctx, path, "s")
	if err != nil {
		t.Fatal(err)
	}
	if len(marks) != 9 {
		t.Fatalf("read %d items, want 9 (the deleted one left out): %+v", len(marks), marks)
	}
	dry, err := s.ApplyState(ctx, marks, true)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]bool{
		"guid-0": {false, false}, "guid-1": {false, true}, "guid-2": {true, false},
		"guid-3": {true, true}, "guid-4": {true, false}, "guid-5": {true, false},
		"https://example.org/a": {true, true},
	}
	if got := stateOf(t, s); got["guid-2"][0] || got["guid-3"][1] {
		t.Fatalf("a dry run changed the store: %v", got)
	}
	res, err := s.ApplyState(ctx, marks, false)
	if err != nil {
		t.Fatal(err)
	}
	if wantRes := (StateResult{Items: 9, Matched: 7, Unmatched: 2, Read: 4, Starred: 3}); res != wantRes {
		t.Errorf("ApplyState = %+v, want %+v", res, wantRes)
	}
	if dry.Matched != res.Matched || dry.Read != res.Read || dry.Starred != res.Starred || !dry.DryRun {
		t.Errorf("dry run = %+v, applied = %+v", dry, res)
	}
	if got := stateOf(t, s); !maps.Equal(got, want) {
		t.Errorf("state = %v\nwant %v", got, want)
	}
	again, err := s.ApplyState(ctx, marks, false)
	if err != nil || again.Read != 0 || again.Starred != 0 || again.Matched != 7 {
		t.Errorf("second import = %+v, %v; want nothing changed", again, err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the newsboat cache was written")
	}
}

// TestNewsboatStarFlags: the letters that mean starred are the caller's.
func TestNewsboatStarFlags(t *testing.T) {
	_, path := newsboatFixture(t)
	marks, err := newsboat.Read(context.Background(), path, "a")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range marks {
		if m.Starred != (m.GUID == "guid-2") {
			t.Errorf("%s starred = %v", m.GUID, m.Starred)
		}
	}
}

// TestNewsboatStateOutbox: an account's article is matched by link only
// (its key is the server's item id) and its change goes to the outbox.
func TestNewsboatStateOutbox(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	acct := newAccount(t, s, "home")
	s.SyncFeeds(ctx, acct.ID, []model.Feed{{RemoteID: "feed/1", URL: "https://example.com/feed"}})
	if _, _, err := s.SaveItems(ctx, acct.ID, []model.SyncItem{syncItem(1, "feed/1", false, false)}, time.Now()); err != nil {
		t.Fatal(err)
	}
	// The item's key is "1"; its link, syncItem's, https://example.com/feed/1.
	marks := []newsboat.Mark{
		{FeedURL: "https://example.com/feed", GUID: "1", Link: "https://other.example/", Read: true},
		{FeedURL: "https://example.com/feed", GUID: "x", Link: "https://example.com/feed/1", Read: true, Starred: true},
	}
	res, err := s.ApplyState(ctx, marks, false)
	if err != nil || res.Matched != 1 || res.Read != 1 || res.Starred != 1 {
		t.Fatalf("ApplyState = %+v, %v", res, err)
	}
	out, err := s.Outbox(ctx, acct.ID)
	if err != nil || len(out) != 2 || out[0].Item != 1 || !out[0].Set || !out[1].Set || out[0].Starred == out[1].Starred {
		t.Errorf("outbox = %+v, %v; want read and starred of item 1", out, err)
	}
}

// TestNewsboatStateAllOrNothing: a failure part way leaves nothing changed.
func TestNewsboatStateAllOrNothing(t *testing.T) {
	s, path := newsboatFixture(t)
	ctx := context.Background()
	marks, err := newsboat.Read(ctx, path, "s")
	if err != nil {
		t.Fatal(err)
	}
	before := stateOf(t, s)
	// Read is set first; starring then fails.
	if _, err := s.db.Exec(`CREATE TRIGGER no_stars BEFORE UPDATE OF starred ON articles
		BEGIN SELECT RAISE(ABORT, 'stars refused'); END`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApplyState(ctx, marks, false); err == nil || !strings.Contains(err.Error(), "stars refused") {
		t.Fatalf("ApplyState = %v, want the trigger's error", err)
	}
	if got := stateOf(t, s); !maps.Equal(got, before) {
		t.Errorf("a failed import changed state: %v, was %v", got, before)
	}
	if _, err := s.db.Exec(`DROP TRIGGER no_stars`); err != nil {
		t.Fatal(err)
	}
	if res, err := s.ApplyState(ctx, marks, false); err != nil || res.Read != 4 {
		t.Errorf("after the failure, ApplyState = %+v, %v", res, err)
	}
}

func TestNewsboatNotACache(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	other := filepath.Join(dir, "other.db")
	db, _ := sql.Open("sqlite", other)
	if _, err := db.Exec(`CREATE TABLE rss_item (guid TEXT, url TEXT)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	noTable := filepath.Join(dir, "byline.db")
	s, err := Open(noTable)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	text := filepath.Join(dir, "urls")
	os.WriteFile(text, []byte(strings.Repeat("https://example.com/feed\n", 400)), 0o600)
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, nil, 0o600)
	for _, path := range []string{other, noTable, text, empty} {
		before, _ := os.ReadFile(path)
		marks, err := newsboat.Read(ctx, path, "s")
		if !errors.Is(err, newsboat.ErrNotNewsboat) || marks != nil {
			t.Errorf("%s: %d marks, %v; want newsboat.ErrNotNewsboat", filepath.Base(path), len(marks), err)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error of more than one line: %q", filepath.Base(path), err)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Errorf("%s was written", filepath.Base(path))
		}
	}
	if _, err := newsboat.Read(ctx, filepath.Join(dir, "missing.db"), "s"); err == nil {
		t.Error("a missing file read")
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("reading a missing cache created it")
	}
}

// FuzzNewsboatCache imports fuzzed rows: no panic, and no error but a
// cache's that is not newsboat's.
func FuzzNewsboatCache(f *testing.F) {
	f.Add("https://example.com/feed", "guid-1", "https://example.com/1", "s", int64(0), int64(0))
	f.Add("", "", "", "", int64(7), int64(1))
	f.Add("https://EXAMPLE.com/feed\x00", "guid-2\n", "https://example.com/2\u202e", "zzs\xff", int64(-1), int64(2))
	s := newStore(f)
	feed := addFeed(f, s, "https://example.com/feed")
	save(f, s, feed, items(0, 4))
	path := filepath.Join(f.TempDir(), "cache.db")
	newsboatCache(f, path, nil)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	f.Fuzz(func(t *testing.T, feedURL, guid, link, flags string, unread, deleted int64) {
		ctx := context.Background()
		if _, err := db.Exec(`DELETE FROM rss_item`); err != nil {
			t.Fatal(err)
		}
		fillNewsboat(t, db, []nbItem{{feed: feedURL, guid: guid, url: link, flags: flags}})
		if _, err := db.Exec(`UPDATE rss_item SET unread = ?, deleted = ?`, unread, deleted); err != nil {
			t.Fatal(err)
		}
		marks, err := newsboat.Read(ctx, path, "s")
		if err != nil {
			if !errors.Is(err, newsboat.ErrNotNewsboat) {
				t.Fatalf("error not newsboat.ErrNotNewsboat: %v", err)
			}
			return
		}
		if len(marks) > 1 {
			t.Fatalf("%d marks from one row", len(marks))
		}
		for _, m := range marks {
			if m.GUID != model.SanitizeLine(m.GUID) || m.Link != model.SanitizeLine(m.Link) {
				t.Errorf("unsanitised mark %+v", m)
			}
		}
		if _, err := s.ApplyState(ctx, marks, true); err != nil {
			t.Fatalf("ApplyState: %v", err)
		}
	})
}

// BenchmarkNewsboatState reads a newsboat cache of 50,000 items and
// carries their state onto the big store's 50,000 articles (a fresh copy
// each round): 85% of the items match by guid, 10% by link only, 5% not
// at all; 60% are read, one in 20 flagged "s".
func BenchmarkNewsboatState(b *testing.B) {
	big, err := bigStore()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	cache := filepath.Join(dir, "cache.db")
	var rows []nbItem
	for i := range 500 {
		for j := range 100 {
			it := nbItem{feed: fmt.Sprintf("https://site%d.example/feed", i), guid: fmt.Sprint(j),
				url: fmt.Sprintf("https://site%d.example/%d", i, j), unread: (i+j)%5 >= 3}
			switch k := (i*100 + j) % 20; {
			case k == 0:
				it.flags = "s"
			case k <= 2:
				it.guid = "other-" + it.guid // by link
			case k == 3:
				it.guid, it.url = "unknown", "https://unknown.example/" // no match
			}
			rows = append(rows, it)
		}
	}
	newsboatCache(b, cache, rows)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(dir, "byline.db")
		data, err := os.ReadFile(big)
		if err == nil {
			err = os.WriteFile(path, data, 0o600)
		}
		s, err2 := Open(path)
		if err != nil || err2 != nil {
			b.Fatal(err, err2)
		}
		b.StartTimer()
		marks, err := newsboat.Read(ctx, cache, "s")
		if err != nil {
			b.Fatal(err)
		}
		res, err := s.ApplyState(ctx, marks, false)
		if err != nil || res.Items != 50_000 || res.Matched != 47_500 {
			b.Fatal(res, err)
		}
		b.StopTimer()
		s.Close()
		os.Remove(path)
		b.StartTimer()
	}
}
