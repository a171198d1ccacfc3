package reader

import (
	"charm.land/lipgloss/v2"
)

// testStyles are the looks the tests paint with: the app's on a dark
// background.
func testStyles() Styles {
	return NewStyles(Styles{
		Quote:     lipgloss.NewStyle().Foreground(lipgloss.Color("#F2C46D")),
		Highlight: lipgloss.NewStyle().Background(lipgloss.Color("#4D4318")),
		Speaker:   lipgloss.NewStyle().Foreground(lipgloss.Color("#8A8A8A")).Italic(true),
		Focus:     lipgloss.NewStyle().Background(lipgloss.Color("#45358F")).Bold(true),
		Empty:     lipgloss.NewStyle().Foreground(lipgloss.Color("#8A8A8A")).Italic(true),
	})
}
