package feeds

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

func TestFreshness(t *testing.T) {
	date := "Tue, 10 Mar 2026 12:00:00 GMT"
	for _, c := range []struct {
		name string
		hdr  map[string][]string
		want time.Duration
	}{
		{"nothing", nil, 0},
		{"max-age", map[string][]string{"Cache-Control": {"public, max-age=600"}}, 10 * time.Minute},
		{"spaces around =, read leniently", map[string][]string{"Cache-Control": {"public , max-age = 600"}}, 10 * time.Minute},
		{"upper case", map[string][]string{"Cache-Control": {"Public, MAX-AGE=600"}}, 10 * time.Minute},
		{"quoted", map[string][]string{"Cache-Control": {`max-age="60"`}}, time.Minute},
		{"less its age", map[string][]string{"Cache-Control": {"max-age=600"}, "Age": {"100"}}, 500 * time.Second},
		{"older than its max-age", map[string][]string{"Cache-Control": {"max-age=600"}, "Age": {"900"}}, 0},
		{"the smaller of two", map[string][]string{"Cache-Control": {"max-age=600", "max-age=60"}}, time.Minute},
		{"s-maxage is a shared cache's", map[string][]string{"Cache-Control": {"s-maxage=600"}}, 0},
		{"no-cache", map[string][]string{"Cache-Control": {"max-age=600, no-cache"}}, 0},
		{"no-store", map[string][]string{"Cache-Control": {"no-store"}, "Expires": {"Tue, 10 Mar 2026 13:00:00 GMT"}, "Date": {date}}, 0},
		{"max-age=0", map[string][]string{"Cache-Control": {"max-age=0"}}, 0},
		{"unreadable max-age", map[string][]string{"Cache-Control": {"max-age=soon"}}, 0},
		{"negative max-age", map[string][]string{"Cache-Control": {"max-age=-5"}}, 0},
		{"a year", map[string][]string{"Cache-Control": {"max-age=31536000"}}, maxFreshness},
		{"too many digits", map[string][]string{"Cache-Control": {"max-age=999999999999999999999999"}}, maxFreshness},
		{"expires, against its date", map[string][]string{"Expires": {"Tue, 10 Mar 2026 13:00:00 GMT"}, "Date": {date}}, time.Hour},
		{"expires past", map[string][]string{"Expires": {"Tue, 10 Mar 2026 11:00:00 GMT"}, "Date": {date}}, 0},
		{"expires 0", map[string][]string{"Expires": {"0"}}, 0},
		{"max-age beats expires", map[string][]string{"Cache-Control": {"max-age=60"}, "Expires": {"Tue, 10 Mar 2026 13:00:00 GMT"}, "Date": {date}}, time.Minute},
	} {
		h := http.Header{}
		for k, vs := range c.hdr {
			for _, v := range vs {
				h.Add(k, v)
			}
		}
		if got := freshness(h); got != c.want {
			t.Errorf("%s: freshness = %v, want %v", c.name, got, c.want)
		}
	}
}

func FuzzFreshness(f *testing.F) {
	f.Add("public, max-age=600", "100", "Tue, 10 Mar 2026 13:00:00 GMT")
	f.Add("no-cache", "", "0")
	f.Add(`max-age="99999999999999999999"`, "-1", "")
	f.Fuzz(func(t *testing.T, cc, age, expires string) {
		h := http.Header{"Cache-Control": {cc}, "Age": {age}, "Expires": {expires}}
		if d := freshness(h); d < 0 || d > maxFreshness {
			t.Fatalf("freshness %v out of bounds", d)
		}
	})
}

// TestFetchFeedReadsCacheControl: a feed and its 304 carry the server's
// max-age; a 429 without Retry-After still benches the feed.
func TestFetchFeedReadsCacheControl(t *testing.T) {
	feed := readFixture(t, "rss20.xml")
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			w.Header().Set("Cache-Control", "max-age=1800")
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Write(feed)
		case "/throttled":
			w.WriteHeader(http.StatusTooManyRequests)
		}
	})
	c := testClient(Limits{})
	res := c.FetchFeed(context.Background(), model.Feed{URL: srv.URL + "/feed"})
	if res.Err != nil || res.MaxAge != 30*time.Minute {
		t.Fatalf("200: max-age %v, err %v", res.MaxAge, res.Err)
	}
	res = c.FetchFeed(context.Background(), model.Feed{URL: srv.URL + "/feed", ETag: `"v1"`})
	if !res.NotModified || res.MaxAge != 30*time.Minute {
		t.Fatalf("304: max-age %v, not modified %v", res.MaxAge, res.NotModified)
	}
	before := time.Now()
	res = c.FetchFeed(context.Background(), model.Feed{URL: srv.URL + "/throttled"})
	var he *HTTPError
	if !errors.As(res.Err, &he) || he.Status != 429 || res.RetryAfter.Before(before.Add(throttleWait)) ||
		res.RetryAfter.After(time.Now().Add(throttleWait)) {
		t.Fatalf("429 without Retry-After: retry after %v, err %v", res.RetryAfter, res.Err)
	}
}
