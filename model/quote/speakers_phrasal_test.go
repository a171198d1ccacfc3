package quote

import "testing"

// TestSpeakerPhrasalVerbs covers a verb and its particle that report
// speech together (shot back, chimed in, went on), and "went on" where it
// reports no speech.
func TestSpeakerPhrasalVerbs(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"shot back before the quote, past an earlier verb",
			"After Jerry Brown criticized her, Hillary Clinton shot back, “I chose to fulfil my profession.”",
			[]wantQuote{{"I chose to fulfil my profession.", "Hillary Clinton"}}},
		{"fired back after the quote",
			"“That is a lie,” Jane Porter fired back.",
			[]wantQuote{{"That is a lie,", "Jane Porter"}}},
		{"chimed in after the quote",
			"“Not so fast,” Maria Lopez chimed in.",
			[]wantQuote{{"Not so fast,", "Maria Lopez"}}},
		{"went on after the quote",
			"“You know, it happens,” Donald Trump went on, as if he did not hear her.",
			[]wantQuote{{"You know, it happens,", "Donald Trump"}}},
		{"went on before a clause reports nothing",
			"Paul Grant went on to call the plan “a disgrace” in a later speech.",
			[]wantQuote{{"a disgrace", "Paul Grant"}}},
		{"spoke out with a colon",
			"Senator Ruth Ames spoke out on Monday: “This bill is dead.”",
			[]wantQuote{{"This bill is dead.", "Ruth Ames"}}},
		{"pointed out that",
			"Carl Weiss pointed out that the law is “unenforceable” as written.",
			[]wantQuote{{"unenforceable", "Carl Weiss"}}},
		{"a quote ending its sentence and a phrasal",
			"“We will win.” Sarah Kline chimed in.",
			[]wantQuote{{"We will win.", "Sarah Kline"}}},
	})
}
