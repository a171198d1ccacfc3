package judge

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockElems are the elements a text block may be; a block is one of
// these holding none of them.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Blockquote: true,
	atom.Pre: true, atom.Td: true, atom.Th: true, atom.Caption: true, atom.Figcaption: true,
	atom.Div: true, atom.Section: true, atom.Article: true, atom.Aside: true, atom.Header: true,
	atom.Footer: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Table: true,
	atom.Tr: true, atom.Figure: true, atom.Details: true, atom.Summary: true, atom.Address: true,
	atom.Form: true, atom.Nav: true, atom.Main: true,
}

// Blocks lists the runs of text under root, in document order, each
// as the sibling nodes that hold it: an innermost block (one holding no
// other), or a run of text and inline elements beside blocks.
func Blocks(root *html.Node) [][]*html.Node {
	var out [][]*html.Node
	var visit func(n *html.Node) bool // reports a block at or under n
	visit = func(n *html.Node) bool {
		start := len(out)
		inner := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && visit(c) {
				inner = true
			}
		}
		isBlock := n.Type == html.ElementNode && blockElems[n.DataAtom]
		switch {
		case inner:
			out = append(out[:start], inlineRuns(n, out[start:])...)
		case isBlock && n != root:
			out = append(out, []*html.Node{n})
		}
		return isBlock || inner
	}
	visit(root)
	return out
}

// inlineRuns merges, in document order, the blocks found under n with the
// runs of n's children that are neither blocks nor hold one.
func inlineRuns(n *html.Node, found [][]*html.Node) [][]*html.Node {
	var out [][]*html.Node
	var run []*html.Node
	flush := func() {
		if len(run) > 0 {
			out = append(out, run)
			run = nil
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && holdsBlock(c) {
			flush()
			for len(found) > 0 && isUnder(found[0][0], c) {
				out = append(out, found[0])
				found = found[1:]
			}
			continue
		}
		if c.Type == html.TextNode || c.Type == html.ElementNode {
			run = append(run, c)
		}
	}
	flush()
	return append(out, found...)
}

func holdsBlock(n *html.Node) bool {
	if blockElems[n.DataAtom] {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && holdsBlock(c) {
			return true
		}
	}
	return false
}

func isUnder(n, ancestor *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == ancestor {
			return true
		}
	}
	return false
}

// Text is the text of nodes, a space after each text node.
func Text(nodes []*html.Node) string {
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(textOf(n))
	}
	return b.String()
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return b.String()
}

// countWords counts the words of text: runs of letters, digits and "_".
func countWords(text string) int {
	n, in := 0, false
	for _, r := range text {
		w := r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}
