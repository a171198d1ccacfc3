package judge

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestDropHoverCards(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"a person's card in a paragraph",
			`<p>A man threatened Rep. <span class="rollover-people"><a href="/people/ann-lee">Ann Lee</a>` +
				`<span class="rollover-people-block"><span class="rollover-block"><img src="lee.jpg"><a href="/people/ann-lee">Ann Lee</a>` +
				`<a href="/story/1">Lee opposes the funding bill</a></span></span></span>, the court heard.</p>`,
			"A man threatened Rep. Ann Lee , the court heard."},
		{"a definition's popover with links",
			`<p>The <span class="term-popover"><a href="/g/tariff">tariff</a><span class="popover-body">A tax on imports. ` +
				`<a href="/g">Glossary</a> <a href="/g/tax">Tax</a></span></span> rose.</p>`,
			"The tariff rose."},
		// Near misses: kept whole.
		{"a tooltip's text without links", `<p>The <abbr class="tooltip" title="Ferry Operators Association">FOA</abbr> objected.</p>`,
			"The FOA objected."},
		{"a tooltip outside a paragraph", `<div class="tooltip-wrapper"><img src="fb.svg"><a href="/fb">Facebook</a> <a href="/x">X</a></div>`,
			"Facebook X"},
		{"a card named otherwise in a paragraph", `<p>See <span class="profile"><img src="a.jpg"><a href="/a">Ann</a> <a href="/b">Bo</a></span> here.</p>`,
			"See Ann Bo here."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			DropHoverCards(doc)
			if got := strings.Join(strings.Fields(Text([]*html.Node{doc})), " "); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
