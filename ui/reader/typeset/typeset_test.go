package typeset

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/internal/testarticle"
)

// setLines is Lines cut to width, as the reader draws them.
func setLines(md string, width int, dark bool) ([]string, error) {
	lines, err := Lines(md, width, dark)
	if err != nil {
		return nil, err
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "")
		}
	}
	return lines, nil
}

// renderTypeset sets testarticle.Typeset at width, stripped of styles,
// with the trailing spaces of each line cut.
func renderTypeset(t *testing.T, width int, dark bool) []string {
	t.Helper()
	lines, err := setLines(testarticle.Typeset(), width, dark)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("width %d: line %d is %d wide: %q", width, i, w, ansi.Strip(l))
		}
		if strings.Contains(l, layoutPrefix) {
			t.Errorf("width %d: a layout mark was left in line %d: %q", width, i, l)
		}
		out[i] = strings.TrimRight(ansi.Strip(l), " ")
	}
	return out
}

// lineWith is the index of the first line holding s, or -1.
func lineWith(lines []string, s string) int {
	for i, l := range lines {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}

func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// TestListsHangUnderTheirText checks at 60 and 120 columns that a list
// item's later lines start under its text, not under its bullet, that
// numbers are right-aligned and that an item's paragraphs stay apart.
func TestListsHangUnderTheirText(t *testing.T) {
	for _, width := range []int{60, 120} {
		lines := renderTypeset(t, width, true)
		for _, item := range []string{"A first item", "a nested item", "An item with two", "nine, with", "ten, with"} {
			i := lineWith(lines, item)
			if i < 0 {
				t.Fatalf("width %d: no %q in\n%s", width, item, strings.Join(lines, "\n"))
			}
			col := ansi.StringWidth(lines[i][:strings.Index(lines[i], item)])
			if width == 60 && (i+1 >= len(lines) || indentOf(lines[i+1]) != col) {
				t.Errorf("width %d: the line after %q does not start under its text (column %d):\n%s\n%s", width, item, col, lines[i], lines[i+1])
			}
		}
		nine, ten := lines[lineWith(lines, "nine, with")], lines[lineWith(lines, "ten, with")]
		if strings.Index(nine, "9.") != strings.Index(ten, "10.")+1 || strings.Index(nine, "nine") != strings.Index(ten, "ten") {
			t.Errorf("width %d: numbers are not right-aligned:\n%s\n%s", width, nine, ten)
		}
		if strings.Contains(strings.Join(lines, " "), "01.") {
			t.Errorf("width %d: a padded number", width)
		}
		second := lineWith(lines, "Its second paragraph")
		if second < 0 || strings.Contains(lines[second-1], "Its second") || !strings.Contains(lines[second], "  Its second") {
			t.Errorf("width %d: an item's second paragraph is not on a line of its own:\n%s", width, strings.Join(lines, "\n"))
		}
	}
}

// TestCodeKeepsItsForm checks a code block in a block quote keeps its
// lines inside the quote's bar, no fence is shown, and code blocks are
// set on a background and highlighted.
func TestCodeKeepsItsForm(t *testing.T) {
	for _, width := range []int{60, 120} {
		lines := renderTypeset(t, width, true)
		all := strings.Join(lines, "\n")
		if strings.Contains(all, "```") {
			t.Errorf("width %d: a fence is shown:\n%s", width, all)
		}
		for _, code := range []string{"rekt: {", "list: [", "]", "}", "quoted item one"} {
			i := lineWith(lines[lineWith(lines, "The vulnerability"):], code)
			if i < 0 {
				t.Fatalf("width %d: no %q in the quote", width, code)
			}
			if l := lines[lineWith(lines, "The vulnerability")+i]; !strings.HasPrefix(strings.TrimLeft(l, " "), "│") {
				t.Errorf("width %d: %q is outside the quote: %q", width, code, l)
			}
		}
	}
	raw, err := setLines(testarticle.Typeset(), 60, true)
	if err != nil {
		t.Fatal(err)
	}
	bg := "48;5;" + darkPalette.codeBg
	plain := make([]string, len(raw))
	for i, l := range raw {
		plain[i] = ansi.Strip(l)
	}
	for _, code := range []string{"rekt", "Println"} {
		i := lineWith(plain, code)
		if i < 0 || !strings.Contains(raw[i], bg) {
			t.Errorf("%q is not on the code background: %q", code, raw[i])
		}
	}
	fn := raw[lineWith(plain, "func main")]
	if !strings.Contains(fn, "38;5;75m") && !strings.Contains(fn, "38;2;") {
		t.Errorf("the go code is not highlighted: %q", fn)
	}
}

// TestTablesNeverBreakWords: a table wider than the column becomes rows of
// "header: value" with every word whole; a table that fits stays a table.
func TestTablesNeverBreakWords(t *testing.T) {
	for _, width := range []int{60, 120} {
		lines := renderTypeset(t, width, true)
		all := strings.Join(lines, "\n")
		for _, word := range []string{"Scheduled_timestamp_of_departure", "2024-01-01T08:00:00Z", "step-free", "café"} {
			if !strings.Contains(all, word) {
				t.Errorf("width %d: %q is cut:\n%s", width, word, all)
			}
		}
		if i := lineWith(lines, "Mon"); i < 0 || !strings.Contains(lines[i], "│") {
			t.Errorf("width %d: the small table is not a table:\n%s", width, all)
		}
	}
	lines := renderTypeset(t, 60, true)
	if i := lineWith(lines, "Stop: Harbour"); i < 0 || !strings.Contains(strings.Join(lines[i:i+3], " "), "Notes: step-free") {
		t.Errorf("the wide table is not rows of header: value:\n%s", strings.Join(lines, "\n"))
	}
	if i := lineWith(lines, "Stop: Market"); i < 0 || strings.Contains(lines[i], "Notes:") {
		t.Errorf("an empty cell is written: %q", lines[max(0, i)])
	}
}

// TestHeadingLevelsAreDistinct: in both themes H1, H2, H3 and H4 each
// have their own look, H1 and H2 a blank line more above them.
func TestHeadingLevelsAreDistinct(t *testing.T) {
	body := "Intro.\n\n# Level one\n\nText.\n\n## Level two\n\nText.\n\n### Level three\n\nText.\n\n#### Level four\n\nText.\n"
	for _, dark := range []bool{true, false} {
		raw, err := setLines(body, 60, dark)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]int{}
		for level := 1; level <= 4; level++ {
			name := []string{"one", "two", "three", "four"}[level-1]
			i := -1
			for j, l := range raw {
				if strings.Contains(ansi.Strip(l), "Level "+name) {
					i = j
				}
			}
			look := firstStyle(raw[i], "Level")
			if prev, ok := seen[look]; ok {
				t.Errorf("dark %v: H%d looks like H%d: %q", dark, level, prev, look)
			}
			seen[look] = level
			blank := 0
			for j := i - 1; j >= 0 && strings.TrimSpace(ansi.Strip(raw[j])) == ""; j-- {
				blank++
			}
			if want := map[bool]int{true: 2, false: 1}[level <= 2]; blank != want {
				t.Errorf("dark %v: H%d has %d blank lines above, want %d", dark, level, blank, want)
			}
		}
	}
}

