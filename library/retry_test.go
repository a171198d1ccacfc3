package library

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestPageRetryGrows(t *testing.T) {
	for n, want := range map[int]time.Duration{
		0: time.Minute, 1: time.Minute, 2: 2 * time.Minute, 3: 4 * time.Minute,
		6: 32 * time.Minute, 7: time.Hour, 8: time.Hour, 1000: time.Hour,
	} {
		if got := pageRetry(n); got != want {
			t.Errorf("pageRetry(%d) = %v, want %v", n, got, want)
		}
	}
}

// flakyServer serves a feed of one story whose page is page, or answers
// 503 while down is set, and counts the page's requests.
func flakyServer(t *testing.T, page string) (srv *httptest.Server, down *atomic.Bool, hits *atomic.Int64) {
	down, hits = new(atomic.Bool), new(atomic.Int64)
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Coast</title><link>http://%[1]s/</link>
<item><title>Harbor reopens</title><link>http://%[1]s/story</link><guid>1</guid><description>The harbor reopened.</description></item>
</channel></rss>`, r.Host)
	})
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if down.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, page)
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, down, hits
}

// TestOpenStoredThenFetchPage: opening shows the feed's text at once and
// says the page is to be fetched; a failed page is tried again on open
// only after its back-off, which grows with each failure in a row, and at
// once when asked (FetchPage); a page read forgets its failures, and a
// later failure keeps the whole text.
func TestOpenStoredThenFetchPage(t *testing.T) {
	srv, down, hits := flakyServer(t, storyPage)
	l, id := refreshed1(t, srv)
	now := time.Date(2024, 6, 21, 12, 0, 0, 0, time.UTC)
	l.now = func() time.Time { return now }
	ctx := context.Background()

	r, needsPage, err := l.OpenStored(ctx, id)
	if err != nil || !needsPage || !strings.Contains(r.Body, "The harbor reopened.") || hits.Load() != 0 {
		t.Fatalf("first open: needsPage %v, %v, %d page hits, body %q", needsPage, err, hits.Load(), r.Body)
	}
	down.Store(true)
	r, err = l.FetchPage(ctx, id)
	if err != nil || r.Article.Notice != "The page answered 503 Service Unavailable; showing the feed's summary." ||
		r.Article.PageFailures != 1 || !r.Article.ExtractedAt.Equal(now) {
		t.Fatalf("failed page: %v, notice %q, %d failures", err, r.Article.Notice, r.Article.PageFailures)
	}
	// Each failure in a row doubles the wait before an open tries again.
	for failures, wait := range []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute} {
		start := now
		now = start.Add(wait - time.Second)
		if _, needsPage, _ := l.OpenStored(ctx, id); needsPage {
			t.Fatalf("after %d failures the page is tried again before %v", failures+1, wait)
		}
		now = start.Add(wait)
		before := hits.Load()
		a, err := l.loadArticle(ctx, id) // what OpenArticle does
		if err != nil || hits.Load() != before+1 || a.PageFailures != failures+2 {
			t.Fatalf("after %v the page is tried again: %v, %d hits, %d failures", wait, err, hits.Load()-before, a.PageFailures)
		}
	}
	if r, needsPage, err := l.OpenStored(ctx, id); err != nil || needsPage || r.Article.PageFailures != 4 || r.Article.Notice == "" {
		t.Fatalf("stored fallback: %v, needsPage %v, %+v", err, needsPage, r.Article)
	}
	down.Store(false)
	r, err = l.FetchPage(ctx, id) // R in the reader: at once, whatever the back-off
	if err != nil || r.Article.Notice != "" || r.Article.PageFailures != 0 || !strings.Contains(r.Body, "harbor master Ana Lopes") {
		t.Fatalf("page read at last: %v, notice %q, %d failures", err, r.Article.Notice, r.Article.PageFailures)
	}
	if _, needsPage, _ := l.OpenStored(ctx, id); needsPage {
		t.Fatal("a page read is not fetched again on open")
	}
	down.Store(true)
	r, err = l.FetchPage(ctx, id)
	if err == nil || !strings.Contains(err.Error(), "kept the text read before") || !strings.Contains(r.Article.Markdown, "Ana Lopes") {
		t.Fatalf("a failure after a page read keeps it: %v, %q", err, r.Article.Markdown)
	}
	if r, _, _ := l.OpenStored(ctx, id); !strings.Contains(r.Body, "Ana Lopes") || r.Article.PageFailures != 0 {
		t.Fatalf("the whole text is kept: %q", r.Body)
	}
}

// TestOpenStoredKeepsFullText: a feed that carries the whole text is
// shown and kept at once, and its page never fetched.
func TestOpenStoredKeepsFullText(t *testing.T) {
	srv, hits := articleServer(t)
	l, arts := refreshed(t, srv)
	ctx := context.Background()
	r, needsPage, err := l.OpenStored(ctx, byTitle(arts, "Bike lanes"))
	if err != nil || needsPage || strings.Count(r.Body, "bike lanes") != 4 || hits.Load() != 0 {
		t.Fatalf("full text: %v, needsPage %v, %d hits", err, needsPage, hits.Load())
	}
	if a, _ := l.Article(ctx, byTitle(arts, "Bike lanes")); a.Markdown == "" {
		t.Fatal("the feed's full text is kept")
	}
}

// refreshed1 is a library subscribed to srv's feed of one article, and
// that article's id.
func refreshed1(t *testing.T, srv *httptest.Server) (*Library, int64) {
	t.Helper()
	l, arts := subscribedTo(t, srv, 1)
	return l, arts[0].ID
}
