package main

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// notNames are capitalised words that do not make a Source a name: the
// pronouns and determiners a sentence may open with.
var notNames = map[string]bool{"he": true, "she": true, "they": true, "it": true, "i": true, "we": true,
	"you": true, "his": true, "her": true, "their": true, "its": true, "the": true, "a": true, "an": true,
	"this": true, "that": true, "these": true, "those": true, "our": true, "my": true, "some": true,
	"one": true, "many": true, "most": true, "both": true, "another": true, "other": true}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "i": true, "we": true}

// named says whether a Source names someone: it holds a capitalised word
// that is not a pronoun or a determiner ("Hillary Clinton", "the Trump
// campaign", "The New York Post"; not "he", "The source").
func named(source string) bool {
	for _, w := range words(source) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && !notNames[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

func pronoun(source string) bool {
	w := words(source)
	return len(w) == 1 && pronouns[strings.ToLower(w[0])]
}

// words are the words of s, without the punctuation around them.
func words(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// sameSpeaker is the fair rule for byline's speaker against the gold
// Source, case-insensitively:
//   - the last word of byline's name (a suffix such as Jr. aside) occurs
//     in the Source as a word that is not a possessive modifier ("Trump"
//     matches "Donald Trump" and "Mr. Trump", "campaign" matches "the
//     Clinton campaign", but "Trump" does not match "Trump's spokeswoman
//     Hope Hicks"), or
//   - the Source's head noun phrase (up to its first comma, parenthesis or
//     "who", less its determiners) is contained in byline's name
//     ("Clinton" in "Hillary Clinton").
func sameSpeaker(speaker, source string) bool {
	sw := words(speaker)
	for len(sw) > 1 && isSuffix(sw[len(sw)-1]) {
		sw = sw[:len(sw)-1]
	}
	if len(sw) == 0 {
		return false
	}
	last := strings.ToLower(sw[len(sw)-1])
	src := strings.ToLower(strings.ReplaceAll(source, "’", "'"))
	for _, w := range strings.Fields(src) {
		poss := strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s'")
		w = strings.TrimSuffix(w, "'s")
		if strings.Join(words(w), "") == last && !poss {
			return true
		}
	}
	head := src
	if i := strings.IndexAny(head, ",("); i >= 0 {
		head = head[:i]
	}
	if i := strings.Index(head, " who "); i >= 0 {
		head = head[:i]
	}
	hw := words(head)
	for len(hw) > 0 && notNames[hw[0]] {
		hw = hw[1:]
	}
	if len(hw) == 0 {
		return false
	}
	return containsWords(strings.ToLower(strings.Join(words(speaker), " ")), strings.Join(hw, " "))
}

func containsWords(s, sub string) bool {
	return s == sub || strings.HasPrefix(s, sub+" ") || strings.HasSuffix(s, " "+sub) || strings.Contains(s, " "+sub+" ")
}

func isSuffix(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "jr", "sr", "ii", "iii", "iv":
		return true
	}
	return false
}

// antecedent is the named Source of the attribution nearest before g's
// pronoun Source: what "he" or "she" most likely stands for.
func antecedent(a article, g goldQuote) string {
	best, bestPos := "", -1
	for _, at := range a.attrs {
		if len(at.source) == 0 {
			continue
		}
		p := at.source[0].start
		src := joinSpans(a.text, at.source)
		if p < g.srcPos && p > bestPos && named(src) {
			best, bestPos = src, p
		}
	}
	return best
}
