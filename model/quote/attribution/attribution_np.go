package attribution

import (
	"strings"

	"github.com/byline-reader/byline/model/quote/attribution/lexicon"
)

// attrIsName reports a noun phrase made of capitalised words only.
func attrIsName(f attrFind) bool {
	if f.kind != attrNamed || f.to-f.from > 5 || attrIsTag(f) {
		return false
	}
	for _, t := range f.toks[f.from:f.to] {
		if !t.upper && !NameParticle(t.low) {
			return false
		}
	}
	return !attrOrgs[f.toks[f.to-1].low]
}

// attrIsTag reports a party-and-state tag (R-La., D-N.Y.) or an age.
func attrIsTag(f attrFind) bool {
	if f.kind != attrNamed || f.to-f.from != 1 {
		return false
	}
	w := f.toks[f.from].low
	if len(w) >= 3 && w[1] == '-' && strings.IndexByte("rdi", w[0]) >= 0 {
		return true
	}
	return strings.Trim(w, "0123456789") == ""
}

// attrJoinsModifier reports a preposition that ties a modifier to a
// noun: "people familiar with the matter", "officials in Kyiv".
func attrJoinsModifier(toks []attrTok, i, lo int) bool {
	if !attrJoins[toks[i].low] || i-1 < lo {
		return false
	}
	p := toks[i-1]
	return p.kind == attrWord && !p.upper && !attrStops[p.low] && !attrIsVerb(p) && !attrDeterminers[p.low]
}

// attrEndsWithPeriod reports a quote whose text ends its sentence with a
// full stop.
func attrEndsWithPeriod(text string) bool {
	t := strings.TrimRight(text, " \n*_)")
	return strings.HasSuffix(t, ".")
}

// attrSaysNext reports whether the sentence after the quote toks[qi] is a
// short attribution with a plain speech verb (“….” Smith said.), which may
// name the speaker of a quote that ends its own sentence.
func attrSaysNext(toks []attrTok, qi int) bool {
	for k := qi + 1; k < len(toks) && k-qi <= 10; k++ {
		t := toks[k]
		if attrIsPunct(t, ".!?") || t.kind == attrQuote {
			return false
		}
		if attrIsVerb(t) && attrSayVerbs[t.low] {
			return attrEndsSoon(toks, k+1)
		}
	}
	return false
}

// attrEndsSoon reports a sentence that ends within a few words from
// toks[k] with no clause of its own: "said Tuesday in a statement." but
// not "said the FBI has not commented."
func attrEndsSoon(toks []attrTok, k int) bool {
	for n := k; n < len(toks) && n-k <= 8; n++ {
		t := toks[n]
		switch {
		case attrIsPunct(t, ".!?") || t.kind == attrQuote:
			return true
		case attrIsPunct(t, ",;:"):
			return n > k
		case t.kind == attrWord && (attrAuxiliaries[t.low] || attrPronouns[t.low] || t.low == "that"):
			return false
		}
	}
	return len(toks)-k <= 8
}

// attrAuxiliaries open a clause of their own after a speech verb.
var attrAuxiliaries = lexicon.Set(lexicon.Auxiliaries)

// attrFindText is the words of a noun phrase, joined by spaces.
func attrFindText(f attrFind) string {
	var b strings.Builder
	for k := f.from; k < f.to; k++ {
		if k > f.from {
			b.WriteByte(' ')
		}
		b.WriteString(f.toks[k].low)
	}
	return b.String()
}

// attrNamesSomeone reports a speaker that may have said something, unlike
// a time ("past", "two weeks ago"), a function word ("wouldn’t", "he
// only") or a word that names nobody ("someone", "many").
func attrNamesSomeone(speaker string) bool {
	f := strings.Fields(strings.ToLower(speaker))
	if len(f) == 0 {
		return true
	}
	words := strings.Fields(speaker)
	if attrCapital(words[len(words)-1]) {
		return true // a name, also "Jeb Bush of Florida"
	}
	last := f[len(f)-1]
	if attrNotSpeakers[last] || attrStops[last] || attrSkips[last] || attrNotNames[last] || attrPossessive(last) ||
		strings.HasSuffix(last, "n’t") || strings.HasSuffix(last, "n't") {
		return false
	}
	return true
}

// attrTrimAdverbs drops the adverbs and time words a speaker's name ends
// in: "Sanders again", "Donald Trump quickly".
func attrTrimAdverbs(speaker string) string {
	for {
		k := strings.LastIndexByte(speaker, ' ')
		if k < 0 {
			return speaker
		}
		w := speaker[k+1:]
		if w != strings.ToLower(w) || !attrSkip(attrTok{kind: attrWord, low: w}) {
			return speaker
		}
		speaker = strings.TrimRight(speaker[:k], " ")
	}
}

// attrNotSpeakers are words a speaker never ends in.
var attrNotSpeakers = lexicon.Set(lexicon.NotSpeakers)

// attrAppositionBefore handles subjects set off by commas before the verb
// (the comma before the verb is toks[c]): "Jane Doe, a spokeswoman for X,
// said", "Sen. Chuck Schumer, D-N.Y., the majority leader, called",
// "Labour's home secretary, Yvette Cooper, said", "Smith, 45, said".
func attrAppositionBefore(toks []attrTok, c, lo int) attrFind {
	var fallback attrFind
	for hops := 0; hops < 3; hops++ {
		p := attrPrevComma(toks, c, lo)
		if p < 0 || p == c-1 {
			return fallback
		}
		seg := attrBackwardNP(toks, c-1, p+1)
		np := attrBackwardNP(toks, p-1, lo)
		switch {
		case np.kind == attrNone:
			return fallback
		case attrIsName(seg) && !attrIsName(np) && seg.from == p+1 && !lexicon.Place(attrFindText(seg)):
			return seg // not "Trump, in Kentucky, said"
		case attrIsTag(np):
		case hops > 0 && fallback.kind != attrNone:
			if attrIsName(np) && np.from == lo && !lexicon.Place(attrFindText(np)) {
				return np // Omar Lamrani, an analyst at Stratfor, the …, told
			}
			return fallback
		case !toks[np.to-1].upper || (!attrIsName(np) && attrDeterminers[toks[np.from].low]):
			if fallback.kind == attrNone {
				fallback = np // "a spokesperson for Inherent Resolve": a name may come before
			}
		default:
			return np
		}
		c = p
	}
	return fallback
}

// attrPrevComma returns the comma before toks[c] that opens an apposition,
// or -1.
func attrPrevComma(toks []attrTok, c, lo int) int {
	for p := c - 1; p >= lo && c-p < 16; p-- {
		t := toks[p]
		if attrIsPunct(t, ",") {
			return p
		}
		if t.kind == attrQuote || attrIsVerb(t) || attrIsPunct(t, ":;()") {
			return -1
		}
	}
	return -1
}
