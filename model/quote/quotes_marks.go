package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoteRole says what a quotation mark can do where it stands.
type quoteRole uint8

const (
	quoteRoleNone quoteRole = iota
	quoteRoleOpen
	quoteRoleClose
)

// quoteMark is one quotation mark in a prose block.
type quoteMark struct {
	pos, end int // bytes of the mark
	r        rune
	role     quoteRole
	single   bool // ‘ ’ ' ‚ as opposed to “ ” " '' „ and the bracket-like marks
	inch     bool // a straight " right after a digit (27" monitor)
}

// quoteFamily groups the marks that pair with each other: the double marks
// (“ ” " „ and a pair of apostrophes), the single ones (‘ ’ ' ‚) and each
// bracket-like pair, whose opener and closer differ (« », ‹ ›, 「 」,
// 『 』; German and Danish type them reversed, » «). A quote opened by a bracket-like mark is closed only
// by its partner; marks of other families inside it are nested.
func quoteFamily(r rune) byte {
	switch r {
	case '«', '»':
		return 'g'
	case '‹', '›':
		return 's'
	case '「', '」':
		return 'c'
	case '『', '』':
		return 'w'
	case '‘', '’', '\'', '‚':
		return 'q'
	}
	return 'd'
}

// quoteBracket reports a bracket-like family.
func quoteBracket(f byte) bool { return f != 'd' && f != 'q' }

// quoteScanMarks lists the quotation marks of md[from:to] that can open or
// close a quote, leaving out those inside code spans, link targets, URLs
// and HTML tags.
func quoteScanMarks(md string, from, to int) []quoteMark {
	var marks []quoteMark
	for i := from; i < to; {
		c := md[i]
		switch {
		case c == '`':
			i = quoteSkipCode(md, i, to)
		case c == ']' && i+1 < to && md[i+1] == '(':
			if k := quoteMatching(md[:to], i+1, '(', ')'); k > 0 {
				i = k + 1
			} else {
				i++
			}
		case c == '<' && i+1 < to && (quoteIsASCIILetter(md[i+1]) || md[i+1] == '/' || md[i+1] == '!'):
			i = quoteSkipTag(md, i, to)
		case (c == 'h' || c == 'w') && quoteURLAt(md, i, from):
			i = quoteSkipURL(md, i, to)
		case c == '\'' && i+1 < to && md[i+1] == '\'' && !quoteSingleBeforePair(md, i, from, to):
			// Two apostrophes stand for a double mark in some papers'
			// text (''We will,'' said Mr. Burman).
			if m, ok := quoteClassify(md, i, 2, '"', from, to); ok {
				marks = append(marks, m)
			}
			i += 2
		case c == '"' || c == '\'':
			if m, ok := quoteClassify(md, i, 1, rune(c), from, to); ok {
				marks = append(marks, m)
			}
			i++
		case c >= 0x80:
			r, size := utf8.DecodeRuneInString(md[i:to])
			if quoteIsMarkRune(r) {
				if m, ok := quoteClassify(md, i, size, r, from, to); ok {
					marks = append(marks, m)
				}
			}
			i += size
		default:
			i++
		}
	}
	return marks
}

