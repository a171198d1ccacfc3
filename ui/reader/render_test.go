package reader

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
)

// TestQuoteStyleOnEveryWrappedLine renders a long quote narrow and checks
// that the quote's look is drawn on every line it wraps onto.
func TestQuoteStyleOnEveryWrappedLine(t *testing.T) {
	body := testarticle.Quoted()
	quotes := quote.FindQuotes(body)
	doc := NewDoc(body, quotes, quote.Sentences(body), nil)
	st := testStyles()
	long := quotes[2]
	for _, width := range []int{40, 60, 120} {
		lines, marks, err := renderMarked(doc.source, width, true, doc.nEvents)
		if err != nil {
			t.Fatal(err)
		}
		bits := doc.regionBits(nil, model.Span{Start: -1, End: -1})
		first, last := marks.evLine[doc.quoteEv[2][0]], marks.evLine[doc.quoteEv[2][1]]
		if first < 0 || last <= first {
			t.Fatalf("width %d: the long quote spans lines %d to %d", width, first, last)
		}
		for i := first; i <= last; i++ {
			painted := marks.paint(int(i), lines[i], bits, &st.spans)
			if !strings.Contains(painted, st.spans.pre[bitQuote]) {
				t.Errorf("width %d: line %d of the quote is not in the quote's look: %q", width, i, painted)
			}
			if ansi.Strip(painted) != ansi.Strip(lines[i]) {
				t.Errorf("width %d: painting changed the text of line %d", width, i)
			}
		}
		if !strings.Contains(strings.Join(strings.Fields(ansi.Strip(strings.Join(lines, " "))), " "), "he added. — Tomas Reyes") {
			t.Errorf("width %d: no speaker label for %q", width, long.Text)
		}
		for _, l := range lines {
			if strings.Contains(l, markPrefix) {
				t.Fatalf("width %d: a mark was left in %q", width, l)
			}
		}
	}
}

// TestMarksDoNotChangeTheWrapping renders the same article with and
// without marks: the text on every line must be the same, labels aside.
func TestMarksDoNotChangeTheWrapping(t *testing.T) {
	body := testarticle.Long()
	doc := NewDoc(body, nil, quote.Sentences(body), nil)
	for _, width := range []int{60, 120} {
		plain, err := glamourLines(body, width, true)
		if err != nil {
			t.Fatal(err)
		}
		marked, _, err := renderMarked(doc.source, width, true, doc.nEvents)
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
	}
}
