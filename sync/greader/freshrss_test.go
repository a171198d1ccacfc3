package greader

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// freshRSS answers as FreshRSS 1.25-dev's p/api/greader.php does (read at
// commit 6c58b905), where byline met it on a real instance: every title
// and author with '&', '<', '>' in fullwidth (escapeToUnicodeAlternative),
// quickadd of a feed already followed as numResults 0 "Already
// subscribed!", a 401 "Unauthorized!" for a reader/api/0 path without a
// user (which is what a base with "/reader/api/0" pasted on gets at
// ClientLogin), and text/html types from PHP.
type freshRSS struct {
	mu    sync.Mutex
	feeds []freshFeed // feed/1 is feeds[0]
	edits []string    // subscription/edit forms, encoded
}

type freshFeed struct{ url, title, folder string }

const (
	freshUser  = "alice"
	freshPass  = "api pass"
	freshAuth  = "alice/0123456789abcdef0123456789abcdef01234567"
	freshTitle = "Fish & Chips <b>bold</b>" // the feed's own title
)

// fullwidth is what FreshRSS's API makes of a title.
func fullwidth(s string) string {
	return strings.NewReplacer("&", "＆", "<", "＜", ">", "＞").Replace(s)
}

func (f *freshRSS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=UTF-8") // PHP's default
	path, ok := strings.CutPrefix(r.URL.Path, "/api/greader.php")
	parts := strings.Split(path, "/")
	switch {
	case !ok || len(parts) < 3:
		http.Error(w, "Bad Request!", http.StatusBadRequest)
	case parts[1] == "accounts" && parts[2] == "ClientLogin":
		if r.FormValue("Email") != freshUser || r.FormValue("Passwd") != freshPass {
			http.Error(w, "Unauthorized!", http.StatusUnauthorized)
			return
		}
		fmt.Fprintf(w, "SID=%s\nLSID=null\nAuth=%s\n", freshAuth, freshAuth)
	case r.Header.Get("Authorization") != "GoogleLogin auth="+freshAuth:
		w.Header().Set("Google-Bad-Token", "true")
		http.Error(w, "Unauthorized!", http.StatusUnauthorized)
	default:
		f.api(w, r, strings.Join(parts[1:], "/"))
	}
}

func (f *freshRSS) api(w http.ResponseWriter, r *http.Request, call string) {
	switch call {
	case "reader/api/0/token":
		fmt.Fprintln(w, strings.Repeat("0123456789", 4)+strings.Repeat("Z", 17))
	case "reader/api/0/subscription/list":
		var subs []map[string]any
		for i, feed := range f.feeds {
			subs = append(subs, map[string]any{"id": fmt.Sprintf("feed/%d", i+1),
				"title": fullwidth(feed.title), "url": feed.url, "htmlUrl": feed.url,
				"categories": []map[string]string{{"id": "user/-/label/" + feed.folder, "label": feed.folder}}})
		}
		json.NewEncoder(w).Encode(map[string]any{"subscriptions": subs})
	case "reader/api/0/subscription/quickadd":
		u := r.FormValue("quickadd")
		for _, feed := range f.feeds {
			if feed.url == u {
				json.NewEncoder(w).Encode(map[string]any{"numResults": 0, "error": "Already subscribed! " + u})
				return
			}
		}
		if !strings.HasSuffix(u, ".xml") {
			json.NewEncoder(w).Encode(map[string]any{"numResults": 0, "error": "cURL error 22: 404 [" + u + "]"})
			return
		}
		f.feeds = append(f.feeds, freshFeed{url: u, title: "New", folder: "Uncategorized"})
		json.NewEncoder(w).Encode(map[string]any{"numResults": 1, "query": u,
			"streamId": fmt.Sprintf("feed/%d", len(f.feeds)), "streamName": "New"})
	case "reader/api/0/subscription/edit":
		r.ParseForm()
		f.edits = append(f.edits, r.PostForm.Encode())
		fmt.Fprint(w, "OK")
	case "reader/api/0/stream/items/contents":
		item := map[string]any{"id": "tag:google.com,2005:reader/item/000661b5e1a4f2db",
			"crawlTimeMsec": "1796302805058", "timestampUsec": "1796302805058361", "published": 1796302800,
			"title": fullwidth(freshTitle), "author": fullwidth("Tom & Jerry"),
			"canonical":  []map[string]string{{"href": "http://127.0.0.1/a.html"}},
			"categories": []string{"user/-/state/com.google/reading-list", "user/-/label/Tech"},
			"origin":     map[string]string{"streamId": "feed/1", "title": fullwidth("A & B")},
			"summary":    map[string]string{"content": "<p>Fish &amp; Chips</p>"}}
		json.NewEncoder(w).Encode(map[string]any{"id": "user/-/state/com.google/reading-list",
			"items": []any{item}})
	default:
		http.Error(w, "Bad Request!", http.StatusBadRequest)
	}
}

