package panes

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/theme"
)

func TestFeedsPaneCountsStars(t *testing.T) {
	set, _ := keys.New(nil)
	p := NewFeeds(set.On(keys.Feeds))
	p.SetFeeds([]model.Feed{{ID: 1, Title: "One", Starred: 2}, {ID: 2, Title: "Two"}})
	p.AdjustStarred(2, 1)
	p.AdjustStarred(1, -1)
	s := theme.New(true)
	rows := strings.Split(ansi.Strip(p.View(s, 20, 5, true)), "\n")
	if len(rows) < 3 || !strings.HasPrefix(rows[2], "  Starred") || !strings.HasSuffix(rows[2], " 2") {
		t.Errorf("the Starred row shows its count: %q", rows)
	}
}

func TestConfirmReadAsksThenAnswers(t *testing.T) {
	var c ConfirmRead
	old := c.Ask(model.ArticleQuery{FeedID: 1}, "One")
	seq := c.Ask(model.ArticleQuery{Tag: "tech"}, "folder Tech")
	if _, ok := c.Counted(old, 5, nil); ok || c.Asking() {
		t.Fatal("an older count was taken")
	}
	if where, ok := c.Counted(seq, 3, nil); !ok || where != "folder Tech" || !c.Asking() {
		t.Fatalf("Counted = %q, %v", where, ok)
	}
	s := theme.New(true)
	if v := ansi.Strip(c.View(s, 80)); v != "Mark 3 articles read in folder Tech? y/n" {
		t.Errorf("View = %q", v)
	}
	if act, _, _ := c.Answer(press("j")); act != None || !c.Asking() {
		t.Error("another key ended the question")
	}
	if act, q, where := c.Answer(press("y")); act != Open || q.Tag != "tech" || where != "folder Tech" || c.Asking() {
		t.Errorf("y = %v, %+v, %q", act, q, where)
	}
	seq = c.Ask(model.ArticleQuery{}, "All articles")
	if where, ok := c.Counted(seq, 0, nil); !ok || where != "All articles" || c.Asking() {
		t.Errorf("nothing unread: %q, %v, asking %v", where, ok, c.Asking())
	}
	seq = c.Ask(model.ArticleQuery{}, "All articles")
	c.Counted(seq, 1, nil)
	if act, _, _ := c.Answer(press("esc")); act != Close || c.Asking() {
		t.Errorf("esc = %v", act)
	}
}
