package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui/panes"
)

// clickState remembers the last click, to tell a double-click.
type clickState struct {
	at  time.Time
	row int
}

// clickTimeout is how close two clicks must be to count as a double-click.
const clickTimeout = 400 * time.Millisecond

// wheelStep is how many rows one notch of the wheel scrolls.
const wheelStep = 3

func (a App) handleWheel(msg tea.MouseWheelMsg) (tea.Model, tea.Cmd) {
	n := 0
	switch msg.Button {
	case tea.MouseWheelDown:
		n = wheelStep
	case tea.MouseWheelUp:
		n = -wheelStep
	default:
		return a, nil
	}
	if a.showHelp {
		return a, nil
	}
	if a.screen == screenReader {
		a.reader.Text().Scroll(n, a.bodyHeight())
		return a, nil
	}
	if a.feedsVisible() && msg.X < a.feedsWidth() {
		return a, nil
	}
	a.list.Scroll(n, a.bodyHeight())
	return a, a.ensureWindow()
}

// handleClick selects what was clicked; a click on the selected headline,
// or a double-click, opens it.
func (a App) handleClick(msg tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	if msg.Button != tea.MouseLeft || a.screen != screenList || a.showHelp || a.prompt.Mode() != panes.PromptNone || a.confirm.Asking() {
		return a, nil
	}
	row := msg.Y - 1 // under the title line
	if row < 0 || row >= a.bodyHeight() {
		return a, nil
	}
	if a.feedsVisible() && (msg.X < a.feedsWidth() || !a.wide()) {
		return a.clickFeed(a.feeds.Cursor().Offset + row)
	}
	i := a.list.Offset() + row
	if i >= a.list.Count() {
		return a, nil
	}
	now := a.now()
	double := a.click.row == i && now.Sub(a.click.at) < clickTimeout
	a.click = clickState{at: now, row: i}
	a.feedsFocused = false
	opens := i == a.list.Cursor() || double
	a.list.SelectRow(i, a.bodyHeight())
	if opens {
		return a.openSelected()
	}
	return a, a.ensureWindow()
}

func (a App) clickFeed(i int) (tea.Model, tea.Cmd) {
	e, ok := a.feeds.Entry(i)
	if !ok {
		return a, nil
	}
	a.feedsFocused = true
	if i == a.feeds.Cursor().Row {
		if e.Heads() {
			a.feeds.Fold()
		} else if !a.wide() {
			a.feedsFocused = false
		}
		return a, nil
	}
	a.feeds.SelectRow(i, a.bodyHeight())
	return a, a.showFocusedFeed()
}
