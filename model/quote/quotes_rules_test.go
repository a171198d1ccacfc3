package quote

import "testing"

// TestFindQuotesReferents covers the rules that resolve who a pronoun, a
// title or a description stands for.
func TestFindQuotesReferents(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"apposition subject then pronoun",
			"Linda Pruitt said she had never seen it. Her neighbor, Tom Greer, was less worried. “We’ve been through worse,” he said.",
			[]wantQuote{{"We’ve been through worse,", "Tom Greer"}}},
		{"opening phrase before the subject",
			"“I’ve seen storms,” said Carys Morgan. Gareth Howells said he was scared.\n\nBack on the seafront, Ms Morgan was sweeping up. “You get on with it,” she said.",
			[]wantQuote{{"I’ve seen storms,", "Carys Morgan"}, {"You get on with it,", "Carys Morgan"}}},
		{"honorific picks the latest of two with a surname",
			"His wife, Karin Lindqvist, was unsure. “It felt wrong,” Ms. Lindqvist said.\n\nKarl Lindqvist, 78, still walks the rows. “Ask me in ten years,” Mr. Lindqvist said.",
			[]wantQuote{{"It felt wrong,", "Karin Lindqvist"}, {"Ask me in ten years,", "Karl Lindqvist"}}},
		{"she skips a man",
			"“I told him I was done,” Jasmine Whitaker said. Lou Brennan laughed. “I’d heard it before,” he says.\n\nBrennan visited her every week. “He made me watch races,” she added.",
			[]wantQuote{{"I told him I was done,", "Jasmine Whitaker"}, {"I’d heard it before,", "Lou Brennan"}, {"He made me watch races,", "Jasmine Whitaker"}}},
		{"she skips a group",
			"Marisa Delgado teaches third grade.\n\nDelgado hopes it lasts. She says some of her colleagues have told her they would leave “in a heartbeat”.\n\n“Nobody teaches for the money,” she says.",
			[]wantQuote{{"in a heartbeat", "colleagues"}, {"Nobody teaches for the money,", "Marisa Delgado"}}},
		{"first name resolved",
			"The surgeon called Jasmine Whitaker first.\n\n“I thought I was done,” Jasmine remembers.",
			[]wantQuote{{"I thought I was done,", "Jasmine Whitaker"}}},
		{"nickname resolved",
			"Days after Whitaker — known to all as “Jazz” — broke her leg, Jasmine Whitaker rested. “A medal,” Jazz said.",
			[]wantQuote{{"Jazz", ""}, {"A medal,", "Jasmine Whitaker"}}},
		{"it is the organisation",
			"“We dug with our hands,” Gul Zaman said. “Nothing left,” he said.\n\nThe army’s media wing, Inter-Services Public Relations (ISPR), said troops rescued 700 people. It described the operation as “one of the hardest”.",
			[]wantQuote{{"We dug with our hands,", "Gul Zaman"}, {"Nothing left,", "Gul Zaman"}, {"one of the hardest", "Inter-Services Public Relations"}}},
		{"generic organisation noun",
			"The National Weather Service said the river would crest on Friday. “More rain could push it higher,” the agency said.",
			[]wantQuote{{"More rain could push it higher,", "National Weather Service"}}},
		{"affiliation before the name",
			"Reporting from Mingora, Al Jazeera’s Farhan Rafiq said people were desperate. “They have waited since dawn,” he said.",
			[]wantQuote{{"They have waited since dawn,", "Farhan Rafiq"}}},
		{"according to names a referent",
			"The money comes from reserves, according to Finance Director Omar Sutherland. He said they would drop to “about the minimum”.",
			[]wantQuote{{"about the minimum", "Omar Sutherland"}}},
	})
}

