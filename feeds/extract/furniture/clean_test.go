package furniture

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
)

func init() {
	// -update rewrites golden files. Other test files of the package may
	// declare the same flag; whichever comes first serves them all.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func TestCleanRemovesFurniture(t *testing.T) {
	const real = "The council voted 7-2 on Tuesday to approve the budget."
	tests := []furnitureCase{
		{"ad label", "Advertisement"},
		{"ad label caps", "ADVERTISEMENT"},
		{"sponsored", "Sponsored"},
		{"ad scroll", "Advertisement - Scroll to continue"},
		{"story continues", "Story continues below advertisement"},
		{"newsletter box", "**Stay informed!** Get breaking news delivered straight to your inbox for free. [Subscribe here.](https://news.example/alerts) https://news.example/alerts"},
		{"newsletter sign up", "Sign up for our daily newsletter to get the latest headlines."},
		{"subscribe short", "Subscribe today!"},
		{"inbox", "Get the best stories delivered to your inbox every morning."},
		{"share bar", "Share this post!"},
		{"share on", "Share on Facebook"},
		{"share links", "[Facebook](https://www.facebook.com/sharer/sharer.php?u=x) [X](https://twitter.com/intent/tweet?url=x) [Email](mailto:?subject=x)"},
		{"share networks", "Facebook Twitter Email"},
		{"follow us", "Follow us on Facebook, X and Instagram."},
		{"follow handle", "Follow @newsdesk on X"},
		{"coverage at a link", "Follow AP’s full coverage of the election at [apnews.com/election](https://apnews.com/election)"},
		{"click to tweet", "[Click To Tweet](https://ctt.example/abc)"},
		{"read more", "Read more: [Markets close higher on Friday](https://news.example/markets)"},
		{"related", "**RELATED:** Seoul weighs its options"},
		{"read more only", "[Read more](https://news.example/more)"},
		{"newsletter thanks", "Thanks for reading Main Street Notes! Subscribe for free to receive new posts and support my work."},
		{"comment prompt", "[Leave a comment](https://news.example/p/x/comments)"},
		{"join conversation", "Join the conversation"},
		{"get delivered", "Get Harbour Monthly delivered through your letterbox every month. 12 issues for £11.99. Click here for more information."},
		{"sign up exclaim", "**Sign Up:** Stay on top of the latest film news! Sign up for our email newsletters here."},
		{"reporter contact", "*Have a tip? Kim Lee may be reached at* *klee@news.example**. Follow her on Twitter* *@kimlee* *or on* *Facebook**.*"},
		{"email reporter", "*Email Sam Roe at sroe@news.example or follow him @samroe. Follow us on Twitter @newsdesk and on Facebook.*"},
		{"share with friend", "***Like this story? Share it with a friend!***"},
		{"sister title", `_Need more space? Subscribe to our sister title "Deep Field" Magazine for the latest news from the final frontier! — Deep Field_`},
		{"sister publication", `_Want more science? Get a subscription of our sister publication "How Things Go" magazine, for the latest science news. — Acme plc_`},
		{"forums", "*Join our Harbour Forums to keep talking boats on the latest races and more! And if you have a news tip, correction or comment, let us know at: desk@news.example.*"},
		{"channel name with digits", "Subscribe to 4x4Daily on YouTube for more car news:"},
		{"cookie notice", "This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish.Accept Read More"},
	}
	checkRemoved(t, real, tests)
}

