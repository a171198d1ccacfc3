package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline-reader/byline/model/markdown"
)

// A quote's Text is what a reader sees of it, while its Start and End
// still delimit the markdown it comes from: links keep their words and
// lose their targets ([words](https://…) → words), emphasis, strikethrough
// and code marks go, a backslash escape shows what it escapes (\[ → [),
// images and HTML tags go, autolinks show their address, the few HTML
// entities converters leave are decoded, and a line's blockquote marks go.
// The rules are those of the page a browser shows, so that a text
// fragment built from the quote's words finds them.

// quoteMarkupBytes are the bytes that may start markdown syntax inside a
// quote's text; a text with none of them is shown as it is.
const quoteMarkupBytes = "\\[]*_`<&~!\n"

// quoteVisible is the text a reader sees of the markdown s.
func quoteVisible(s string) string {
	if !strings.ContainsAny(s, quoteMarkupBytes) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	quoteAppendVisible(&b, s)
	return b.String()
}

// quoteVisibleSpan is the visible text of md[from:to] without the white
// space around it.
func quoteVisibleSpan(md string, from, to int) string {
	return strings.TrimFunc(quoteVisible(md[from:to]), unicode.IsSpace)
}

func quoteAppendVisible(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		if next, ok := quoteVisibleMark(b, s, i); ok {
			i = next
			continue
		}
		if s[i] == '&' {
			if r, n := markdown.Entity(s[i:]); n > 0 {
				b.WriteRune(r)
				i += n
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
}

// quoteVisibleMark writes what the markdown syntax at s[i] shows, if there
// is syntax there, and says where to go on.
func quoteVisibleMark(b *strings.Builder, s string, i int) (int, bool) {
	switch c := s[i]; c {
	case '\n':
		b.WriteByte('\n')
		j := i + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		return j + markdown.QuoteEnd(s[j:]), true
	case '\\':
		if i+1 < len(s) && strings.IndexByte(markdown.Escapable, s[i+1]) >= 0 {
			b.WriteByte(s[i+1])
			return i + 2, true
		}
	case '`':
		return quoteVisibleCode(b, s, i), true
	case '*', '_', '~':
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		if (c != '~' || j-i >= 2) && quoteEmphasisPaired(s, i, j) {
			return j, true
		}
		if j-i == 2 && c != '~' && quoteEmphasisRole(s, i, j) != 0 {
			return j, true // strong emphasis whose other mark is outside the quote: **“In print**,”
		}
		b.WriteString(s[i:j])
		return j, true
	case '!':
		if i+1 < len(s) && s[i+1] == '[' {
			if _, end, ok := markdown.LinkSpan(s, i+1, len(s)); ok {
				return end, true
			}
		}
	case '[':
		if textEnd, end, ok := markdown.LinkSpan(s, i, len(s)); ok {
			quoteAppendVisible(b, s[i+1:textEnd])
			return end, true
		}
	case '<':
		if j := strings.IndexByte(s[i:], '>'); j > 1 {
			inner := s[i+1 : i+j]
			if strings.Contains(inner, "://") && !strings.ContainsAny(inner, " <") {
				b.WriteString(inner)
				return i + j + 1, true
			}
			if c := inner[0]; c == '/' || c == '!' || quoteIsASCIILetter(c) {
				return i + j + 1, true
			}
		}
	}
	return i, false
}

// quoteVisibleCode writes the code span opened by the backticks at s[i]
// without its marks; a run never closed stands for itself.
func quoteVisibleCode(b *strings.Builder, s string, i int) int {
	j := i
	for j < len(s) && s[j] == '`' {
		j++
	}
	fence := s[i:j]
	k := strings.Index(s[j:], fence)
	if k < 0 {
		b.WriteString(fence)
		return j
	}
	b.WriteString(s[j : j+k])
	return j + k + len(fence)
}

// quoteEmphasisRole says whether the run s[i:j] of * _ or ~ can open
// emphasis (+1: text after it, none before), close it (-1) or neither (0:
// inside a word, file_name, or between spaces, 5 * 3).
func quoteEmphasisRole(s string, i, j int) int {
	before, after := ' ', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if j < len(s) {
		after, _ = utf8.DecodeRuneInString(s[j:])
	}
	switch {
	case unicode.IsSpace(before) && unicode.IsSpace(after), quoteWordRune(before) && quoteWordRune(after):
		return 0
	case !unicode.IsSpace(after) && !quoteWordRune(before):
		return +1
	case !unicode.IsSpace(before) && !quoteWordRune(after):
		return -1
	}
	return 0
}

// quoteEmphasisPaired reports a run s[i:j] that opens or closes emphasis
// with a run of the same marks on the other side (*we* will); a run with
// no partner (f*** off) stands for itself.
func quoteEmphasisPaired(s string, i, j int) bool {
	role := quoteEmphasisRole(s, i, j)
	if role == 0 {
		return false
	}
	c, n := s[i], j-i
	for a := 0; a < len(s); {
		if s[a] != c {
			a++
			continue
		}
		e := a
		for e < len(s) && s[e] == c {
			e++
		}
		if e-a == n && (role > 0 && a >= j || role < 0 && e <= i) && quoteEmphasisRole(s, a, e) == -role {
			return true
		}
		a = e
	}
	return false
}
