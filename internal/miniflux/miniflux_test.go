package miniflux

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// rss is a feed of three items whose every URL is on the test server.
func rss(base string) string {
	var items strings.Builder
	for i := 1; i <= 3; i++ {
		fmt.Fprintf(&items, `<item><title>Item %d</title><link>%s/items/%d</link>
<guid>%s/items/%d</guid><description>Body %d</description>
<pubDate>Mon, 0%d Jun 2026 10:00:00 GMT</pubDate></item>`, i, base, i, base, i, i, i)
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Helper feed</title><link>` + base + `/</link>
<description>three items</description>` + items.String() + `</channel></rss>`
}

func TestHelper(t *testing.T) {
	s := Start(t)
	u := s.NewUser(t)

	var feedServer *httptest.Server
	feedServer = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed.xml" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, rss(feedServer.URL))
	}))
	defer feedServer.Close()

	feedID := u.AddFeed(t, feedServer.URL+"/feed.xml", "Helper")
	feeds := u.Feeds(t)
	if len(feeds) != 1 || feeds[0].ID != feedID || feeds[0].Title != "Helper feed" || feeds[0].Category != "Helper" {
		t.Fatalf("feeds: %+v", feeds)
	}

	entries := u.Entries(t)
	if len(entries) != 3 {
		t.Fatalf("want 3 entries, got %+v", entries)
	}
	for _, e := range entries {
		if e.FeedID != feedID || e.Status != "unread" || e.Starred {
			t.Fatalf("a fresh entry: %+v", e)
		}
	}

	u.SetStatus(t, []int64{entries[0].ID}, "read")
	u.SetStarred(t, entries[1].ID, true)
	u.SetStarred(t, entries[1].ID, true) // sets, does not toggle
	u.RefreshFeed(t, feedID)             // keeps what the user set
	if got, want := states(u.Entries(t)), "read unread* unread"; got != want {
		t.Fatalf("after marking: %s, want %s", got, want)
	}
	u.SetStarred(t, entries[1].ID, false)
	u.SetStatus(t, []int64{entries[0].ID}, "unread")
	if got, want := states(u.Entries(t)), "unread unread unread"; got != want {
		t.Fatalf("after unmarking: %s, want %s", got, want)
	}

	u.DeleteFeed(t, feedID)
	if feeds := u.Feeds(t); len(feeds) != 0 {
		t.Fatalf("after DeleteFeed: %+v", feeds)
	}
}

// states is each entry's status, * for starred, in order.
func states(entries []Entry) string {
	var s []string
	for _, e := range entries {
		if e.Starred {
			e.Status += "*"
		}
		s = append(s, e.Status)
	}
	return strings.Join(s, " ")
}

func TestGReaderLogin(t *testing.T) {
	s := Start(t)
	u := s.NewUser(t)
	form := url.Values{"Email": {u.Name}, "Passwd": {u.Password}}
	resp, err := client.PostForm(u.GReaderURL+"/accounts/ClientLogin", form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("ClientLogin: %s %s", resp.Status, body)
	}
	var auth string
	for line := range strings.Lines(string(body)) {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "Auth="); ok {
			auth = v
		}
	}
	if auth == "" {
		t.Fatalf("ClientLogin answered no Auth= line: %q", body)
	}

	form.Set("Passwd", u.Password+"x")
	resp, err = client.PostForm(u.GReaderURL+"/accounts/ClientLogin", form)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("ClientLogin with a wrong password: %s", resp.Status)
	}
}
