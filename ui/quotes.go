package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui/panes"
	"github.com/byline-reader/byline/ui/reader"
)

// The quotes panel's keys (the panel itself is panes.Quotes): enter goes
// to the quote in the reader, s shares it.

// openQuotes shows the quotes panel, its cursor on the quote in focus.
func (a App) openQuotes() (tea.Model, tea.Cmd) {
	if a.reader.Doc() == nil {
		return a, a.setStatus("the article is still loading", false)
	}
	a.overlay = overlayQuotes
	i := -1
	if f := a.reader.Text().Focus(); f.Kind == reader.Quote {
		i = f.I
	}
	a.quotes.Open(i, len(a.reader.Doc().Quotes()), a.bodyHeight())
	return a, nil
}

func (a App) handleQuotesKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	act := a.quotes.Key(msg, len(a.reader.Doc().Quotes()), a.bodyHeight())
	if act == panes.None {
		return a, nil
	}
	a.overlay = overlayNone
	if act == panes.Close {
		return a, nil
	}
	a.reader.Text().FocusOn(reader.Quote, a.quotes.Selected(), a.bodyHeight())
	if act == panes.Share {
		return a.openShare()
	}
	return a, a.setStatus(a.reader.Text().Describe(), false)
}
