package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/byline-reader/byline/ui/picture"
)

// placeholderModel shows kitty placeholder lines and quits.
type placeholderModel struct{ lines []string }

func (m placeholderModel) Init() tea.Cmd { return tea.Quit }

func (m placeholderModel) Update(tea.Msg) (tea.Model, tea.Cmd) { return m, nil }

func (m placeholderModel) View() tea.View { return tea.NewView(strings.Join(m.lines, "\n")) }

// TestRendererKeepsPlaceholders checks that Bubble Tea's cell renderer
// writes kitty's placeholder cells intact: each U+10EEEE with its
// diacritics as one cell, and the id's colour as it was given, in a
// 256-colour terminal (a small id) and a true-colour one.
func TestRendererKeepsPlaceholders(t *testing.T) {
	for _, c := range []struct {
		id      uint32
		profile colorprofile.Profile
		fg      string
	}{
		{42, colorprofile.ANSI256, "38;5;42"},
		{0x0a0b0c, colorprofile.TrueColor, "38;2;10;11;12"},
	} {
		lines := picture.KittyPlaceholder(c.id, 3, 2)
		var out bytes.Buffer
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		p := tea.NewProgram(placeholderModel{lines}, tea.WithInput(nil), tea.WithOutput(&out),
			tea.WithColorProfile(c.profile), tea.WithWindowSize(20, 4), tea.WithContext(ctx))
		_, err := p.Run()
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		got := out.String()
		for _, l := range lines {
			cells := strings.TrimSuffix(strings.TrimPrefix(l, lines[0][:strings.IndexRune(l, picture.Placeholder)]), "\x1b[39m")
			if !strings.Contains(got, cells) {
				t.Errorf("id %d: the placeholder cells %q are not written intact in %q", c.id, cells, got)
			}
		}
		if !strings.Contains(got, c.fg) {
			t.Errorf("id %d: colour %s not written in %q", c.id, c.fg, got)
		}
	}
}
