package reader

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/model/quote"
	"github.com/byline-reader/byline/ui/reader/typeset"
)

// TestLayoutKeepsTheMarks renders the typeset article with and without
// its sentences marked: the laid-out text is the same, and every sentence
// is found on a line.
func TestLayoutKeepsTheMarks(t *testing.T) {
	article := testarticle.Typeset()
	sentences := quote.Sentences(article)
	doc := NewDoc(article, nil, sentences, nil)
	for _, width := range []int{60, 120} {
		plain, err := glamourLines(article, width, true)
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
		if got := w - 2*typeset.Margin; got != c.text {
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
		if left := len(drawn) - len(strings.TrimLeft(drawn, " ")); left != (c.window-w)/2 {
			t.Errorf("window %d: the column starts at %d, want %d (centred)", c.window, left, (c.window-w)/2)
		}
	}
	if WrapWidth(100, 0) != WrapWidth(100, 80) {
		t.Error("an unset measure is not the default")
	}
}
