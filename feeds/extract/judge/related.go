package judge

import (
	"math"
	"strings"

	"github.com/byline-reader/byline/feeds/extract/furniture"
	"github.com/byline-reader/byline/feeds/extract/htmlnode"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// RuleRelatedSection: a block under a heading that names a list of
// other stories ("Related", "You may also like", a heading whose class
// says so), after enough of the article: the heading ends the article,
// and what follows it in the heading's section is teasers, however long
// their excerpts.
const RuleRelatedSection Rule = "related-section"

// minWordsBefore and minProseBefore are how much of the article must
// stand before a related heading for it to end the article: so many
// words, or so many paragraphs of prose.
const minWordsBefore, minProseBefore = 150, 3

// maxLabelBytes is the longest text a related heading has.
const maxLabelBytes = 60

// mayLabel reports an element that may head a section of related
// stories, by its shape: a short text without links in a heading or
// another block (a label in a <span> or <strong> makes its block one).
// Mark keeps these, and relatedLabel reads their text only when they
// stand in the article.
func mayLabel(p pageNode) bool {
	return p.text > 0 && p.links == 0 && p.text <= maxLabelBytes && blockElems[p.tag]
}

// relatedLabel reports element l to head a section of related stories:
// a heading (h2–h4) the page marks as related, or a short line whose
// text names other stories (furniture.IsRelatedLabel).
func (m Marks) relatedLabel(l int32) bool {
	p := m[l]
	if p.label == nil {
		return false
	}
	if (p.tag == atom.H2 || p.tag == atom.H3 || p.tag == atom.H4) && p.cue == "related" {
		return true
	}
	return furniture.IsRelatedLabel(strings.Join(strings.Fields(textOf(p.label)), " "))
}

// relatedSection marks the blocks under the first related heading of
// the page that stands in the article after enough of it (minWordsBefore,
// minProseBefore): the heading (when readability kept it) and the blocks
// after it in the heading's section, the element around the heading and
// what wraps it alone. A section that holds some of the text before the
// heading is the article's own body, where a "Related" heading may head
// a list the article goes on after; it is left to the other rules. It
// tells whether it found one.
func (m Marks) relatedSection(article *html.Node, blocks []judgedBlock) bool {
	inArticle := map[int32]bool{}
	htmlnode.Walk(article, func(n *html.Node) bool {
		if i := m.number(n); i >= 0 {
			inArticle[i] = true
		}
		return true
	})
	last := int32(-1) // the last element that holds a block: a label after it heads nothing
	for _, b := range blocks {
		last = max(last, b.owner)
	}
	for l := enoughBefore(blocks); l < len(m) && int32(l) <= last; l++ {
		if m[l].label == nil || !m.holds(inArticle, int32(l)) || !m.relatedLabel(int32(l)) {
			continue
		}
		w := m.wrapper(int32(l))
		section := m[w].parent
		before, prose, after, inSection := 0, 0, 0, false
		for _, b := range blocks {
			switch {
			case b.owner < 0:
			case m.under(b.owner, w) || b.owner > int32(l) && m.under(b.owner, section):
				after++
			case b.owner < int32(l):
				before += b.words
				if b.prose() {
					prose++
				}
				inSection = inSection || m.under(b.owner, section)
			}
		}
		if before < minWordsBefore && prose < minProseBefore || after == 0 || inSection {
			continue
		}
		for i, b := range blocks {
			if b.owner >= 0 && (m.under(b.owner, w) || b.owner > int32(l) && m.under(b.owner, section)) {
				blocks[i].related = true
			}
		}
		return true
	}
	return false
}

// enoughBefore is the first element of the page that follows enough of
// the article (minWordsBefore, minProseBefore) to be its end; len(m) when
// none does.
func enoughBefore(blocks []judgedBlock) int {
	words, prose := 0, 0
	for _, b := range blocks {
		words += b.words
		if b.prose() {
			prose++
		}
		if (words >= minWordsBefore || prose >= minProseBefore) && b.owner >= 0 {
			return int(b.owner) + 1
		}
	}
	return math.MaxInt
}

// holds reports element l inside the article: under an element of the
// page that readability kept (inArticle).
func (m Marks) holds(inArticle map[int32]bool, l int32) bool {
	for e := m[l].parent; e >= 0; e = m[e].parent {
		if inArticle[e] {
			return true
		}
	}
	return false
}

// wrapper is the outermost element around heading l that holds only it.
func (m Marks) wrapper(l int32) int32 {
	w := l
	for p := m[w].parent; p >= 0 && m[p].text <= m[l].text+2; p = m[p].parent {
		w = p
	}
	return w
}

// under reports element e to be a or under a.
func (m Marks) under(e, a int32) bool {
	if a < 0 {
		return false
	}
	for ; e >= 0 && e >= a; e = m[e].parent {
		if e == a {
			return true
		}
	}
	return false
}