func TestCleanKeepsRealText(t *testing.T) {
	keep := []string{
		"The company said 2 million people subscribe to its streaming service, up from 1.5 million a year ago.",
		"Readers can subscribe to the newsletter, which the paper launched in 2019 to reach younger audiences.",
		"Advertisement revenue fell 12% in the quarter, the company said.",
		"The advertisement, which ran during the Super Bowl, drew complaints.",
		"Sign up for the draft begins Monday, and teams must register by email.",
		"Get ready for a hot summer: forecasters expect temperatures to rise across the region today.",
		"“Subscribe to our newsletter,” the banner read, before the site went dark.",
		"Click here to read the full statement.",
		"Share prices rose 4% on Friday.",
		"Follow the money, investigators said.",
		"Follow the coverage of the trial at the courthouse, the judge told reporters on Monday.",
		"Click to tweet was a feature the company dropped in 2015, a spokesman said.",
		"Related: the company also cut its forecast for the year, citing weak demand in China and Europe, and said it would close three plants.",
		"More than 300 people attended the vigil.",
		"Facebook and Twitter were both fined on Tuesday.",
		"Watch your email for updates, officials said.",
		"Stay informed!",
		"https://www.example.org/report.pdf",
		"## Sponsors and partners\n\nThe festival is backed by the city.",
		"## Related\n\nThe two cases are related, prosecutors said.",
		"Subscribe, the old strategy went, and we will give you a newspaper.",
		"Thanks for reading this far, the letter began, before it asked for money.",
		"Thanks to the turnaround, the Herald will celebrate its 150th birthday in October.",
		"Follow the council, several of them said.",
		"Join the dots and you see a paper that stopped chasing clicks.",
		"Leave a comment like that and the moderators will remove it within the hour.",
		"Comments from readers poured in after the story ran.",
		"Sign-ups were slow at first.",
		"Stay tuned, she says, when asked about that.",
		"Support my bill, the senator told colleagues, or explain to your voters why not.",
		"Read the full report on the union's website.",
		`Need more space? "We Are Full," the sign on the school gate said — Jane Doe`,
		"Join our forums, the moderator wrote, and you will find the same three people arguing.",
		"This website uses cookies that track readers across the web, the regulator found in a report published on Tuesday, and it must now ask before it sets them.",
		"We use cookies, the bakery's owner joked.",
		"This website uses cookies to improve your experience, the company said, though critics say they track users.",
		"If you have a complaint, let us know at the front desk, the manager said.",
	}
	for _, p := range keep {
		in := p + "\n"
		if got := Clean(in); got != in {
			t.Errorf("Clean removed real text:\nin:  %q\nout: %q", in, got)
		}
	}
}

func TestCleanStructure(t *testing.T) {
	in := "Intro paragraph.\n\n```\nAdvertisement\nShare this post!\n```\n\n" +
		"| a | b |\n|---|---|\n| Advertisement | x |\n\n" +
		"## Related stories\n\n- [One](https://a.example/1)\n- [Two](https://a.example/2)\n\nLast paragraph.\n"
	want := "Intro paragraph.\n\n```\nAdvertisement\nShare this post!\n```\n\n" +
		"| a | b |\n|---|---|\n| Advertisement | x |\n\nLast paragraph.\n"
	if got := Clean(in); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestCleanPlainTextLines(t *testing.T) {
	// Plain text with one paragraph per line and no blank lines.
	in := "First real paragraph ends here.\nAdvertisement\nSecond real paragraph ends here.\n" +
		"Stay informed! Get breaking news delivered straight to your inbox for free. Subscribe here. https://news.example/alerts\n" +
		"Share this post!\n"
	want := "First real paragraph ends here.\nSecond real paragraph ends here.\n"
	if got := Clean(in); got != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
	// A wrapped paragraph is one block: nothing inside it is cut.
	wrapped := "The board met to discuss the\nAdvertisement\nbudget, which it approved.\n"
	if got := Clean(wrapped); got != wrapped {
		t.Errorf("cut inside a wrapped paragraph: %q", got)
	}
}

func TestCleanBareURL(t *testing.T) {
	in := "Body text.\n\nSign up for our newsletter.\n\nhttps://news.example/signup\n\nMore body text.\n\nhttps://example.org/data.csv\n"
	want := "Body text.\n\nMore body text.\n\nhttps://example.org/data.csv\n"
	if got := Clean(in); got != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
}

// TestCleanGolden cleans each testdata/clean/*.md and compares it
// with its .golden file; -update rewrites them.
func TestCleanGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "clean", "*.md"))
	if len(files) == 0 {
		t.Fatal("no testdata/clean/*.md")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := Clean(string(in))
			golden := strings.TrimSuffix(f, ".md") + ".golden"
			if updateGolden() {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n%s", f, golden, got)
			}
		})
	}
}

