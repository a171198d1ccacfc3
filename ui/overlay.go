package ui

// overlay is a pane drawn over the body: the quotes panel, the list of
// highlights, the share menu, the link list (each one's state and drawing
// are in ui/panes).
type overlay int

const (
	overlayNone overlay = iota
	overlayQuotes
	overlayHighlights
	overlayShare
	overlayLinks
	overlayFeedForm // the feed form (e in the feeds pane)
)
