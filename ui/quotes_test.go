package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
	"github.com/byline-reader/byline/ui/reader"
)

func quotedHarness(t *testing.T, w, h int) (*harness, *fakeLibrary) {
	t.Helper()
	lib := newFake(5)
	lib.body = testarticle.Quoted()
	hs := newHarness(t, lib, w, h)
	hs.send(press("enter"))
	if hs.app().reader.Doc() == nil || len(hs.app().reader.Doc().Quotes()) != 3 {
		t.Fatalf("the reader should find 3 quotes: %+v", hs.app().reader.Doc())
	}
	return hs, lib
}

func TestNextAndPreviousQuoteFocusAndScroll(t *testing.T) {
	h, _ := quotedHarness(t, 80, 14)
	h.send(press("n"))
	r := h.app().reader
	if r.Text().Focus() != (reader.Focus{Kind: reader.Quote, I: 0}) || !strings.Contains(h.screen(), "quote 1/3 · Ana Lima") {
		t.Fatalf("n focuses the first quote: %+v\n%s", r.Text().Focus(), h.screen())
	}
	h.send(press("n"), press("n"))
	r = h.app().reader
	if r.Text().Focus().I != 2 || r.Text().Offset() == 0 {
		t.Fatalf("the third quote is below the screen: focus %+v offset %d", r.Text().Focus(), r.Text().Offset())
	}
	if s := h.screen(); !strings.Contains(s, "If the weather holds") || !strings.Contains(s, "quote 3/3 · Tomas Reyes") {
		t.Fatalf("n scrolls to the quote:\n%s", s)
	}
	h.send(press("n"))
	if s, r := h.screen(), h.app().reader; !strings.Contains(s, "no more quotes below") || r.Text().Focus().I != 2 {
		t.Fatalf("n past the last quote:\n%s", s)
	}
	h.send(press("N"))
	if r = h.app().reader; r.Text().Focus().I != 1 || !strings.Contains(h.screen(), "a very good day") {
		t.Fatalf("N goes back: %+v\n%s", r.Text().Focus(), h.screen())
	}
}

func TestSpeakerShownAfterTheSentence(t *testing.T) {
	h, _ := quotedHarness(t, 100, 60)
	s := strings.Join(strings.Fields(h.screen()), " ")
	if !strings.Contains(s, "the largest trawler,” he added. — Tomas Reyes") {
		t.Fatalf("the speaker follows the sentence that does not name him:\n%s", h.screen())
	}
	if strings.Contains(s, "— Ana Lima") || strings.Count(s, "— Tomas Reyes") != 1 {
		t.Fatalf("a sentence that names the speaker has no label:\n%s", h.screen())
	}
}

func TestSentenceFocusAndHighlightToggle(t *testing.T) {
	h, lib := quotedHarness(t, 100, 30)
	h.send(press("h"))
	if !strings.Contains(h.screen(), "nothing in focus") || len(lib.hls) != 0 {
		t.Fatalf("h without a focus says what to do:\n%s", h.screen())
	}
	h.send(press(")"))
	r := h.app().reader
	if r.Text().Focus() != (reader.Focus{Kind: reader.Sentence, I: 0}) {
		t.Fatalf(") focuses the first sentence: %+v", r.Text().Focus())
	}
	h.send(press(")"), press("("), press("h"))
	if len(lib.hls) != 1 || lib.hls[0].Text != "The harbor reopened on Thursday after three weeks of repairs." {
		t.Fatalf("h keeps the sentence: %+v", lib.hls)
	}
	if s := h.screen(); !strings.Contains(s, "highlighted sentence 1/") {
		t.Fatalf("the status says so:\n%s", s)
	}
	if r := h.app().reader; len(r.Text().Highlights()) != 1 {
		t.Fatal("the reader shows the new highlight")
	}
	h.send(press("n"), press("h"))
	if len(lib.hls) != 2 || lib.hls[1].Text != "We are back in business," {
		t.Fatalf("h keeps the quote: %+v", lib.hls)
	}
	h.send(press("h"))
	if r := h.app().reader; len(lib.hls) != 1 || len(r.Text().Highlights()) != 1 || !strings.Contains(h.screen(), "highlight removed") {
		t.Fatalf("h again removes it: %+v\n%s", lib.hls, h.screen())
	}
}

func TestQuotesPanelJumps(t *testing.T) {
	h, _ := quotedHarness(t, 100, 20)
	h.send(press("Q"))
	s := h.screen()
	if h.app().overlay != overlayQuotes || !strings.Contains(s, "Quotes (3)") || !strings.Contains(s, "Tomas Reyes") ||
		!strings.Contains(s, "Ana Lima") || !strings.Contains(s, "esc close") {
		t.Fatalf("Q shows the quotes with their speakers:\n%s", s)
	}
	h.send(press("G"), press("enter"))
	r := h.app().reader
	if h.app().overlay != overlayNone || r.Text().Focus() != (reader.Focus{Kind: reader.Quote, I: 2}) || r.Text().Offset() == 0 {
		t.Fatalf("enter jumps to the quote: overlay %v focus %+v offset %d", h.app().overlay, r.Text().Focus(), r.Text().Offset())
	}
	h.send(press("Q"), press("esc"))
	if h.app().overlay != overlayNone {
		t.Fatal("esc closes the panel")
	}
}

