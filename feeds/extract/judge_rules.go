package extract

import (
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
func judgeFurniture(article *html.Node, m pageMap) bool {
	var blocks []judgedBlock
	total, articleText := 0, 0
	for _, nodes := range textBlocks(article) {
		text := textOfAll(nodes)
		b := judgedBlock{nodes: nodes, text: text, words: len(wordsOf(text))}
		b.bytes, b.link = linkText(nodes)
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
	var drop []*html.Node
	dropped := 0
	for i, b := range blocks {
		if b.words == 0 || keptAnyway(b.nodes) {
			continue
		}
		if judgedFurniture(b, i, firstLong, lastLong) {
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

// judgedFurniture judges block b, the i-th of the article.
func judgedFurniture(b judgedBlock, i, firstLong, lastLong int) bool {
	switch {
	case b.cue != "" && ruleOn("cue"):
		return !(i < firstLong && isStandfirst(b.text, wordsOf(b.text)))
	case i > lastLong && b.linkDensity() >= 0.5 && !sentenceEnd(b.text) && ruleOn("taillinks"):
		return true
	}
	return false
}

var _ = atom.A
