// Package newsboat is newsboat's language in byline's terms: a query
// feed's filter expression rewritten in byline's filter language
// (TranslateFilter), for the import of a urls file. Pure: strings in,
// strings out; it imports only model/filter.
package newsboat

import (
	"errors"
	"fmt"
	"strings"

	"github.com/byline-reader/byline/model/filter"
)

// TranslateFilter rewrites an expression of newsboat's filter
// language (a query: line's) as one of byline's (model/filter), or says
// why it cannot. Newsboat's and/or bind equally, grouping to the right
// ("a and b or c" is "a and (b or c)"); the result has the parentheses
// that make byline read it the same way.
//
// The attributes with an equivalent: title, author, content; feedtitle
// and rssurl (byline's feed, which matches a feed's title or URL); tags
// (byline's tag: tags # "t" is tag = "t"); unread; age; flags, which are
// byline's one flag, starred (flags # "s" is starred, flags !# "s" not
// starred). The others (link, guid, date, enclosures, counts, indexes…)
// have none, and the expression is refused naming the attribute.
func TranslateFilter(expr string) (string, error) {
	if len(expr) > filter.MaxLen {
		return "", fmt.Errorf("the expression is too long (%d bytes, at most %d)", len(expr), filter.MaxLen)
	}
	toks, err := lexNewsboat(expr)
	if err != nil {
		return "", err
	}
	p := &nbParser{toks: toks}
	out, err := p.expression()
	if err != nil {
		return "", err
	}
	if t := p.peek(); t.kind != nbEOF {
		return "", fmt.Errorf("unexpected %s after the expression", t)
	}
	if _, err := filter.Parse(out); err != nil {
		return "", fmt.Errorf("byline cannot read it as %s: %v", out, err)
	}
	return out, nil
}

type nbKind int

const (
	nbEOF    nbKind = iota
	nbWord          // an attribute, and, or, between, a number
	nbString        // a "quoted" value, as newsboat keeps it (backslashes and all)
	nbOp
	nbLParen
	nbRParen
	nbColon
)

type nbToken struct {
	kind nbKind
	text string
}

func (t nbToken) String() string {
	if t.kind == nbEOF {
		return "the end"
	}
	return fmt.Sprintf("%q", t.text)
}

// nbOperators are newsboat's operators, longest first.
var nbOperators = []string{"==", "=~", "!=", "!~", "!#", "<=", ">=", "=", "<", ">", "#"}

// lexNewsboat splits a newsboat expression into tokens, ending with EOF.
func lexNewsboat(s string) ([]nbToken, error) {
	var toks []nbToken
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			i++
			continue
		case c == '(' || c == ')' || c == ':':
			kind := map[byte]nbKind{'(': nbLParen, ')': nbRParen, ':': nbColon}[c]
			toks = append(toks, nbToken{kind: kind, text: string(c)})
			i++
			continue
		case c == '"':
			j := i + 1
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' && j+1 < len(s) {
					j++
				}
				j++
			}
			if j >= len(s) {
				return nil, errors.New("a quoted value is not closed")
			}
			toks = append(toks, nbToken{kind: nbString, text: s[i+1 : j]})
			i = j + 1
			continue
		}
		if op := nbOperatorAt(s[i:]); op != "" {
			toks = append(toks, nbToken{kind: nbOp, text: op})
			i += len(op)
			continue
		}
		j := i
		for j < len(s) && !strings.ContainsRune(" \t()\":=!<>#~", rune(s[j])) {
			j++
		}
		if j == i {
			return nil, fmt.Errorf("unexpected %q", s[i:i+1])
		}
		toks = append(toks, nbToken{kind: nbWord, text: s[i:j]})
		i = j
	}
	return append(toks, nbToken{kind: nbEOF}), nil
}

func nbOperatorAt(s string) string {
	for _, op := range nbOperators {
		if strings.HasPrefix(s, op) {
			return op
		}
	}
	return ""
}

type nbParser struct {
	toks  []nbToken
	pos   int
	depth int
}

func (p *nbParser) peek() nbToken { return p.toks[p.pos] }

func (p *nbParser) next() nbToken {
	t := p.toks[p.pos]
	if t.kind != nbEOF {
		p.pos++
	}
	return t
}

// logical reports the next token as "and" or "or", else "".
func (p *nbParser) logical() string {
	t := p.peek()
	if t.kind == nbWord && (t.text == "and" || t.text == "or") {
		return t.text
	}
	return ""
}

// expression reads terms joined by and/or and writes them grouped to the
// right, as newsboat reads them.
func (p *nbParser) expression() (string, error) {
	var terms, ops []string
	for {
		t, err := p.term()
		if err != nil {
			return "", err
		}
		terms = append(terms, t)
		op := p.logical()
		if op == "" {
			break
		}
		p.next()
		ops = append(ops, op)
	}
	return groupRight(terms, ops), nil
}

