package library

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

// testClock is a clock a test moves by hand.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// hourlyRSS is a feed of twelve items published an hour apart, the last
// ten minutes before t.
func hourlyRSS(t time.Time) string {
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>Hourly</title>`)
	for i := range 12 {
		at := t.Add(-10*time.Minute - time.Duration(i)*time.Hour)
		fmt.Fprintf(&b, `<item><title>Story %d</title><guid>s%d</guid><pubDate>%s</pubDate></item>`,
			i, at.Unix(), at.UTC().Format(time.RFC1123Z))
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// TestRefreshDue: the first refresh --due fetches every feed and gives
// each its next due time by the schedule (its publishing, max-age,
// Retry-After, a 429 without it, failures); later ones fetch only the
// feeds then due.
func TestRefreshDue(t *testing.T) {
	start := time.Now().Truncate(time.Second)
	clock := &testClock{t: start}
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		switch r.URL.Path {
		case "/cached":
			w.Header().Set("Cache-Control", "max-age=7200")
		case "/throttled":
			w.Header().Set("Retry-After", "10800")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		case "/throttled-silently":
			w.WriteHeader(http.StatusTooManyRequests)
			return
		case "/bad":
			http.Error(w, "no", http.StatusInternalServerError)
			return
		case "/hourly": // unchanged after the first fetch: 304s
			if r.Header.Get("If-None-Match") == `"h1"` {
				mu.Lock()
				hits["304"]++
				mu.Unlock()
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"h1"`)
		}
		fmt.Fprint(w, hourlyRSS(start))
	}))
	defer srv.Close()
	l, err := Open(context.Background(), filepath.Join(t.TempDir(), "b.db"), Options{Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	paths := []string{"/hourly", "/cached", "/throttled", "/throttled-silently", "/bad"}
	ids := map[string]int64{}
	for _, p := range paths {
		f, err := l.store.AddFeed(ctx, model.Feed{URL: srv.URL + p})
		if err != nil {
			t.Fatal(err)
		}
		ids[p] = f.ID
	}
	refresh := func(after time.Duration, want ...string) {
		t.Helper()
		clock.set(start.Add(after))
		mu.Lock()
		clear(hits)
		mu.Unlock()
		sum, err := l.RefreshDue(ctx, Progress{})
		if err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		defer mu.Unlock()
		var got []string
		for p := range hits {
			if p != "304" {
				got = append(got, p)
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) || sum.Feeds != len(want) {
			t.Fatalf("at +%v fetched %v (%d in the summary), want %v", after, got, sum.Feeds, want)
		}
	}
	due := func(p string) time.Duration {
		t.Helper()
		f, err := l.store.Feed(ctx, ids[p])
		if err != nil {
			t.Fatal(err)
		}
		return f.NextDue.Sub(start)
	}

	refresh(0, paths...)
	for p, want := range map[string]time.Duration{
		"/hourly":             30 * time.Minute, // half its hourly gap
		"/cached":             2 * time.Hour,    // its max-age
		"/throttled-silently": time.Hour,        // nothing known of it: an hour
		"/bad":                time.Hour,
	} {
		if got := due(p); got != want {
			t.Errorf("%s due at +%v, want +%v", p, got, want)
		}
	}
	if got := due("/throttled"); got < 3*time.Hour-time.Second || got > 3*time.Hour+time.Minute {
		t.Errorf("/throttled due at +%v, want its Retry-After, +3h", got)
	}
	if f, _ := l.store.Feed(ctx, ids["/throttled-silently"]); f.NextAllowed.Before(start.Add(15 * time.Minute)) {
		t.Errorf("a 429 without Retry-After is allowed again at %v", f.NextAllowed)
	}

	refresh(20 * time.Minute)
	refresh(31*time.Minute, "/hourly")
	refresh(62*time.Minute, "/hourly", "/throttled-silently", "/bad")
	if got, want := due("/bad"), 62*time.Minute+2*time.Hour; got != want {
		t.Errorf("/bad failed twice: due at +%v, want +%v", got, want)
	}
	refresh(2*time.Hour+time.Minute, "/hourly", "/cached")
	// Silent for 2h11m (its 304s say so too), the hourly feed waits half
	// of that.
	if got, want := due("/hourly"), 2*time.Hour+time.Minute+(2*time.Hour+11*time.Minute)/2; got != want {
		t.Errorf("/hourly, silent: due at +%v, want +%v", got, want)
	}
	mu.Lock()
	if hits["304"] != 1 {
		t.Errorf("the hourly feed's last fetch was not a 304")
	}
	mu.Unlock()
	refresh(3*time.Hour+2*time.Minute, "/throttled", "/throttled-silently", "/bad")
}

// TestRefreshDueSyncsStaleAccounts: an account never synced is due; once
// synced, not before AccountSyncEvery.
func TestRefreshDueSyncsStaleAccounts(t *testing.T) {
	srv := badServer{contents: twoItems}.serve(t)
	clock := &testClock{t: time.Now()}
	dir := t.TempDir()
	pw := filepath.Join(dir, "pw")
	os.WriteFile(pw, []byte("secret-password\n"), 0o600)
	l, err := Open(context.Background(), filepath.Join(dir, "b.db"), Options{Now: clock.now,
		Accounts: map[string]model.AccountConfig{"fake": {Type: "greader", URL: srv.URL, Username: "u", PasswordFile: pw}}})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	start := clock.now()
	for _, c := range []struct {
		after time.Duration
		syncs int
	}{{0, 1}, {AccountSyncEvery - time.Minute, 0}, {AccountSyncEvery, 1}} {
		clock.set(start.Add(c.after))
		sum, err := l.RefreshDue(ctx, Progress{})
		if err != nil {
			t.Fatal(err)
		}
		if len(sum.Accounts) != c.syncs {
			t.Fatalf("at +%v: %d syncs, want %d", c.after, len(sum.Accounts), c.syncs)
		}
		if c.syncs == 1 && sum.Accounts[0].Err != nil {
			t.Fatalf("sync: %v", sum.Accounts[0].Err)
		}
	}
	// The account's own feeds are the server's to fetch, never byline's.
	if feeds, _ := l.store.DueFeeds(ctx, start.Add(48*time.Hour)); len(feeds) != 0 {
		t.Errorf("an account's feed is due: %+v", feeds)
	}
}
