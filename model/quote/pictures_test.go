package quote

import (
	"strings"
	"testing"

	"github.com/byline-reader/byline/model/markdown"
)

// A picture line as extraction writes it ("![alt](address)", its caption
// in emphasis under it) is no prose: its alt text yields no quote and no
// sentence, whatever marks it holds.
func TestPictureLinesAreNotProse(t *testing.T) {
	pic := `![Protesters hold a sign reading “No cuts” \[1\]](https://news.example/i/sign%28a%29.jpg)`
	md := "The council met on Monday.\n\n" + pic + "\n\n_Protesters outside — “No cuts”, one sign said. Jo Roe/AP_\n\n" +
		"“We are ready,” Mayor Ann Lee said.\n"
	if l := markdown.LineOf(pic); l.Kind != markdown.Image {
		t.Fatalf("LineOf(picture) = %v, want Image", l.Kind)
	}
	start := strings.Index(md, pic)
	end := start + len(pic)
	for _, q := range FindQuotes(md) {
		if q.Start < end && q.End > start {
			t.Errorf("a quote in the picture line: %q", md[q.Start:q.End])
		}
		if strings.Contains(q.Text, "No cuts") {
			t.Errorf("a quote from the picture or its caption: %q", q.Text)
		}
	}
	if qs := FindQuotes(md); len(qs) != 1 || !strings.HasPrefix(qs[0].Text, "We are ready") {
		t.Errorf("quotes %+v, want only “We are ready”", qs)
	}
	for _, s := range Sentences(md) {
		if s.Start < end && s.End > start {
			t.Errorf("a sentence in the picture line: %q", md[s.Start:s.End])
		}
	}
}
