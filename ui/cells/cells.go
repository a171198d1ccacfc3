// Package cells lays text out in terminal cells for the app's painting
// code: the cells text takes, text cut with an ellipsis or padded to a
// width, a block fitted to a size, words wrapped. Text may carry SGR
// styling. Nothing here sanitises: the app cleans outside text first.
package cells

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Width is the cells s takes; plain ASCII is counted without the
// grapheme segmentation that other text needs.
func Width(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x7f || c < 0x20 {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// Cut cuts s to at most w cells, with an ellipsis.
func Cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

// Pad cuts or pads s to exactly w cells.
func Pad(s string, w int) string {
	cw := Width(s)
	if cw > w {
		s = Cut(s, w)
		cw = ansi.StringWidth(s)
	}
	if n := w - cw; n > 0 {
		return s + Spaces(n)
	}
	return s
}

// Spaces returns n spaces without allocating for the common widths.
func Spaces(n int) string {
	const blank = "                                                                                                                                                                                                        "
	if n <= 0 {
		return ""
	}
	if n <= len(blank) {
		return blank[:n]
	}
	return strings.Repeat(" ", n)
}

// Fit makes s exactly height lines of at most width cells.
func Fit(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		if Width(l) > width && ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "")
		}
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// Beside lays the first height lines of left and right side by side, sep
// between them. left's lines are leftWidth cells wide; a blank one is
// filled with spaces (the feeds pane pads its rows, not the blank ones).
// right must have height lines.
func Beside(left, right, sep string, leftWidth, height int) string {
	l, r := strings.Split(left, "\n"), strings.Split(right, "\n")
	var b strings.Builder
	for i := range height {
		if i > 0 {
			b.WriteByte('\n')
		}
		if l[i] == "" {
			l[i] = Spaces(leftWidth)
		}
		b.WriteString(l[i])
		b.WriteString(sep)
		b.WriteString(r[i])
	}
	return b.String()
}

// PadLines pads every line of s to width cells.
func PadLines(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = l + Spaces(width-ansi.StringWidth(l))
	}
	return strings.Join(lines, "\n")
}

// Wrap wraps plain text to width.
func Wrap(s string, width int) string { return ansi.Wordwrap(s, max(1, width), "") }
