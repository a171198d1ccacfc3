package panes

import (
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/ui/theme"
)

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
	if h := ansi.Strip(c.Help(s, 80)); h != "y: remove · n/esc: keep" {
		t.Errorf("Help = %q", h)
	}
	if act, _ := c.Answer(press("enter")); act != None || !c.Asking() {
		t.Error("enter removed a feed")
	}
	if act, about := c.Answer(press("n")); act != Close || about != RemoveFeed {
		t.Errorf("n = %v, %v", act, about)
	}
}
