package share

import "unicode"

// fragMatcher plays a browser following a text directive (WICG "find a
// range from a text directive") over rendered article text, so that the
// terms byline writes are known to land on the intended words. Browsers
// differ in small ways (how strongly they fold accents, whether "advance to
// the next non-whitespace position" crosses a block), so a directive is
// trusted only when every variant of the matcher agrees.
type fragMatcher struct {
	text  []rune // rendered text: words and word boundaries
	fold  []rune // text folded for comparison
	cross bool   // whitespace skipping after a prefix or before a suffix crosses blocks
	accts bool   // fold Latin accents away, as a primary-strength comparison does
	// budget, shared by the variants, bounds the positions tried, so a
	// text built to make matching quadratic costs a best-effort directive
	// rather than time; nil is unbounded.
	budget *int
}

// fragBudget is how many text positions choosing one directive may try.
const fragBudget = 4_000_000

// fragMatchers returns the variants a directive is checked with.
func fragMatchers(text []rune) []*fragMatcher {
	light, heavy := fragFold(text, false), fragFold(text, true)
	budget := fragBudget
	return []*fragMatcher{
		{text: text, fold: light, budget: &budget},
		{text: text, fold: light, cross: true, budget: &budget},
		{text: text, fold: heavy, accts: true, budget: &budget},
		{text: text, fold: heavy, cross: true, accts: true, budget: &budget},
	}
}

// spent reports an exhausted budget.
func (m *fragMatcher) spent() bool { return m.budget != nil && *m.budget <= 0 }

// fragLatin1 and fragLatinA give the base letter of the accented letters
// U+00C0–U+00FF and U+0100–U+017F; '.' keeps the letter as it is.
const (
	fragLatin1 = "aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y"
	fragLatinA = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkkllllllllll" +
		"nnnnnnnnnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"
)

// fragFold lower-cases runes one for one and, with accents, strips the
// accents of Latin letters.
func fragFold(rs []rune, accents bool) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[i] = fragFoldRune(r, accents)
	}
	return out
}

func fragFoldRune(r rune, accents bool) rune {
	r = unicode.ToLower(r)
	if !accents {
		return r
	}
	switch {
	case r >= 0xc0 && r < 0x100 && fragLatin1[r-0xc0] != '.':
		return rune(fragLatin1[r-0xc0])
	case r >= 0x100 && r < 0x180 && fragLatinA[r-0x100] != '.':
		return rune(fragLatinA[r-0x100])
	}
	return r
}

// boundary reports a word boundary before text[i], roughly as Unicode
// word segmentation has it: between two word characters there is none,
// nor around an apostrophe, period or colon inside a word (don’t, U.S) or
// a comma or period inside a number (3,000).
func (m *fragMatcher) boundary(i int) bool {
	n := len(m.text)
	if i <= 0 || i >= n {
		return true
	}
	a, b := m.text[i-1], m.text[i]
	if fragWordRune(a) && fragWordRune(b) {
		return fragIsIdeograph(a) || fragIsIdeograph(b)
	}
	if fragWordRune(a) && i+1 < n && fragMidWord(a, b, m.text[i+1]) {
		return false
	}
	if fragWordRune(b) && i >= 2 && fragMidWord(m.text[i-2], a, b) {
		return false
	}
	return true
}

// fragMidWord reports punctuation mid that joins a and c into one word.
func fragMidWord(a, mid, c rune) bool {
	switch mid {
	case '\'', '’', '.', ':', '·':
		return fragWordRune(a) && fragWordRune(c)
	case ',', ';':
		return unicode.IsDigit(a) && unicode.IsDigit(c)
	}
	return false
}

// fragIsIdeograph reports scripts written without spaces, where every
// character may be a word of its own.
func fragIsIdeograph(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// find is the first match of q at or after from; startB and endB require
// a word boundary at its start and end. -1 when there is none.
func (m *fragMatcher) find(q []rune, from int, startB, endB bool) int {
	if len(q) == 0 {
		return -1
	}
	for i := max(from, 0); i+len(q) <= len(m.fold); i++ {
		if m.budget != nil {
			if *m.budget--; *m.budget <= 0 {
				return -1
			}
		}
		if m.at(q, i, startB, endB) {
			return i
		}
	}
	return -1
}

// at reports a match of q at text[i], with the boundaries asked for.
func (m *fragMatcher) at(q []rune, i int, startB, endB bool) bool {
	return i >= 0 && i+len(q) <= len(m.fold) && len(q) > 0 && m.fold[i] == q[0] && fragEqual(m.fold[i:i+len(q)], q) &&
		(!startB || m.boundary(i)) && (!endB || m.boundary(i+len(q)))
}

func fragEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// skipSpace advances past whitespace, and past block breaks when the
// matcher crosses blocks.
func (m *fragMatcher) skipSpace(i int) int {
	for i < len(m.text) && (m.text[i] == ' ' || m.cross && m.text[i] == '\n') {
		i++
	}
	return i
}

// locate runs the directive and returns the range it highlights, as
// rune offsets into the text; ok is false when it highlights nothing.
func (m *fragMatcher) locate(d fragTerms) (from, to int, ok bool) {
	fold := func(s string) []rune { return fragFold([]rune(s), m.accts) }
	prefix, start, end, suffix := fold(d.prefix), fold(d.start), fold(d.end), fold(d.suffix)
	mustEnd := len(end) > 0 || len(suffix) == 0
	for search := 0; search < len(m.fold); {
		var ms int
		if len(prefix) > 0 {
			p := m.find(prefix, search, true, false)
			if p < 0 {
				return 0, 0, false
			}
			search = p + 1
			ms = m.skipSpace(p + len(prefix))
			if ms >= len(m.fold) {
				return 0, 0, false
			}
			if !m.at(start, ms, false, mustEnd) {
				continue
			}
		} else {
			ms = m.find(start, search, true, mustEnd)
			if ms < 0 {
				return 0, 0, false
			}
			search = ms + 1
		}
		me, found, done := m.locateEnd(ms+len(start), end, suffix)
		if done {
			return ms, me, found && !m.spent()
		}
	}
	return 0, 0, false
}

// locateEnd finishes a match whose start term ends at from: it finds the
// end term and checks the suffix. done says the answer is final (found or
// not); otherwise the caller goes on to the next start.
func (m *fragMatcher) locateEnd(from int, end, suffix []rune) (to int, found, done bool) {
	to = from
	nextSuffix := -1 // the next suffix occurrence known, once looked for
	for {
		if len(end) > 0 {
			e := m.find(end, to, true, len(suffix) == 0)
			if e < 0 {
				return 0, false, true
			}
			to = e + len(end)
		}
		if len(suffix) == 0 {
			return to, true, true
		}
		s := m.skipSpace(to)
		if m.at(suffix, s, false, true) {
			return to, true, true
		}
		if nextSuffix < s {
			nextSuffix = m.find(suffix, s, false, true)
		}
		if nextSuffix < 0 {
			return 0, false, true // the suffix is nowhere after: no match at all
		}
		if len(end) == 0 {
			return 0, false, false
		}
	}
}
