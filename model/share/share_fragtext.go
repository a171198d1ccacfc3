package share

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/markdown"
)

// fragText is an article's markdown as a browser would show its page: the
// text without markdown syntax, whitespace collapsed to single spaces, and
// one '\n' between blocks (paragraphs, headings, list items, table cells),
// which text fragment terms never cross. src[i] is the byte offset in the
// markdown that rune text[i] came from.
type fragText struct {
	text []rune
	src  []int
}

// emit adds one rune of text that came from markdown offset at.
func (t *fragText) emit(r rune, at int) {
	if r != '\n' && r != '\t' && model.IsUnsafeRune(r) {
		return
	}
	if unicode.IsSpace(r) {
		if n := len(t.text); n == 0 || t.text[n-1] == ' ' || t.text[n-1] == '\n' {
			return
		}
		r = ' '
	}
	t.text = append(t.text, r)
	t.src = append(t.src, at)
}

// brk ends the current block.
func (t *fragText) brk(at int) {
	if n := len(t.text); n > 0 && t.text[n-1] == ' ' {
		t.text, t.src = t.text[:n-1], t.src[:n-1]
	}
	if n := len(t.text); n > 0 && t.text[n-1] != '\n' {
		t.text = append(t.text, '\n')
		t.src = append(t.src, at)
	}
}

// fragRender renders markdown (or plain text) to the text a page shows.
// A document without any blank line is plain text, one block a line.
// Control and bidi characters are dropped (offsets into md stay valid).
func fragRender(md string) *fragText {
	t := &fragText{}
	plain := !strings.Contains(strings.ReplaceAll(md, "\r", ""), "\n\n") &&
		!strings.Contains(md, "\n \n") && !strings.Contains(md, "\n\t\n")
	var fence markdown.Fence
	for off := 0; off < len(md); {
		end, next := markdown.NextLine(md, off)
		fence = fragLine(t, md, off, end, plain, fence)
		off = next
	}
	t.brk(len(md))
	return t
}

// fragLine renders one line md[from:to]; fence is the open code fence, if
// any, and the fence open after the line is returned.
func fragLine(t *fragText, md string, from, to int, plain bool, fence markdown.Fence) markdown.Fence {
	line := md[from:to]
	if fence.Mark != 0 {
		t.brk(from)
		if fence.ClosedBy(line) {
			return markdown.Fence{}
		}
		fragInline(t, md, from, to, true)
		return fence
	}
	l := markdown.LineOf(line)
	lead := from + len(line) - len(strings.TrimLeft(line, " \t"))
	switch {
	case l.Kind == markdown.Blank:
		t.brk(from)
		return fence
	case l.Kind == markdown.CodeFence:
		t.brk(from)
		// Any three of its marks close a fence, however long the opener.
		return markdown.Fence{Mark: l.Mark, N: 3}
	case fragIsRule(l) || l.Kind == markdown.TableRule || l.Kind == markdown.LinkRefDef:
		t.brk(from)
		return fence
	}
	from = fragBlockPrefix(md, lead, to)
	row := l.Kind == markdown.TableRow
	if from != lead || plain || row {
		t.brk(lead)
	}
	if row {
		fragTableRow(t, md, from, to)
		t.brk(to)
		return fence
	}
	a, b := markdown.HeadingText(md[from:to])
	heading := a > 0
	if heading {
		from, to = from+a, from+b
	}
	fragInline(t, md, from, to, false)
	t.emit(' ', to)
	if heading {
		t.brk(to)
	}
	return fence
}

// fragBlockPrefix skips blockquote marks, list markers and heading-free
// indentation at the start of a line; a line that starts a new block comes
// back with an offset past its markers.
func fragBlockPrefix(md string, i, to int) int {
	for {
		start := i
		for i < to && (md[i] == ' ' || md[i] == '\t') {
			i++
		}
		if q := markdown.QuoteEnd(md[i:to]); q > 0 {
			i += q
			continue
		}
		if m, ok := markdown.ListMarker(md[i:to]); ok && m.Sep == ' ' {
			i += m.End
			continue
		}
		if i == start {
			return i
		}
		if i >= to {
			return to
		}
	}
}

