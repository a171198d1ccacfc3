package model

import (
	"strings"
	"unicode/utf8"
)

// Sanitize makes text from strangers safe to store, draw and print: it
// repairs invalid UTF-8 and removes every control character but newline and
// tab (C0, DEL and C1), ESC together with the sequence it would start, and
// the bidirectional override and isolate characters that can reorder what a
// reader sees. Carriage returns become newlines when they end a line.
//
// Character references that would decode to such a character (&#27;,
// &#x9b;, &#8238;, &rlm;, and numbers past U+10FFFF, which some decoders
// wrap around to a control) are neutralised too: Sanitize's output can go
// through an HTML or markdown renderer, which decodes them (Glamour turns
// "&#27;" into a real ESC). A lone reference is dropped; one whose removal
// would join its neighbours into a new reference becomes U+FFFD.
func Sanitize(s string) string {
	if isClean(s) {
		return s
	}
	return neutralizeRefs(stripControls(s))
}

// stripControls is Sanitize without the character references.
func stripControls(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(utf8.RuneError)
			i++
			continue
		}
		switch {
		case r == 0x1b:
			i += escapeLength(s[i:])
			continue
		case r == 0x9b || r == 0x9d || r == 0x90 || r == 0x9e || r == 0x9f || r == 0x98:
			// C1 CSI, OSC, DCS, PM, APC, SOS: drop what they introduce too.
			i += c1Length(s[i:], size)
			continue
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
				continue
			}
			b.WriteByte('\n')
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case isControl(r) || isBidiControl(r):
			// dropped
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// SanitizeLine is Sanitize for one-line fields such as titles: newlines and
// tabs become spaces and runs of spaces collapse to one.
func SanitizeLine(s string) string {
	s = Sanitize(s)
	if !strings.ContainsAny(s, "\n\t") && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// isClean reports, quickly, that s needs no change: valid UTF-8 with no
// control, C1 or bidi control character. Only the lead bytes that can start
// one are looked at closely.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20:
			if c != '\n' && c != '\t' {
				return false
			}
		case c == '&':
			if badRefLen(s[i:]) > 0 {
				return false
			}
		case c < 0x7f:
		case c == 0x7f:
			return false
		case c == 0xc2: // U+0080–U+00BF: C1 controls are U+0080–U+009F
			if i+1 < len(s) && s[i+1] < 0xa0 {
				return false
			}
		case c == 0xd8: // U+061C ARABIC LETTER MARK
			if i+1 < len(s) && s[i+1] == 0x9c {
				return false
			}
		case c == 0xe2: // U+200E/F, U+202A–E, U+2066–9
			if i+2 < len(s) && isBidiControl(rune(c&0x0f)<<12|rune(s[i+1]&0x3f)<<6|rune(s[i+2]&0x3f)) {
				return false
			}
		}
	}
	return utf8.ValidString(s)
}

func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f)
}

// isBidiControl reports the explicit directional formatting characters:
// embeddings, overrides, isolates and their terminators, and the marks.
func isBidiControl(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e: // LRE RLE PDF LRO RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI RLI FSI PDI
		return true
	case r == 0x200e || r == 0x200f || r == 0x061c: // LRM RLM ALM
		return true
	}
	return false
}

// escapeLength is how many bytes the escape sequence at the start of s
// takes: ESC itself, a CSI sequence up to its final byte, or an OSC, DCS,
// SOS, PM or APC string up to its terminator (BEL or ESC \), or to the end
// of the line when it is never terminated.
func escapeLength(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		return 2 + csiBody(s[2:])
	case ']', 'P', 'X', '^', '_':
		return 2 + stringBody(s[2:])
	default:
		if s[1] >= 0x20 && s[1] < 0x7f {
			// ESC + intermediates + final byte (for example ESC ( B).
			j := 1
			for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
				j++
			}
			if j < len(s) && s[j] >= 0x30 && s[j] < 0x7f {
				j++
			}
			return j
		}
		return 1
	}
}

