package feedserver

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/byline-reader/byline/bench/corpus"
)

func start(t *testing.T, hosts int) *Server {
	t.Helper()
	c := corpus.Default()
	c.Feeds, c.Items, c.Formats, c.MinWords, c.MaxWords = 6, 4, []string{"rss", "atom", "json"}, 100, 200
	s, err := Start(Options{Corpus: c, Host: "127.0.0.1", Hosts: hosts})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

func get(t *testing.T, url string, header ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

func TestFeedsAndConditionalRequests(t *testing.T) {
	s := start(t, 3)
	c := s.opts.Corpus
	for i := range c.Feeds {
		url := s.Site(i) + c.FeedPath(i)
		if !strings.Contains(url, "127.0.0."+string(rune('1'+i%3))+":") {
			t.Errorf("feed %d served at %s, not on its host", i, url)
		}
		first := get(t, url)
		etag, modified := first.Header.Get("ETag"), first.Header.Get("Last-Modified")
		if first.StatusCode != 200 || etag == "" || modified == "" {
			t.Fatalf("%s: %d, ETag %q, Last-Modified %q", url, first.StatusCode, etag, modified)
		}
		if got := get(t, url, "If-None-Match", etag); got.StatusCode != 304 {
			t.Errorf("%s with If-None-Match: %d, want 304", url, got.StatusCode)
		}
		if got := get(t, url, "If-Modified-Since", modified); got.StatusCode != 304 {
			t.Errorf("%s with If-Modified-Since: %d, want 304", url, got.StatusCode)
		}
		if got := get(t, url, "If-None-Match", `"other"`); got.StatusCode != 200 {
			t.Errorf("%s with a stale ETag: %d, want 200", url, got.StatusCode)
		}
	}
	st := s.Stats(true)
	n := c.Feeds
	if st.Requests != 4*n || st.NotModified != 2*n || st.ConditionalRequests != 3*n ||
		st.ByStatus["304"] != 2*n || st.ByKind["feed"] != 4*n || st.ByFormat["json"] != 8 || st.BytesOut == 0 {
		t.Errorf("stats after %d feeds × 4 requests: %+v", n, st)
	}
	if again := s.Stats(false); again.Requests != 0 {
		t.Errorf("reset left %d requests", again.Requests)
	}
	if s.Lifetime().Requests != 4*n {
		t.Errorf("lifetime requests %d, want %d", s.Lifetime().Requests, 4*n)
	}
}

func TestStatsEndpoint(t *testing.T) {
	s := start(t, 1)
	get(t, s.Site(0)+"/a/0/1.html")
	get(t, s.Site(0)+"/nothing")
	read := func(path string) Stats {
		resp, err := http.Get(s.Site(0) + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var st Stats
		if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
			t.Fatal(err)
		}
		return st
	}
	st := read("/_stats/reset")
	if st.Requests != 2 || st.ByKind["article"] != 1 || st.ByStatus["404"] != 1 || st.MaxInFlight < 1 {
		t.Errorf("stats: %+v", st)
	}
	if st := read("/_stats"); st.Requests != 0 {
		t.Errorf("after reset: %+v", st)
	}
}

func TestRoutes(t *testing.T) {
	s := start(t, 2)
	for path, want := range map[string]int{
		"/feeds/1/atom.xml": 200, "/feeds/1/rss.xml": 404, "/feeds/6/rss.xml": 404,
		"/a/5/3.html": 200, "/a/5/4.html": 404, "/a/05/3.html": 404, "/feeds.opml": 200,
		"/urls": 200, "/_health": 200, "/": 404,
	} {
		if got := get(t, s.Site(0)+path); got.StatusCode != want {
			t.Errorf("%s: %d, want %d", path, got.StatusCode, want)
		}
	}
}

func TestLoopbackOnly(t *testing.T) {
	for _, bad := range []struct {
		host string
		n    int
	}{{"10.0.0.1", 1}, {"localhost", 1}, {"::1", 1}, {"0.0.0.0", 1}, {"127.0.0.250", 10}, {"127.0.0.1", 0}, {"127.0.0.1", MaxHosts + 1}} {
		if _, err := LoopbackHosts(bad.host, bad.n); err == nil {
			t.Errorf("LoopbackHosts(%q, %d) accepted", bad.host, bad.n)
		}
		if _, err := Start(Options{Corpus: corpus.Default(), Host: bad.host, Hosts: bad.n}); err == nil {
			t.Errorf("Start on %q, %d hosts, accepted", bad.host, bad.n)
		}
	}
	hosts, err := LoopbackHosts("127.0.0.1", 25)
	if err != nil || len(hosts) != 25 || hosts[24] != "127.0.0.25" {
		t.Errorf("LoopbackHosts(127.0.0.1, 25) = %v, %v", hosts, err)
	}
}

// FuzzRoutes: any path is read without panicking, and one taken for a
// feed or a page is that feed's or page's own path.
func FuzzRoutes(f *testing.F) {
	c := corpus.Default()
	c.Feeds, c.Items = 20, 10
	s := &Server{opts: Options{Corpus: c}}
	for _, p := range []string{"/feeds/1/atom.xml", "/a/3/9.html", "/a/-1/2.html", "/feeds//", "/a/1/2/3.html", "/feeds/+1/atom.xml"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, path string) {
		if i, ok := s.feedOf(path); ok && c.FeedPath(i) != path {
			t.Errorf("%q read as feed %d", path, i)
		}
		if i, j, ok := s.articleOf(path); ok && corpus.ArticlePath(i, j) != path {
			t.Errorf("%q read as page %d/%d", path, i, j)
		}
	})
}
