package extract

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/marker"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/byline-reader/byline/feeds/extract/htmlnode"
)

// The block rules below keep the structure of what the page shows where
// the converter's own rules lose it: a block quote that holds a code
// block, an ordered list's numbers, a table cell that holds paragraphs.

// codeNewline is the converter's stand-in for a line break inside a code
// block, which it turns into "\n" only at the very end so that no other
// rule trims the code's blank lines.
var codeNewline = marker.BytesMarkerCodeBlockNewline

// renderBlockquote writes a block quote with every line of what it holds
// marked as quoted, the lines of its code blocks too: the converter's own
// rule marks only the first line of a code block, so the rest of the code
// fell out of the quote and its closing fence read as text.
func renderBlockquote(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	if n.Type != html.ElementNode || n.DataAtom != atom.Blockquote {
		return converter.RenderTryNext
	}
	var buf bytes.Buffer
	ctx.RenderChildNodes(ctx, &buf, n)
	content := bytes.TrimSpace(buf.Bytes())
	if len(content) == 0 {
		return converter.RenderSuccess
	}
	content = tidyBlockLines(content)
	content = bytes.ReplaceAll(content, codeNewline, append(append([]byte{}, codeNewline...), "> "...))
	w.WriteString("\n\n> ")
	w.Write(bytes.ReplaceAll(content, []byte("\n"), []byte("\n> ")))
	w.WriteString("\n\n")
	return converter.RenderSuccess
}

// renderOrderedList writes an ordered list numbered as the page numbers
// it ("1.", "2.", … "10."), where the converter pads every number to the
// width of the last ("01." … "10."), which the page never showed. Each
// item's later lines are indented under its text.
func renderOrderedList(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	if n.Type != html.ElementNode || n.DataAtom != atom.Ol {
		return converter.RenderTryNext
	}
	var items [][]byte
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		var buf bytes.Buffer
		ctx.RenderNodes(ctx, &buf, c)
		if item := bytes.TrimSpace(buf.Bytes()); len(item) > 0 {
			items = append(items, ctx.UnEscapeContent(tidyBlockLines(item)))
		}
	}
	if len(items) == 0 {
		return converter.RenderSuccess
	}
	start := 1
	if s, err := strconv.Atoi(strings.TrimSpace(htmlnode.Attr(n, "start"))); err == nil && s >= 0 && s < 1e8 {
		start = s
	}
	w.WriteString("\n\n")
	for i, item := range items {
		if i > 0 {
			w.WriteString("\n")
		}
		prefix := strconv.Itoa(start+i) + ". "
		indent := strings.Repeat(" ", len(prefix))
		item = bytes.ReplaceAll(item, codeNewline, append(append([]byte{}, codeNewline...), indent...))
		w.WriteString(prefix)
		for j, line := range bytes.Split(item, []byte("\n")) {
			if j > 0 {
				w.WriteString("\n")
				if len(line) > 0 {
					w.WriteString(indent)
				}
			}
			w.Write(line)
		}
	}
	w.WriteString("\n\n")
	return converter.RenderSuccess
}

// tidyBlockLines drops the hard line breaks that end a paragraph and
// keeps at most one blank line in a row, as the converter does inside
// its own blocks.
func tidyBlockLines(b []byte) []byte {
	lines := bytes.Split(b, []byte("\n"))
	out := make([]byte, 0, len(b))
	blank := 0
	for i, l := range lines {
		if len(bytes.TrimSpace(l)) == 0 {
			blank++
			continue
		}
		if i > 0 {
			if blank > 0 {
				out = bytes.TrimRight(out, " ")
				out = append(out, "\n\n"...)
			} else {
				out = append(out, '\n')
			}
		}
		blank = 0
		out = append(out, l...)
	}
	return out
}

// renderTableCell writes a data table's cell (see flattenDataTables) on one line, as a markdown table
// needs: its paragraphs, line breaks and the items of a list in it are
// joined ("Monday; 10 am", "First sentence. Second"), where the converter
// gave up on the whole table and wrote its cells as paragraphs after
// one another. Outside a table (a row the converter writes as text) the
// cell is a paragraph of its own, never glued to the next.
func renderTableCell(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	if n.Type != html.ElementNode || htmlnode.Attr(n, cellMark) == "" {
		return converter.RenderTryNext
	}
	var buf bytes.Buffer
	ctx.RenderChildNodes(ctx, &buf, n)
	line := oneLine(string(bytes.ReplaceAll(buf.Bytes(), codeNewline, []byte("\n"))))
	w.WriteString("\n\n" + line + "\n\n")
	return converter.RenderSuccess
}

