// Package attribution names who said each quotation of an article: the
// subject of a speech verb next to the quote, an apposition, "according
// to", a speaker carried over from the sentence or paragraph before, and
// pronouns and surnames resolved back to a full name. Finding the quotes
// is package quote's work; this package only reads the text around them.
package attribution

import "strings"

// Block is one block of the article's markdown as the quote finder cut it:
// a paragraph of prose, or a line that is not article text.
type Block struct {
	Start, End int  // bytes of its lines, without the last newline
	Prose      bool // article text, where speakers are looked for
}

// Quote is where one quotation lies in the markdown.
type Quote struct {
	Text        string
	Open, Close int // from its opening mark to the end of its closing mark
	First, Last int // indexes of the first and last block it lies in
}

// Speakers names the speaker of each quote, "" when unsure. The quotes are
// in order and do not overlap.
func Speakers(md string, blocks []Block, quotes []Quote) []string {
	speakers := attributeQuotes(md, blocks, quotes)
	for i, s := range speakers {
		speakers[i] = visibleName(s)
	}
	return speakers
}

// visibleName is a speaker's name as a reader sees it: a name taken from
// markdown may hold a link's syntax ("[Mary Steenburgen](https://…)").
func visibleName(s string) string {
	if !strings.ContainsAny(s, "[]\\*_") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ']' && i+1 < len(s) && s[i+1] == '(':
			i = attrSkipLinkSyntax(s, i, len(s))
		case c == '[' || c == ']' || c == '\\' || c == '*' || c == '_':
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func quoteIsASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
