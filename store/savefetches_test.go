package store

import (
	"context"
	"errors"
	"testing"

	"github.com/byline-reader/byline/model"
)

// Fetches stored together keep their own outcome: a feed removed meanwhile
// fails alone, and the others are stored and counted.
func TestSaveFetchesKeepsEachFeedsOutcome(t *testing.T) {
	s, ctx := newStore(t), context.Background()
	a := addFeed(t, s, "https://a.example/feed")
	b := addFeed(t, s, "https://b.example/feed")
	gone := addFeed(t, s, "https://gone.example/feed")
	if err := s.RemoveFeed(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	saves := []FeedSave{
		{Result: model.FetchResult{Feed: a, Status: 200, Articles: items(0, 3)}},
		{Result: model.FetchResult{Feed: gone, Status: 200, Articles: items(10, 12)}},
		{Result: model.FetchResult{Feed: b, Status: 200, Articles: items(20, 22)},
			Kill: func(model.Article) Visibility { return Hidden }},
	}
	if err := s.SaveFetches(ctx, saves, t0); err != nil {
		t.Fatal(err)
	}
	if saves[0].Err != nil || saves[0].New != 3 {
		t.Errorf("feed a: %d new, %v", saves[0].New, saves[0].Err)
	}
	if !errors.Is(saves[1].Err, ErrNotFound) || saves[1].New != 0 {
		t.Errorf("the removed feed: %d new, %v", saves[1].New, saves[1].Err)
	}
	if saves[2].Err != nil || saves[2].New != 0 {
		t.Errorf("feed b, its articles hidden: %d new, %v", saves[2].New, saves[2].Err)
	}
	for feed, want := range map[int64]int{a.ID: 3, b.ID: 0, gone.ID: 0} {
		n, err := s.CountArticles(ctx, model.ArticleQuery{FeedID: feed})
		if err != nil || n != want {
			t.Errorf("feed %d lists %d articles (%v), want %d", feed, n, err, want)
		}
	}
}