// newFreshRSS serves a freshRSS and gives a client logged in at base (a
// path under the server, "/api/greader.php" as FreshRSS's is).
func newFreshRSS(t *testing.T, base string) (*freshRSS, *Client) {
	t.Helper()
	f := &freshRSS{}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	c, err := New(srv.URL+base, srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Login(context.Background(), freshUser, freshPass); err != nil {
		t.Fatalf("login at %q: %v", base, err)
	}
	return f, c
}

// TestFreshRSSTitles: titles come back with '&', '<' and '>' as the feed
// has them (then cleaned as byline cleans any title), not as FreshRSS's
// fullwidth stand-ins; a renamed feed's title is what it was renamed to.
func TestFreshRSSTitles(t *testing.T) {
	f, c := newFreshRSS(t, "/api/greader.php")
	f.feeds = []freshFeed{{url: "http://127.0.0.1/tech.xml", title: "Gadgets & Co <3", folder: "R&D"}}
	subs, err := c.Subscriptions(context.Background())
	if err != nil || len(subs) != 1 {
		t.Fatalf("%v, %v", subs, err)
	}
	if subs[0].Title != "Gadgets & Co <3" || subs[0].Folders[0] != "R&D" {
		t.Errorf("subscription %+v", subs[0])
	}
	items, err := c.Contents(context.Background(), []int64{0x000661b5e1a4f2db})
	if err != nil || len(items) != 1 {
		t.Fatalf("%v, %v", items, err)
	}
	if a := items[0].Article; a.Title != "Fish & Chips bold" || a.Author != "Tom & Jerry" {
		t.Errorf("title %q, author %q", a.Title, a.Author)
	}
}

// TestFullwidthKeptElsewhere: a server that is not FreshRSS sends the
// fullwidth forms as text of their own, and they stay.
func TestFullwidthKeptElsewhere(t *testing.T) {
	f, c := newFake(t, "")
	c.SetToken(fakeToken)
	f.subs = []fakeSub{{id: 1, url: "https://a.example/rss", title: "＜速報＞ AT＆T"}}
	subs, err := c.Subscriptions(context.Background())
	if err != nil || len(subs) != 1 || subs[0].Title != "＜速報＞ AT＆T" {
		t.Errorf("%+v, %v", subs, err)
	}
}

// TestSubscribeAlreadyFollowed: FreshRSS refuses quickadd of a feed the
// user follows (from another machine, or before this one's first sync);
// Subscribe takes the subscription the list has, and files it as asked.
func TestSubscribeAlreadyFollowed(t *testing.T) {
	f, c := newFreshRSS(t, "/api/greader.php")
	f.feeds = []freshFeed{{url: "http://127.0.0.1/a.xml", title: "A", folder: "Uncategorized"},
		{url: "http://127.0.0.1/news.xml", title: "News", folder: "World"}}
	id, err := c.Subscribe(context.Background(), "http://127.0.0.1/news.xml", "", "Later")
	if err != nil || id != "feed/2" {
		t.Fatalf("Subscribe = %q, %v", id, err)
	}
	if len(f.edits) != 1 || !strings.Contains(f.edits[0], "a=user%2F-%2Flabel%2FLater") ||
		!strings.Contains(f.edits[0], "s=feed%2F2") {
		t.Errorf("edits %v", f.edits)
	}
	id, err = c.Subscribe(context.Background(), "http://127.0.0.1/missing", "", "")
	if !errors.Is(err, ErrNoFeed) || id != "" || !strings.Contains(err.Error(), "cURL error 22") {
		t.Errorf("missing feed: %q, %v", id, err)
	}
}

// TestNewTrimsAPIPath: a base pasted with the API's own path still
// reaches it; FreshRSS answered such a ClientLogin 401, which read as a
// wrong password.
func TestNewTrimsAPIPath(t *testing.T) {
	for _, base := range []string{"/api/greader.php/reader/api/0", "/api/greader.php/reader/api/0/",
		"/api/greader.php/accounts/ClientLogin", "/api/greader.php/"} {
		_, c := newFreshRSS(t, base)
		if !strings.HasSuffix(c.base, "/api/greader.php") || c.titles == nil {
			t.Errorf("%q: base %q", base, c.base)
		}
		if _, err := c.Subscriptions(context.Background()); err != nil {
			t.Errorf("%q: %v", base, err)
		}
	}
	c, err := New("https://example.org/miniflux/", nil)
	if err != nil || c.base != "https://example.org/miniflux" || c.titles != nil {
		t.Errorf("plain base: %q, %v", c.base, err)
	}
}
