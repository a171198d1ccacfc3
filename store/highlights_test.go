package store

import (
	"context"
	"errors"
	"testing"

	"github.com/byline-reader/byline/model"
)

// storedArticle saves one feed item and gives its id.
func storedArticle(t *testing.T, s *Store, feedURL string) int64 {
	t.Helper()
	f := addFeed(t, s, feedURL)
	save(t, s, f, items(0, 1))
	arts, err := s.Articles(context.Background(), model.ArticleQuery{FeedID: f.ID})
	if err != nil || len(arts) != 1 {
		t.Fatalf("articles: %v %d", err, len(arts))
	}
	return arts[0].ID
}

func TestHighlightsCRUD(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://news.example/feed")
	save(t, s, f, items(0, 2))
	arts, _ := s.Articles(ctx, model.ArticleQuery{})
	a1, a2 := arts[0].ID, arts[1].ID

	h1, err := s.AddHighlight(ctx, model.Highlight{ArticleID: a1, Text: "first words", Start: 0, End: 11, Created: t0})
	if err != nil {
		t.Fatal(err)
	}
	if h1.ID == 0 || h1.ArticleTitle != arts[0].Title || h1.ArticleURL != arts[0].URL || !h1.Created.Equal(t0) {
		t.Fatalf("added highlight = %+v", h1)
	}
	if h1.Site != "" {
		t.Errorf("site without page or feed title = %q", h1.Site)
	}
	h2, err := s.AddHighlight(ctx, model.Highlight{ArticleID: a2, Text: "other", Start: 4, End: 9, Created: t0.Add(1)})
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Highlights(ctx, 0)
	if err != nil || len(all) != 2 || all[0].ID != h2.ID || all[1].ID != h1.ID {
		t.Fatalf("all highlights, newest first: %v %+v", err, all)
	}
	one, err := s.Highlights(ctx, a1)
	if err != nil || len(one) != 1 || one[0] != h1 {
		t.Fatalf("highlights of article %d: %v %+v", a1, err, one)
	}

	if err := s.RemoveHighlight(ctx, h1.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveHighlight(ctx, h1.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("removing twice: %v", err)
	}
	if _, err := s.AddHighlight(ctx, model.Highlight{ArticleID: 9999, Text: "x"}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("highlight of a missing article: %v", err)
	}
	if _, err := s.AddHighlight(ctx, model.Highlight{ArticleID: a1}); err == nil {
		t.Fatal("a highlight without text was kept")
	}
}

func TestHighlightSiteFallsBackToTheFeedTitle(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f, err := s.AddFeed(ctx, model.Feed{URL: "https://coast.example/feed", Title: "Coast Times"})
	if err != nil {
		t.Fatal(err)
	}
	save(t, s, f, items(0, 1))
	arts, _ := s.Articles(ctx, model.ArticleQuery{})
	h, err := s.AddHighlight(ctx, model.Highlight{ArticleID: arts[0].ID, Text: "Summary"})
	if err != nil || h.Site != "Coast Times" {
		t.Fatalf("site = %q, %v", h.Site, err)
	}
	if err := s.SaveExtraction(ctx, arts[0].ID, "Summary of it", "", "The Coast Times", t0); err != nil {
		t.Fatal(err)
	}
	hs, _ := s.Highlights(ctx, 0)
	if hs[0].Site != "The Coast Times" {
		t.Fatalf("site after extraction = %q", hs[0].Site)
	}
}

func TestAddHighlightDedupes(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	id := storedArticle(t, s, "https://news.example/feed")
	h := model.Highlight{ArticleID: id, Text: "the same words", Start: 10, End: 24}
	first, err := s.AddHighlight(ctx, h)
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.AddHighlight(ctx, h)
	if err != nil || again.ID != first.ID {
		t.Fatalf("the same highlight twice: %v, ids %d and %d", err, first.ID, again.ID)
	}
	h.Start, h.End = 40, 54 // the same words elsewhere are another highlight
	other, err := s.AddHighlight(ctx, h)
	if err != nil || other.ID == first.ID {
		t.Fatalf("the same words at another place: %v, id %d", err, other.ID)
	}
	if hs, _ := s.Highlights(ctx, id); len(hs) != 2 {
		t.Fatalf("want 2 highlights, got %d", len(hs))
	}
}

func TestHighlightsSurviveExtractionAndGoWithTheArticle(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://news.example/feed")
	save(t, s, f, items(0, 1))
	arts, _ := s.Articles(ctx, model.ArticleQuery{})
	id := arts[0].ID
	if _, err := s.AddHighlight(ctx, model.Highlight{ArticleID: id, Text: "kept", Start: 0, End: 4}); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := s.SaveExtraction(ctx, id, "a new body, kept words", "", "", t0); err != nil {
			t.Fatal(err)
		}
		// A feed update of the same item (new title) must not drop them either.
		changed := item(0)
		changed.Title = "A changed headline"
		save(t, s, f, []model.Article{changed})
	}
	if hs, err := s.Highlights(ctx, id); err != nil || len(hs) != 1 || hs[0].ArticleTitle != "A changed headline" {
		t.Fatalf("after re-extraction: %v %+v", err, hs)
	}
	if err := s.RemoveFeed(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM highlights").Scan(&n); err != nil || n != 0 {
		t.Fatalf("highlights left after their article went: %d %v", n, err)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestArticlesByTagAndText(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	news, err := s.AddFeed(ctx, model.Feed{URL: "https://news.example/feed", Tags: []string{"News", "World news"}})
	if err != nil {
		t.Fatal(err)
	}
	tech, err := s.AddFeed(ctx, model.Feed{URL: "https://tech.example/feed", Tags: []string{"Tech"}})
	if err != nil {
		t.Fatal(err)
	}
	titled := func(from int, titles ...string) []model.Article {
		var arts []model.Article
		for i, title := range titles {
			a := item(from + i)
			a.Title = title
			arts = append(arts, a)
		}
		return arts
	}
	save(t, s, news, titled(0, "Harbor reopens", "100% of votes counted", "snake_case wins", "HARBOR fees rise"))
	save(t, s, tech, titled(10, "Harbor robots", "Compilers"))

	for _, c := range []struct {
		q    model.ArticleQuery
		want int
	}{
		{model.ArticleQuery{Tag: "News"}, 4},
		{model.ArticleQuery{Tag: "news"}, 4},
		{model.ArticleQuery{Tag: "World news"}, 4},
		{model.ArticleQuery{Tag: "World"}, 0}, // whole tags only
		{model.ArticleQuery{Tag: "tech"}, 2},
		{model.ArticleQuery{Tag: "nothing"}, 0},
		{model.ArticleQuery{Text: "harbor"}, 3},
		{model.ArticleQuery{Text: "harbor", Tag: "News"}, 2},
		{model.ArticleQuery{Text: "Harbor", FeedID: tech.ID}, 1},
		{model.ArticleQuery{Text: "%"}, 1},
		{model.ArticleQuery{Text: "_"}, 1},
		{model.ArticleQuery{Text: `\`}, 0},
		{model.ArticleQuery{Text: "e_c"}, 1},
		{model.ArticleQuery{Text: "0%"}, 1},
		{model.ArticleQuery{Text: "harbor", Limit: 1}, 1},
	} {
		arts, err := s.Articles(ctx, c.q)
		if err != nil || len(arts) != c.want {
			t.Errorf("Articles(%+v) = %d, %v; want %d", c.q, len(arts), err, c.want)
		}
		n, err := s.CountArticles(ctx, c.q)
		want := c.want
		if c.q.Limit > 0 {
			want = 3
		}
		if err != nil || n != want {
			t.Errorf("CountArticles(%+v) = %d, %v; want %d", c.q, n, err, want)
		}
	}
}
