package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui/feedtree"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/panes"
	"github.com/byline-reader/byline/ui/service"
)

// The feed form's keys and answers (the form itself is panes.FeedForm):
// e on a feed in the feeds pane opens it over the body; tab and shift+tab
// move between fields, enter saves in a command, esc cancels. Every other
// key is typed into the field.

// openFeedForm opens the form of the feed under the feeds pane's cursor.
func (a App) openFeedForm() (tea.Model, tea.Cmd) {
	e, ok := a.feeds.Current()
	if !ok || e.Kind != feedtree.Feed {
		return a, a.setStatus("e edits a feed's settings: put the cursor on a feed", true)
	}
	var cmd tea.Cmd
	a.form, cmd = panes.NewFeedForm(e.Feed, a.cfg.Retention.KeepDays)
	a.overlay = overlayFeedForm
	return a, cmd
}

func (a App) handleFeedFormKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.keyMap()
	switch {
	case k.Matches(msg, keys.Close):
		a.overlay = overlayNone
		return a, nil
	case k.Matches(msg, keys.NextField):
		return a, a.form.Next()
	case k.Matches(msg, keys.PrevField):
		return a, a.form.Prev()
	case k.Matches(msg, keys.Save):
		if a.form.Saving() {
			return a, nil
		}
		a.form.SetSaving(true)
		return a, service.EditFeed(a.ctx, a.lib, a.form.FeedID(), a.form.Values())
	}
	return a, a.form.Edit(msg)
}

// handleFormInput gives the form what is not a key press: a paste, the
// cursor's blink.
func (a App) handleFormInput(msg tea.Msg) (tea.Model, tea.Cmd) {
	return a, a.form.Edit(msg)
}

// handleFeedEdited closes the form on a save, or shows in it why not (the
// form of another feed, or none, takes the answer in the status line).
func (a App) handleFeedEdited(msg service.FeedEditedMsg) (tea.Model, tea.Cmd) {
	open := a.overlay == overlayFeedForm && a.form.FeedID() == msg.FeedID
	if msg.Err != nil {
		if open {
			return a, a.form.SetError(msg.Err)
		}
		return a, a.setStatus("feed settings not saved: "+msg.Err.Error(), true)
	}
	if open {
		a.overlay = overlayNone
	}
	return a, tea.Batch(a.setStatus("saved the settings of "+msg.Feed.DisplayTitle(), false), a.reloadFeeds())
}
