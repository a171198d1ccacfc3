package feeds

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

func testClient(limits Limits) *Client {
	return NewClient(Options{UserAgent: "byline-test/1", Limits: limits})
}

// serve answers every request with h, closing the server with the test.
func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchFeedOK(t *testing.T) {
	feed := readFixture(t, "rss20.xml")
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if ua := r.Header.Get("User-Agent"); ua != "byline-test/1" {
			t.Errorf("User-Agent = %q", ua)
		}
		if !strings.Contains(r.Header.Get("Accept"), "application/rss+xml") {
			t.Errorf("Accept = %q", r.Header.Get("Accept"))
		}
		if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
			t.Error("validators sent on a first fetch")
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Wed, 01 May 2024 10:00:00 GMT")
		w.Write(feed)
	})
	res := testClient(Limits{}).FetchFeed(context.Background(), model.Feed{URL: srv.URL + "/feed"})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if res.Status != 200 || res.Title != "The Daily & Weekly" || len(res.Articles) != 4 {
		t.Errorf("status %d title %q, %d articles", res.Status, res.Title, len(res.Articles))
	}
	if res.ETag != `"v1"` || res.LastModified != "Wed, 01 May 2024 10:00:00 GMT" || res.FinalURL != srv.URL+"/feed" {
		t.Errorf("validators %q %q final %q", res.ETag, res.LastModified, res.FinalURL)
	}
}

func TestFetchFeedConditional(t *testing.T) {
	const etag, lastMod = `"abc"`, "Tue, 30 Apr 2024 08:00:00 GMT"
	var hits atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.Header.Get("If-None-Match") == etag && r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		t.Errorf("validators missing: %q %q", r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since"))
		w.Write(readFixture(t, "rss20.xml"))
	})
	f := model.Feed{URL: srv.URL, ETag: etag, LastModified: lastMod}
	res := testClient(Limits{}).FetchFeed(context.Background(), f)
	if res.Err != nil || !res.NotModified || res.Status != 304 {
		t.Fatalf("err %v notModified %v status %d", res.Err, res.NotModified, res.Status)
	}
	if res.ETag != etag || res.LastModified != lastMod || len(res.Articles) != 0 {
		t.Errorf("validators not kept: %q %q", res.ETag, res.LastModified)
	}
	if hits.Load() != 1 {
		t.Errorf("%d requests", hits.Load())
	}
}

func gzipped(t testing.TB, data []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	return buf.Bytes()
}

func serveGzip(t *testing.T, body []byte) *httptest.Server {
	return serve(t, func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Errorf("gzip not asked for: %q", r.Header.Get("Accept-Encoding"))
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(body)
	})
}

func TestFetchFeedGzip(t *testing.T) {
	srv := serveGzip(t, gzipped(t, readFixture(t, "atom.xml")))
	res := testClient(Limits{}).FetchFeed(context.Background(), model.Feed{URL: srv.URL})
	if res.Err != nil || res.Title != "Atom Log" || len(res.Articles) != 2 {
		t.Fatalf("err %v title %q", res.Err, res.Title)
	}
}

func TestFetchFeedTooLarge(t *testing.T) {
	big := bytes.Repeat([]byte("<!-- padding padding padding -->\n"), (11<<20)/32)
	t.Run("plain", func(t *testing.T) {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) { w.Write(big) })
		res := testClient(Limits{}).FetchFeed(context.Background(), model.Feed{URL: srv.URL})
		if !errors.Is(res.Err, ErrTooLarge) || res.Err.Error() != "response too large: more than 10 MiB" {
			t.Fatalf("err = %v", res.Err)
		}
	})
	t.Run("gzip bomb", func(t *testing.T) {
		bomb := gzipped(t, make([]byte, 64<<20))
		if len(bomb) > 200<<10 {
			t.Fatalf("bomb is %d bytes", len(bomb))
		}
		srv := serveGzip(t, bomb)
		res := testClient(Limits{}).FetchFeed(context.Background(), model.Feed{URL: srv.URL})
		if res.Err == nil || res.Err.Error() != "response too large: more than 10 MiB" {
			t.Fatalf("err = %v", res.Err)
		}
	})
	t.Run("small cap", func(t *testing.T) {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) { w.Write(big[:100<<10]) })
		res := testClient(Limits{MaxFeedBytes: 64 << 10}).FetchFeed(context.Background(), model.Feed{URL: srv.URL})
		if res.Err == nil || res.Err.Error() != "response too large: more than 64 KiB" {
			t.Fatalf("err = %v", res.Err)
		}
	})
}

