package reader

import (
	"strings"
	"testing"

	"github.com/byline-reader/byline/internal/testarticle"
)

// TestMoveStartsFromTheScreen: n and N move from the focus while it is on
// the screen, and from the screen's edge once the reader scrolled away:
// n to the first quote at or below the top line, N to the last above the
// bottom one.
func TestMoveStartsFromTheScreen(t *testing.T) {
	const width, height = 60, 6
	v := renderedView(t, testarticle.Quoted(), width)
	line := func(i int) int { return v.spanLine(v.doc.unitSpan(Quote, i), false) }
	if line(0) < 0 || line(2) <= line(1)+height {
		t.Fatalf("quotes on lines %d, %d, %d: the third must be a screen below the second", line(0), line(1), line(2))
	}
	if got, _ := v.Move(Quote, 1, height); got != "quote 1/3 · Ana Lima" {
		t.Fatalf("first: %q", got)
	}
	if got, _ := v.Move(Quote, 1, height); !strings.HasPrefix(got, "quote 2/3") {
		t.Fatalf("from the focus on the screen: %q", got)
	}
	if got, _ := v.Move(Quote, -1, height); !strings.HasPrefix(got, "quote 1/3") {
		t.Fatalf("back from the focus on the screen: %q", got)
	}
	// Scrolled away, past the second quote: n goes to the third, not to
	// the one after the focus.
	v.ScrollTo(line(2)-1, height)
	if got, _ := v.Move(Quote, 1, height); !strings.HasPrefix(got, "quote 3/3") {
		t.Fatalf("n after scrolling down: %q", got)
	}
	// Back at the top, the focus (the third) off the screen: n finds the
	// first quote, N the last one starting above the bottom line.
	v.ScrollTo(0, height)
	if got, _ := v.Move(Quote, 1, height); got != "quote 1/3 · Ana Lima" {
		t.Fatalf("n from the top: %q", got)
	}
	v.ScrollTo(line(2)-1, height) // the focus, the first quote, off the screen
	if got, _ := v.Move(Quote, -1, height); !strings.HasPrefix(got, "quote 3/3") {
		t.Fatalf("N finds the last quote above the bottom of the screen first: %q", got)
	}
	if got, _ := v.Move(Quote, -1, height); !strings.HasPrefix(got, "quote 2/3") {
		t.Fatalf("N from the focus on the screen: %q", got)
	}
	// Sentences move from the screen the same way.
	v.ScrollTo(line(2)-1, height)
	got, _ := v.Move(Sentence, 1, height)
	if s := v.spanLine(v.FocusSpan(), false); s < v.Offset() || !strings.HasPrefix(got, "sentence") {
		t.Fatalf("the next sentence starts on the screen: %q on line %d, top %d", got, s, v.Offset())
	}
}
