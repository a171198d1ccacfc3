package panes

import (
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/feedset"
	"github.com/byline-reader/byline/ui/theme"
)

func newForm(t *testing.T, f model.Feed, keepDays int) FeedForm {
	t.Helper()
	p, _ := NewFeedForm(f, keepDays)
	return p
}

func typeInto(p *FeedForm, s string) {
	for _, r := range s {
		p.Edit(press(string(r)))
	}
}

func TestFeedFormFieldsAndValues(t *testing.T) {
	f := model.Feed{ID: 7, Title: "Own", URL: "https://a.example/feed", Folder: "News", Tags: []string{"daily"},
		Settings: model.FeedSettings{KeepItems: 40}}
	p := newForm(t, f, 0)
	if p.FeedID() != 7 || p.Focused() != "title" {
		t.Fatalf("id %d, focus %s", p.FeedID(), p.Focused())
	}
	want := feedset.FeedValues(f)
	for i, v := range p.Values() {
		if v != want[i] {
			t.Errorf("field %d starts as %v, want %v", i, v, want[i])
		}
	}
	typeInto(&p, "Mine")
	p.Prev()
	if p.Focused() != "keep_items" {
		t.Errorf("prev from the first: %s", p.Focused())
	}
	p.Next()
	p.Next()
	typeInto(&p, "x")
	if v := p.Values(); v[0].Value != "Mine" || v[1].Value != "Newsx" {
		t.Errorf("typed: %v", v)
	}
}

func TestFeedFormErrorFocusesItsField(t *testing.T) {
	p := newForm(t, model.Feed{ID: 1}, 30)
	typeInto(&p, "T")
	p.SetSaving(true)
	p.SetError(&feedset.SettingError{Key: "keep_items", Value: "x", Allowed: "a number"})
	if p.Saving() || p.Focused() != "keep_items" || !strings.Contains(p.Err(), "keep_items") {
		t.Fatalf("saving %v, focus %s, err %q", p.Saving(), p.Focused(), p.Err())
	}
	p.Next()
	typeInto(&p, "2")
	if p.Err() == "" {
		t.Error("editing another field keeps the error")
	}
	p.Prev()
	typeInto(&p, "5")
	if p.Err() != "" {
		t.Error("editing the refused field clears it")
	}
	p.SetError(errors.New("database is locked"))
	if p.Focused() != "keep_items" || p.Err() != "database is locked" {
		t.Errorf("another error stays where the focus is: %s %q", p.Focused(), p.Err())
	}
	if v := p.Values(); v[0].Value != "T2" || v[7].Value != "5" {
		t.Errorf("nothing lost: %v", v)
	}
}

func TestFeedFormDrawsDefaultsAndFits(t *testing.T) {
	f := model.Feed{ID: 1, Title: "Own \x1b[31mred", URL: "https://a.example/feed", Account: "mf"}
	p := newForm(t, f, 30)
	s := ansi.Strip(p.View(theme.New(true), 40, 12))
	for _, want := range []string{"Feed settings · Own red", "account mf", "(none)", "(byline's own)", "(all)"} {
		if !strings.Contains(s, want) {
			t.Errorf("lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "\x1b") || strings.Contains(s, "the default") {
		t.Errorf("escapes, or a [retention] default for an account's feed:\n%s", s)
	}
	for _, line := range strings.Split(s, "\n") {
		if ansi.StringWidth(line) > 40 {
			t.Errorf("line wider than 40: %q", line)
		}
	}
	own := newForm(t, model.Feed{ID: 2, Title: "Own"}, 30)
	if s := ansi.Strip(own.View(theme.New(true), 80, 20)); !strings.Contains(s, "(30 days: the default)") {
		t.Errorf("keep days' default:\n%s", s)
	}
}
