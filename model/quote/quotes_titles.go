package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Titles in quotation marks are not quotations. News puts the names of
// shows, films, books, songs and campaigns between quote marks (on “Fox
// News Sunday”, her documentary “13th”, a bill titled “Arrogant”), and a
// subheading may stand as a paragraph of its own in quote marks ('All
// Bets Are Off.'). Nobody said them; highlighting one as a quote, or
// naming a speaker for it, would be wrong. A title is told by its shape —
// a few words in title case — and by what stands before it: a word for a
// work, or "titled", "called" or "dubbed". A quote in title case that is
// the whole paragraph is a subheading.

// quoteMaxTitleWords is the longest title recognised.
const quoteMaxTitleWords = 8

// quoteWorkWords name works that have titles, or say a title follows.
var quoteWorkWords = quoteWordSet(`show shows program programme series film movie documentary
	book books novel memoir biography song songs album anthem hymn play musical opera
	podcast column essay editorial broadcast episode segment newsletter magazine newspaper
	poem painting exhibition exhibit sitcom drama comedy thriller video ad spot campaign
	slogan hashtag titled entitled called dubbed named nicknamed`)

// quoteMakerWords follow the title of a work: who made it, what it is.
var quoteMakerWords = quoteWordSet(`star stars actor actress author singer director host creator
	film movie series song album book franchise trilogy sequel episode podcast show`)

func quoteWordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// quoteDropTitles removes the hits that are titles or subheadings.
func quoteDropTitles(md string, blocks []quoteBlock, hits []quoteHit) []quoteHit {
	kept := hits[:0:0]
	for i, h := range hits {
		if h.first != h.last || !quoteTitleCase(h.text) {
			kept = append(kept, h)
			continue
		}
		b := blocks[h.first]
		alone := strings.Trim(md[b.start:h.open], " \t>*_") == "" &&
			strings.Trim(md[h.close:b.end], " \t*_.") == ""
		if !alone && !quoteAfterWorkWord(md[b.start:h.open]) && !quoteBeforeWorkWord(md[h.close:b.end]) &&
			!quoteInTitleList(md, hits, i) {
			kept = append(kept, h)
		}
	}
	return kept
}

// quoteBeforeWorkWord reports text after a quote that makes it a title:
// a word for who made it or what it is ("the “Melvin and Howard” star"),
// or a year in brackets ("“Bambi” (1942)").
func quoteBeforeWorkWord(after string) bool {
	words := strings.Fields(after)
	if len(words) == 0 {
		return false
	}
	w := strings.ToLower(strings.Trim(words[0], ",.;:"))
	if len(w) == 6 && w[0] == '(' && w[5] == ')' && strings.Trim(w[1:5], "0123456789") == "" {
		return true
	}
	return quoteMakerWords[w]
}

// quoteInTitleList reports a title-case quote in a list of three or more
// of them (“Star Wars,” “Mary Poppins” and “Bambi”), each parted from the
// next only by a comma, "and", "or" or a few capitalised words. Two are
// not enough: the names someone called another (“Miss Piggy” and “Miss
// Housekeeping”) are words they said.
func quoteInTitleList(md string, hits []quoteHit, i int) bool {
	lo, hi := i, i
	for lo > 0 && quoteListed(md, hits, lo-1, lo) {
		lo--
	}
	for hi+1 < len(hits) && quoteListed(md, hits, hi, hi+1) {
		hi++
	}
	return hi-lo >= 2
}

// quoteListed reports title-case quotes a and b (b after a) of one block
// parted only as the items of a list are.
func quoteListed(md string, hits []quoteHit, a, b int) bool {
	if hits[a].first != hits[b].first || !quoteTitleCase(hits[a].text) || !quoteTitleCase(hits[b].text) {
		return false
	}
	between := strings.Fields(md[hits[a].close:hits[b].open])
	if len(between) > 4 {
		return false
	}
	for _, w := range between {
		w = strings.Trim(w, ",;")
		r, _ := utf8.DecodeRuneInString(w)
		if w != "" && w != "and" && w != "or" && w != "including" && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// quoteTitleCase reports text of at most quoteMaxTitleWords words whose
// words, other than short function words, all open with a capital letter
// or a digit, and that is not a sentence of more than one word.
func quoteTitleCase(text string) bool {
	words := strings.Fields(text)
	if len(words) == 0 || len(words) > quoteMaxTitleWords {
		return false
	}
	for i, w := range words {
		w = strings.TrimLeft(w, "(‘'\"“")
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			continue
		}
		if i == 0 || !quoteTitleSmallWord(strings.TrimRight(w, ",.:;!?")) {
			return false
		}
	}
	return true
}

// quoteTitleSmallWord is a word a title leaves in lower case.
func quoteTitleSmallWord(w string) bool {
	switch w {
	case "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "is", "de", "la", "le":
		return true
	}
	return false
}

// quoteAfterWorkWord reports text (what precedes a quote in its block)
// ending in a word for a work, within three words ("her documentary",
// "the show, ", "a bill titled"), or in an owner's possessive ("Fox
// News’s").
func quoteAfterWorkWord(before string) bool {
	words := strings.Fields(before)
	for k := 0; k < 3 && k < len(words); k++ {
		w := strings.ToLower(strings.Trim(words[len(words)-1-k], ",:;()—–-"))
		if quoteWorkWords[w] {
			return true
		}
		if k == 0 && (strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’")) {
			return true // an owner's name in title case: "MSNBC’s “Morning Joe”"
		}
		if w != "the" && w != "a" && w != "an" && w != "his" && w != "her" && w != "their" && w != "its" && w != "new" && w != "latest" && w != "upcoming" {
			return false
		}
	}
	return false
}