// A resize keeps the quotes panel's cursor in sight, in the app's state
// and not only in the frame drawn.
func TestQuotesPanelClampedOnResize(t *testing.T) {
	h, _ := quotedHarness(t, 80, 30)
	h.send(press("Q"), press("G"))
	if l := h.app().quotes.Cursor(); l.Row != 2 || l.Offset != 0 {
		t.Fatalf("G moves to the last quote, all in sight: %+v", l)
	}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 5})
	a := h.app()
	if l := a.quotes.Cursor(); l.Row != 2 || l.Offset != 2 {
		t.Fatalf("after the resize the cursor's row is the one in sight: %+v", l)
	}
	if s := h.screen(); !strings.Contains(s, "If the weather holds") {
		t.Fatalf("the panel shows the quote under the cursor:\n%s", s)
	}
}

func TestHighlightsListJumpsToArticle(t *testing.T) {
	lib := newFake(5)
	lib.body = testarticle.Quoted()
	start := strings.Index(lib.body, "a very good day")
	text := "a very good day for the town"
	lib.hls = []model.Highlight{{ID: 7, ArticleID: 3, Text: text, Start: start, End: start + len(text),
		ArticleTitle: "Headline number 3", Site: "Harbor Gazette", Created: testNow}}
	h := newHarness(t, lib, 100, 20)
	h.send(press("H"))
	if s := h.screen(); !strings.Contains(s, "Highlights (1)") || !strings.Contains(s, "“a very good day for the town”") ||
		!strings.Contains(s, "Headline number 3 · Harbor Gazette") {
		t.Fatalf("H lists the highlights:\n%s", s)
	}
	h.send(press("enter"))
	a := h.app()
	if a.screen != screenReader || a.reader.Article().ID != 3 || a.reader.Text().Focus() != (reader.Focus{Kind: reader.Quote, I: 1}) {
		t.Fatalf("enter opens the article at the highlight: screen %v id %d focus %+v", a.screen, a.reader.Article().ID, a.reader.Text().Focus())
	}
	if !strings.Contains(h.screen(), "quote 2/3 · Tomas Reyes · highlighted") {
		t.Fatalf("the status names the highlight:\n%s", h.screen())
	}
	h.send(press("H"), press("d"))
	if r := h.app().reader; len(lib.hls) != 0 || len(r.Text().Highlights()) != 0 {
		t.Fatalf("d removes the highlight: %+v", lib.hls)
	}
}

// A quote that runs over two paragraphs is kept without the mark that
// opens the second, so it is not one string of the body: the reader finds
// it among the body's quotes.
func TestHighlightOfQuoteOverParagraphsIsAnchored(t *testing.T) {
	lib := newFake(5)
	lib.body = "The harbor reopened on Thursday.\n\n“We are back in business, and the boats are back.\n\n“We will hire more crews this summer,” said Ana Lima.\n\nThe end.\n"
	quotes := quote.FindQuotes(lib.body)
	if len(quotes) != 2 {
		t.Fatalf("the body should hold one quote over two paragraphs, in two parts: %+v", quotes)
	}
	// kept by an earlier byline, which reported the quote as one
	lib.hls = []model.Highlight{{ID: 7, ArticleID: 1, Text: quotes[0].Text + "\n\n" + quotes[1].Text,
		Start: quotes[0].Start, End: quotes[1].End, ArticleTitle: "Headline number 1", Site: "Harbor Gazette", Created: testNow}}
	h := newHarness(t, lib, 100, 30)
	h.send(press("enter"))
	r := h.app().reader
	if hls := r.Text().Highlights(); len(hls) != 1 || hls[0].Start != quotes[0].Start || hls[0].End != quotes[1].End {
		t.Fatalf("the highlight is anchored over the quote's parts %d-%d: %+v", quotes[0].Start, quotes[1].End, r.Text().Highlights())
	}
	h.send(press("n"))
	if s := h.screen(); !strings.Contains(s, "quote 1/2 · Ana Lima") {
		t.Fatalf("the quote's first part has the focus, with its speaker:\n%s", s)
	}
}

func TestSentenceSpans(t *testing.T) {
	for _, c := range []struct {
		md   string
		want []string
	}{
		{"One. Two? Three!", []string{"One.", "Two?", "Three!"}},
		{"Mr. Smith met Dr. J. Doe in the U.S. on Monday. Then he left.", []string{"Mr. Smith met Dr. J. Doe in the U.S. on Monday.", "Then he left."}},
		{"“Go home,” he said. “Now.” She went.", []string{"“Go home,” he said.", "“Now.”", "She went."}},
		{"It costs 3.5 million, e.g. a lot. Yes", []string{"It costs 3.5 million, e.g. a lot.", "Yes"}},
		{"# Heading\n\nText one\ncontinues here. Next.\n\n```\ncode. Not.\n```\n\n- item one. Two\n- item three", []string{"Text one\ncontinues here.", "Next.", "item one.", "Two", "item three"}},
		{"> Quoted text. More.\n\n![img](x.png)\n\n| a | b |", []string{"Quoted text.", "More."}},
	} {
		var got []string
		for _, s := range quote.Sentences(c.md) {
			got = append(got, c.md[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q:\n got %q\nwant %q", c.md, got, c.want)
		}
	}
}

func TestHostileQuoteAndSpeakerAreDrawnClean(t *testing.T) {
	lib := newFake(2)
	lib.body = "“Trust me \x1b]52;c;ZXZpbA==\x07 now,” said Eve \u202eLiar.\n"
	h := newHarness(t, lib, 100, 20).send(press("enter"), press("n"), press("Q"))
	s := h.app().View().Content
	const markPrefix = "\xf3\xa0" // the first bytes of every rune the reader marks with
	if strings.Contains(s, "]52;") || strings.Contains(s, "\u202e") || strings.Contains(s, markPrefix) {
		t.Fatalf("a control sequence reached the screen: %q", s)
	}
}
