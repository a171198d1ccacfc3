package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

func TestSaveFetchCountsNewAndNeverDuplicates(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	tests := []struct {
		name    string
		arts    []model.Article
		wantNew int
		total   int
	}{
		{"first fetch", items(0, 10), 10, 10},
		{"same items again", items(0, 10), 0, 10},
		{"two new, some old", items(5, 12), 2, 12},
		{"a key repeated in one fetch", append(items(12, 13), item(12), item(12)), 1, 13},
		{"nothing", nil, 0, 13},
	}
	for _, tt := range tests {
		n, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Articles: tt.arts}, t0)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		total, _ := s.CountArticles(ctx, model.ArticleQuery{FeedID: f.ID})
		if n != tt.wantNew || total != tt.total {
			t.Errorf("%s: %d new, %d stored; want %d, %d", tt.name, n, total, tt.wantNew, tt.total)
		}
	}
}

func TestSaveFetchUpdatesInPlaceKeepingState(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	save(t, s, f, items(0, 3))
	arts, _ := s.Articles(ctx, model.ArticleQuery{FeedID: f.ID})
	id := arts[0].ID // item 2, the newest
	if _, err := s.Mark(ctx, []int64{id}, ptr(true), ptr(true)); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveExtraction(ctx, id, "The **whole** story.", "", "Example Times", t0); err != nil {
		t.Fatal(err)
	}

	changed := item(2)
	changed.Title = "Headline 2, corrected"
	changed.Summary = "<p>Corrected summary</p>"
	if n := save(t, s, f, []model.Article{changed}); n != 0 {
		t.Errorf("an updated article counted as %d new", n)
	}
	got, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != changed.Title || got.Summary != changed.Summary {
		t.Errorf("article not updated: %q, %q", got.Title, got.Summary)
	}
	if !got.Read || !got.Starred || got.Markdown != "The **whole** story." || got.Site != "Example Times" {
		t.Errorf("update lost state: read %v starred %v markdown %q site %q",
			got.Read, got.Starred, got.Markdown, got.Site)
	}
	if n, _ := s.CountArticles(ctx, model.ArticleQuery{FeedID: f.ID}); n != 3 {
		t.Errorf("%d articles after an update, want 3", n)
	}
	// The index follows the new title and keeps the extracted text.
	for _, q := range []string{"corrected", "whole story"} {
		hits, err := s.Search(ctx, q, 10)
		if err != nil || len(hits) != 1 || hits[0].ID != id {
			t.Errorf("Search %q = %v, %v; want article %d", q, hits, err, id)
		}
	}
}

func TestSaveFetchSkipsUnchanged(t *testing.T) {
	s := newStore(t)
	f := addFeed(t, s, "https://example.com/feed")
	save(t, s, f, items(0, 2))
	// A no-op update would rewrite the row and its index entry; the hash
	// check means the second save writes no article at all.
	if _, err := s.db.Exec(`CREATE TABLE touched (id);
		CREATE TRIGGER touch AFTER UPDATE ON articles BEGIN
			INSERT INTO touched VALUES (new.id);
		END;`); err != nil {
		t.Fatal(err)
	}
	save(t, s, f, items(0, 2))
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM touched").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("saving unchanged items updated %d rows", n)
	}
	changed := items(0, 2)
	changed[1].Updated = t0.Add(time.Hour)
	save(t, s, f, changed)
	if err := s.db.QueryRow("SELECT count(*) FROM touched").Scan(&n); err != nil || n != 1 {
		t.Errorf("saving one changed item updated %d rows, %v; want 1", n, err)
	}
}

func TestSaveFetchFeedState(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	retry := t0.Add(time.Hour)

	ok := model.FetchResult{Feed: f, Status: 200, Title: "Example", SiteURL: "https://example.com",
		ETag: `"v1"`, LastModified: "Sat, 01 Mar 2025 12:00:00 GMT", Articles: items(0, 2)}
	if _, err := s.SaveFetch(ctx, ok, t0); err != nil {
		t.Fatal(err)
	}
	checkFeed(t, s, f.ID, "success", model.Feed{Title: "Example", SiteURL: "https://example.com",
		ETag: `"v1"`, LastModified: ok.LastModified, LastFetched: t0})

	failed := model.FetchResult{Feed: f, Status: 503, Err: errors.New("fetch: 503 Service Unavailable"), RetryAfter: retry}
	if n, err := s.SaveFetch(ctx, failed, t0.Add(time.Minute)); err != nil || n != 0 {
		t.Fatalf("SaveFetch of an error = %d, %v", n, err)
	}
	checkFeed(t, s, f.ID, "error", model.Feed{Title: "Example", SiteURL: "https://example.com",
		ETag: `"v1"`, LastModified: ok.LastModified, LastError: "fetch: 503 Service Unavailable",
		LastFetched: t0.Add(time.Minute), NextAllowed: retry})
	if n, _ := s.CountArticles(ctx, model.ArticleQuery{FeedID: f.ID}); n != 2 {
		t.Errorf("an error lost articles: %d left", n)
	}

	notMod := model.FetchResult{Feed: f, Status: 304, NotModified: true}
	if _, err := s.SaveFetch(ctx, notMod, t0.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	checkFeed(t, s, f.ID, "304", model.Feed{Title: "Example", SiteURL: "https://example.com",
		ETag: `"v1"`, LastModified: ok.LastModified, LastFetched: t0.Add(2 * time.Minute)})

	notMod.ETag = `"v2"`
	if _, err := s.SaveFetch(ctx, notMod, t0.Add(3*time.Minute)); err != nil {
		t.Fatal(err)
	}
	checkFeed(t, s, f.ID, "304 with a new etag", model.Feed{Title: "Example", SiteURL: "https://example.com",
		ETag: `"v2"`, LastModified: ok.LastModified, LastFetched: t0.Add(3 * time.Minute)})

	untitled := model.FetchResult{Feed: f, Status: 200}
	if _, err := s.SaveFetch(ctx, untitled, t0.Add(4*time.Minute)); err != nil {
		t.Fatal(err)
	}
	checkFeed(t, s, f.ID, "success without title or validators", model.Feed{Title: "Example",
		SiteURL: "https://example.com", LastFetched: t0.Add(4 * time.Minute)})
}

func checkFeed(t *testing.T, s *Store, id int64, step string, want model.Feed) {
	t.Helper()
	got, err := s.Feed(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != want.Title || got.SiteURL != want.SiteURL || got.ETag != want.ETag ||
		got.LastModified != want.LastModified || got.LastError != want.LastError ||
		!got.LastFetched.Equal(want.LastFetched) || !got.NextAllowed.Equal(want.NextAllowed) {
		t.Errorf("after %s: feed = %+v\nwant %+v", step, got, want)
	}
}

func TestSaveFetchOfRemovedFeed(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	if err := s.RemoveFeed(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Articles: items(0, 2)}, t0)
	if !isNotFound(err) {
		t.Errorf("SaveFetch of a removed feed: %v, want ErrNotFound", err)
	}
	if n, _ := s.CountArticles(ctx, model.ArticleQuery{}); n != 0 {
		t.Errorf("%d articles stored for a removed feed", n)
	}
}

func TestSaveFetchKeyless(t *testing.T) {
	s := newStore(t)
	f := addFeed(t, s, "https://example.com/feed")
	a := item(1)
	a.Key = ""
	if n := save(t, s, f, []model.Article{a, a}); n != 1 {
		t.Errorf("keyless article saved as %d new", n)
	}
	if n := save(t, s, f, []model.Article{a}); n != 0 {
		t.Errorf("keyless article saved again as %d new", n)
	}
}