// quoteSingleBeforePair reports three apostrophes that end a word: a
// single mark closing before a double one typed as two apostrophes
// (on the 'wrong track.' and then two more).
func quoteSingleBeforePair(md string, i, from, to int) bool {
	if i+2 >= to || md[i+2] != '\'' || i == from {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(md[from:i])
	return !unicode.IsSpace(r)
}

func quoteIsMarkRune(r rune) bool {
	switch r {
	case '“', '”', '„', '«', '»', '‘', '’', '‚', '‹', '›', '「', '」', '『', '』':
		return true
	}
	return false
}

func quoteIsASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// quoteSkipCode skips a code span opened by a run of backticks at i; a run
// that is never closed is skipped as plain text.
func quoteSkipCode(md string, i, to int) int {
	n := 0
	for i+n < to && md[i+n] == '`' {
		n++
	}
	fence := md[i : i+n]
	limit := min(to, i+n+quoteMaxBytes)
	for j := i + n; j < limit; {
		k := strings.Index(md[j:limit], fence)
		if k < 0 {
			break
		}
		j += k
		e := j + n
		if e >= to || md[e] != '`' {
			return e
		}
		for e < to && md[e] == '`' {
			e++
		}
		j = e
	}
	return i + n
}

// quoteSkipTag skips an HTML tag or comment on one line.
func quoteSkipTag(md string, i, to int) int {
	limit := min(to, i+512)
	for j := i + 1; j < limit; j++ {
		switch md[j] {
		case '>':
			return j + 1
		case '\n', '<':
			return i + 1
		}
	}
	return i + 1
}

// quoteURLAt reports a bare URL (http://, https://, www.) starting at i.
func quoteURLAt(md string, i, from int) bool {
	s := md[i:]
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "www.") {
		return false
	}
	if i == from {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(md[from:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func quoteSkipURL(md string, i, to int) int {
	for j := i; j < to; j++ {
		switch md[j] {
		case ' ', '\t', '\n', '\r':
			return j
		}
	}
	return to
}

// quoteClassify decides what the mark at md[i:i+size] can do from the
// runes on either side of it (block edges count as spaces).
func quoteClassify(md string, i, size int, r rune, from, to int) (quoteMark, bool) {
	prev, next := rune(' '), rune(' ')
	if i > from {
		prev, _ = utf8.DecodeLastRuneInString(md[from:i])
	}
	if i+size < to {
		next, _ = utf8.DecodeRuneInString(md[i+size : to])
	}
	m := quoteMark{pos: i, end: i + size, r: r}
	canOpen := !unicode.IsSpace(next) && !quoteWordRune(prev) && !strings.ContainsRune(".!?)]}", prev)
	canClose := !unicode.IsSpace(prev) && !quoteWordRune(next)
	switch r {
	case '"':
		m.role = quoteEither(canOpen, canClose)
		m.inch = m.role == quoteRoleClose && unicode.IsDigit(prev) && !strings.ContainsRune(",.;:!?)", next) && i+size < to
	case '“':
		m.role = quoteRoleOpen
		if canClose && !canOpen {
			m.role = quoteRoleClose
		}
	case '”':
		m.role = quoteRoleClose
		if canOpen && !canClose {
			m.role = quoteRoleOpen
		}
	case '„', '「', '『':
		m.role = quoteRoleOpen
	case '」', '』':
		m.role = quoteRoleClose
	case '«', '‹':
		// Opens with or without the French spaces (« Oui », «Oui»);
		// closes a reversed quote when it ends a word (»Ja«, sagte er).
		m.role = quoteRoleOpen
		if quoteWordEnd(prev) && !quoteWordRune(next) {
			m.role = quoteRoleClose
		}
	case '»', '›':
		m.role = quoteRoleClose
		if !quoteWordEnd(prev) && quoteWordRune(next) {
			m.role = quoteRoleOpen
		}
	default:
		m.single = true
		m.role = quoteSingleRole(md, i+size, to, r, prev, next, canClose)
	}
	return m, m.role != quoteRoleNone
}

func quoteEither(canOpen, canClose bool) quoteRole {
	switch {
	case canOpen && !canClose:
		return quoteRoleOpen
	case canClose && !canOpen:
		return quoteRoleClose
	}
	return quoteRoleNone
}

// quoteSingleRole: a single mark opens only before a letter and after a
// space or opening punctuation, and not as an elision ('em, ‘n’, 'til); it
// closes only after a non-space and before a non-letter, so the apostrophes
// of don’t and ’90s do neither. ’ never opens.
func quoteSingleRole(md string, after, to int, r, prev, next rune, canClose bool) quoteRole {
	opens := unicode.IsLetter(next) && !quoteWordRune(prev) && !strings.ContainsRune(".!?)]}", prev)
	switch r {
	case '‘', '\'', '‚':
		if opens && !quoteElision(md[after:to]) {
			return quoteRoleOpen
		}
		if canClose && r != '‚' {
			return quoteRoleClose
		}
	case '’':
		if canClose {
			return quoteRoleClose
		}
	}
	return quoteRoleNone
}

// quoteElision reports words that begin with an apostrophe rather than a
// quotation mark.
func quoteElision(s string) bool {
	end := 0
	for end < len(s) && end < 8 && quoteIsASCIILetter(s[end]) {
		end++
	}
	switch strings.ToLower(s[:end]) {
	case "em", "n", "tis", "twas", "til", "cause", "bout", "cos", "s", "t", "d", "ll", "re", "ve":
		return true
	}
	return false
}

func quoteWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// quoteWordEnd reports a rune that can end the text of a quote: a word or
// its closing punctuation.
func quoteWordEnd(r rune) bool { return quoteWordRune(r) || strings.ContainsRune(".,;:!?…)", r) }

// quoteCloses reports whether mark t closes a quote opened by op.
func quoteCloses(op, t quoteMark) bool {
	if t.role != quoteRoleClose {
		return false
	}
	if f := quoteFamily(op.r); quoteBracket(f) {
		return quoteFamily(t.r) == f && t.r != op.r
	}
	switch op.r {
	case '‘', '\'', '‚':
		return t.r == '’' || t.r == '\'' || (op.r == '‚' && t.r == '‘')
	}
	switch t.r {
	case '”', '“':
		return true
	case '"':
		return !t.inch
	}
	return false
}

// quoteSameFamily reports whether a paragraph opening with mark b carries
// on a quote that a previous paragraph opened with mark a.
func quoteSameFamily(a, b quoteMark) bool {
	if a.single != b.single {
		return false
	}
	if quoteBracket(quoteFamily(a.r)) || quoteBracket(quoteFamily(b.r)) {
		return a.r == b.r
	}
	return true
}
