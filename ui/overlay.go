package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui/keys"
)

// overlay is a pane drawn over the body: the quotes panel, the list of
// highlights, the share menu, the link list.
type overlay int

const (
	overlayNone overlay = iota
	overlayQuotes
	overlayHighlights
	overlayShare
	overlayLinks
)

// cursorList is a cursor over n rows of which height show.
type cursorList struct{ cursor, offset int }

// move moves the cursor for a key; any other key leaves it be.
func (c *cursorList) move(msg tea.KeyPressMsg, k keys.Map, n, height int) {
	switch {
	case k.Matches(msg, keys.Down):
		c.cursor++
	case k.Matches(msg, keys.Up):
		c.cursor--
	case k.Matches(msg, keys.Top):
		c.cursor = 0
	case k.Matches(msg, keys.Bottom):
		c.cursor = n - 1
	case k.Matches(msg, keys.HalfDown):
		c.cursor += max(1, height/2)
	case k.Matches(msg, keys.HalfUp):
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