// groupRight joins terms with ops, the later ones binding first: a run of
// one operator needs no parentheses, a change of operator opens them.
func groupRight(terms, ops []string) string {
	if len(ops) == 0 {
		return terms[0]
	}
	rest := groupRight(terms[1:], ops[1:])
	if len(ops) > 1 && ops[1] != ops[0] {
		rest = "(" + rest + ")"
	}
	return terms[0] + " " + ops[0] + " " + rest
}

func (p *nbParser) term() (string, error) {
	if p.peek().kind != nbLParen {
		return p.comparison()
	}
	if p.depth >= filter.MaxDepth {
		return "", fmt.Errorf("nested too deeply (at most %d parentheses)", filter.MaxDepth)
	}
	p.next()
	p.depth++
	inner, err := p.expression()
	p.depth--
	if err != nil {
		return "", err
	}
	if t := p.next(); t.kind != nbRParen {
		return "", fmt.Errorf("expected ), not %s", t)
	}
	return "(" + inner + ")", nil
}

// comparison reads "attribute operator value" and writes byline's.
func (p *nbParser) comparison() (string, error) {
	attr := p.next()
	if attr.kind != nbWord {
		return "", fmt.Errorf("expected an attribute, not %s", attr)
	}
	op := p.next()
	switch {
	case op.kind == nbWord && op.text == "between":
	case op.kind != nbOp:
		return "", fmt.Errorf("expected an operator after %s, not %s", attr.text, op)
	case op.text == "==":
		op.text = "="
	}
	val := p.next()
	if val.kind != nbString && val.kind != nbWord {
		return "", fmt.Errorf("expected a value after %s %s, not %s", attr.text, op.text, val)
	}
	if op.text == "between" {
		return p.between(attr.text, val)
	}
	return translateComparison(attr.text, op.text, val)
}

// between reads the rest of "attribute between A:B" (or "A:B" quoted).
func (p *nbParser) between(attr string, lo nbToken) (string, error) {
	if attr != "age" {
		return "", noEquivalent(attr)
	}
	low, high, ok := strings.Cut(lo.text, ":")
	if lo.kind == nbWord {
		if p.peek().kind != nbColon {
			return "", errors.New("between needs a range A:B")
		}
		p.next()
		hi := p.next()
		if hi.kind != nbWord {
			return "", fmt.Errorf("between needs a range A:B, not %s after the colon", hi)
		}
		low, high, ok = lo.text, hi.text, true
	}
	if !ok {
		return "", errors.New("between needs a range A:B")
	}
	return fmt.Sprintf("age between %s:%s", bylineValue(low), bylineValue(high)), nil
}

// translateComparison writes one comparison in byline's language.
func translateComparison(attr, op string, val nbToken) (string, error) {
	switch attr {
	case "title", "author", "content":
		return attr + " " + op + " " + bylineString(val.text), nil
	case "feedtitle", "rssurl":
		return "feed " + op + " " + bylineString(val.text), nil
	case "tags":
		return translateTags(op, val.text)
	case "unread", "age":
		return attr + " " + op + " " + bylineValue(val.text), nil
	case "flags":
		return translateFlags(op, val.text)
	case "link", "guid", "date", "enclosure_url", "enclosure_type", "articleindex",
		"description", "feedlink", "feeddate", "unread_count", "total_count", "feedindex":
		return "", noEquivalent(attr)
	}
	return "", fmt.Errorf("unknown attribute %q", attr)
}

func noEquivalent(attr string) error {
	return fmt.Errorf("newsboat's %s has no equivalent in byline", attr)
}

// translateTags: newsboat's tags is the list of a feed's tags, byline's
// tag holds when the feed carries the one tag named.
func translateTags(op, val string) (string, error) {
	switch op {
	case "#":
		op = "="
	case "!#":
		op = "!="
	case "=", "!=":
		if strings.Contains(val, " ") {
			return "", fmt.Errorf("tags %s %q compares a whole list of tags; byline's tag names one", op, val)
		}
	}
	return "tag " + op + " " + bylineString(val), nil
}

// translateFlags: byline has one flag, starred; any newsboat flag is it.
func translateFlags(op, val string) (string, error) {
	switch {
	case op == "#" && val != "", op == "!=" && val == "":
		return "starred", nil
	case op == "!#" && val != "", op == "=" && val == "":
		return "not starred", nil
	}
	return "", fmt.Errorf("flags %s %q: byline's one flag is starred, which flags # \"s\" and flags !# \"s\" ask for", op, val)
}

// bylineString quotes s for byline's lexer, which reads \" and \\.
func bylineString(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}

// bylineValue writes a number or yes/no bare when it is one word, quoted
// otherwise.
func bylineValue(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t()\":=!<>#~\\") {
		return s
	}
	return bylineString(s)
}
