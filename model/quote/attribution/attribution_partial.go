package attribution

import "github.com/byline-reader/byline/model/quote/attribution/lexicon"

// Quotes with no speech verb of their own.
//
// A partial quote inside a sentence with no speech verb next to it takes
// the sentence's subject when that names someone: "Obama condemned
// Friday's test as “provocative and destabilizing”", "Cruz blamed the
// law on “knuckleheaded politicians”", "He referred to Rubio as “a bright
// leader”". A quote that is a sentence of its own, with nobody named
// around it, takes the subject of the sentence just before it when that
// sentence holds no quote ("Valastro praised the governor. “We need
// someone …”"). The subject must be a name, a pronoun, or a person or
// group named by a role ("the GOP presidential candidate", "officials"),
// never a thing ("The timing of Sanders' surge", "Clinton's slogan").

// clauseOwner returns the subject of the sentence toks[lo:hi] when it
// names someone, or attrNone.
func (a *attributor) clauseOwner(toks []attrTok, lo, hi int) attrFind {
	i := attrSkipLead(toks, lo, hi)
	if i < hi && toks[i].kind == attrWord && (attrOpeners[toks[i].low] || (attrIsParticiple(toks[i]) && toks[i].upper)) {
		c := i
		for c < hi && c-i < 16 && !attrIsPunct(toks[c], ",") && toks[c].kind != attrQuote {
			c++
		}
		if c >= hi || !attrIsPunct(toks[c], ",") {
			return attrFind{}
		}
		i = c + 1
	}
	if i >= hi || toks[i].kind != attrWord {
		return attrFind{}
	}
	if w := toks[i].low; attrPronouns[w] && w != "i" && w != "we" {
		if attrOwnerVerbAt(toks, i+1, hi) {
			return attrFind{kind: attrPronoun, toks: toks, from: i, to: i + 1}
		}
		return attrFind{}
	}
	end := attrOwnerNP(toks, i, hi)
	if end <= i || !attrOwnerVerbAt(toks, end, hi) {
		return attrFind{}
	}
	if w := attrStripPossessive(toks[i].low); end-i == 1 && toks[i].upper && a.resolve(w, toks[i].start) == w {
		return attrFind{} // a word not known as a name: "Scholz sagte"
	}
	if from, to, ok := attrNameApposition(toks, i, end, hi); ok {
		return attrFind{kind: attrNamed, toks: toks, from: from, to: to}
	}
	return attrFind{kind: attrNamed, toks: toks, from: i, to: end}
}

// attrNameApposition finds the name set off by commas after a subject
// that is only a role ("The interior minister, Gerald Darmanin, judged
// …", "Le ministre de l'Intérieur, Gérald Darmanin, a jugé …"): the name,
// not the role, is who spoke.
func attrNameApposition(toks []attrTok, i, end, hi int) (from, to int, ok bool) {
	role, of := false, false
	for k := i; k < end; k++ {
		switch w := toks[k].low; {
		case attrRoles[w]:
			role = true
		case attrJoins[w]:
			of = true // "Secretary of State": a body's name in the role
		case toks[k].upper && !attrDeterminers[w] && !of:
			return 0, 0, false // the subject names someone already
		}
	}
	if !role {
		return 0, 0, false
	}
	if end < hi && toks[end].kind == attrWord && attrJoins[toks[end].low] {
		// the rest of the role: "minister of the Interior"
		for p := end; p < hi && p-end < 6 && toks[p].kind == attrWord; p++ {
			if w := toks[p].low; !attrJoins[w] && !attrDeterminers[w] && !toks[p].upper {
				return 0, 0, false
			}
			end = p + 1
		}
	}
	if end >= hi || !attrIsPunct(toks[end], ",") {
		return 0, 0, false
	}
	k := end + 1
	for k < hi && toks[k].kind == attrWord && (toks[k].upper || NameParticle(toks[k].low)) {
		k++
	}
	if n := k - (end + 1); n < 2 || n > 5 || k >= hi || !attrIsPunct(toks[k], ",") || !toks[k-1].upper {
		return 0, 0, false
	}
	return end + 1, k, true
}

// attrSkipLead skips what may open a sentence before its subject:
// punctuation, a time stamp ("12:00 p.m.") and a dateline ("WASHINGTON
// (AP) —").
func attrSkipLead(toks []attrTok, lo, hi int) int {
	i := lo
	for i < hi && (toks[i].kind == attrPunct || (toks[i].kind == attrWord && attrTimeWord(toks[i].low))) {
		i++
	}
	for k := i; k < hi && k-i < 12; k++ {
		if attrIsPunct(toks[k], "—–") {
			return attrSkipLead(toks, k+1, hi)
		}
		if toks[k].kind != attrWord && !attrIsPunct(toks[k], "(),.") {
			break
		}
	}
	return i
}

