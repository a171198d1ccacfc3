package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/filter"
	"github.com/byline-reader/byline/store/searchtext"
)

// The filter language means what filter.Eval says; the SQL the store
// makes of it must select exactly the same articles. Random expressions
// over the grammar run both ways over the same random articles.

var (
	eqNow    = time.Date(2026, 6, 1, 12, 0, 0, 0, time.Local)
	eqWords  = []string{"climate", "Climate", "climates", "change", "naïve", "CAFÉ", "café", "kelvin", "\u212Aelvin", "the", "news", "ſtory", "story", "a.c", "abc", "x"}
	eqPeople = []string{"Jane Doe", "john smith", "António Guterres", "ANNA LEE", ""}
	// each feed's folder (written loosely; the store keeps it canonical)
	// and tags; folder = "News" selects the folders inside News too.
	eqFolders = []string{"News/World", "News", " Science / Space/Café ", "", "news/world/Africa", "tech"}
	eqTags    = [][]string{{"news"}, {"Science", "tech"}, {"tech"}, {"café", "news"}, nil, {"two words", "Café"}}
)

func eqWordsOf(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = eqWords[r.IntN(len(eqWords))]
	}
	sep := []string{" ", " ", ", ", "-", "<b>", "&amp;", "€"}[r.IntN(7)]
	return strings.Join(ws, sep)
}

// eqSetup stores random feeds and articles and gives what Eval sees of
// each shown article, by id.
func eqSetup(t *testing.T, s *Store, r *rand.Rand) map[int64]filter.Record {
	ctx := context.Background()
	if _, err := s.db.ExecContext(ctx, `INSERT INTO accounts (name) VALUES ('Work')`); err != nil {
		t.Fatal(err)
	}
	type feedInfo struct {
		f       model.Feed
		title   string
		account string
	}
	var feeds []feedInfo
	for i := range 6 {
		f := addFeed(t, s, fmt.Sprintf("https://Site%d.example/feed", i))
		title := []string{"The Climate Desk", "naïve news", "", "Kelvin Times", "ſtory hour", "Café"}[i]
		if err := s.SetFeed(ctx, f.ID, &title, &eqFolders[i], eqTags[i]); err != nil {
			t.Fatal(err)
		}
		f, err := s.Feed(ctx, f.ID) // the folder and tags as stored
		if err != nil {
			t.Fatal(err)
		}
		info := feedInfo{f: f, title: title}
		if i == 2 {
			info.title = f.URL // no title: its URL is shown
		}
		if i == 4 {
			s.db.ExecContext(ctx, `UPDATE feeds SET user_title = 'My Story', account_id = 1 WHERE id = ?`, f.ID)
			info.title, info.account = "My Story", "Work"
		}
		feeds = append(feeds, info)
	}
	recs := map[int64]filter.Record{}
	for i := range 300 {
		fi := feeds[r.IntN(len(feeds))]
		a := model.Article{FeedID: fi.f.ID, Key: fmt.Sprint(i), Title: eqWordsOf(r, 1+r.IntN(3)),
			Author: eqPeople[r.IntN(len(eqPeople))], Read: r.IntN(2) == 0, Starred: r.IntN(4) == 0,
			FetchedAt: eqNow.Add(-time.Duration(r.IntN(90*24)) * time.Hour)}
		if r.IntN(10) > 0 {
			a.Published = eqNow.Add(-time.Duration(r.IntN(60*24*60)) * time.Minute)
		}
		switch r.IntN(3) {
		case 0:
			a.Markdown = eqWordsOf(r, 5)
		case 1:
			a.Content = "<p>" + eqWordsOf(r, 5) + "</p>"
		default:
			a.Summary = eqWordsOf(r, 4)
		}
		id, err := s.InsertArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		var speakers []string
		for range r.IntN(3) {
			speakers = append(speakers, eqPeople[r.IntN(len(eqPeople))])
		}
		if err := s.SaveQuoteStats(ctx, id, r.IntN(5), speakers); err != nil {
			t.Fatal(err)
		}
		highlighted := r.IntN(5) == 0
		if highlighted {
			s.db.ExecContext(ctx, `INSERT INTO highlights (article_id, text) VALUES (?, 'x')`, id)
		}
		if r.IntN(20) == 0 {
			s.db.ExecContext(ctx, `UPDATE articles SET hidden = 1 WHERE id = ?`, id)
			continue // never selected
		}
		stored, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var quotes int
		var list string
		s.db.QueryRowContext(ctx, `SELECT quote_count, speakers FROM articles WHERE id = ?`, id).Scan(&quotes, &list)
		at := model.SortTime(stored)
		rec := filter.Record{Title: stored.Title, Author: stored.Author, Content: searchtext.IndexText(stored),
			FeedURL: fi.f.URL, FeedTitle: fi.title, Folders: filter.FolderList(fi.f.Folder), Tags: fi.f.Tags,
			Account: fi.account, Time: at,
			Unread: !stored.Read, Starred: stored.Starred, Highlighted: highlighted, Quotes: quotes, Now: eqNow}
		if list != "" {
			rec.Speakers = strings.Split(list, "\n")
		}
		recs[id] = rec
	}
	return recs
}

