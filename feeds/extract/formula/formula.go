// Package formula turns the mathematics of a web page into text a terminal
// can show, before the article extractor (which drops scripts, MathML and
// hidden elements) sees the page.
package formula

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline-reader/byline/feeds/extract/htmlnode"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A formula is shown as code: its TeX source in dollars ("$x^2 + 1$", a
// displayed one as a "$$" block of its own), or, when the page gives no
// TeX, a linear form of its MathML ("x^2 + 1", see linearMath). Every
// markup pages use for formulas is read: MathML (a TeX annotation or
// alttext), MathJax 2 (<script type="math/tex">, its rendered .MathJax
// spans dropped), MathJax 3 (<mjx-container>, by data-latex or its
// assistive MathML), KaTeX (.katex, by its MathML), Wikipedia's
// mwe-math-element and images of formulas (<img class="tex" alt="…">).
//
// The formulas are replaced before readability sees the page: it drops
// scripts and hidden elements, and a paragraph that lost its formulas
// reads "When , there are two solutions".

// Replace puts every formula under root in code form.
func Replace(root *html.Node) {
	htmlnode.Walk(root, func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && IsFormula(c) {
				ReplaceOne(c)
			}
			c = next
		}
		return true
	})
}

// IsFormula reports an element that holds a formula, or MathJax's rendering
// of one that a script beside it gives as TeX.
func IsFormula(n *html.Node) bool {
	switch {
	case n.DataAtom == atom.Math || n.Data == "mjx-container":
		return true
	case n.DataAtom == atom.Script:
		ok, _ := mathTeXScript(n)
		return ok
	case n.DataAtom == atom.Img:
		return isFormulaImage(n)
	}
	return htmlnode.HasClass(n, "katex", "katex-display", "mwe-math-element") || isMathJaxRendering(n) ||
		htmlnode.HasClass(n, mathJaxClasses...) && htmlnode.Attr(n, "data-mathml") != ""
}

// mathJaxClasses are the classes of MathJax 2's renderings of a formula.
var mathJaxClasses = []string{"MathJax", "MathJax_Display", "MathJax_Preview", "MathJax_SVG",
	"MathJax_SVG_Display", "MathJax_CHTML", "MathJax_MathML"}

// ReplaceOne puts the formula's code in place of n, or takes n away
// when it has none.
func ReplaceOne(n *html.Node) {
	tex, linear, block := formula(n)
	text := ""
	switch {
	case tex != "" && block:
		text = "$$\n" + tex + "\n$$"
	case tex != "":
		text = "$" + tex + "$"
	default:
		text = linear
	}
	if text == "" {
		n.Parent.RemoveChild(n)
		return
	}
	code := &html.Node{Type: html.ElementNode, Data: "code", DataAtom: atom.Code}
	code.AppendChild(&html.Node{Type: html.TextNode, Data: text})
	repl := code
	if block {
		repl = &html.Node{Type: html.ElementNode, Data: "pre", DataAtom: atom.Pre}
		repl.AppendChild(code)
	}
	if !block {
		spaceAround(n)
	}
	n.Parent.InsertBefore(repl, n)
	n.Parent.RemoveChild(n)
}

// spaceAround puts a space between an inline formula and a word that
// touches it in the markup ("</math>heads"): on the page the formula's
// own spacing parts them, in code they would run together.
func spaceAround(n *html.Node) {
	if p := n.PrevSibling; p != nil && p.Type == html.TextNode && p.Data != "" {
		if r, _ := utf8.DecodeLastRuneInString(p.Data); unicode.IsLetter(r) || unicode.IsDigit(r) {
			p.Data += " "
		}
	}
	if s := n.NextSibling; s != nil && s.Type == html.TextNode && s.Data != "" {
		if r, _ := utf8.DecodeRuneInString(s.Data); unicode.IsLetter(r) || unicode.IsDigit(r) {
			s.Data = " " + s.Data
		}
	}
}