func FuzzClean(f *testing.F) {
	f.Add("Advertisement\n\nText.\n")
	f.Add("```\ncode\n\nmore")
	f.Add("## Related\n\n- [a](b)\n")
	f.Add("Stay informed! Subscribe here. https://x.example\n\x1b[31m")
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		if len(out) > len(s)+2 {
			t.Fatalf("output grew: %d > %d", len(out), len(s))
		}
		if again := Clean(out); again != out && model.WordCount(again) > model.WordCount(out) {
			t.Fatalf("second pass added words")
		}
	})
}

// BenchmarkClean cleans the golden inputs, each followed by code,
// a table, a quote and indented code, repeated to about 100 KB.
func BenchmarkClean(b *testing.B) {
	const verbatim = "\n\n```go\nfunc main() {}\n```\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n> quoted\n> - item\n\n    indented\n\n"
	files, _ := filepath.Glob(filepath.Join("testdata", "clean", "*.md"))
	one := verbatim
	for _, f := range files {
		if data, err := os.ReadFile(f); err == nil {
			one += string(data) + verbatim
		}
	}
	md := strings.Repeat(one, 1+100<<10/len(one))
	b.ReportAllocs()
	b.SetBytes(int64(len(md)))
	for b.Loop() {
		Clean(md)
	}
}

// TestCleanKeepsProse: cleaning removes only what carries a
// furniture marker, never an ordinary paragraph, even one that uses the
// words furniture is made of.
func TestCleanKeepsProse(t *testing.T) {
	prose := []string{
		"Readers who subscribe to the paper's print edition were told on Monday that deliveries would stop in March.",
		"The photo, taken in 1962, shows the ferry at the pier with its first skipper at the wheel.",
		"Shares in the company fell 4% after the announcement, the largest drop since the pandemic.",
		"Follow the river north for two miles and you reach the old mill, now a museum.",
		"Advertisement revenue fell by a third last year, the publisher said in its annual report.",
		"Related research, published in Nature last week, found the same effect in mice.",
		"Sign language interpreters will be present at every session of the inquiry, the council said.",
		"Read more slowly, the teacher told the class, and the poem starts to make sense.",
		"Share prices across Asia rose on Tuesday as investors bet on lower interest rates.",
		"Comments from the minister, made at a dinner in London, caused an uproar in parliament.",
		"Facebook said it had removed the accounts after a review by its security team.",
		"Powered by two electric motors, the boat can cross the firth in eleven minutes.",
		"Watch the tide tables: the causeway floods twice a day and drivers are caught every summer.",
		"Get the children to the school gate by half past eight, the head teacher wrote to parents.",
		"Email records show the mayor was told in March, and she may be reached at home, her aides said.",
		"Share it with a friend, the doctor advised, if the worry keeps you awake.",
		"Get the papers delivered to the court by Friday, the judge ordered.",
		"Follow her lead, the coach told the team, and the points will come.",
		"Click here, the phishing email said, and thousands did.",
		"Photo by photo, the archive rebuilt the town's history.",
		"Subscribe to the idea that the market is fair and you will be disappointed, he wrote.",
		"Getty Images, the photo agency, said it would appeal the ruling.",
		"The new edition will cost $610 in the shops, the publisher said.",
	}
	for _, p := range prose {
		md := "Opening paragraph of the story.\n\n" + p + "\n\nClosing paragraph of the story.\n"
		if got := Clean(md); !strings.Contains(got, p) {
			t.Errorf("removed an ordinary paragraph: %q", p)
		}
	}
}

// furnitureCase is a passage of furniture that Clean must remove.
type furnitureCase struct{ name, furniture string }

// checkRemoved puts each passage between two paragraphs of real text and
// fails unless Clean leaves only the real text.
func checkRemoved(t *testing.T, real string, tests []furnitureCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := real + "\n\n" + tt.furniture + "\n\n" + real + "\n"
			want := real + "\n\n" + real + "\n"
			if got := Clean(in); got != want {
				t.Errorf("Clean kept furniture:\n%s", got)
			}
		})
	}
}
