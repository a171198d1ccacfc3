package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline-reader/byline/model/markdown"
)

// quoteBlock is a run of lines of the markdown: a paragraph of the article
// (prose) or something that is not the article's text (a heading, a code
// block, an image line, a list of links, a caption).
type quoteBlock struct {
	start, end int // bytes of its lines, without the last newline
	prose      bool
	para       int // 1-based number of a prose block, 0 otherwise
}

type quoteLine struct{ start, end int } // a line without its newline

// quoteSplitBlocks cuts the markdown into blocks. Blocks are separated by
// blank lines; a document with no blank line between two lines of text
// (plain text, one paragraph a line) has one block per line. Lines that are
// not article text always stand as blocks of their own.
func quoteSplitBlocks(md string) []quoteBlock {
	lines := quoteLines(md)
	perLine := !quoteHasBlankSeparator(md, lines)
	s := quoteBlockSplitter{md: md, lines: lines, cur: -1}
	for i := 0; i < len(lines); i++ {
		text := md[lines[i].start:lines[i].end]
		l := markdown.LineOf(text)
		trimmed := text[l.Start:l.End]
		switch {
		case l.Kind == markdown.Blank:
			s.flush(i)
		case opensCode(text):
			s.flush(i)
			j := quoteFenceEnd(md, lines, i)
			s.add(i, j+1, false)
			i = j
		case s.cur >= 0 && l.Underline() > 0 && l.N >= 2: // a lone '-' or '=' underlines nothing here
			s.add(s.cur, i+1, false)
			s.cur = -1
		case quoteNotArticleLine(trimmed, l) || quoteFurnitureLine(trimmed):
			s.flush(i)
			s.add(i, i+1, false)
		default:
			if s.cur < 0 {
				s.cur = i
			}
			if perLine {
				s.flush(i + 1)
			}
		}
	}
	s.flush(len(lines))
	quoteMarkFurniture(md, s.blocks)
	para := 0
	for i := range s.blocks {
		if s.blocks[i].prose {
			para++
			s.blocks[i].para = para
		}
	}
	return s.blocks
}

type quoteBlockSplitter struct {
	md     string
	lines  []quoteLine
	blocks []quoteBlock
	cur    int // first line of the prose block being gathered, or -1
}

// flush ends the prose block being gathered before line upto.
func (s *quoteBlockSplitter) flush(upto int) {
	if s.cur < 0 {
		return
	}
	from := s.cur
	s.cur = -1
	prose := true
	switch {
	case upto-from == 1 && quoteShortLine(strings.TrimSpace(s.md[s.lines[from].start:s.lines[from].end])):
		prose = false
	case quoteIndentedCode(s.md, s.lines[from:upto]) && !s.afterList():
		prose = false
	}
	s.add(from, upto, prose)
}

func (s *quoteBlockSplitter) add(from, upto int, prose bool) {
	if upto <= from {
		return
	}
	s.blocks = append(s.blocks, quoteBlock{start: s.lines[from].start, end: s.lines[upto-1].end, prose: prose})
}

// afterList reports whether the last block is a list, whose indented
// continuation paragraphs are not code.
func (s *quoteBlockSplitter) afterList() bool {
	if len(s.blocks) == 0 {
		return false
	}
	b := s.blocks[len(s.blocks)-1]
	rest, ok := quoteCutListMarker(strings.TrimSpace(s.md[b.start:b.end]))
	return ok && rest != ""
}

func quoteLines(md string) []quoteLine {
	lines := make([]quoteLine, 0, strings.Count(md, "\n")+1)
	for start := 0; start <= len(md); {
		end, next := markdown.NextLine(md, start)
		if next <= len(md) && end > start && md[end-1] == '\r' {
			end--
		}
		lines = append(lines, quoteLine{start, end})
		start = next
	}
	return lines
}

// quoteHasBlankSeparator reports whether a blank line stands between two
// lines of text somewhere in the document.
func quoteHasBlankSeparator(md string, lines []quoteLine) bool {
	seenText, blank := false, false
	for _, l := range lines {
		if strings.TrimSpace(md[l.start:l.end]) == "" {
			blank = seenText
			continue
		}
		if blank {
			return true
		}
		seenText = true
	}
	return false
}

// opensCode says whether a line outside code opens a fenced code block
// (markdown.Fence's Step).
func opensCode(line string) bool {
	code, _ := markdown.Fence{}.Step(line)
	return code
}

