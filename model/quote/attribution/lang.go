package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/byline-reader/byline/model/quote/attribution/lexicon"
)

// Languages other than English.
//
// The rules of this package read English words: speech verbs, pronouns,
// determiners, titles, roles, function words. An article in another
// language is read through a table that maps its words onto those English
// words (lexicon/langs.go: a déclaré → said, sagte → said, disse → said,
// elle → she, le/der/el/o → the, Mme/Frau/Sra. → Ms., ministre → minister,
// selon/laut/según/segundo → according to), so that the same rules —
// a speech verb and its subject on either side of the quote, pronouns
// carried over to a person of their gender, titles and roles dropped
// before a name — name the speakers; there is no code per language. The
// mapped words keep their place in the markdown, so a speaker's name is
// always the article's own text.
//
// The table also says how word order differs from English: an auxiliary
// before a speech verb goes (« … », a déclaré X → said X; hat er gesagt →
// he said), a verb with its pronoun attached is cut in two (« … », dit-il
// → said he; a-t-elle ajouté → she added), an elided article is cut from
// its noun (l’ancien → the ancien), a title's dot stays with it (Sra.),
// and a few words attribute only right after a quote („…“, so Merkel).
// Which table applies is decided once per article, from its commonest
// words.

// attrLang is one language's table (lexicon.Lang), read by the methods
// below.
type attrLang struct{ *lexicon.Lang }

// attrDetectLang returns the table of the language md is written in, or
// nil for English (or a language without a table).
func attrDetectLang(md string) *attrLang {
	if k := lexicon.Detect(md); k >= 0 {
		return &attrLang{lexicon.Tables[k]}
	}
	return nil
}

// localize reads the tokens of a block through the language's table
// (nil: English, the tokens as they are).
func (l *attrLang) localize(md string, toks []attrTok) []attrTok {
	if l == nil {
		return toks
	}
	out := make([]attrTok, 0, len(toks)+len(toks)/8+2)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != attrWord {
			out = append(out, t)
			continue
		}
		if l.nameInside(toks, i) {
			out = append(out, t)
			continue
		}
		if n, ok := l.phrase(toks, i, &out); ok {
			i += n - 1
			continue
		}
		n := len(out)
		out = l.word(md, toks, i, out)
		if len(out) == n {
			continue // an auxiliary dropped
		}
		if w := &out[len(out)-1]; attrTitleWord(w.low) && i+1 < len(toks) && attrIsPunct(toks[i+1], ".") && toks[i+1].start == t.end {
			w.end = toks[i+1].end // Sra. Pérez: the dot is the title's
			i++
		}
	}
	return out
}

// nameInside reports a word between two capitalised ones that is part of
// a name (Marine Le Pen, Lula da Silva, Ursula von der Leyen) rather than
// the function word it would be elsewhere.
func (l *attrLang) nameInside(toks []attrTok, i int) bool {
	up := func(k int) bool {
		return k >= 0 && k < len(toks) && toks[k].kind == attrWord && toks[k].upper && l.lookup(toks[k].low, toks, k) == ""
	}
	if !up(i-1) || !(up(i+1) || (i+2 < len(toks) && NameParticle(toks[i+1].low) && up(i+2))) {
		return false
	}
	return toks[i].upper || NameParticle(toks[i].low)
}

// phrase maps two or three words that read as one (de acuerdo con →
// according to) and reports how many it took.
func (l *attrLang) phrase(toks []attrTok, i int, out *[]attrTok) (int, bool) {
	for n := 3; n >= 2; n-- {
		if i+n > len(toks) {
			continue
		}
		key := toks[i].low
		for k := i + 1; k < i+n; k++ {
			if toks[k].kind != attrWord {
				key = ""
				break
			}
			key += " " + toks[k].low
		}
		if en, ok := l.Phrases[key]; ok && key != "" {
			*out = attrAppendMapped(*out, toks[i].start, toks[i+n-1].end, en)
			return n, true
		}
	}
	return 0, false
}

