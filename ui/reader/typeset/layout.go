package typeset

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// layoutLines does on Glamour's lines, rendered width wide, what its
// style's layout marks ask for (see style.go): block quote bars, code
// blocks set on a background, and list items whose later lines hang
// under their text rather than under their bullet. Every layout mark is
// gone from what it returns; the doc's marks stay in the text, which is
// moved but never cut.
func layoutLines(lines []string, width int, p palette) []string {
	if !anyLayout(lines) {
		return lines
	}
	for i, l := range lines {
		if strings.Contains(l, quoteMark) {
			lines[i] = quoteBars(l)
		}
	}
	lines = codeBlocks(lines, width, p)
	lines = hangItems(lines)
	for i, l := range lines {
		lines[i] = bareLayout(l)
	}
	return lines
}

func anyLayout(lines []string) bool {
	for _, l := range lines {
		if strings.Contains(l, layoutPrefix) {
			return true
		}
	}
	return false
}

// quoteBars draws each level of block quote on a line as a bar and a
// space: Glamour writes the quote's indent token twice a level.
func quoteBars(l string) string {
	var b strings.Builder
	for n := 0; ; n++ {
		i := strings.Index(l, quoteMark)
		if i < 0 {
			b.WriteString(l)
			return b.String()
		}
		b.WriteString(l[:i])
		if n%2 == 0 {
			b.WriteString("│")
		} else {
			b.WriteByte(' ')
		}
		l = l[i+len(quoteMark):]
	}
}

// codeBlocks sets each code block on the theme's background, from where
// its indent starts to the text's right edge, with a line of background
// above and below it.
func codeBlocks(lines []string, width int, p palette) []string {
	bg := "\x1b[48;5;" + p.codeBg + "m"
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		open := strings.Index(lines[i], codeOpen)
		if open < 0 {
			out = append(out, lines[i])
			continue
		}
		col := max(0, ansi.StringWidth(lines[i][:open])-codeMargin)
		fill := max(1, width-Margin-col)
		frame, _ := cutCells(lines[i], col)
		blank := frame + bg + strings.Repeat(" ", fill) + "\x1b[m"
		out = append(out, blank)
		for ; i < len(lines); i++ {
			l := lines[i]
			closing := strings.Contains(l, codeClose)
			head, body := cutCells(l, col)
			body = strings.ReplaceAll(trimRightSpace(bareLayout(body)), "\t", "    ")
			if !closing || ansi.StringWidth(body) > 0 {
				pad := strings.Repeat(" ", max(0, fill-ansi.StringWidth(body)))
				out = append(out, head+bg+onBackground(body, bg)+pad+"\x1b[m")
			}
			if closing {
				break
			}
		}
		out = append(out, blank)
	}
	return out
}

// onBackground keeps bg in force through s: after each reset in it, bg
// is set again.
func onBackground(s, bg string) string {
	s = strings.ReplaceAll(s, "\x1b[0m", "\x1b[0m"+bg)
	s = strings.ReplaceAll(s, "\x1b[m", "\x1b[m"+bg)
	s = strings.ReplaceAll(s, "\x1b[49m", bg)
	return s
}

// hangItems sets each list item's bullet or number in the indent Glamour
// gives the list (listIndent), right-aligned so that the item's text
// starts where the lines it wraps onto do. Glamour writes the bullet at
// the start of the indent and the text after it, one bullet further in
// than its later lines.
func hangItems(lines []string) []string {
	for i, l := range lines {
		mark := strings.Index(l, itemMark)
		if mark < 0 {
			continue
		}
		plain := ansi.Strip(l[:mark])
		bulletCol := ansi.StringWidth(plain[:strings.LastIndexByte(plain, ' ')+1])
		b := ansi.StringWidth(plain) - bulletCol + 1 // the bullet and its space
		head, _ := cutCells(l[:mark], max(0, bulletCol-b))
		_, bullet := cutCells(l[:mark], bulletCol)
		_, text := cutCells(l[mark+len(itemMark):], 1) // the space after the bullet
		lines[i] = head + bullet + "\x1b[m " + text
	}
	return lines
}

// cutCells splits l where its first n cells end: head holds them, with
// the escape sequences among them, and tail the rest (the escape
// sequences that style it too), from the first rune
// past them (a rune that takes no cell there, such as a doc mark, belongs
// to the text after it).
func cutCells(l string, n int) (head, tail string) {
	cells := 0
	for i := 0; i < len(l); {
		if cells >= n {
			return l[:i], l[i:]
		}
		if l[i] == 0x1b {
			i += escapeLen(l[i:])
			continue
		}
		r, size := utf8.DecodeRuneInString(l[i:])
		cells += runeCells(r)
		i += size
	}
	return l, ""
}

// trimRightSpace drops the spaces (and the escape sequences among them)
// that end s, and ends it with a reset; a rune that takes no cell, such
// as a doc mark, stays.
func trimRightSpace(s string) string {
	end := 0
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			i += escapeLen(s[i:])
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r != ' ' {
			end = i
		}
	}
	return s[:end] + "\x1b[m"
}

// escapeLen is the length of the escape sequence at the start of s.
func escapeLen(s string) int {
	n, _ := EscapeAt(s)
	return max(1, n)
}

func runeCells(r rune) int {
	if r < 0x80 {
		return 1
	}
	return ansi.StringWidth(string(r))
}
