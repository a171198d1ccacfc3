package quote

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
)

type wantQuote struct{ text, speaker string }

// quoteCase is a passage and the quotes FindQuotes should find in it.
type quoteCase struct {
	name string
	md   string
	want []wantQuote
}

// runQuoteCases checks each case with checkQuotes, in a subtest of its own.
func runQuoteCases(t *testing.T, cases []quoteCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) { checkQuotes(t, tt.md, tt.want) })
	}
}

func checkQuotes(t *testing.T, md string, want []wantQuote) {
	t.Helper()
	got := FindQuotes(md)
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(got):
			t.Errorf("missing quote %d: %q (%s)", i+1, want[i].text, want[i].speaker)
		case i >= len(want):
			t.Errorf("extra quote %d: %q (%s)", i+1, got[i].Text, got[i].Speaker)
		case got[i].Text != want[i].text:
			t.Errorf("quote %d text = %q, want %q", i+1, got[i].Text, want[i].text)
		case got[i].Speaker != want[i].speaker:
			t.Errorf("quote %d %q: speaker = %q, want %q", i+1, got[i].Text, got[i].Speaker, want[i].speaker)
		}
	}
	checkSpans(t, md, got)
}

// checkSpans asserts the invariants every result must keep.
func checkSpans(t *testing.T, md string, got []model.Quote) {
	t.Helper()
	prevEnd := 0
	for i, q := range got {
		if q.N != i+1 {
			t.Errorf("quote %d has N %d", i+1, q.N)
		}
		if q.Start < prevEnd || q.Start > q.End || q.End > len(md) {
			t.Fatalf("quote %d: bad span [%d,%d) after %d in %d bytes", q.N, q.Start, q.End, prevEnd, len(md))
		}
		if !strings.Contains(q.Text, "\n\n") && quoteVisibleSpan(md, q.Start, q.End) != q.Text {
			t.Errorf("quote %d: text %q is not what md[%d:%d] %q shows", q.N, q.Text, q.Start, q.End, md[q.Start:q.End])
		}
		if q.Paragraph < 1 {
			t.Errorf("quote %d: paragraph %d", q.N, q.Paragraph)
		}
		prevEnd = q.End
	}
}

func TestFindQuotesHouseStyles(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"AP after", `"We will respond," the minister said.`,
			[]wantQuote{{"We will respond,", ""}}}, // no minister named: unsure
		{"said name apposition",
			"“The agency is reviewing the footage,” said Jane Doe, a spokeswoman for the Federal Aviation Administration.",
			[]wantQuote{{"The agency is reviewing the footage,", "Jane Doe"}}},
		{"according to before",
			"According to Smith, “the talks collapsed on the second day.”",
			[]wantQuote{{"the talks collapsed on the second day.", "Smith"}}},
		{"according to after",
			"The plant will close in March, “with the loss of 400 jobs,” according to a company statement.",
			[]wantQuote{{"with the loss of 400 jobs,", "company statement"}}},
		{"told colon",
			`Smith told Reuters: "We have not seen anything like this in a decade."`,
			[]wantQuote{{"We have not seen anything like this in a decade.", "Smith"}}},
		{"role and name before verb",
			"Kremlin spokesman Dmitry Peskov said the claims were “absurd”.",
			[]wantQuote{{"absurd", "Dmitry Peskov"}}},
		{"title stripped",
			"“We are not at war,” Foreign Minister Sergei Lavrov told reporters in Moscow.",
			[]wantQuote{{"We are not at war,", "Sergei Lavrov"}}},
		{"organisation",
			"The Russian Foreign Ministry said that “provocations will not go unanswered.”",
			[]wantQuote{{"provocations will not go unanswered.", "Russian Foreign Ministry"}}},
		{"pronoun carried over",
			"“We reject the verdict,” Maria Lopez said on Tuesday. “We will appeal,” she added.",
			[]wantQuote{{"We reject the verdict,", "Maria Lopez"}, {"We will appeal,", "Maria Lopez"}}},
		{"surname resolved",
			"Chancellor Olaf Scholz arrived in Kyiv on Monday.\n\n“Germany stands with Ukraine,” Scholz said.",
			[]wantQuote{{"Germany stands with Ukraine,", "Olaf Scholz"}}},
		{"split quote",
			"“This is not over,” Smith said, “and it will not be over until the families have answers.”",
			[]wantQuote{{"This is not over,", "Smith"}, {"and it will not be over until the families have answers.", "Smith"}}},
		{"adding that",
			"Health Secretary Wes Streeting said the strike was “regrettable”, adding that talks would resume on Friday and that a deal was “within reach”.",
			[]wantQuote{{"regrettable", "Wes Streeting"}, {"within reach", "Wes Streeting"}}},
		{"no speaker",
			"The so-called “peace dividend” never arrived.",
			[]wantQuote{{"peace dividend", ""}}},
		{"relative subject unknown",
			"Residents fled after a decree that stated the area was a “military zone”.",
			[]wantQuote{{"military zone", ""}}},
		{"colon paragraph intro",
			"In a statement, the White House said:\n\n“The president has been briefed and is monitoring the situation.”",
			[]wantQuote{{"The president has been briefed and is monitoring the situation.", "White House"}}},
		{"continuation paragraph",
			"“The water came up so fast,” said Ahmed Khan, a shopkeeper.\n\n“We lost everything.”",
			[]wantQuote{{"The water came up so fast,", "Ahmed Khan"}, {"We lost everything.", "Ahmed Khan"}}},
		{"who apposition",
			"“Nobody expected this,” Carla Reyes, who has run the shelter since 2010, said.",
			[]wantQuote{{"Nobody expected this,", "Carla Reyes"}}},
		{"people familiar",
			"The deal is “all but done,” people familiar with the matter said.",
			[]wantQuote{{"all but done,", "people familiar with the matter"}}},
		{"called it",
			"Opposition leader Peter Dutton called the budget “a con job”.",
			[]wantQuote{{"a con job", "Peter Dutton"}}},
		{"statement carries issuer",
			"The European Commission issued a statement on Monday. “Member states must act now,” the statement said.",
			[]wantQuote{{"Member states must act now,", "European Commission"}}},
		{"definite description",
			"The Japanese Defense Ministry said it tracked the missile. “There was no damage,” the ministry said.",
			[]wantQuote{{"There was no damage,", "Japanese Defense Ministry"}}},
	})
}

// TestFindQuotesPassages checks whole articles written for these tests in
// several house styles: testdata/quotes/NAME.md and NAME.want, one quote a
// line as "speaker<TAB>text" (escapes as in a Go string without quotes).
func TestFindQuotesPassages(t *testing.T) {
	names, err := filepath.Glob("testdata/quotes/*.want")
	if err != nil || len(names) == 0 {
		t.Fatalf("no passages: %v", err)
	}
	for _, name := range names {
		t.Run(filepath.Base(name), func(t *testing.T) {
			md, err := os.ReadFile(strings.TrimSuffix(name, ".want") + ".md")
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			var want []wantQuote
			for _, line := range strings.Split(strings.TrimRight(string(raw), "\n"), "\n") {
				speaker, text, _ := strings.Cut(line, "\t")
				text, err := strconv.Unquote(`"` + text + `"`)
				if err != nil {
					t.Fatalf("bad line %q: %v", line, err)
				}
				want = append(want, wantQuote{text, speaker})
			}
			checkQuotes(t, string(md), want)
		})
	}
}
