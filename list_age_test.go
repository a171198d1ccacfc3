package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"testing"
)

// `byline list` shows an undated article's fetch age marked "~", as the
// app does, and a dated one's age as it is.
func TestListShowsUndatedAgesAsTheAppDoes(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><title>Dated story</title><link>https://example.com/a</link><guid>a</guid><pubDate>Fri, 21 Jun 2024 10:00:00 GMT</pubDate></item>
<item><title>Undated story</title><link>https://example.com/b</link><guid>b</guid></item>
</channel></rss>`)
	}))
	t.Cleanup(srv.Close)
	db := filepath.Join(t.TempDir(), "b.db")
	if r := byline(t, db, "add", srv.URL+"/feed.xml"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	if r := byline(t, db, "refresh"); r.code != 0 {
		t.Fatalf("refresh: %+v", r)
	}
	r := byline(t, db, "list")
	if !regexp.MustCompile(`(?m)~now +Desk +Undated story$`).MatchString(r.stdout) ||
		!regexp.MustCompile(`(?m) \d+y +Desk +Dated story$`).MatchString(r.stdout) {
		t.Fatalf("list:\n%s", r.stdout)
	}
}
