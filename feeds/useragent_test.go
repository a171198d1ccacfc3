package feeds

import (
	"context"
	"net/http"
	"sync"
	"testing"

	"github.com/byline-reader/byline/model"
)

// TestFeedUserAgent: a feed's own user agent is sent, once, on its
// fetches and its pages'; byline's otherwise.
func TestFeedUserAgent(t *testing.T) {
	feed := readFixture(t, "rss20.xml")
	var mu sync.Mutex
	seen := map[string][]string{}
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen[r.URL.Path] = append(seen[r.URL.Path], r.Header.Values("User-Agent")...)
		mu.Unlock()
		if r.URL.Path == "/page" {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body><article><p>Some words of the article, enough of them to read as a paragraph of text.</p></article></body></html>"))
			return
		}
		w.Write(feed)
	})
	c, ctx := testClient(Limits{}), context.Background()
	own := model.Feed{URL: srv.URL + "/own", Settings: model.FeedSettings{UserAgent: "Mozilla/5.0 (feed's)"}}
	if res := c.FetchFeed(ctx, own); res.Err != nil {
		t.Fatal(res.Err)
	}
	if res := c.FetchFeed(ctx, model.Feed{URL: srv.URL + "/plain"}); res.Err != nil {
		t.Fatal(res.Err)
	}
	c.FetchArticleAs(ctx, srv.URL+"/page", "Mozilla/5.0 (page's)")
	c.FetchArticle(ctx, srv.URL+"/page")
	mu.Lock()
	defer mu.Unlock()
	for path, want := range map[string][]string{
		"/own": {"Mozilla/5.0 (feed's)"}, "/plain": {"byline-test/1"},
		"/page": {"Mozilla/5.0 (page's)", "byline-test/1"},
	} {
		if got := seen[path]; len(got) != len(want) || got[0] != want[0] || (len(want) > 1 && got[1] != want[1]) {
			t.Errorf("%s: User-Agent %q, want %q", path, got, want)
		}
	}
}
