package reader

import (
	"iter"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline-reader/byline/ui/reader/typeset"
)

// How find paints: every match on the screen in reverse video, the
// current one bold and underlined as well. Reverse video is the one look
// every theme and terminal has, so find needs no colours of its own.
const (
	matchLook   = "\x1b[7m"
	currentLook = "\x1b[1;4;7m"
)

// finder is a search in the article as it is shown: the term, every
// match in the lines of the header and the body's render (found again
// when they change), and the current match.
type finder struct {
	last    string  // the term last looked for, lower-cased
	term    []rune  // the term of the search, lower-cased; nil: no search
	matches []match // in order of line, then column
	cur     int     // the current match
	found   bool    // matches were found in header and lines
	header  []string
	lines   []string // what matches were found in
}

// match is where a term stands in a line: the line (counting the
// header's) and its runes of visible text, from start to end.
type match struct{ line, start, end int }

// Find starts a search for term (an empty term looks for the last one
// again): every match is painted, and the current one is the first at or
// below the top line of the screen (else the first), scrolled into view.
// It counts the matches; with none, no search goes on.
func (v *View) Find(term string, height int) int {
	if term = strings.ToLower(strings.TrimSpace(term)); term == "" {
		term = v.find.last
	}
	v.find.last = term
	if term == "" {
		v.EndFind()
		return 0
	}
	v.find.term = foldRunes([]rune(term))
	v.find.found = false // found again
	v.refreshMatches()
	if len(v.find.matches) == 0 {
		v.EndFind()
		return 0
	}
	v.find.cur = sort.Search(len(v.find.matches), func(i int) bool { return v.find.matches[i].line >= v.offset })
	if v.find.cur == len(v.find.matches) {
		v.find.cur = 0
	}
	v.revealMatch(height)
	return len(v.find.matches)
}

// FindNext makes the next match (dir > 0) or the previous one current,
// round the article, and scrolls it into view; it says whether it went
// round. It does nothing without a search.
func (v *View) FindNext(dir, height int) (wrapped bool) {
	if !v.Finding() {
		return false
	}
	v.refreshMatches()
	n := len(v.find.matches)
	if n == 0 {
		return false
	}
	next := min(v.find.cur, n-1) + dir
	switch {
	case next >= n:
		next, wrapped = 0, true
	case next < 0:
		next, wrapped = n-1, true
	}
	v.find.cur = next
	v.revealMatch(height)
	return wrapped
}

// EndFind ends the search: no match is painted.
func (v *View) EndFind() {
	v.find = finder{last: v.find.last}
}

// Finding says a search goes on.
func (v *View) Finding() bool { return v.find.term != nil }

// FindTerm is the term last looked for, lower-cased.
func (v *View) FindTerm() string { return v.find.last }

// FindPosition is the current match and how many there are, "3/7"; ""
// without a search.
func (v *View) FindPosition() string {
	if !v.Finding() {
		return ""
	}
	v.refreshMatches()
	n := len(v.find.matches)
	return strconv.Itoa(min(v.find.cur+1, n)) + "/" + strconv.Itoa(n)
}

// Where is the status line's place in the article: how far through it
// is (Percent), after the current match and their count during a search.
func (v *View) Where(height int) string {
	if p := v.FindPosition(); p != "" {
		return p + " · " + v.Percent(height)
	}
	return v.Percent(height)
}

// refreshMatches finds the term's matches again when the lines changed
// (a new render or header, or none while one is made), keeping the
// current match's number.
func (v *View) refreshMatches() {
	f := &v.find
	if f.term == nil || f.found && sameLines(f.header, v.header) && sameLines(f.lines, v.body()) {
		return
	}
	f.found, f.header, f.lines, f.matches = true, v.header, v.body(), f.matches[:0]
	for i := range len(v.header) + len(v.body()) {
		f.matches = appendMatches(f.matches, i, v.contentLine(i), f.term)
	}
}

