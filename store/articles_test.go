package store

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

func TestArticlesOrderFiltersAndPages(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	a, b := addFeed(t, s, "https://a.example/feed"), addFeed(t, s, "https://b.example/feed")
	save(t, s, a, items(0, 4)) // published t0+0m … t0+3m
	undated := item(10)
	undated.Published = time.Time{}
	// Fetched at t0+90s: it sorts between items 1 and 2.
	if _, err := s.SaveFetch(ctx, model.FetchResult{Feed: b, Title: "Bee", Articles: []model.Article{undated}},
		t0.Add(90*time.Second)); err != nil {
		t.Fatal(err)
	}
	all, err := s.Articles(ctx, model.ArticleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	wantKeys := []string{"guid-3", "guid-2", "guid-10", "guid-1", "guid-0"}
	if got := keys(all); !slices.Equal(got, wantKeys) {
		t.Fatalf("Articles order = %v, want %v", got, wantKeys)
	}
	if all[2].FeedTitle != "Bee" || all[2].Summary != "" || all[0].Author != "A. Writer" {
		t.Errorf("headline fields wrong: %+v", all[2])
	}
	if _, err := s.Mark(ctx, []int64{all[0].ID}, ptr(true), ptr(true)); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		q    model.ArticleQuery
		want []string
	}{
		{"feed id", model.ArticleQuery{FeedID: b.ID}, []string{"guid-10"}},
		{"feed url", model.ArticleQuery{FeedURL: a.URL}, []string{"guid-3", "guid-2", "guid-1", "guid-0"}},
		{"unknown feed url", model.ArticleQuery{FeedURL: "https://nope"}, nil},
		{"unread", model.ArticleQuery{Unread: true}, []string{"guid-2", "guid-10", "guid-1", "guid-0"}},
		{"starred", model.ArticleQuery{Starred: true}, []string{"guid-3"}},
		{"unread of a", model.ArticleQuery{FeedID: a.ID, Unread: true}, []string{"guid-2", "guid-1", "guid-0"}},
		{"page 2", model.ArticleQuery{Limit: 2, Offset: 2}, []string{"guid-10", "guid-1"}},
		{"past the end", model.ArticleQuery{Limit: 2, Offset: 10}, nil},
	}
	for _, tt := range tests {
		got, err := s.Articles(ctx, tt.q)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !slices.Equal(keys(got), tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, keys(got), tt.want)
		}
		wantCount := len(tt.want)
		if tt.q.Limit != 0 {
			wantCount = len(wantKeys) // paging does not change the count
		}
		if n, err := s.CountArticles(ctx, tt.q); err != nil || n != wantCount {
			t.Errorf("%s: CountArticles = %d, %v; want %d", tt.name, n, err, wantCount)
		}
	}
}