// formula is a formula element's TeX source (or, without it, its linear
// form) and whether it is displayed as a block.
func formula(n *html.Node) (tex, linear string, block bool) {
	switch {
	case n.DataAtom == atom.Script:
		_, block = mathTeXScript(n)
		return cleanTeX(htmlnode.RawText(n)), "", block
	case n.DataAtom == atom.Math:
		return mathMLFormula(n)
	case n.DataAtom == atom.Img:
		return cleanTeX(htmlnode.Attr(n, "alt")), "", htmlnode.HasClass(n, "mwe-math-fallback-image-display")
	case isMathJaxRendering(n):
		return "", "", false // the script beside it gives the formula
	case n.Data == "mjx-container":
		block = htmlnode.Attr(n, "display") == "true"
		if tex := descendantAttr(n, "data-latex"); tex != "" {
			return cleanTeX(tex), "", block
		}
	case htmlnode.HasClass(n, mathJaxClasses...):
		return dataMathML(htmlnode.Attr(n, "data-mathml"), htmlnode.HasClass(n, "MathJax_Display", "MathJax_SVG_Display"))
	case htmlnode.HasClass(n, "mwe-math-element"):
		block = htmlnode.Find(n, func(c *html.Node) bool { return htmlnode.HasClass(c, "mwe-math-fallback-image-display") }) != nil
	case htmlnode.HasClass(n, "katex-display"):
		block = true
	}
	if m := htmlnode.Find(n, func(c *html.Node) bool { return c.DataAtom == atom.Math }); m != nil {
		tex, linear, mblock := mathMLFormula(m)
		return tex, linear, block || mblock
	}
	if img := htmlnode.Find(n, func(c *html.Node) bool { return c.DataAtom == atom.Img }); img != nil {
		return cleanTeX(htmlnode.Attr(img, "alt")), "", block
	}
	return "", "", block
}

// mathMLFormula reads a <math>: its TeX annotation, its alttext, else its
// linear form.
func mathMLFormula(n *html.Node) (tex, linear string, block bool) {
	block = htmlnode.Attr(n, "display") == "block"
	if a := findAnnotation(n); a != nil {
		if tex = cleanTeX(htmlnode.RawText(a)); tex != "" {
			return tex, "", block
		}
	}
	if tex = cleanTeX(htmlnode.Attr(n, "alttext")); tex != "" {
		return tex, "", block
	}
	return "", linearMath(n), block
}

// dataMathML reads the MathML that a MathJax rendering carries in its
// data-mathml attribute.
func dataMathML(src string, block bool) (tex, linear string, isBlock bool) {
	if len(src) > 64<<10 {
		return "", "", block
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(src), ctx)
	if err != nil {
		return "", "", block
	}
	for _, n := range nodes {
		m := n
		if n.DataAtom != atom.Math {
			m = htmlnode.Find(n, func(c *html.Node) bool { return c.DataAtom == atom.Math })
		}
		if m != nil {
			tex, linear, mblock := mathMLFormula(m)
			return tex, linear, block || mblock
		}
	}
	return "", "", block
}

// cleanTeX trims TeX source and unwraps the "{\displaystyle …}" that
// Wikipedia puts around each formula.
func cleanTeX(tex string) string {
	tex = strings.Join(strings.Fields(tex), " ")
	for _, style := range []string{`\displaystyle`, `\textstyle`} {
		if strings.HasPrefix(tex, "{"+style) && strings.HasSuffix(tex, "}") {
			tex = strings.TrimSpace(tex[len(style)+1 : len(tex)-1])
		}
		tex = strings.TrimSpace(strings.TrimPrefix(tex, style+" "))
	}
	return tex
}

// mathTeXScript reports a MathJax 2 script, and whether it is a block:
// <script type="math/tex; mode=display">.
func mathTeXScript(n *html.Node) (ok, block bool) {
	typ, found := attrOK(n, "type")
	if !found {
		return false, false
	}
	mime, params, _ := strings.Cut(typ, ";")
	return strings.TrimSpace(mime) == "math/tex", strings.Contains(params, "mode=display")
}

// isMathJaxRendering reports MathJax 2's rendering of a formula (or its
// preview) that a math/tex script after it gives as source.
func isMathJaxRendering(n *html.Node) bool {
	if !htmlnode.HasClass(n, mathJaxClasses...) {
		return false
	}
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode {
			continue
		}
		if ok, _ := mathTeXScript(s); ok {
			return true
		}
		if !htmlnode.HasClass(s, mathJaxClasses...) {
			return false
		}
	}
	return false
}

// isFormulaImage reports an image of a formula whose alt text is its TeX.
func isFormulaImage(n *html.Node) bool {
	if strings.TrimSpace(htmlnode.Attr(n, "alt")) == "" {
		return false
	}
	for _, c := range strings.Fields(strings.ToLower(htmlnode.Attr(n, "class"))) {
		switch {
		case c == "tex" || c == "latex" || c == "math" || c == "ql-img-inline-formula",
			strings.HasPrefix(c, "mwe-math-fallback"):
			return true
		}
	}
	return false
}

// findAnnotation finds the TeX annotation of a MathML formula.
func findAnnotation(n *html.Node) *html.Node {
	return htmlnode.Find(n, func(c *html.Node) bool {
		enc := strings.ToLower(htmlnode.Attr(c, "encoding"))
		return c.Data == "annotation" && (enc == "application/x-tex" || enc == "tex" || enc == "latex")
	})
}

// descendantAttr is the value of key on the first element under n that
// has it.
func descendantAttr(n *html.Node, key string) string {
	v := ""
	htmlnode.Find(n, func(c *html.Node) bool {
		v, _ = attrOK(c, key)
		return v != ""
	})
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}
