// Package panes holds the state and drawing of the app's panes: the
// feeds pane and the headline list, the reader, the panes drawn over the
// body (the quotes panel, the list of highlights, the share menu, the link
// list), the picture viewer, and the prompt and the y/n question in the
// status line. Each keeps what it lists and its cursor, moves
// the cursor with its keys, and draws itself as a string. A key that
// asks for more than a move comes back as an Action (or, for the feeds
// pane and the list, is the app's before the pane sees it): what it does
// to the app (open a page, copy, share, jump to a quote) is package ui's,
// which imports this one. No IO here, and nothing of package ui.
package panes

import (
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/keys"
)

// Action is what a key pressed in a pane asks of the app.
type Action int

// The actions; each pane says which of them its keys ask for.
const (
	None   Action = iota // the cursor moved, or nothing happened
	Close                // close the pane
	Open                 // enter: go to, read or choose the entry under the cursor
	Browse               // open it in the browser
	Copy                 // copy it
	Share                // share it
	Remove               // remove it
)

// Cursor is a cursor over n rows of which height show: the row it is on,
// and the first row shown.
type Cursor struct{ Row, Offset int }

// Move moves the cursor for a movement key (down, up, top, bottom, half a
// page); any other key leaves it be.
func (c *Cursor) Move(msg tea.KeyPressMsg, k keys.Map, n, height int) {
	switch {
	case k.Matches(msg, keys.Down):
		c.Row++
	case k.Matches(msg, keys.Up):
		c.Row--
	case k.Matches(msg, keys.Top):
		c.Row = 0
	case k.Matches(msg, keys.Bottom):
		c.Row = n - 1
	case k.Matches(msg, keys.HalfDown):
		c.Row += max(1, height/2)
	case k.Matches(msg, keys.HalfUp):
		c.Row -= max(1, height/2)
	default:
		return
	}
	c.Clamp(n, height)
}

// Clamp keeps the cursor on the n rows and its row in the height shown.
func (c *Cursor) Clamp(n, height int) {
	c.Row = min(max(c.Row, 0), max(0, n-1))
	c.Offset = min(max(c.Offset, 0), max(0, n-height))
	c.Offset = ScrollInto(c.Offset, c.Row, height)
}

// ScrollInto moves a viewport's first row so that row cursor is visible.
func ScrollInto(offset, cursor, height int) int {
	if cursor < offset {
		return cursor
	}
	if height > 0 && cursor >= offset+height {
		return cursor - height + 1
	}
	return offset
}

// clean makes outside text (a title, a name, a link, an error) safe to
// paint: one line, without a control character or an escape sequence.
// The panes call it on every such text as they lay it out, as package
// ui's painting code does.
func clean(s string) string { return model.SanitizeLine(s) }
