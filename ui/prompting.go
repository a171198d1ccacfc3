package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/service"
	"github.com/byline-reader/byline/ui/theme"
)

var (
	promptCancel = key.NewBinding(key.WithKeys("esc"))
	promptAccept = key.NewBinding(key.WithKeys("enter"))
)

func (a App) handlePromptKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	mode := a.prompt.mode
	if mode == promptRemoveFeed {
		return a.answerRemove(msg)
	}
	switch {
	case key.Matches(msg, promptCancel):
		a.prompt.close()
		if mode == promptFilter {
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
	if a.prompt.mode == promptNone {
		return a, nil
	}
	cmd, edited := a.prompt.update(msg)
	if a.prompt.mode == promptFilter && edited {
		cmd = tea.Batch(cmd, a.editFilter(a.prompt.value()))
	}
	return a, cmd
}

func (a App) acceptPrompt() (tea.Model, tea.Cmd) {
	mode, value := a.prompt.mode, a.prompt.value()
	if err := a.list.FilterErr(); mode == promptFilter && err != nil { // the line stays, to mend it
		return a, a.setStatus(err.Error(), true)
	}
	a.prompt.close()
	switch mode {
	case promptFilter:
		return a, a.applyFilter()
	case promptSearch:
		if value == "" {
			return a, nil
		}
		a.findSeq++
		return a, tea.Batch(service.Search(a.ctx, a.lib, a.findSeq, value, searchLimit), a.setStatus("searching…", false))
	case promptMastodon:
		return a.acceptMastodon(value)
	case promptFind:
		return a.startFind(value)
	case promptAddFeed:
		return a.addFeed(value)
	}
	return a, nil
}

// promptMode is what the line being typed is for.
type promptMode int

const (
	promptNone promptMode = iota
	promptFilter
	promptSearch
	promptFind
	promptMastodon
	promptAddFeed
	promptRemoveFeed // a question answered y or n, not a line
)

// prompt is the one-line input at the bottom of the screen.
type prompt struct {
	mode     promptMode
	input    textinput.Model
	question string // what promptRemoveFeed asks
}

func newPrompt() prompt {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 200
	return prompt{input: in}
}

func (p *prompt) open(mode promptMode, value string) tea.Cmd {
	p.mode = mode
	p.input.SetValue(value)
	p.input.CursorEnd()
	return p.input.Focus()
}

// update edits the line; it says whether the text changed.
func (p *prompt) update(msg tea.Msg) (cmd tea.Cmd, edited bool) {
	before := p.input.Value()
	p.input, cmd = p.input.Update(msg)
	return cmd, p.input.Value() != before
}

func (p prompt) value() string { return p.input.Value() }

func (p *prompt) close() {
	p.mode = promptNone
	p.input.Blur()
}

func (p prompt) label() string {
	switch p.mode {
	case promptFilter:
		return "filter: "
	case promptSearch:
		return "search text: "
	case promptFind:
		return "find: "
	case promptMastodon:
		return "your Mastodon server (e.g. mastodon.social): "
	case promptAddFeed:
		return "add a feed (its URL, or a site's): "
	}
	return ""
}

func (p prompt) view(s theme.Styles, width int) string {
	if p.mode == promptRemoveFeed { // the question holds a feed's title
		return cells.Cut(s.Prompt.Render(clean(p.question)+" y/n"), width)
	}
	label := p.label()
	p.input.SetWidth(max(1, width-len(label)-1))
	return cells.Cut(s.Prompt.Render(label)+p.input.View(), width)
}