// fragIsRule reports a line a page shows as a rule, not text: three or
// more of one of - * _ = with spaces (no tabs) between.
func fragIsRule(l markdown.Line) bool {
	return l.Marks&markdown.Tab == 0 &&
		(l.Kind == markdown.ThematicBreak || l.Marks&^markdown.Space == markdown.Equals && l.N >= 3)
}

// fragTableRow renders a table row, each cell a block of its own.
func fragTableRow(t *fragText, md string, from, to int) {
	cell := from
	for i := from; i <= to; i++ {
		if i == to || md[i] == '|' && (i == from || md[i-1] != '\\') {
			fragInline(t, md, cell, i, false)
			t.brk(i)
			cell = i + 1
		}
	}
}

// fragInline renders inline markdown md[from:to]: emphasis, strikethrough
// and code marks go, links keep their text, images and HTML tags go,
// autolinks and escapes keep what they show. verbatim (code) keeps all.
func fragInline(t *fragText, md string, from, to int, verbatim bool) {
	for i := from; i < to; {
		if verbatim {
			r, size := utf8.DecodeRuneInString(md[i:to])
			t.emit(r, i)
			i += size
			continue
		}
		if next, ok := fragInlineMark(t, md, i, from, to); ok {
			i = next
			continue
		}
		r, size := utf8.DecodeRuneInString(md[i:to])
		if r == '&' {
			if ch, n := markdown.Entity(md[i:to]); n > 0 {
				if ch == '\u00a0' {
					ch = ' ' // a fragment's words are parted by plain spaces
				}
				t.emit(ch, i)
				i += n
				continue
			}
		}
		t.emit(r, i)
		i += size
	}
}

// fragInlineMark handles the markdown syntax at md[i], if any, and says
// where to go on.
func fragInlineMark(t *fragText, md string, i, from, to int) (int, bool) {
	switch c := md[i]; c {
	case '\\':
		if i+1 < to && strings.IndexByte(markdown.Escapable, md[i+1]) >= 0 {
			t.emit(rune(md[i+1]), i+1)
			return i + 2, true
		}
	case '*', '_', '~', '`':
		j := i
		for j < to && md[j] == c {
			j++
		}
		strike := c == '~' && j-i >= 2
		if c == '`' || strike || c != '~' && fragIsDelimiter(md, i, j, from, to, c) {
			return j, true
		}
		for k := i; k < j; k++ {
			t.emit(rune(c), k)
		}
		return j, true
	case '!':
		if i+1 < to && md[i+1] == '[' {
			if _, end, ok := markdown.LinkSpan(md, i+1, to); ok {
				return end, true
			}
		}
	case '[':
		if textEnd, end, ok := markdown.LinkSpan(md, i, to); ok {
			fragInline(t, md, i+1, textEnd, false)
			return end, true
		}
	case '<':
		if j := strings.IndexByte(md[i:to], '>'); j > 1 {
			inner := md[i+1 : i+j]
			if strings.Contains(inner, "://") && !strings.ContainsAny(inner, " <") {
				fragInline(t, md, i+1, i+j, true)
				return i + j + 1, true
			}
			if c := inner[0]; c == '/' || c == '!' || c < 0x80 && unicode.IsLetter(rune(c)) {
				return i + j + 1, true
			}
		}
	}
	return i, false
}

// fragIsDelimiter reports a run md[i:j] of * or _ that opens or closes
// emphasis rather than standing for itself: it touches text on one side,
// and an _ run does not sit inside a word.
func fragIsDelimiter(md string, i, j, from, to int, c byte) bool {
	before, after := ' ', ' '
	if i > from {
		before, _ = utf8.DecodeLastRuneInString(md[from:i])
	}
	if j < to {
		after, _ = utf8.DecodeRuneInString(md[j:to])
	}
	bSpace, aSpace := unicode.IsSpace(before), unicode.IsSpace(after)
	if bSpace && aSpace {
		return false
	}
	if c == '_' && fragWordRune(before) && fragWordRune(after) {
		return false
	}
	return true
}

// fragWordRune reports a rune that is part of a word.
func fragWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
}
