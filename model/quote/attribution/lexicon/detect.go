package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lang is one language's table, ready to read: what LangTable's lists
// say, as maps.
type Lang struct {
	Name        string
	Words       map[string]string // a word in lower case → the English word(s) it reads as
	Phrases     map[string]string // two or three words, space-separated → the English words
	Aux         map[string]bool   // auxiliaries dropped before a speech verb
	AfterQuote  map[string]string // words that attribute only right after a quote
	According   map[string]bool   // words read as "according to" only before a name
	Elisions    []string          // elided articles and pronouns: l’, d’, qu’
	Clitics     map[string]bool   // pronouns a verb carries after a hyphen: dit-il
	Suffixes    map[string]string // endings of compound role and body nouns: -sprecher
	Markers     []string          // common words that tell the language
	NullSubject bool              // verbs drop their subject
}

// Tables are the languages of Langs, read, in its order.
var Tables = newLangs()

func newLangs() []*Lang {
	ls := make([]*Lang, len(Langs))
	for k, t := range Langs {
		ls[k] = newLang(t)
	}
	return ls
}

// langMaxBytes is how much of an article is read to tell its language.
const langMaxBytes = 6000

// Detect returns the index in Tables of the language md is written in, or
// -1 for English (or a language without a table): the language whose
// common words md uses most, six times at least and more than twice as
// often as English's.
func Detect(md string) int {
	md = md[:langCut(md, langMaxBytes)]
	counts := make([]int, len(Tables)+1) // the last one counts English
	for i := 0; i < len(md); {
		r, size := utf8.DecodeRuneInString(md[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(md) {
			r, n := utf8.DecodeRuneInString(md[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		if j-i <= 6 {
			if bits := langMarkers[strings.ToLower(md[i:j])]; bits != 0 {
				for k := range counts {
					if bits&(1<<k) != 0 {
						counts[k]++
					}
				}
			}
		}
		i = j
	}
	best, english := -1, counts[len(Tables)]
	for k, c := range counts[:len(Tables)] {
		if c >= 6 && c > 2*english && (best < 0 || c > counts[best]) {
			best = k
		}
	}
	return best
}

// langCut is a rune boundary at or before n.
func langCut(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}

// langMarkers maps a marker word to the languages (bit k: Tables[k],
// bit len(Tables): English) it is common in.
var langMarkers = markerBits()

func markerBits() map[string]uint8 {
	m := map[string]uint8{}
	for k, l := range Tables {
		for _, w := range l.Markers {
			m[w] |= 1 << k
		}
	}
	for _, w := range strings.Fields(EnglishMarkers) {
		m[w] |= 1 << len(Tables)
	}
	return m
}

// newLang builds a language's table from its word lists.
func newLang(t LangTable) *Lang {
	l := &Lang{Name: t.Name, Words: map[string]string{}, Phrases: map[string]string{},
		Aux: Set(t.Aux), AfterQuote: pairs(t.AfterQuote), According: Set(t.According),
		Elisions: strings.Fields(t.Elisions), Clitics: Set(t.Clitics), Suffixes: pairs(t.Suffixes),
		Markers: strings.Fields(t.Markers), NullSubject: t.NullSubject}
	for k, v := range pairs(t.Words) {
		if strings.Contains(k, " ") {
			l.Phrases[k] = v
		} else {
			l.Words[k] = v
		}
	}
	return l
}

// pairs reads "word=english" entries, underscores standing for spaces.
func pairs(s string) map[string]string {
	m := map[string]string{}
	for _, f := range strings.Fields(s) {
		k, v, ok := strings.Cut(f, "=")
		if ok {
			m[strings.ReplaceAll(k, "_", " ")] = strings.ReplaceAll(v, "_", " ")
		}
	}
	return m
}
