package judge

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestTextBlocksInlineRuns(t *testing.T) {
	doc, _ := html.Parse(strings.NewReader(`<div><p>one</p><a href="/x">teaser link</a> and text<p>two</p></div>`))
	var got []string
	for _, b := range Blocks(doc) {
		if t := strings.Join(strings.Fields(Text(b)), " "); t != "" {
			got = append(got, t)
		}
	}
	want := "one|teaser link and text|two"
	if strings.Join(got, "|") != want {
		t.Errorf("blocks %q, want %q", strings.Join(got, "|"), want)
	}
}
