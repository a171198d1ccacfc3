package model_test

import (
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
)

func TestAnchorHighlight(t *testing.T) {
	md := "One said “yes”. Two said “no”. Three said “yes”."
	i1 := strings.Index(md, "yes")
	i2 := strings.LastIndex(md, "yes")
	first := model.Highlight{Text: "yes", Start: i1, End: i1 + 3}
	if s, e, ok := model.AnchorHighlight(md, first); !ok || md[s:e] != "yes" || s != i1 {
		t.Fatalf("in place: %d %d %v", s, e, ok)
	}
	moved := "Intro. " + md
	if s, _, ok := model.AnchorHighlight(moved, first); !ok || s != i1+7 {
		t.Fatalf("nearest occurrence after a re-extraction: %d %v", s, ok)
	}
	last := model.Highlight{Text: "yes", Start: i2, End: i2 + 3}
	if s, _, ok := model.AnchorHighlight(moved, last); !ok || s != i2+7 {
		t.Fatalf("the later occurrence stays the later one: %d %v", s, ok)
	}
	if _, _, ok := model.AnchorHighlight("gone", first); ok {
		t.Fatal("text that is gone cannot be anchored")
	}
	if _, _, ok := model.AnchorHighlight(md, model.Highlight{Text: "no", Start: 500, End: 900}); !ok {
		t.Fatal("a span past the end is searched for")
	}
}

// TestAnchorHighlightInQuoteOverParagraphs: a highlight kept when byline
// reported a quote over paragraphs as one (its text the parts joined by a
// blank line) anchors over all the parts, now quotes of their own.
func TestAnchorHighlightInQuoteOverParagraphs(t *testing.T) {
	md := "Intro line.\n\n“The harbor is open again, and the boats are back.\n\n“We will hire more crews this summer,” said Ana Lima.\n\nEnd.\n"
	quotes := quote.FindQuotes(md)
	if len(quotes) != 2 {
		t.Fatalf("the article should hold one quote over two paragraphs, in two parts: %+v", quotes)
	}
	joined := quotes[0].Text + "\n\n" + quotes[1].Text
	h := model.Highlight{Text: joined, Start: quotes[0].Start + 40, End: quotes[1].End + 40}
	if _, _, ok := model.AnchorHighlight(md, h); ok {
		t.Fatal("the quote's text is not one string of the markdown")
	}
	if s, e, ok := model.AnchorHighlightIn(md, h, quotes); !ok || s != quotes[0].Start || e != quotes[1].End {
		t.Fatalf("the quote's parts anchor it: %d %d %v", s, e, ok)
	}
	differs := model.Highlight{Text: quotes[0].Text + "\n\nWe will hire fewer crews,", Start: h.Start}
	if _, _, ok := model.AnchorHighlightIn(md, differs, quotes); ok {
		t.Fatal("a run of parts whose texts differ must not anchor")
	}
	if _, _, ok := model.AnchorHighlightIn(md, h, nil); ok {
		t.Fatal("without the quotes it cannot be anchored")
	}
	gone := model.Highlight{Text: "Gone.\n\nAnd gone again.", Start: 3, End: 25}
	if _, _, ok := model.AnchorHighlightIn(md, gone, quotes); ok {
		t.Fatal("a quote no longer there is not anchored")
	}
	if s, e, ok := model.AnchorHighlightIn(md, model.Highlight{Text: "End.", Start: 0, End: 4}, quotes); !ok || md[s:e] != "End." {
		t.Fatalf("a plain highlight anchors as AnchorHighlight: %d %d %v", s, e, ok)
	}
}

func TestAnchorHighlightInQuoteWithMarkup(t *testing.T) {
	md := "Intro.\n\n“We will [rebuild](https://x.example) it,” said Ana Lima.\n"
	quotes := quote.FindQuotes(md)
	if len(quotes) != 1 || quotes[0].Text != "We will rebuild it," {
		t.Fatalf("quotes %+v", quotes)
	}
	h := model.Highlight{Text: quotes[0].Text, Start: quotes[0].Start, End: quotes[0].End}
	if s, e, ok := model.AnchorHighlightIn(md, h, quotes); !ok || s != quotes[0].Start || e != quotes[0].End {
		t.Fatalf("the quote anchors a highlight of its visible text: %d %d %v", s, e, ok)
	}
}
