package judge

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/byline-reader/byline/feeds/extract/htmlnode"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Rule names the evidence a block was judged furniture by.
type Rule string

// The rules, from the strongest evidence to the weakest.
const (
	// RuleMarked: the block's element, or one around it smaller than the
	// article, names furniture by its tag, role, class or id (furnitureCue).
	// A <header> counts only before the article's first paragraph or
	// after its end: inside, it heads a section or a card. Readers'
	// comments are kept: they only end the article (RuleAfterEnd).
	RuleMarked Rule = "marked"
	// RuleLinksAfter: a block mostly of links, not a sentence, after the
	// article's last paragraph: a list of related stories, tags, links to
	// share. Not a table's cell, nor a list the article introduces (see
	// introduced), nor in an article without a paragraph of prose.
	RuleLinksAfter Rule = "links-after"
	// RuleChromeBefore: a short line, not a sentence, heading, list
	// item or table cell, before the article's first paragraph: "Sign in",
	// "Image 1 of 9", a section's link.
	RuleChromeBefore Rule = "chrome-before"
	// RuleTeaser: a line that is only a link to another page of the site,
	// a headline without a sentence's end: a teaser for another story.
	RuleTeaser Rule = "teaser"
	// RuleAfterEnd: a short block after an author's bio, a promotion, a
	// newsletter box or the comments that follow most of the article.
	RuleAfterEnd Rule = "after-end"
)

// Verdict is a block removed, and why.
type Verdict struct {
	Rule Rule
	Text string
}

// maxJudged is the share of readability's words the judge may remove;
// past it readability's article is kept whole, as the evidence more
// likely describes the article than its furniture.
const maxJudged = 0.5

// judgedBlock is one text block of readability's article and what is
// known of it.
type judgedBlock struct {
	nodes       []*html.Node
	text        string
	words       int
	bytes, link int       // bytes of text, of which in links
	cue         string    // the furniture the page marked it as, or ""
	tag         atom.Atom // its element as readability left it; 0 for a run of inline nodes
	sameSite    bool      // all its text is in links to pages of the page's own site
	inTable     bool      // inside a table's cell: the table is the article's
	introduced  bool      // links the article introduces (see introduced)
	owner       int32     // the page's element that holds it (blockOwner), or -1
	related     bool      // under a related heading (relatedSection)
}

// prose reports a block that reads as a paragraph of the article: long,
// not a list of links.
func (b judgedBlock) prose() bool {
	return b.bytes >= 250 && 10*b.link < 3*b.bytes
}

func (b judgedBlock) linkDensity() float64 {
	if b.bytes == 0 {
		return 0
	}
	return float64(b.link) / float64(b.bytes)
}

// sentenceEnd reports text ending as a sentence does.
func sentenceEnd(text string) bool {
	text = strings.TrimRight(strings.TrimSpace(text), `"'”’)»]`)
	r, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune(".!?:;…。！？", r)
}

// articleShape is where the article's paragraphs are among its blocks.
type articleShape struct {
	firstProse, lastProse int // -1 when none
	end                   int // see articleEnd
}

// Judge removes from article (readability's, of the page m marked) the
// blocks the evidence shows to be furniture, and tells which and why.
// host is the page's. Nothing is removed when the evidence would take
// more than half of the article's words, nor a caption inside a
// <figure>; nor anything from an article without even a
// sentence of fifteen words (a product page's short blocks, a list of
// stories): place tells nothing there, and such a page's own sections
// carry the class names furniture does.
func (m Marks) Judge(article *html.Node, host string) []Verdict {
	blocks, total, articleText := m.judgedBlocks(article, host)
	var verdicts []Verdict
	if m.relatedSection(article, blocks) {
		// The section's blocks go whatever the rest's verdicts; the rest is
		// judged as the article.
		kept := blocks[:0]
		for _, b := range blocks {
			if !b.related {
				kept = append(kept, b)
				continue
			}
			total, articleText = total-b.words, articleText-b.bytes
			if b.words > 0 {
				verdicts = append(verdicts, Verdict{RuleRelatedSection, strings.Join(strings.Fields(b.text), " ")})
			}
			removeNodes(b.nodes)
		}
		blocks = kept
	}
	return append(verdicts, judgeBlocks(blocks, total, articleText)...)
}

