package library

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/feedset"
)

func edit(t *testing.T, l *Library, id int64, kv ...string) model.Feed {
	t.Helper()
	var values []feedset.FeedValue
	for i := 0; i+1 < len(kv); i += 2 {
		values = append(values, feedset.FeedValue{Key: kv[i], Value: kv[i+1]})
	}
	f, err := l.EditFeed(context.Background(), fmt.Sprint(id), values)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestEditFeedTitleSurvivesRefresh(t *testing.T) {
	srv, _ := articleServer(t)
	l, arts := refreshed(t, srv)
	ctx := context.Background()
	id := arts[0].FeedID
	f := edit(t, l, id, "title", "My coast", "folder", "News", "keep_items", "10")
	if f.Title != "Coast" || f.DisplayTitle() != "My coast" || f.Folder != "News" || f.Settings.KeepItems != 10 {
		t.Fatalf("edited: %+v", f)
	}
	if _, err := l.Refresh(ctx, Progress{}); err != nil {
		t.Fatal(err)
	}
	f, _ = l.FindFeed(ctx, fmt.Sprint(id))
	if f.DisplayTitle() != "My coast" || f.Title != "Coast" {
		t.Errorf("after a refresh: %+v", f)
	}
	_, err := l.EditFeed(ctx, fmt.Sprint(id), []feedset.FeedValue{{Key: "title", Value: "Other"}, {Key: "keep_days", Value: "lots"}})
	if !errors.Is(err, ErrBadInput) || !strings.HasPrefix(err.Error(), `keep_days: "lots" is not allowed`) {
		t.Errorf("bad value: %v", err)
	}
	if g, _ := l.FindFeed(ctx, fmt.Sprint(id)); g.DisplayTitle() != "My coast" {
		t.Errorf("a refused edit changed the title to %q", g.DisplayTitle())
	}
	if _, err := l.EditFeed(ctx, "https://nowhere.example/feed", nil); !errors.Is(err, ErrBadInput) {
		t.Errorf("unknown feed: %v", err)
	}
}

func TestFetchFeedModeNeverFetchesThePage(t *testing.T) {
	srv, hits := articleServer(t)
	l, arts := refreshed(t, srv)
	ctx := context.Background()
	edit(t, l, arts[0].FeedID, "fetch", "feed")
	id := byTitle(arts, "Harbor reopens")
	r, needsPage, err := l.OpenStored(ctx, id)
	if err != nil || needsPage {
		t.Fatalf("needsPage %v, %v", needsPage, err)
	}
	if !strings.HasPrefix(r.Article.Notice, feedOnlyNotice) || !strings.Contains(r.Article.Markdown, "harbor reopened") {
		t.Errorf("notice %q, text %q", r.Article.Notice, r.Article.Markdown)
	}
	if _, err := l.OpenArticle(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := l.FetchPage(ctx, id); !errors.Is(err, ErrBadInput) || !strings.Contains(err.Error(), "fetch=full") {
		t.Errorf("FetchPage of a feed-only feed: %v", err)
	}
	if hits.Load() != 0 {
		t.Fatalf("%d page fetches", hits.Load())
	}
	// Back to full: the page is fetched on the next open after its
	// minute of back-off.
	edit(t, l, arts[0].FeedID, "fetch", "")
	l.now = func() time.Time { return time.Now().Add(2 * time.Minute) }
	if _, needsPage, _ := l.OpenStored(ctx, id); !needsPage {
		t.Error("with fetch=full the page is wanted again")
	}
}

func TestFeedUserAgentOnFeedAndPages(t *testing.T) {
	var mu sync.Mutex
	agents := map[string]string{}
	srv, _ := articleServer(t)
	spy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents[r.URL.Path] = r.Header.Get("User-Agent")
		mu.Unlock()
		srv.Config.Handler.ServeHTTP(w, r)
	}))
	t.Cleanup(spy.Close)
	l, arts := refreshed(t, spy)
	ctx := context.Background()
	edit(t, l, arts[0].FeedID, "user_agent", "Mozilla/5.0 (test)")
	if _, err := l.Refresh(ctx, Progress{}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.OpenArticle(ctx, byTitle(arts, "Harbor reopens")); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if agents["/feed.xml"] != "Mozilla/5.0 (test)" || agents["/story"] != "Mozilla/5.0 (test)" {
		t.Errorf("user agents: %v", agents)
	}
}

// datedServer lists items published 1, 10, 20, 40 and 60 days before now().
func datedServer(t *testing.T, now func() time.Time) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var items strings.Builder
		for _, d := range []int{1, 10, 20, 40, 60} {
			fmt.Fprintf(&items, "<item><title>%d days</title><guid>%d</guid><pubDate>%s</pubDate></item>",
				d, d, now().Add(-time.Duration(d)*24*time.Hour).Format(time.RFC1123Z))
		}
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Dated</title>%s</channel></rss>`, items.String())
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestRetentionDefaultAndOverride(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC) }
	srv := datedServer(t, now)
	ctx := context.Background()
	l, err := Open(ctx, filepath.Join(t.TempDir(), "b.db"), Options{KeepDays: 30, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	a, _ := l.Add(ctx, srv.URL+"/a.xml")
	b, _ := l.Add(ctx, srv.URL+"/b.xml")
	c, _ := l.Add(ctx, srv.URL+"/c.xml")
	edit(t, l, b.ID, "keep_days", "all")
	edit(t, l, c.ID, "keep_days", "15", "keep_items", "1")
	s, err := l.Refresh(ctx, Progress{})
	if err != nil || s.New != 3+5+1 {
		t.Fatalf("refresh: %+v, %v", s, err)
	}
	for _, want := range []struct {
		f model.Feed
		n int
	}{{a, 3}, {b, 5}, {c, 1}} {
		if n, _ := l.CountArticles(ctx, model.ArticleQuery{FeedID: want.f.ID}); n != want.n {
			t.Errorf("%s: %d articles kept, want %d", want.f.URL, n, want.n)
		}
	}
	if s, _ := l.Refresh(ctx, Progress{}); s.New != 0 {
		t.Errorf("a second refresh brought back %d", s.New)
	}
}
