// Package filter is byline's filter language: expressions such as
//
//	unread and age < 3 and (title =~ "climate" or feed = "The Guardian")
//
// parsed into a tree (Parse) and evaluated on one article in memory
// (Eval). The store compiles the same tree to SQL; Eval is the definition
// of what an expression means, and the store's tests hold it to that.
//
// It is pure: no IO, no clock (the caller gives "now"), and it imports
// nothing of byline's.
package filter

import (
	"fmt"
	"regexp"
	"strings"
)

// Field is what a condition looks at.
type Field int

// The fields of the language.
const (
	Title       Field = iota // the article's title
	Author                   // its author
	Feed                     // its feed's URL or title
	Folder                   // its feed's folder and the folders it sits in (a list)
	Content                  // its text, as the full-text index keeps it
	Age                      // days since it was published (or fetched)
	Published                // when it was published (or fetched)
	Unread                   // not read yet
	Starred                  // starred
	Highlighted              // holds at least one highlight
	Quotes                   // how many quotations it holds
	Speaker                  // who speaks in it (a list)
	Account                  // the sync account of its feed ("" for byline's own)
	Tag                      // its feed's tags (a list); #name is tag = name
)

var fieldNames = [...]string{"title", "author", "feed", "folder", "content", "age",
	"published", "unread", "starred", "highlighted", "quotes", "speaker", "account", "tag"}

// String is the field's name in the language.
func (f Field) String() string {
	if f < 0 || int(f) >= len(fieldNames) {
		return fmt.Sprintf("Field(%d)", int(f))
	}
	return fieldNames[f]
}

// Kind is the type of a field's value, which decides its operators.
type Kind int

// The kinds of fields.
const (
	KindString Kind = iota // title, author, feed, account
	KindList               // folder, tag, speaker: a list of names
	KindText               // content: words in a text
	KindNumber             // quotes
	KindTime               // age, published
	KindBool               // unread, starred, highlighted
)

// Kind says what type of value f holds.
func (f Field) Kind() Kind {
	switch f {
	case Folder, Tag, Speaker:
		return KindList
	case Content:
		return KindText
	case Quotes:
		return KindNumber
	case Age, Published:
		return KindTime
	case Unread, Starred, Highlighted:
		return KindBool
	}
	return KindString
}

// Op is a condition's operator. The negative operators (!=, !~, !#) are
// kept as their positive one with Cond.Negate set.
type Op int

// The operators.
const (
	Eq      Op = iota // =
	Match             // =~ (RE2, case-insensitive unless the pattern says (?-i))
	Has               // # (contains)
	Lt                // <
	Gt                // >
	Le                // <=
	Ge                // >=
	Between           // between a:b, both ends included
)

// Expr is a parsed expression: *And, *Or, *Not or *Cond.
type Expr interface{ expr() }

// And holds when both sides do.
type And struct{ L, R Expr }

// Or holds when either side does.
type Or struct{ L, R Expr }

// Not holds when X does not.
type Not struct{ X Expr }

// Cond is one condition: a field, an operator and its value.
type Cond struct {
	Field  Field
	Op     Op
	Negate bool // !=, !~, !#: the positive operator's opposite

	Str  string         // Eq, Has on string, list and text fields
	Re   *regexp.Regexp // Match
	Num  float64        // numbers and ages: the value, or Between's low end
	Num2 float64        // Between's high end
	Bool bool           // bool fields: the value compared with
	// Lo and Hi are a published value as the instants [Lo, Hi) in unix
	// nanoseconds: a whole day for a date, a minute for "2026-11-30 14:30".
	// For Between, Lo is the first end's and Hi the second's.
	Lo, Hi int64

	words []string // Content's Eq and Has: the words looked for, in order
}

func (*And) expr()  {}
func (*Or) expr()   {}
func (*Not) expr()  {}
func (*Cond) expr() {}

// Error is a mistake in an expression, at a 1-based column (in
// characters).
type Error struct {
	Col int
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("column %d: %s", e.Col, e.Msg) }

func errorf(col int, format string, args ...any) *Error {
	return &Error{Col: col, Msg: fmt.Sprintf(format, args...)}
}

// Limits against hostile input: an expression longer than MaxLen bytes,
// nested deeper than MaxDepth (parentheses and nots) or with more than
// MaxConds conditions is refused.
const (
	MaxLen   = 4096
	MaxDepth = 32
	MaxConds = 64
)

// fieldList names every field, for error messages.
func fieldList() string { return strings.Join(fieldNames[:], ", ") }
