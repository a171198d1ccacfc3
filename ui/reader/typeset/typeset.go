// Package typeset is how an article's markdown is set in type at a
// width: Glamour's style for it (style.go: each heading level, code
// highlighted by chroma, the margins of the measure) and what Glamour
// cannot do, done around it: before, the markdown readied for the width
// (layout_source.go: a table too wide becomes rows); after, Glamour's
// lines worked on through the layout marks the style leaves
// (layout.go: quote bars, code backgrounds, hanging list items).
//
// It knows nothing of the reader's own marks (quotes, highlights,
// links) except that it must keep them: they pass through as text, and
// are moved but never cut. It does not sanitise: the reader filters the
// lines it returns where they go to the terminal. No Bubble Tea, no IO.
package typeset

import (
	"strings"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
)

// Lines is markdown set by Glamour at width in the dark or light style,
// as lines, the blank ones at the top and bottom left out, laid out (see
// layoutSource and layoutLines) but not yet cleaned. The style is always
// given: Glamour v2 has no automatic one. It is slow: call it off the
// event loop.
func Lines(markdown string, width int, dark bool) ([]string, error) {
	r, err := glamour.NewTermRenderer(glamour.WithStyles(articleStyle(dark)), glamour.WithWordWrap(width))
	if err != nil {
		return nil, err
	}
	out, err := r.Render(layoutSource(markdown, width))
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimRight(out, "\n "), "\n")
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[0])) == "" {
		lines = lines[1:]
	}
	return layoutLines(lines, width, paletteFor(dark)), nil
}
