package headlines

import (
	"errors"
	"testing"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/filter"
)

func TestIsExpr(t *testing.T) {
	for typed, want := range map[string]bool{
		"climate":               false,
		"école primaire":        false,
		"unread and age < 3":    true,
		`title =~ "clim`:        true, // its string still being typed
		`title =~ "climate"`:    true,
		`the "best" title`:      false,
		"not starred":           true,
		"title =":               true,
		`said "no`:              false,
		`feed = "The Guardian"`: true,
	} {
		if IsExpr(typed) != want {
			t.Errorf("IsExpr(%q) = %v, want %v", typed, !want, want)
		}
	}
}

// Words filter titles, an expression the articles; a bad expression is
// not applied, its error kept, and the list keeps the last good filter.
func TestFilterWordsOrExpression(t *testing.T) {
	l := New("All articles")
	l.SetQuery(model.ArticleQuery{FeedID: 4}, "Daily")
	l.TypeFilter("climate")
	if !l.ApplyFilter() || l.Query() != (model.ArticleQuery{FeedID: 4, Text: "climate"}) {
		t.Fatalf("words: %+v", l.Query())
	}
	gen := l.Gen()
	for _, typed := range []string{"unread", "unread and", "unread and age <"} {
		if _, differs := l.TypeFilter(typed); differs != (typed == "unread") {
			t.Fatalf("%q differs: %v", typed, differs)
		}
	}
	var fe *filter.Error
	if err := l.FilterErr(); !errors.As(err, &fe) || fe.Col == 0 {
		t.Fatalf("a bad expression's error: %v", err)
	}
	if l.ApplyFilter() || l.Gen() != gen || l.Query().Text != "climate" || l.Filtering() {
		t.Fatalf("a bad expression is not applied: %+v, filtering %v", l.Query(), l.Filtering())
	}
	l.TypeFilter("unread and age < 3")
	if l.FilterErr() != nil || !l.ApplyFilter() {
		t.Fatal("a good expression is applied")
	}
	if q := l.Query(); q != (model.ArticleQuery{FeedID: 4, Filter: "unread and age < 3"}) || l.FilterInForce() != "unread and age < 3" {
		t.Fatalf("expression: %+v", q)
	}
	if l.ViewQuery() != (model.ArticleQuery{FeedID: 4}) {
		t.Fatalf("view %+v", l.ViewQuery())
	}
	if !l.ClearFilter() || l.Query() != (model.ArticleQuery{FeedID: 4}) || l.Filtered() {
		t.Fatalf("cleared: %+v", l.Query())
	}
}

// A saved query's view keeps its expression; one typed narrows it, words
// look in its titles.
func TestFilterNarrowsASavedQuery(t *testing.T) {
	l := New("All articles")
	view := model.ArticleQuery{Filter: "folder # news"}
	l.SetQuery(view, "query news")
	l.TypeFilter("starred")
	l.ApplyFilter()
	if q := l.Query(); q.Filter != "folder # news" || q.Text != "starred" {
		t.Fatalf("words in a query: %+v", q)
	}
	l.TypeFilter("starred or age < 1")
	l.ApplyFilter()
	if q := l.Query(); q.Filter != "(folder # news) and (starred or age < 1)" || q.Text != "" {
		t.Fatalf("an expression in a query: %+v", q)
	}
	if _, err := filter.Parse(l.Query().Filter); err != nil {
		t.Fatal(err)
	}
	if l.ViewQuery() != view {
		t.Fatalf("view %+v", l.ViewQuery())
	}
}
