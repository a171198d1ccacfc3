package library

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/byline-reader/byline/model"
)

const storyPage = `<!doctype html><html><head><title>Harbor reopens – The Coast Times</title>
<meta property="og:site_name" content="The Coast Times"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbor reopens</h1>
<p>The harbor reopened to commercial traffic on Thursday after three weeks of repairs to the breakwater, which storms had cracked in two places.</p>
<p>Advertisement</p>
<p>“We are open for business,” said harbor master Ana Lopes, who oversaw the work. Fishing boats were the first to return, followed by two cargo ships.</p>
<p>The repairs cost less than expected, the port authority said, and finished a week ahead of schedule despite a second storm.</p>
</article><footer>© The Coast Times</footer></body></html>`

func articleServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	var pageHits atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		base := "http://" + r.Host
		full := strings.Repeat("<p>The council voted to build bike lanes along Main Street after a long debate that divided shop owners.</p>", 4)
		fmt.Fprintf(w, `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Coast</title><link>%[1]s/</link>
<item><title>Harbor reopens</title><link>%[1]s/story</link><guid>1</guid><description>The harbor reopened.</description></item>
<item><title>Gone</title><link>%[1]s/gone</link><guid>2</guid><description>A teaser about a page that is gone.</description></item>
<item><title>Bike lanes</title><link>%[1]s/bikes</link><guid>3</guid><description>Council votes.</description><content:encoded><![CDATA[%[2]s]]></content:encoded></item>
</channel></rss>`, base, full)
	})
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		fmt.Fprint(w, storyPage)
	})
	mux.HandleFunc("/bikes", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		http.NotFound(w, r)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &pageHits
}

// refreshed is a library subscribed to srv's feed of three articles
// (articleServer), and its articles.
func refreshed(t *testing.T, srv *httptest.Server) (*Library, []model.Article) {
	t.Helper()
	return subscribedTo(t, srv, 3)
}

// subscribedTo is a library subscribed to srv's /feed.xml and refreshed,
// and its articles, of which there must be n.
func subscribedTo(t *testing.T, srv *httptest.Server, n int) (*Library, []model.Article) {
	t.Helper()
	l := open(t, false)
	ctx := context.Background()
	if _, err := l.Add(ctx, srv.URL+"/feed.xml"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Refresh(ctx, Progress{}); err != nil {
		t.Fatal(err)
	}
	arts, err := l.Articles(ctx, model.ArticleQuery{})
	if err != nil || len(arts) != n {
		t.Fatalf("articles: %v %d", err, len(arts))
	}
	return l, arts
}

func byTitle(arts []model.Article, title string) int64 {
	for _, a := range arts {
		if a.Title == title {
			return a.ID
		}
	}
	return 0
}

func TestOpenArticleExtractsOnceAndKeepsIt(t *testing.T) {
	srv, hits := articleServer(t)
	l, arts := refreshed(t, srv)
	ctx := context.Background()
	id := byTitle(arts, "Harbor reopens")
	a, err := articleOf(l.OpenArticle(ctx, id))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Markdown, "harbor master Ana Lopes") || strings.Contains(a.Markdown, "Advertisement") || a.Notice != "" {
		t.Fatalf("extracted article: notice %q\n%s", a.Notice, a.Markdown)
	}
	if a.Site != "The Coast Times" {
		t.Errorf("site = %q", a.Site)
	}
	srv.Close() // offline from now on
	again, err := articleOf(l.OpenArticle(ctx, id))
	if err != nil || again.Markdown != a.Markdown || hits.Load() != 1 {
		t.Fatalf("second open should come from the database: %v, %d page hits", err, hits.Load())
	}
}

func TestOpenArticleFallsBackWithANotice(t *testing.T) {
	srv, _ := articleServer(t)
	l, arts := refreshed(t, srv)
	a, err := articleOf(l.OpenArticle(context.Background(), byTitle(arts, "Gone")))
	if err != nil {
		t.Fatal(err)
	}
	if a.Notice != "The page answered 404 Not Found; showing the feed's summary." || !strings.Contains(a.Markdown, "teaser") {
		t.Fatalf("notice %q, markdown %q", a.Notice, a.Markdown)
	}
}

func TestOpenArticleUsesTheFeedsFullText(t *testing.T) {
	srv, hits := articleServer(t)
	l, arts := refreshed(t, srv)
	a, err := articleOf(l.OpenArticle(context.Background(), byTitle(arts, "Bike lanes")))
	if err != nil {
		t.Fatal(err)
	}
	if hits.Load() != 0 || a.Notice != "" || strings.Count(a.Markdown, "bike lanes") != 4 {
		t.Fatalf("%d page hits, notice %q:\n%s", hits.Load(), a.Notice, a.Markdown)
	}
}

func TestReadTargets(t *testing.T) {
	srv, _ := articleServer(t)
	l := open(t, false)
	ctx := context.Background()
	a, err := articleOf(l.Read(ctx, srv.URL+"/story"))
	if err != nil || a.Title != "Harbor reopens" || a.ID != 0 {
		t.Fatalf("read URL: %v %+v", err, a)
	}
	dir := t.TempDir()
	txt := filepath.Join(dir, "note.txt")
	os.WriteFile(txt, []byte("By Ana Lopes\n\nThe harbor is open again after the storm."), 0o644)
	a, err = articleOf(l.Read(ctx, txt))
	if err != nil || a.Author != "Ana Lopes" || strings.Contains(a.Markdown, "By Ana") {
		t.Fatalf("read text file: %v %+v", err, a)
	}
	for _, bad := range []string{filepath.Join(dir, "missing.html"), dir, "99999", "ftp://x.example/a"} {
		if _, err := l.Read(ctx, bad); err == nil {
			t.Errorf("Read(%q) should fail", bad)
		}
	}
}
