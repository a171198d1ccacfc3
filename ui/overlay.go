package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// overlay is a pane drawn over the body: the quotes panel, the list of
// highlights, the share menu.
type overlay int

const (
	overlayNone overlay = iota
	overlayQuotes
	overlayHighlights
	overlayShare
)

// moveKeys are the keys that move a cursor through rows.
type moveKeys struct{ Down, Up, Top, Bottom, HalfDown, HalfUp key.Binding }

func newMoveKeys(b bindings) moveKeys {
	return moveKeys{Down: b.Down, Up: b.Up, Top: b.Top, Bottom: b.Bottom, HalfDown: b.HalfDown, HalfUp: b.HalfUp}
}

// cursorList is a cursor over n rows of which height show.
type cursorList struct{ cursor, offset int }

// move moves the cursor for a key; any other key leaves it be.
func (c *cursorList) move(msg tea.KeyPressMsg, k moveKeys, n, height int) {
	switch {
	case key.Matches(msg, k.Down):
		c.cursor++
	case key.Matches(msg, k.Up):
		c.cursor--
	case key.Matches(msg, k.Top):
		c.cursor = 0
	case key.Matches(msg, k.Bottom):
		c.cursor = n - 1
	case key.Matches(msg, k.HalfDown):
		c.cursor += max(1, height/2)
	case key.Matches(msg, k.HalfUp):
		c.cursor -= max(1, height/2)
	default:
		return
	}
	c.clamp(n, height)
}

func (c *cursorList) clamp(n, height int) {
	c.cursor = min(max(c.cursor, 0), max(0, n-1))
	c.offset = min(max(c.offset, 0), max(0, n-height))
	c.offset = scrollInto(c.offset, c.cursor, height)
}
