package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
)

// quotesKeyMap is the quotes panel's keys.
type quotesKeyMap struct {
	moveKeys
	Jump, Share, Close, Help key.Binding
}

func quotesKeys(b bindings) quotesKeyMap {
	return quotesKeyMap{
		moveKeys: newMoveKeys(b), Jump: withDesc(b.Open, "go to quote"), Share: withDesc(b.Share, "share quote"),
		Close: key.NewBinding(key.WithKeys("esc", "q", "Q"), key.WithHelp("esc", "close")), Help: b.Help,
	}
}

// ShortHelp is the quotes panel's help line.
func (k quotesKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.Up, k.Jump, k.Share, k.Close, k.Help}
}

// FullHelp is the quotes panel's help screen.
func (k quotesKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Down, k.Up, k.Top, k.Bottom, k.HalfDown, k.HalfUp}, {k.Jump, k.Share, k.Close, k.Help}}
}

// quotesPane lists the quotes of the article in the reader, each with its
// speaker.
type quotesPane struct {
	keys quotesKeyMap
	list cursorList
}

func newQuotesPane(b bindings) quotesPane { return quotesPane{keys: quotesKeys(b)} }

// quotesRows is how many quotes fit under the title.
func quotesRows(height int) int { return max(1, height-2) }

func (p quotesPane) view(s Styles, quotes []model.Quote, width, height int) string {
	title := s.Title.Render(fmt.Sprintf("Quotes (%d)", len(quotes))) + s.Dim.Render("  enter: go to · s: share · esc: close")
	lines := []string{truncateWidth(title, width), ""}
	if len(quotes) == 0 {
		return strings.Join(append(lines, s.Empty.Render("No quotations found in this article.")), "\n")
	}
	nameW := min(24, max(8, width/4))
	for i := p.list.offset; i < len(quotes) && len(lines) < height; i++ {
		q := quotes[i]
		who := model.SanitizeLine(q.Speaker)
		if who == "" {
			who = "(unknown)"
		}
		row := fmt.Sprintf(" %3d  %s  “%s”", q.N, padRight(who, nameW), model.SanitizeLine(q.Text))
		row = padRight(row, width)
		if i == p.list.cursor {
			row = s.Rows.Selected.on(row)
		} else if q.Speaker == "" {
			row = s.Rows.Dim.on(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}

// openQuotes shows the quotes panel, its cursor on the quote in focus.
func (a App) openQuotes() (tea.Model, tea.Cmd) {
	if a.reader.doc == nil {
		return a, a.setStatus("the article is still loading", false)
	}
	a.overlay = overlayQuotes
	if f := a.reader.focus(); f.Kind == unitQuote {
		a.quotes.list.cursor = f.I
	}
	a.quotes.list.clamp(len(a.reader.doc.Quotes()), quotesRows(a.bodyHeight()))
	return a, nil
}

func (a App) handleQuotesKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.quotes.keys
	quotes := a.reader.doc.Quotes()
	switch {
	case key.Matches(msg, k.Close):
		a.overlay = overlayNone
		return a, nil
	case key.Matches(msg, k.Jump), key.Matches(msg, k.Share):
		if len(quotes) == 0 {
			return a, nil
		}
		a.overlay = overlayNone
		a.reader.focusOn(unitQuote, a.quotes.list.cursor, a.bodyHeight())
		if key.Matches(msg, k.Share) {
			return a.openShare()
		}
		return a, a.setStatus(a.reader.describeFocus(), false)
	}
	a.quotes.list.move(msg, k.moveKeys, len(quotes), quotesRows(a.bodyHeight()))
	return a, nil
}
