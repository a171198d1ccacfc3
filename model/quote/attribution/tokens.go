package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline-reader/byline/model/quote/attribution/lexicon"
)

// attrKind tells the tokens of a paragraph apart for attribution.
type attrKind uint8

const (
	attrWord  attrKind = iota
	attrPunct          // one punctuation rune
	attrQuote          // a whole quotation, marks and all
)

type attrTok struct {
	start, end int
	kind       attrKind
	q          int    // hit index of a quote token
	low        string // a word in lower case, or the punctuation
	upper      bool   // a word that starts with a capital letter
}

// attrTokenize splits md[from:to] into words, punctuation and quotations;
// hits are the quotations, in order.
func attrTokenize(md string, from, to int, hits []Quote) []attrTok {
	return attrAppendTokens(make([]attrTok, 0, (to-from)/5+4), md, from, to, hits)
}

// attrAppendTokens is attrTokenize appending to toks.
func attrAppendTokens(toks []attrTok, md string, from, to int, hits []Quote) []attrTok {
	h := 0
	for h < len(hits) && hits[h].Close <= from {
		h++
	}
	for i := from; i < to; {
		if h < len(hits) && hits[h].Open <= i {
			end := min(hits[h].Close, to)
			toks = append(toks, attrTok{start: max(hits[h].Open, from), end: end, kind: attrQuote, q: h})
			i = max(end, i+1)
			h++
			continue
		}
		lim := to
		if h < len(hits) && hits[h].Open < to {
			lim = hits[h].Open
		}
		if c := md[i]; c == ' ' || c == '\n' || c == '\t' {
			i++
			continue
		} else if c == '[' || c == ']' || c == '!' && i+1 < lim && md[i+1] == '[' || c == '\\' && i+1 < lim && (md[i+1] == '[' || md[i+1] == ']') {
			i = attrSkipLinkSyntax(md, i, lim) // a link is its words: [Jane Doe](https://…)
			continue
		}
		r, size := utf8.DecodeRuneInString(md[i:lim])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := attrWordEnd(md, i, lim)
			w := md[i:j]
			toks = append(toks, attrTok{start: i, end: j, kind: attrWord, low: strings.ToLower(w), upper: unicode.IsUpper(r) || (r < utf8.RuneSelf && attrInnerUpper(w))})
			i = j
		default:
			toks = append(toks, attrTok{start: i, end: i + size, kind: attrPunct, low: md[i : i+size]})
			i += size
		}
	}
	return toks
}

// attrSkipLinkSyntax passes the markdown of a link at md[i] that is not
// its words: an opening "[" (or "![", or an escaped "\\["), and a closing
// "]" with the "(target)" after it. A name written as a link ("[Omar
// Lamrani](https://…), an analyst, said") is read as the name.
func attrSkipLinkSyntax(md string, i, lim int) int {
	switch md[i] {
	case '\\', '!':
		return i + 2
	case '[':
		return i + 1
	}
	if i+1 >= lim || md[i+1] != '(' {
		return i + 1
	}
	depth := 0
	for j := i + 1; j < lim && j-i < 2048; j++ {
		switch md[j] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return j + 1
			}
		case ' ', '\n':
			if j+1 < lim && md[j+1] != '"' && md[j+1] != '\'' {
				return i + 1 // no link target: a bracket in the text
			}
		}
	}
	return i + 1
}

// attrWordEnd returns the end of the word starting at i: letters and digits
// joined by apostrophes, hyphens and ampersands (Korea’s, al-Assad, AT&T),
// and the dots of abbreviations and initials (Mr., U.S., J.).
func attrWordEnd(md string, i, lim int) int {
	j := i
	for j < lim {
		if c := md[j]; c < utf8.RuneSelf && (quoteIsASCIILetter(c) || c >= '0' && c <= '9') {
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(md[j:lim])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			j += size
			continue
		}
		next, _ := utf8.DecodeRuneInString(md[min(j+size, lim):lim])
		nextWord := j+size < lim && (unicode.IsLetter(next) || unicode.IsDigit(next))
		switch {
		case strings.ContainsRune("’'-‑&", r) && nextWord:
			j += size
			continue
		case r == '.' && nextWord && unicode.IsUpper(next):
			j += size // U.S.
			continue
		case r == '.' && attrAbbrev(md[i:j]):
			return j + size
		case (r == '’' || r == '\'') && (md[j-1] == 's' || md[j-1] == 'S') && attrCapitalAfterSpace(md[j+size:lim]):
			return j + size // a plural's possessive before a name: Fox News’ Bret Baier
		}
		return j
	}
	return j
}

// attrCapitalAfterSpace reports s opening with a space and a capital.
func attrCapitalAfterSpace(s string) bool {
	if len(s) < 2 || s[0] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[1:])
	return unicode.IsUpper(r)
}

func attrInnerUpper(w string) bool {
	if k := strings.IndexByte(w, '-'); k > 0 && k+1 < len(w) {
		r, _ := utf8.DecodeRuneInString(w[k+1:])
		return unicode.IsUpper(r) // al-Assad
	}
	return false
}

// attrAbbrev reports words whose following dot does not end a sentence.
func attrAbbrev(w string) bool {
	if strings.Contains(w, ".") {
		return true // U.S., a.m
	}
	r, size := utf8.DecodeRuneInString(w)
	if size == len(w) && unicode.IsUpper(r) {
		return true // an initial
	}
	return attrAbbrevs[strings.ToLower(w)]
}

// Word lists for attribution, from package lexicon (package-level because
// Go has no const maps).
var (
	attrAbbrevs     = lexicon.Set(lexicon.Abbrevs)
	attrVerbs       = lexicon.Set(lexicon.SpeechVerbs)
	attrSayVerbs    = lexicon.Set(lexicon.SayVerbs)
	attrDeterminers = lexicon.Set(lexicon.Determiners)
	attrSkips       = lexicon.Set(lexicon.Skips)
	attrStops       = lexicon.Set(lexicon.Stops)
	attrJoins       = lexicon.Set(lexicon.Joins)
	attrPronouns    = lexicon.Set(lexicon.Pronouns)
	attrRoles       = lexicon.Set(lexicon.WithPrefixes(lexicon.Roles, lexicon.RolePrefixes))
	attrOrgs        = lexicon.Set(lexicon.Orgs)
	attrDocuments   = lexicon.Set(lexicon.Documents)
)

// attrSkip reports a word that may stand between a subject and its verb:
// an auxiliary, a time word or an adverb in -ly ("has increasingly
// decried").
func attrSkip(t attrTok) bool {
	if attrSkips[t.low] {
		return true
	}
	return t.kind == attrWord && !t.upper && len(t.low) > 5 && strings.HasSuffix(t.low, "ly") && !attrNotAdverbs[t.low]
}

// attrNotAdverbs end in -ly but are no adverbs.
var attrNotAdverbs = lexicon.Set(`family supply assembly anomaly monopoly butterfly italy`)

func attrIsVerb(t attrTok) bool { return t.kind == attrWord && !t.upper && attrVerbs[t.low] }

func attrIsParticiple(t attrTok) bool { return strings.HasSuffix(t.low, "ing") }

func attrIsPunct(t attrTok, set string) bool {
	return t.kind == attrPunct && strings.Contains(set, t.low)
}

// attrPossessive reports a possessive: Korea’s, and a capitalised plural's
// (Fox News’ Bret Baier).
func attrPossessive(low string) bool {
	return strings.HasSuffix(low, "’s") || strings.HasSuffix(low, "'s") || strings.HasSuffix(low, "s’") || strings.HasSuffix(low, "s'")
}