// TestFindQuotesIntroductions covers quotes introduced without a speech
// verb next to them.
func TestFindQuotesIntroductions(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"coordinated verb",
			"Gov. Ellen Marsh called the damage “heartbreaking” and said engineers were working “around the clock.”",
			[]wantQuote{{"heartbreaking", "Ellen Marsh"}, {"around the clock.", "Ellen Marsh"}}},
		{"but said after another verb",
			"An OMB spokesperson declined to comment but said the office “supports the program.”",
			[]wantQuote{{"supports the program.", "OMB spokesperson"}}},
		{"acronym in parentheses",
			"The World Food Programme (WFP) said needs were “far greater than we can reach”.",
			[]wantQuote{{"far greater than we can reach", "World Food Programme"}}},
		{"colon after a name",
			"City Engineer Paula Sherwood spoke next. Sherwood was direct: “The cheaper option costs more.”",
			[]wantQuote{{"The cheaper option costs more.", "Paula Sherwood"}}},
		{"colon in the paragraph before",
			"Councilman Rick Alvarado, one of the two no votes, had a different view:\n\n“Nobody is saying we don’t need a bridge.”",
			[]wantQuote{{"Nobody is saying we don’t need a bridge.", "Rick Alvarado"}}},
		{"colon after a possessive",
			"Councilwoman Beth Nakamura said she had heard from “hundreds” of residents. Her message was short: “We listened.”",
			[]wantQuote{{"hundreds", "Beth Nakamura"}, {"We listened.", "Beth Nakamura"}}},
		{"colon without a subject carries over",
			"“Let’s get through the heats,” Lou Brennan said.\n\nThen, after a pause: “But she can win it.”",
			[]wantQuote{{"Let’s get through the heats,", "Lou Brennan"}, {"But she can win it.", "Lou Brennan"}}},
		{"put it simply",
			"Mayor Denise Kowalski, who pushed for the plan, put it simply: “This is the vote of the year.”",
			[]wantQuote{{"This is the vote of the year.", "Denise Kowalski"}}},
		{"present tense calls",
			"Superintendent Gordon Tate calls it “a compromise, not a solution.”",
			[]wantQuote{{"a compromise, not a solution.", "Gordon Tate"}}},
		{"unknown word before a colon",
			"Scholz sagte: „Wir stehen zusammen.“",
			[]wantQuote{{"Wir stehen zusammen.", ""}}},
	})
}

// TestFindQuotesFurniture checks that page furniture yields no quotes.
func TestFindQuotesFurniture(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"caption under an image",
			"[Image: A flooded street]\n\nA man wades through water. “It keeps coming,” he said. (AP Photo/Jo Roe)\n\n“We are ready,” Mayor Ann Lee said.",
			[]wantQuote{{"We are ready,", "Ann Lee"}}},
		{"credit and caption lines",
			"[Image: A chapel]\n\nImage source, Getty Images\n\nImage caption, The roof, in what one resident called “the worst night”\n\n“It flew off,” said Gareth Howells.",
			[]wantQuote{{"It flew off,", "Gareth Howells"}}},
		{"caption without a full stop",
			"![Fig trees](figs.jpg)\n\nSamuel Reyes planted figs. “People laughed,” he said.Credit...Ruth Fremont for The Times\n\n“My father-in-law was angry,” Samuel Reyes said.",
			[]wantQuote{{"My father-in-law was angry,", "Samuel Reyes"}}},
		{"image placeholder",
			"[Image: Protesters hold a sign reading “No cuts”]\n\nThe council called it “a disgrace”.",
			[]wantQuote{{"a disgrace", "council"}}},
		{"read more line",
			"“We won,” said Rosa Iglesias.\n\nRead more: [‘It was terrifying’ — drivers trapped](https://example.com/a)",
			[]wantQuote{{"We won,", "Rosa Iglesias"}}},
		{"button line",
			"“We won,” said Rosa Iglesias.\n\nSign up for our daily newsletter, “The Morning Brief”",
			[]wantQuote{{"We won,", "Rosa Iglesias"}}},
		{"related headlines without links",
			"“We won,” said Rosa Iglesias.\n\n## More on this story\n\n- ‘I thought the house would come down’ – your storm stories\n- Storm Elin: “Thousands without power”",
			[]wantQuote{{"We won,", "Rosa Iglesias"}}},
		{"pull quote counted once",
			"> “The river is not done with us.”\n\n“We ask you to take this seriously,” Gov. Ellen Marsh said. “The river is not done with us.”",
			[]wantQuote{{"We ask you to take this seriously,", "Ellen Marsh"}, {"The river is not done with us.", "Ellen Marsh"}}},
		{"blockquote that repeats nothing is kept",
			"The regional government wrote on Facebook:\n\n> “Stay at home and follow the instructions.”",
			[]wantQuote{{"Stay at home and follow the instructions.", "regional government"}}},
	})
}
