package panes

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/theme"
)

// Quotes is the quotes panel (Q): the quotes of the article in the
// reader, each with its speaker. The quotes are the reader's; the panel
// keeps only its cursor over them.
type Quotes struct {
	keys keys.Map
	cur  Cursor
}

// NewQuotes is the panel acting on the keys of k (keys.QuotesPanel's).
func NewQuotes(k keys.Map) Quotes { return Quotes{keys: k} }

// quotesRows is how many quotes fit under the title.
func quotesRows(height int) int { return max(1, height-2) }

// Open puts the cursor on quote i of n (i < 0: where it was).
func (p *Quotes) Open(i, n, height int) {
	if i >= 0 {
		p.cur.Row = i
	}
	p.Clamp(n, height)
}

// Clamp keeps the cursor on the n quotes, for the body's height.
func (p *Quotes) Clamp(n, height int) { p.cur.Clamp(n, quotesRows(height)) }

// Selected is the number (from 0) of the quote under the cursor.
func (p Quotes) Selected() int { return p.cur.Row }

// Cursor is where the cursor is.
func (p Quotes) Cursor() Cursor { return p.cur }

// Key moves the cursor over the n quotes, or says what the key asks for:
// Close, or, when there are quotes, Open (go to the quote) or Share.
func (p *Quotes) Key(msg tea.KeyPressMsg, n, height int) Action {
	k := p.keys
	switch {
	case k.Matches(msg, keys.Close):
		return Close
	case k.Matches(msg, keys.Open, keys.Share):
		switch {
		case n == 0:
			return None
		case k.Matches(msg, keys.Share):
			return Share
		}
		return Open
	}
	p.cur.Move(msg, k, n, quotesRows(height))
	return None
}

// View draws the panel: a title with the keys, then a row a quote.
func (p Quotes) View(s theme.Styles, quotes []model.Quote, width, height int) string {
	title := s.Title.Render(fmt.Sprintf("Quotes (%d)", len(quotes))) + s.Dim.Render("  enter: go to · s: share · esc: close")
	lines := []string{cells.Cut(title, width), ""}
	if len(quotes) == 0 {
		return strings.Join(append(lines, s.Empty.Render("No quotations found in this article.")), "\n")
	}
	nameW := min(24, max(8, width/4))
	for i := p.cur.Offset; i < len(quotes) && len(lines) < height; i++ {
		q := quotes[i]
		who := clean(q.Speaker)
		if who == "" {
			who = "(unknown)"
		}
		row := fmt.Sprintf(" %3d  %s  “%s”", q.N, cells.Pad(who, nameW), clean(q.Text))
		row = cells.Pad(row, width)
		if i == p.cur.Row {
			row = s.Rows.Selected.On(row)
		} else if q.Speaker == "" {
			row = s.Rows.Dim.On(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}
