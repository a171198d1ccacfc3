package store

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/byline-reader/byline/model"
)

// TestOpenConcurrently opens a new file from several goroutines at once,
// as two byline processes starting together would: each migration must be
// applied exactly once.
func TestOpenConcurrently(t *testing.T) {
	path := filepath.Join(t.TempDir(), "byline.db")
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			s, err := Open(path)
			if err != nil {
				errs <- err
				return
			}
			s.Close()
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestTwoStoresWriteAtOnce has two Stores on one file, as two processes
// would, refreshing, marking and reading at the same time.
func TestTwoStoresWriteAtOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "byline.db")
	stores := make([]*Store, 2)
	for i := range stores {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	const feedsEach, rounds = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i, s := range stores {
		for j := range feedsEach {
			wg.Go(func() {
				f, err := s.AddFeed(ctx, model.Feed{URL: fmt.Sprintf("https://%d-%d.example/feed", i, j)})
				if err != nil {
					errs <- err
					return
				}
				for r := range rounds {
					if _, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Articles: items(r*5, r*5+10)}, t0); err != nil {
						errs <- err
						return
					}
					if _, err := s.MarkFeedRead(ctx, f.ID); err != nil {
						errs <- err
						return
					}
					if _, err := s.Feeds(ctx); err != nil {
						errs <- err
						return
					}
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	feeds, err := stores[0].Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != 2*feedsEach {
		t.Fatalf("%d feeds, want %d", len(feeds), 2*feedsEach)
	}
	for _, f := range feeds {
		if f.Total != rounds*5+5 || f.Unread != 0 {
			t.Errorf("%s: %d/%d articles, want 0/%d", f.URL, f.Unread, f.Total, rounds*5+5)
		}
	}
}
