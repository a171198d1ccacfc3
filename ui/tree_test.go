package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/feedtree"
)

// withTree gives the fake byline's own feeds in nested folders, with
// tags: World Wire (no folder; #daily), Harbor Gazette (News/Local;
// #daily, #town), Continental Post (News/World/Europe), Pacific Ledger
// (News/World/Asia; #Daily) and Broken Feed (Tech). The articles go round
// the first four.
func withTree(lib *fakeLibrary) *fakeLibrary {
	lib.feeds = []model.Feed{
		{ID: 1, Title: "Harbor Gazette", URL: "https://harbor.example/feed", Folder: "News/Local",
			Tags: []string{"daily", "town"}, Unread: 10},
		{ID: 2, Title: "World Wire", URL: "https://wire.example/rss", Tags: []string{"daily"}, Unread: 11},
		{ID: 3, Title: "Continental Post", URL: "https://post.example/rss", Folder: "News/World/Europe", Unread: 12},
		{ID: 4, Title: "Pacific Ledger", URL: "https://ledger.example/rss", Folder: "News/World/Asia",
			Tags: []string{"Daily"}, Unread: 13},
		{ID: 5, Title: "Broken Feed", URL: "https://broken.example/rss", Folder: "Tech", LastError: "HTTP 404 Not Found"},
	}
	titles := []string{"Harbor Gazette", "World Wire", "Continental Post", "Pacific Ledger"}
	lib.edit = func(a *model.Article) {
		i := (a.ID - 1) % 4
		a.FeedID, a.FeedTitle = i+1, titles[i]
	}
	return lib
}

// treeRows are the rows withTree lays out, in order.
var treeRows = []string{"All articles", "Unread", "Starred", "#daily", "#town", "World Wire", "News", "Local",
	"Harbor Gazette", "World", "Asia", "Pacific Ledger", "Europe", "Continental Post", "Tech", "Broken Feed"}

// onRow moves the feeds pane's cursor down from the top to the row labelled
// label.
func onRow(t *testing.T, h *harness, label string) {
	t.Helper()
	h.send(press("g"))
	for range indexOf(t, label) {
		h.send(press("j"))
	}
	if e, _ := h.app().feeds.Current(); e.Label != label {
		t.Fatalf("on %q, not %q", e.Label, label)
	}
}

func indexOf(t *testing.T, label string) int {
	for i, l := range treeRows {
		if l == label {
			return i
		}
	}
	t.Fatalf("no row %q", label)
	return 0
}

func TestFolderTreeRows(t *testing.T) {
	h := newHarness(t, withTree(newFake(40)), 120, 30).send(press("tab"))
	var got []string
	for i := 0; ; i++ {
		e, ok := h.app().feeds.Entry(i)
		if !ok {
			break
		}
		got = append(got, e.Label)
	}
	if strings.Join(got, ",") != strings.Join(treeRows, ",") {
		t.Fatalf("rows %v\nwant %v", got, treeRows)
	}
}

// TestNestedFolderShowsItsSubtree: a folder inside a folder shows the
// articles of every feed under it, asked by its whole path and named by it;
// r refreshes those feeds; space folds everything inside it.
func TestNestedFolderShowsItsSubtree(t *testing.T) {
	lib := withTree(newFake(40))
	h := newHarness(t, lib, 120, 30).send(press("tab"))
	onRow(t, h, "World")
	if q := lib.lastQuery(); q.Folder != "News/World" || q.Account != "" || q.Tag != "" {
		t.Fatalf("the folder asked %+v", q)
	}
	s := h.screen()
	if !strings.Contains(s, "byline · folder News › World") || !regexp.MustCompile(`▾ World +25│`).MatchString(s) ||
		!inList(s, "Pacific Ledger") || !inList(s, "Continental Post") || inList(s, "Harbor Gazette") {
		t.Fatalf("the folder's subtree, named by its path:\n%s", s)
	}
	a := h.app()
	if ids := a.focusedFeedID(); fmt.Sprint(ids) != "[3 4]" {
		t.Fatalf("r on the folder refreshes %v", ids)
	}
	h.send(press("space"))
	if s := h.screen(); !strings.Contains(s, "▸ World") || strings.Contains(s, "Asia") || regexp.MustCompile(`(?m)^ +Continental Post +\d*│`).MatchString(s) ||
		!regexp.MustCompile(`(?m)^ +▾ Local`).MatchString(s) || !strings.Contains(s, "Tech") {
		t.Fatalf("folding World hides what is inside it, and only that:\n%s", s)
	}
	if !h.app().feeds.Folded(feedtree.Group{Folder: "news/world"}) {
		t.Fatal("World's group is its path's key")
	}
}

