// Package markdown is the one classifier of markdown lines and blocks: it
// says what a line is (blank, a heading, a code fence, a thematic break or
// setext underline, a list item, a block quote, a table row or rule, an
// HTML, image or link reference definition line, or text), where its
// marks end and its text begins, whether it is indented code, and which
// fence line closes an open code block.
//
// It owns the syntax of lines and blocks, nothing else. It holds no
// policy: what a heading, a caption or a list of links means to quote
// finding, page cleaning, sentence splitting or text fragments is decided
// by those packages, which ask this one what a line is. It knows no
// furniture, quote or sentence rule and imports nothing of byline's.
//
// The rules follow CommonMark where the readers agree with it, and say so
// where they are looser: a fence's info string is not checked, any line
// that opens with '<' is an HTML line, and a line of the characters that
// draw rules (- * _ =) reports which of them it holds (Line.Marks). Where
// readers differ, a Line or Marker carries enough for each to keep its own
// reading (how many digits an ordered marker has, whether a space or a tab
// follows it, how long a fence is, how the line is indented); the reader
// checks that field, and says why, in its own package.
//
// Nothing here allocates: a Line is a small value of offsets into the
// string it was made from.
package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a line is.
type Kind uint8

// The kinds of line. Each is decided on the line's content, without its
// leading and trailing white space; indentation is reported apart
// (Line.Indent, Line.Indented), since readers weigh it differently.
const (
	// Blank holds only white space.
	Blank Kind = iota
	// Text is any other line: a paragraph's.
	Text
	// Heading is an ATX heading: one to six '#' then a space, a tab or
	// the end. N is its level, Body the offset after the marks.
	Heading
	// SetextUnderline is a run of '=' or of '-' with no space inside
	// (but "---" reads as a ThematicBreak; see Line.Underline). Mark is
	// the character, N how many.
	SetextUnderline
	// ThematicBreak is three or more of one of - * _, spaces or tabs
	// between them. Mark is the character, N how many.
	ThematicBreak
	// CodeFence is a run of three or more '`' or '~', opening or closing
	// a fenced code block. Mark is the character, N the run's length and
	// Body the offset after it, where an info string starts.
	CodeFence
	// ListItem starts with a list marker (see ListMarker). Mark is the
	// bullet ('-', '*', '+') or the delimiter after the digits ('.',
	// ')'), N the number of digits (0 for a bullet), Body where the
	// item's text starts.
	ListItem
	// BlockQuote starts with '>'. N is the number of '>' marks before
	// the text, Body where the text starts (see QuoteEnd).
	BlockQuote
	// TableRow starts with '|'.
	TableRow
	// TableRule is a table's delimiter row: '|' then only '|', '-', ':'
	// and spaces ("|---|:--:|").
	TableRule
	// HTML starts with '<': an HTML tag or an autolink (what follows the
	// '<' is not checked).
	HTML
	// Image opens with an image, "![". (A linked image, "[![", opens
	// with a link: a line of Text, or a LinkRefDef.)
	Image
	// LinkRefDef is a link reference definition, "[label]: url": '[' but
	// not a footnote's "[^", then "]:" after a label with no "](" in it.
	// Body is the offset after the "]:".
	LinkRefDef
)

var kindNames = [...]string{"Blank", "Text", "Heading", "SetextUnderline", "ThematicBreak", "CodeFence",
	"ListItem", "BlockQuote", "TableRow", "TableRule", "HTML", "Image", "LinkRefDef"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(?)"
}

// Marks says which of the characters that draw rules and underlines a
// line holds, when it holds nothing else but spaces and tabs between them.
type Marks uint8

// The marks of a rule-like line.
const (
	Dash Marks = 1 << iota
	Star
	Underscore
	Equals
	Space // a space stands between marks
	Tab   // a tab stands between marks
)

// Line is the classification of one line. Offsets are bytes into the
// string given to LineOf; 0 <= Start <= Body <= End <= len(line).
type Line struct {
	Kind Kind
	// Mark is the character that makes the kind: '#', '>', '|', '<',
	// '!' or '[' as the kind opens; a fence's, rule's or underline's
	// character; a list item's bullet or the delimiter after its digits.
	// It is 0 for Blank and Text.
	Mark byte
	// Marks is non-zero for a line made only of - * _ = (with spaces or
	// tabs between): which of them, and whether spaces or tabs stand
	// between. It is set whatever the Kind ("- -" is a ListItem).
	Marks Marks
	// Indented: the line starts with four spaces or a tab, which makes it
	// indented code where it does not continue a paragraph or a list.
	Indented bool
	// N counts, as each kind says; for a Text line with Marks, how many
	// marks it holds.
	N int
	// Indent is the number of spaces that open the line.
	Indent int
	// Start and End bound the content: the line without the white space
	// (as strings.TrimSpace sees it) at either end.
	Start, End int
	// Body is where the content goes on after the kind's marks; Start
	// for a kind without any.
	Body int
}