// sameLines says a and b are the same lines (the same slice).
func sameLines(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// appendMatches adds the matches of term in line i, l, ignoring case and
// the styles the text is drawn in.
func appendMatches(ms []match, i int, l string, term []rune) []match {
	text := foldRunes(visibleRunes(l))
	for s := 0; s+len(term) <= len(text); s++ {
		if runesAt(text, s, term) {
			ms = append(ms, match{line: i, start: s, end: s + len(term)})
			s += len(term) - 1
		}
	}
	return ms
}

func runesAt(text []rune, at int, term []rune) bool {
	for j, r := range term {
		if text[at+j] != r {
			return false
		}
	}
	return true
}

// visibleRunes is the text of a line as the terminal shows it: its runes
// without the escape sequences.
func visibleRunes(l string) []rune {
	out := make([]rune, 0, len(l))
	for _, r := range shown(l) {
		out = append(out, r)
	}
	return out
}

// shown walks the runes of a line that the terminal shows, with their
// byte offsets, stepping over escape sequences.
func shown(l string) iter.Seq2[int, rune] {
	return func(yield func(int, rune) bool) {
		for i := 0; i < len(l); {
			if l[i] == 0x1b {
				n, _ := typeset.EscapeAt(l[i:])
				i += n
				continue
			}
			r, n := utf8.DecodeRuneInString(l[i:])
			if !yield(i, r) {
				return
			}
			i += n
		}
	}
}

// foldRunes lower-cases rs in place, one rune for one, and reads a
// no-break space as a space.
func foldRunes(rs []rune) []rune {
	for i, r := range rs {
		if r == '\u00a0' {
			r = ' '
		}
		rs[i] = unicode.ToLower(r)
	}
	return rs
}

// revealMatch scrolls the current match into view when it is not, with a
// few lines of context above it.
func (v *View) revealMatch(height int) {
	m := v.find.matches[v.find.cur]
	if m.line >= v.offset && m.line < v.offset+height {
		return
	}
	v.offset = m.line - min(3, height/3)
	v.Clamp(height)
}

// paintMatches paints the matches in content line i (l as drawn) over
// its looks.
func (v *View) paintMatches(i int, l string) string {
	f := &v.find
	if f.term == nil {
		return l
	}
	v.refreshMatches()
	lo := sort.Search(len(f.matches), func(k int) bool { return f.matches[k].line >= i })
	hi := lo
	for hi < len(f.matches) && f.matches[hi].line == i {
		hi++
	}
	if lo == hi {
		return l
	}
	return paintRunes(l, f.matches[lo:hi], f.cur-lo)
}

// paintRunes draws ms (matches in l, in order) in the find's looks, cur
// the current one; the line's own looks come back after each.
func paintRunes(l string, ms []match, cur int) string {
	var b strings.Builder
	b.Grow(len(l) + 16*len(ms))
	sgr, look := "", "" // the line's looks in force; find's, inside a match
	r, k := 0, 0
	for pos := 0; pos < len(l); {
		if l[pos] == 0x1b {
			n, isSGR := typeset.EscapeAt(l[pos:])
			seq := l[pos : pos+n]
			b.WriteString(seq)
			switch {
			case seq == "\x1b[m" || seq == "\x1b[0m":
				sgr = ""
			case isSGR:
				sgr += seq
			}
			b.WriteString(look) // the match's look holds across the line's codes
			pos += n
			continue
		}
		if look == "" && k < len(ms) && r == ms[k].start {
			look = matchLook
			if k == cur {
				look = currentLook
			}
			b.WriteString(look)
		}
		_, n := utf8.DecodeRuneInString(l[pos:])
		b.WriteString(l[pos : pos+n])
		pos += n
		r++
		if look != "" && r == ms[k].end {
			look = ""
			b.WriteString("\x1b[m" + sgr)
			k++
		}
	}
	if look != "" {
		b.WriteString("\x1b[m" + sgr)
	}
	return b.String()
}