// TestTagRowsFilterByTag: a tag's row shows the articles of the feeds
// with the tag; A asks about them by the tag's name; r refreshes them; e
// and d, which act on a feed, say so.
func TestTagRowsFilterByTag(t *testing.T) {
	lib := withTree(newFake(40))
	h := newHarness(t, unreadLibrary{lib}, 120, 30).send(press("tab"))
	onRow(t, h, "#daily")
	if q := lib.lastQuery(); q != (model.ArticleQuery{Tag: "daily", Limit: q.Limit}) {
		t.Fatalf("the tag asked %+v", q)
	}
	s := h.screen()
	if !strings.Contains(s, "byline · #daily") || !regexp.MustCompile(`#daily +34│`).MatchString(s) ||
		!inList(s, "Pacific Ledger") || inList(s, "Continental Post") {
		t.Fatalf("the tag's articles:\n%s", s)
	}
	a := h.app()
	if ids := a.focusedFeedID(); fmt.Sprint(ids) != "[1 2 4]" {
		t.Fatalf("r on the tag refreshes %v", ids)
	}
	h.send(press("e"))
	if a := h.app(); a.overlay != overlayNone || !strings.Contains(a.status, "put the cursor on a feed") {
		t.Fatalf("e on a tag: overlay %d, status %q", a.overlay, a.status)
	}
	h.send(press("d"))
	if a := h.app(); a.confirm.Asking() || !strings.Contains(a.status, "removes a feed") {
		t.Fatalf("d on a tag: status %q", a.status)
	}
	h.send(press("A"))
	if s := h.screen(); !regexp.MustCompile(`Mark \d+ articles read in #daily\? y/n`).MatchString(s) {
		t.Fatalf("A on a tag:\n%s", s)
	}
}

// TestGoldenTreeFrame keeps the feeds pane with tags and folders three
// deep at 80 columns, the cursor on a folder two deep.
func TestGoldenTreeFrame(t *testing.T) {
	h := newHarness(t, withTree(newFake(200)), 80, 24).send(press("tab"))
	onRow(t, h, "Europe")
	golden(t, "tree_80x24", h.screen())
}

// BenchmarkFeedsPaneKeys is a key in the feeds pane over 500 feeds in
// three levels of folders with ten tags: j and k move (the list is asked
// for another folder or feed), space folds and unfolds (the rows are laid
// out again, as at every reload of the feeds); Update and View.
func BenchmarkFeedsPaneKeys(b *testing.B) {
	lib := newFake(10_000)
	lib.feeds = make([]model.Feed, 500)
	for i := range lib.feeds {
		lib.feeds[i] = model.Feed{ID: int64(i + 1), Title: fmt.Sprintf("Feed %d", i), Unread: i % 7,
			URL:    fmt.Sprintf("https://feed%d.example/rss", i),
			Folder: fmt.Sprintf("Top %d/Middle %d/Leaf %d", i%5, i/5%4, i/20%5), Tags: []string{fmt.Sprintf("tag%d", i%10)}}
	}
	h := newHarness(b, lib, 120, 40).send(press("tab"))
	for range 30 {
		h.send(press("j"))
	}
	benchKeys(b, h, press("j"), press("space"), press("space"), press("k"))
}
