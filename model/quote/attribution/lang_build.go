package attribution

import (
	"strings"

	"github.com/byline-reader/byline/model/quote/attribution/lexicon"
)

// The languages other than English, read from lexicon's word tables (see
// lang.go for how).

// attrLangs are the tables of lexicon.Langs, in its order.
var attrLangs = attrNewLangs()

func attrNewLangs() []*attrLang {
	ls := make([]*attrLang, len(lexicon.Langs))
	for k, t := range lexicon.Langs {
		ls[k] = attrNewLang(t)
	}
	return ls
}

// attrLangMarkers maps a marker word to the languages (bit k: attrLangs[k],
// bit len(attrLangs): English) it is common in.
var attrLangMarkers = attrMarkerBits()

func attrMarkerBits() map[string]uint8 {
	m := map[string]uint8{}
	for k, l := range attrLangs {
		for _, w := range l.markers {
			m[w] |= 1 << k
		}
	}
	for _, w := range strings.Fields(lexicon.EnglishMarkers) {
		m[w] |= 1 << len(attrLangs)
	}
	return m
}

// attrNewLang builds a language's table from its word lists.
func attrNewLang(t lexicon.LangTable) *attrLang {
	l := &attrLang{name: t.Name, words: map[string]string{}, phrases: map[string]string{},
		aux: attrSet(t.Aux), afterQuote: attrPairs(t.AfterQuote), according: attrSet(t.According),
		elisions: strings.Fields(t.Elisions), clitics: attrSet(t.Clitics), suffixes: attrPairs(t.Suffixes),
		markers: strings.Fields(t.Markers), nullSubject: t.NullSubject}
	for k, v := range attrPairs(t.Words) {
		if strings.Contains(k, " ") {
			l.phrases[k] = v
		} else {
			l.words[k] = v
		}
	}
	return l
}

// attrPairs reads "word=english" entries, underscores standing for spaces.
func attrPairs(s string) map[string]string {
	m := map[string]string{}
	for _, f := range strings.Fields(s) {
		k, v, ok := strings.Cut(f, "=")
		if ok {
			m[strings.ReplaceAll(k, "_", " ")] = strings.ReplaceAll(v, "_", " ")
		}
	}
	return m
}
