package ui

import (
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Styles are the app's styles, built once from the terminal's background.
type Styles struct {
	Title    lipgloss.Style
	Selected lipgloss.Style
	Unread   lipgloss.Style
	Read     lipgloss.Style
	Dim      lipgloss.Style
	Status   lipgloss.Style
	Error    lipgloss.Style
	Empty    lipgloss.Style
}

// NewStyles builds the styles for a dark or light background.
func NewStyles(isDark bool) Styles {
	c := lipgloss.LightDark(isDark)
	accent := c(lipgloss.Color("#5A3FC0"), lipgloss.Color("#B9A6FF"))
	dim := c(lipgloss.Color("#767676"), lipgloss.Color("#8A8A8A"))
	return Styles{
		Title:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		Selected: lipgloss.NewStyle().Reverse(true),
		Unread:   lipgloss.NewStyle().Bold(true),
		Read:     lipgloss.NewStyle().Foreground(dim),
		Dim:      lipgloss.NewStyle().Foreground(dim),
		Status:   lipgloss.NewStyle().Foreground(dim),
		Error:    lipgloss.NewStyle().Foreground(c(lipgloss.Color("#B00020"), lipgloss.Color("#FF6B6B"))),
		Empty:    lipgloss.NewStyle().Foreground(dim).Italic(true),
	}
}

// truncateWidth cuts s to at most w cells, with an ellipsis.
func truncateWidth(s string, w int) string {
	return ansi.Truncate(s, w, "…")
}
