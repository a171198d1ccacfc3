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

func TestConfirmAsksThenAnswers(t *testing.T) {
	var c Confirm
	if c.Asking() {
		t.Fatal("a question asked before Ask")
	}
	c.Ask(MarkRead, "Mark 3 articles read in folder Tech?")
	s := theme.New(true)
	if v := ansi.Strip(c.View(s, 80)); v != "Mark 3 articles read in folder Tech? y/n" {
		t.Errorf("View = %q", v)
	}
	if h := ansi.Strip(c.Help(s, 80)); h != "y/enter: yes · n/esc: no" {
		t.Errorf("Help = %q", h)
	}
	if act, _ := c.Answer(press("j")); act != None || !c.Asking() {
		t.Error("another key ended the question")
	}
	if act, about := c.Answer(press("y")); act != Open || about != MarkRead || c.Asking() {
		t.Errorf("y = %v, %v", act, about)
	}
	c.Ask(MarkRead, "Mark 1 article read in All articles?")
	if act, _ := c.Answer(press("esc")); act != Close || c.Asking() {
		t.Errorf("esc = %v", act)
	}
	c.Ask(RemoveFeed, "Remove One and its 5 articles?")
	if h := ansi.Strip(c.Help(s, 80)); h != "y: remove · n or esc: keep" {
		t.Errorf("Help = %q", h)
	}
	if act, _ := c.Answer(press("enter")); act != None || !c.Asking() {
		t.Error("enter removed a feed")
	}
	if act, about := c.Answer(press("n")); act != Close || about != RemoveFeed {
		t.Errorf("n = %v, %v", act, about)
	}
}
