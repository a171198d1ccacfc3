package extract

import (
	"net/url"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

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
	bytes, link int // bytes of text, of which in links
	cue         string
	tag         atom.Atom // the block's element as readability left it; 0 for a run of inline nodes
	sameSite    bool      // all its text is in links to pages of the page's own site
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

var judgeRules = os.Getenv("JUDGE_RULES")

func ruleOn(name string) bool {
	return judgeRules == "" || strings.Contains(judgeRules, name)
}

// judgeFurniture removes from article (readability's) the blocks the
// page marked (markPage) as furniture. It reports whether it removed
// anything.
func judgeFurniture(article *html.Node, m pageMap, host string) bool {
	var blocks []judgedBlock
	total, articleText := 0, 0
	for _, nodes := range textBlocks(article) {
		text := textOfAll(nodes)
		b := judgedBlock{nodes: nodes, text: text, words: len(wordsOf(text))}
		b.bytes, b.link = linkText(nodes)
		if len(nodes) == 1 && nodes[0].Type == html.ElementNode {
			b.tag = atom.Lookup([]byte(nodes[0].Data))
		}
		if b.link == b.bytes && b.bytes > 0 {
			b.sameSite = linksTo(nodes, host)
		}
		total += b.words
		articleText += b.bytes
		blocks = append(blocks, b)
	}
	firstLong, lastLong := -1, -1
	for i, b := range blocks {
		if b.prose() {
			if firstLong < 0 {
				firstLong = i
			}
			lastLong = i
		}
	}
	for i := range blocks {
		if o := m.blockOwner(blocks[i].nodes); o >= 0 {
			blocks[i].cue, _ = m.cueOf(o, int32(articleText))
		}
	}
	end := articleEnd(blocks, articleText)
	var drop []*html.Node
	dropped := 0
	for i, b := range blocks {
		if b.words == 0 || keptAnyway(b.nodes) {
			continue
		}
		rule := judgedFurniture(b, i, firstLong, lastLong)
		if rule == "" && i > end && !b.prose() && ruleOn("end") {
			rule = "end"
		}
		if rule != "" {
			if judgeTrace != nil {
				judgeTrace(rule, b.text)
			}
			drop = append(drop, b.nodes...)
			dropped += b.words
		}
	}
	if len(drop) == 0 || float64(dropped) > maxJudged*float64(total) {
		return false
	}
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	return true
}

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
			if judgeTrace != nil {
				judgeTrace("ENDAT-"+b.cue, b.text)
			}
			return i - 1
		}
		seen += b.bytes
	}
	return len(blocks) - 1
}

// judgedFurniture judges block b, the i-th of the article.
func judgedFurniture(b judgedBlock, i, firstLong, lastLong int) string {
	switch {
	case b.cue != "" && ruleOn("cue"):
		if i < firstLong && isStandfirst(b.text, wordsOf(b.text)) {
			return ""
		}
		return "cue-" + b.cue
	case i > lastLong && b.linkDensity() >= 0.5 && !sentenceEnd(b.text) && ruleOn("taillinks"):
		return "taillinks"
	case i < firstLong && b.words <= 10 && !sentenceEnd(b.text) && !keptTag[b.tag] && (b.tag != atom.P || b.linkDensity() >= 0.9) && ruleOn("head"):
		return "head"
	case b.sameSite && b.words >= 6 && !sentenceEnd(b.text) && (b.tag == atom.P || b.tag == atom.Div || b.tag == 0) && ruleOn("teaser"):
		return "teaser"
	}
	return ""
}

var judgeTrace func(rule, text string)

// keptTag are the blocks that are text whatever their length: headings,
// list items, table cells, code, quotations.
var keptTag = map[atom.Atom]bool{
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true,
	atom.Td: true, atom.Th: true, atom.Dt: true, atom.Dd: true, atom.Pre: true, atom.Blockquote: true,
	atom.Figcaption: true, atom.Caption: true,
}

// linksTo reports whether the links under nodes go to host (or to no
// host: a relative link readability did not resolve).
func linksTo(nodes []*html.Node, host string) bool {
	ok := false
	for _, n := range nodes {
		walkNodes(n, func(c *html.Node) bool {
			if c.Type == html.ElementNode && c.DataAtom == atom.A {
				u, err := url.Parse(attr(c, "href"))
				if err != nil || u.Host != "" && !sameHost(u.Host, host) {
					ok = false
					return false
				}
				ok = true
			}
			return true
		})
	}
	return ok
}

// sameHost reports two hosts of one site: "www.example.com" and
// "example.com".
func sameHost(a, b string) bool {
	a, b = strings.TrimPrefix(strings.ToLower(a), "www."), strings.TrimPrefix(strings.ToLower(b), "www.")
	return a == b || strings.HasSuffix(a, "."+b) || strings.HasSuffix(b, "."+a)
}