// judgeBlocks removes the blocks of an article, of total words and
// articleText bytes of text, that the evidence shows to be furniture (see
// Judge).
func judgeBlocks(blocks []judgedBlock, total, articleText int) []Verdict {
	a := articleShape{firstProse: -1, lastProse: -1, end: articleEnd(blocks, articleText)}
	for i, b := range blocks {
		if b.prose() {
			if a.firstProse < 0 {
				a.firstProse = i
			}
			a.lastProse = i
		}
	}
	if a.firstProse < 0 && !hasSentences(blocks) {
		return nil
	}
	for i := range blocks {
		blocks[i].introduced = introduced(blocks, i, a)
	}
	var drop []*html.Node
	var verdicts []Verdict
	dropped := 0
	for i, b := range blocks {
		if b.words == 0 || keptAnyway(b.nodes) {
			continue
		}
		if rule := judgedFurniture(b, i, a); rule != "" {
			verdicts = append(verdicts, Verdict{rule, strings.Join(strings.Fields(b.text), " ")})
			drop = append(drop, b.nodes...)
			dropped += b.words
		}
	}
	if len(drop) == 0 || float64(dropped) > maxJudged*float64(total) {
		return nil
	}
	removeNodes(drop)
	return verdicts
}

// removeNodes takes nodes out of their tree.
func removeNodes(nodes []*html.Node) {
	for _, n := range nodes {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// judgedBlocks lists article's text blocks with what is known of each,
// their words and their bytes of text.
func (m Marks) judgedBlocks(article *html.Node, host string) (blocks []judgedBlock, words, text int) {
	for _, nodes := range Blocks(article) {
		t := Text(nodes)
		b := judgedBlock{nodes: nodes, text: t, words: countWords(t)}
		b.bytes, b.link = linkText(nodes)
		if len(nodes) == 1 && nodes[0].Type == html.ElementNode {
			b.tag = atom.Lookup([]byte(nodes[0].Data))
		}
		b.inTable = inCell(nodes[0])
		if b.link == b.bytes && b.bytes > 0 {
			b.sameSite = linksTo(nodes, host)
		}
		words += b.words
		text += b.bytes
		blocks = append(blocks, b)
	}
	cueAt := make([]int32, len(blocks))
	prose := map[int32]bool{} // the elements that hold a paragraph of prose
	for i := range blocks {
		o := m.blockOwner(blocks[i].nodes)
		blocks[i].owner = o
		cueAt[i] = -1
		if o < 0 {
			continue
		}
		blocks[i].cue, cueAt[i] = m.cueOf(o, int32(text))
		for e := o; blocks[i].prose() && e >= 0 && !prose[e]; e = m[e].parent {
			prose[e] = true
		}
	}
	for i := range blocks {
		if linkCues[blocks[i].cue] && prose[cueAt[i]] {
			blocks[i].cue = ""
		}
	}
	return blocks, words, text
}

// linkCues are the furniture made of links and labels: a list of related
// stories, a menu, tags, a share bar, a counter. An element named for
// one of them that holds a paragraph of prose is something else: an
// excerpt's card, a post's body ("related-content", "post-tags-wrap").
var linkCues = map[string]bool{"related": true, "nav": true, "tags": true, "share": true, "count": true}

// endCues are the furniture that follows an article: once one of them
// comes after most of the article's text, what follows it is furniture
// too.
var endCues = map[string]bool{"promo": true, "newsletter": true, "comment": true,
	"footer": true, "bio": true}

// articleEnd is the index of the block the article ends with: the block
// before the first block marked as furniture that follows an article
// (endCues) after at least two thirds of its text; the last block when
// there is none.
func articleEnd(blocks []judgedBlock, articleText int) int {
	seen := 0
	for i, b := range blocks {
		if endCues[b.cue] && 3*seen >= 2*articleText {
			return i - 1
		}
		seen += b.bytes
	}
	return len(blocks) - 1
}

// judgedFurniture judges block b, the i-th of the article.
func judgedFurniture(b judgedBlock, i int, a articleShape) Rule {
	switch {
	case b.cue == "header" && a.firstProse <= i && i <= a.end:
		return "" // a section's or a card's header, inside the article
	case b.cue == "comment":
		// Readers' comments are text readability keeps with the article;
		// their mark ends the article (articleEnd), what follows them goes.
		return ""
	case b.cue != "":
		// A standfirst is often in the page's <header>, with the headline.
		if i < a.firstProse && isStandfirst(b.text, b.words) {
			return ""
		}
		return RuleMarked
	case a.lastProse >= 0 && i > a.lastProse && b.linkDensity() >= 0.5 && !sentenceEnd(b.text) && !b.inTable && !b.introduced:
		return RuleLinksAfter
	case i < a.firstProse && b.words <= 10 && !sentenceEnd(b.text) && !keptTag[b.tag] && !b.inTable &&
		(b.tag != atom.P || b.linkDensity() >= 0.9):
		return RuleChromeBefore
	case b.sameSite && b.words >= 6 && !sentenceEnd(b.text) && (b.tag == atom.P || b.tag == atom.Div || b.tag == 0):
		return RuleTeaser
	case i > a.end && !b.prose():
		return RuleAfterEnd
	}
	return ""
}

// introduced reports a block of links after the article's last paragraph
// that the article introduces as its own: one under a heading, a term
// of a definition list or a line ending with a colon that follows that
// paragraph ("See also", "Sources:", "Further reading"), or after a
// paragraph that ends with a colon. The introduction is looked for before
// the list the block is in, over the blocks of links before it. A list of
// related stories has a heading too at times, in words
// (furniture.Clean's "Related stories") or a class name (RuleMarked).
func introduced(blocks []judgedBlock, i int, a articleShape) bool {
	if i <= a.lastProse || blocks[i].linkDensity() < 0.5 {
		return false
	}
	start := i
	if l := listOf(blocks[i].nodes[0]); l != nil {
		for start > 0 && listOf(blocks[start-1].nodes[0]) == l {
			start--
		}
	}
	for j := start - 1; j >= a.lastProse && j >= 0; j-- {
		p := blocks[j]
		if p.words == 0 || p.linkDensity() >= 0.5 {
			continue
		}
		t := strings.TrimRight(strings.TrimSpace(p.text), "*_ ")
		if headingTag[p.tag] || p.tag == atom.Dt || strings.HasSuffix(t, ":") {
			return true
		}
	}
	return false
}

// headingTag are the elements of headings.
var headingTag = map[atom.Atom]bool{atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true}

// listOf is the list (<ul>, <ol>) n is in, or nil.
func listOf(n *html.Node) *html.Node {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Ul || n.DataAtom == atom.Ol) {
			return n
		}
	}
	return nil
}

