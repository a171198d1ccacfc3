package quote

import "testing"

// TestSpeakerSalience covers who a pronoun stands for when several people
// were named: a name alone that is a person by what follows it, a plural's
// possessive before a name, a gender read past a word before the first
// name, and two people equally likely, where nobody is named.
func TestSpeakerSalience(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want []wantQuote
	}{
		{"a name alone before ', who' is a person",
			"“Change it again,” Shonda Rhimes said. Meanwhile Rihanna, who was honoured with an award, spoke about self-love.\n\n“Love yourself first,” she said.",
			[]wantQuote{{"Change it again,", "Shonda Rhimes"}, {"Love yourself first,", "Rihanna"}}},
		{"a name alone before a speech verb is a person",
			"Donald Trump spoke first. Cruz openly admitted that his pick was political.\n\n“With an eye to February,” he said.",
			[]wantQuote{{"With an eye to February,", "Cruz"}}},
		{"a plural alone before a speech verb is no person",
			"Tom Reyes spoke first. Critics argued that the plan was weak.\n\n“It is strong,” he said.",
			[]wantQuote{{"It is strong,", "Tom Reyes"}}},
		{"a plural's possessive before a name",
			"Rick Hale spoke first. Fox News’ Bret Baier noticed the gap. He said his network “held on” for long.",
			[]wantQuote{{"held on", "Bret Baier"}}},
		{"a gender past a word before the first name",
			"Mark Dunn spoke. Democrat Hillary Clinton made an appearance in a mask.\n\n“I thought it would be funny,” he said.",
			[]wantQuote{{"I thought it would be funny,", "Mark Dunn"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkQuotes(t, tt.md, tt.want) })
	}
}
