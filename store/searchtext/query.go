package searchtext

import (
	"strings"
	"unicode"
)

// FTSQuery turns what a user typed into an FTS5 query that cannot fail to
// parse: each word or "phrase" becomes a quoted string (a trailing * makes
// it a prefix), an OR between two terms stays an operator, and terms with
// no letter or digit are dropped. "" means nothing to search for.
func FTSQuery(q string) string {
	var out []string
	for _, t := range splitQuery(q) {
		if t == "OR" {
			if len(out) > 0 && out[len(out)-1] != "OR" {
				out = append(out, "OR")
			}
			continue
		}
		word, prefix := strings.CutSuffix(t, "*")
		word = strings.TrimRight(word, "*")
		if !strings.ContainsFunc(word, isWordRune) {
			continue
		}
		term := `"` + strings.ReplaceAll(word, `"`, `""`) + `"`
		if prefix {
			term += "*"
		}
		out = append(out, term)
	}
	if len(out) > 0 && out[len(out)-1] == "OR" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, " ")
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// splitQuery splits q at spaces, keeping "quoted phrases" (quotes removed)
// whole; an unclosed quote is ignored. A * right after a closing quote
// stays with the phrase.
func splitQuery(q string) []string {
	var terms []string
	for {
		q = strings.TrimLeftFunc(q, unicode.IsSpace)
		if q == "" {
			return terms
		}
		if q[0] == '"' {
			end := strings.IndexByte(q[1:], '"')
			if end < 0 { // an unclosed quote: read on as words
				q = q[1:]
				continue
			}
			phrase := q[1 : end+1]
			q = q[end+2:]
			if strings.HasPrefix(q, "*") {
				phrase += "*"
				q = q[1:]
			}
			terms = append(terms, phrase)
			continue
		}
		end := strings.IndexFunc(q, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		if end < 0 {
			end = len(q)
		}
		terms = append(terms, q[:end])
		q = q[end:]
	}
}
