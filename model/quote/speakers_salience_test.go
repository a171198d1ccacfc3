package quote

import "testing"

// TestSpeakerSalience covers who a pronoun stands for when several people
// were named: a name alone that is a person by what follows it, a plural's
// possessive before a name, a gender read past a word before the first
// name, and two people equally likely, where nobody is named.
func TestSpeakerSalience(t *testing.T) {
	runQuoteCases(t, []quoteCase{
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
		{"two men as one subject: nobody",
			"Tom Baker and Mike Dunn met the press on Monday.\n\n“We will win,” he said.",
			[]wantQuote{{"We will win,", ""}}},
		{"a man and a woman as one subject: the one of the pronoun's gender",
			"Tom Baker and Laura Pence met the press on Monday.\n\n“We will win,” she said.",
			[]wantQuote{{"We will win,", "Laura Pence"}}},
		{"two men as one subject: the one the article is about",
			"Tom Baker is running for mayor. Baker has raised more money than anyone. Tom Baker and Mike Dunn met the press on Monday.\n\n“We will win,” he said.",
			[]wantQuote{{"We will win,", "Tom Baker"}}},
		{"an adverb opening a sentence is no name",
			"Donald Trump has not changed. Just ask him.\n\n“You think I am going to change?” he said.",
			[]wantQuote{{"You think I am going to change?", "Donald Trump"}}},
		{"an acronym is no he or she",
			"Carly Fiorina ran the firm. HP leaders wrote letters to the board.\n\n“This is a choice,” she said.",
			[]wantQuote{{"This is a choice,", "Carly Fiorina"}}},
		{"a body's role before a name after a dateline",
			"MACAU (Reuters) – Top Republican Party donor Sheldon Adelson said on Friday he met Donald Trump.\n\nWhile the donor gave no figure, he did say he found Trump “very charming.”",
			[]wantQuote{{"very charming.", "Sheldon Adelson"}}},
		{"a person opening a clause after ', but' is a subject",
			"“Move on,” Marco Rubio said. The moderators were ready to move on, but Chris Christie wasn't having it.\n\n“You see, everybody,” he said.",
			[]wantQuote{{"Move on,", "Marco Rubio"}, {"You see, everybody,", "Chris Christie"}}},
	})
}
