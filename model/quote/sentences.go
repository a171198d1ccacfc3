package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/markdown"
)

// Sentences splits the prose of an article's markdown into sentences,
// as byte spans of md that start at a word and end after the sentence's
// closing punctuation (and any closing quote or bracket). Headings, code,
// tables, images and HTML lines hold no sentences; a paragraph or list
// item always ends one.
func Sentences(md string) []model.Span {
	var out []model.Span
	var para []model.Span // the paragraph's lines, prefixes cut off
	flush := func() {
		out = appendSentences(out, md, para)
		para = para[:0]
	}
	var fence markdown.Fence
	for pos := 0; pos < len(md); {
		end, next := markdown.NextLine(md, pos)
		line := md[pos:end]
		l := markdown.LineOf(line)
		code, after := fence.Step(line)
		switch {
		case code:
			if fence.Mark == 0 { // the fence that opens code ends a paragraph
				flush()
			}
			fence = after
		case l.Kind == markdown.Blank || notProse(line, l):
			flush()
		default:
			from, item := proseStart(line)
			if item {
				flush()
			}
			para = append(para, model.Span{Start: pos + from, End: end})
		}
		pos = next
	}
	flush()
	return out
}

// notProse reports lines without sentences: headings (and any line that
// opens with '#'), rules and underlines, tables, images, HTML and indented
// code.
func notProse(line string, l markdown.Line) bool {
	switch l.Kind {
	case markdown.TableRow, markdown.TableRule, markdown.HTML, markdown.Image:
		return true
	}
	return line[l.Start] == '#' || l.Marks != 0 && l.Marks&markdown.Tab == 0 || l.Indented
}

// proseStart skips a line's blockquote marks and list marker; item says a
// list marker began a new item.
func proseStart(line string) (int, bool) {
	i := markdown.QuoteEnd(line)
	if m, ok := markdown.ListMarker(line[i:]); ok && m.Sep == ' ' {
		return i + m.End, true
	}
	return i, false
}

// sentenceClosers may follow a sentence's closing punctuation.
const sentenceClosers = "\"')]*_”’»"

// appendSentences splits one paragraph, given as its lines, into sentences.
func appendSentences(out []model.Span, md string, lines []model.Span) []model.Span {
	start := -1
	last := -1 // end of the last non-space byte seen
	for li, ln := range lines {
		for i := ln.Start; i < ln.End; {
			r, size := utf8.DecodeRuneInString(md[i:])
			if unicode.IsSpace(r) {
				i += size
				continue
			}
			if start < 0 {
				start = i
			}
			i += size
			last = i
			if !strings.ContainsRune(".!?…", r) {
				continue
			}
			j := i
			for j < ln.End {
				c, n := utf8.DecodeRuneInString(md[j:])
				if !strings.ContainsRune(sentenceClosers, c) {
					break
				}
				j += n
			}
			if sentenceEnds(md, lines, li, j, start, i-size, r) {
				out = appendSentence(out, md, start, j)
				start, last = -1, -1
				i = j
			}
		}
	}
	if start >= 0 && last > start {
		out = appendSentence(out, md, start, last)
	}
	return out
}

// sentenceEnds decides whether the punctuation at dot (r) ends the
// sentence begun at start: it must be followed by a space and a word that
// does not start in lower case, and not close an abbreviation or initial.
func sentenceEnds(md string, lines []model.Span, li, after, start, dot int, r rune) bool {
	ln := lines[li]
	if after < ln.End {
		if c, _ := utf8.DecodeRuneInString(md[after:]); !unicode.IsSpace(c) {
			return false
		}
	}
	next := nextWordRune(md, lines, li, after)
	if next == 0 {
		return true
	}
	if unicode.IsLower(next) {
		return false
	}
	if r != '.' {
		return true
	}
	w := dot
	for w > start {
		c, n := utf8.DecodeLastRuneInString(md[:w])
		if !unicode.IsLetter(c) && c != '.' {
			break
		}
		w -= n
	}
	return !isAbbreviation(md[w:dot])
}

// nextWordRune is the first non-space rune after i in the paragraph, 0 at
// its end.
func nextWordRune(md string, lines []model.Span, li, i int) rune {
	for ; li < len(lines); li++ {
		if i < lines[li].Start {
			i = lines[li].Start
		}
		for i < lines[li].End {
			r, n := utf8.DecodeRuneInString(md[i:])
			if !unicode.IsSpace(r) {
				if strings.ContainsRune("“\"‘'«(*_[", r) {
					i += n
					continue
				}
				return r
			}
			i += n
		}
	}
	return 0
}

func isAbbreviation(w string) bool {
	if utf8.RuneCountInString(w) == 1 || strings.Contains(w, ".") {
		return true // an initial, or U.S., e.g, i.e
	}
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st",
		"jr", "sr", "vs", "etc", "no", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun",
		"jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev", "hon", "pres", "approx",
		"mme", "mlle", "sra", "srta", "dra", "hr":
		return true
	}
	return false
}

// appendSentence keeps a span that holds a letter or digit.
func appendSentence(out []model.Span, md string, start, end int) []model.Span {
	if !quoteHasWord(md[start:end]) {
		return out
	}
	return append(out, model.Span{Start: start, End: end})
}
