package quote

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/model"
)

// TestQuotesSeed scores FindQuotes on a real article kept outside the
// repository; it runs only when BYLINE_SEED names its directory (holding
// article.txt and expected.json).
func TestQuotesSeed(t *testing.T) {
	article := testarticle.SeedFile(t, "article.txt")
	raw := testarticle.SeedFile(t, "expected.json")
	var want struct {
		Quotes []struct {
			Text   string    `json:"text"`
			Accept []*string `json:"speaker_accept"`
		} `json:"quotes"`
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	got := FindQuotes(string(article))
	byText := map[string]model.Quote{}
	for _, q := range got {
		byText[q.Text] = q
		t.Logf("found %d [%s] p%d %q", q.N, q.Speaker, q.Paragraph, q.Text)
	}
	found, right := 0, 0
	for i, w := range want.Quotes {
		q, ok := byText[w.Text]
		if !ok {
			t.Errorf("quote %d not found: %q", i+1, w.Text)
			continue
		}
		found++
		if seedSpeakerOK(q.Speaker, w.Accept) {
			right++
		} else {
			t.Logf("quote %d: speaker %q not accepted", i+1, q.Speaker)
		}
	}
	t.Logf("seed: found %d/%d, speakers right %d/%d, extra %d", found, len(want.Quotes), right, len(want.Quotes), len(got)-found)
	if found < len(want.Quotes) || right < len(want.Quotes)-1 {
		t.Errorf("seed score too low: found %d, right %d", found, right)
	}
}

func seedSpeakerOK(speaker string, accept []*string) bool {
	for _, a := range accept {
		if a == nil {
			if speaker == "" {
				return true
			}
			continue
		}
		if speaker != "" && strings.Contains(strings.ToLower(speaker), *a) {
			return true
		}
	}
	return false
}
