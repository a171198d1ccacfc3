package reader

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
)

// TestViewWithoutBubbleTea drives a View as the app does, with no keys:
// the header and render arrive, the focus moves from quote to quote and
// scrolls to each, find scrolls to a term, and Draw paints the focus.
func TestViewWithoutBubbleTea(t *testing.T) {
	body := testarticle.Quoted()
	doc := NewDoc(body, quote.FindQuotes(body), quote.Sentences(body), nil)
	st := testStyles()
	const width, height = 60, 8
	var v View
	v.SetHeader(Header(&st, model.Article{Title: "The harbor"}, 2, WrapWidth(width, 0), nil))
	v.SetDoc(doc, nil)
	if s := ansi.Strip(v.Draw(&st, width, 0, height)); !strings.Contains(s, renderingLine) {
		t.Fatalf("before its render the body says it is rendering:\n%s", s)
	}
	r, err := Render(doc, WrapWidth(width, 0), true)
	if err != nil {
		t.Fatal(err)
	}
	v.SetRender(r)
	if got, ok := v.Move(Quote, 1, height); !ok || got != "quote 1/3 · Ana Lima" {
		t.Fatalf("the first quote: %q %v", got, ok)
	}
	if d := v.Draw(&st, width, 0, height); !strings.Contains(d, st.spans.pre[bitQuote|bitFocus]) {
		t.Fatalf("the quote in focus is painted so:\n%q", d)
	}
	v.Move(Quote, 1, height)
	v.Move(Quote, 1, height)
	if got, ok := v.Move(Quote, 1, height); ok || got != "no more quotes below" {
		t.Fatalf("past the last quote: %q %v", got, ok)
	}
	if v.Offset() == 0 || !strings.Contains(ansi.Strip(v.Draw(&st, width, 0, height)), "If the weather holds") {
		t.Fatalf("the view scrolled to the third quote: offset %d", v.Offset())
	}
	v.ScrollTo(0, height)
	if v.Find("MOORINGS", height) == 0 || v.FindTerm() != "moorings" || v.Percent(height) != "100%" {
		t.Fatalf("find scrolls to the last paragraph: offset %d, %s", v.Offset(), v.Percent(height))
	}
}
