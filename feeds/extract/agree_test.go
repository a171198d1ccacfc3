package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestKeepAgreed(t *testing.T) {
	body := `<div><p>The ferry has crossed the firth every half hour since 1962, and its skipper knows each sandbank by name.</p>
<p>Related: Council cuts bus routes in the north</p>
<figure><img src="a.jpg" alt=""><figcaption>The ferry at the pier in the morning light.</figcaption></figure>
<p>Last spring the council said the subsidy would end when the skipper retires next March.</p>
<ul><li><a href="/a">Ten things to do this weekend in town</a></li></ul></div>`
	other := "The ferry has crossed the firth every half hour since 1962, and its skipper knows each sandbank by name.\n" +
		"Last spring the council said the subsidy would end when the skipper retires next March."
	tests := []struct {
		name, other string
		keep, gone  []string
	}{
		{"blocks the other lacks go; a caption stays", other,
			[]string{"since 1962", "subsidy", "morning light"}, []string{"Related:", "Ten things"}},
		{"no opinion keeps all", "", []string{"Related:", "Ten things"}, nil},
		{"an other that lacks most of the text is ignored", "The ferry has crossed the firth every half hour since 1962",
			[]string{"subsidy", "Related:"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			keepAgreed(doc, tt.other)
			text := textOf(doc)
			for _, k := range tt.keep {
				if !strings.Contains(text, k) {
					t.Errorf("lost %q: %s", k, text)
				}
			}
			for _, g := range tt.gone {
				if strings.Contains(text, g) {
					t.Errorf("kept %q: %s", g, text)
				}
			}
		})
	}
}

func TestTextBlocksInlineRuns(t *testing.T) {
	doc, _ := html.Parse(strings.NewReader(`<div><p>one</p><a href="/x">teaser link</a> and text<p>two</p></div>`))
	var got []string
	for _, b := range textBlocks(doc) {
		if t := strings.Join(strings.Fields(textOfAll(b)), " "); t != "" {
			got = append(got, t)
		}
	}
	want := "one|teaser link and text|two"
	if strings.Join(got, "|") != want {
		t.Errorf("blocks %q, want %q", strings.Join(got, "|"), want)
	}
}
