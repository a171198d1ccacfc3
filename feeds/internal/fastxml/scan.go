package fastxml

import (
	"bytes"
	"strings"
	"time"
)

const (
	cdataOpen  = "<![CDATA["
	cdataClose = "]]>"
)

// span is a body Lift may lift, data[start:end], whose start tag's
// attributes are data[attrs:start-1]; or, with repl set, a body to
// rewrite as repl.
type span struct {
	attrs, start, end int
	cdata             bool
	repl              string
}

// scanner walks an XML document the way encoding/xml tokenizes it, far
// enough to find the bodies worth lifting. It gives up (scan returns nil)
// on anything it might read differently from encoding/xml: a document
// that encoding/xml rejects may come out of scan with odd spans, but
// then the slimmed document is rejected too and parsed again unlifted.
type scanner struct {
	data  []byte
	atom  bool
	spans []span
	open  []string // the elements open at this point, outermost first
}

// scan returns the bodies to lift, in document order, or nil.
func (sc *scanner) scan() []span {
	if sc.atom && hasXMLBase(sc.data) {
		return nil // gofeed resolves links in Atom HTML against xml:base
	}
	d := sc.data
	for i := 0; ; {
		j := bytes.IndexByte(d[i:], '<')
		if j < 0 || i+j+1 >= len(d) {
			break
		}
		var ok bool
		switch p := i + j; d[p+1] {
		case '/':
			i, ok = sc.endTag(p)
		case '?':
			i, ok = sc.procInst(p)
		case '!':
			i, ok = sc.bang(p)
		default:
			i, ok = sc.element(p)
		}
		if !ok {
			return nil
		}
		if i < 0 {
			break
		}
	}
	return sc.spans
}

// endTag closes the innermost open element. An end tag that does not
// match it makes the document one that gofeed reads leniently, in ways a
// scan cannot follow: then nothing is lifted.
func (sc *scanner) endTag(p int) (int, bool) {
	end := sc.skipTo(p, ">")
	if end < 0 {
		return -1, true
	}
	name := bytes.TrimRight(sc.data[p+2:end-1], " \t\r\n")
	if n := len(sc.open); n == 0 || sc.open[n-1] != string(name) {
		return end, false
	}
	sc.open = sc.open[:len(sc.open)-1]
	return end, true
}

// inEntry reports whether the element being read is a child of an RSS
// item or channel or an Atom entry or feed, the only places whose bodies
// are lifted: inside any other element (a <title>, say) gofeed reads
// child elements as text.
func (sc *scanner) inEntry() bool {
	if n := len(sc.open); n > 0 {
		switch sc.open[n-1] {
		case "item", "entry", "channel", "feed":
			return true
		}
	}
	return false
}

// hasXMLBase reports whether d may hold an xml:base attribute (any
// prefixed attribute called base).
func hasXMLBase(d []byte) bool {
	for i := 0; ; {
		j := bytes.Index(d[i:], []byte(":base"))
		if j < 0 {
			return false
		}
		i += j + len(":base")
		for i < len(d) && isSpace(d[i]) {
			i++
		}
		if i < len(d) && d[i] == '=' {
			return true
		}
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n'
}

// skipTo returns the index just past the first end after p, or -1.
func (sc *scanner) skipTo(p int, end string) int {
	k := bytes.Index(sc.data[p:], []byte(end))
	if k < 0 {
		return -1
	}
	return p + k + len(end)
}

// markup checks a stretch of markup: a control byte there would be
// dropped before encoding/xml reads it, so it could read the markup
// differently from scan.
func (sc *scanner) markup(from, to int) bool {
	return to < 0 || !hasControl(sc.data[from:to])
}

// procInst skips a processing instruction <?...?>, refusing an XML
// declaration that names a charset other than UTF-8: encoding/xml would
// convert the text, and the lifted bytes would not be what it reads.
func (sc *scanner) procInst(p int) (int, bool) {
	end := sc.skipTo(p, "?>")
	if end < 0 || !sc.markup(p, end) {
		return end, end < 0
	}
	pi := sc.data[p:end]
	if !bytes.HasPrefix(pi, []byte("<?xml")) || len(pi) < 6 || isNameByte(pi[5]) {
		return end, true
	}
	switch n := bytes.Count(pi, []byte("encoding")); n {
	case 0:
		return end, true
	case 1:
		k := bytes.Index(pi, []byte("encoding")) + len("encoding")
		v := pi[k:]
		if len(v) < 8 || v[0] != '=' || (v[1] != '"' && v[1] != '\'') || v[7] != v[1] {
			return end, false
		}
		return end, bytes.EqualFold(v[2:7], []byte("utf-8"))
	}
	return end, false
}

// bang skips a comment, a CDATA section or a directive such as DOCTYPE.
func (sc *scanner) bang(p int) (int, bool) {
	d := sc.data[p:]
	switch {
	case bytes.HasPrefix(d, []byte("<!--")):
		// encoding/xml ends a comment at the first "--", which must be
		// followed by '>'.
		k := bytes.Index(d[4:], []byte("--"))
		if k < 0 {
			return -1, true
		}
		end := p + 4 + k + 2
		if end >= len(sc.data) || sc.data[end] != '>' {
			return end, false
		}
		return end + 1, sc.markup(p, end)
	case bytes.HasPrefix(d, []byte(cdataOpen)):
		end := sc.skipTo(p+len(cdataOpen), cdataClose)
		return end, sc.markup(p, end)
	}
	// A directive ends at the first '>' outside quotes; one that nests
	// markup is left to encoding/xml.
	quote := byte(0)
	for k := 2; k < len(d); k++ {
		switch c := d[k]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			return -1, false
		case c == '>':
			return p + k + 1, sc.markup(p, p+k)
		}
	}
	return -1, true
}

