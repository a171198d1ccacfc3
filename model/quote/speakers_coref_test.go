package quote

import "testing"

// TestSpeakerPronouns covers who "he" and "she" stand for: the latest
// speaker or subject that agrees in gender, a gender known from the text
// or from a common first name, never a place or an organisation.
func TestSpeakerPronouns(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"she skips a man known by his first name",
			"Laura Pence chairs the committee. Michael Ostrow, the treasurer, opposed the plan on Monday.\n\n“We cannot afford it,” she said.",
			[]wantQuote{{"We cannot afford it,", "Laura Pence"}}},
		{"he skips a woman known by her honorific",
			"Ms. Okafor and Tom Reyes met the press. Okafor spoke first.\n\n“The bridge stays open,” he said.",
			[]wantQuote{{"The bridge stays open,", "Tom Reyes"}}},
		{"a subject after a quote that ends its sentence",
			"“The vote was rigged.” Dana Marsh, a local organiser, disagreed on Tuesday. Mark Ellis had already left.\n\n“Nobody rigged anything,” she said.",
			[]wantQuote{{"The vote was rigged.", ""}, {"Nobody rigged anything,", "Dana Marsh"}}},
		{"a subject after its modifiers and role",
			"Florida delegate Maria Archer, wearing a campaign shirt, praised the challenger. Governor Tom Hale declined to comment.\n\n“She is doing it the right way,” she said.",
			[]wantQuote{{"She is doing it the right way,", "Maria Archer"}}},
		{"a subject after an opener with no comma",
			"Mark Dunn spoke first. Meanwhile Rachel Ortiz, who chairs the board, spoke about the budget.\n\n“We can balance it,” she said.",
			[]wantQuote{{"We can balance it,", "Rachel Ortiz"}}},
		{"a place after an opening phrase is no subject",
			"Speaking at a town hall in Salem, New Hampshire, Robert Vance went after his rival. He says, “He would not last a week.”",
			[]wantQuote{{"He would not last a week.", "Robert Vance"}}},
		{"an apposition between dashes is no dateline",
			"Governor Chris Hale – a lifelong fan – gave a one-word answer.\n\n“Denver,” he answered.",
			[]wantQuote{{"Denver,", "Chris Hale"}}},
		{"a surname alone that says something is a person",
			"Linda Pruitt spoke to the crowd. Song said the plan would fail.\n\n“It will not happen,” he said.",
			[]wantQuote{{"It will not happen,", "Song"}}},
		{"a pronoun after a participle is no gender for the subject",
			"Hillary Clinton went on the offensive on Monday, saying he would abdicate leadership. Donald Trump did not reply.\n\n“We cannot be neutral,” she said.",
			[]wantQuote{{"We cannot be neutral,", "Hillary Clinton"}}},
		{"an abbreviation's dot ends no sentence",
			"On Tuesday, Mary Lane criticized Tulsa, Okla., police officer Betty Shelby for the shooting.\n\n“This is unbearable,” she said.",
			[]wantQuote{{"This is unbearable,", "Mary Lane"}}},
	})
}

// TestSpeakerObjectsAndPlaces covers words near a speech verb that are not
// its speaker: a listener, a place, a time word.
func TestSpeakerObjectsAndPlaces(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a place between commas is no apposition",
			"Donald Trump, in Kentucky, said Tuesday that his rival was “a total lightweight.”",
			[]wantQuote{{"a total lightweight.", "Donald Trump"}}},
		{"a place carried over a participle is no speaker",
			"The United States, saying the vote was “a sham,” pulled its observers.",
			[]wantQuote{{"a sham,", ""}}},
		{"a pronoun subject of a participle agrees in gender",
			"Ruth Ginsburg spoke to the Times on Monday. In an interview with The New York Times, she joked about moving abroad. She escalated her criticism on Tuesday, telling CNN that the candidate is a “faker.”",
			[]wantQuote{{"faker.", "Ruth Ginsburg"}}},
		{"the listener of told is no speaker",
			"Mark Hale, the mayor, told Reuters in an interview that the plan was “dead on arrival.”",
			[]wantQuote{{"dead on arrival.", "Mark Hale"}}},
		{"according to a network, a person said",
			"According to CNN, Clinton said the plan was “a disaster for workers.”",
			[]wantQuote{{"a disaster for workers.", "Clinton"}}},
		{"an adverb after the name is not part of it",
			"Senator Maria Lopez spoke first. Lopez again called the bill “a gift to the banks.”",
			[]wantQuote{{"a gift to the banks.", "Maria Lopez"}}},
	})
}
