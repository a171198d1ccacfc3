package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Formulas are shown as their TeX source, as readability's own text shows
// them: a MathML <math> by its TeX annotation, a MathJax 3 container by
// its data-latex, a MathJax 2 <script type="math/tex">. Formula markup
// without TeX is left out: read as text it is a jumble of symbols
// ("a x 2 + b x + c") that says less than nothing.

// isMath reports an element that holds a formula.
func isMath(n *html.Node) bool {
	switch {
	case n.DataAtom == atom.Math || n.Data == "mjx-container":
		return true
	case n.DataAtom == atom.Script:
		ok, _ := mathTeXScript(n)
		return ok
	}
	return false
}

// replaceMath puts the formula's TeX, as code, in place of n, or takes n
// away when it has none.
func replaceMath(n *html.Node) {
	tex, block := mathTeX(n)
	tex = strings.TrimSpace(tex)
	if tex == "" {
		n.Parent.RemoveChild(n)
		return
	}
	code := &html.Node{Type: html.ElementNode, Data: "code", DataAtom: atom.Code}
	repl := code
	if block {
		code.AppendChild(&html.Node{Type: html.TextNode, Data: "$$\n" + tex + "\n$$"})
		repl = &html.Node{Type: html.ElementNode, Data: "pre", DataAtom: atom.Pre}
		repl.AppendChild(code)
	} else {
		code.AppendChild(&html.Node{Type: html.TextNode, Data: "$" + tex + "$"})
	}
	n.Parent.InsertBefore(repl, n)
	n.Parent.RemoveChild(n)
}

// mathTeX is the TeX source of a formula element and whether it is shown
// as a block.
func mathTeX(n *html.Node) (string, bool) {
	switch {
	case n.DataAtom == atom.Script:
		_, block := mathTeXScript(n)
		return rawText(n), block
	case n.DataAtom == atom.Math:
		block := attr(n, "display") == "block"
		if a := findAnnotation(n); a != nil {
			return rawText(a), block
		}
		return "", block
	}
	block := attr(n, "display") == "true"
	tex := ""
	walkNodes(n, func(c *html.Node) bool {
		if c != n && c.Type == html.ElementNode {
			if v, ok := attrOK(c, "data-latex"); ok {
				tex = v
				return false
			}
		}
		return true
	})
	return tex, block
}

// mathTeXScript reports a MathJax 2 script, and whether it is a block:
// <script type="math/tex; mode=display">.
func mathTeXScript(n *html.Node) (ok, block bool) {
	typ, found := attrOK(n, "type")
	if !found {
		return false, false
	}
	mime, params, _ := strings.Cut(typ, ";")
	return mime == "math/tex", strings.Contains(params, "mode=display")
}

// findAnnotation finds the TeX annotation of a MathML formula.
func findAnnotation(n *html.Node) *html.Node {
	var found *html.Node
	walkNodes(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.Data == "annotation" && attr(c, "encoding") == "application/x-tex" {
			found = c
		}
		return found == nil
	})
	return found
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}
