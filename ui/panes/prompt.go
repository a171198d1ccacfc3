package panes

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/theme"
)

// PromptMode is what the line being typed is for.
type PromptMode int

// The prompt's modes; what each does with the line on enter is the app's.
const (
	PromptNone PromptMode = iota
	PromptFilter
	PromptSearch
	PromptFind
	PromptMastodon
	PromptAddFeed
)

// Prompt is the one-line input in the status line: its mode, which
// labels it, and the text typed.
type Prompt struct {
	mode  PromptMode
	input textinput.Model
}

// NewPrompt makes the prompt, closed.
func NewPrompt() Prompt {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 200
	return Prompt{input: in}
}

// Mode is what the line is for; PromptNone when the prompt is closed.
func (p Prompt) Mode() PromptMode { return p.mode }

// Open opens the line for mode with value typed, the cursor at its end.
func (p *Prompt) Open(mode PromptMode, value string) tea.Cmd {
	p.mode = mode
	p.input.SetValue(value)
	p.input.CursorEnd()
	return p.input.Focus()
}

// Update edits the line; it says whether the text changed.
func (p *Prompt) Update(msg tea.Msg) (cmd tea.Cmd, edited bool) {
	before := p.input.Value()
	p.input, cmd = p.input.Update(msg)
	return cmd, p.input.Value() != before
}

// Value is the text typed.
func (p Prompt) Value() string { return p.input.Value() }

// Close closes the line.
func (p *Prompt) Close() {
	p.mode = PromptNone
	p.input.Blur()
}

func (p Prompt) label() string {
	switch p.mode {
	case PromptFilter:
		return "filter: "
	case PromptSearch:
		return "search text: "
	case PromptFind:
		return "find: "
	case PromptMastodon:
		return "your Mastodon server (e.g. mastodon.social): "
	case PromptAddFeed:
		return "add a feed (its URL, or a site's): "
	}
	return ""
}

// View is the line, for the status line: its label, then the text typed.
func (p Prompt) View(s theme.Styles, width int) string {
	label := p.label()
	p.input.SetWidth(max(1, width-len(label)-1))
	return cells.Cut(s.Prompt.Render(label)+p.input.View(), width)
}

// Help is the help line under it.
func (p Prompt) Help(s theme.Styles, width int) string {
	return s.Dim.Render(cells.Cut("enter: done · esc: cancel", width))
}
