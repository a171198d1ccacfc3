package library

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/byline-reader/byline/feeds/extract"
	"github.com/byline-reader/byline/model"
)

const picturePage = `<!doctype html><html><head><title>Harbor reopens</title></head><body>
<article><h1>Harbor reopens</h1>
<p>The harbor reopened to commercial traffic on Thursday after three weeks of repairs to the breakwater, which storms had cracked in two places.</p>
<figure><img src="/i/breakwater.jpg" alt="Cranes over the mended breakwater"><figcaption>The mended breakwater.</figcaption></figure>
<p>“We are open for business,” said harbor master Ana Lopes, who oversaw the work. Fishing boats were the first to return, followed by two cargo ships.</p>
<p>The repairs cost less than expected, the port authority said, and finished a week ahead of schedule despite a second storm.</p>
</article></body></html>`

// withOldBody stores, as an older extraction would have, a body without
// the picture, extracted two hours ago.
func withOldBody(t *testing.T, down bool) (*Library, int64, *atomic.Int64, *time.Time) {
	t.Helper()
	srv, isDown, hits := flakyServer(t, picturePage)
	isDown.Store(down)
	clock := time.Now()
	l, id := refreshed1(t, srv)
	l.now = func() time.Time { return clock }
	ctx := context.Background()
	old := "The harbor reopened to commercial traffic on Thursday.\n\n_The mended breakwater._\n"
	if err := l.store.SaveExtraction(ctx, id, old, "", "", clock.Add(-2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	return l, id, hits, &clock
}

func TestOutdatedBodyExtractedAgain(t *testing.T) {
	l, id, hits, _ := withOldBody(t, false)
	ctx := context.Background()
	a, err := articleOf(l.OpenArticle(ctx, id))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Markdown, "![Cranes over the mended breakwater](http://") || a.ExtractVersion != extract.Version || hits.Load() != 1 {
		t.Fatalf("version %d, %d page hits:\n%s", a.ExtractVersion, hits.Load(), a.Markdown)
	}
	again, err := articleOf(l.OpenArticle(ctx, id))
	if err != nil || again.Markdown != a.Markdown || hits.Load() != 1 {
		t.Errorf("a body of this version was extracted again: %v, %d page hits", err, hits.Load())
	}
}

func TestOutdatedBodyKeptWhenThePageFails(t *testing.T) {
	l, id, hits, clock := withOldBody(t, true)
	ctx := context.Background()
	a, err := articleOf(l.OpenArticle(ctx, id))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Markdown, "The harbor reopened to commercial traffic on Thursday.") || a.Notice != "" || hits.Load() != 1 {
		t.Fatalf("notice %q, %d page hits:\n%s", a.Notice, hits.Load(), a.Markdown)
	}
	stored, _ := l.Article(ctx, id)
	if stored.Markdown != a.Markdown || stored.Notice != "" || stored.ExtractVersion != 0 {
		t.Errorf("stored: version %d, notice %q:\n%s", stored.ExtractVersion, stored.Notice, stored.Markdown)
	}
	// Within the hour the page is not asked for again; after it, it is.
	if _, err := l.OpenArticle(ctx, id); err != nil || hits.Load() != 1 {
		t.Errorf("asked again at once: %v, %d page hits", err, hits.Load())
	}
	*clock = clock.Add(time.Hour + time.Minute)
	if _, err := l.OpenArticle(ctx, id); err != nil || hits.Load() != 2 {
		t.Errorf("not asked again after the hour: %v, %d page hits", err, hits.Load())
	}
}

func TestWelcomeArticleIsNotOutdated(t *testing.T) {
	l := open(t, true)
	ctx := context.Background()
	arts, _ := l.Articles(ctx, model.ArticleQuery{})
	before, _ := l.Article(ctx, arts[0].ID)
	a, err := articleOf(l.OpenArticle(ctx, arts[0].ID))
	if err != nil || a.Markdown != before.Markdown || a.Notice != "" {
		t.Errorf("welcome article changed: %v, notice %q", err, a.Notice)
	}
}
