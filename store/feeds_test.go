package store

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/byline-reader/byline/model"
)

func TestAddFeed(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	in := model.Feed{URL: "https://example.com/feed", Title: "Example", SiteURL: "https://example.com",
		Tags: []string{"news", " tech ", ""}, ETag: `"x"`}
	f, err := s.AddFeed(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if f.ID == 0 {
		t.Fatal("AddFeed returned no ID")
	}
	got, err := s.Feed(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := in
	want.ID, want.Tags = f.ID, []string{"news", "tech"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Feed = %+v\nwant %+v", got, want)
	}
	byURL, err := s.FeedByURL(ctx, in.URL)
	if err != nil || byURL.ID != f.ID {
		t.Errorf("FeedByURL = %+v, %v", byURL, err)
	}

	again, err := s.AddFeed(ctx, model.Feed{URL: in.URL, Title: "Other"})
	if !errors.Is(err, ErrExists) {
		t.Fatalf("second AddFeed: %v, want ErrExists", err)
	}
	if again.ID != f.ID || again.Title != "Example" {
		t.Errorf("second AddFeed returned %+v, want the existing feed", again)
	}
	if _, err := s.AddFeed(ctx, model.Feed{}); err == nil {
		t.Error("AddFeed without a URL succeeded")
	}
}

func TestFeedNotFound(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	if _, err := s.Feed(ctx, 42); !isNotFound(err) {
		t.Errorf("Feed(42): %v", err)
	}
	if _, err := s.FeedByURL(ctx, "https://nope"); !isNotFound(err) {
		t.Errorf("FeedByURL: %v", err)
	}
	if err := s.RemoveFeed(ctx, 42); !isNotFound(err) {
		t.Errorf("RemoveFeed(42): %v", err)
	}
}

func TestFeedsOrderAndCounts(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	for _, f := range []model.Feed{
		{URL: "https://b.example/feed", Title: "beta"},
		{URL: "https://z.example/feed"}, // no title: sorts by its URL
		{URL: "https://a2.example/feed", Title: "Alpha"},
		{URL: "https://a1.example/feed", Title: "alpha"},
		{URL: "https://e.example/feed", Title: "Épée"},
	} {
		if _, err := s.AddFeed(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	beta, _ := s.FeedByURL(ctx, "https://b.example/feed")
	save(t, s, beta, items(0, 5))
	arts, _ := s.Articles(ctx, model.ArticleQuery{FeedID: beta.ID, Limit: 2})
	if _, err := s.Mark(ctx, []int64{arts[0].ID, arts[1].ID}, ptr(true), nil); err != nil {
		t.Fatal(err)
	}

	feeds, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, f := range feeds {
		urls = append(urls, f.URL)
		if f.ID == beta.ID && (f.Unread != 3 || f.Total != 5) {
			t.Errorf("beta counts = %d/%d, want 3/5", f.Unread, f.Total)
		} else if f.ID != beta.ID && (f.Unread != 0 || f.Total != 0) {
			t.Errorf("%s counts = %d/%d, want 0/0", f.URL, f.Unread, f.Total)
		}
	}
	want := []string{"https://a1.example/feed", "https://a2.example/feed", "https://b.example/feed",
		"https://z.example/feed", "https://e.example/feed"}
	if !reflect.DeepEqual(urls, want) {
		t.Errorf("Feeds order = %v\nwant %v", urls, want)
	}
}

func TestRemoveFeedCascades(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	gone, kept := addFeed(t, s, "https://gone.example/feed"), addFeed(t, s, "https://kept.example/feed")
	save(t, s, gone, items(0, 3))
	save(t, s, kept, items(0, 2))
	arts, _ := s.Articles(ctx, model.ArticleQuery{FeedID: gone.ID})
	if _, err := s.db.Exec(`INSERT INTO highlights (article_id, text) VALUES (?, 'x')`, arts[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveFeed(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	for table, want := range map[string]int{"articles": 2, "highlights": 0, "feeds": 1} {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%s holds %d rows after RemoveFeed, want %d", table, n, want)
		}
	}
	hits, err := s.Search(ctx, "headline", 0)
	if err != nil || len(hits) != 2 {
		t.Errorf("Search after RemoveFeed found %d, %v; want the 2 articles kept", len(hits), err)
	}
}

func TestImportFeeds(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	addFeed(t, s, "https://old.example/feed")
	subs := []model.Subscription{
		{URL: "https://old.example/feed", Line: 1},
		{URL: "https://new.example/feed", Title: "New", Tags: []string{"tech"}, Line: 2},
		{URL: "https://new.example/feed", Line: 3},
		{URL: "https://other.example/feed", Line: 4},
	}
	c, err := s.ImportFeeds(ctx, subs, false)
	if err != nil || c.Added != 2 || c.Existing != 2 || c.Updated != 0 {
		t.Fatalf("ImportFeeds = %+v, %v; want 2 added, 2 existing", c, err)
	}
	f, err := s.FeedByURL(ctx, "https://new.example/feed")
	if err != nil || f.Settings.Title != "New" || !reflect.DeepEqual(f.Tags, []string{"tech"}) {
		t.Errorf("imported feed = %+v, %v", f, err)
	}

	bad := []model.Subscription{{URL: "https://third.example/feed", Line: 1}, {URL: "", Line: 2}}
	if _, err := s.ImportFeeds(ctx, bad, false); err == nil {
		t.Fatal("ImportFeeds with an empty URL succeeded")
	}
	if _, err := s.FeedByURL(ctx, "https://third.example/feed"); !isNotFound(err) {
		t.Errorf("a failed import left a feed behind: %v", err)
	}
}

func ptr[T any](v T) *T { return &v }
