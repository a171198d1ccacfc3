package typeset

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model/markdown"
)

// layoutSource readies markdown for Glamour at a width:
//   - a table too wide for the text column becomes a list, one item a
//     row, of "header: value" pairs (see tableRecords), so that no cell
//     is squeezed until its words break ("scheduled_timestam" / "p"); a
//     table that fits stays a table;
//   - a list item's second paragraph starts on a line of its own: Glamour
//     glues the paragraphs of an item together ("lastfirst"), so the
//     blank line between them becomes a line break.
//
// The text (and any doc mark in it) is kept.
func layoutSource(body string, width int) string {
	lines := strings.Split(body, "\n")
	out := make([]string, 0, len(lines))
	var fence markdown.Fence
	item := -1 // where the text of the list item in force starts; -1 for none
	for i := 0; i < len(lines); i++ {
		l := markdown.LineOf(lines[i])
		var code bool
		code, fence = fence.Step(lines[i])
		switch {
		case code:
		case l.Kind == markdown.ListItem:
			item = l.Body
		case l.Kind == markdown.Blank:
			if item >= 0 && len(out) > 0 && i+1 < len(lines) && itemParagraph(lines[i+1], item) && textLine(out[len(out)-1]) {
				out[len(out)-1] = strings.TrimRight(out[len(out)-1], " ") + "  "
				continue
			}
		case l.Indent < item:
			item = -1
		}
		if fence.Mark == 0 && l.Kind == markdown.TableRow && i+1 < len(lines) && markdown.LineOf(lines[i+1]).Kind == markdown.TableRule {
			i = layoutTable(lines, i, width-2*Margin, &out)
			continue
		}
		out = append(out, lines[i])
	}
	return strings.Join(out, "\n")
}

// itemParagraph reports a line that opens a paragraph of the list item
// whose text starts at column item.
func itemParagraph(line string, item int) bool {
	l := markdown.LineOf(line)
	return l.Kind == markdown.Text && l.Indent >= item && l.Indent < item+4
}

// textLine reports a line of a paragraph or a list item's text, which a
// line break can end.
func textLine(line string) bool {
	k := markdown.LineOf(line).Kind
	return k == markdown.Text || k == markdown.ListItem
}

// layoutTable writes the table whose header row is lines[i] to out, as a
// table when it fits in avail columns, else as a list; it returns the
// table's last line.
func layoutTable(lines []string, i, avail int, out *[]string) int {
	j := i + 2
	for j < len(lines) && markdown.LineOf(lines[j]).Kind == markdown.TableRow {
		j++
	}
	head, rows := tableCells(lines[i]), make([][]string, 0, j-i-2)
	for _, r := range lines[i+2 : j] {
		rows = append(rows, tableCells(r))
	}
	if tableWidth(head, rows) <= avail {
		*out = append(*out, lines[i:j]...)
	} else {
		*out = append(*out, tableRecords(head, rows)...)
	}
	return j - 1
}

// tableCells is the cells of a table row, trimmed; "\|" stays in its
// cell.
func tableCells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var cells []string
	start := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, strings.TrimSpace(row[start:i]))
			start = i + 1
		}
	}
	return append(cells, strings.TrimSpace(row[start:]))
}

// tableWidth is the columns Glamour needs to draw the table without
// wrapping a cell: each column as wide as its widest cell, a space on
// either side, and a rule between columns.
func tableWidth(head []string, rows [][]string) int {
	var widths []int
	for _, r := range append([][]string{head}, rows...) {
		for c, cell := range r {
			if c >= len(widths) {
				widths = append(widths, 0)
			}
			widths[c] = max(widths[c], ansi.StringWidth(visibleText(cell)))
		}
	}
	total := 0
	for _, w := range widths {
		total += w + 2
	}
	return total + len(widths) - 1
}

// tableRecords writes a table as a list: an item a row, of "header:
// value" pairs joined by " · "; an empty cell is left out, a cell under an
// empty header is its value alone. A header row with one cell of text
// (a title over the table) is written once, above the list, and a row of
// two cells then reads "first: second".
func tableRecords(head []string, rows [][]string) []string {
	named := 0
	for _, h := range head {
		if strings.TrimSpace(visibleText(h)) != "" {
			named++
		}
	}
	out := []string{""}
	if named <= 1 && len(head) > 1 {
		if title := strings.TrimSpace(strings.Join(head, " ")); title != "" {
			out = append(out, "**"+unwrapStrong(title)+"**", "")
		}
		head = nil
	}
	for _, r := range rows {
		if item := tableRecord(head, r); item != "" {
			out = append(out, "- "+item)
		}
	}
	return append(out, "")
}

// tableRecord is one row of a table as tableRecords writes it.
func tableRecord(head, row []string) string {
	var pairs []string
	for c, cell := range row {
		if cell == "" {
			continue
		}
		h := ""
		if c < len(head) {
			h = unwrapStrong(head[c])
		}
		if strings.TrimSpace(visibleText(h)) == "" {
			pairs = append(pairs, cell)
			continue
		}
		pairs = append(pairs, "**"+strings.TrimRight(h, ":")+":** "+cell)
	}
	if head == nil && len(pairs) == 2 {
		return "**" + strings.TrimRight(unwrapStrong(pairs[0]), ":") + ":** " + pairs[1]
	}
	return strings.Join(pairs, " · ")
}

// unwrapStrong takes the bold off a header cell that is bold as a whole.
func unwrapStrong(s string) string {
	for _, m := range []string{"**", "__"} {
		if len(s) > 2*len(m) && strings.HasPrefix(s, m) && strings.HasSuffix(s, m) {
			return strings.TrimSpace(s[len(m) : len(s)-len(m)])
		}
	}
	return s
}

// visibleText is roughly what a reader sees of a cell's markdown: its
// links' text with a number after it rather than their targets, without the stars of emphasis, code
// ticks and escapes.
func visibleText(s string) string {
	if !strings.ContainsAny(s, "[*`\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '[':
			if textEnd, end, ok := markdown.LinkSpan(s, i, len(s)); ok {
				b.WriteString(visibleText(s[i+1 : textEnd]))
				b.WriteString("[00]") // Glamour numbers a table's links
				i = end - 1
				continue
			}
			b.WriteByte(c)
		case '*', '`':
		case '\\':
			if i+1 < len(s) && strings.IndexByte(markdown.Escapable, s[i+1]) >= 0 {
				i++
				b.WriteByte(s[i])
				continue
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
