package panes

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/theme"
)

// Question is what a y/n question asks for; the app does it on yes.
type Question int

// The questions the app asks.
const (
	NoQuestion Question = iota
	MarkRead            // A: mark a view's unread articles read
	RemoveFeed          // d: remove a feed and its articles
)

// Confirm is the question the status line asks, answered y or n: "Mark
// 37 articles read in Ars Technica? y/n", "Remove Ars Technica and its 5
// articles? y/n". y says yes (Open), and enter too for a question that
// loses nothing; n or esc says no (Close); other keys wait.
type Confirm struct {
	about    Question
	question string // without its " y/n"
}

// answers are the keys that answer each question, and its help line.
var answers = map[Question]struct {
	yes  key.Binding
	help string
}{
	MarkRead:   {key.NewBinding(key.WithKeys("y", "Y", "enter")), "y/enter: yes · n/esc: no"},
	RemoveFeed: {key.NewBinding(key.WithKeys("y", "Y")), "y: remove · n/esc: keep"},
}

var confirmNo = key.NewBinding(key.WithKeys("n", "N", "esc"))

// Ask asks question, for about.
func (c *Confirm) Ask(about Question, question string) {
	*c = Confirm{about: about, question: question}
}

// Asking says whether a question is shown, waiting for y or n.
func (c Confirm) Asking() bool { return c.about != NoQuestion }

// Answer takes a key while a question is shown: Open for yes, Close for
// no, with what the question was for; None for any other key.
func (c *Confirm) Answer(msg tea.KeyPressMsg) (Action, Question) {
	about := c.about
	switch {
	case key.Matches(msg, answers[about].yes):
		*c = Confirm{}
		return Open, about
	case key.Matches(msg, confirmNo):
		*c = Confirm{}
		return Close, about
	}
	return None, about
}

// View is the question, for the status line.
func (c Confirm) View(s theme.Styles, width int) string {
	return s.Prompt.Render(cells.Cut(clean(c.question)+" y/n", width))
}

// Help is the help line under it.
func (c Confirm) Help(s theme.Styles, width int) string {
	return s.Dim.Render(cells.Cut(answers[c.about].help, width))
}
