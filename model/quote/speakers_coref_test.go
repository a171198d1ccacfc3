package quote

import "testing"

// TestSpeakerPronouns covers who "he" and "she" stand for: the latest
// speaker or subject that agrees in gender, a gender known from the text
// or from a common first name, never a place or an organisation.
func TestSpeakerPronouns(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want []wantQuote
	}{
		{"she skips a man known by his first name",
			"Laura Pence chairs the committee. Michael Ostrow, the treasurer, opposed the plan on Monday.\n\n“We cannot afford it,” she said.",
			[]wantQuote{{"We cannot afford it,", "Laura Pence"}}},
		{"he skips a woman known by her honorific",
			"Ms. Okafor and Tom Reyes met the press. Okafor spoke first.\n\n“The bridge stays open,” he said.",
			[]wantQuote{{"The bridge stays open,", "Tom Reyes"}}},
		{"a subject after a quote that ends its sentence",
			"“The vote was rigged.” Dana Marsh, a local organiser, disagreed on Tuesday. Mark Ellis had already left.\n\n“Nobody rigged anything,” she said.",
			[]wantQuote{{"The vote was rigged.", ""}, {"Nobody rigged anything,", "Dana Marsh"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkQuotes(t, tt.md, tt.want) })
	}
}
