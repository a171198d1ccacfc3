package filter

import (
	"strings"
)

// Parse reads an expression. Its mistakes are *Error, with the column.
//
// The grammar, loosest first: or, and, not, then a condition or an
// expression in parentheses. A condition is a field, an operator and a
// value ("title =~ climate"), "FIELD between A:B", a bool field alone
// ("unread", which means unread = yes), or a tag: # and its name with no
// space between (#news, #"two words"), which means tag = name. Keywords
// and field names are matched without regard to case.
func Parse(s string) (Expr, error) {
	if len(s) > MaxLen {
		return nil, errorf(1, "the filter is too long (%d bytes, at most %d)", len(s), MaxLen)
	}
	toks, err := lex(s)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	if p.peek().kind == tEOF {
		return nil, errorf(1, "empty filter: expected a field (%s)", fieldList())
	}
	e, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		if t.kind == tRParen {
			return nil, errorf(t.col, "unexpected ) (no ( opened it)")
		}
		return nil, errorf(t.col, "expected and, or, or the end, not %s", describe(t))
	}
	return e, nil
}

type parser struct {
	toks  []token
	pos   int
	depth int
	conds int
}

func (p *parser) peek() token { return p.toks[p.pos] }

func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tEOF {
		p.pos++
	}
	return t
}

// keyword says whether the next token is the bare word kw, in any case.
func (p *parser) keyword(kw string) bool {
	t := p.peek()
	return t.kind == tWord && strings.EqualFold(t.text, kw)
}

func (p *parser) or() (Expr, error) {
	l, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.keyword("or") {
		p.next()
		r, err := p.and()
		if err != nil {
			return nil, err
		}
		l = &Or{L: l, R: r}
	}
	return l, nil
}

func (p *parser) and() (Expr, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.keyword("and") {
		p.next()
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		l = &And{L: l, R: r}
	}
	return l, nil
}

func (p *parser) unary() (Expr, error) {
	t := p.peek()
	if p.depth >= MaxDepth {
		return nil, errorf(t.col, "nested too deeply (at most %d parentheses and nots)", MaxDepth)
	}
	switch {
	case p.keyword("not"):
		p.next()
		p.depth++
		x, err := p.unary()
		p.depth--
		if err != nil {
			return nil, err
		}
		return &Not{X: x}, nil
	case t.kind == tLParen:
		p.next()
		p.depth++
		x, err := p.or()
		p.depth--
		if err != nil {
			return nil, err
		}
		if c := p.peek(); c.kind != tRParen {
			if c.kind == tEOF {
				return nil, errorf(t.col, "this ( is not closed (a ) is missing)")
			}
			return nil, errorf(c.col, "expected ) or and, or, not %s", describe(c))
		}
		p.next()
		return x, nil
	case t.kind == tOp && t.text == "#":
		return p.tag()
	}
	return p.cond()
}

// tag reads the shorthand #name, or #"a name": tag = name. Where a
// condition starts, # is this; after a field it is the operator contains.
func (p *parser) tag() (Expr, error) {
	hash := p.next()
	v := p.peek()
	if v.kind != tWord && v.kind != tString || v.col != hash.col+1 {
		return nil, errorf(hash.col, "# starts a tag: write its name right after it (#news, #\"two words\"), "+
			"or put a field before it (folder # news)")
	}
	p.next()
	if v.text == "" {
		return nil, errorf(v.col, "a tag needs a name (#news, #\"two words\")")
	}
	if p.conds++; p.conds > MaxConds {
		return nil, errorf(hash.col, "too many conditions (at most %d)", MaxConds)
	}
	return &Cond{Field: Tag, Op: Eq, Str: v.text}, nil
}

// cond reads a condition.
func (p *parser) cond() (Expr, error) {
	t := p.next()
	if t.kind != tWord {
		return nil, errorf(t.col, "expected a field (%s), not %s", fieldList(), describe(t))
	}
	field, ok := fieldNamed(t.text)
	if !ok {
		return nil, errorf(t.col, "unknown field %q (%s)", t.text, fieldList())
	}
	if p.conds++; p.conds > MaxConds {
		return nil, errorf(t.col, "too many conditions (at most %d)", MaxConds)
	}
	c := &Cond{Field: field}
	op := p.peek()
	switch {
	case op.kind == tOp:
		p.next()
		return c, p.value(c, op)
	case p.keyword("between"):
		p.next()
		return c, p.between(c, op)
	case field.Kind() == KindBool:
		c.Op, c.Bool = Eq, true // "unread" alone: unread = yes
		return c, nil
	}
	return nil, errorf(op.col, "expected an operator after %s (%s), not %s", field, opsFor(field), describe(op))
}

func fieldNamed(s string) (Field, bool) {
	for i, name := range fieldNames {
		if strings.EqualFold(s, name) {
			return Field(i), true
		}
	}
	return 0, false
}

// operand reads a value: a bare word or a quoted string.
func (p *parser) operand(after token) (token, error) {
	t := p.peek()
	if t.kind != tWord && t.kind != tString {
		return t, errorf(t.col, "expected a value after %s, not %s", after.text, describe(t))
	}
	return p.next(), nil
}

func (p *parser) value(c *Cond, op token) error {
	v, err := p.operand(op)
	if err != nil {
		return err
	}
	switch op.text {
	case "=", "!=":
		c.Op = Eq
	case "=~", "!~":
		c.Op = Match
	case "#", "!#":
		c.Op = Has
	case "<":
		c.Op = Lt
	case ">":
		c.Op = Gt
	case "<=":
		c.Op = Le
	case ">=":
		c.Op = Ge
	}
	c.Negate = strings.HasPrefix(op.text, "!")
	if !allowed(c.Field.Kind(), c.Op) {
		return errorf(op.col, "%s does not apply to %s (%s)", op.text, c.Field, opsFor(c.Field))
	}
	return setValue(c, v)
}

func (p *parser) between(c *Cond, kw token) error {
	c.Op = Between
	if !allowed(c.Field.Kind(), Between) {
		return errorf(kw.col, "between does not apply to %s (%s)", c.Field, opsFor(c.Field))
	}
	lo, err := p.operand(kw)
	if err != nil {
		return err
	}
	if colon := p.peek(); colon.kind != tColon {
		return errorf(colon.col, "between needs two values as A:B, not %s after %s", describe(colon), lo.text)
	}
	colon := p.next()
	hi, err := p.operand(colon)
	if err != nil {
		return err
	}
	return setRange(c, lo, hi)
}

// allowed says which operators a kind of field takes.
func allowed(k Kind, op Op) bool {
	switch k {
	case KindString, KindList, KindText:
		return op == Eq || op == Match || op == Has
	case KindNumber, KindTime:
		return op != Match && op != Has
	case KindBool:
		return op == Eq
	}
	return false
}

// opsFor lists the operators a field takes, for error messages.
func opsFor(f Field) string {
	switch f.Kind() {
	case KindString:
		return "a text: =, !=, =~, !~, #, !#"
	case KindList:
		return "a list: # or = (holds), !# or != (lacks), =~, !~"
	case KindText:
		return "a text searched by words: # or = (holds the words), !#, !=, =~, !~"
	case KindNumber:
		return "a number: =, !=, <, >, <=, >=, between"
	case KindTime:
		if f == Age {
			return "days: =, !=, <, >, <=, >=, between"
		}
		return "a date: =, !=, <, >, <=, >=, between"
	}
	return "yes or no: =, !=, or the field alone"
}

func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "the end"
	case tString, tWord:
		return "\"" + t.text + "\""
	}
	return t.text
}
