// Package fastxml reads feed documents at the byte level, before gofeed's
// parsers: it cuts a document down to its first items (CapItems), and
// lifts the large text bodies of an RSS or Atom document past
// encoding/xml (Lift).
//
// encoding/xml reads character data a byte at a time (tens of MB/s), and
// full-text feeds are mostly the bodies of a few elements: <description>
// and <content:encoded> in RSS, <summary> and <content> in Atom. gofeed
// gives such an element the text it reads from the element's raw inner
// XML: spaces trimmed, then a lone CDATA section taken as it is or,
// without one, entities decoded once.
//
// Lift finds the bodies that are a lone CDATA section or plain escaped
// text, checks that encoding/xml would accept them, and swaps each for a
// short placeholder; after gofeed has parsed the slimmed document, the
// Restorer turns each placeholder back into the text gofeed would have
// given. Anything unusual (an unknown attribute, a bare '&', a charset
// other than UTF-8, xml:base, a stray control byte in markup) leaves a
// body, or the whole document, alone; and if a placeholder shows up
// anywhere but where a lifted body belongs (Restorer.Bad), the caller
// parses again without lifting. The same pass rewrites RSS pubDates in
// GMT, which gofeed's date parser is slow to read (see gmtDate).
package fastxml

import (
	"bytes"
	"encoding/binary"
	"html"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"
)

// minLift is the smallest body worth lifting, in bytes.
const minLift = 64

// placeholderMark starts every placeholder (U+FFFC OBJECT REPLACEMENT
// CHARACTER, allowed in XML text and never trimmed as space).
const placeholderMark = "\uFFFC"

// liftedBody is a body taken out of the document.
type liftedBody struct {
	raw   []byte // the element's inner XML, untouched
	cdata bool   // raw is one CDATA section between spaces
}

// Restorer gives lifted bodies back. A nil Restorer lifted nothing; its
// methods then pass every value through.
type Restorer struct {
	prefix string // placeholder i is prefix + decimal i
	bodies []liftedBody
	bad    bool // a placeholder turned up where no body belongs
}

// Body gives the text of a field that may be a lifted body: RSS
// <description> and <content:encoded>, Atom <summary> and <content>.
func (r *Restorer) Body(s string) string {
	if r == nil || !strings.HasPrefix(s, r.prefix) {
		return r.Plain(s)
	}
	i, err := strconv.Atoi(s[len(r.prefix):])
	if err != nil || i < 0 || i >= len(r.bodies) || s != r.prefix+strconv.Itoa(i) {
		r.bad = true
		return s
	}
	b := r.bodies[i]
	if b.cdata {
		t := bytes.TrimSpace(b.raw)
		return string(t[len(cdataOpen) : len(t)-len(cdataClose)])
	}
	return decodeBody(string(bytes.TrimSpace(b.raw)))
}

// Plain passes any other field through, noting if it holds a
// placeholder: the field then differs from the unlifted parse.
func (r *Restorer) Plain(s string) string {
	if r != nil && strings.Contains(s, placeholderMark) && strings.Contains(s, r.prefix) {
		r.bad = true
	}
	return s
}

// First is Plain for the first of a list of values.
func (r *Restorer) First(values []string) string {
	if len(values) == 0 {
		return ""
	}
	return r.Plain(values[0])
}

// Bad reports whether a placeholder turned up where no lifted body
// belongs: the document must then be parsed again without lifting.
func (r *Restorer) Bad() bool { return r != nil && r.bad }

// decodeBody decodes the entities of escaped text the way gofeed does:
// an entity is decoded, as in HTML, when its ';' is part of it, and
// otherwise left as it is. Lift lifts no text with an '&' that
// starts no "&name;" or "&#number;".
func decodeBody(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for ; i >= 0; i = strings.IndexByte(s, '&') {
		b.WriteString(s[:i])
		s = s[i:]
		end := strings.IndexByte(s, ';') + 1
		if end < 2 {
			break // not lifted: validText wants every '&' to start an entity
		}
		switch span := s[:end]; span {
		case "&lt;":
			b.WriteByte('<')
		case "&gt;":
			b.WriteByte('>')
		case "&amp;":
			b.WriteByte('&')
		case "&quot;":
			b.WriteByte('"')
		case "&apos;":
			b.WriteByte('\'')
		default:
			if c, ok := asciiRef(span); ok {
				b.WriteByte(c)
				break
			}
			dec := html.UnescapeString(span)
			if dec == html.UnescapeString(span[:end-1])+";" {
				// The ';' ends no entity: the '&' is text.
				b.WriteByte('&')
				s = s[1:]
				continue
			}
			b.WriteString(dec)
		}
		s = s[end:]
	}
	b.WriteString(s)
	return b.String()
}

