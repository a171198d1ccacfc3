package quote

import (
	"strings"
	"testing"
)

func TestFindQuotesMarks(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"nested single inside double",
			"“He told me ‘never again’, and I believed him,” said Tom Hardy.",
			[]wantQuote{{"He told me ‘never again’, and I believed him,", "Tom Hardy"}}},
		{"straight nested",
			`"They call it 'the bunker' for a reason," Ortiz said.`,
			[]wantQuote{{"They call it 'the bunker' for a reason,", "Ortiz"}}},
		{"guardian single primary",
			"‘We will not be lectured by Brussels,’ the prime minister said. ‘It’s the Koreas’ problem, not ours.’",
			[]wantQuote{{"We will not be lectured by Brussels,", "prime minister"}, {"It’s the Koreas’ problem, not ours.", "prime minister"}}},
		{"guardian nested double",
			"The home secretary said: ‘People tell me “enough is enough”, and they are right.’",
			[]wantQuote{{"People tell me “enough is enough”, and they are right.", "home secretary"}}},
		{"guardian partial",
			"Labour called the plan ‘a reckless gamble’ with people’s savings.",
			[]wantQuote{{"a reckless gamble", "Labour"}}},
		{"straight single primary",
			"'This is a dark day for the club,' said manager Ange Postecoglou.",
			[]wantQuote{{"This is a dark day for the club,", "Ange Postecoglou"}}},
		{"guillemets",
			"Le président a déclaré : «Nous ne céderons pas», selon l’AFP.",
			[]wantQuote{{"Nous ne céderons pas", ""}}},
		{"german low marks",
			"Scholz sagte: „Wir stehen an der Seite der Ukraine.“ Dann ging er.",
			[]wantQuote{{"Wir stehen an der Seite der Ukraine.", ""}}},
		{"polish low marks",
			"Minister powiedział: „To jest nasz obowiązek”.",
			[]wantQuote{{"To jest nasz obowiązek", ""}}},
		{"russian nested in guillemets",
			"Он сказал: «Это „наш“ ответ».",
			[]wantQuote{{"Это „наш“ ответ", ""}}},
		{"apostrophes are not quotes",
			"Don’t forget the Koreas’ border, the ’90s and rock ’n’ roll; it's the players' union that won't budge.",
			nil},
		{"inch and foot marks",
			`He bought a 27" monitor. The suspect is 5'10" tall and the TV is 65" wide.`,
			nil},
		{"inch inside quote",
			`"I bought a 27" screen and a lamp," Lee said.`,
			[]wantQuote{{`I bought a 27" screen and a lamp,`, "Lee"}}},
		{"code is not quoted",
			"Set `name=\"x\"` and run:\n\n```\necho \"hello world\"\n```\n\nThen it prints “done” on the screen.",
			[]wantQuote{{"done", ""}}},
		{"urls are not quoted",
			`See [the “report”](https://example.com/a"b"c) and https://example.com/?q="x"y for details.`,
			[]wantQuote{{"report", ""}}},
		{"html tag attributes",
			`<span class="caption">Photo</span> He said it was "fine" in the end.`,
			[]wantQuote{{"fine", ""}}},
		{"unclosed quote dropped",
			"“This never closes, he said.\n\nThe next paragraph is plain. Then “a real one” appears.",
			[]wantQuote{{"a real one", ""}}},
		{"empty and punctuation only",
			"He said “” and “...” then “ok”.",
			[]wantQuote{{"ok", ""}}},
		{"trailing comma kept",
			"“If this happens, we will act,” Putin said.",
			[]wantQuote{{"If this happens, we will act,", "Putin"}}},
		{"two apostrophes as a double mark",
			"''We will not sell,'' said Mr. Burman. He said ''no one asked.''",
			[]wantQuote{{"We will not sell,", "Burman"}, {"no one asked.", "Burman"}}},
		{"straight mark after a digit closes by pairing",
			`Workers backed the "Fight for 15" campaign. "We want more," said Ana Ruiz.`,
			[]wantQuote{{"Fight for 15", ""}, {"We want more,", "Ana Ruiz"}}},
		{"straight mark after a digit at the end of the paragraph",
			`Thousands joined the "Fight for 15" rallies on Tuesday.`,
			[]wantQuote{{"Fight for 15", ""}}},
		{"nested single keeps the outer quote",
			"Ana Ruiz spoke first. “He said ‘no’ to me,” she said.",
			[]wantQuote{{"He said ‘no’ to me,", "Ana Ruiz"}}},
		{"nested same marks keep the outer quote",
			"“He said “no” to me, twice,” Maria Lopez said.",
			[]wantQuote{{"He said “no” to me, twice,", "Maria Lopez"}}},
		{"nested straight marks keep the outer quote",
			`"They said "wait" and we waited," Maria Lopez said.`,
			[]wantQuote{{`They said "wait" and we waited,`, "Maria Lopez"}}},
		{"opening mark typed as the closing one",
			"“The reality is, we lost,“ said Jim Clyburn.",
			[]wantQuote{{"The reality is, we lost,", "Jim Clyburn"}}},
		{"closing mark used both ways",
			"”The reality is, we lost,” said Jim Clyburn.",
			[]wantQuote{{"The reality is, we lost,", "Jim Clyburn"}}},
		{"french guillemets with inner spaces",
			"Le ministre a répondu : « Bonjour\u202fà tous », puis il est parti.",
			[]wantQuote{{"Bonjour\u202fà tous", ""}}},
		{"reversed guillemets",
			"»Wir bleiben«, hieß es. Dann ging er.",
			[]wantQuote{{"Wir bleiben", ""}}},
		{"single guillemets",
			"Il a dit ‹ non › et ›ja‹ aussi.",
			[]wantQuote{{"non", ""}, {"ja", ""}}},
		{"cjk corner brackets",
			"彼は「明日は晴れる『はず』だ」と言った。",
			[]wantQuote{{"明日は晴れる『はず』だ", ""}}},
		{"double quote nested in guillemets",
			"Elle a écrit : « Il m’a dit “jamais” hier ».",
			[]wantQuote{{"Il m’a dit “jamais” hier", ""}}},
	})
}

