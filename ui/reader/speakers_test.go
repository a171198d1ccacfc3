package reader

import (
	"strings"
	"testing"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
	"github.com/charmbracelet/x/ansi"
)

// TestSpeakerLabelInTheRender renders the seed excerpt narrow and wide:
// the label ends its sentence, in the speaker's look, on whatever line
// it wraps to, and the quote's look holds on every line of the quote.
func TestSpeakerLabelInTheRender(t *testing.T) {
	body := testarticle.SeedExcerpt
	quotes := quote.FindQuotes(body)
	doc := NewDoc(body, quotes, quote.Sentences(body), nil)
	st := testStyles()
	bits := doc.regionBits(nil, model.Span{Start: -1, End: -1})
	for _, width := range []int{40, 70, 120} {
		lines, marks, err := renderMarked(doc.source, width, true, doc.nEvents)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(ansi.Strip(strings.Join(lines, " "))), " ")
		for _, want := range []string{"he added. — Vladimir Putin Putin also warned", "the statement said. — South Korea’s Foreign Ministry In response"} {
			if !strings.Contains(text, want) {
				t.Errorf("width %d: want %q in\n%s", width, want, text)
			}
		}
		if len(doc.labelEv) != 2 {
			t.Fatalf("%d labels", len(doc.labelEv))
		}
		for _, p := range doc.labelEv {
			i := marks.evLine[p[1]] // the label may wrap to the line after its sentence
			painted := marks.paint(int(i), lines[i], bits, &st.spans)
			if !strings.Contains(painted, st.spans.pre[bitSpeaker]) {
				t.Errorf("width %d: the label on line %d is not in the speaker's look: %q", width, i, painted)
			}
		}
		for qi, p := range doc.quoteEv {
			for i := marks.evLine[p[0]]; i <= marks.evLine[p[1]]; i++ {
				if painted := marks.paint(int(i), lines[i], bits, &st.spans); !strings.Contains(painted, st.spans.pre[bitQuote]) {
					t.Errorf("width %d: line %d of quote %d is not in the quote's look", width, i, qi+1)
				}
			}
		}
	}
}
