package judge

import (
	"strings"

	"github.com/byline-reader/byline/feeds/extract/htmlnode"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hoverWords are the words of class names and ids that name a card shown
// on hovering over a link: a person's photo and their latest stories, a
// definition.
var hoverWords = []string{"rollover", "tooltip", "popover", "hovercard"}

// DropHoverCards removes from the page under root the cards a paragraph
// shows when its reader hovers over a link (a person's photo, name and
// latest stories): an element inside a paragraph, named for such a card
// by its class or id (hoverWords), that holds a card's parts, a picture
// or more than one link. The link the card is for stays, with its text:
// the innermost such element goes first, and one left holding only the
// link is not a card. Run it before Mark and readability, which would
// keep the card's text in the paragraph.
func DropHoverCards(root *html.Node) {
	var cards []*html.Node
	var visit func(n *html.Node, inPara bool)
	visit = func(n *html.Node, inPara bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				visit(c, inPara || c.DataAtom == atom.P)
			}
		}
		if inPara && n.DataAtom != atom.P && n.DataAtom != atom.A && namesHoverCard(n) {
			cards = append(cards, n) // inner ones first
		}
	}
	visit(root, false)
	for _, c := range cards {
		if c.Parent != nil && isCard(c) {
			c.Parent.RemoveChild(c)
		}
	}
}

// namesHoverCard reports n's class or id naming a hover card.
func namesHoverCard(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, w := range nameWords(a.Val) {
			for _, h := range hoverWords {
				if strings.HasPrefix(w, h) {
					return true
				}
			}
		}
	}
	return false
}

// isCard reports n to hold a card's parts: a picture, or more than one
// link.
func isCard(n *html.Node) bool {
	links, img := 0, false
	htmlnode.Walk(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode {
			switch c.DataAtom {
			case atom.A:
				links++
			case atom.Img, atom.Picture:
				img = true
			}
		}
		return true
	})
	return img || links > 1
}
