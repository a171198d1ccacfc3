package library

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
)

func open(t *testing.T, seed bool) *Library {
	t.Helper()
	l, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub", "b.db"), Options{Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func TestSeedOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "b.db")
	for range 2 {
		l, err := Open(ctx, path, Options{Seed: true})
		if err != nil {
			t.Fatal(err)
		}
		fs, _ := l.Feeds(ctx)
		if len(fs) != len(defaultFeeds)+1 {
			t.Fatalf("want %d feeds after seeding, got %d", len(defaultFeeds)+1, len(fs))
		}
		arts, _ := l.Articles(ctx, model.ArticleQuery{})
		if len(arts) != 1 || arts[0].Title != "Welcome to byline" {
			t.Fatalf("want only the welcome article, got %+v", arts)
		}
		l.Close()
	}
	// A user who removes a default feed does not get it back.
	l, _ := Open(ctx, path, Options{Seed: true})
	if _, err := l.Remove(ctx, defaultFeeds[0].URL); err != nil {
		t.Fatal(err)
	}
	l.Close()
	l, _ = Open(ctx, path, Options{Seed: true})
	defer l.Close()
	fs, _ := l.Feeds(ctx)
	if len(fs) != len(defaultFeeds) {
		t.Fatalf("a removed default feed came back: %d feeds", len(fs))
	}
}

func TestWelcomeArticleIsNeverFetched(t *testing.T) {
	l := open(t, true)
	targets, _, err := l.refreshTargets(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range targets {
		if !isWebFeed(f) {
			t.Fatalf("refresh would fetch %s", f.URL)
		}
	}
}

func TestRefreshStreamsEachFeed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/bad" {
			http.Error(w, "no", http.StatusInternalServerError)
			return
		}
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Feed %s</title><item><title>Story</title><guid>%s-1</guid></item></channel></rss>`, r.URL.Path, r.URL.Path)
	}))
	defer srv.Close()
	l := open(t, false)
	ctx := context.Background()
	for _, p := range []string{"/a", "/b", "/bad"} {
		if _, err := l.store.AddFeed(ctx, model.Feed{URL: srv.URL + p}); err != nil {
			t.Fatal(err)
		}
	}
	var seen []FeedDone
	sum, err := l.Refresh(ctx, Progress{Feed: func(fd FeedDone) { seen = append(seen, fd) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 3 || seen[2].Done != 3 || seen[2].Total != 3 {
		t.Fatalf("progress: %+v", seen)
	}
	if sum.OK != 2 || sum.New != 2 || sum.Failures.Len() != 1 {
		t.Fatalf("summary: %+v", sum)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	if s := sum.String(); !strings.Contains(s, "; 1 failed: HTTP 500 Internal Server Error ("+host+")") {
		t.Errorf("summary line: %s", s)
	}
}

func TestNormaliseURL(t *testing.T) {
	good := map[string]string{
		"https://Example.COM/feed": "https://example.com/feed",
		"example.com/rss":          "https://example.com/rss",
		"http://localhost:8080/x":  "http://localhost:8080/x",
		"http://intranet/feed":     "http://intranet/feed",
	}
	for in, want := range good {
		if got, err := normaliseURL(in); err != nil || got != want {
			t.Errorf("normaliseURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "notaurl", "javascript:alert(1)", "file:///etc/passwd", "mailto:a@b.c", "http://", "ftp://x.example/"} {
		if _, err := normaliseURL(bad); !errors.Is(err, ErrBadInput) {
			t.Errorf("normaliseURL(%q) should be bad input, got %v", bad, err)
		}
	}
}

// articleOf is the article of an opened reading, for tests that look at
// the article itself.
func articleOf(r model.Reading, err error) (model.Article, error) { return r.Article, err }

// TestRefreshLeavesSearchIndexed: what a refresh stored is indexed for
// search by the time it ends, partly while later feeds still came in.
func TestRefreshLeavesSearchIndexed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Feed %s</title>`, r.URL.Path)
		for i := range 600 {
			fmt.Fprintf(w, `<item><title>Story %d</title><guid>%s-%d</guid><description>walrus %s</description></item>`,
				i, r.URL.Path, i, strings.Trim(r.URL.Path, "/"))
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	defer srv.Close()
	l := open(t, false)
	ctx := context.Background()
	for _, p := range []string{"/alpha", "/beta", "/gamma"} {
		if _, err := l.store.AddFeed(ctx, model.Feed{URL: srv.URL + p}); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := l.Refresh(ctx, Progress{})
	if err != nil || sum.New != 1800 {
		t.Fatalf("refresh: %+v, %v", sum, err)
	}
	if n, err := l.IndexSearch(ctx); err != nil || n != 0 {
		t.Fatalf("after the refresh, %d articles were still waiting for the index (%v)", n, err)
	}
	if hits, err := l.Search(ctx, "walrus beta", 0); err != nil || len(hits) != 600 {
		t.Fatalf("search found %d, %v", len(hits), err)
	}
}
