package feeds

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync/atomic"
	"testing"
)

func TestDiscoverLinkTags(t *testing.T) {
	var srv *httptest.Server
	srv = serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			page := bytes.ReplaceAll(readFixture(t, "site.html"), []byte("https://OTHER"), []byte(srv.URL+"/other"))
			w.Write(page)
		case "/main.xml":
			w.Write(readFixture(t, "rss20.xml"))
		case "/comments/feed", "/other/atom":
			w.Write(readFixture(t, "atom.xml"))
		case "/feed":
			t.Error("well-known paths tried although the page links its feeds")
		default:
			http.NotFound(w, r)
		}
	})
	got, err := testClient(Limits{}).Discover(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{srv.URL + "/main.xml", srv.URL + "/other/atom", srv.URL + "/comments/feed"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

func TestDiscoverWellKnownPaths(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/blog/":
			w.Write([]byte("<html><head><title>No feeds here</title></head></html>"))
		case "/feed":
			w.Write(readFixture(t, "rss10.rdf"))
		case "/rss.xml":
			http.Redirect(w, r, "/feed", http.StatusMovedPermanently)
		case "/atom.xml":
			w.Write([]byte("<html><body>Soft 404</body></html>"))
		case "/index.xml":
			w.Write(readFixture(t, "atom.xml"))
		default:
			http.NotFound(w, r)
		}
	})
	got, err := testClient(Limits{}).Discover(context.Background(), srv.URL+"/blog/")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{srv.URL + "/feed", srv.URL + "/index.xml"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestDiscoverFeedItself(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Write(readFixture(t, "feed.json"))
	})
	got, err := testClient(Limits{}).Discover(context.Background(), srv.URL+"/feed.json")
	if err != nil || len(got) != 1 || got[0] != srv.URL+"/feed.json" {
		t.Errorf("got %v, %v", got, err)
	}
}

func TestDiscoverNothing(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			w.Write([]byte("<html><head></head><body>hi</body></html>"))
			return
		}
		http.NotFound(w, r)
	})
	_, err := testClient(Limits{}).Discover(context.Background(), srv.URL)
	want := "a web page with no feed link (nor a feed at /feed, /rss.xml, /atom.xml, /feed.json, /index.xml, /feed.xml, /rss)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}

	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	_, err = testClient(Limits{}).Discover(context.Background(), dead.URL)
	if err == nil || err.Error() != "connection refused" {
		t.Errorf("dead server: err = %v", err)
	}
	if _, err = testClient(Limits{}).Discover(context.Background(), "ftp://x.example/"); err == nil {
		t.Error("ftp URL accepted")
	}
}

// TestDiscoverSaysWhy: when no feed is found, the error is the real cause
// in a refresh's words: the status the address answered (with its text),
// the parse error of what looked like a feed, the failure of the feed the
// page links, a web page without a feed link.
func TestDiscoverSaysWhy(t *testing.T) {
	var probed atomic.Int64
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			probed.Add(1)
			http.NotFound(w, r)
		case "/gone.xml":
			w.WriteHeader(http.StatusGone)
		case "/busy.xml":
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(http.StatusTooManyRequests)
		case "/broken.xml":
			w.WriteHeader(http.StatusInternalServerError)
		case "/half.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Half`))
		case "/served-as-html.xml":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<rss version="2.0"><channel><title>Half</channel>`))
		case "/links-dead/":
			w.Write([]byte(`<html><head><link rel="alternate" type="application/rss+xml" href="/dead.rss"></head></html>`))
		case "/page/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(`<!doctype html><title>Blog</title><p>No feed here.`))
		case "/sniffed/":
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write([]byte(`<!DOCTYPE html><html><body>hi</body></html>`))
		case "/picture.png":
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG\r\n\x1a\n"))
		default:
			http.NotFound(w, r)
		}
	})
	noLink := "a web page with no feed link (nor a feed at /feed, /rss.xml, /atom.xml, /feed.json, /index.xml, /feed.xml, /rss)"
	cases := map[string]string{
		"/gone.xml":           "HTTP 410 Gone",
		"/busy.xml":           "HTTP 429 Too Many Requests",
		"/broken.xml":         "HTTP 500 Internal Server Error",
		"/half.xml":           "parse error: XML syntax error on line 1: unexpected EOF",
		"/served-as-html.xml": "parse error: XML syntax error on line 1: unexpected EOF",
		"/links-dead/":        "its feed link " + srv.URL + "/dead.rss failed: HTTP 404 Not Found",
		"/page/":              noLink,
		"/sniffed/":           noLink,
		"/picture.png":        "parse error: not an RSS, Atom or JSON feed",
	}
	for path, want := range cases {
		before := probed.Load()
		_, err := testClient(Limits{}).Discover(context.Background(), srv.URL+path)
		if err == nil || err.Error() != want {
			t.Errorf("%s: err = %v\nwant %s", path, err, want)
		}
		if path == "/busy.xml" && probed.Load() != before {
			t.Errorf("well-known paths tried after a 429")
		}
	}
}

func TestNormalizeSiteURL(t *testing.T) {
	tests := map[string]string{
		"example.com":             "https://example.com/",
		" http://example.com/a ":  "http://example.com/a",
		"https://example.com":     "https://example.com/",
		"javascript:alert(1)":     "",
		"https://exa\x1bmple.com": "",
		"file:///etc/passwd":      "",
	}
	for in, want := range tests {
		got, err := normalizeSiteURL(in)
		if got != want || (want == "") != (err != nil) {
			t.Errorf("normalizeSiteURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestFeedLinks(t *testing.T) {
	page := `<html><head><base href="https://cdn.example/base/">
<link rel="Alternate" type="application/atom+xml; charset=utf-8" href="atom">
<link rel="feed" href="/all">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
<link rel="alternate" type="application/rss+xml" href="atom">
<link rel="stylesheet" type="application/rss+xml" href="/nope">
</head><body><link rel="alternate" type="application/json" href="/late.json"></body></html>`
	got := feedLinks([]byte(page), "https://site.example/page")
	want := []string{"https://cdn.example/base/atom", "https://cdn.example/all", "https://cdn.example/late.json"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// TestDiscoverNoStandInForAMissingPage: an address with a path that is not
// there is an error, even where the site has a feed at a well-known path;
// the site's own address, when its page fails, still finds that feed.
func TestDiscoverNoStandInForAMissingPage(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title></channel></rss>`))
			return
		}
		http.Error(w, "no", http.StatusNotFound)
	})
	if got, err := testClient(Limits{}).Discover(context.Background(), srv.URL+"/typo.xml"); err == nil || err.Error() != "HTTP 404 Not Found" {
		t.Errorf("a missing page: %v %v, want HTTP 404 Not Found", got, err)
	}
	if got, err := testClient(Limits{}).Discover(context.Background(), srv.URL); err != nil || len(got) != 1 || got[0] != srv.URL+"/feed.xml" {
		t.Errorf("the site's root: %v %v, want its /feed.xml", got, err)
	}
}
