package quote

import "testing"

// TestSpeakerRules covers the attribution rules measured on news prose:
// one short passage per class.
func TestSpeakerRules(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want []wantQuote
	}{
		{"partial quote takes the sentence's subject",
			"President Maria Lindqvist spoke on Monday. Lindqvist condemned the vote as “reckless and cynical” before leaving.",
			[]wantQuote{{"reckless and cynical", "Maria Lindqvist"}}},
		{"partial quote after a role and a name",
			"Democratic presidential candidate Dana Whitfield is urging voters in Ohio to “send a message” to the banks.",
			[]wantQuote{{"send a message", "Dana Whitfield"}}},
		{"partial quote after an adverb in -ly",
			"Senator Paul Okoro has repeatedly decried the “culture of secrecy” at the agency.",
			[]wantQuote{{"culture of secrecy", "Paul Okoro"}}},
		{"partial quote with a pronoun subject",
			"Mayor Tom Briggs visited the site. He blamed the delay on “people who never read the plans.”",
			[]wantQuote{{"people who never read the plans.", "Tom Briggs"}}},
		{"partial quote after a role with the name in apposition",
			"The interior minister, Gerald Okafor, for his part judged the turnout “falling”.",
			[]wantQuote{{"falling", "Gerald Okafor"}}},
		{"partial quote after a role of a body with the name in apposition",
			"The Secretary of State, Joan Whitby, described the talks as “a first step”.",
			[]wantQuote{{"a first step", "Joan Whitby"}}},
		{"someone's words before a colon give who said them",
			"Asked about the strike, the mayor's answer came quickly: “Who will pay?”",
			[]wantQuote{{"Who will pay?", "mayor"}}},
		{"a thing before a colon names nobody",
			"Delegates filed out of the hall. The mood was grim: “We have lost.”",
			[]wantQuote{{"We have lost.", ""}}},
		{"a name before of and the body it belongs to",
			"“Organics matter,” said planetary geologist Rosa Lind of the Jet Propulsion Laboratory in California.",
			[]wantQuote{{"Organics matter,", "Rosa Lind"}}},
		{"a thing as subject names nobody",
			"The timing of the vote does not surprise anyone in “the valley”.",
			[]wantQuote{{"the valley", ""}}},
		{"a partial quote in a relative clause is not the subject's",
			"The Harlow council voted on Tuesday to replace the bridge, which has been shut since an inspection found “severe corrosion” in June.",
			[]wantQuote{{"severe corrosion", ""}}},
		{"quote sentence after its speaker's sentence",
			"Tom Okafor praised the new bridge. “It saves me an hour a day.”",
			[]wantQuote{{"It saves me an hour a day.", "Tom Okafor"}}},
		{"the sentence after a full stop is not an attribution",
			"Ana Ruiz runs the bakery. “We will reopen in June.” The move was first reported by the Gazette.",
			[]wantQuote{{"We will reopen in June.", "Ana Ruiz"}}},
		{"X said after a full stop",
			"“The water came in an hour. We lost everything.” Ruiz said.\n\nAna Ruiz runs the bakery.",
			[]wantQuote{{"The water came in an hour. We lost everything.", "Ana Ruiz"}}},
		{"a new report after a full stop",
			"Board chair Jane Baker said the review was “far from over.” He said the board had not voted.",
			[]wantQuote{{"far from over.", "Jane Baker"}}},
		{"contracted pronoun inside reported speech",
			"Mayor Tom Briggs said he’d asked his staff to “look again” at the plans.",
			[]wantQuote{{"look again", "Tom Briggs"}}},
		{"continue to is no speech verb",
			"Ana Okafor met Leo Brandt on Friday. Okafor said she was sure Brandt would continue to be “a strong voice for the town.”",
			[]wantQuote{{"a strong voice for the town.", "Ana Okafor"}}},
		{"apposition with who before the verb",
			"Clara Diaz, who was visiting the plant, did not name the firm but told workers that the region deserved “better neighbours.”",
			[]wantQuote{{"better neighbours.", "Clara Diaz"}}},
		{"state is a noun after an adjective",
			"President Ana Park said Kim’s mental state is “spiraling out of control.”",
			[]wantQuote{{"spiraling out of control.", "Ana Park"}}},
		{"quote over two paragraphs, speaker at the end",
			"Ana Park spoke first.\n\n“We waited all night for the boats.\n\n“Nobody came until the morning,” said Tom Briggs, a farmer.",
			[]wantQuote{{"We waited all night for the boats.", "Tom Briggs"}, {"Nobody came until the morning,", "Tom Briggs"}}},
		{"quote over two paragraphs, speaker before the start",
			"Tom Briggs, a farmer, said:\n\n“We waited all night for the boats.\n\n“Nobody came until the morning.”",
			[]wantQuote{{"We waited all night for the boats.", "Tom Briggs"}, {"Nobody came until the morning.", "Tom Briggs"}}},
		{"party tag between name and verb",
			"“Deadlines are not optional,” Rep. Jane Holt (R-Ohio) said.",
			[]wantQuote{{"Deadlines are not optional,", "Jane Holt"}}},
		{"speaker signed under the quote",
			"“It was a disgrace to watch.” ― Maria Flores\n\n“I will vote in November.” ― Jorge Ruiz Vega",
			[]wantQuote{{"It was a disgrace to watch.", "Maria Flores"}, {"I will vote in November.", "Jorge Ruiz Vega"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkQuotes(t, tt.md, tt.want) })
	}
}
