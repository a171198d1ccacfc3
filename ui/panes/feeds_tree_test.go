package panes

import (
	"testing"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/feedtree"
	"github.com/byline-reader/byline/ui/keys"
)

// TestSelectFeedUnfoldsEveryFolderAroundIt: a feed deep in folded folders
// (and a folded account) is shown, the cursor on it.
func TestSelectFeedUnfoldsEveryFolderAroundIt(t *testing.T) {
	set, _ := keys.New(nil)
	p := NewFeeds(set.On(keys.Feeds))
	p.SetFeeds([]model.Feed{
		{ID: 1, Title: "Deep", Folder: "News/World/Europe"},
		{ID: 2, Title: "Synced", Folder: "News/World", Account: "home"},
		{ID: 3, Title: "Other", Folder: "Tech"},
	})
	folded := []feedtree.Group{{Folder: "news"}, {Folder: "news/world"}, {Folder: "news/world/europe"}, {Folder: "tech"},
		{Account: "home"}, {Account: "home", Folder: "news"}, {Account: "home", Folder: "news/world"}}
	for _, g := range folded {
		p.collapsed[g] = true
	}
	p.rebuild()
	for _, id := range []int64{1, 2} {
		if !p.SelectFeed(id, 10) {
			t.Fatalf("feed %d not found", id)
		}
		if e, _ := p.Current(); e.Kind != feedtree.Feed || e.Feed.ID != id {
			t.Fatalf("the cursor is on %+v, not feed %d", e, id)
		}
	}
	for _, g := range folded {
		if want := g == (feedtree.Group{Folder: "tech"}); p.Folded(g) != want {
			t.Errorf("%+v folded: %v", g, p.Folded(g))
		}
	}
	if p.SelectFeed(9, 10) {
		t.Error("a feed that is not there is selected")
	}
}
