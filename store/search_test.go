package store

import (
	"context"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/store/searchtext"
)

func searchStore(t *testing.T) *Store {
	t.Helper()
	s := newStore(t)
	f := addFeed(t, s, "https://example.com/feed")
	save(t, s, f, []model.Article{
		{Key: "1", Title: "Election results are in", Summary: "<p>Voters chose.</p>"},
		{Key: "2", Title: "Weather", Summary: "<p>Rain before the <b>election</b> day.</p>"},
		{Key: "3", Title: "Markets", Content: `<div class="elections"><script>var election = 1;</script>
			<p>Stocks rose &amp; fell. Café owners cheered.</p></div>`},
		{Key: "4", Title: "Quotes", Summary: `He said "AND (" twice; C++ and foo"bar`},
	})
	return s
}

func TestSearch(t *testing.T) {
	s := searchStore(t)
	tests := []struct {
		query string
		want  []string // keys, best first
	}{
		{"election", []string{"1", "2"}}, // the title match ranks first; markup is not indexed
		{"elections", []string{"1", "2"}},
		{"ELECTION", []string{"1", "2"}},
		{"rain election", []string{"2"}},
		{`"election results"`, []string{"1"}},
		{"elect*", []string{"1", "2"}},
		{"weather OR markets", []string{"2", "3"}},
		{"cafe", []string{"3"}},
		{"stocks &", []string{"3"}},
		{"class", nil},
		{"var", nil},
		{"nothing-like-this", nil},
	}
	for _, tt := range tests {
		got, err := s.Search(context.Background(), tt.query, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		if g := keys(got); !sameSet(g, tt.want) || (len(tt.want) > 1 && g[0] != tt.want[0]) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, g, tt.want)
		}
	}
}

func TestSearchHostileQueries(t *testing.T) {
	s := searchStore(t)
	for _, q := range []string{
		`foo"bar AND (`, `"`, `""`, `"unclosed phrase`, `(`, `)`, `*`, `**`, `a*b*`, `NOT`, `AND`,
		`OR`, `OR OR OR`, `x OR`, `-`, `^start`, `col:umn`, `title:quotes`, `NEAR(a b, 2)`,
		`{title}: x`, `\`, `'`, `%`, "\x00", "tab\there", `C++`, "日本語", "\u202eevil",
		"   ", "", `'; DROP TABLE articles; --`,
	} {
		if _, err := s.Search(context.Background(), q, 10); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
	if got, _ := s.Search(context.Background(), `foo"bar AND (`, 10); len(got) != 1 || got[0].Key != "4" {
		t.Errorf(`Search(foo"bar AND () = %v, want the article that says it`, keys(got))
	}
	if n, _ := s.CountArticles(context.Background(), model.ArticleQuery{}); n != 4 {
		t.Errorf("%d articles left after hostile searches", n)
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		seen[x]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

func TestIndexPending(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	save(t, s, f, items(0, indexBatch+5)) // more than one batch
	if n, err := s.IndexPending(ctx); err != nil || n != indexBatch+5 {
		t.Fatalf("IndexPending = %d, %v; want %d", n, err, indexBatch+5)
	}
	if n, err := s.IndexPending(ctx); err != nil || n != 0 {
		t.Errorf("IndexPending again = %d, %v; want 0", n, err)
	}
	// A changed article is indexed anew: its old words no longer find it.
	a := item(7)
	a.Summary = "<p>Rewritten entirely.</p>"
	save(t, s, f, []model.Article{a})
	if n, err := s.IndexPending(ctx); err != nil || n != 1 {
		t.Errorf("IndexPending after an update = %d, %v; want 1", n, err)
	}
	if hits, _ := s.Search(ctx, `"story 7"`, 10); len(hits) != 0 {
		t.Errorf("old text still finds the article: %v", keys(hits))
	}
	if hits, _ := s.Search(ctx, "rewritten", 10); len(hits) != 1 {
		t.Errorf("new text does not find the article: %v", keys(hits))
	}
}

// TestIndexHeadOfLongText: the index keeps the head of a long text, cut
// at a word's end, and IndexBatch indexes no more than it is asked.
func TestIndexHeadOfLongText(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	long := "<p>" + strings.Repeat("lead ", searchtext.MaxIndexText/5) + " farewell</p>"
	save(t, s, f, []model.Article{
		{Key: "long", Title: "Long read", Content: long},
		{Key: "short", Title: "Brief", Summary: "<p>A farewell.</p>"},
	})
	if n, err := s.IndexBatch(ctx, 1); err != nil || n != 1 {
		t.Fatalf("IndexBatch(1) = %d, %v", n, err)
	}
	if n, err := s.IndexPending(ctx); err != nil || n != 1 {
		t.Fatalf("IndexPending after one = %d, %v", n, err)
	}
	if hits, _ := s.Search(ctx, "lead", 10); len(keys(hits)) != 1 || keys(hits)[0] != "long" {
		t.Errorf("the head of a long text is not found: %v", keys(hits))
	}
	if hits, _ := s.Search(ctx, "farewell", 10); len(hits) != 1 || keys(hits)[0] != "short" {
		t.Errorf("words past the head: %v", keys(hits))
	}
}
