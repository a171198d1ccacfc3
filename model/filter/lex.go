package filter

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind int

const (
	tEOF    tokKind = iota
	tWord           // a bare word: a field, a keyword, a value
	tString         // a "quoted string", unquoted
	tOp             // = != =~ !~ < > <= >= # !#
	tLParen
	tRParen
	tColon
)

type token struct {
	kind tokKind
	text string
	col  int // 1-based, in characters
}

// operators, longest first so that "<=" is not read as "<".
var operators = []string{"=~", "!~", "!=", "!#", "<=", ">=", "=", "<", ">", "#"}

// wordStop says which characters end a bare word.
func wordStop(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(`()"=!<>~#:`, r)
}

// lex splits s into tokens, ending with tEOF.
func lex(s string) ([]token, error) {
	var toks []token
	col := 1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i, col = i+size, col+1
			continue
		case r == '(' || r == ')' || r == ':':
			kind := map[rune]tokKind{'(': tLParen, ')': tRParen, ':': tColon}[r]
			toks = append(toks, token{kind: kind, text: string(r), col: col})
			i, col = i+1, col+1
			continue
		case r == '"':
			text, n, width, err := lexString(s[i:], col)
			if err != nil {
				return nil, err
			}
			toks = append(toks, token{kind: tString, text: text, col: col})
			i, col = i+n, col+width
			continue
		}
		if op := opAt(s[i:]); op != "" {
			toks = append(toks, token{kind: tOp, text: op, col: col})
			i, col = i+len(op), col+len(op)
			continue
		}
		if strings.ContainsRune("!~", r) {
			return nil, errorf(col, "unexpected %q (operators: =, !=, =~, !~, <, >, <=, >=, #, !#)", string(r))
		}
		start, startCol := i, col
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if wordStop(r) {
				break
			}
			i, col = i+size, col+1
		}
		toks = append(toks, token{kind: tWord, text: s[start:i], col: startCol})
	}
	return append(toks, token{kind: tEOF, col: col}), nil
}

func opAt(s string) string {
	for _, op := range operators {
		if strings.HasPrefix(s, op) {
			return op
		}
	}
	return ""
}

// lexString reads the quoted string at the start of s: \" is a quote, \\
// a backslash, and any other backslash stays as it is (so that regexps
// such as "\d+" need no doubling). It gives the text, the bytes and the
// characters it took.
func lexString(s string, col int) (text string, n, width int, err error) {
	var b strings.Builder
	width = 1
	for i := 1; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		width++
		switch {
		case r == '"':
			return b.String(), i + 1, width, nil
		case r == '\\' && i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\\'):
			b.WriteByte(s[i+1])
			i += 2
			width++
			continue
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return "", 0, 0, errorf(col, "a string opened here is not closed (a \" is missing)")
}
