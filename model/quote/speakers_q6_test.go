package quote

import "testing"

// TestSpeakerRolesInNames covers roles and descriptions that stand before
// a name or for it, and subjects a pronoun should or should not reach.
func TestSpeakerRolesInNames(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a hyphenated role after a body's role",
			"Apple was “pulled in,” CEO Tim Cook said in a chat with Salesforce founder and co-CEO Marc Benioff.\n\nHosting Cook “is our dream,” Benioff said.",
			[]wantQuote{{"pulled in,", "Tim Cook"}, {"is our dream,", "Marc Benioff"}}},
		{"adjectives before a role, and a surname that is a role",
			"“There has been no gain,” says veteran industry analyst Ken Doctor. Cuts followed.\n\n“They see the way down,” says Doctor.",
			[]wantQuote{{"There has been no gain,", "Ken Doctor"}, {"They see the way down,", "Ken Doctor"}}},
		{"the role names the person the article gave it",
			"The actor James Van Der Beek left the show on Monday.\n\n“It makes you more human,” said the actor.",
			[]wantQuote{{"It makes you more human,", "James Van Der Beek"}}},
		{"a role no one was given names no one",
			"The show ended on Monday.\n\n“It makes you more human,” said the actor.",
			[]wantQuote{{"It makes you more human,", ""}}},
		{"the subject in a possessive's apposition",
			"The late neurologist Oliver Sacks wrote about it in his book.\n\nSteenburgen’s son, filmmaker Charlie McDowell (“The Discovery”), also remembers it as a trying time. “It was hard,” he said.",
			[]wantQuote{{"The Discovery", ""}, {"It was hard,", "Charlie McDowell"}}},
		{"a surname that is a common word, after a long opening clause",
			"“It is binary,” says Chris Early, a vice president at Ubisoft.\n\n“The groundwork is there,” Jack Buser says.\n\nWhile the lineup is light on exclusive titles (only three games available on the service have been announced so far), Early says there is a possibility of more. “Our objective is to make the best game,” he says.",
			[]wantQuote{{"It is binary,", "Chris Early"}, {"The groundwork is there,", "Jack Buser"}, {"Our objective is to make the best game,", "Chris Early"}}},
		{"the subject of a clause after the main one",
			"“Every book had a puzzle,” said Beth Meacham, his editor.\n\nThese passages are essential, which I came to think of as Iceberg Passages, after the novelist Jo Walton explained them to me. “You only see a tenth,” she said.",
			[]wantQuote{{"Every book had a puzzle,", "Beth Meacham"}, {"You only see a tenth,", "Jo Walton"}}},
		{"a subordinate clause's subject is less salient than the main clause's",
			"Mary Smith spoke after Jane Doe explained the plan. “It works,” she said.",
			[]wantQuote{{"It works,", "Mary Smith"}}},
		{"a title in italics is no person",
			"“I edit his books,” said Teresa Hayden, his editor.\n\n*The Last Hot Time*, an urban fantasy about elves, stars a young man.\n\nWhen Ford visited his editor Teresa Hayden at her office, he left poems. “Life was not long enough,” she recalled.",
			[]wantQuote{{"I edit his books,", "Teresa Hayden"}, {"Life was not long enough,", "Teresa Hayden"}}},
		{"an adverb between the subject and its verb after an opening phrase",
			"James Van Der Beek danced.\n\nIn [his initial Instagram](https://x.com/a) announcement of the pregnancy, Van Der Beek even touched upon the idea of miscarriage and noted there should be “zero shame” involved.",
			[]wantQuote{{"zero shame", "Van Der Beek"}}},
	})
}