// randomExpr makes an expression of the language over the test's data.
func randomExpr(r *rand.Rand, depth int) string {
	if depth > 0 && r.IntN(3) > 0 {
		l, rr := randomExpr(r, depth-1), randomExpr(r, depth-1)
		switch r.IntN(4) {
		case 0:
			return "(" + l + " or " + rr + ")"
		case 1:
			return "not (" + l + ")"
		}
		return l + " and " + rr
	}
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	quote := func(s string) string {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
	}
	regexps := []string{"clim", "^the", "(?-i)Café", "é", "s$", "k", "a.c", `\bnews\b`, "^[a-f]+ clim", "(?-i)^C", "Kelvin|ſ", "doe$", "^$"}
	text := func() string {
		if r.IntN(2) == 0 {
			return pick("=", "!=", "#", "!#") + " " + quote(pick(eqWords...)+pick("", " "+pick(eqWords...)))
		}
		return pick("=~", "!~") + " " + quote(pick(regexps...))
	}
	switch r.IntN(15) {
	case 0:
		return "title " + text()
	case 1:
		return "author " + pick("=", "#", "!=") + " " + quote(pick(eqPeople...)) + pick("", " or author "+text())
	case 2:
		return "feed " + pick(text(), "= "+quote(pick("the climate desk", "https://site2.example/feed", "my story", "KELVIN TIMES")))
	case 3:
		return "folder " + pick("#", "=", "!#", "!=", "=~", "!~") + " " + quote(pick("News", "news/world", "NEWS/WORLD/AFRICA",
			"World", "Science/Space", "science/space/café", "Space", "tech", "news/", "sci", "", "^news/", "/", "café$"))
	case 12:
		return "tag " + pick("#", "=", "!#", "!=", "=~", "!~") + " " + quote(pick("news", "SCIENCE", "café", "Café", "two words", "^t", "sci", ""))
	case 13:
		return pick("", "not ") + pick("#news", "#Science", "#tech", "#TECH", `#"two words"`, "#café", "#CAFÉ", "#sci")
	case 4:
		return "content " + pick("#", "=", "!#", "!=") + " " + quote(pick(eqWords...)+pick("", " "+pick(eqWords...)))
	case 5:
		return "content " + pick("=~", "!~") + " " + quote(pick("climate change", "the climate", "naïve", "café", "a.c x", "(?-i)Climate ", "limate ch", "te€cha", "news the "))
	case 6:
		return "age " + pick("<", ">", "<=", ">=", "=", "!=") + " " + pick("0.5", "1", "3", "10", "30", "45.5", "-1") + pick("", " or age between 2:5")
	case 7:
		day := eqNow.AddDate(0, 0, -r.IntN(70)).Format("2006-01-02")
		return "published " + pick("<", ">", "<=", ">=", "=", "!=") + " " + pick(day, quote(day+" 10:00"))
	case 8:
		return "quotes " + pick("<", ">", "<=", ">=", "=", "!=") + " " + pick("0", "1", "2.5", "4") + pick("", " and quotes between 1:3")
	case 9:
		return "speaker " + pick("#", "=", "!#", "=~", "!~") + " " + quote(pick(append(eqPeople, "jane DOE", "^a")...))
	case 10:
		return "account " + pick("=", "!=", "#", "=~") + " " + quote(pick("work", "", "WORK", "^w"))
	case 11:
		return pick("unread", "starred", "highlighted") + pick("", " = no", " != yes", " = 1")
	}
	return pick("not ", "") + pick("unread", "starred", "highlighted")
}

func TestFilterEquivalence(t *testing.T) {
	s := newStore(t)
	s.now = func() time.Time { return eqNow }
	r := rand.New(rand.NewPCG(16, 2026))
	recs := eqSetup(t, s, r)
	ctx := context.Background()
	matched := 0
	exprs := []string{`content =~ "limate ch"`, `content =~ "te€cha"`, `content =~ "(?-i)Climate "`,
		`content # "climate change"`, `content # "CAFÉ"`, `content # kelvin`, `content # story`,
		`title =~ kelvin`, `title =~ story`, `title # KELVIN`, `title = "café"`, `feed # "ſtory"`,
		`folder # café`, `folder = ""`, `folder = "news"`, `folder = "Science/Space"`, `folder =~ "^news/world$"`,
		`#news`, `#"two words" or not #tech`, `tag = ""`, `speaker # ""`, `author = ""`, `account = ""`}
	for range 600 {
		exprs = append(exprs, randomExpr(r, 3))
	}
	for _, expr := range exprs {
		e, err := filter.Parse(expr)
		if err != nil {
			t.Fatalf("the generator made %q: %v", expr, err)
		}
		var want []int64
		for id, rec := range recs {
			if filter.Eval(e, rec) {
				want = append(want, id)
			}
		}
		slices.Sort(want)
		arts, err := s.Articles(ctx, model.ArticleQuery{Filter: expr})
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		var got []int64
		for _, a := range arts {
			got = append(got, a.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s\n SQL %d articles, Eval %d; SQL only %v, Eval only %v", expr, len(got), len(want),
				diff(got, want, recs), diff(want, got, recs))
			continue
		}
		if n, err := s.CountArticles(ctx, model.ArticleQuery{Filter: expr}); err != nil || n != len(want) {
			t.Errorf("%s: count %d, %v; want %d", expr, n, err, len(want))
		}
		if len(want) > 0 && len(want) < len(recs) {
			matched++
		}
	}
	if matched < 200 {
		t.Errorf("only %d expressions selected some but not all articles: the generator tests little", matched)
	}
}

