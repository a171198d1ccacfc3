package reader

import (
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
	"github.com/charmbracelet/x/ansi"
)

// seedExcerpt is the seed article's first paragraphs.
const seedExcerpt = "Russian President Vladimir Putin warned South Korea on Friday that it would be making a “very big mistake” if it arms Ukraine in its war against Russia.\n\n" +
	"Putin’s comments come after Seoul said it was considering arming Ukraine, in response to a new pact between Russia and North Korea that stated they would defend each other in case of “aggression” against either country.\n\n" +
	"“If this happens, then we will also make appropriate decisions that the current leaders of South Korea would not like,” Putin said during his state visit to Vietnam on Thursday, which immediately followed the lavish visit to Pyongyang. “We reserve our right to supply weapons to other regions of the world,” he added.\n\n" +
	"Putin also warned that Russia is willing to arm North Korea if the United States and its allies continue to supply weapons to Ukraine.\n\n" +
	"Additionally, Seoul spoke out on Friday about Russian ambassador Georgy Zinoviev, and South Korea’s Foreign Ministry issued a statement demanding that “Russia immediately stop military cooperation with North Korea.”\n\n" +
	"South Korea also claimed that Putin’s support threatens the country’s security and violates UN Security Council resolutions. “South Korea will resolutely respond to threats against South Korea’s national security,” the statement said.\n\n" +
	"In response, the Russian Foreign Ministry said that “attempted threats and blackmail against Russia are unacceptable” and that the agreement was bilateral and not directed at third countries.\n"

// TestSpeakerLabelInTheRender renders the seed excerpt narrow and wide:
// the label ends its sentence, in the speaker's look, on whatever line
// it wraps to, and the quote's look holds on every line of the quote.
func TestSpeakerLabelInTheRender(t *testing.T) {
	body := seedExcerpt
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
