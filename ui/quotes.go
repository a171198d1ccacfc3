package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/reader"
	"github.com/byline-reader/byline/ui/theme"
)

// quotesPane lists the quotes of the article in the reader, each with its
// speaker.
type quotesPane struct {
	keys keys.Map
	list cursorList
}

func newQuotesPane(k keys.Map) quotesPane { return quotesPane{keys: k} }

// quotesRows is how many quotes fit under the title.
func quotesRows(height int) int { return max(1, height-2) }

// open puts the cursor on quote i of n (i < 0: where it was).
func (p *quotesPane) open(i, n, height int) {
	if i >= 0 {
		p.list.cursor = i
	}
	p.clamp(n, height)
}

// clamp keeps the cursor on the n quotes, for the body's height.
func (p *quotesPane) clamp(n, height int) { p.list.clamp(n, quotesRows(height)) }

func (p *quotesPane) move(msg tea.KeyPressMsg, n, height int) {
	p.list.move(msg, p.keys, n, quotesRows(height))
}

// selected is the quote under the cursor.
func (p quotesPane) selected() int { return p.list.cursor }

func (p quotesPane) view(s theme.Styles, quotes []model.Quote, width, height int) string {
	title := s.Title.Render(fmt.Sprintf("Quotes (%d)", len(quotes))) + s.Dim.Render("  enter: go to · s: share · esc: close")
	lines := []string{cells.Cut(title, width), ""}
	if len(quotes) == 0 {
		return strings.Join(append(lines, s.Empty.Render("No quotations found in this article.")), "\n")
	}
	nameW := min(24, max(8, width/4))
	for i := p.list.offset; i < len(quotes) && len(lines) < height; i++ {
		q := quotes[i]
		who := clean(q.Speaker)
		if who == "" {
			who = "(unknown)"
		}
		row := fmt.Sprintf(" %3d  %s  “%s”", q.N, cells.Pad(who, nameW), clean(q.Text))
		row = cells.Pad(row, width)
		if i == p.list.cursor {
			row = s.Rows.Selected.On(row)
		} else if q.Speaker == "" {
			row = s.Rows.Dim.On(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}

// openQuotes shows the quotes panel, its cursor on the quote in focus.
func (a App) openQuotes() (tea.Model, tea.Cmd) {
	if a.reader.doc() == nil {
		return a, a.setStatus("the article is still loading", false)
	}
	a.overlay = overlayQuotes
	i := -1
	if f := a.reader.focus(); f.Kind == reader.Quote {
		i = f.I
	}
	a.quotes.open(i, len(a.reader.doc().Quotes()), a.bodyHeight())
	return a, nil
}

func (a App) handleQuotesKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.quotes.keys
	quotes := a.reader.doc().Quotes()
	switch {
	case k.Matches(msg, keys.Close):
		a.overlay = overlayNone
		return a, nil
	case k.Matches(msg, keys.Open, keys.Share):
		if len(quotes) == 0 {
			return a, nil
		}
		a.overlay = overlayNone
		a.reader.focusOn(reader.Quote, a.quotes.selected(), a.bodyHeight())
		if k.Matches(msg, keys.Share) {
			return a.openShare()
		}
		return a, a.setStatus(a.reader.describeFocus(), false)
	}
	a.quotes.move(msg, len(quotes), a.bodyHeight())
	return a, nil
}
