package feedtree

import (
	"fmt"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
)

// nested: byline's own feeds three folders deep, spelled in two cases,
// with tags, and an account with a tree of its own.
func nested() []model.Feed {
	return []model.Feed{
		{ID: 1, Title: "Loose", Unread: 1},
		{ID: 2, Title: "Wire", Folder: "News/World/Europe", Tags: []string{"daily", "Daily "}, Unread: 2},
		{ID: 3, Title: "Globe", Folder: "news/world", Tags: []string{"daily"}, Unread: 4},
		{ID: 4, Title: "Local", Folder: "News", Tags: []string{"town"}, Unread: 8},
		{ID: 5, Title: "Asia Today", Folder: "News/World/Asia", Unread: 16},
		{ID: 6, Title: "Bits", Folder: "Tech", Tags: []string{"Daily"}, Unread: 32},
		{ID: 7, Title: "Synced", Folder: "News/World", Account: "home", Tags: []string{"town"}, Unread: 64},
	}
}

func TestFoldersMakeATree(t *testing.T) {
	got := layout(Build(nested(), nil))
	want := `view All articles 127
view Unread 127
view Starred 0
tag #daily 38
tag #town 72
feed Loose 1
folder News 30
  folder World 22
    folder Asia 16
      feed Asia Today 16
    folder Europe 2
      feed Wire 2
    feed Globe 4
  feed Local 8
folder Tech 32
  feed Bits 32
account home 64
  folder News 64
    folder World 64
      feed Synced 64
`
	if got != want {
		t.Fatalf("layout:\n%s\nwant:\n%s", got, want)
	}
}

func TestEachFeedAppearsOnce(t *testing.T) {
	seen := map[int64]int{}
	for _, e := range Build(nested(), nil) {
		if e.Kind == Feed {
			seen[e.Feed.ID]++
		}
	}
	for _, f := range nested() {
		if seen[f.ID] != 1 {
			t.Errorf("%s appears %d times", f.Title, seen[f.ID])
		}
	}
}

func TestNestedFolderRows(t *testing.T) {
	entries := Build(nested(), nil)
	europe := find(t, entries, Folder, "Europe")
	if europe.Folder != "news/world/europe" || europe.Query() != (model.ArticleQuery{Account: model.LocalFeeds, Folder: "News/World/Europe"}) ||
		europe.Title() != "folder News › World › Europe" {
		t.Fatalf("Europe: key %q, query %+v, title %q", europe.Folder, europe.Query(), europe.Title())
	}
	world := find(t, entries, Folder, "World")
	if world.Account != "" || world.Title() != "folder News › World" || world.Query().Folder != "News/World" {
		t.Fatalf("byline's own World comes first: %+v %q", world.Query(), world.Title())
	}
	if g, ok := find(t, entries, Feed, "Globe").Group(); !ok || g != (Group{Folder: "news/world"}) {
		t.Fatalf("a feed folds its own folder: %+v", g)
	}
	var home Entry
	for _, e := range entries {
		if e.Kind == Folder && e.Account == "home" && e.Label == "World" {
			home = e
		}
	}
	if home.Title() != "home › folder News › World" || home.Query() != (model.ArticleQuery{Account: "home", Folder: "News/World"}) {
		t.Fatalf("the account's World: %+v %q", home.Query(), home.Title())
	}
	// What the folder holds is what its query asks for: itself and the
	// folders inside it, in its own place.
	var held []string
	for _, f := range nested() {
		if world.Holds(f) {
			held = append(held, f.Title)
		}
	}
	if strings.Join(held, ",") != "Wire,Globe,Asia Today" {
		t.Fatalf("World holds %v", held)
	}
	if find(t, entries, Folder, "News").Holds(model.Feed{Folder: "Newsletters"}) {
		t.Fatal("News holds Newsletters")
	}
}

func TestFoldingAFolderHidesItsSubtree(t *testing.T) {
	got := layout(Build(nested(), map[Group]bool{{Folder: "news/world"}: true}))
	if strings.Contains(got, "Asia") || strings.Contains(got, "Europe") || strings.Contains(got, "Globe") {
		t.Fatalf("a folded folder shows what is inside it:\n%s", got)
	}
	if !strings.Contains(got, "  folder World 22\n  feed Local 8\n") || !strings.Contains(got, "      feed Synced 64") {
		t.Fatalf("a folded folder keeps its row and count, and folds only itself:\n%s", got)
	}
	got = layout(Build(nested(), map[Group]bool{{Folder: "news"}: true}))
	if !strings.Contains(got, "folder News 30\nfolder Tech 32\n") {
		t.Fatalf("folding the outer folder:\n%s", got)
	}
}

func TestTagRows(t *testing.T) {
	entries := Build(nested(), nil)
	daily := find(t, entries, Tag, "#daily")
	if daily.Query() != (model.ArticleQuery{Tag: "daily"}) || daily.Title() != "#daily" || daily.Depth != 0 {
		t.Fatalf("daily: %+v %q", daily.Query(), daily.Title())
	}
	if _, folds := daily.Group(); folds || daily.Heads() {
		t.Fatal("a tag folds nothing")
	}
	town := find(t, entries, Tag, "#town")
	if town.ID() == daily.ID() || town.ID() == find(t, entries, Folder, "News").ID() {
		t.Fatal("tags' ids")
	}
	var held []string
	for _, f := range nested() {
		if town.Holds(f) {
			held = append(held, f.Title)
		}
	}
	if strings.Join(held, ",") != "Local,Synced" {
		t.Fatalf("#town holds %v", held)
	}
	if n := len(Build([]model.Feed{{ID: 1, Tags: []string{" ", ""}}}, nil)); n != 4 {
		t.Fatalf("blank tags make rows: %d", n)
	}
}

func TestGroupsOfAFeed(t *testing.T) {
	got := Groups(model.Feed{Account: "home", Folder: "News / World/Europe"})
	want := []Group{{Account: "home"}, {Account: "home", Folder: "news"}, {Account: "home", Folder: "news/world"},
		{Account: "home", Folder: "news/world/europe"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("groups %v\nwant %v", got, want)
	}
	if FolderKey(" News / World ") != "news/world" {
		t.Fatalf("key %q", FolderKey(" News / World "))
	}
	if len(Groups(model.Feed{})) != 0 {
		t.Fatal("a loose feed of byline's own is in no group")
	}
}

// manyFeeds is n feeds in three levels of folders (five, each with four,
// each with five), each with a tag of ten.
func manyFeeds(n int) []model.Feed {
	feeds := make([]model.Feed, n)
	for i := range feeds {
		feeds[i] = model.Feed{ID: int64(i + 1), Title: fmt.Sprintf("Feed %d", i), Unread: i % 7,
			Folder: fmt.Sprintf("Top %d/Middle %d/Leaf %d", i%5, i/5%4, i/20%5), Tags: []string{fmt.Sprintf("tag%d", i%10)}}
	}
	return feeds
}

func BenchmarkBuild500(b *testing.B) {
	feeds := manyFeeds(500)
	collapsed := map[Group]bool{{Folder: "top 1"}: true}
	b.ReportAllocs()
	for b.Loop() {
		Build(feeds, collapsed)
	}
}
