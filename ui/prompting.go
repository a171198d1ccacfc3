package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui/panes"
	"github.com/byline-reader/byline/ui/service"
)

// What the prompt's line (panes.Prompt) does: the filter follows every
// edit; enter does what its mode is for, esc closes it.

var (
	promptCancel = key.NewBinding(key.WithKeys("esc"))
	promptAccept = key.NewBinding(key.WithKeys("enter"))
)

func (a App) handlePromptKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	mode := a.prompt.Mode()
	switch {
	case key.Matches(msg, promptCancel):
		a.prompt.Close()
		if mode == panes.PromptFilter {
			return a, a.clearFilter()
		}
		return a, nil
	case key.Matches(msg, promptAccept):
		return a.acceptPrompt()
	}
	return a.handlePromptInput(msg)
}

// handlePromptInput edits the line; the filter follows every change.
func (a App) handlePromptInput(msg tea.Msg) (tea.Model, tea.Cmd) {
	if a.prompt.Mode() == panes.PromptNone {
		return a, nil
	}
	cmd, edited := a.prompt.Update(msg)
	if a.prompt.Mode() == panes.PromptFilter && edited {
		cmd = tea.Batch(cmd, a.editFilter(a.prompt.Value()))
	}
	return a, cmd
}

func (a App) acceptPrompt() (tea.Model, tea.Cmd) {
	mode, value := a.prompt.Mode(), a.prompt.Value()
	if err := a.list.FilterErr(); mode == panes.PromptFilter && err != nil { // the line stays, to mend it
		return a, a.setStatus(err.Error(), true)
	}
	a.prompt.Close()
	switch mode {
	case panes.PromptFilter:
		return a, a.applyFilter()
	case panes.PromptSearch:
		if value == "" {
			return a, nil
		}
		a.findSeq++
		return a, tea.Batch(service.Search(a.ctx, a.lib, a.findSeq, value, searchLimit), a.setStatus("searching…", false))
	case panes.PromptMastodon:
		return a.acceptMastodon(value)
	case panes.PromptFind:
		return a.startFind(value)
	case panes.PromptAddFeed:
		return a.addFeed(value)
	}
	return a, nil
}