func TestFetchFeedRedirects(t *testing.T) {
	feed := readFixture(t, "feed.json")
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		var n int
		switch {
		case r.URL.Path == "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case r.URL.Path == "/feed":
			w.Write(feed)
		default:
			fmt.Sscanf(r.URL.Path, "/hop/%d", &n)
			if n == 0 {
				http.Redirect(w, r, "/feed", http.StatusMovedPermanently)
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
		}
	})
	c := testClient(Limits{})
	res := c.FetchFeed(context.Background(), model.Feed{URL: srv.URL + "/loop"})
	if res.Err == nil || res.Err.Error() != "too many redirects" || !errors.Is(res.Err, ErrTooManyRedirects) {
		t.Errorf("loop: err = %v", res.Err)
	}
	// /hop/4 → 3 → 2 → 1 → 0 → /feed: five redirects, the most allowed.
	res = c.FetchFeed(context.Background(), model.Feed{URL: srv.URL + "/hop/4"})
	if res.Err != nil || res.FinalURL != srv.URL+"/feed" || res.Title != "JSON Journal" {
		t.Errorf("five hops: err %v final %q", res.Err, res.FinalURL)
	}
	res = c.FetchFeed(context.Background(), model.Feed{URL: srv.URL + "/hop/5"})
	if !errors.Is(res.Err, ErrTooManyRedirects) {
		t.Errorf("six hops: err = %v", res.Err)
	}
}

func TestFetchFeedHTTPErrors(t *testing.T) {
	retryAt := time.Now().Add(2 * time.Hour).UTC().Truncate(time.Second)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/gone":
			http.NotFound(w, r)
		case "/broken":
			http.Error(w, "oops", http.StatusInternalServerError)
		case "/busy":
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(http.StatusTooManyRequests)
		case "/down":
			w.Header().Set("Retry-After", retryAt.Format(http.TimeFormat))
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/odd":
			w.WriteHeader(599)
		case "/malformed":
			w.Write(readFixture(t, "malformed.xml"))
		}
	})
	c := testClient(Limits{})
	fetch := func(path string) model.FetchResult {
		return c.FetchFeed(context.Background(), model.Feed{URL: srv.URL + path, ETag: "old"})
	}
	for path, want := range map[string]string{
		"/gone":   "HTTP 404 Not Found",
		"/broken": "HTTP 500 Internal Server Error",
		"/odd":    "HTTP 599",
	} {
		res := fetch(path)
		var he *HTTPError
		if res.Err == nil || res.Err.Error() != want || !errors.As(res.Err, &he) {
			t.Errorf("%s: err = %v, want %q", path, res.Err, want)
		}
		if res.ETag != "old" {
			t.Errorf("%s: validators lost on failure", path)
		}
	}
	before := time.Now()
	res := fetch("/busy")
	var he *HTTPError
	if !errors.As(res.Err, &he) || he.Status != 429 || !he.RetryAfter.Equal(res.RetryAfter) {
		t.Fatalf("429: err = %v", res.Err)
	}
	if d := res.RetryAfter.Sub(before); d < 119*time.Second || d > 122*time.Second {
		t.Errorf("429: retry after %v", d)
	}
	if res = fetch("/down"); !res.RetryAfter.Equal(retryAt) || res.Status != 503 {
		t.Errorf("503: retry after %v, want %v", res.RetryAfter, retryAt)
	}
	if res = fetch("/malformed"); !errors.Is(res.Err, ErrParse) || !strings.HasPrefix(res.Err.Error(), "parse error: ") {
		t.Errorf("malformed: err = %v", res.Err)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	tests := map[string]time.Time{
		"":                                  {},
		"0":                                 {},
		"-5":                                {},
		"soon":                              {},
		"90":                                now.Add(90 * time.Second),
		" 30 ":                              now.Add(30 * time.Second),
		"99999999999":                       now.Add(maxRetryAfter),
		"Wed, 01 May 2024 13:00:00 GMT":     now.Add(time.Hour),
		"Wednesday, 01-May-24 13:00:00 GMT": now.Add(time.Hour),
		"Wed, 01 May 2024 11:00:00 GMT":     {},
		"Fri, 01 May 2026 13:00:00 GMT":     now.Add(maxRetryAfter),
	}
	for in, want := range tests {
		if got := parseRetryAfter(in, now); !got.Equal(want) {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestFetchFeedTimeout(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/stall-body" {
			w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel>`))
			w.(http.Flusher).Flush()
		}
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	c := testClient(Limits{RequestTimeout: 150 * time.Millisecond})
	for _, path := range []string{"/stall-headers", "/stall-body"} {
		start := time.Now()
		res := c.FetchFeed(context.Background(), model.Feed{URL: srv.URL + path})
		if res.Err == nil || res.Err.Error() != "timeout" {
			t.Errorf("%s: err = %v", path, res.Err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: took %v", path, d)
		}
	}
}

func TestFetchFeedNoServer(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	res := testClient(Limits{}).FetchFeed(context.Background(), model.Feed{URL: url})
	if res.Err == nil || res.Err.Error() != "connection refused" || res.Status != 0 {
		t.Errorf("err = %v", res.Err)
	}
	res = testClient(Limits{}).FetchFeed(context.Background(), model.Feed{URL: "file:///etc/passwd"})
	if res.Err == nil || !strings.Contains(res.Err.Error(), "not an http(s) URL") {
		t.Errorf("file URL: err = %v", res.Err)
	}
}