// TestArticlesPagesAreSlices: a page of any view, read past an offset
// (from the sort index, then the rows), is that slice of the whole view.
func TestArticlesPagesAreSlices(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	a, b := addFeed(t, s, "https://a.example/feed"), addFeed(t, s, "https://b.example/feed")
	save(t, s, a, items(0, 12))
	save(t, s, b, items(20, 27))
	all, _ := s.Articles(ctx, model.ArticleQuery{})
	if _, err := s.Mark(ctx, []int64{all[1].ID, all[4].ID}, ptr(true), ptr(true)); err != nil {
		t.Fatal(err)
	}
	for _, q := range []model.ArticleQuery{{}, {Unread: true}, {Starred: true}, {FeedID: b.ID},
		{Text: "1"}, {FeedID: a.ID, Unread: true}} {
		whole, err := s.Articles(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for off := 1; off <= len(whole); off++ {
			page := q
			page.Limit, page.Offset = 3, off
			got, err := s.Articles(ctx, page)
			if err != nil {
				t.Fatal(err)
			}
			if want := keys(whole[off:min(off+3, len(whole))]); !slices.Equal(keys(got), want) {
				t.Errorf("%+v: %v, want %v", page, keys(got), want)
			}
		}
	}
}

func TestArticleHasEverything(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	in := item(1)
	in.Content, in.Updated, in.Site = "<p>Full text</p>", t0.Add(time.Hour), "Example"
	save(t, s, f, []model.Article{in})
	list, _ := s.Articles(ctx, model.ArticleQuery{})
	got, err := s.Article(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Key != in.Key || got.Title != in.Title || got.URL != in.URL || got.Author != in.Author ||
		got.Summary != in.Summary || got.Content != in.Content || got.Site != in.Site ||
		!got.Published.Equal(in.Published) || !got.Updated.Equal(in.Updated) || !got.FetchedAt.Equal(t0) ||
		got.FeedID != f.ID || !got.ExtractedAt.IsZero() {
		t.Errorf("Article = %+v\nfrom %+v", got, in)
	}
	if _, err := s.Article(ctx, 999); !isNotFound(err) {
		t.Errorf("Article(999): %v", err)
	}
}

func TestMark(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	save(t, s, f, items(0, 3))
	list, _ := s.Articles(ctx, model.ArticleQuery{})
	ids := []int64{list[0].ID, list[1].ID, list[2].ID}
	tests := []struct {
		name          string
		ids           []int64
		read, starred *bool
		want          int
		wantErr       error
	}{
		{"read two", ids[:2], ptr(true), nil, 2, nil},
		{"read them again", ids[:2], ptr(true), nil, 0, nil},
		{"read all", ids, ptr(true), nil, 1, nil},
		{"star one, unread it", ids[:1], ptr(false), ptr(true), 1, nil},
		{"nothing to set", ids, nil, nil, 0, nil},
		{"some missing", []int64{ids[2], 999}, nil, ptr(true), 1, nil},
		{"none exist", []int64{998, 999}, ptr(true), nil, 0, ErrNotFound},
		{"no ids", nil, ptr(true), nil, 0, nil},
	}
	for _, tt := range tests {
		n, err := s.Mark(ctx, tt.ids, tt.read, tt.starred)
		if n != tt.want || !errors.Is(err, tt.wantErr) {
			t.Errorf("%s: Mark = %d, %v; want %d, %v", tt.name, n, err, tt.want, tt.wantErr)
		}
	}
	a, _ := s.Article(ctx, ids[0])
	if a.Read || !a.Starred {
		t.Errorf("article 0: read %v starred %v, want unread and starred", a.Read, a.Starred)
	}
}

func TestMarkFeedRead(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f, g := addFeed(t, s, "https://f.example/feed"), addFeed(t, s, "https://g.example/feed")
	save(t, s, f, items(0, 3))
	save(t, s, g, items(0, 2))
	if n, err := s.MarkFeedRead(ctx, f.ID); err != nil || n != 3 {
		t.Errorf("MarkFeedRead = %d, %v; want 3", n, err)
	}
	if n, err := s.MarkFeedRead(ctx, f.ID); err != nil || n != 0 {
		t.Errorf("MarkFeedRead again = %d, %v; want 0", n, err)
	}
	if n, _ := s.CountArticles(ctx, model.ArticleQuery{Unread: true}); n != 2 {
		t.Errorf("%d unread left, want the other feed's 2", n)
	}
	if _, err := s.MarkFeedRead(ctx, 999); !isNotFound(err) {
		t.Errorf("MarkFeedRead(999): %v", err)
	}
}

func TestSaveExtraction(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	save(t, s, f, items(0, 1))
	list, _ := s.Articles(ctx, model.ArticleQuery{})
	id := list[0].ID
	if err := s.SaveExtraction(ctx, id, "Zanzibar is mentioned only here.", "", "The Site", t0); err != nil {
		t.Fatal(err)
	}
	a, _ := s.Article(ctx, id)
	if a.Markdown != "Zanzibar is mentioned only here." || a.Site != "The Site" || !a.ExtractedAt.Equal(t0) {
		t.Errorf("after SaveExtraction: %+v", a)
	}
	if hits, _ := s.Search(ctx, "zanzibar", 5); len(hits) != 1 {
		t.Errorf("extracted text not searchable: %v", hits)
	}
	if hits, _ := s.Search(ctx, "summary", 5); len(hits) != 0 {
		t.Errorf("the summary is still indexed beside the extracted text: %v", hits)
	}
	// A failed extraction keeps its notice and the site found earlier.
	if err := s.SaveExtraction(ctx, id, "", "paywalled", "", t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	a, _ = s.Article(ctx, id)
	if a.Notice != "paywalled" || a.Site != "The Site" || a.Markdown != "" {
		t.Errorf("after a failed extraction: %+v", a)
	}
	if hits, _ := s.Search(ctx, "summary", 5); len(hits) != 1 {
		t.Errorf("without markdown the summary should be indexed again: %v", hits)
	}
	if err := s.SaveExtraction(ctx, 999, "x", "", "", t0); !isNotFound(err) {
		t.Errorf("SaveExtraction(999): %v", err)
	}
}

// TestSavePageFailureCounts: each failed fetch of a page counts one more
// in a row, with when it was tried; a page read at last forgets them.
func TestSavePageFailureCounts(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	save(t, s, f, items(0, 1))
	list, _ := s.Articles(ctx, model.ArticleQuery{})
	id := list[0].ID
	for i := 1; i <= 3; i++ {
		at := t0.Add(time.Duration(i) * time.Minute)
		if err := s.SavePageFailure(ctx, id, "the summary", "offline", at); err != nil {
			t.Fatal(err)
		}
		a, _ := s.Article(ctx, id)
		if a.PageFailures != i || !a.ExtractedAt.Equal(at) || a.Notice != "offline" || a.Markdown != "the summary" {
			t.Fatalf("after failure %d: %d failures at %v, notice %q, markdown %q", i, a.PageFailures, a.ExtractedAt, a.Notice, a.Markdown)
		}
	}
	if err := s.SaveExtraction(ctx, id, "The whole text.", "", "", t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Article(ctx, id); a.PageFailures != 0 || a.Notice != "" {
		t.Errorf("a page read forgets its failures: %d, notice %q", a.PageFailures, a.Notice)
	}
	if err := s.SavePageFailure(ctx, 999, "", "x", t0); !isNotFound(err) {
		t.Errorf("SavePageFailure(999): %v", err)
	}
}

func TestInsertArticle(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "byline:welcome")
	welcome := model.Article{FeedID: f.ID, Key: "welcome", Title: "Welcome to byline",
		Markdown: "Press **j** and **k** to move.", Site: "byline"}
	id, err := s.InsertArticle(ctx, welcome)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, id)
	if err != nil || a.Markdown != welcome.Markdown || a.FetchedAt.IsZero() {
		t.Errorf("inserted article = %+v, %v", a, err)
	}
	if hits, _ := s.Search(ctx, "move", 5); len(hits) != 1 || hits[0].ID != id {
		t.Errorf("inserted article not searchable: %v", hits)
	}
	again, err := s.InsertArticle(ctx, welcome)
	if !errors.Is(err, ErrExists) || again != id {
		t.Errorf("second InsertArticle = %d, %v; want %d, ErrExists", again, err, id)
	}
	welcome.FeedID = 999
	if _, err := s.InsertArticle(ctx, welcome); !isNotFound(err) {
		t.Errorf("InsertArticle under a missing feed: %v", err)
	}
}

func keys(arts []model.Article) []string {
	var k []string
	for _, a := range arts {
		k = append(k, a.Key)
	}
	return k
}

func TestSaveExtractionVersion(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	save(t, s, f, items(0, 1))
	list, _ := s.Articles(ctx, model.ArticleQuery{})
	id := list[0].ID
	if a, _ := s.Article(ctx, id); a.ExtractVersion != 0 {
		t.Errorf("a new article's extraction version is %d, want 0", a.ExtractVersion)
	}
	if err := s.SaveExtractionVersion(ctx, id, "Body one.", "", "", t0, 2); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Article(ctx, id); a.ExtractVersion != 2 || a.Markdown != "Body one." {
		t.Errorf("after SaveExtractionVersion: version %d, %q", a.ExtractVersion, a.Markdown)
	}
	// SaveExtraction leaves the version as it is.
	if err := s.SaveExtraction(ctx, id, "Body two.", "", "", t0); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Article(ctx, id); a.ExtractVersion != 2 || a.Markdown != "Body two." {
		t.Errorf("after SaveExtraction: version %d, %q", a.ExtractVersion, a.Markdown)
	}
}
