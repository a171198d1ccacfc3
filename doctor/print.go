package doctor

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// MaxWidth is the widest the table is drawn.
const MaxWidth = 80

// WriteText prints the report as a table that fits width columns (at
// most MaxWidth): status, name, finding, and under a finding that is not
// ok, its hint; then a count of warnings and failures. Plain text, no
// colour: it is for pasting into a bug report.
func (r Report) WriteText(w io.Writer, width int) error {
	if width <= 0 || width > MaxWidth {
		width = MaxWidth
	}
	nameWidth := 0
	for _, c := range r.Checks {
		nameWidth = max(nameWidth, len(c.Name))
	}
	indent := 4 + 2 + nameWidth + 2
	text := max(width-indent, 20)
	var b strings.Builder
	pad := strings.Repeat(" ", indent)
	for _, c := range r.Checks {
		lines := wrap(c.Value, text)
		fmt.Fprintf(&b, "%-4s  %-*s  %s\n", c.Status, nameWidth, c.Name, lines[0])
		for _, l := range lines[1:] {
			b.WriteString(pad + l + "\n")
		}
		if c.Hint != "" {
			for _, l := range wrap("hint: "+c.Hint, text) {
				b.WriteString(pad + l + "\n")
			}
		}
	}
	fmt.Fprintf(&b, "\n%s, %s.\n", count(r.Warnings, "warning", "warnings"), count(r.Failures, "failure", "failures"))
	_, err := io.WriteString(w, b.String())
	return err
}

// wrap breaks s into lines of at most width cells, at spaces where it can
// and inside a word longer than a line (a path, a URL) where it must.
func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		for ansi.StringWidth(w) > width {
			head := ansi.Truncate(w, width, "")
			if head == "" {
				break
			}
			if line != "" {
				lines, line = append(lines, line), ""
			}
			lines, w = append(lines, head), w[len(head):]
		}
		switch {
		case line == "":
			line = w
		case ansi.StringWidth(line)+1+ansi.StringWidth(w) <= width:
			line += " " + w
		default:
			lines, line = append(lines, line), w
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

func count(n int, one, many string) string {
	if n == 0 {
		return "no " + many
	}
	return fmt.Sprintf("%d %s", n, plural(n, one, many))
}