// quoteFenceEnd returns the index of the line that closes the fence opened
// on line i, or the last line when it never closes.
func quoteFenceEnd(md string, lines []quoteLine, i int) int {
	_, fence := markdown.Fence{}.Step(md[lines[i].start:lines[i].end])
	for j := i + 1; j < len(lines); j++ {
		if _, fence = fence.Step(md[lines[j].start:lines[j].end]); fence.Mark == 0 {
			return j
		}
	}
	return len(lines) - 1
}

// quoteNotArticleLine reports lines that never hold the article's prose:
// headings, thematic breaks, tables, image lines, link-only lines and lines
// that are only an HTML tag. t is the line l without its white space.
func quoteNotArticleLine(t string, l markdown.Line) bool {
	switch l.Kind {
	case markdown.Heading, markdown.TableRow, markdown.TableRule:
		return true
	case markdown.HTML:
		if t[len(t)-1] == '>' {
			return true
		}
	}
	// Three bytes or more of - * _ and spaces, mixed or not, make a rule.
	if l.Marks != 0 && l.Marks&(markdown.Equals|markdown.Tab) == 0 && len(t) >= 3 {
		return true
	}
	body := t[markdown.QuoteEnd(t):]
	if rest, ok := quoteCutListMarker(body); ok {
		body = rest
	}
	body = strings.TrimLeft(body, "*_ ")
	// An image, or a link around one.
	if b := markdown.LineOf(strings.TrimPrefix(body, "[")); b.Kind == markdown.Image && b.Start == 0 {
		return true
	}
	return quoteLinkOnly(body)
}

// quoteCutListMarker removes a list marker ("- ", "* ", "+ ", "1. ", "2) ",
// and the plain-text bullet "• "). Quote finding reads ordered markers of
// up to four digits, and a space after the marker.
func quoteCutListMarker(t string) (string, bool) {
	if m, ok := markdown.ListMarker(t); ok && m.Sep == ' ' && m.Digits <= 4 {
		return strings.TrimSpace(t[m.End:]), true
	}
	if strings.HasPrefix(t, "• ") {
		return strings.TrimSpace(t[len("• "):]), true
	}
	return t, false
}

// quoteLinkOnly reports a line made of nothing but links (markdown links,
// autolinks, bare URLs) and separators: a "related stories" item, a share bar.
func quoteLinkOnly(s string) bool {
	links := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || strings.ContainsRune("|·•,;-–—*_/", r):
			i += size
		case r == '[':
			j := quoteLinkEnd(s, i)
			if j < 0 {
				return false
			}
			links++
			i = j
		case strings.HasPrefix(s[i:], "http://") || strings.HasPrefix(s[i:], "https://") || strings.HasPrefix(s[i:], "<http"):
			j := strings.IndexAny(s[i:], " \t")
			if j < 0 {
				j = len(s) - i
			}
			links++
			i += j
		default:
			return false
		}
	}
	return links > 0
}

// quoteLinkEnd returns the end of the markdown link starting at s[i] == '['
// ("[text](target)", "[text][ref]" or a definition "[ref]: url"), or -1.
func quoteLinkEnd(s string, i int) int {
	j := quoteMatching(s, i, '[', ']')
	if j < 0 {
		return -1
	}
	switch {
	case j+1 < len(s) && s[j+1] == '(':
		k := quoteMatching(s, j+1, '(', ')')
		if k < 0 {
			return -1
		}
		return k + 1
	case j+1 < len(s) && s[j+1] == '[':
		k := strings.IndexByte(s[j+1:], ']')
		if k < 0 {
			return -1
		}
		return j + 1 + k + 1
	case j+1 < len(s) && s[j+1] == ':':
		return len(s)
	}
	return -1
}

// quoteMatching returns the index of the bracket that closes s[i], or -1.
func quoteMatching(s string, i int, open, close byte) int {
	depth := 0
	for j := i; j < len(s) && j-i < 4096; j++ {
		switch s[j] {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return j
			}
		case '\n':
			return -1
		}
	}
	return -1
}

// quoteShortLine reports a line that stands alone and looks like a caption,
// a label or a button: three words at most and no sentence-ending mark.
func quoteShortLine(t string) bool {
	words, inWord := 0, false
	for i := 0; i < len(t); i++ {
		space := t[i] == ' ' || t[i] == '\t'
		if !space && !inWord {
			if words++; words > 3 {
				return false
			}
		}
		inWord = !space
	}
	t = strings.TrimRight(t, "”\"’'»«“*_) 」』")
	r, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".!?:;,…。！？", r)
}

// quoteIndentedCode reports a block whose every line is indented by four
// spaces or a tab: an indented code block.
func quoteIndentedCode(md string, lines []quoteLine) bool {
	for _, l := range lines {
		if !markdown.IndentedCode(md[l.start:l.end]) {
			return false
		}
	}
	return true
}