// element skips a start tag and, when it opens a body worth lifting,
// records the body and skips that too.
func (sc *scanner) element(p int) (int, bool) {
	d := sc.data
	name := p + 1
	for name < len(d) && !isSpace(d[name]) && d[name] != '>' && d[name] != '/' && d[name] != '<' {
		name++
	}
	end := tagEnd(d, name-1) // the first '>' from name on, outside quoted values
	if end < 0 {
		return -1, true
	}
	tag := d[p : end+1]
	if !sc.markup(p, end) || bytes.IndexByte(tag[1:], '<') >= 0 {
		return end + 1, false
	}
	if d[end-1] == '/' {
		return end + 1, true
	}
	inEntry := sc.inEntry()
	sc.open = append(sc.open, string(d[p+1:name]))
	if !inEntry {
		return end + 1, true
	}
	if !sc.atom && string(d[p+1:name]) == "pubDate" && len(bytes.TrimSpace(d[name:end])) == 0 {
		if sp, ok := sc.gmtDate(end + 1); ok {
			sc.spans = append(sc.spans, sp)
			return sp.end, true
		}
	}
	if !sc.target(d[p+1:name], d[name:end]) {
		return end + 1, true
	}
	if sp, ok := sc.body(end+1, d[p+1:name]); ok {
		sp.attrs = name
		sc.spans = append(sc.spans, sp)
		return sp.end, true
	}
	return end + 1, true
}

// target reports whether an element whose start tag has this name and
// attributes holds a body to lift: RSS <description> and
// <content:encoded> with no attributes; Atom <summary> and <content>
// with at most a type of "text" or "html", the types whose bodies gofeed
// reads as RSS bodies.
func (sc *scanner) target(name, attrs []byte) bool {
	attrs = bytes.TrimSpace(attrs)
	if !sc.atom {
		return len(attrs) == 0 && (string(name) == "description" || string(name) == "content:encoded")
	}
	if string(name) != "summary" && string(name) != "content" {
		return false
	}
	if len(attrs) == 0 {
		return true
	}
	rest, ok := bytes.CutPrefix(attrs, []byte("type"))
	if !ok {
		return false
	}
	rest = bytes.TrimSpace(rest)
	if rest, ok = bytes.CutPrefix(rest, []byte("=")); !ok {
		return false
	}
	switch string(bytes.TrimSpace(rest)) {
	case `"text"`, `'text'`, `"html"`, `'html'`:
		return true
	}
	return false
}

// body finds the body that starts at from, inside an element called
// name: escaped text, or one CDATA section between spaces, ended by
// </name>. It is liftable when large and accepted by encoding/xml.
func (sc *scanner) body(from int, name []byte) (span, bool) {
	d := sc.data
	lt := bytes.IndexByte(d[from:], '<')
	if lt < 0 {
		return span{}, false
	}
	sp := span{start: from, end: from + lt}
	if bytes.HasPrefix(d[sp.end:], []byte(cdataOpen)) {
		if len(bytes.TrimLeft(d[from:sp.end], " \t\r\n")) != 0 {
			return span{}, false
		}
		open := sp.end + len(cdataOpen)
		k := bytes.Index(d[open:], []byte(cdataClose))
		if k < 0 || !validChars(d[open:open+k]) {
			return span{}, false
		}
		sp.end = open + k + len(cdataClose)
		for sp.end < len(d) && isSpace(d[sp.end]) {
			sp.end++
		}
		sp.cdata = true
	} else if !validText(d[from:sp.end]) {
		return span{}, false
	}
	if sp.end-sp.start < minLift || !closes(d[sp.end:], name) {
		return span{}, false
	}
	return sp, true
}

// closes reports whether d starts with the end tag </name>.
func closes(d, name []byte) bool {
	if len(d) < len(name)+3 || d[0] != '<' || d[1] != '/' || !bytes.Equal(d[2:2+len(name)], name) {
		return false
	}
	d = bytes.TrimLeft(d[2+len(name):], " \t\r\n")
	return len(d) > 0 && d[0] == '>'
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-' || c >= 0x80
}

// gmtDate finds an RSS pubDate body at from that reads "Mon, 02 Jan 2006
// 15:04:05 GMT" and gives it as "... +0000". gofeed tries a hundred-odd
// layouts with numeric zones before the named ones, so a GMT date costs
// it some 20µs, nearly all of a summary item's parse; the same time with
// a numeric zone matches the fourth layout. Both read as the same
// instant, which is all gofeed keeps once it has made the time UTC.
func (sc *scanner) gmtDate(from int) (span, bool) {
	d := sc.data
	lt := bytes.IndexByte(d[from:], '<')
	if lt < 0 || lt > 64 || !closes(d[from+lt:], []byte("pubDate")) {
		return span{}, false
	}
	s := string(bytes.TrimSpace(d[from : from+lt]))
	zone, ok := strings.CutSuffix(s, " GMT")
	if !ok || strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r > '~' }) {
		return span{}, false
	}
	repl := zone + " +0000"
	named, err1 := time.Parse(time.RFC1123, s)
	numeric, err2 := time.Parse(time.RFC1123Z, repl)
	if err1 != nil || err2 != nil || !named.Equal(numeric) {
		return span{}, false
	}
	return span{start: from, end: from + lt, repl: repl}, true
}