func c1Length(s string, size int) int {
	r, _ := utf8.DecodeRuneInString(s)
	if r == 0x9b {
		return size + csiBody(s[size:])
	}
	return size + stringBody(s[size:])
}

// csiBody is the length of CSI parameters, intermediates and final byte.
func csiBody(s string) int {
	for j := 0; j < len(s); j++ {
		c := s[j]
		if c >= 0x40 && c <= 0x7e {
			return j + 1
		}
		if c < 0x20 || c > 0x3f && c < 0x40 || c >= 0x7f {
			return j // malformed: stop before the odd byte
		}
	}
	return len(s)
}

// stringBody is the length of a control string up to and including BEL,
// ESC \ or the C1 string terminator; an unterminated one ends at a newline.
func stringBody(s string) int {
	for j := 0; j < len(s); j++ {
		switch s[j] {
		case 0x07:
			return j + 1
		case 0x1b:
			if j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
			return j
		case '\n':
			return j
		case 0xc2:
			if j+1 < len(s) && s[j+1] == 0x9c {
				return j + 2
			}
		}
	}
	return len(s)
}

// neutralizeRefs drops the character references that decode to a control
// or bidi character. Dropping one could bring an unfinished reference on
// its left ("&#2") next to text on its right ("7;"); then U+FFFD stands in
// its place instead, which no reference can span.
func neutralizeRefs(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		n := badRefLen(s[i:])
		if n == 0 {
			b.WriteString(s[:i+1])
			s = s[i+1:]
		} else {
			b.WriteString(s[:i])
			if unfinishedRef(b.String()) {
				b.WriteRune(utf8.RuneError)
			}
			s = s[i+n:]
		}
		i = strings.IndexByte(s, '&')
	}
	b.WriteString(s)
	return b.String()
}

// unfinishedRef reports whether s ends in what could be the start of a
// character reference: '&' and then only name or number characters. A
// run too long to tell counts as one.
func unfinishedRef(s string) bool {
	for j := len(s) - 1; j >= 0 && j >= len(s)-64; j-- {
		c := s[j]
		switch {
		case c == '&':
			return true
		case c == '#' || isAlnum(c):
		default:
			return false
		}
	}
	return len(s) > 64
}

// badRefLen is the length of the character reference at the start of s
// when it decodes to a character Sanitize removes, else 0. Numeric
// references are read as HTML decoders read them, the ';' optional and
// leading zeros allowed; the named ones that matter are &lrm; and &rlm;.
func badRefLen(s string) int {
	if len(s) < 3 || s[0] != '&' {
		return 0
	}
	if s[1] != '#' {
		if strings.HasPrefix(s, "&lrm;") || strings.HasPrefix(s, "&rlm;") {
			return 5
		}
		return 0
	}
	j, base := 2, rune(10)
	if s[j] == 'x' || s[j] == 'X' {
		j, base = 3, 16
	}
	start := j
	var v rune
	for ; j < len(s); j++ {
		d := digitValue(s[j], base)
		if d < 0 {
			break
		}
		if v <= 0x10ffff {
			v = v*base + d
		}
	}
	if j == start {
		return 0
	}
	if j < len(s) && s[j] == ';' {
		j++
	}
	bad := v > 0x10ffff || isBidiControl(v) ||
		(isControl(v) && v != '\n' && v != '\t' && v != '\r')
	if !bad {
		return 0
	}
	return j
}

func digitValue(c byte, base rune) rune {
	switch {
	case c >= '0' && c <= '9':
		return rune(c - '0')
	case base == 16 && c >= 'a' && c <= 'f':
		return rune(c-'a') + 10
	case base == 16 && c >= 'A' && c <= 'F':
		return rune(c-'A') + 10
	}
	return -1
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

// IsUnsafeRune reports a rune that Sanitize removes wherever it stands: a
// C0 or C1 control (newline and tab included) or a bidi control.
func IsUnsafeRune(r rune) bool { return isControl(r) || isBidiControl(r) }

// Truncate cuts s to at most n bytes on a character boundary, marking the
// cut with "…" (a text of strangers bounded before it is kept).
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimSpace(s[:n]) + "…"
}
