package reader

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model/quote"
)

// typeset is an article with every kind of block the reader lays out.
const typeset = `Opening paragraph of the story, long enough to wrap at sixty columns and more.

## The harbour

- A first item whose text runs long enough to wrap onto a second line and a third one at sixty.
- A short item
  - a nested item whose text is long enough to wrap under its own text and not its bullet
- An item with two paragraphs, the first of them long enough to wrap once at sixty.

  Its second paragraph, which must not be glued to the first.

1. one
2. two
3. three
4. four
5. five
6. six
7. seven
8. eight
9. nine, with text that goes on long enough to wrap onto another line at sixty
10. ten, with text that goes on long enough to wrap onto another line at sixty

### The code

> The vulnerability stems from the fact that the client is allowed to send the server data.
>
> ` + "```json" + `
> rekt: {
>     list: [
>     ]
> }
> ` + "```" + `
>
> - quoted item one
> - quoted item two

` + "```go" + `
func main() {
	fmt.Println("hello")
}
` + "```" + `

#### The figures

| Stop | Scheduled_timestamp_of_departure | Notes |
|------|----------------------------------|-------|
| Harbour | 2024-01-01T08:00:00Z | step-free access at the north pier, café |
| Market | 2024-01-01T08:20:00Z | |

| Day | Boats |
|-----|-------|
| Mon | 4 |

Closing paragraph.
`

// renderTypeset renders typeset at width, stripped of styles, with the
// trailing spaces of each line cut.
func renderTypeset(t *testing.T, width int, dark bool) []string {
	t.Helper()
	lines, err := glamourLines(typeset, width, dark)
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
	raw, err := glamourLines(typeset, 60, true)
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
		raw, err := glamourLines(body, 60, dark)
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

// TestLayoutKeepsTheMarks renders the typeset article with and without
// its sentences marked: the laid-out text is the same, and every sentence
// is found on a line.
func TestLayoutKeepsTheMarks(t *testing.T) {
	sentences := quote.Sentences(typeset)
	doc := NewDoc(typeset, nil, sentences, nil)
	for _, width := range []int{60, 120} {
		plain, err := glamourLines(typeset, width, true)
		if err != nil {
			t.Fatal(err)
		}
		marked, marks, err := renderMarked(doc.source, width, true, doc.nEvents)
		if err != nil {
			t.Fatal(err)
		}
		if len(plain) != len(marked) {
			t.Fatalf("width %d: %d lines, %d marked", width, len(plain), len(marked))
		}
		for i := range plain {
			if ansi.Strip(plain[i]) != ansi.Strip(marked[i]) {
				t.Errorf("width %d line %d:\n%q\n%q", width, i, ansi.Strip(plain[i]), ansi.Strip(marked[i]))
			}
		}
		lost := 0
		for _, ev := range doc.spanEv {
			if marks.evLine[ev[0]] < 0 {
				lost++
			}
		}
		if lost > 0 {
			t.Errorf("width %d: %d of %d sentences lost their place", width, lost, len(doc.spanEv))
		}
	}
}

// TestMeasure checks the text column at common window widths: at most
// the measure, centred, and the window less a margin when narrower.
func TestMeasure(t *testing.T) {
	for _, c := range []struct{ window, text int }{{60, 56}, {80, 76}, {120, 80}, {160, 80}, {200, 80}} {
		w := WrapWidth(c.window, 80)
		if got := w - 2*docMargin; got != c.text {
			t.Errorf("window %d: text column %d, want %d", c.window, got, c.text)
		}
		lines, err := glamourLines(strings.Repeat("word ", 400), w, true)
		if err != nil {
			t.Fatal(err)
		}
		longest := 0
		for _, l := range lines {
			longest = max(longest, len(strings.TrimSpace(ansi.Strip(l))))
		}
		if longest > c.text || longest < c.text-5 {
			t.Errorf("window %d: the longest line of text is %d wide, want about %d", c.window, longest, c.text)
		}
		var v View
		v.SetRender(&Rendered{Lines: []string{strings.Repeat("x", w)}})
		st := testStyles()
		drawn := ansi.Strip(v.Draw(&st, c.window, 80, 1))
		if left := indentOf(drawn); left != (c.window-w)/2 {
			t.Errorf("window %d: the column starts at %d, want %d (centred)", c.window, left, (c.window-w)/2)
		}
	}
	if WrapWidth(100, 0) != WrapWidth(100, 80) {
		t.Error("an unset measure is not the default")
	}
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
	f.Add(typeset, 40)
	f.Add("- a\n\n  b\n- c\n\n| a | b |\n|---|---|\n| x | y |\n", 20)
	f.Add("> ```\n> x\n> ```\n> - y\n>   - z\n", 12)
	f.Add("|a|\n|-|\n|\\|b|\n\n1. x\n\n   y\n10. z\n", 30)
	f.Fuzz(func(t *testing.T, md string, width int) {
		width = 10 + int(uint(width)%150)
		lines, err := glamourLines(md, width, true)
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
