package formula

import (
	"strings"

	"github.com/byline-reader/byline/feeds/extract/htmlnode"
	"golang.org/x/net/html"
)

// maxLinearMath bounds the linear form of one formula.
const maxLinearMath = 2000

// linearMath writes a MathML formula on one line, as a person would type
// it: "x^2 + 1", "(a + b)/(2c)", "√(x + 1)", "x_i". It is used only when
// the page gives no TeX source.
func linearMath(n *html.Node) string {
	var b strings.Builder
	writeMath(&b, n, 0)
	s := strings.Join(strings.Fields(b.String()), " ")
	if len(s) > maxLinearMath {
		return ""
	}
	return s
}

// mathOperators get a space on each side.
const mathOperators = "=+−-×·÷<>≤≥≠≈±∓→←↔⇒⇔∈∉⊂⊆∪∩≡∼∝"

func writeMath(b *strings.Builder, n *html.Node, depth int) {
	if depth > 60 || b.Len() > maxLinearMath {
		return
	}
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
		return
	}
	if n.Type != html.ElementNode {
		return
	}
	kids := mathChildren(n)
	part := func(i int) string {
		if i >= len(kids) {
			return ""
		}
		var sb strings.Builder
		writeMath(&sb, kids[i], depth+1)
		return strings.Join(strings.Fields(sb.String()), " ")
	}
	switch n.Data {
	case "annotation", "annotation-xml", "none", "mprescripts":
	case "semantics":
		if len(kids) > 0 {
			writeMath(b, kids[0], depth+1)
		}
	case "mo":
		op := strings.TrimSpace(htmlnode.RawText(n))
		if len([]rune(op)) == 1 && strings.Contains(mathOperators, op) {
			b.WriteString(" " + op + " ")
		} else {
			b.WriteString(op)
		}
	case "msup", "mover":
		b.WriteString(group(part(0)) + "^" + group(part(1)))
	case "msub", "munder":
		b.WriteString(group(part(0)) + "_" + group(part(1)))
	case "msubsup", "munderover":
		b.WriteString(group(part(0)) + "_" + group(part(1)) + "^" + group(part(2)))
	case "mfrac":
		b.WriteString(groupAll(part(0)) + "/" + groupAll(part(1)))
	case "msqrt":
		var sb strings.Builder
		for _, k := range kids {
			writeMath(&sb, k, depth+1)
		}
		b.WriteString("√" + group(strings.Join(strings.Fields(sb.String()), " ")))
	case "mroot":
		b.WriteString("root(" + part(1) + ", " + part(0) + ")")
	case "mspace":
		b.WriteString(" ")
	case "mtable":
		b.WriteString("[" + mathRows(kids, depth) + "]")
	default:
		for _, k := range kids {
			writeMath(b, k, depth+1)
			if k.Type == html.ElementNode && k.Data == "mtext" {
				b.WriteString(" ")
			}
		}
	}
}

// mathChildren are n's elements and non-blank text.
func mathChildren(n *html.Node) []*html.Node {
	var kids []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode || c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			kids = append(kids, c)
		}
	}
	return kids
}

// mathRows writes a table's rows separated by "; ", cells by ", ".
func mathRows(rows []*html.Node, depth int) string {
	var out []string
	for _, r := range rows {
		var cells []string
		for _, c := range mathChildren(r) {
			var sb strings.Builder
			writeMath(&sb, c, depth+2)
			cells = append(cells, strings.Join(strings.Fields(sb.String()), " "))
		}
		out = append(out, strings.Join(cells, ", "))
	}
	return strings.Join(out, "; ")
}

// group puts parentheses around a part of more than one symbol.
func group(s string) string {
	s = strings.TrimSpace(s)
	if len([]rune(s)) <= 1 || strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && strings.Count(s, "(") == 1 {
		return s
	}
	if !strings.ContainsAny(s, " +-−=/,") && len([]rune(s)) <= 3 {
		return s
	}
	return "(" + s + ")"
}

// groupAll puts parentheses around anything longer than one symbol: "2a"
// under a fraction bar is "(2a)".
func groupAll(s string) string {
	if len([]rune(s)) <= 1 {
		return s
	}
	return "(" + s + ")"
}
