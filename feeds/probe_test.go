package feeds

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
)

func TestProbe(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			w.Write([]byte(`<rss version="2.0"><channel><title>Probe
 News</title><item><title>a</title><link>https://x.example/a</link></item>
<item><title>b</title><link>https://x.example/b</link></item></channel></rss>`))
		case "/page":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body>hi</body></html>`))
		case "/gone":
			http.Error(w, "gone", http.StatusGone)
		}
	})
	c := testClient(Limits{})
	ctx := context.Background()
	p := c.Probe(ctx, srv.URL+"/feed")
	if p.Err != nil || p.Status != 200 || p.ContentType != "application/rss+xml" || p.Title != "Probe News" || p.Items != 2 || p.Bytes == 0 {
		t.Errorf("feed: %+v", p)
	}
	p = c.Probe(ctx, srv.URL+"/page")
	if !errors.Is(p.Err, ErrParse) || p.ContentType != "text/html" || len(p.FeedLinks) != 1 || p.FeedLinks[0] != srv.URL+"/atom.xml" {
		t.Errorf("page: %+v", p)
	}
	p = c.Probe(ctx, srv.URL+"/gone")
	var he *HTTPError
	if !errors.As(p.Err, &he) || he.Status != http.StatusGone || p.Status != http.StatusGone {
		t.Errorf("gone: %+v", p)
	}
	p = c.Probe(ctx, "ftp://x.example/feed")
	if p.Err == nil || p.Status != 0 || !strings.Contains(p.Err.Error(), "http") {
		t.Errorf("ftp: %+v", p)
	}
}
