package attribution

import "strings"

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
var attrAuxiliaries = attrSet(`has have had was were is are will would could can may might should
	did does do must`)
