package quote

import (
	"strings"
	"testing"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/model"
)

// labelledText is the body with its speaker labels, as the reader shows it.
func labelledText(body string, quotes []model.Quote) string {
	var b strings.Builder
	last := 0
	for _, l := range SpeakerLabels(body, quotes, Sentences(body)) {
		b.WriteString(body[last:l.Pos])
		b.WriteString(strings.ReplaceAll(l.Text, "\u00a0", " "))
		last = l.Pos
	}
	b.WriteString(body[last:])
	return b.String()
}

func TestSpeakerLabelsOnTheSeedArticle(t *testing.T) {
	quotes := FindQuotes(testarticle.SeedExcerpt)
	got := labelledText(testarticle.SeedExcerpt, quotes)
	for _, want := range []string{
		"“very big mistake” if it arms Ukraine",
		"would not like,” Putin said during",
		"other regions of the world,” he added. — Vladimir Putin\n",
		"national security,” the statement said. — South Korea’s Foreign Ministry\n",
		"with North Korea.”\n",
		"not directed at third countries.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("want %q in:\n%s", want, got)
		}
	}
	if n := strings.Count(got, " — "); n != 2 {
		t.Errorf("%d labels, want 2 (only the sentences that do not name the speaker):\n%s", n, got)
	}
}

func TestSpeakerLabelRules(t *testing.T) {
	q := func(body, text, speaker string) model.Quote {
		i := strings.Index(body, text)
		return model.Quote{Text: text, Speaker: speaker, Start: i, End: i + len(text)}
	}
	for _, c := range []struct {
		body   string
		quotes [][2]string // text, speaker
		want   string
	}{
		// Two speakers in one sentence: one label naming both.
		{"“Yes,” one said, and “no,” said the other. Then they left.",
			[][2]string{{"Yes,", "Ana Lima"}, {"no,", "Tomas Reyes"}},
			"“Yes,” one said, and “no,” said the other. — Ana Lima; Tomas Reyes Then they left."},
		// The same speaker twice: named once.
		{"“Yes,” he said, “and maybe.” Then he left.",
			[][2]string{{"Yes,", "Ana Lima"}, {"and maybe.", "Ana Lima"}},
			"“Yes,” he said, “and maybe.” — Ana Lima Then he left."},
		// The surname, in any case, names a person; a quote naming them does not.
		{"“Ask LIMA,” she said. “Ask Lima,” she said.",
			[][2]string{{"Ask LIMA,", "Ana Lima"}, {"Ask Lima,", "Tomas Reyes"}},
			"“Ask LIMA,” she said. — Ana Lima “Ask Lima,” she said. — Tomas Reyes"},
		{"LIMA’S view: “go.”", [][2]string{{"go.", "Ana Lima"}}, "LIMA’S view: “go.”"},
		// An organisation is named by its whole name only.
		{"The Russian Foreign Ministry said “never.” The ministry said “yes.”",
			[][2]string{{"never.", "South Korea’s Foreign Ministry"}, {"yes.", "Russian Foreign Ministry"}},
			"The Russian Foreign Ministry said “never.” — South Korea’s Foreign Ministry The ministry said “yes.” — Russian Foreign Ministry"},
		// A quote over two sentences is labelled after the one it ends in,
		// and the name may be in the one it starts in.
		{"Lima said: “One. Two.” Three.", [][2]string{{"One. Two.", "Ana Lima"}}, "Lima said: “One. Two.” Three."},
		{"“One. Two,” she said. Three.", [][2]string{{"One. Two,", "Ana Lima"}}, "“One. Two,” she said. — Ana Lima Three."},
		// An unknown speaker has no label.
		{"They spoke of “aggression” here.", [][2]string{{"aggression", ""}}, "They spoke of “aggression” here."},
	} {
		var quotes []model.Quote
		for _, qs := range c.quotes {
			quotes = append(quotes, q(c.body, qs[0], qs[1]))
		}
		if got := labelledText(c.body, quotes); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.body, got, c.want)
		}
	}
}

func TestSpeakerKey(t *testing.T) {
	for name, want := range map[string]string{
		"Vladimir Putin": "Putin", "Ursula von der Leyen": "Leyen", "Martin Luther King Jr.": "King",
		"South Korea’s Foreign Ministry": "South Korea’s Foreign Ministry", "North Korean leader": "North Korean leader",
		"Russian Foreign Ministry": "Russian Foreign Ministry", "Putin": "Putin", "the harbor master": "the harbor master",
	} {
		if got := speakerKey(name); got != want {
			t.Errorf("speakerKey(%q) = %q, want %q", name, got, want)
		}
	}
}
