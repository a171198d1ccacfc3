package reader

import (
	"charm.land/lipgloss/v2"

	"github.com/byline-reader/byline/ui/reader/typeset"
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

// renderMarked renders a marked source with Glamour and takes the marks
// out of the result, noting where they were: Render without the
// pictures' boxes.
func renderMarked(source string, width int, dark bool, nEvents int) ([]string, *bodyMarks, error) {
	raw, err := typeset.Lines(source, width, dark)
	if err != nil {
		return nil, nil, err
	}
	lines, m := readMarks(raw, width, nEvents)
	return lines, m, nil
}

// paint draws body line i in the looks of its regions, without
// hyperlinks.
func (m *bodyMarks) paint(i int, l string, bits []uint8, p *spanPaints) string {
	return m.paintLinked(i, l, bits, nil, p)
}