func TestFindQuotesNotArticle(t *testing.T) {
	md := "# “Headline with a quote”\n\n" +
		"![“Alt text”](photo.jpg)\n\n" +
		"*“Caption line”*\n\n" +
		"Related:\n\n" +
		"- [“Linked story one”](https://example.com/1)\n" +
		"- [“Linked story two”](https://example.com/2)\n\n" +
		"## Sub “heading”\n\n" +
		"The mayor said the storm was “the worst in a century.”\n\n" +
		"Setext “heading”\n===\n"
	got := FindQuotes(md)
	if len(got) != 1 || got[0].Text != "the worst in a century." || got[0].Speaker != "" {
		t.Fatalf("got %+v", got)
	}
	if got[0].Paragraph != 1 {
		t.Errorf("paragraph = %d, want 1 (the caption and the Related: label are page furniture)", got[0].Paragraph)
	}
	checkSpans(t, md, got)
}

// TestFindQuotesMultiParagraph: a quote that runs over paragraphs (each
// reopened with a mark, only the last closed) is one quote in each
// paragraph, all with the speaker named at its end.
func TestFindQuotesMultiParagraph(t *testing.T) {
	md := "The governor spoke for ten minutes.\n\n" +
		"“We were told the levees would hold. They did not.\n\n" +
		"“We were told help was on the way. It was not.\n\n" +
		"“Now we will rebuild,” Governor Ana Ruiz said.\n\n" +
		"Officials did not respond."
	got := FindQuotes(md)
	want := []string{"We were told the levees would hold. They did not.", "We were told help was on the way. It was not.", "Now we will rebuild,"}
	if len(got) != len(want) {
		t.Fatalf("got %d quotes: %+v", len(got), got)
	}
	for i, q := range got {
		if q.Text != want[i] || q.Speaker != "Ana Ruiz" || q.Paragraph != i+2 || q.N != i+1 {
			t.Errorf("quote %d: %+v", i+1, q)
		}
		if md[q.Start:q.End] != want[i] {
			t.Errorf("quote %d: span %q", i+1, md[q.Start:q.End])
		}
	}
	checkSpans(t, md, got)
}

