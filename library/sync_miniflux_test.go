package library

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/internal/miniflux"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/feedset"
)

// These tests run against a real Miniflux on PostgreSQL, started by
// .ci/miniflux (see internal/miniflux). Each test has a Miniflux user of
// its own.

// rssServer serves /N.xml: feed N with the given number of items, on
// loopback where Miniflux may fetch it.
func rssServer(t *testing.T, items int) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		feed := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"), ".xml")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %s</title><link>http://%s/</link>`, feed, r.Host)
		base := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
		for i := range items {
			fmt.Fprintf(w, `<item><title>Story %s-%d</title><link>http://%s/%s/%d</link><guid>%s-%d</guid><pubDate>%s</pubDate><description>Text of story %d.</description></item>`,
				feed, i, r.Host, feed, i, feed, i, base.Add(time.Duration(i)*time.Hour).Format(time.RFC1123Z), i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// syncedLibrary opens a library with one account, "mf", for user u, whose
// server is reached at apiURL (Miniflux itself, or a proxy before it).
func syncedLibrary(t *testing.T, u miniflux.User, apiURL string) *Library {
	t.Helper()
	dir := t.TempDir()
	pw := filepath.Join(dir, "pw")
	if err := os.WriteFile(pw, []byte(u.Password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := Open(context.Background(), filepath.Join(dir, "b.db"), Options{
		Accounts: map[string]model.AccountConfig{"mf": {Type: "greader", URL: apiURL,
			Username: u.Name, PasswordFile: pw}},
		SyncHTTP: &http.Client{Timeout: 5 * time.Second},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func mustSync(t *testing.T, l *Library) model.SyncResult {
	t.Helper()
	res, err := l.Sync(context.Background(), []string{"mf"}, nil)
	if err != nil || len(res) != 1 || res[0].Err != nil {
		t.Fatalf("sync = %+v, %v", res, err)
	}
	return res[0]
}

// accountArticles is the account's articles by title.
func accountArticles(t *testing.T, l *Library) map[string]model.Article {
	t.Helper()
	arts, err := l.Articles(context.Background(), model.ArticleQuery{Account: "mf"})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]model.Article{}
	for _, a := range arts {
		m[a.Title] = a
	}
	return m
}

// entryByTitle is Miniflux's entry with that title.
func entryByTitle(t *testing.T, u miniflux.User, title string) miniflux.Entry {
	t.Helper()
	for _, e := range u.Entries(t) {
		if e.Title == title {
			return e
		}
	}
	t.Fatalf("Miniflux has no entry %q", title)
	return miniflux.Entry{}
}

func TestSyncWithMiniflux(t *testing.T) {
	srv := miniflux.Start(t)
	u := srv.NewUser(t)
	feeds := rssServer(t, 3)
	u.AddFeed(t, feeds.URL+"/a.xml", "News")
	l := syncedLibrary(t, u, u.GReaderURL)
	ctx := context.Background()

	// Subscriptions and items arrive, with their folder.
	if r := mustSync(t, l); r.New != 3 || r.FeedsAdded != 1 {
		t.Fatalf("first sync = %+v", r)
	}
	fs, _ := l.Feeds(ctx)
	var feed model.Feed
	for _, f := range fs {
		if f.Account == "mf" {
			feed = f
		}
	}
	if feed.URL != feeds.URL+"/a.xml" || feed.Folder != "News" || feed.Unread != 3 {
		t.Fatalf("account feed = %+v", feed)
	}
	if r := mustSync(t, l); r.New != 0 || r.Changed != 0 || r.Sent != 0 {
		t.Errorf("a sync with nothing new did something: %+v", r)
	}

	// Read here → read there; star there → starred here.
	arts := accountArticles(t, l)
	if _, err := l.Mark(ctx, []int64{arts["Story a-0"].ID}, ptr(true), nil); err != nil {
		t.Fatal(err)
	}
	u.SetStarred(t, entryByTitle(t, u, "Story a-1").ID, true)
	if r := mustSync(t, l); r.Sent != 1 || r.Changed != 1 {
		t.Errorf("second sync = %+v", r)
	}
	if e := entryByTitle(t, u, "Story a-0"); e.Status != "read" {
		t.Errorf("marked read here, Miniflux says %q", e.Status)
	}
	if a := accountArticles(t, l)["Story a-1"]; !a.Starred {
		t.Error("starred on Miniflux, not starred here")
	}

	// Read there → read here; unread here → unread there.
	u.SetStatus(t, []int64{entryByTitle(t, u, "Story a-2").ID}, "read")
	l.Mark(ctx, []int64{arts["Story a-0"].ID}, ptr(false), nil)
	mustSync(t, l)
	if a := accountArticles(t, l)["Story a-2"]; !a.Read {
		t.Error("read on Miniflux, unread here")
	}
	if e := entryByTitle(t, u, "Story a-0"); e.Status != "unread" {
		t.Errorf("marked unread here, Miniflux says %q", e.Status)
	}
}

func TestSyncSubscriptionsThroughMiniflux(t *testing.T) {
	srv := miniflux.Start(t)
	u := srv.NewUser(t)
	feeds := rssServer(t, 2)
	l := syncedLibrary(t, u, u.GReaderURL)
	ctx := context.Background()
	mustSync(t, l)

	f, err := l.AddTo(ctx, "mf", feeds.URL+"/b.xml", "Tech")
	if err != nil {
		t.Fatal(err)
	}
	if f.Account != "mf" || f.Folder != "Tech" {
		t.Errorf("subscribed feed = %+v", f)
	}
	mf := u.Feeds(t)
	if len(mf) != 1 || mf[0].FeedURL != feeds.URL+"/b.xml" || mf[0].Category != "Tech" {
		t.Fatalf("Miniflux feeds = %+v", mf)
	}
	if n, _ := l.CountArticles(ctx, model.ArticleQuery{FeedID: f.ID}); n != 2 {
		t.Errorf("%d articles of the new feed, want 2", n)
	}

	rename := []feedset.FeedValue{{Key: "title", Value: "Renamed"}, {Key: "folder", Value: "Elsewhere"}}
	if _, err := l.EditFeed(ctx, fmt.Sprint(f.ID), rename); err != nil {
		t.Fatal(err)
	}
	if mf := u.Feeds(t); mf[0].Title != "Renamed" || mf[0].Category != "Elsewhere" {
		t.Errorf("after rename and move, Miniflux has %+v", mf[0])
	}
	mustSync(t, l)
	if got, _ := l.FindFeed(ctx, fmt.Sprint(f.ID)); got.Title != "Renamed" || got.Folder != "Elsewhere" {
		t.Errorf("after a sync, here: %+v", got)
	}

	if _, err := l.Remove(ctx, fmt.Sprint(f.ID)); err != nil {
		t.Fatal(err)
	}
	if mf := u.Feeds(t); len(mf) != 0 {
		t.Errorf("unsubscribed here, Miniflux still has %+v", mf)
	}
	mustSync(t, l)
	if n, _ := l.CountArticles(ctx, model.ArticleQuery{Account: "mf"}); n != 0 {
		t.Errorf("%d articles left of an unsubscribed feed", n)
	}
}

func TestOfflineChangesReplayed(t *testing.T) {
	srv := miniflux.Start(t)
	u := srv.NewUser(t)
	feeds := rssServer(t, 4)
	u.AddFeed(t, feeds.URL+"/c.xml", "")
	proxy := newFaultProxy(t, u.GReaderURL, 1)
	l := syncedLibrary(t, u, proxy.URL)
	ctx := context.Background()
	mustSync(t, l)
	arts := accountArticles(t, l)

	proxy.setDown(true)
	l.Mark(ctx, []int64{arts["Story c-0"].ID, arts["Story c-1"].ID}, ptr(true), nil)
	l.Mark(ctx, []int64{arts["Story c-2"].ID}, nil, ptr(true))
	feedID := arts["Story c-3"].FeedID
	res, err := l.Sync(ctx, []string{"mf"}, nil)
	if err != nil || res[0].Err == nil || !strings.Contains(res[0].Err.Error(), "account mf") {
		t.Fatalf("sync offline = %+v, %v; want an error naming the account", res, err)
	}
	if a := accountArticles(t, l)["Story c-0"]; !a.Read {
		t.Error("an offline sync undid a local change")
	}
	if accts, _ := l.Accounts(ctx); accts[0].Pending != 3 || accts[0].LastError == "" {
		t.Errorf("account after the failed sync = %+v", accts[0])
	}
	if _, err := l.MarkQueryRead(ctx, model.ArticleQuery{FeedID: feedID}); err != nil {
		t.Fatal(err)
	}

	proxy.setDown(false)
	// c-0, c-1 read; c-2 starred; then c-2, c-3 read by the feed's mark.
	if r := mustSync(t, l); r.Sent != 5 {
		t.Errorf("replayed %d changes, want 5 (%+v)", r.Sent, r)
	}
	for _, e := range u.Entries(t) {
		starred := e.Title == "Story c-2"
		if e.Status != "read" || e.Starred != starred {
			t.Errorf("Miniflux %q: %s starred=%v", e.Title, e.Status, e.Starred)
		}
	}
	if accts, _ := l.Accounts(ctx); accts[0].Pending != 0 || accts[0].LastError != "" {
		t.Errorf("account after the sync = %+v", accts[0])
	}
}

func ptr[T any](v T) *T { return &v }

func TestImportIntoMiniflux(t *testing.T) {
	srv := miniflux.Start(t)
	u := srv.NewUser(t)
	feeds := rssServer(t, 1)
	l := syncedLibrary(t, u, u.GReaderURL)
	opml := filepath.Join(t.TempDir(), "subs.opml")
	os.WriteFile(opml, fmt.Appendf(nil, `<opml version="2.0"><body>
<outline text="Work"><outline text="Deep"><outline type="rss" text="D" xmlUrl="%s/d.xml"/></outline></outline>
<outline type="rss" text="E" xmlUrl="%s/e.xml"/>
<outline type="rss" text="Gone" xmlUrl="%s/missing"/>
</body></opml>`, feeds.URL, feeds.URL, "http://127.0.0.1:1"), 0o644)
	res, err := l.ImportTo(context.Background(), "mf", opml, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || len(res.Failed) != 1 || !strings.Contains(res.Failed[0], "127.0.0.1:1") {
		t.Errorf("import = %+v", res)
	}
	cats := map[string]string{}
	for _, f := range u.Feeds(t) {
		cats[strings.TrimPrefix(f.FeedURL, feeds.URL)] = f.Category
	}
	if len(cats) != 2 || cats["/d.xml"] != "Work/Deep" {
		t.Errorf("Miniflux feeds: %v", cats)
	}
	if f, err := l.FindFeed(context.Background(), feeds.URL+"/d.xml"); err != nil || f.Folder != "Work/Deep" {
		t.Errorf("after the sync, the nested folder here: %q, %v", f.Folder, err)
	}
	if n, _ := l.CountArticles(context.Background(), model.ArticleQuery{Account: "mf"}); n != 2 {
		t.Errorf("%d articles here after the import, want 2", n)
	}
}
