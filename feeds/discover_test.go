package feeds

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
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
	want := "no feed found at " + srv.URL + "/ (looked for <link rel=alternate> and /feed, /rss.xml, /atom.xml, /feed.json, /index.xml, /feed.xml, /rss)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}

	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	_, err = testClient(Limits{}).Discover(context.Background(), dead.URL)
	if err == nil || !strings.HasSuffix(err.Error(), ": connection refused") {
		t.Errorf("dead server: err = %v", err)
	}
	if _, err = testClient(Limits{}).Discover(context.Background(), "ftp://x.example/"); err == nil {
		t.Error("ftp URL accepted")
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
