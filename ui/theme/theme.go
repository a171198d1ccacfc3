// Package theme is how the app looks: its styles, built once from the
// terminal's background (dark or light) and carried by the app, rebuilt
// when the background becomes known. No global style: every painting
// function is handed a Styles.
package theme

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/byline-reader/byline/ui/reader"
)

// Styles are the app's styles, built once from the terminal's background
// and carried by the model; rebuilt when the background colour is known.
type Styles struct {
	Title        lipgloss.Style
	Selected     lipgloss.Style // the cursor in the pane in focus
	SelectedBlur lipgloss.Style // the cursor in the other pane
	Unread       lipgloss.Style
	Read         lipgloss.Style
	Dim          lipgloss.Style
	Status       lipgloss.Style
	Error        lipgloss.Style
	Empty        lipgloss.Style
	Folder       lipgloss.Style
	Account      lipgloss.Style // a sync account's row in the feeds pane
	Failing      lipgloss.Style
	Separator    lipgloss.Style
	Prompt       lipgloss.Style
	QR           lipgloss.Style // a QR code: light modules on dark, whatever the theme
	QREdge       lipgloss.Style // its last half row of quiet zone: light on the page

	// Paints for the rows drawn on every frame: the same looks as the
	// styles above, applied without lipgloss's per-call layout work.
	Rows RowPaints

	Reader reader.Styles // the reader's header, body and what is painted over it
}

// RowPaints colour one-line rows cheaply.
type RowPaints struct {
	Selected, SelectedBlur, Unread, Read, Dim, Failing, Folder, Account Paint
}

// Paint is a style reduced to the escape codes around one line of text.
type Paint struct{ pre, post string }

func newPaint(st lipgloss.Style) Paint {
	pre, post, _ := strings.Cut(st.Render("\x00"), "\x00")
	return Paint{pre: pre, post: post}
}

// On paints one line of text.
func (p Paint) On(s string) string { return p.pre + s + p.post }

// New builds the styles for a dark or light background.
func New(isDark bool) Styles {
	c := lipgloss.LightDark(isDark)
	accent := c(lipgloss.Color("#5A3FC0"), lipgloss.Color("#B9A6FF"))
	dim := c(lipgloss.Color("#767676"), lipgloss.Color("#8A8A8A"))
	warn := c(lipgloss.Color("#8A5A00"), lipgloss.Color("#E5C07B"))
	red := c(lipgloss.Color("#B00020"), lipgloss.Color("#FF6B6B"))
	account := c(lipgloss.Color("#00766B"), lipgloss.Color("#5FD7C5"))
	blurBg := c(lipgloss.Color("#E4E4E4"), lipgloss.Color("#3A3A3A"))
	quote := c(lipgloss.Color("#8A4B00"), lipgloss.Color("#F2C46D"))
	marker := c(lipgloss.Color("#FFF0A0"), lipgloss.Color("#4D4318"))
	focusBg := c(lipgloss.Color("#D8CCFF"), lipgloss.Color("#45358F"))
	link := c(lipgloss.Color("#0B5FA5"), lipgloss.Color("#7DB8F0"))
	st := Styles{
		Title:        lipgloss.NewStyle().Bold(true).Foreground(accent),
		Selected:     lipgloss.NewStyle().Reverse(true),
		SelectedBlur: lipgloss.NewStyle().Background(blurBg),
		Unread:       lipgloss.NewStyle().Bold(true),
		Read:         lipgloss.NewStyle().Foreground(dim),
		Dim:          lipgloss.NewStyle().Foreground(dim),
		Status:       lipgloss.NewStyle().Foreground(dim),
		Error:        lipgloss.NewStyle().Foreground(red),
		Empty:        lipgloss.NewStyle().Foreground(dim).Italic(true),
		Folder:       lipgloss.NewStyle().Bold(true).Foreground(accent),
		Account:      lipgloss.NewStyle().Bold(true).Foreground(account),
		Failing:      lipgloss.NewStyle().Foreground(red),
		Separator:    lipgloss.NewStyle().Foreground(dim),
		Prompt:       lipgloss.NewStyle().Foreground(accent).Bold(true),
		QR:           lipgloss.NewStyle().Foreground(lipgloss.Color("#FFFFFF")).Background(lipgloss.Color("#000000")),
		QREdge:       lipgloss.NewStyle().Foreground(lipgloss.Color("#FFFFFF")),
	}
	st.Reader = reader.NewStyles(reader.Styles{
		Heading:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		Meta:      lipgloss.NewStyle().Foreground(dim),
		Notice:    lipgloss.NewStyle().Foreground(warn).Italic(true),
		Error:     st.Error,
		Separator: st.Separator,
		Empty:     st.Empty,
		Quote:     lipgloss.NewStyle().Foreground(quote),
		Highlight: lipgloss.NewStyle().Background(marker),
		Speaker:   lipgloss.NewStyle().Foreground(dim).Italic(true),
		Focus:     lipgloss.NewStyle().Background(focusBg).Bold(true),
		Link:      lipgloss.NewStyle().Foreground(link).Underline(true),
		LinkNum:   lipgloss.NewStyle().Foreground(dim),
	})
	st.Rows = RowPaints{
		Selected: newPaint(st.Selected), SelectedBlur: newPaint(st.SelectedBlur), Unread: newPaint(st.Unread),
		Read: newPaint(st.Read), Dim: newPaint(st.Dim), Failing: newPaint(st.Failing), Folder: newPaint(st.Folder),
		Account: newPaint(st.Account),
	}
	return st
}
