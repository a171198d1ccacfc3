package feedserver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/byline-reader/byline/bench/corpus"
)

// ServeHTTP answers a request: a feed, an article page, the lists of
// feeds, or the server's own /_health and /_stats (not counted).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/_health":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
		return
	case "/_stats", "/_stats/reset":
		w.Header().Set("Content-Type", "application/json")
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		_ = enc.Encode(s.Stats(r.URL.Path == "/_stats/reset"))
		return
	}
	s.stats.begin()
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	a := answered{agent: r.UserAgent(),
		conditional: r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != ""}
	a.kind, a.format = s.serve(rec, r)
	a.status, a.bytes = rec.status, rec.bytes
	if !rec.wroteHeader && r.Context().Err() != nil {
		a.status = 499 // the client left before the answer, nginx's word for it
	}
	s.stats.end(a)
}

// serve answers a counted request and says what kind it was.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) (kind, format string) {
	c := s.opts.Corpus
	switch {
	case r.URL.Path == "/feeds.opml":
		w.Header().Set("Content-Type", "text/x-opml; charset=utf-8")
		_ = c.WriteOPML(w, s.Site)
		return "list", ""
	case r.URL.Path == "/urls":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_ = c.WriteURLs(w, s.Site)
		return "list", ""
	}
	if feed, ok := s.feedOf(r.URL.Path); ok {
		if !s.wait(r) {
			return "feed", c.Format(feed)
		}
		d := s.docs[feed]
		w.Header().Set("Content-Type", contentTypes[c.Format(feed)])
		w.Header().Set("ETag", d.etag)
		http.ServeContent(w, r, "", d.modified, bytes.NewReader(d.body))
		return "feed", c.Format(feed)
	}
	if feed, item, ok := s.articleOf(r.URL.Path); ok {
		if !s.wait(r) {
			return "article", ""
		}
		body := c.Page(feed, item, s.Site(feed))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", etag(body))
		http.ServeContent(w, r, "", c.Published(feed, item), bytes.NewReader(body))
		return "article", ""
	}
	http.NotFound(w, r)
	return "other", ""
}

var contentTypes = map[string]string{
	"rss":  "application/rss+xml; charset=utf-8",
	"atom": "application/atom+xml; charset=utf-8",
	"json": "application/feed+json; charset=utf-8",
}

// wait is the latency before an answer; false when the client left first.
func (s *Server) wait(r *http.Request) bool {
	if s.opts.Latency <= 0 {
		return true
	}
	t := time.NewTimer(s.opts.Latency)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// feedOf reads /feeds/<i>/<name>: a feed of the corpus at its own path.
func (s *Server) feedOf(path string) (int, bool) {
	rest, ok := strings.CutPrefix(path, "/feeds/")
	if !ok {
		return 0, false
	}
	num, _, _ := strings.Cut(rest, "/")
	i, err := strconv.Atoi(num)
	if err != nil || i < 0 || i >= s.opts.Corpus.Feeds || s.opts.Corpus.FeedPath(i) != path {
		return 0, false
	}
	return i, true
}

// articleOf reads /a/<feed>/<item>.html.
func (s *Server) articleOf(path string) (feed, item int, ok bool) {
	rest, ok := strings.CutPrefix(path, "/a/")
	if !ok {
		return 0, 0, false
	}
	f, it, ok := strings.Cut(strings.TrimSuffix(rest, ".html"), "/")
	if !ok {
		return 0, 0, false
	}
	feed, err1 := strconv.Atoi(f)
	item, err2 := strconv.Atoi(it)
	c := s.opts.Corpus
	if err1 != nil || err2 != nil || feed < 0 || feed >= c.Feeds || item < 0 || item >= c.Items ||
		path != corpus.ArticlePath(feed, item) {
		return 0, 0, false
	}
	return feed, item, true
}

// recorder keeps the status and the size of an answer.
type recorder struct {
	http.ResponseWriter
	status      int
	bytes       int64
	wroteHeader bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wroteHeader {
		r.status, r.wroteHeader = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	r.wroteHeader = true
	n, err := r.ResponseWriter.Write(p)
	r.bytes += int64(n)
	return n, err
}
