package extract

import (
	"github.com/byline-reader/byline/feeds/extract/formula"
	"golang.org/x/net/html"
)

// prepareForReadability rewrites what readability would lose: formulas
// become code (package formula), captions and credits are marked
// (markCaptions).
func prepareForReadability(root *html.Node) {
	formula.Replace(root)
	markCaptions(root)
}

// findElement is the first element under n (n itself excluded) that
// matches, or nil.
func findElement(n *html.Node, match func(*html.Node) bool) *html.Node {
	var found *html.Node
	walkNodes(n, func(c *html.Node) bool {
		if c != n && c.Type == html.ElementNode && match(c) {
			found = c
		}
		return found == nil
	})
	return found
}
