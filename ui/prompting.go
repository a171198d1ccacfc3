package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

var (
	promptCancel = key.NewBinding(key.WithKeys("esc"))
	promptAccept = key.NewBinding(key.WithKeys("enter"))
)

// beginFilter opens the filter line and loads the newest headlines of the
// list's query for it to search in.
func (a App) beginFilter() (tea.Model, tea.Cmd) {
	value := ""
	if a.list.res != nil && !a.list.res.search {
		value = a.list.res.query
	}
	cmd := a.prompt.open(promptFilter, value)
	if a.list.res != nil && !a.list.res.search {
		return a, cmd
	}
	return a, tea.Batch(cmd, loadPool(a.ctx, a.lib, a.list.query, a.list.gen))
}

func (a App) handlePromptKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	mode := a.prompt.mode
	switch {
	case key.Matches(msg, promptCancel):
		a.prompt.close()
		if mode == promptFilter {
			a.list.res = nil
			a.list.clamp(a.bodyHeight())
			return a, a.ensureWindow()
		}
		return a, nil
	case key.Matches(msg, promptAccept):
		return a.acceptPrompt()
	}
	return a.handlePromptInput(msg)
}

// handlePromptInput edits the line; the filter follows every change.
func (a App) handlePromptInput(msg tea.Msg) (tea.Model, tea.Cmd) {
	if a.prompt.mode == promptNone {
		return a, nil
	}
	before := a.prompt.input.Value()
	var cmd tea.Cmd
	a.prompt.input, cmd = a.prompt.input.Update(msg)
	if a.prompt.mode == promptFilter && a.list.res != nil && a.prompt.input.Value() != before {
		a.list.res.filter(a.prompt.input.Value())
		a.list.cursor, a.list.offset = 0, 0
	}
	return a, cmd
}

func (a App) acceptPrompt() (tea.Model, tea.Cmd) {
	mode, value := a.prompt.mode, a.prompt.input.Value()
	a.prompt.close()
	switch mode {
	case promptFilter:
		if a.list.res != nil && len(a.list.res.query) == 0 {
			a.list.res = nil
			return a, a.ensureWindow()
		}
	case promptSearch:
		if value == "" {
			return a, nil
		}
		a.findSeq++
		return a, tea.Batch(runSearch(a.ctx, a.lib, a.findSeq, value), a.setStatus("searching…", false))
	case promptMastodon:
		return a.acceptMastodon(value)
	case promptFind:
		if !a.reader.find(value, a.bodyHeight()) {
			return a, a.setStatus(fmt.Sprintf("not found: %q", a.reader.findTerm), true)
		}
	}
	return a, nil
}

func (a App) handlePool(msg poolMsg) (tea.Model, tea.Cmd) {
	if msg.gen != a.list.gen || a.prompt.mode != promptFilter {
		return a, nil
	}
	if msg.err != nil {
		return a, a.setStatus(msg.err.Error(), true)
	}
	a.list.res = newFilterSet(msg.articles)
	a.list.res.filter(a.prompt.input.Value())
	a.list.cursor, a.list.offset = 0, 0
	return a, nil
}

func (a App) handleSearch(msg searchMsg) (tea.Model, tea.Cmd) {
	if msg.seq != a.findSeq {
		return a, nil
	}
	if msg.err != nil {
		return a, a.setStatus(msg.err.Error(), true)
	}
	a.list.res = newSearchSet(msg.query, msg.articles)
	a.list.cursor, a.list.offset = 0, 0
	a.screen, a.feedsFocused = screenList, false
	n := len(msg.articles)
	return a, a.setStatus(fmt.Sprintf("%d %s for %q", n, plural(n, "result", "results"), msg.query), false)
}