// inCell reports n inside a table's cell.
func inCell(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th) {
			return true
		}
	}
	return false
}

// keptAnyway reports a block that is kept whatever the evidence against
// it: a picture's caption (inside a <figure>), which a reader of the
// page sees beside the picture. (Formulas are no longer there to keep:
// extraction makes them code before Mark and readability see the page.)
func keptAnyway(b []*html.Node) bool {
	for n := b[0].Parent; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Figure || n.DataAtom == atom.Figcaption) {
			return true
		}
	}
	for _, n := range b {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Figure || n.DataAtom == atom.Figcaption) {
			return true
		}
	}
	return false
}

// isStandfirst reports a sentence, as the summary under a headline is
// one, which pages often put in the page's <header> with the headline.
// A byline, a dateline, a kicker or a caption credit is not a sentence.
func isStandfirst(text string, words int) bool {
	text = strings.TrimSpace(text)
	return words >= 10 && words <= 60 && strings.ContainsAny(text[len(text)-1:], ".!?")
}

// keptTag are the blocks that are text whatever their length: headings,
// list items, table cells, code, quotations.
var keptTag = map[atom.Atom]bool{
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true,
	atom.Td: true, atom.Th: true, atom.Dt: true, atom.Dd: true, atom.Pre: true, atom.Blockquote: true,
	atom.Figcaption: true, atom.Caption: true,
}

// linksTo reports whether there are links under nodes and all of them go
// to host (or to no host: a relative link readability did not resolve).
func linksTo(nodes []*html.Node, host string) bool {
	found, foreign := false, false
	for _, n := range nodes {
		htmlnode.Walk(n, func(c *html.Node) bool {
			if c.Type == html.ElementNode && c.DataAtom == atom.A {
				u, err := url.Parse(htmlnode.Attr(c, "href"))
				foreign = err != nil || u.Host != "" && !sameHost(u.Host, host)
				found = true
			}
			return !foreign
		})
		if foreign {
			return false
		}
	}
	return found
}

// sameHost reports two hosts of one site: "www.example.com" and
// "example.com".
func sameHost(a, b string) bool {
	a, b = strings.TrimPrefix(strings.ToLower(a), "www."), strings.TrimPrefix(strings.ToLower(b), "www.")
	return a == b || strings.HasSuffix(a, "."+b) || strings.HasSuffix(b, "."+a)
}

// hasSentences reports blocks of which some read as a paragraph, if a
// short one: a sentence or more, not a list of links.
func hasSentences(blocks []judgedBlock) bool {
	for _, b := range blocks {
		if b.words >= 15 && sentenceEnd(b.text) && b.linkDensity() < 0.3 {
			return true
		}
	}
	return false
}
