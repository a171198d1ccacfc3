package store

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

// An item dated next year sorts by when it was fetched, not at the top
// until next year; one dated a few hours ahead (a feed giving local time
// as UTC) keeps its date; an undated one sorts by its fetch time.
func TestFutureDatedItemsSortByFetchTime(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	save(t, s, f, items(0, 3)) // published t0+0m … t0+2m, fetched at t0
	later := t0.Add(24 * time.Hour)
	future, soon, undated := item(10), item(11), item(12)
	future.Published = t0.AddDate(1, 0, 0)
	soon.Published = later.Add(10 * time.Hour)
	undated.Published = time.Time{}
	if _, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Articles: []model.Article{future, soon, undated}}, later); err != nil {
		t.Fatal(err)
	}
	newer := item(13)
	newer.Published = later.Add(time.Hour)
	if _, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Articles: []model.Article{newer}}, later.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	want := []string{"guid-11", "guid-13", "guid-12", "guid-10", "guid-2", "guid-1", "guid-0"}
	// The undated and the future-dated item share a fetch time: the
	// later id (the undated one) comes first.
	for _, q := range []model.ArticleQuery{{}, {FeedID: f.ID}, {Text: "headline"}, {Unread: true}} {
		got, err := s.Articles(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(keys(got), want) {
			t.Errorf("%+v: order %v, want %v", q, keys(got), want)
		}
	}
	// A page past an offset (its ids taken from the sort index) keeps
	// the same order.
	for _, q := range []model.ArticleQuery{{Offset: 1, Limit: 4}, {Text: "headline", Offset: 1, Limit: 4}} {
		got, err := s.Articles(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(keys(got), want[1:5]) {
			t.Errorf("%+v: order %v, want %v", q, keys(got), want[1:5])
		}
	}
	list, _ := s.Articles(ctx, model.ArticleQuery{})
	var ids []int64
	for _, a := range list {
		ids = append(ids, a.ID)
	}
	if _, err := s.Mark(ctx, ids, nil, ptr(true)); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Articles(ctx, model.ArticleQuery{Starred: true}); !slices.Equal(keys(got), want) {
		t.Errorf("starred: order %v, want %v", keys(got), want)
	}
}

// The title filter ignores case and accents both ways, and follows a
// title the feed changes.
func TestTitleFilterFoldsCaseAndAccents(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	arts := items(0, 4)
	arts[0].Title, arts[1].Title, arts[2].Title = "École ouverte", "L'ECOLE FERMÉE", "Ecological news"
	arts[3].Title = "100% sure_thing"
	save(t, s, f, arts)
	tests := []struct {
		text string
		want []string
	}{
		{"ecole", []string{"guid-1", "guid-0"}},
		{"ÉCOLE", []string{"guid-1", "guid-0"}},
		{"école", []string{"guid-1", "guid-0"}},
		{"eco", []string{"guid-2", "guid-1", "guid-0"}},
		{"fermee", []string{"guid-1"}},
		{"0% s", []string{"guid-3"}},
		{"e_t", []string{"guid-3"}},
		{"s_r", nil}, // LIKE's wildcards are matched as themselves
		{"%", []string{"guid-3"}},
	}
	for _, tt := range tests {
		got, err := s.Articles(ctx, model.ArticleQuery{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(keys(got), tt.want) {
			t.Errorf("Text %q: %v, want %v", tt.text, keys(got), tt.want)
		}
		if n, _ := s.CountArticles(ctx, model.ArticleQuery{Text: tt.text}); n != len(tt.want) {
			t.Errorf("Text %q: count %d, want %d", tt.text, n, len(tt.want))
		}
	}
	arts[0].Title = "Université"
	save(t, s, f, arts[:1])
	if got, _ := s.Articles(ctx, model.ArticleQuery{Text: "ecole"}); !slices.Equal(keys(got), []string{"guid-1"}) {
		t.Errorf("after a retitle, ecole: %v", keys(got))
	}
	if got, _ := s.Articles(ctx, model.ArticleQuery{Text: "UNIVERSITE"}); !slices.Equal(keys(got), []string{"guid-0"}) {
		t.Errorf("after a retitle, UNIVERSITE: %v", keys(got))
	}
	id, err := s.InsertArticle(ctx, model.Article{FeedID: f.ID, Key: "k", Title: "Über alles"})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Articles(ctx, model.ArticleQuery{Text: "uber"}); len(got) != 1 || got[0].ID != id {
		t.Errorf("inserted article not found by its folded title: %v", keys(got))
	}
}

// Migration 6 folds the titles already stored.
func TestMigrationFoldsStoredTitles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "byline.db")
	old, err := openAt(ctx, path, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO feeds (id, url) VALUES (1, 'https://old.example/feed')`,
		`INSERT INTO articles (feed_id, key, title, fetched_at) VALUES (1, 'a', 'Café Müller', 1), (1, 'b', 'Tea room', 2)`,
	} {
		if _, err := old.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Articles(ctx, model.ArticleQuery{Text: "cafe mull"})
	if err != nil || !slices.Equal(keys(got), []string{"a"}) {
		t.Errorf("after migrating, cafe mull: %v, %v", keys(got), err)
	}
	if err := s.RemoveFeed(ctx, 1); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM title_folds").Scan(&n); err != nil || n != 0 {
		t.Errorf("title_folds keeps %d rows of removed articles, %v", n, err)
	}
}

// NextUnread walks a list's unread articles both ways from an article,
// giving each one's row in the list.
func TestNextUnread(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	a, b := addFeed(t, s, "https://a.example/feed"), addFeed(t, s, "https://b.example/feed")
	save(t, s, a, items(0, 6)) // rows: guid-5 … guid-0
	save(t, s, b, items(10, 11))
	list, _ := s.Articles(ctx, model.ArticleQuery{})
	id := map[string]int64{}
	for _, x := range list {
		id[x.Key] = x.ID
	}
	if _, err := s.Mark(ctx, []int64{id["guid-5"], id["guid-4"], id["guid-2"]}, ptr(true), nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q       model.ArticleQuery
		from    string
		back    bool
		want    string
		wantRow int
	}{
		{model.ArticleQuery{FeedID: a.ID}, "", false, "guid-3", 2},
		{model.ArticleQuery{FeedID: a.ID}, "guid-5", false, "guid-3", 2},
		{model.ArticleQuery{FeedID: a.ID}, "guid-3", false, "guid-1", 4},
		{model.ArticleQuery{FeedID: a.ID}, "guid-0", false, "", 0},
		{model.ArticleQuery{FeedID: a.ID}, "guid-1", true, "guid-3", 2},
		{model.ArticleQuery{FeedID: a.ID}, "guid-3", true, "", 0},
		{model.ArticleQuery{FeedID: a.ID}, "", true, "guid-0", 5},
		{model.ArticleQuery{}, "guid-5", true, "guid-10", 0},
		{model.ArticleQuery{Text: "headline 1"}, "guid-10", false, "guid-1", 1},
	}
	for _, tt := range tests {
		got, row, ok, err := s.NextUnread(ctx, tt.q, id[tt.from], tt.back)
		if tt.want == "" {
			if ok || err != nil {
				t.Errorf("%+v from %s back %v: %s, %v; want none", tt.q, tt.from, tt.back, got.Key, err)
			}
			continue
		}
		if err != nil || !ok || got.Key != tt.want || row != tt.wantRow || got.Read {
			t.Errorf("%+v from %s back %v: %s row %d, %v; want %s row %d", tt.q, tt.from, tt.back, got.Key, row, err, tt.want, tt.wantRow)
		}
	}
}

// BenchmarkNextUnread finds the next unread article from the middle of
// the list of 50,000 and of one feed, and its row.
func BenchmarkNextUnread(b *testing.B) {
	s := openBig(b)
	ctx := context.Background()
	mid, err := s.Articles(ctx, model.ArticleQuery{Offset: 25_000, Limit: 1})
	if err != nil || len(mid) != 1 {
		b.Fatal(err)
	}
	for _, bm := range []struct {
		name string
		q    model.ArticleQuery
	}{
		{"all", model.ArticleQuery{}},
		{"one feed", model.ArticleQuery{FeedID: mid[0].FeedID}},
		{"text", model.ArticleQuery{Text: mid[0].Title[:2]}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, ok, err := s.NextUnread(ctx, bm.q, mid[0].ID, false); err != nil || !ok {
					b.Fatal(ok, err)
				}
			}
		})
	}
}