// LineOf classifies one line, given without its newline.
func LineOf(s string) Line {
	start, end := trimBounds(s)
	indent := 0
	for indent < len(s) && s[indent] == ' ' {
		indent++
	}
	if start == end {
		return Line{Kind: Blank, Indented: IndentedCode(s), Indent: indent, Start: start, End: end, Body: start}
	}
	k, mark, marks, n, body := classify(s[start:end])
	return Line{Kind: k, Mark: mark, Marks: marks, Indented: IndentedCode(s), N: n, Indent: indent,
		Start: start, End: end, Body: start + body}
}

// IndentedCode reports whether s starts with four spaces or a tab, which
// makes it a line of indented code where it does not continue a paragraph
// or a list item (Line.Indented says the same).
func IndentedCode(s string) bool {
	return strings.HasPrefix(s, "    ") || strings.HasPrefix(s, "\t")
}

// classify reads the content t of a line (not blank): its kind, mark,
// rule marks, count and where its body starts in t.
func classify(t string) (k Kind, mark byte, marks Marks, n, body int) {
	switch c := t[0]; c {
	case '#':
		if n := HeadingLevel(t); n > 0 {
			return Heading, c, 0, n, n
		}
	case '>':
		body = QuoteEnd(t)
		return BlockQuote, c, 0, strings.Count(t[:body], ">"), body
	case '|':
		if strings.Trim(t, "|-: ") == "" {
			return TableRule, c, 0, 0, 0
		}
		return TableRow, c, 0, 0, 0
	case '<':
		return HTML, c, 0, 0, 0
	case '`', '~':
		if f := fenceRun(t); f >= 3 {
			return CodeFence, c, 0, f, f
		}
	case '!', '[':
		return classifyBracket(t)
	case '-', '*', '_', '=', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return classifyMarks(t)
	}
	return Text, 0, 0, 0, 0
}

// classifyBracket reads a line that opens with '!' or '['.
func classifyBracket(t string) (Kind, byte, Marks, int, int) {
	switch {
	case strings.HasPrefix(t, "!["):
		return Image, '!', 0, 0, 0
	case t[0] == '[' && !strings.HasPrefix(t, "[^"):
		if i := strings.Index(t, "]:"); i > 1 && !strings.Contains(t[:i], "](") {
			return LinkRefDef, '[', 0, 0, i + 2
		}
	}
	return Text, 0, 0, 0, 0
}

// classifyMarks reads a line that may be a rule, an underline or a list
// item.
func classifyMarks(t string) (Kind, byte, Marks, int, int) {
	marks, n := ruleMarks(t)
	switch one := marks &^ (Space | Tab); {
	case n >= 3 && (one == Dash || one == Star || one == Underscore):
		return ThematicBreak, t[0], marks, n, 0
	case marks == Dash || marks == Equals:
		return SetextUnderline, t[0], marks, n, 0
	}
	if m, ok := ListMarker(t); ok {
		return ListItem, m.Mark, marks, m.Digits, m.End
	}
	return Text, 0, marks, n, 0
}

// Underline is the level of the setext heading the line would underline:
// 1 for a run of '=', 2 for a run of '-' (a "---" ThematicBreak too), 0
// for any other line.
func (l Line) Underline() int {
	switch l.Marks {
	case Equals:
		return 1
	case Dash:
		return 2
	}
	return 0
}

// Opens reports whether the line is indented by three spaces at most and
// nothing else, as CommonMark wants of a line that opens a fenced code
// block (or any other block).
func (l Line) Opens() bool { return l.Start <= 3 && l.Indent == l.Start }

// Fence is an open fenced code block: its fence character and length. The
// zero Fence is none.
type Fence struct {
	Mark byte
	N    int
}

// Fence is the fence a CodeFence line opens; the zero Fence otherwise.
func (l Line) Fence() Fence {
	if l.Kind != CodeFence {
		return Fence{}
	}
	return Fence{Mark: l.Mark, N: l.N}
}

// ClosedBy reports whether the line closes the fence: past its white
// space, a run of the same character, at least as long, and nothing else.
// Indentation is not weighed.
func (f Fence) ClosedBy(line string) bool {
	start, end := trimBounds(line)
	t := line[start:end]
	return f.Mark != 0 && len(t) >= 3 && len(t) >= f.N && t[0] == f.Mark && fenceRun(t) == len(t)
}

