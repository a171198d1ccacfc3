package quote

import (
	"strings"
	"testing"
)

// TestSentencesSkipQuotedCode: code in a block quote holds no sentence,
// as code outside one does; the quote's prose around it does.
func TestSentencesSkipQuotedCode(t *testing.T) {
	md := "> The packet looks like this.\n>\n> ```json\n> rekt: { list: [] }. Not prose.\n> ```\n>\n> After the code.\n"
	var got []string
	for _, s := range Sentences(md) {
		got = append(got, md[s.Start:s.End])
	}
	want := []string{"The packet looks like this.", "After the code."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences %q, want %q", got, want)
	}
}

// TestQuotesPassCodeInABlockQuote: quotation marks in fenced code inside
// a block quote are code, not a quotation.
func TestQuotesPassCodeInABlockQuote(t *testing.T) {
	md := "The minister spoke.\n\n> ```\n> msg = \"We will respond to this,\" said nobody.\n> ```\n\n\"We are ready to talk,\" the minister said.\n"
	qs := FindQuotes(md)
	if len(qs) != 1 || !strings.Contains(qs[0].Text, "ready to talk") {
		t.Errorf("quotes %+v, want only the minister's", qs)
	}
}
