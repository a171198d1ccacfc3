package model

// Quote is one quotation found in an article's markdown.
//
// Text is exactly what stands between the marks, inner punctuation and all
// (a trailing comma inside the marks stays). For a quote that lies in one
// paragraph, Text == markdown[Start:End]. A quote that runs over several
// paragraphs (each paragraph opens with a mark, only the last one closes)
// has as Text the paragraphs' texts, without their opening marks and
// trailing spaces, joined with "\n\n"; its span runs from the first word of
// the first paragraph to the closing mark in the last.
//
// Paragraph counts the article's text blocks from 1: blocks are separated
// by blank lines (in a document without any blank line, such as plain
// text, every line is a block); headings, code blocks, thematic breaks,
// image lines, link-only lines and very short caption or button lines are
// not counted.
type Quote struct {
	N         int    `json:"n"`       // 1-based order in the article
	Text      string `json:"text"`    // exactly what stands between the marks
	Speaker   string `json:"speaker"` // "" when unknown
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"-"` // byte span of Text in the markdown
	End       int    `json:"-"`
}
