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
