package extract

import (
	"strings"
	"testing"
)

func TestFeedHasFullText(t *testing.T) {
	para := "The council voted on Wednesday to build protected bike lanes along the street, ending a long debate that lasted most of the year and divided shop owners.\n\n"
	long := strings.Repeat(para, 3)
	cases := []struct {
		name             string
		content, summary string
		want             bool
	}{
		{"no content", "", "A teaser.", false},
		{"very long", strings.Repeat("word ", 300), "", true},
		{"several paragraphs", long, "The council voted.", true},
		{"one paragraph", strings.Repeat("word ", 80), "", false},
		{"ends in ellipsis", long + "And then…", "x", false},
		{"read more link", long + "[Read more](https://x.example/a)", "x", false},
		{"same as summary", long, long, false},
	}
	for _, c := range cases {
		if got := FeedHasFullText(c.content, c.summary); got != c.want {
			t.Errorf("%s: got %v", c.name, got)
		}
	}
}
