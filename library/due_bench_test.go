package library

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

// BenchmarkPlanFetch is what the schedule adds to storing one feed's
// fetch, a 304 (the latest time read) or a feed with articles (the latest
// times read), and the rule applied: a refresh of 500 feeds pays it 500
// times.
func BenchmarkPlanFetch(b *testing.B) {
	l, err := Open(context.Background(), b.TempDir()+"/b.db", Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	f, err := l.store.AddFeed(ctx, model.Feed{URL: "https://example.com/feed"})
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	arts := make([]model.Article, 100)
	for i := range arts {
		arts[i] = model.Article{Key: fmt.Sprint(i), Title: "t", Published: now.Add(-time.Duration(i) * time.Hour)}
	}
	if _, err := l.store.SaveFetch(ctx, model.FetchResult{Feed: f, Articles: arts}, now); err != nil {
		b.Fatal(err)
	}
	f.PublishGap = time.Hour
	b.Run("304", func(b *testing.B) {
		r := model.FetchResult{Feed: f, NotModified: true}
		for b.Loop() {
			l.planFetch(ctx, &r, now)
		}
		if r.PublishGap != time.Hour || !r.NextDue.Equal(now.Add(30*time.Minute)) {
			b.Fatalf("gap %v, next due %v", r.PublishGap, r.NextDue.Sub(now))
		}
	})
	b.Run("200", func(b *testing.B) {
		r := model.FetchResult{Feed: f, Articles: arts[:50]}
		for b.Loop() {
			l.planFetch(ctx, &r, now)
		}
		if r.PublishGap != time.Hour {
			b.Fatalf("gap %v", r.PublishGap)
		}
	})
}
