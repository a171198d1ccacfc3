package reader

import (
	"strings"

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

// quotedBody is a made-up article with three attributed quotes, the last
// one long; only its sentence does not name its speaker. (ui's tests open
// the same article.)
func quotedBody() string {
	var b strings.Builder
	b.WriteString("The harbor reopened on Thursday after three weeks of repairs.\n\n")
	b.WriteString("“We are back in business,” said the harbor master, Ana Lima.\n\n")
	b.WriteString("The mayor, Tomas Reyes, called it “a very good day for the town” in a short speech.\n\n")
	for i := 0; i < 6; i++ {
		b.WriteString("Crews rebuilt the breakwater and dredged the channel. The ferry now runs every hour again between the two piers.\n\n")
	}
	b.WriteString("“If the weather holds, we expect the summer to be the busiest in ten years, and we will hire more crews to make sure that every boat that wants a berth this season can have one, from the smallest dinghy to the largest trawler,” he added.\n\n")
	b.WriteString("Fishermen said the new moorings are better than the old ones.\n")
	return b.String()
}

// longBody is a made-up article long enough to scroll, with a blockquote,
// a heading and a list. (ui's golden frames show the same article.)
func longBody() string {
	var b strings.Builder
	b.WriteString("The harbor reopened on Thursday after three weeks of repairs.\n\n")
	b.WriteString("> “We are back in business,” said the harbor master, Ana Lima.\n\n## What changed\n\n")
	for i := 0; i < 12; i++ {
		b.WriteString("Crews rebuilt the breakwater and dredged the channel, and the ferry now runs every hour again between the two piers. ")
		b.WriteString("Fishermen said the new moorings are better than the old ones.\n\n")
	}
	b.WriteString("- one item\n- another item\n")
	return b.String()
}