func TestFindQuotesPlainTextParagraphs(t *testing.T) {
	md := "Byline here\nFirst paragraph has no quotes.\n“Second has one,” she said.\n"
	got := FindQuotes(md)
	if len(got) != 1 || got[0].Paragraph != 2 { // "Byline here" is a label line
		t.Fatalf("got %+v", got)
	}
}

// TestFindQuotesVisibleText checks that a quote's text is what a reader
// sees while its span is the markdown's.
func TestFindQuotesVisibleText(t *testing.T) {
	tests := []struct {
		name, md, text, span string
	}{
		{"escaped brackets",
			`“\[My husband\] never came back,” she said.`,
			"[My husband] never came back,", `\[My husband\] never came back,`},
		{"link",
			"The mayor called it “[a betrayal](https://example.com/story) of trust” today.",
			"a betrayal of trust", "[a betrayal](https://example.com/story) of trust"},
		{"emphasis",
			"He said “we *will* rebuild, __all__ of it” again.",
			"we will rebuild, all of it", "we *will* rebuild, __all__ of it"},
		{"snake case and lone star kept",
			"He typed “file_name * 2” there.",
			"file_name * 2", "file_name * 2"},
		{"inline code",
			"She said “run `make all` first” calmly.",
			"run make all first", "run `make all` first"},
		{"escapes and entities",
			`He wrote “5 \* 3 &amp; more\!” on the board.`,
			"5 * 3 & more!", `5 \* 3 &amp; more\!`},
		{"strong emphasis opened outside the quote",
			"**“Nothing was in print**,” she said.",
			"Nothing was in print,", "Nothing was in print**,"},
		{"unpaired stars kept",
			"He shouted “go f*** yourself” and *left*.",
			"go f*** yourself", "go f*** yourself"},
		{"html tag",
			"She said “we <em>must</em> go” now.",
			"we must go", "we <em>must</em> go"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindQuotes(tt.md)
			if len(got) != 1 {
				t.Fatalf("got %+v", got)
			}
			if got[0].Text != tt.text || tt.md[got[0].Start:got[0].End] != tt.span {
				t.Errorf("text %q span %q; want %q and %q", got[0].Text, tt.md[got[0].Start:got[0].End], tt.text, tt.span)
			}
			checkSpans(t, tt.md, got)
		})
	}
}

// TestFindQuotesMultiParagraphVisible: each paragraph's part of a quote
// over paragraphs has the visible text of that part.
func TestFindQuotesMultiParagraphVisible(t *testing.T) {
	md := "Ana Ruiz spoke to the crowd:\n\n“We were told the *levees* would hold.\n\n“We were told [help](https://example.com) was coming.”\n\nShe left."
	got := FindQuotes(md)
	if len(got) != 2 {
		t.Fatalf("got %+v", got)
	}
	if got[0].Text != "We were told the levees would hold." || got[1].Text != "We were told help was coming." ||
		got[0].Speaker != "Ana Ruiz" || got[1].Speaker != "Ana Ruiz" {
		t.Errorf("got %+v", got)
	}
	if !strings.HasPrefix(md[got[0].Start:], "We were told the *levees*") || !strings.HasPrefix(md[got[1].End:], "”") {
		t.Errorf("spans %q %q", md[got[0].Start:got[0].End], md[got[1].Start:got[1].End])
	}
	checkSpans(t, md, got)
}

// TestMultiParagraphPartsKeepTheirParagraph: a part with no words (a
// paragraph of only a reopening mark and dashes) is not reported, and the
// parts after it keep the paragraph they are in.
func TestMultiParagraphPartsKeepTheirParagraph(t *testing.T) {
	md := "Intro line.\n\n“We waited all night.\n\n“ — … —\n\n“Nobody came,” said Tom Briggs."
	got := FindQuotes(md)
	if len(got) != 2 || got[0].Paragraph != 2 || got[1].Paragraph != 4 {
		t.Fatalf("got %+v, want parts in paragraphs 2 and 4", got)
	}
	checkSpans(t, md, got)
}
