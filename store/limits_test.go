package store

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/byline-reader/byline/model"
)

// TestArticleTextIsCapped stores bodies past MaxTextBytes by every way in
// (a fetch, an update, an extraction, an inserted article) and finds each
// cut to the cap on a character boundary.
func TestArticleTextIsCapped(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	// "é" is two bytes and the cap is even: an odd start makes the cut
	// fall inside a character.
	huge := "x" + strings.Repeat("é", MaxTextBytes)
	check := func(step, field, got string) {
		t.Helper()
		if len(got) > MaxTextBytes || len(got) < MaxTextBytes-4 || !utf8.ValidString(got) {
			t.Errorf("%s: %s is %d bytes (valid UTF-8: %v), want at most %d", step, field, len(got), utf8.ValidString(got), MaxTextBytes)
		}
	}
	a := model.Article{Key: "k1", Title: strings.Repeat("t", 1<<20), Summary: huge, Content: huge, URL: "https://example.com/1"}
	if _, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Articles: []model.Article{a}}, t0); err != nil {
		t.Fatal(err)
	}
	list, _ := s.Articles(ctx, model.ArticleQuery{FeedID: f.ID})
	got, err := s.Article(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	check("fetch", "summary", got.Summary)
	check("fetch", "content", got.Content)
	if len(got.Title) > maxLineBytes {
		t.Errorf("fetch: title is %d bytes", len(got.Title))
	}

	// The same item, changed: the update is capped too.
	a.Content = "y" + huge
	if _, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Articles: []model.Article{a}}, t0); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Article(ctx, list[0].ID)
	check("update", "content", got.Content)
	if !strings.HasPrefix(got.Content, "yxé") {
		t.Errorf("update not stored: %q", got.Content[:10])
	}

	if err := s.SaveExtraction(ctx, got.ID, huge, strings.Repeat("n", 1<<20), "", t0); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Article(ctx, got.ID)
	check("extraction", "markdown", got.Markdown)
	if len(got.Notice) > maxLineBytes {
		t.Errorf("extraction: notice is %d bytes", len(got.Notice))
	}

	id, err := s.InsertArticle(ctx, model.Article{FeedID: f.ID, Key: "k2", Markdown: huge, Summary: huge})
	if err != nil {
		t.Fatal(err)
	}
	got, _ = s.Article(ctx, id)
	check("insert", "markdown", got.Markdown)
	check("insert", "summary", got.Summary)
}

func TestCapTextKeepsShortText(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exact", 5, "exact"},
		{"héllo", 2, "h"},
		{"héllo", 3, "hé"},
		{"", 0, ""},
	} {
		if got := capText(c.in, c.n); got != c.want {
			t.Errorf("capText(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}