func diff(a, b []int64, recs map[int64]filter.Record) []string {
	var out []string
	for _, id := range a {
		if !slices.Contains(b, id) && len(out) < 3 {
			out = append(out, fmt.Sprintf("%d %+v", id, recs[id]))
		}
	}
	return out
}

func TestFilterErrors(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	_, err := s.Articles(ctx, model.ArticleQuery{Filter: "titel = x"})
	var fe *filter.Error
	if !errors.As(err, &fe) || fe.Col != 1 {
		t.Errorf("Articles with a bad filter: %v, want a *filter.Error at column 1", err)
	}
	if _, err := s.CountArticles(ctx, model.ArticleQuery{Filter: "age <"}); !errors.As(err, &fe) {
		t.Errorf("CountArticles with a bad filter: %v", err)
	}
	if _, err := s.SearchFilter(ctx, "words", "(unread", 10); !errors.As(err, &fe) {
		t.Errorf("SearchFilter with a bad filter: %v", err)
	}
}

// A fetch saved with kill rules stores a hidden article whole and a
// dropped one as a tombstone that a changed item never fills again; only
// shown ones count as new.
func TestSaveFetchKilled(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	kill := func(a model.Article) Visibility {
		return map[string]Visibility{"Headline 1": Hidden, "Headline 2": Dropped}[a.Title]
	}
	saveKilled := func(arts []model.Article) (int, error) {
		saves := []FeedSave{{Result: model.FetchResult{Feed: f, Status: 200, Articles: arts}, Kill: kill}}
		if err := s.SaveFetches(ctx, saves, t0); err != nil {
			return 0, err
		}
		return saves[0].New, saves[0].Err
	}
	arts := items(0, 3)
	n, err := saveKilled(arts)
	if err != nil || n != 1 {
		t.Fatalf("new %d, %v; want 1", n, err)
	}
	arts[2].Summary = "changed"
	arts[2].Content = "now with content"
	if n, err := saveKilled(arts); err != nil || n != 0 {
		t.Fatalf("second fetch: new %d, %v", n, err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT title, hidden, summary, content FROM articles ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var title, summary, content string
		var hidden int
		rows.Scan(&title, &hidden, &summary, &content)
		got = append(got, fmt.Sprintf("%s:%d:%d:%d", title, hidden, len(summary), len(content)))
	}
	want := []string{"Headline 0:0:36:0", "Headline 1:1:36:0", "Headline 2:2:0:0"}
	if !slices.Equal(got, want) {
		t.Errorf("stored %q, want %q", got, want)
	}
	if heads, _ := s.Articles(ctx, model.ArticleQuery{}); len(heads) != 1 {
		t.Errorf("listed %d articles, want 1", len(heads))
	}
	var pending int
	s.db.QueryRowContext(ctx, `SELECT count(*) FROM fts_pending WHERE id = 3`).Scan(&pending)
	if pending != 0 {
		t.Errorf("the tombstone waits to be indexed")
	}
}

func TestSaveQuoteStats(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	save(t, s, f, items(0, 1))
	if err := s.SaveQuoteStats(ctx, 1, 3, []string{"Jane  Doe", "", "John\nSmith", "Jane Doe"}); err != nil {
		t.Fatal(err)
	}
	var n int
	var list string
	s.db.QueryRowContext(ctx, `SELECT quote_count, speakers FROM articles WHERE id = 1`).Scan(&n, &list)
	if n != 3 || list != "Jane Doe\nJohn Smith" {
		t.Errorf("stored %d %q", n, list)
	}
	arts, _ := s.Articles(ctx, model.ArticleQuery{Filter: `speaker # "john smith" and quotes = 3`})
	if len(arts) != 1 {
		t.Errorf("the filter does not find the saved stats")
	}
}

// Search leaves out hidden articles, however many of the best hits they
// are.
func TestSearchLeavesOutHidden(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://example.com/feed")
	arts := items(0, 40)
	for i := range arts {
		arts[i].Title = fmt.Sprintf("Storm warning %d", i)
	}
	save(t, s, f, arts)
	s.db.ExecContext(ctx, `UPDATE articles SET hidden = 1 WHERE id > 5`)
	for _, limit := range []int{2, 5, 10, 0} {
		found, err := s.Search(ctx, "storm", limit)
		want := min(limit, 5)
		if limit == 0 {
			want = 5
		}
		if err != nil || len(found) != want {
			t.Errorf("limit %d: %d found, %v; want %d", limit, len(found), err, want)
		}
		for _, a := range found {
			if a.ID > 5 {
				t.Errorf("limit %d: found hidden article %d", limit, a.ID)
			}
		}
	}
}
