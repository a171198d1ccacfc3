package quote

import "testing"

func TestFindQuotesMarks(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want []wantQuote
	}{
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkQuotes(t, tt.md, tt.want) })
	}
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
	if len(got) != 1 || got[0].Text != "the worst in a century." || got[0].Speaker != "mayor" {
		t.Fatalf("got %+v", got)
	}
	if got[0].Paragraph != 1 {
		t.Errorf("paragraph = %d, want 1 (the caption and the Related: label are page furniture)", got[0].Paragraph)
	}
	checkSpans(t, md, got)
}

func TestFindQuotesMultiParagraph(t *testing.T) {
	md := "The governor spoke for ten minutes.\n\n" +
		"“We were told the levees would hold. They did not.\n\n" +
		"“We were told help was on the way. It was not.\n\n" +
		"“Now we will rebuild,” Governor Ana Ruiz said.\n\n" +
		"Officials did not respond."
	got := FindQuotes(md)
	if len(got) != 1 {
		t.Fatalf("got %d quotes: %+v", len(got), got)
	}
	q := got[0]
	want := "We were told the levees would hold. They did not.\n\nWe were told help was on the way. It was not.\n\nNow we will rebuild,"
	if q.Text != want {
		t.Errorf("text = %q", q.Text)
	}
	if q.Speaker != "Ana Ruiz" || q.Paragraph != 2 {
		t.Errorf("speaker %q paragraph %d", q.Speaker, q.Paragraph)
	}
	if md[q.Start:q.Start+10] != "We were to" || md[q.End:q.End+len("”")] != "”" {
		t.Errorf("span [%d,%d) = %q", q.Start, q.End, md[q.Start:q.End])
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
