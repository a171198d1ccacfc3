// Package htmlnode holds the few walks over a parsed page that the
// extraction's packages (extract, formula, judge) all need, so that each
// reads the tree the same way.
package htmlnode

import (
	"strings"

	"golang.org/x/net/html"
)

// Walk visits n and the nodes under it in document order, without
// recursion (a page's depth costs nothing), until fn returns false.
func Walk(n *html.Node, fn func(*html.Node) bool) {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !fn(c) {
			return
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
}

// Find is the first element under n (n itself excluded) that matches, or
// nil.
func Find(n *html.Node, match func(*html.Node) bool) *html.Node {
	var found *html.Node
	Walk(n, func(c *html.Node) bool {
		if c != n && c.Type == html.ElementNode && match(c) {
			found = c
		}
		return found == nil
	})
	return found
}

// Attr is the value of n's attribute key, "" when it has none.
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// HasClass reports an element with one of the classes, compared exactly.
func HasClass(n *html.Node, classes ...string) bool {
	for _, c := range strings.Fields(Attr(n, "class")) {
		for _, want := range classes {
			if c == want {
				return true
			}
		}
	}
	return false
}

// RawText is the text of n's own text children: a script's or a title's.
func RawText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}