// Step reads one line against the open fence f (the zero Fence: none):
// whether the line is code (inside the fence, or a fence line itself) and
// the fence open after it. A fence line opens code when it is indented
// three spaces at most (Opens); inside a block quote ("> ```") a fence
// opens and closes code as one outside does. Every reader of lines that
// must pass code by (links, sentences, quotes, the reader's layout) steps
// through fences with it.
func (f Fence) Step(line string) (code bool, after Fence) {
	if l := LineOf(line); l.Kind == BlockQuote {
		line = line[QuoteEnd(line):]
	}
	if f.Mark != 0 {
		if f.ClosedBy(line) {
			return true, Fence{}
		}
		return true, f
	}
	if l := LineOf(line); l.Kind == CodeFence && l.Opens() {
		return true, l.Fence()
	}
	return false, f
}

// HeadingLevel is the number of '#' that open s as an ATX heading: one to
// six, followed by a space, a tab or the end of s; 0 when s is not one.
// s is read as given: no white space is skipped or cut.
func HeadingLevel(s string) int {
	n := 0
	for n < len(s) && n < 7 && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0
	}
	return n
}

// HeadingText bounds the text of the ATX heading s (as given, see
// HeadingLevel): from is past the opening marks, to before the trailing
// spaces and tabs and before a closing run of '#' that stands alone or
// after a space (the spaces before that run are kept). It returns 0, 0
// when s is not a heading.
func HeadingText(s string) (from, to int) {
	from = HeadingLevel(s)
	if from == 0 {
		return 0, 0
	}
	body := strings.TrimRight(s[from:], " \t")
	if closing := strings.TrimRight(body, "#"); len(closing) < len(body) &&
		(closing == "" || strings.HasSuffix(closing, " ")) {
		body = closing
	}
	return from, from + len(body)
}

// Marker is a list item's marker.
type Marker struct {
	// Mark is the bullet ('-', '*', '+') or the delimiter after the
	// digits of an ordered marker ('.', ')').
	Mark byte
	// Digits is the number of digits of an ordered marker (1 to 9), 0
	// for a bullet.
	Digits int
	// Sep is the space or tab that follows the marker.
	Sep byte
	// End is the offset past Sep, where the item's text starts.
	End int
}

// ListMarker reads the list marker at the very start of s (no white space
// is skipped): a bullet '-', '*' or '+', or one to nine digits and '.' or
// ')', then a space or a tab. It reads the marker even where the line as a
// whole is something else ("- - -" is a ThematicBreak).
func ListMarker(s string) (Marker, bool) {
	if len(s) < 2 {
		return Marker{}, false
	}
	if c := s[0]; c == '-' || c == '*' || c == '+' {
		if s[1] == ' ' || s[1] == '\t' {
			return Marker{Mark: c, Sep: s[1], End: 2}, true
		}
		return Marker{}, false
	}
	j := 0
	for j < len(s) && j < 9 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j > 0 && j+1 < len(s) && (s[j] == '.' || s[j] == ')') && (s[j+1] == ' ' || s[j+1] == '\t') {
		return Marker{Mark: s[j], Digits: j, Sep: s[j+1], End: j + 2}, true
	}
	return Marker{}, false
}

// QuoteEnd is the end of the block quote marks that open s: every '>'
// and every space before, between and after them (a tab ends them). It is
// 0 when s opens with neither.
func QuoteEnd(s string) int {
	i := 0
	for i < len(s) && (s[i] == '>' || s[i] == ' ') {
		i++
	}
	return i
}

// NextLine finds the line of s that starts at from: end is where it ends,
// before the '\n' (a '\r' before it is kept), and next is where the line
// after it starts, len(s)+1 when it is the last.
func NextLine(s string, from int) (end, next int) {
	nl := strings.IndexByte(s[from:], '\n')
	if nl < 0 {
		return len(s), len(s) + 1
	}
	return from + nl, from + nl + 1
}

// fenceRun is the length of the run of '`' or '~' that opens t.
func fenceRun(t string) int {
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	return n
}

// ruleMarks reads a line made only of - * _ = with spaces or tabs
// between: which marks it holds and how many; 0, 0 for any other line.
func ruleMarks(t string) (Marks, int) {
	var m Marks
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '-':
			m |= Dash
		case '*':
			m |= Star
		case '_':
			m |= Underscore
		case '=':
			m |= Equals
		case ' ':
			m |= Space
			continue
		case '\t':
			m |= Tab
			continue
		default:
			return 0, 0
		}
		n++
	}
	return m, n
}

// trimBounds is where strings.TrimSpace(s) starts and ends in s.
func trimBounds(s string) (start, end int) {
	for start < len(s) {
		c := s[start]
		if c < utf8.RuneSelf {
			if !asciiSpace(c) {
				break
			}
			start++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[start:])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	end = len(s)
	for end > start {
		c := s[end-1]
		if c < utf8.RuneSelf {
			if !asciiSpace(c) {
				break
			}
			end--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}