// asciiRef reads a character reference "&#NN;" or "&#xHH;" to a
// printable ASCII character, which HTML decodes as that character.
func asciiRef(span string) (byte, bool) {
	if len(span) < 4 || len(span) > 7 || span[1] != '#' {
		return 0, false
	}
	digits, base := span[2:len(span)-1], 10
	if digits[0] == 'x' || digits[0] == 'X' {
		digits, base = digits[1:], 16
	}
	n, err := strconv.ParseUint(digits, base, 8)
	if err != nil || n < 0x20 || n > 0x7e {
		return 0, false
	}
	return byte(n), true
}

// Lift returns data, an RSS (isAtom false) or Atom document, with the
// large bodies of the elements that hold article text replaced by
// placeholders, and the Restorer that gives them back; the Restorer is
// nil when nothing was lifted.
func Lift(data []byte, isAtom bool) ([]byte, *Restorer) {
	sc := scanner{data: data, atom: isAtom}
	spans := sc.scan()
	if spans == nil {
		return nil, nil
	}
	r := &Restorer{
		prefix: placeholderMark + strconv.FormatUint(rand.Uint64(), 36) + ".",
		bodies: make([]liftedBody, 0, len(spans)),
	}
	var out bytes.Buffer
	out.Grow(len(data) / 8)
	at := 0
	for _, sp := range spans {
		if sp.repl != "" {
			out.Write(data[at:sp.start])
			out.WriteString(sp.repl)
			at = sp.end
			continue
		}
		// The start tag loses its attributes too: at most an Atom type
		// of text or html, which reads the lifted body as it would a
		// body with no type, and for html would make gofeed parse the
		// placeholder as an HTML document.
		out.Write(data[at:sp.attrs])
		out.WriteByte('>')
		out.WriteString(r.prefix)
		out.WriteString(strconv.Itoa(len(r.bodies)))
		r.bodies = append(r.bodies, liftedBody{raw: data[sp.start:sp.end], cdata: sp.cdata})
		at = sp.end
	}
	out.Write(data[at:])
	return out.Bytes(), r
}

// validText reports whether encoding/xml reads b, escaped text with no
// '<', without error, and whether gofeed's entity decoding of it is
// decodeBody's: b is UTF-8 made of XML characters, holds no "]]>", and
// each '&' starts an entity "&name;" or "&#number;" whose number, if
// encoding/xml decodes it, is an XML character.
func validText(b []byte) bool {
	if !validChars(b) || bytes.Contains(b, []byte(cdataClose)) {
		return false
	}
	for i := bytes.IndexByte(b, '&'); i >= 0; {
		b = b[i+1:]
		n := 0
		for n < len(b) && n <= maxEntity && isEntityByte(b[n]) {
			n++
		}
		if n == 0 || n > maxEntity || n == len(b) || b[n] != ';' {
			return false
		}
		if b[0] == '#' && !validCharRef(b[1:n]) {
			return false
		}
		b = b[n+1:]
		i = bytes.IndexByte(b, '&')
	}
	return true
}

// maxEntity bounds the name or number of an entity Lift accepts,
// well inside the window gofeed looks for a ';' in.
const maxEntity = 32

func isEntityByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#'
}

// validCharRef reports whether encoding/xml accepts the character
// reference &#ref;: it errs only when ref is a number it can read whose
// character is not allowed in XML.
func validCharRef(ref []byte) bool {
	base := 10
	if len(ref) > 0 && ref[0] == 'x' {
		base, ref = 16, ref[1:]
	}
	n, err := strconv.ParseUint(string(ref), base, 64)
	if err != nil || n > utf8.MaxRune {
		return true // not a number it reads: kept as text
	}
	return isXMLChar(rune(n))
}

// isXMLChar reports whether XML allows the character r.
func isXMLChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= utf8.MaxRune
}

// validChars reports whether b is UTF-8 made only of XML characters.
func validChars(b []byte) bool {
	if hasControl(b) || !utf8.Valid(b) {
		return false
	}
	// Valid UTF-8 holds no surrogates; U+FFFE and U+FFFF remain.
	return !bytes.Contains(b, []byte("\uFFFE")) && !bytes.Contains(b, []byte("\uFFFF"))
}

// hasControl reports whether b holds a C0 control other than tab, LF and
// CR: gofeed drops those before encoding/xml sees the document.
func hasControl(b []byte) bool {
	// Eight bytes at a time: (x - 0x20 in each byte) &^ x has a byte's
	// top bit set only if some byte of x is below 0x20; such words, and
	// the tail, are looked at byte by byte.
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if x := binary.LittleEndian.Uint64(b[i:]); (x-0x20*ones)&^x&tops != 0 && controlIn(b[i:i+8]) {
			return true
		}
	}
	return controlIn(b[i:])
}

func controlIn(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return true
		}
	}
	return false
}