func attrTimeWord(w string) bool {
	if w == "a.m." || w == "p.m." || w == "a.m" || w == "p.m" {
		return true
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// attrOwnerNP returns the end of a subject that names someone starting at
// toks[i], or i: capitalised words with the roles and modifiers before
// them ("Democratic presidential candidate Bernie Sanders"), or a
// determiner and lower-case words ending in a role or a group ("the GOP
// presidential candidate", "Sanders protesters").
func attrOwnerNP(toks []attrTok, i, hi int) int {
	j := i
	if attrDeterminers[toks[j].low] {
		if toks[j].low != "the" {
			return i // "His remarks", "Some …"
		}
		j++
	}
	lastUpper, end := -1, -1
	for k := j; k < hi && k-j < 8; k++ {
		t := toks[k]
		if t.kind != attrWord || attrStops[t.low] || attrDeterminers[t.low] || attrSkip(t) || (!t.upper && attrIsVerb(t)) {
			break
		}
		if attrPossessive(t.low) && k+1 < hi && toks[k+1].kind == attrWord && !toks[k+1].upper {
			return i // "Clinton's campaign slogan"
		}
		switch {
		case t.upper:
			lastUpper, end = k, k+1
		case attrRoles[t.low] || attrGroupWords[t.low] || attrOwnerGroups[t.low]:
			end = k + 1
		case lastUpper >= 0 && end == k:
			// a lower-case word after a name: the verb
			return attrOwnerEnd(toks, i, j, end)
		}
	}
	return attrOwnerEnd(toks, i, j, end)
}

func attrOwnerEnd(toks []attrTok, i, j, end int) int {
	if end <= j {
		return i
	}
	if !toks[end-1].upper && !attrRoles[toks[end-1].low] && !attrGroupWords[toks[end-1].low] && !attrOwnerGroups[toks[end-1].low] {
		return i
	}
	if attrDocuments[toks[end-1].low] {
		return i // "The Statement"
	}
	return end
}

// attrOwnerGroups are groups of people who may be a sentence's owner.
var attrOwnerGroups = lexicon.Set(lexicon.OwnerGroups)

// attrOwnerVerbAt reports a verb after a subject ending before toks[k]:
// a lower-case word, after any auxiliaries, adverbs and an apposition set
// off by commas ("Trump, who leads the field, mocked").
func attrOwnerVerbAt(toks []attrTok, k, hi int) bool {
	if k < hi && attrIsPunct(toks[k], ",") {
		n := k + 1
		for n < hi && n-k < 20 && !attrIsPunct(toks[n], ",") && toks[n].kind != attrQuote {
			n++
		}
		if n >= hi || !attrIsPunct(toks[n], ",") {
			return false
		}
		k = n + 1
	}
	for k < hi && toks[k].kind == attrWord && attrSkip(toks[k]) && !attrStops[toks[k].low] {
		k++
	}
	if k < hi && toks[k].kind == attrWord && (toks[k].low == "has" || toks[k].low == "is" || toks[k].low == "was") {
		return true
	}
	return k < hi && toks[k].kind == attrWord && !toks[k].upper && !attrStops[toks[k].low] && !attrDeterminers[toks[k].low]
}

// partialOwner attributes a quote toks[qi] that words precede in its
// sentence and no speech verb names: the sentence's subject.
func (a *attributor) partialOwner(toks []attrTok, qi int) attrFind {
	lo := a.attrSentenceStart(toks, qi)
	for j := lo; j < qi; j++ {
		if toks[j].kind == attrQuote {
			return attrFind{} // a quote before it in the sentence has its own rules
		}
	}
	f := a.clauseOwner(toks, lo, qi)
	if f.kind == attrNone {
		return f
	}
	for j := f.to + 1; j < qi; j++ {
		if attrIsPunct(toks[j], ",;") && j+1 < qi && attrClauseOpeners[toks[j+1].low] {
			return attrFind{} // "…, which has been closed since an inspection found “…”"
		}
	}
	return f
}

// prevSentenceOwner is the subject of the sentence before the one the
// quote toks[qi] (quote i) opens, in its paragraph or at the end of the
// one before, when that sentence holds no quote.
func (a *attributor) prevSentenceOwner(i int, toks []attrTok, qi int) attrFind {
	lo := a.attrSentenceStart(toks, qi)
	if lo == 0 {
		prev := a.prevProse(a.hits[i].First)
		if prev < 0 || prev != a.hits[i].First-1 {
			return attrFind{}
		}
		toks = a.tokens(prev)
		lo = len(toks)
	}
	hi := lo
	for hi > 0 && attrIsPunct(toks[hi-1], ".!?") {
		hi--
	}
	if hi == 0 {
		return attrFind{}
	}
	from := a.attrSentenceStart(toks, hi)
	for j := from; j < hi; j++ {
		if toks[j].kind == attrQuote || attrIsPunct(toks[j], ":") {
			return attrFind{}
		}
	}
	return a.clauseOwner(toks, from, hi)
}

// attrSignature reads a speaker named by layout right after a quote: a
// dash and a name that ends the line or the sentence (“…” ― Sonya
// Herridge).
func attrSignature(toks []attrTok, qi int) attrFind {
	j := qi + 1
	if j >= len(toks) || !attrIsPunct(toks[j], "―—–") {
		return attrFind{}
	}
	j++
	e := j
	for e < len(toks) && e-j < 6 && toks[e].kind == attrWord && (toks[e].upper || NameParticle(toks[e].low)) {
		e++
	}
	if e-j < 2 || e-j > 5 || !toks[e-1].upper {
		return attrFind{}
	}
	if e < len(toks) && !attrIsPunct(toks[e], ".,") && toks[e].kind != attrQuote {
		return attrFind{}
	}
	return attrFind{kind: attrNamed, toks: toks, from: j, to: e}
}

// attrSkipTag returns the index of the ")" closing the short parenthesis
// opened at toks[k] (a party tag, an acronym), or k.
func attrSkipTag(toks []attrTok, k int) int {
	for p := k + 1; p < len(toks) && p-k <= 8; p++ {
		if attrIsPunct(toks[p], ")") {
			return p
		}
		if toks[p].kind == attrQuote {
			break
		}
	}
	return k
}

// attrClauseOpeners open, after a comma, a clause with a subject of its
// own, whose quote the main subject need not have said.
var attrClauseOpeners = lexicon.Set(lexicon.ClauseOpeners)