// TestHeadingsWithoutHashes renders every level of heading in both
// themes: no "#" is drawn, headings stay bold, and H1 keeps its band.
func TestHeadingsWithoutHashes(t *testing.T) {
	body := "# The harbor\n\nIntro.\n\n## What changed\n\nText.\n\n### Details\n\n#### Four\n\n##### Five\n\n###### Six\n\nEnd.\n"
	for _, dark := range []bool{true, false} {
		lines, err := setLines(body, 60, dark)
		if err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(strings.Join(lines, "\n"))
		if strings.Contains(plain, "#") {
			t.Errorf("dark %v: a heading shows its markdown:\n%s", dark, plain)
		}
		var h1, h2 string
		for _, l := range lines {
			switch strings.TrimSpace(ansi.Strip(l)) {
			case "The harbor":
				h1 = l
			case "What changed":
				h2 = l
			}
		}
		if !strings.Contains(h2, "\x1b[") || !strings.Contains(h1, "48;5;"+paletteFor(dark).h1bg) {
			t.Errorf("dark %v: H2 is styled and H1 has its band:\nH1 %q\nH2 %q", dark, h1, h2)
		}
		if !strings.Contains(ansi.Strip(h1), " The harbor ") {
			t.Errorf("dark %v: H1's band is padded: %q", dark, ansi.Strip(h1))
		}
	}
}

// firstStyle is the SGR sequence in force where s starts in l.
func firstStyle(l, s string) string {
	i := strings.Index(l, s)
	if i < 0 {
		return ""
	}
	j := strings.LastIndex(l[:i], "\x1b[")
	if j < 0 {
		return ""
	}
	return l[j:i]
}

func TestTableCells(t *testing.T) {
	for row, want := range map[string][]string{
		"| a | b |":        {"a", "b"},
		`| a \| b | c |`:   {`a \| b`, "c"},
		"| **x** |  | y |": {"**x**", "", "y"},
	} {
		if got := tableCells(row); strings.Join(got, "¦") != strings.Join(want, "¦") {
			t.Errorf("%s: %q, want %q", row, got, want)
		}
	}
	if w := tableWidth([]string{"[link](https://example.com/long)", "b"}, nil); w != len("link[00]")+2+1+2+1 {
		t.Errorf("a link's target counts in its width: %d", w)
	}
}

// FuzzLayout lays out any markdown at a narrow and a wide width: nothing
// panics, no line is wider than the width and no layout mark is left.
func FuzzLayout(f *testing.F) {
	f.Add(testarticle.Typeset(), 40)
	f.Add("- a\n\n  b\n- c\n\n| a | b |\n|---|---|\n| x | y |\n", 20)
	f.Add("> ```\n> x\n> ```\n> - y\n>   - z\n", 12)
	f.Add("|a|\n|-|\n|\\|b|\n\n1. x\n\n   y\n10. z\n", 30)
	f.Fuzz(func(t *testing.T, md string, width int) {
		width = 10 + int(uint(width)%150)
		lines, err := setLines(md, width, true)
		if err != nil {
			return
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > width {
				t.Fatalf("line %d is %d wide at %d: %q", i, w, width, l)
			}
			if strings.Contains(l, layoutPrefix) {
				t.Fatalf("a layout mark was left in line %d: %q", i, l)
			}
		}
	})
}