// oneLine joins the lines of a cell's markdown: after a line that ends a
// sentence or a clause with its own punctuation, with a space; else with
// "; ", so that "Monday" and "10 am" stay two things.
func oneLine(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			if last, _ := utf8.DecodeLastRuneInString(b.String()); strings.ContainsRune(".,;:!?…", last) {
				b.WriteString(" ")
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// cellMark is the attribute flattenDataTables sets on the cells that
// renderTableCell writes on one line.
const cellMark = "data-byline-cell"

// maxCellText is the most text a cell of a data table holds; a table with
// a longer cell lays a page out, and is left to the converter.
const maxCellText = 500

// flattenDataTables marks the cells of each data table (two rows and two
// columns at least, no table or preformatted text inside, no long cell)
// and makes the lists, headings, rules and quotes inside them plain
// blocks: the converter drops a whole table as soon as a cell holds one
// of them, where a reader of the page sees a table. A list item becomes a
// line of the cell (joined by renderTableCell), a heading bold text.
func flattenDataTables(_ converter.Context, doc *html.Node) {
	var tables []*html.Node
	htmlnode.Walk(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			tables = append(tables, n)
		}
		return true
	})
	for _, t := range tables {
		cells := dataTableCells(t)
		for _, cell := range cells {
			cell.Attr = append(cell.Attr, html.Attribute{Key: cellMark, Val: "1"})
			htmlnode.Walk(cell, func(c *html.Node) bool {
				if c.Type == html.ElementNode && c != cell {
					flattenInCell(c)
				}
				return true
			})
		}
	}
}

// dataTableCells is the cells of t when it is a data table, else nil.
func dataTableCells(t *html.Node) []*html.Node {
	var cells []*html.Node
	rows, wide, ok := 0, false, true
	htmlnode.Walk(t, func(n *html.Node) bool {
		if n == t || n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Table, atom.Pre:
			ok = false
		case atom.Tr:
			rows++
			wide = wide || countCells(n) >= 2
		case atom.Td, atom.Th:
			cells = append(cells, n)
			ok = ok && len(htmlnode.RawText(n)) <= maxCellText
		}
		return ok
	})
	if !ok || rows < 2 || !wide {
		return nil
	}
	return cells
}

func countCells(tr *html.Node) int {
	n := 0
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
			n++
		}
	}
	return n
}

// flattenInCell makes one block inside a cell a plain one.
func flattenInCell(c *html.Node) {
	switch c.DataAtom {
	case atom.Ul, atom.Ol, atom.Li, atom.Blockquote:
		setTag(c, atom.Div)
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		setTag(c, atom.Strong)
		c.Parent.InsertBefore(&html.Node{Type: html.ElementNode, Data: "br", DataAtom: atom.Br}, c.NextSibling)
	case atom.Hr:
		setTag(c, atom.Br)
	}
}

func setTag(n *html.Node, a atom.Atom) {
	n.DataAtom, n.Data = a, a.String()
}

// blockRules is the converter plugin of the rules above.
type blockRules struct{}

func (blockRules) Name() string { return "reader-blocks" }

func (blockRules) Init(conv *converter.Converter) error {
	conv.Register.PreRenderer(flattenDataTables, converter.PriorityEarly)
	conv.Register.PreRenderer(restoreCodeLanguages, converter.PriorityEarly)
	conv.Register.Renderer(renderBlockquote, converter.PriorityEarly)
	conv.Register.Renderer(renderOrderedList, converter.PriorityEarly)
	conv.Register.Renderer(renderTableCell, converter.PriorityEarly)
	return nil
}

// langMark is the attribute that carries a code block's language through
// readability, which drops every class.
const langMark = "data-byline-lang"

// markCodeLanguages notes the language a page gives its code blocks, in
// the classes highlighters read ("language-go", "lang-go",
// "highlight-source-go") or in a data-lang attribute, on each <pre> (or
// the element around it) and <code>, so that the code's fence names it and the reader highlights it.
func markCodeLanguages(root *html.Node) {
	htmlnode.Walk(root, func(n *html.Node) bool {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Pre || n.DataAtom == atom.Code) {
			lang := codeLanguage(n)
			if lang == "" && n.DataAtom == atom.Pre && n.Parent != nil {
				lang = codeLanguage(n.Parent) // <div class="highlight-source-go"><pre>
			}
			if lang != "" {
				n.Attr = append(n.Attr, html.Attribute{Key: langMark, Val: lang})
			}
		}
		return true
	})
}

// codeLanguage is the language n's class or data-lang names, or "".
func codeLanguage(n *html.Node) string {
	for _, key := range []string{"data-lang", "data-language"} {
		if lang := cleanLanguage(htmlnode.Attr(n, key)); lang != "" {
			return lang
		}
	}
	for _, c := range strings.Fields(htmlnode.Attr(n, "class")) {
		for _, prefix := range []string{"language-", "lang-", "highlight-source-"} {
			if rest, ok := strings.CutPrefix(c, prefix); ok {
				if lang := cleanLanguage(rest); lang != "" {
					return lang
				}
			}
		}
	}
	return ""
}

// cleanLanguage keeps a language name that can stand after a fence: a
// short word of letters, digits and + # . _ -.
func cleanLanguage(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || len(s) > 24 || s == "none" || s == "plaintext" || s == "text" {
		return ""
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("+#._-", r)) {
			return ""
		}
	}
	return s
}

// restoreCodeLanguages gives each code block the class the converter
// reads its language from: the language markCodeLanguages noted, or the
// one its own class names (a page converted without readability), and
// no class when that is not a clean name, which could break the fence.
func restoreCodeLanguages(_ converter.Context, doc *html.Node) {
	htmlnode.Walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode || (n.DataAtom != atom.Pre && n.DataAtom != atom.Code) {
			return true
		}
		lang := htmlnode.Attr(n, langMark)
		if lang == "" {
			lang = codeLanguage(n)
		}
		class := ""
		if lang != "" {
			class = "language-" + lang
		}
		setAttr(n, "class", class)
		return true
	})
}

func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}
