package quote

import "testing"

// TestSpeakerHeadlines covers lines laid out as headlines: a title-case
// line whose speech verb is capitalised (Rubio Says “…”), one that runs
// into the next line with no stop, and a roundup's "HEADLINE – Name: “…”".
func TestSpeakerHeadlines(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a title-case paragraph: X Says “…”",
			"Rubio Says “We Will Win This State”\n\nThe senator spoke on Monday in Miami.",
			[]wantQuote{{"We Will Win This State", "Rubio"}}},
		{"a title-case paragraph: X Said “…” with a role",
			"Senator Tom Hale Said “No Deal” After The Vote\n\nThe talks ended late on Monday.",
			[]wantQuote{{"No Deal", "Tom Hale"}}},
		{"a title-case paragraph: X: “…”",
			"Clinton: “I Am Not Going Anywhere”\n\nThe candidate spoke on Monday.",
			[]wantQuote{{"I Am Not Going Anywhere", "Clinton"}}},
		{"a headline line runs into the next with no stop",
			"Rubio Says Dropping The Bill Was A Sign Of Leadership\nMarco Rubio defended himself on Saturday. Christie attacked him.\n\n“It was leadership,” Rubio said.",
			[]wantQuote{{"It was leadership,", "Marco Rubio"}}},
		{"a roundup headline, a dash and names",
			"VOTERS CARE MORE ABOUT INSPIRATION - Frank Newport: “We found that leadership matters most.” [Gallup]",
			[]wantQuote{{"We found that leadership matters most.", "Frank Newport"}}},
		{"a roundup headline with two names gives the last",
			"VOTERS CARE MORE ABOUT INSPIRATION – Frank Newport and Jim Harter: “We found that leadership matters most.”",
			[]wantQuote{{"We found that leadership matters most.", "Jim Harter"}}},
		{"a prose sentence with a dash keeps its subject",
			"The mayor – who took office in May – was blunt: “We are broke.”",
			[]wantQuote{{"We are broke.", ""}}}, // no mayor named: unsure
	})
}
