package extract

import (
	"strings"
	"testing"
)

// TestEmbeddedPostsSurvive: a tweet in a wrapper named "social" is part of
// the article, as the text around it says; a share bar named "social" is
// not.
func TestEmbeddedPostsSurvive(t *testing.T) {
	para := "<p>The campaign, which cost the state nearly half a million dollars, drew mockery online within hours of its launch on Monday morning, and officials defended it.</p>"
	page := `<html><head><title>Meth campaign</title></head><body><article><h1>Meth campaign</h1>` +
		para + para +
		`<div class="social-media-embed"><blockquote class="twitter-tweet"><p>Yes this is real and the state paid for it</p>— A Reader (@reader) <a href="https://twitter.com/reader/status/1">November 19, 2019</a></blockquote><script src="https://platform.twitter.com/widgets.js"></script></div>` +
		para + `<div class="social-share"><a href="/share/fb">Facebook</a> <a href="/share/tw">Twitter</a></div></article></body></html>`
	ex, err := Extract([]byte(page), "https://news.example/meth")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ex.Markdown, "Yes this is real and the state paid for it") {
		t.Errorf("the tweet is gone:\n%s", ex.Markdown)
	}
	if strings.Contains(ex.Markdown, "Facebook") {
		t.Errorf("the share bar stayed:\n%s", ex.Markdown)
	}
}
