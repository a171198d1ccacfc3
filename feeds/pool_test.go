package feeds

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

// inFlight counts the requests a server is handling and the most at once.
type inFlight struct {
	mu       sync.Mutex
	now, max int
}

func (f *inFlight) enter() {
	f.mu.Lock()
	f.now++
	f.max = max(f.max, f.now)
	f.mu.Unlock()
}

func (f *inFlight) leave() {
	f.mu.Lock()
	f.now--
	f.mu.Unlock()
}

func (f *inFlight) peak() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.max
}

// slowFeedHandler serves an RSS fixture after a pause, counting with count.
func slowFeedHandler(t *testing.T, count *inFlight, pause time.Duration) http.HandlerFunc {
	feed := readFixture(t, "rss20.xml")
	return func(w http.ResponseWriter, r *http.Request) {
		count.enter()
		defer count.leave()
		time.Sleep(pause)
		w.Write(feed)
	}
}

func collect(ch <-chan model.FetchResult) []model.FetchResult {
	var all []model.FetchResult
	for r := range ch {
		all = append(all, r)
	}
	return all
}

func TestFetchAllPerHostLimit(t *testing.T) {
	var count inFlight
	srv := serve(t, slowFeedHandler(t, &count, 40*time.Millisecond))
	var feeds []model.Feed
	for i := range 24 {
		feeds = append(feeds, model.Feed{ID: int64(i), URL: fmt.Sprintf("%s/feed/%d", srv.URL, i)})
	}
	c := testClient(Limits{})
	results := collect(c.FetchAll(context.Background(), feeds, time.Now()))
	if len(results) != len(feeds) {
		t.Fatalf("%d results for %d feeds", len(results), len(feeds))
	}
	seen := map[int64]bool{}
	for _, r := range results {
		if r.Err != nil || len(r.Articles) != 4 {
			t.Errorf("feed %d: err %v, %d articles", r.Feed.ID, r.Err, len(r.Articles))
		}
		seen[r.Feed.ID] = true
	}
	if len(seen) != len(feeds) {
		t.Errorf("%d distinct feeds reported", len(seen))
	}
	if p := count.peak(); p > 4 || p < 2 {
		t.Errorf("at most %d requests at once to one host, want 2..4", p)
	}
}

func TestFetchAllWorkers(t *testing.T) {
	var count inFlight
	h := slowFeedHandler(t, &count, 30*time.Millisecond)
	a, b := serve(t, h), serve(t, h)
	var feeds []model.Feed
	for i := range 6 {
		feeds = append(feeds, model.Feed{URL: a.URL + fmt.Sprint("/", i)}, model.Feed{URL: b.URL + fmt.Sprint("/", i)})
	}
	c := NewClient(Options{Workers: 3, PerHost: 4})
	if n := len(collect(c.FetchAll(context.Background(), feeds, time.Now()))); n != len(feeds) {
		t.Fatalf("%d results", n)
	}
	if p := count.peak(); p > 3 {
		t.Errorf("%d requests at once with 3 workers", p)
	}
}

func TestFetchAllRetryLater(t *testing.T) {
	var hits atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write(readFixture(t, "atom.xml"))
	})
	now := time.Now()
	until := now.Add(90 * time.Minute)
	feeds := []model.Feed{
		{ID: 1, URL: srv.URL + "/wait", NextAllowed: until},
		{ID: 2, URL: srv.URL + "/ok", NextAllowed: now.Add(-time.Minute)},
	}
	results := collect(testClient(Limits{}).FetchAll(context.Background(), feeds, now))
	if len(results) != 2 || hits.Load() != 1 {
		t.Fatalf("%d results, %d requests", len(results), hits.Load())
	}
	for _, r := range results {
		switch r.Feed.ID {
		case 1:
			want := "server asked to wait until " + until.Local().Format("15:04")
			if !errors.Is(r.Err, ErrRetryLater) || r.Err.Error() != want || !r.RetryAfter.Equal(until) {
				t.Errorf("waiting feed: err %q, want %q; retry %v", r.Err, want, r.RetryAfter)
			}
		case 2:
			if r.Err != nil || r.Title != "Atom Log" {
				t.Errorf("due feed: err %v", r.Err)
			}
		}
	}
	if got := waitReason(now.Add(30*time.Hour), now); !strings.Contains(got, until.Add(30*time.Hour-90*time.Minute).Local().Format("Jan 2")) {
		t.Errorf("a far wait names no day: %q", got)
	}
}

func TestFetchAllCancel(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	var feeds []model.Feed
	for i := range 40 {
		feeds = append(feeds, model.Feed{URL: fmt.Sprintf("%s/%d", srv.URL, i)})
	}
	ctx, cancel := context.WithCancel(context.Background())
	ch := testClient(Limits{}).FetchAll(ctx, feeds, time.Now())
	time.AfterFunc(100*time.Millisecond, cancel)
	done := make(chan []model.FetchResult)
	go func() { done <- collect(ch) }()
	select {
	case results := <-done:
		// At most the feeds the workers had taken report (4 at the server,
		// the others waiting for a slot on its host); the rest never start.
		if len(results) >= len(feeds) {
			t.Errorf("%d results after cancelling; only those in flight should report", len(results))
		}
		for _, r := range results {
			if r.Err == nil || r.Err.Error() != "cancelled" {
				t.Errorf("in-flight feed: err = %v", r.Err)
			}
		}
	case <-time.After(3 * time.Second):
		t.Fatal("channel not closed after cancel")
	}
}

func TestFetchAllEmpty(t *testing.T) {
	if n := len(collect(testClient(Limits{}).FetchAll(context.Background(), nil, time.Now()))); n != 0 {
		t.Errorf("%d results", n)
	}
}

func TestInterleaveHosts(t *testing.T) {
	var feeds []model.Feed
	for _, u := range []string{"https://a/1", "https://a/2", "https://a/3", "https://b/1", "https://c/1", "https://b/2"} {
		feeds = append(feeds, model.Feed{URL: u})
	}
	var got []string
	for _, f := range interleaveHosts(feeds) {
		got = append(got, f.URL)
	}
	want := "https://a/1 https://b/1 https://c/1 https://a/2 https://b/2 https://a/3"
	if strings.Join(got, " ") != want {
		t.Errorf("order = %v", got)
	}
}