// word maps the word toks[i] and appends what it reads as.
func (l *attrLang) word(md string, toks []attrTok, i int, out []attrTok) []attrTok {
	t := toks[i]
	for _, e := range l.Elisions {
		if strings.HasPrefix(t.low, e) && len(t.low) > len(e) && len(t.low) == t.end-t.start {
			cut := t.start + len(e)
			out = l.one(t.start, cut, e, toks, i, out)
			rest := md[cut:t.end]
			r, _ := utf8.DecodeRuneInString(rest)
			t = attrTok{start: cut, end: t.end, kind: attrWord, low: strings.ToLower(rest), upper: unicode.IsUpper(r)}
			break
		}
	}
	if h := strings.LastIndexByte(t.low, '-'); h > 0 && l.Clitics[t.low[h+1:]] && len(t.low) == t.end-t.start {
		verb := strings.TrimSuffix(t.low[:h], "-t")
		out = l.one(t.start, t.start+len(verb), verb, toks, i, out)
		return l.one(t.start+h+1, t.end, t.low[h+1:], toks, i, out)
	}
	if t.low == toks[i].low {
		return l.one(t.start, t.end, t.low, toks, i, out)
	}
	if en := l.lookup(t.low, toks, i); en != "" {
		return attrAppendMapped(out, t.start, t.end, en)
	}
	return append(out, t)
}

// one appends the word low (at md[start:end], part of toks[i]) as its
// table reads it.
func (l *attrLang) one(start, end int, low string, toks []attrTok, i int, out []attrTok) []attrTok {
	if l.Aux[low] && l.verbFollows(toks, i) {
		return out // a déclaré → said
	}
	if en := l.lookup(low, toks, i); en != "" {
		return attrAppendMapped(out, start, end, en)
	}
	t := toks[i]
	if start != t.start || end != t.end {
		t = attrTok{start: start, end: end, kind: attrWord, low: low, upper: t.upper && start == t.start}
	}
	return append(out, t)
}

// lookup is the English a word of toks[i] reads as, or "".
func (l *attrLang) lookup(low string, toks []attrTok, i int) string {
	if en, ok := l.Words[low]; ok {
		return en
	}
	if en, ok := l.AfterQuote[low]; ok && attrRightAfterQuote(toks, i) {
		return en
	}
	if l.According[low] && i+1 < len(toks) && toks[i+1].kind == attrWord && (toks[i+1].upper || l.isDeterminer(toks[i+1].low)) {
		return "according to"
	}
	if toks[i].upper && len(l.Suffixes) > 0 {
		for suf, en := range l.Suffixes {
			if len(low) > len(suf)+2 && strings.HasSuffix(low, suf) {
				return en // Regierungssprecher → spokesman
			}
		}
	}
	return ""
}

func (l *attrLang) isDeterminer(low string) bool { return attrDeterminers[l.Words[low]] }

// verbFollows reports a speech verb among the three words after toks[i]
// (or in the rest of the word itself: a-t-il dit).
func (l *attrLang) verbFollows(toks []attrTok, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		if toks[k].kind != attrWord {
			return false
		}
		if attrVerbs[l.Words[toks[k].low]] {
			return true
		}
	}
	return false
}

// attrRightAfterQuote reports toks[i] right after a quote and its comma.
func attrRightAfterQuote(toks []attrTok, i int) bool {
	k := i - 1
	for k >= 0 && attrIsPunct(toks[k], ",") {
		k--
	}
	return k >= 0 && toks[k].kind == attrQuote
}

// attrAppendMapped appends the English words en (one or more, space
// separated) in place of md[start:end]; words after the first take no
// room in the markdown.
func attrAppendMapped(out []attrTok, start, end int, en string) []attrTok {
	for k, w := range strings.Fields(en) {
		t := attrTok{start: start, end: end, kind: attrWord, low: w}
		if k > 0 {
			t.start = end
		}
		out = append(out, t)
	}
	return out
}

// attrTitleWord reports a title that may be followed by its dot.
func attrTitleWord(low string) bool {
	switch low {
	case "mr", "ms", "mrs", "miss", "dr", "mr.", "ms.", "mrs.", "dr.":
		return true
	}
	return false
}
