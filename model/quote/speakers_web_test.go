package quote

import "testing"

// TestSpeakerWebNews covers attribution patterns common on news pages as
// byline extracts them: long descriptions in apposition, roles of bodies
// before the name they describe, words that open a sentence before a
// name, and the person a pronoun speaks to.
func TestSpeakerWebNews(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a description holding commas after the quote",
			"“We have a plan,” Jim Carlton, senior vice president at Acme Air, Space, and Security, said in a statement.",
			[]wantQuote{{"We have a plan,", "Jim Carlton"}}},
		{"a description that runs to the verb without a comma",
			"“The wind turned,” Priya Raman, a research analyst at the Council on Energy, Environment and Water think tank told reporters.",
			[]wantQuote{{"The wind turned,", "Priya Raman"}}},
		{"two descriptions before the verb: the name, not the role",
			"Omar Halabi, a senior analyst at Stratfor, the Texas-based intelligence firm, told reporters that the group was “fairly secular.”",
			[]wantQuote{{"fairly secular.", "Omar Halabi"}}},
		{"a title before a name and two descriptions",
			"Cmdr. Sean Ruiz, a spokesperson for Inherent Resolve, the military operation in Iraq and Syria, told reporters the claim “is false.”",
			[]wantQuote{{"is false.", "Sean Ruiz"}}},
		{"an opening place is no speaker",
			"In Washington, the Department of Justice, in a statement, said the plan was “unlawful.”",
			[]wantQuote{{"unlawful.", "Department of Justice"}}},
		{"a participle opening a sentence is no part of a name",
			"Tim Cook spoke on Tuesday.\n\nHosting Cook at the summit “is our dream,” Marc Benioff said.\n\n“I can feel him here,” Cook said.",
			[]wantQuote{{"is our dream,", "Marc Benioff"}, {"I can feel him here,", "Tim Cook"}}},
		{"a first name in -ing stays a name",
			"Sterling Brown said he was “thrilled.”",
			[]wantQuote{{"thrilled.", "Sterling Brown"}}},
		{"like before a name is no part of it",
			"Like Instagram, the app lets users pick a label. “I chose Journalist,” said Nora Vance.\n\n“It was fun,” she said.",
			[]wantQuote{{"I chose Journalist,", "Nora Vance"}, {"It was fun,", "Nora Vance"}}},
		{"an adverb opening a sentence is no part of a name",
			"Maybe Acme likes it that way. “We do,” Acme said.",
			[]wantQuote{{"We do,", "Acme"}}},
		{"he told Name is not Name: unsure rather than wrong",
			"Marc Benioff spoke first.\n\n“I love the way you work,” he told Benioff.",
			[]wantQuote{{"I love the way you work,", ""}}},
		{"a sentence's subject ends where its verb begins",
			"Van Der Beek revealed the news of the loss in a video, noting that he and his wife lived every parent’s “worst nightmare.”",
			[]wantQuote{{"worst nightmare.", "Van Der Beek"}}},
	})
}
