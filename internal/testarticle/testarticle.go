// Package testarticle holds the articles tests read: made-up ones that
// several packages' tests and benchmarks share, and the project's seed
// fixture, which is kept outside the repository. Only tests import it.
package testarticle

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Words4000 is a 4,000-word article without quotes.
func Words4000() string {
	return repeatTo4000("The council voted on Tuesday to extend the harbor's opening hours, a decision welcomed by traders who said the change was long overdue and would bring visitors back. ")
}

// Quotes4000 is a 4,000-word article with a quote in every paragraph.
func Quotes4000() string {
	return repeatTo4000("The council voted on Tuesday to extend the harbor's opening hours, a decision welcomed by traders. " +
		"“It will bring visitors back to the harbor and keep the ferries full all summer long,” said the harbor master, Ana Lima. ")
}

// repeatTo4000 is paragraphs of para twice, until about 4,000 words.
func repeatTo4000(para string) string {
	var b strings.Builder
	for b.Len() < 4000*6 {
		b.WriteString(para)
		b.WriteString(para)
		b.WriteString("\n\n")
	}
	return b.String()
}

// Quoted is a made-up article with three attributed quotes, the last
// one long and far enough down to need scrolling on a short screen; only
// its sentence does not name its speaker.
func Quoted() string {
	var b strings.Builder
	b.WriteString("The harbor reopened on Thursday after three weeks of repairs.\n\n")
	b.WriteString("“We are back in business,” said the harbor master, Ana Lima.\n\n")
	b.WriteString("The mayor, Tomas Reyes, called it “a very good day for the town” in a short speech.\n\n")
	for i := 0; i < 6; i++ {
		b.WriteString("Crews rebuilt the breakwater and dredged the channel. The ferry now runs every hour again between the two piers.\n\n")
	}
	b.WriteString("“If the weather holds, we expect the summer to be the busiest in ten years, and we will hire more crews to make sure that every boat that wants a berth this season can have one, from the smallest dinghy to the largest trawler,” he added.\n\n")
	b.WriteString("Fishermen said the new moorings are better than the old ones.\n")
	return b.String()
}

// Long is a made-up article long enough to scroll, with a blockquote,
// a heading and a list.
func Long() string {
	var b strings.Builder
	b.WriteString("The harbor reopened on Thursday after three weeks of repairs.\n\n")
	b.WriteString("> “We are back in business,” said the harbor master, Ana Lima.\n\n## What changed\n\n")
	for i := 0; i < 12; i++ {
		b.WriteString("Crews rebuilt the breakwater and dredged the channel, and the ferry now runs every hour again between the two piers. ")
		b.WriteString("Fishermen said the new moorings are better than the old ones.\n\n")
	}
	b.WriteString("- one item\n- another item\n")
	return b.String()
}

// seedExcerpt is the start of the seed fixture's article (OAN, 21 June
// 2024), a paragraph a line as the extractor gives it.
const SeedExcerpt = "Russian President Vladimir Putin warned South Korea on Friday that it would be making a “very big mistake” if it arms Ukraine in its war against Russia.\n\n" +
	"Putin’s comments come after Seoul said it was considering arming Ukraine, in response to a new pact between Russia and North Korea that stated they would defend each other in case of “aggression” against either country.\n\n" +
	"“If this happens, then we will also make appropriate decisions that the current leaders of South Korea would not like,” Putin said during his state visit to Vietnam on Thursday, which immediately followed the lavish visit to Pyongyang. “We reserve our right to supply weapons to other regions of the world,” he added.\n\n" +
	"Putin also warned that Russia is willing to arm North Korea if the United States and its allies continue to supply weapons to Ukraine.\n\n" +
	"Additionally, Seoul spoke out on Friday about Russian ambassador Georgy Zinoviev, and South Korea’s Foreign Ministry issued a statement demanding that “Russia immediately stop military cooperation with North Korea.”\n\n" +
	"South Korea also claimed that Putin’s support threatens the country’s security and violates UN Security Council resolutions. “South Korea will resolutely respond to threats against South Korea’s national security,” the statement said.\n\n" +
	"In response, the Russian Foreign Ministry said that “attempted threats and blackmail against Russia are unacceptable” and that the agreement was bilateral and not directed at third countries.\n"

// SeedFile reads one file of the seed fixture; the test is skipped unless
// BYLINE_SEED names the fixture's directory.
func SeedFile(t testing.TB, name string) []byte {
	t.Helper()
	dir := os.Getenv("BYLINE_SEED")
	if dir == "" {
		t.Skip("BYLINE_SEED not set")
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
