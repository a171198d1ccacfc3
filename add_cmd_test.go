package main

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// TestAddSaysWhy: `byline add` names the real cause when there is no feed
// to subscribe to, in the words refresh uses for a feed's failure.
func TestAddSaysWhy(t *testing.T) {
	mux := http.NewServeMux()
	status := func(code int) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(code) }
	}
	mux.Handle("/gone.xml", status(http.StatusGone))
	mux.Handle("/busy.xml", status(http.StatusTooManyRequests))
	mux.Handle("/down.xml", status(http.StatusInternalServerError))
	mux.HandleFunc("/half.xml", func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Half`))
	})
	mux.HandleFunc("/blog/", func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte(`<!doctype html><title>Blog</title><p>No feed here.`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	db := filepath.Join(t.TempDir(), "b.db")
	cases := map[string]string{
		"/gone.xml": "HTTP 410 Gone",
		"/busy.xml": "HTTP 429 Too Many Requests",
		"/down.xml": "HTTP 500 Internal Server Error",
		"/half.xml": "parse error: XML syntax error on line 1: unexpected EOF",
		"/blog/":    "a web page with no feed link (nor a feed at /feed, /rss.xml, /atom.xml, /feed.json, /index.xml, /feed.xml, /rss)",
	}
	for path, why := range cases {
		r := byline(t, db, "add", srv.URL+path)
		if want := "byline add: add " + srv.URL + path + ": " + why + "\n"; r.code != 1 || r.stderr != want {
			t.Errorf("add %s: exit %d, %q\nwant exit 1, %q", path, r.code, r.stderr, want)
		}
	}
	if r := byline(t, db, "feeds", "--json"); r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("a failed add subscribed: %+v", r)
	}
}
