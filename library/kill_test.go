package library

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
)

// Kill rules at refresh: a matching new article is hidden (stored, never
// listed) or dropped (a tombstone without its text, which the next
// refresh does not bring back); the rest arrive as usual.
func TestKillRulesAtRefresh(t *testing.T) {
	items := `<item><title>Sponsored: buy now</title><guid>1</guid><description>ad</description></item>
		<item><title>Budget talks</title><guid>2</guid><description>The minister spoke.</description></item>
		<item><title>Match report</title><guid>3</guid><description>A football match, in full.</description></item>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Daily</title>%s</channel></rss>`, items)
	}))
	defer srv.Close()
	ctx := context.Background()
	l, err := Open(ctx, filepath.Join(t.TempDir(), "b.db"), Options{Ignore: []model.IgnoreRule{
		{Filter: `title =~ "^sponsored"`, Mode: "hide"},
		{Filter: `content # football and feed = daily`, Mode: "drop"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if _, err := l.store.AddFeed(ctx, model.Feed{URL: srv.URL}); err != nil {
		t.Fatal(err)
	}
	for i := range 2 { // the second refresh brings nothing back
		sum, err := l.Refresh(ctx, Progress{})
		if err != nil || sum.OK != 1 || sum.New != 1-i {
			t.Fatalf("refresh: %+v, %v", sum, err)
		}
		arts, _ := l.Articles(ctx, model.ArticleQuery{})
		if len(arts) != 1 || arts[0].Title != "Budget talks" {
			t.Fatalf("listed after refresh: %+v", arts)
		}
		if n, _ := l.CountArticles(ctx, model.ArticleQuery{}); n != 1 {
			t.Errorf("count %d, want 1", n)
		}
		if found, _ := l.Search(ctx, "football", 10); len(found) != 0 {
			t.Errorf("search found a dropped article: %+v", found)
		}
		feeds, _ := l.Feeds(ctx)
		if feeds[0].Total != 1 || feeds[0].Unread != 1 {
			t.Errorf("feed counts %d/%d, want 1/1", feeds[0].Unread, feeds[0].Total)
		}
	}
}

// A kill rule sees the feed's tags (#tag) and its folder with those it
// sits in (folder = News for a feed in News/World).
func TestKillRulesSeeFolderAndTags(t *testing.T) {
	items := `<item><title>Promo: buy now</title><guid>1</guid></item>
		<item><title>Budget talks</title><guid>2</guid></item>
		<item><title>Football results</title><guid>3</guid></item>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Daily</title>%s</channel></rss>`, items)
	}))
	defer srv.Close()
	ctx := context.Background()
	l, err := Open(ctx, filepath.Join(t.TempDir(), "b.db"), Options{Ignore: []model.IgnoreRule{
		{Filter: `#ads and title =~ "^promo"`, Mode: "hide"},
		{Filter: `folder = news and title # football`, Mode: "drop"},
		{Filter: `#other or folder = world`, Mode: "drop"}, // neither holds
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if _, err := l.store.AddFeed(ctx, model.Feed{URL: srv.URL, Folder: "News/World", Tags: []string{"Ads"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Refresh(ctx, Progress{}); err != nil {
		t.Fatal(err)
	}
	arts, _ := l.Articles(ctx, model.ArticleQuery{})
	if len(arts) != 1 || arts[0].Title != "Budget talks" {
		t.Errorf("listed after refresh: %+v", arts)
	}
}

func TestKillRulesRefused(t *testing.T) {
	_, err := Open(context.Background(), filepath.Join(t.TempDir(), "b.db"),
		Options{Ignore: []model.IgnoreRule{{Filter: "unread and titel = x", Mode: "hide"}}})
	if !errors.Is(err, ErrBadInput) || !strings.Contains(err.Error(), `ignore rule 1 (filter = "unread and titel = x"): column 12: unknown field "titel"`) {
		t.Errorf("Open with a bad rule: %v", err)
	}
}

func TestFilterErrorsAreBadInput(t *testing.T) {
	l := open(t, false)
	ctx := context.Background()
	_, err := l.Articles(ctx, model.ArticleQuery{Filter: "age < soon"})
	if !errors.Is(err, ErrBadInput) || err.Error() != `filter: column 7: age needs a number of days, not "soon"` {
		t.Errorf("Articles: %v", err)
	}
	if _, err := l.SearchFilter(ctx, "words", "title", 5); !errors.Is(err, ErrBadInput) {
		t.Errorf("SearchFilter: %v", err)
	}
}

// Opening an article keeps its quote count and speakers for the filter
// language.
func TestQuoteStatsSavedOnOpen(t *testing.T) {
	l := open(t, false)
	ctx := context.Background()
	f, err := l.store.AddFeed(ctx, model.Feed{URL: "https://example.com/feed"})
	if err != nil {
		t.Fatal(err)
	}
	id, err := l.store.InsertArticle(ctx, model.Article{FeedID: f.ID, Title: "Talks",
		Markdown:    "The talks went on.\n\n“We will not give up,” said Jane Doe, the minister.\n\n“Nor will we,” said John Smith.",
		ExtractedAt: l.now(), ExtractVersion: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := l.OpenStored(ctx, id); err != nil {
		t.Fatal(err)
	}
	arts, err := l.Articles(ctx, model.ArticleQuery{Filter: `quotes = 2 and speaker # "jane doe" and speaker # "John Smith"`})
	if err != nil || len(arts) != 1 {
		t.Errorf("after opening: %d articles, %v", len(arts), err)
	}
}
