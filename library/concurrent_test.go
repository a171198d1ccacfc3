package library

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/byline-reader/byline/feeds"
	"github.com/byline-reader/byline/internal/hostile"
	"github.com/byline-reader/byline/model"
)

// TestTwoLibrariesOnOneFile is the app and a cron `byline refresh` on one
// database: two Libraries on one file refresh hostile feeds (one of them
// 2000 new items every time) while one marks. Every refresh
// and every mark succeeds, and what was marked stays marked.
func TestTwoLibrariesOnOneFile(t *testing.T) {
	ctx := context.Background()
	srv := hostile.New(t)
	path := filepath.Join(t.TempDir(), "b.db")
	fetch := feeds.DefaultOptions("test")
	fetch.Limits.RequestTimeout = time.Second
	libs := make([]*Library, 2)
	for i := range libs {
		l, err := Open(ctx, path, Options{Fetch: fetch})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { l.Close() })
		libs[i] = l
	}
	for _, p := range []string{"/fresh.xml", "/feed.json", "/entities.xml"} {
		if _, err := libs[0].store.AddFeed(ctx, model.Feed{URL: srv.At(p)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := libs[0].Refresh(ctx, Progress{}); err != nil {
		t.Fatal(err)
	}
	arts, err := libs[1].Articles(ctx, model.ArticleQuery{Limit: 40})
	if err != nil || len(arts) < 40 {
		t.Fatalf("articles: %d, %v", len(arts), err)
	}

	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for i, l := range libs {
		wg.Go(func() {
			for range 3 {
				sum, err := l.Refresh(ctx, Progress{})
				if err != nil {
					errs <- err
				}
				if sum.Failures.Len() > 0 {
					errs <- errors.New(sum.Failures.String())
				}
			}
			t.Logf("library %d refreshed", i)
		})
	}
	yes := true
	wg.Go(func() {
		for _, a := range arts {
			if _, err := libs[1].Mark(ctx, []int64{a.ID}, &yes, &yes); err != nil {
				errs <- err
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("while both worked: %v", err)
	}
	for _, a := range arts {
		got, err := libs[0].Article(ctx, a.ID)
		if err != nil || !got.Read || !got.Starred {
			t.Errorf("article %d: read %v, starred %v, %v", a.ID, got.Read, got.Starred, err)
		}
	}
}
