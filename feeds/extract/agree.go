package extract

import (
	"hash/maphash"
	"strings"
	"unicode"

	"github.com/byline-reader/byline/feeds/extract/formula"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Two extractors, two opinions. Readability finds the article's container
// and keeps what is in it, the page's furniture too when the furniture
// sits inside (a list of related stories, a gallery's captions, a promo
// paragraph); trafilatura judges block by block and drops more of it, but
// its output is plain and it sometimes stops early. byline keeps
// readability's article, with its links, images and markup, less the
// blocks trafilatura did not find — unless that would take more than half
// of the text, which means trafilatura missed the article rather than its
// furniture.

// maxDisagreement is the share of readability's words that trafilatura's
// opinion may remove; past it readability's article is kept whole.
const maxDisagreement = 0.5

// keepAgreed removes from article (readability's) the text blocks whose
// words other (trafilatura's text) does not have. It reports whether it
// removed anything.
func keepAgreed(article *html.Node, other string) bool {
	if strings.TrimSpace(other) == "" {
		return false
	}
	found := newShingles(other)
	var drop []*html.Node
	total, dropped := 0, 0
	agreed := false
	for _, b := range textBlocks(article) {
		text := textOfAll(b)
		words := wordsOf(text)
		total += len(words)
		switch {
		case len(words) == 0 || keptAnyway(b):
		case found.covers(words):
			agreed = true
		case !agreed && isStandfirst(text, words):
		default:
			drop = append(drop, b...)
			dropped += len(words)
		}
	}
	if len(drop) == 0 || float64(dropped) > maxDisagreement*float64(total) {
		return false
	}
	for _, b := range drop {
		if b.Parent != nil {
			b.Parent.RemoveChild(b)
		}
	}
	return true
}

// keptAnyway reports a block that is kept whatever trafilatura thinks of
// it, as trafilatura leaves such things out: a picture's caption (inside
// a <figure>), which a reader of the page sees beside the picture, and a
// formula.
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
		math := false
		walkNodes(n, func(c *html.Node) bool {
			math = c.Type == html.ElementNode && formula.IsFormula(c)
			return !math
		})
		if math {
			return true
		}
	}
	return false
}

// isStandfirst reports a sentence before the article's first agreed
// block: the summary under a headline, which trafilatura often leaves in
// the page's header. A byline, a dateline, a kicker or a caption credit
// is not a sentence.
func isStandfirst(text string, words []string) bool {
	text = strings.TrimSpace(text)
	return len(words) >= 10 && len(words) <= 60 && strings.ContainsAny(text[len(text)-1:], ".!?")
}

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

// textBlocks lists the runs of text under root, in document order, each
// as the sibling nodes that hold it: an innermost block (one holding no
// other), or a run of text and inline elements beside blocks.
func textBlocks(root *html.Node) [][]*html.Node {
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

func textOfAll(nodes []*html.Node) string {
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

// wordsOf splits text into its words: runs of letters, digits and "_".
func wordsOf(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return r != '_' && !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// shingleLen is how many words make the runs two texts are compared by.
const shingleLen = 4

// shingles is what a text holds, as the set of its runs of shingleLen
// words (and, for blocks shorter than a run, the text's words joined).
type shingles struct {
	seed   maphash.Seed
	set    map[uint64]struct{}
	joined string
}

func newShingles(text string) shingles {
	words := wordsOf(text)
	s := shingles{seed: maphash.MakeSeed(), set: make(map[uint64]struct{}, len(words))}
	for i := 0; i+shingleLen <= len(words); i++ {
		s.set[s.hash(words[i:i+shingleLen])] = struct{}{}
	}
	s.joined = " " + strings.Join(words, " ") + " "
	return s
}

func (s shingles) hash(words []string) uint64 {
	var h uint64
	for _, w := range words {
		h = h*0x9E3779B97F4A7C15 ^ maphash.String(s.seed, w)
	}
	return h
}

// covers reports whether at least half of the runs of words are in s.
func (s shingles) covers(words []string) bool {
	if len(words) < shingleLen {
		return strings.Contains(s.joined, " "+strings.Join(words, " ")+" ")
	}
	runs, have := 0, 0
	for i := 0; i+shingleLen <= len(words); i++ {
		runs++
		if _, ok := s.set[s.hash(words[i:i+shingleLen])]; ok {
			have++
		}
	}
	return 2*have >= runs
}
