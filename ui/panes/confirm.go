package panes

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/theme"
)

// ConfirmRead is the question A asks in the status line before it marks
// a view read: first the unread articles are counted (Ask, then Counted
// with the answer), then "Mark 37 articles read in Ars Technica? y/n";
// y or enter says yes (Open), n or esc no (Close), other keys wait.
type ConfirmRead struct {
	seq      int // the count asked last; an older answer is dropped
	asking   bool
	question string
	query    model.ArticleQuery
	where    string // "" when nothing waits for an answer
}

var (
	confirmYes = key.NewBinding(key.WithKeys("y", "Y", "enter"))
	confirmNo  = key.NewBinding(key.WithKeys("n", "N", "esc"))
)

// Ask starts a question about the articles q selects, named where ("folder
// Tech"); the count to ask for carries seq.
func (c *ConfirmRead) Ask(q model.ArticleQuery, where string) (seq int) {
	*c = ConfirmRead{seq: c.seq + 1, query: q, where: where}
	return c.seq
}

// Counted takes the count asked with seq: with unread articles, the
// question is asked; ok is false for an answer no longer awaited. With
// none, or an error, there is nothing to ask.
func (c *ConfirmRead) Counted(seq, n int, err error) (where string, ok bool) {
	if seq != c.seq || c.where == "" {
		return "", false
	}
	where = c.where
	if n == 0 || err != nil {
		*c = ConfirmRead{seq: c.seq}
		return where, true
	}
	noun := "articles"
	if n == 1 {
		noun = "article"
	}
	c.asking, c.question = true, fmt.Sprintf("Mark %d %s read in %s? y/n", n, noun, where)
	return where, true
}

// Asking says whether the question is shown, waiting for y or n.
func (c ConfirmRead) Asking() bool { return c.asking }

// Answer takes a key while the question is shown: Open for yes, with
// what to mark and its name; Close for no; None for any other key.
func (c *ConfirmRead) Answer(msg tea.KeyPressMsg) (a Action, q model.ArticleQuery, where string) {
	switch {
	case key.Matches(msg, confirmYes):
		a = Open
	case key.Matches(msg, confirmNo):
		a = Close
	default:
		return None, q, ""
	}
	q, where = c.query, c.where
	*c = ConfirmRead{seq: c.seq}
	return a, q, where
}

// View is the question, for the status line.
func (c ConfirmRead) View(s theme.Styles, width int) string {
	return s.Prompt.Render(cells.Cut(clean(c.question), width))
}

// Help is the help line under it.
func (c ConfirmRead) Help(s theme.Styles, width int) string {
	return s.Dim.Render(cells.Cut("y/enter: yes · n/esc: no", width))
}
