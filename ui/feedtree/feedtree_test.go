package feedtree

import (
	"fmt"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
)

// layout draws the entries one per line: indentation, kind, label, unread.
func layout(entries []Entry) string {
	kinds := map[Kind]string{All: "view", Unread: "view", Starred: "view", Folder: "folder", Feed: "feed", Account: "account", Tag: "tag"}
	var b strings.Builder
	for _, e := range entries {
		fmt.Fprintf(&b, "%s%s %s %d\n", strings.Repeat("  ", e.Depth), kinds[e.Kind], e.Label, e.Unread)
	}
	return b.String()
}

func TestFoldersIgnoreTheCaseOfTheirNames(t *testing.T) {
	feeds := []model.Feed{
		{ID: 1, Title: "A", Folder: "News", Unread: 2},
		{ID: 2, Title: "B", Folder: " news ", Unread: 3},
		{ID: 3, Title: "C", Folder: "tech", Unread: 4},
	}
	var got []string
	for _, e := range Build(feeds, map[Group]bool{}) {
		got = append(got, fmt.Sprintf("%s:%d", e.Label, e.Unread))
	}
	want := "All articles:9 Unread:9 Starred:0 News:5 A:2 B:3 tech:4 C:4"
	if strings.Join(got, " ") != want {
		t.Fatalf("entries %v\nwant %s", got, want)
	}
}

// withAccounts: byline's own feeds, and two accounts (given out of order)
// with a folder named as one of byline's own.
func withAccounts() []model.Feed {
	return []model.Feed{
		{ID: 1, Title: "Own Loose", Unread: 1},
		{ID: 2, Title: "Own News", Folder: "News", Unread: 2},
		{ID: 3, Title: "Work Feed", Account: "work", Unread: 4},
		{ID: 4, Title: "Home News", Account: "home", Folder: "news", Unread: 8},
		{ID: 5, Title: "Home Loose", Account: "home", Unread: 16},
		{ID: 6, Title: "Home Tech", Account: "home", Folder: "Tech", Unread: 32},
	}
}

func TestAccountsAreGroupsAfterOwnFeeds(t *testing.T) {
	got := layout(Build(withAccounts(), map[Group]bool{}))
	want := `view All articles 63
view Unread 63
view Starred 0
feed Own Loose 1
folder News 2
  feed Own News 2
account home 56
  folder news 8
    feed Home News 8
  folder Tech 32
    feed Home Tech 32
  feed Home Loose 16
account work 4
  feed Work Feed 4
`
	if got != want {
		t.Fatalf("layout:\n%s\nwant:\n%s", got, want)
	}
}

// find is the entry of that kind and label.
func find(t *testing.T, entries []Entry, k Kind, label string) Entry {
	t.Helper()
	for _, e := range entries {
		if e.Kind == k && e.Label == label {
			return e
		}
	}
	t.Fatalf("no %d %q in\n%s", k, label, layout(entries))
	return Entry{}
}

func TestQueriesOfEachPlace(t *testing.T) {
	entries := Build(withAccounts(), nil)
	cases := []struct {
		kind  Kind
		label string
		want  model.ArticleQuery
		title string
	}{
		{All, "All articles", model.ArticleQuery{}, "All articles"},
		{Unread, "Unread", model.ArticleQuery{Unread: true}, "Unread"},
		{Account, "home", model.ArticleQuery{Account: "home"}, "account home"},
		{Folder, "news", model.ArticleQuery{Account: "home", Folder: "news"}, "home › folder news"},
		{Folder, "News", model.ArticleQuery{Account: model.LocalFeeds, Folder: "News"}, "folder News"},
		{Feed, "Home Loose", model.ArticleQuery{FeedID: 5}, "Home Loose"},
		{Feed, "Own News", model.ArticleQuery{FeedID: 2}, "Own News"},
	}
	for _, c := range cases {
		e := find(t, entries, c.kind, c.label)
		if e.Query() != c.want || e.Title() != c.title {
			t.Errorf("%s: query %+v, title %q; want %+v, %q", c.label, e.Query(), e.Title(), c.want, c.title)
		}
	}
	// Without accounts a folder is asked for by its path alone, as always.
	own := find(t, Build(withAccounts()[:2], nil), Folder, "News")
	if own.Query() != (model.ArticleQuery{Folder: "News"}) || own.Title() != "folder News" {
		t.Fatalf("a folder without accounts: %+v, %q", own.Query(), own.Title())
	}
}

