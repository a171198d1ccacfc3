package filter

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A word of a text is a run of characters between separators: ASCII
// characters other than letters and digits, spaces and punctuation. Every
// separator is one for SQLite's unicode61 tokenizer too, so a word of
// ASCII letters and digits found here is a token of the full-text index,
// which lets the store look it up there before it checks the text.
func isSep(r rune) bool {
	if r < utf8.RuneSelf {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	}
	return unicode.IsSpace(r) || unicode.IsPunct(r)
}

// nextWord finds the first word of s at or after byte i: [start, end),
// or start = -1 when there is none.
func nextWord(s string, i int) (start, end int) {
	start = -1
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSep(r) {
			if start >= 0 {
				return start, i
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		return start, len(s)
	}
	return -1, -1
}

// words splits s into its words.
func words(s string) []string {
	var ws []string
	for i := 0; ; {
		start, end := nextWord(s, i)
		if start < 0 {
			return ws
		}
		ws = append(ws, s[start:end])
		i = end
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// sameWord compares a word of a text with one looked for: ignoring ASCII
// case when the one looked for is ASCII, else ignoring case as Unicode
// folds it.
func sameWord(text, want string) bool {
	if isASCII(want) {
		return asciiEqualFold(text, want)
	}
	return strings.EqualFold(text, want)
}

// hasPhrase says whether text has the words ws next to each other, in
// order.
func hasPhrase(text string, ws []string) bool {
	if len(ws) == 0 {
		return true
	}
	if isASCIIWord(ws[0]) {
		return hasPhraseASCII(text, ws)
	}
	for i := 0; ; {
		start, end := nextWord(text, i)
		if start < 0 {
			return false
		}
		i = end
		if sameWord(text[start:end], ws[0]) && restFollows(text, end, ws[1:]) {
			return true
		}
	}
}

// hasPhraseASCII is hasPhrase for a first word of ASCII letters and
// digits: it looks for that word as bytes, in a copy of text with ASCII
// letters lowered (of the same length), and reads words only there.
func hasPhraseASCII(text string, ws []string) bool {
	lower, first := LowerASCII(text), LowerASCII(ws[0])
	for i := 0; ; {
		j := strings.Index(lower[i:], first)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(first)
		i = start + 1
		if start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:start]); !isSep(r) {
				continue
			}
		}
		if end < len(text) {
			if r, _ := utf8.DecodeRuneInString(text[end:]); !isSep(r) {
				continue
			}
		}
		if restFollows(text, end, ws[1:]) {
			return true
		}
	}
}

// restFollows says whether the words of text from byte i are ws.
func restFollows(text string, i int, ws []string) bool {
	for _, w := range ws {
		s, e := nextWord(text, i)
		if s < 0 || !sameWord(text[s:e], w) {
			return false
		}
		i = e
	}
	return true
}

func isASCIIWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if isSep(rune(w[i])) || w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// IndexWords are words of ASCII letters and digits that every article
// satisfying c (a content condition, not negated) has as whole words of
// its text, for a full-text index to find first; phrase says that they
// stand next to each other in this order. None when c gives no such
// words.
func (c *Cond) IndexWords() (ws []string, phrase bool) {
	if c.Field != Content {
		return nil, false
	}
	if c.Op != Match {
		for _, w := range c.words {
			if isASCIIWord(w) {
				ws = append(ws, w)
			}
		}
		return ws, len(ws) == len(c.words)
	}
	lit, fold := c.RegexpLiteral()
	if lit == "" {
		return nil, false
	}
	// Only a word with a separator on both sides inside the literal is
	// sure to be a whole word of the text.
	for i := 0; ; {
		start, end := nextWord(lit, i)
		if start < 0 {
			return ws, false
		}
		i = end
		w := lit[start:end]
		if start > 0 && end < len(lit) && isASCIIWord(w) && (!fold || foldSafe(w)) {
			ws = append(ws, w)
		}
	}
}

// RegexpLiteral is a text that every match of c's regexp contains: as it
// is, or, when fold, in any case of its ASCII letters (and lit is then in
// lower case, holding only characters whose case variants are all ASCII).
// "" when there is none.
func (c *Cond) RegexpLiteral() (lit string, fold bool) {
	if c.Re == nil {
		return "", false
	}
	re, err := syntax.Parse(c.Re.String(), syntax.Perl)
	if err != nil {
		return "", false
	}
	runes, fold := required(re.Simplify())
	s := string(runes)
	if strings.ContainsRune(s, utf8.RuneError) {
		return "", false // the regexp reads invalid UTF-8 as U+FFFD
	}
	if !fold {
		return s, false
	}
	// keep the longest run of characters whose case is ASCII's only
	best := ""
	for _, piece := range strings.FieldsFunc(s, func(r rune) bool { return !foldSafe(string(r)) }) {
		if len(piece) > len(best) {
			best = piece
		}
	}
	return LowerASCII(best), true
}

// foldSafe says whether every case variant of every character of s is
// ASCII (not so for k, K: the Kelvin sign; s, S: the long s).
func foldSafe(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf {
			return false
		}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f >= utf8.RuneSelf {
				return false
			}
		}
	}
	return true
}

// required is the longest literal every match of re contains.
func required(re *syntax.Regexp) (lit []rune, fold bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return re.Rune, re.Flags&syntax.FoldCase != 0
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if l, f := required(sub); len(l) > len(lit) {
				lit, fold = l, f
			}
		}
	}
	return lit, fold
}

// LooksLikeExpr says, cheaply, whether s is meant as an expression rather
// than words to look for: somewhere in it a field name is followed by an
// operator or between ("title =~ x"), a bool field by and or or ("unread
// and …"), not by a field ("not starred"), or a tag starts a condition
// ("#tech", "unread and #tech"; not "C# tips"). It does not say whether s
// is a valid expression (Parse does).
func LooksLikeExpr(s string) bool {
	if len(s) > MaxLen {
		return false
	}
	toks, err := lex(s)
	if err != nil {
		return false
	}
	for i := 0; i+1 < len(toks); i++ {
		t, next := toks[i], toks[i+1]
		if isTag(toks, i) {
			return true
		}
		if t.kind != tWord {
			continue
		}
		if strings.EqualFold(t.text, "not") && next.kind == tWord {
			if _, ok := fieldNamed(next.text); ok {
				return true
			}
		}
		f, ok := fieldNamed(t.text)
		switch {
		case !ok:
		case next.kind == tOp, next.kind == tWord && strings.EqualFold(next.text, "between"):
			return true
		case f.Kind() == KindBool && next.kind == tWord &&
			(strings.EqualFold(next.text, "and") || strings.EqualFold(next.text, "or")):
			return true
		}
	}
	return false
}

// isTag says whether toks[i] is the # of a tag (#name): where a condition
// starts (first, or after "(", and, or, not), its name right after it.
func isTag(toks []token, i int) bool {
	t, next := toks[i], toks[i+1]
	if t.kind != tOp || t.text != "#" || next.col != t.col+1 || next.kind != tWord && next.kind != tString {
		return false
	}
	if i == 0 {
		return true
	}
	prev := toks[i-1]
	if prev.kind == tLParen {
		return true
	}
	return prev.kind == tWord && (strings.EqualFold(prev.text, "and") ||
		strings.EqualFold(prev.text, "or") || strings.EqualFold(prev.text, "not"))
}
