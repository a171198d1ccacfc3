package quote

import "testing"

// TestTitlesAreNotQuotes: names of works in quote marks, and subheadings
// set as a paragraph in quote marks, are not quotations; quotes that look
// a little like them are.
func TestTitlesAreNotQuotes(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string
	}{
		{"a show after its owner",
			"Mayor Ana Ruiz told MSNBC’s “Morning Joe” on Friday that the count was “nearly done.”",
			[]string{"nearly done."}},
		{"a documentary",
			"The director makes this clear in her new documentary “13th.” The film opens Friday.",
			nil},
		{"an ad titled",
			"The group launched a radio ad on Saturday titled “Scam,” which attacks the university.",
			nil},
		{"a subheading in single marks",
			"The plan failed in 2010, aides said.\n\n'All Bets Are Off.'\n\nEight years later the talks resumed.",
			nil},
		{"a list of titles",
			"The service has films from Pixar, including “Star Wars,” “Mary Poppins” and “Bambi.”",
			nil},
		{"two names someone called another are words said",
			"She pointed to reports that Trump called the pageant winner “Miss Piggy” and “Miss Housekeeping” in 1996.",
			[]string{"Miss Piggy", "Miss Housekeeping"}},
		{"a title before who made it",
			"The song began 10 years ago, when the “Melvin and Howard” star met the band.",
			nil},
		{"title case speech with no work word stays",
			"The crowd chanted “Lock Her Up” as the senator spoke.",
			[]string{"Lock Her Up"}},
		{"a called phrase in lower case stays",
			"Dana Okafor called the plan “a disgrace” on Monday.",
			[]string{"a disgrace"}},
		{"a whole quoted sentence alone stays",
			"Tom Reyes spoke last.\n\n“We Will Not Give Up On This Town, Ever, No Matter What They Say To Us Today.”",
			[]string{"We Will Not Give Up On This Town, Ever, No Matter What They Say To Us Today."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindQuotes(tt.md)
			var texts []string
			for _, q := range got {
				texts = append(texts, q.Text)
			}
			if len(texts) != len(tt.want) {
				t.Fatalf("quotes %q, want %q", texts, tt.want)
			}
			for i := range texts {
				if texts[i] != tt.want[i] {
					t.Errorf("quote %d = %q, want %q", i+1, texts[i], tt.want[i])
				}
			}
			checkSpans(t, tt.md, got)
		})
	}
}