func TestIDsAreUniqueAcrossPlaces(t *testing.T) {
	feeds := append(withAccounts(), model.Feed{ID: 7, Title: "Work News", Account: "work", Folder: "NEWS"})
	seen := map[string]string{}
	for _, e := range Build(feeds, nil) {
		if other, dup := seen[e.ID()]; dup {
			t.Fatalf("%q and %q share the id %q", other, e.Label, e.ID())
		}
		seen[e.ID()] = e.Label
	}
	if len(seen) != 16 {
		t.Fatalf("%d entries", len(seen))
	}
}

func TestFoldingAnAccountOrItsFolder(t *testing.T) {
	home := find(t, Build(withAccounts(), nil), Account, "home")
	g, ok := home.Group()
	if !ok || g != (Group{Account: "home"}) || !home.Heads() {
		t.Fatalf("the account row heads %+v (%v)", g, ok)
	}
	got := layout(Build(withAccounts(), map[Group]bool{g: true}))
	if strings.Contains(got, "Home") || !strings.Contains(got, "account home 56\naccount work 4\n") {
		t.Fatalf("a folded account hides its rows and keeps its count:\n%s", got)
	}
	// A loose feed of the account folds the account; a feed in its folder,
	// the folder; byline's own folder is folded apart from the account's.
	entries := Build(withAccounts(), nil)
	if g, _ := find(t, entries, Feed, "Home Loose").Group(); g != (Group{Account: "home"}) {
		t.Fatalf("loose feed's group %+v", g)
	}
	if g, _ := find(t, entries, Feed, "Home News").Group(); g != (Group{Account: "home", Folder: "news"}) {
		t.Fatalf("folder feed's group %+v", g)
	}
	got = layout(Build(withAccounts(), map[Group]bool{{Account: "home", Folder: "news"}: true}))
	if strings.Contains(got, "Home News") || !strings.Contains(got, "feed Own News") {
		t.Fatalf("only the account's folder folds:\n%s", got)
	}
	if _, ok := find(t, entries, Feed, "Own Loose").Group(); ok {
		t.Fatal("byline's own loose feed folds nothing")
	}
	if _, ok := entries[0].Group(); ok {
		t.Fatal("a view folds nothing")
	}
}

func TestStarredCountsEveryFeedsStars(t *testing.T) {
	feeds := []model.Feed{
		{ID: 1, Title: "A", Starred: 2, Unread: 1},
		{ID: 2, Title: "B", Account: "home", Starred: 3},
	}
	e := Build(feeds, map[Group]bool{})[2]
	if e.Kind != Starred || e.Starred != 5 || e.Unread != 0 {
		t.Errorf("the Starred row: %+v", e)
	}
}

// Saved queries come after the views, in the order given, each showing
// its expression's articles; they fold nothing and keep their row's id
// by name.
func TestSavedQueriesFollowTheViews(t *testing.T) {
	bad := fmt.Errorf(`query "broken": column 1: unknown field`)
	entries := Build(withAccounts()[:2], map[Group]bool{},
		SavedQuery{Name: "long-reads", Filter: "age < 3", Unread: 4},
		SavedQuery{Name: "broken", Filter: "titel = x", Err: bad, Unread: -1})
	var got []string
	for _, e := range entries {
		got = append(got, e.Label)
	}
	if want := "All articles,Unread,Starred,long-reads,broken,Own Loose,News,Own News"; strings.Join(got, ",") != want {
		t.Fatalf("rows %v\nwant %s", got, want)
	}
	q := entries[3]
	if q.Kind != Query || q.Unread != 4 || q.Query() != (model.ArticleQuery{Filter: "age < 3"}) || q.Title() != "query long-reads" {
		t.Fatalf("query row %+v", q)
	}
	if _, folds := q.Group(); folds || q.Heads() {
		t.Fatal("a query folds nothing")
	}
	if entries[4].QueryErr != bad || entries[4].ID() == q.ID() {
		t.Fatalf("broken row %+v", entries[4])
	}
	again := Build(nil, nil, SavedQuery{Name: "long-reads", Filter: "age < 5"})
	if again[3].ID() != q.ID() {
		t.Fatal("a query's id is its name")
	}
}
