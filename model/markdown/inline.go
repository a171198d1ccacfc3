package markdown

import "strings"

// Inline syntax: what a reader's eye passes over inside a line, for the
// code that turns markdown into the text a reader sees (a quote's text,
// the words of a share link's text fragment).

// Escapable is the ASCII punctuation a backslash escapes.
const Escapable = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// LinkSpan parses the link [text](target), [text][ref] or [text][] that
// opens at s[i], looking no further than s[:to]: where its text ends (the
// "]") and where the whole link ends. Escaped brackets do not count.
func LinkSpan(s string, i, to int) (textEnd, end int, ok bool) {
	j := matching(s, i, to, '[', ']')
	if j < 0 || j+1 >= to || (s[j+1] != '(' && s[j+1] != '[') {
		return 0, 0, false
	}
	closer := byte(')')
	if s[j+1] == '[' {
		closer = ']'
	}
	k := matching(s, j+1, to, s[j+1], closer)
	if k < 0 {
		return 0, 0, false
	}
	return j, k + 1, true
}

// matching is the index of the bracket closing the one at s[i], skipping
// escaped ones, or -1.
func matching(s string, i, to int, open, close byte) int {
	depth := 0
	for j := i; j < to; j++ {
		switch s[j] {
		case '\\':
			j++
		case open:
			depth++
		case close:
			if depth--; depth == 0 {
				return j
			}
		}
	}
	return -1
}

// Entity decodes the HTML entity at the start of s, of the few markdown
// converters leave (&amp; &lt; &gt; &quot; &#39; &#x27; &nbsp;), and says
// how long it is; 0 when s opens with none.
func Entity(s string) (rune, int) {
	for _, e := range [...]struct {
		name string
		r    rune
	}{{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&#x27;", '\''}, {"&nbsp;", '\u00a0'}} {
		if strings.HasPrefix(s, e.name) {
			return e.r, len(e.name)
		}
	}
	return 0, 0
}

// Unescape reads markdown's backslash escapes and the entities Entity
// knows, as CommonMark reads a link's destination: `a\_b&amp;c` is
// "a_b&c".
func Unescape(s string) string {
	if !strings.ContainsAny(s, `\&`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if n := unescapeAt(&b, s, i); n > 0 {
			i += n - 1
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// unescapeAt writes what a backslash escape or a known entity at s[i]
// stands for and says how many bytes it took; 0 when s[i] starts neither.
func unescapeAt(b *strings.Builder, s string, i int) int {
	switch {
	case s[i] == '\\' && i+1 < len(s) && strings.IndexByte(Escapable, s[i+1]) >= 0:
		b.WriteByte(s[i+1])
		return 2
	case s[i] == '&':
		if r, n := Entity(s[i:]); n > 0 {
			b.WriteRune(r)
			return n
		}
	}
	return 0
}

// escapeText and destination are the escapes of EscapeText and
// Destination (read-only).
var (
	escapeText  = strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`, "*", `\*`, "_", `\_`, "`", "\\`", "<", `\<`, ">", `\>`)
	destination = strings.NewReplacer("(", "%28", ")", "%29", "<", "%3C", ">", "%3E", " ", "%20")
)

// EscapeText writes words as markdown text: the backslashes, brackets,
// emphasis and code marks and angle brackets in them escaped, so they
// stay words.
func EscapeText(s string) string { return escapeText.Replace(s) }

// Destination writes a URL as a link's destination: the parentheses,
// angle brackets and spaces that would end it percent-encoded.
func Destination(u string) string { return destination.Replace(u) }
