package extract

import (
	"net/url"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model/markdown"
)

func TestSrcsetCandidates(t *testing.T) {
	got := srcsetCandidates(" a.jpg 100w,b.jpg  2x , https://x.example/w_1,h_2/c.jpg 300w,d.jpg,, e.jpg")
	want := []srcsetCandidate{{"a.jpg", "100w"}, {"b.jpg", "2x"}, {"https://x.example/w_1,h_2/c.jpg", "300w"}, {"d.jpg", ""}, {"e.jpg", ""}}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("candidate %d: %q, want %q", i, got[i], want[i])
		}
	}
}

// FuzzImageSource feeds srcsets and addresses from outside: picking never
// fails, and what is picked is an absolute http(s) address.
func FuzzImageSource(f *testing.F) {
	f.Add("/a.jpg 320w, /b.jpg 1600w, /c.jpg 3200w", "data:image/gif;base64,AAAA")
	f.Add("a.jpg, b.jpg 2x", "//cdn.example/x.png")
	f.Add(",,, 9999999999999999999w", "javascript:alert(1)")
	f.Add("https://x.example/w_1,h_2/c.jpg 300w", "/spacer.gif")
	base, _ := url.Parse("https://news.example/world/story")
	f.Fuzz(func(t *testing.T, srcset, src string) {
		c := bestCandidate(srcset)
		if c != "" && !strings.Contains(srcset, c) {
			t.Errorf("picked %q, not in %q", c, srcset)
		}
		for _, raw := range []string{c, src} {
			u := pictureURL(raw, base)
			if u == "" {
				continue
			}
			p, err := url.Parse(u)
			if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
				t.Errorf("pictureURL(%q) = %q", raw, u)
			}
			if md := markdown.Destination(u); strings.ContainsAny(md, "() <>") {
				t.Errorf("markdown.Destination(%q) = %q", u, md)
			}
		}
	})
}
