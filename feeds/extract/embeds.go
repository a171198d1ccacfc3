package extract

import (
	"strings"

	"github.com/byline-reader/byline/feeds/extract/htmlnode"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// An embedded post (a tweet, an Instagram post) is part of the article:
// its text is what the article quotes or reports on. Pages wrap it in an
// element named for what it is ("social-media-embed"), and readability
// drops an element whose name says "social" before it weighs the text. So
// a post's wrappers, elements that hold nothing but the post, give way to
// the post itself before readability sees the page.

// embedClasses name the blockquote a post is published as.
var embedClasses = []string{"twitter-tweet", "instagram-media", "tiktok-embed", "reddit-embed-bq", "bluesky-embed", "mastodon-embed", "threads-embed"}

// unwrapEmbeds moves each embedded post under root out of the wrappers
// that hold only it.
func unwrapEmbeds(root *html.Node) {
	var posts []*html.Node
	htmlnode.Walk(root, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Blockquote && htmlnode.HasClass(n, embedClasses...) {
			posts = append(posts, n)
		}
		return true
	})
	for _, post := range posts {
		outer := post
		for p := outer.Parent; p != nil && onlyHolds(p, outer) && (p.DataAtom == atom.Div || p.DataAtom == atom.Span || p.DataAtom == atom.Figure); p = p.Parent {
			outer = p
		}
		if outer != post {
			post.Parent.RemoveChild(post)
			outer.Parent.InsertBefore(post, outer)
			outer.Parent.RemoveChild(outer)
		}
	}
}

// onlyHolds reports an element whose only content is child (white space,
// comments and scripts aside: a post's loader script sits beside it).
func onlyHolds(p, child *html.Node) bool {
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c == child, c.Type == html.CommentNode, c.Type == html.ElementNode && c.DataAtom == atom.Script:
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		default:
			return false
		}
	}
	return true
}
