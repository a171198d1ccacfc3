package library

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline-reader/byline/feeds"
)

// benchFeeds is how many feeds BenchmarkRefresh refreshes: half answer
// 304 to the validators of the last fetch, half send their 20 items again.
const benchFeeds = 200

// BenchmarkRefresh refreshes benchFeeds loopback feeds after a first
// refresh stored them: fetching, parsing and storing with nothing new,
// the usual refresh, with the library's options as opts makes them.
func benchmarkRefresh(b *testing.B, opts func(*Options)) {
	ctx := context.Background()
	srv := httptest.NewServer(http.HandlerFunc(benchFeed))
	defer srv.Close()
	dir := b.TempDir()
	var urls strings.Builder
	for i := range benchFeeds {
		fmt.Fprintf(&urls, "%s/feed/%d\n", srv.URL, i)
	}
	list := filepath.Join(dir, "urls")
	if err := os.WriteFile(list, []byte(urls.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	o := Options{Fetch: feeds.Options{PerHost: 16}}
	if opts != nil {
		opts(&o)
	}
	l, err := Open(ctx, filepath.Join(dir, "b.db"), o)
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	if _, err := l.Import(ctx, list, ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	if s, err := l.Refresh(ctx, Progress{}); err != nil || s.OK != benchFeeds {
		b.Fatalf("first refresh: %v %+v", err, s)
	}
	for b.Loop() {
		s, err := l.Refresh(ctx, Progress{})
		if err != nil || s.OK != benchFeeds || s.New != 0 {
			b.Fatalf("%v %+v", err, s)
		}
	}
}

func BenchmarkRefresh(b *testing.B) { benchmarkRefresh(b, nil) }

// benchFeed is feed /feed/N of 20 items; an even N answers 304 when
// asked with its ETag.
func benchFeed(w http.ResponseWriter, r *http.Request) {
	n := strings.TrimPrefix(r.URL.Path, "/feed/")
	var i int
	fmt.Sscan(n, &i)
	if i%2 == 0 {
		etag := `"v-` + n + `"`
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
	}
	fmt.Fprintf(w, `<rss version="2.0"><channel><title>Feed %s</title><link>http://example.com/%s</link>`, n, n)
	for j := range 20 {
		fmt.Fprintf(w, `<item><title>Story %d of feed %s</title><link>http://example.com/%s/%d</link><guid>%s-%d</guid>`+
			`<pubDate>Mon, 02 Jan 2006 15:%02d:05 GMT</pubDate><description>Words about story %d, some of them.</description></item>`,
			j, n, n, j, n, j, j, j)
	}
	fmt.Fprint(w, `</channel></rss>`)
}

// BenchmarkRefreshLogged is BenchmarkRefresh writing its log to a file,
// every level: what --log costs a refresh.
func BenchmarkRefreshLogged(b *testing.B) {
	f, err := os.Create(filepath.Join(b.TempDir(), "byline.log"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	log := slog.New(slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug}))
	benchmarkRefresh(b, func(o *Options) { o.Logger = log })
}
