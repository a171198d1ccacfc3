package attribution

import (
	"strings"

	"github.com/byline-reader/byline/model/quote/attribution/lexicon"
)

// Attribution: who said each quote.
//
// The rules, in the order they are tried for one quote:
//  1. Right after the quote, in the same sentence: a noun phrase and a
//     speech verb (“…,” Putin said / the ministry said in a statement), a
//     speech verb and a noun phrase (“…,” said Jane Doe, a spokeswoman),
//     or "according to" and a noun phrase.
//  2. Before the quote, in the same sentence: the nearest speech verb that
//     has a subject (Putin warned: “…” / the ministry said that “…” / Smith
//     called it “…”), skipping participles (issued a statement demanding
//     that “…”) and passing appositions (Jane Doe, a spokeswoman, said “…”).
//     A verb whose subject is "that" or "which" (a pact that stated …)
//     ends the search: the speaker stays unknown.
//  3. A participle with no subject of its own (“…,” adding that …) and a
//     pronoun (he added, she said) carry over the latest speaker or the
//     person last named as the subject of a sentence, whichever is nearer.
//  4. A quote after a colon with no speech verb: the subject of the clause
//     before the colon (Sherwood was direct: “…”; Her message was short:
//     “…”), or the last speaker when the clause has none (Then, after a
//     pause: “…”); "and said"/"but said" take the sentence's subject.
//  5. A quote that opens its sentence with no attribution of its own: the
//     sentence before it when that ends with a colon, else the speaker of
//     the quote just before it in the same or the previous paragraph.
//  6. With no speech verb at all (attribution_partial.go): a name signed
//     under the quote (― Name); a partial quote takes the subject of its
//     sentence when that names someone; a quote sentence the subject of
//     the sentence before it.
//
// Pronouns follow the rules of attribution_refs.go: the latest speaker or
// sentence subject that fits the pronoun's gender and kind.
//
// A noun phrase becomes a speaker by dropping its article and the titles
// and roles before a name ("National Security Council spokesman John
// Kirby" → "John Kirby", "Russian President Vladimir Putin" → "Vladimir
// Putin"); organisations stay whole ("Russian Foreign Ministry"); a
// surname alone, with or without Mr./Ms./Dr., is resolved to the latest
// full mention of that name before it (else the first), a first name or a
// nickname to the full name; "the statement" is whoever spoke last; "the
// ministry" is the latest speaker whose name holds "ministry"; "the agency"
// or "the company" is the organisation named or speaking last.

// attrMaxSentence caps the tokens looked at back from a quote.
const attrMaxSentence = 80

// attrFindKind says what an attribution rule found.
type attrFindKind uint8

const (
	attrNone    attrFindKind = iota
	attrNamed                // a noun phrase, toks[from:to]
	attrPronoun              // he/she/they/it: carry over
	attrCarry                // a participle without subject: carry over
	attrStop                 // a subject that cannot be named: unknown
	attrNull                 // a verb whose language dropped its subject (nullsubject.go)
)

type attrFind struct {
	kind     attrFindKind
	toks     []attrTok
	from, to int
}

type attributor struct {
	md          string
	blocks      []Block
	hits        []Quote
	toks        [][]attrTok // per block, made on demand
	names       attrNames
	speakers    []string
	lastSpeaker string
	lastPos     int
	spoken      []attrFull // the speakers named so far and where
	lang        *attrLang  // the article's language when not English (lang.go)
}

// attributeQuotes names the speaker of each quote, "" when unknown.
func attributeQuotes(md string, blocks []Block, hits []Quote) []string {
	a := &attributor{md: md, blocks: blocks, hits: hits, toks: make([][]attrTok, len(blocks)), lastPos: -1}
	a.lang = attrDetectLang(md)
	a.speakers = make([]string, len(hits))
	a.collectNames()
	for i := range hits {
		a.attribute(i)
	}
	return a.speakers
}

func (a *attributor) tokens(bi int) []attrTok {
	if a.toks[bi] == nil {
		b := a.blocks[bi]
		a.toks[bi] = a.read(attrTokenize(a.md, b.Start, b.End, a.hits))
	}
	return a.toks[bi]
}

// read turns the tokens of a block into what the rules read: words of
// another language mapped onto English ones (lang.go), headline lines
// (layout.go) and phrasal speech verbs (phrasal.go).
func (a *attributor) read(toks []attrTok) []attrTok {
	return attrJoinPhrasals(attrReadHeadlines(a.md, a.lang.localize(a.md, toks)))
}

func (a *attributor) attribute(i int) {
	h := a.hits[i]
	endToks, startToks := a.tokens(h.Last), a.tokens(h.First)
	qe, qs := attrQuoteIndex(endToks, i), attrQuoteIndex(startToks, i)
	f := a.after(endToks, qe)
	if f.kind != attrNone && attrEndsWithPeriod(h.Text) && !attrSaysNext(endToks, qe) && attrSignature(endToks, qe).kind == attrNone {
		f = attrFind{} // “….” The next sentence is not an attribution.
	}
	if f.kind == attrNull {
		a.set(i, a.nullSubject(h.Open, h.First), -1)
		return
	}
	if f.kind != attrNamed && f.kind != attrPronoun {
		b := a.before(startToks, qs)
		if b.kind != attrNone || f.kind == attrNone {
			f = b
		}
	}
	switch f.kind {
	case attrNamed:
		a.set(i, a.speakerOf(f.toks, f.from, f.to), f.toks[f.from].start)
	case attrNone:
		if g := a.partialOwner(startToks, qs); g.kind == attrNamed {
			a.set(i, a.speakerOf(g.toks, g.from, g.to), g.toks[g.from].start)
			return
		} else if g.kind == attrPronoun {
			a.set(i, a.speakerFrom(g, h.Open), -1)
			return
		}
		a.set(i, a.continuation(i, startToks, qs), -1)
	default:
		subj := a.sentenceSubject(f)
		switch {
		case subj.kind == attrNamed:
			if name := a.speakerOf(subj.toks, subj.from, subj.to); !lexicon.Place(name) {
				a.set(i, name, subj.toks[subj.from].start)
			} // a place carried over "saying" is no speaker
			return
		case subj.kind == attrPronoun && f.kind == attrCarry:
			f = subj // "She escalated her criticism, telling CNN …"
		}
		a.set(i, a.speakerFrom(f, h.Open), -1)
	}
}

// sentenceSubject returns the subject a sentence opens with when a pronoun
// or a participle later in it refers back to it: "Russia's foreign
// ministry on Sunday summoned the ambassador over what it called …".
func (a *attributor) sentenceSubject(f attrFind) attrFind {
	toks, hi := f.toks, f.from
	i := a.attrSentenceStart(toks, hi)
	for k := i; k < hi && k-i < 12; k++ {
		if attrIsPunct(toks[k], "—–-") {
			i = k + 1 // a dateline: "MOSCOW, March 3 (Reuters) - …"
			break
		}
	}
	if i < hi && toks[i].kind == attrWord && (attrStops[toks[i].low] || attrIsVerb(toks[i])) {
		for i < hi && !attrIsPunct(toks[i], ",") {
			i++
		}
		i++ // an opening phrase: "In response, …"
	}
	if i >= hi || toks[i].kind != attrWord {
		return attrFind{}
	}
	subj := attrForwardNP(toks, i)
	if attrPronouns[toks[i].low] {
		subj = attrNP(toks, i, i+1) // "She escalated her criticism, telling …"
	}
	if subj.kind == attrNamed && (subj.to-subj.from >= 3 || (subj.to-subj.from == 2 && toks[subj.from].upper)) && attrPastTense(toks[subj.to-1]) {
		subj.to-- // "An OMB spokesperson declined to …"
	}
	for k := subj.from + 1; subj.kind == attrNamed && k < subj.to; k++ {
		if toks[k-1].upper && (attrPastTense(toks[k]) || f.kind == attrCarry && attrSkips[toks[k].low]) {
			subj.to = k // "Van Der Beek revealed the news of …", "Van Der Beek even touched upon"
		}
	}
	if subj.kind == attrPronoun && f.kind == attrCarry && subj.to < hi && toks[subj.to].kind == attrWord && !toks[subj.to].upper {
		return subj
	}
	if subj.kind != attrNamed || subj.to >= hi {
		return attrFind{}
	}
	if f.kind == attrPronoun && toks[f.from].low != "it" && attrOrgs[toks[subj.to-1].low] {
		return attrFind{} // he or she is not the ministry
	}
	k := subj.to
	if k < hi && attrIsPunct(toks[k], ",") && k+1 < hi && toks[k+1].low == "who" {
		for k++; k < hi && !attrIsPunct(toks[k], ","); k++ { // "Clinton, who was speaking there, told"
		}
		k++
	}
	for k < hi && toks[k].kind == attrWord && attrSkip(toks[k]) {
		k++
	}
	if k < hi && toks[k].kind == attrWord && !toks[k].upper && !attrStops[toks[k].low] {
		return subj
	}
	if k == hi && k > subj.to && f.kind == attrCarry {
		return subj // "Dana Whitfield is urging voters to “…”"
	}
	return attrFind{}
}

// set records the speaker of quote i; pos is where the speaker is named,
// or -1 when carried over.
func (a *attributor) set(i int, speaker string, pos int) {
	speaker = attrTrimAdverbs(speaker)
	if !attrNamesSomeone(speaker) {
		speaker = "" // "timing of Sanders", "2002 psychology class": unsure
	}
	a.speakers[i] = speaker
	if speaker == "" {
		return
	}
	a.lastSpeaker = speaker
	if pos < 0 {
		pos = a.hits[i].Open
	}
	a.lastPos = pos
	a.spoken = append(a.spoken, attrFull{pos: pos, name: speaker})
}

// attrQuoteIndex returns the index of the token of quote q, or len(toks).
func attrQuoteIndex(toks []attrTok, q int) int {
	for i, t := range toks {
		if t.kind == attrQuote && t.q == q {
			return i
		}
	}
	return len(toks)
}

// attrSentenceStart returns the index of the first token of the sentence
// holding toks[qi].
func (a *attributor) attrSentenceStart(toks []attrTok, qi int) int {
	for j := min(qi, len(toks)) - 1; j >= 0; j-- {
		if qi-j > attrMaxSentence {
			return j + 1
		}
		t := toks[j]
		if attrIsPunct(t, ".!?;") && j+1 < len(toks) && (attrIsPunct(toks[j+1], ",;") || (toks[j+1].kind == attrWord && !toks[j+1].upper)) {
			continue // R-La., or an abbreviation
		}
		if attrIsPunct(t, ".!?;") || (t.kind == attrQuote && attrEndsSentence(a.hits[t.q].Text)) {
			return j + 1
		}
	}
	return 0
}

func attrEndsSentence(text string) bool {
	for i := len(text) - 1; i >= 0; i-- {
		switch text[i] {
		case '.', '!', '?':
			return true
		case ' ', '\n', '*', '_', ')':
			continue
		}
		return false
	}
	return false
}

// after looks for the attribution that follows the quote toks[qi].
func (a *attributor) after(toks []attrTok, qi int) attrFind {
	if f := attrSignature(toks, qi); f.kind != attrNone {
		return f
	}
	j := qi + 1
	for j < len(toks) && attrIsPunct(toks[j], ",—–-") {
		j++
	}
	if j >= len(toks) || toks[j].kind != attrWord {
		return attrFind{}
	}
	t := toks[j]
	switch {
	case t.low == "according" && j+1 < len(toks) && toks[j+1].low == "to":
		return attrForwardNP(toks, j+2)
	case attrIsVerb(t) && attrIsParticiple(t):
		return attrFind{kind: attrCarry, toks: toks, from: j}
	case attrIsVerb(t) && t.low != "told" && t.low != "tells":
		if f := attrForwardNP(toks, j+1); f.kind != attrNone || !a.dropsSubject(toks, j) {
			return f
		}
		return attrFind{kind: attrNull, toks: toks, from: j}
	}
	return attrSubjectThenVerb(toks, j)
}

// attrSubjectThenVerb matches "NP [adverbs] verb" starting at toks[j]
// (“…,” Japanese government spokesman Yoshimasa Hayashi said), also with
// an apposition (“…,” Smith, who leads the group, said).
func attrSubjectThenVerb(toks []attrTok, j int) attrFind {
	end := j // end of the noun phrase
	for k := j; k < len(toks) && k-j < 10; k++ {
		t := toks[k]
		if attrIsPunct(t, "(") && k > j {
			k = attrSkipTag(toks, k) // Rep. John Mica (R-Fla.) said
			continue
		}
		if t.kind != attrWord {
			if k > j && attrIsPunct(t, ",") {
				return attrAppositionThenVerb(toks, j, end, k)
			}
			return attrFind{}
		}
		if attrIsVerb(t) && k > j && !attrDeterminers[toks[k-1].low] {
			if attrIsParticiple(t) || end == j {
				return attrFind{}
			}
			return attrNP(toks, j, end)
		}
		switch {
		case attrSkip(t) && k > j:
			continue
		case attrDeterminers[t.low] && k > j && !attrJoins[toks[k-1].low]:
			return attrFind{} // "Sanders won his home state": no noun phrase
		case attrStops[t.low] && k > j && attrJoinsModifier(toks, k, j):
		case attrStops[t.low] || attrIsVerb(t):
			return attrFind{}
		}
		end = k + 1
	}
	return attrFind{}
}

// attrAppositionThenVerb matches ", apposition, verb" after the noun
// phrase toks[j:end], the first comma at toks[c]. An apposition that is a
// name's description may hold commas of its own or run to the verb
// without one (“…,” Jim Chilton, vice president at Boeing Defense, Space,
// and Security, said; Kurinji Selvaraj, an analyst at the think tank told).
func attrAppositionThenVerb(toks []attrTok, j, end, c int) attrFind {
	np := attrNP(toks, j, end)
	long := attrIsName(np) && c+1 < len(toks) && toks[c+1].kind == attrWord && !toks[c+1].upper
	for k := c + 1; k < len(toks) && (k-c < 16 || long && k-c < 32); k++ {
		t := toks[k]
		if attrIsPunct(t, ",") {
			if k+1 < len(toks) && attrIsVerb(toks[k+1]) && !attrIsParticiple(toks[k+1]) && k > c+1 {
				if seg := attrNP(toks, c+1, k); attrIsName(seg) && !attrIsName(np) {
					return seg
				}
				return np
			}
			if !long || k == c+1 {
				return attrFind{}
			}
			continue
		}
		if long && k > c+2 && attrIsVerb(t) && attrSayVerbs[t.low] && toks[k-1].kind == attrWord {
			return np // no comma closes the description
		}
		if t.kind != attrWord && !attrIsPunct(t, "-’'") {
			return attrFind{}
		}
	}
	return attrFind{}
}

// attrNP wraps the noun phrase toks[from:to], telling pronouns apart.
func attrNP(toks []attrTok, from, to int) attrFind {
	if to <= from {
		return attrFind{}
	}
	if to-from == 1 && attrPronouns[toks[from].low] {
		return attrFind{kind: attrPronoun, toks: toks, from: from, to: to}
	}
	return attrFind{kind: attrNamed, toks: toks, from: from, to: to}
}

// attrForwardNP reads the noun phrase that starts at toks[j] (said Jane
// Doe, …; according to the ministry). A bare role followed by a name
// (said the ministry’s spokeswoman, Maria Zakharova) gives the name.
func attrForwardNP(toks []attrTok, j int) attrFind {
	k := j
	for k < len(toks) && k-j < 8 && toks[k].kind == attrWord && !attrStops[toks[k].low] && !attrIsVerb(toks[k]) {
		k++
	}
	if k == j {
		return attrFind{}
	}
	if !toks[k-1].upper && k+1 < len(toks) && attrIsPunct(toks[k], ",") && toks[k+1].upper {
		n := k + 1
		for n < len(toks) && n-k < 5 && toks[n].kind == attrWord && toks[n].upper {
			n++
		}
		return attrNP(toks, k+1, n)
	}
	return attrNP(toks, j, k)
}

// before looks for the attribution earlier in the sentence of toks[qi].
func (a *attributor) before(toks []attrTok, qi int) attrFind {
	lo := a.attrSentenceStart(toks, qi)
	participle := -1
	for j := min(qi, len(toks)) - 1; j >= lo; j-- {
		t := toks[j]
		if t.kind != attrWord {
			continue
		}
		if t.low == "according" && j+1 < len(toks) && toks[j+1].low == "to" {
			return attrForwardNP(toks, j+2)
		}
		if !attrIsVerb(t) || (j > lo && (attrDeterminers[toks[j-1].low] || attrPossessive(toks[j-1].low))) {
			continue
		}
		if j+1 < len(toks) && toks[j+1].low == "to" && strings.HasPrefix(t.low, "continu") {
			continue // "will continue to be"
		}
		if attrIsParticiple(t) {
			if participle < 0 {
				participle = j
			}
			continue
		}
		if f := attrSubject(toks, j, lo); f.kind != attrNone {
			return f
		}
	}
	if participle >= 0 {
		return attrFind{kind: attrCarry, toks: toks, from: participle}
	}
	if qi-1 >= lo && qi-1 < len(toks) && attrIsPunct(toks[qi-1], ":") {
		return a.clauseSubject(toks, lo, qi-1)
	}
	return attrFind{}
}

// attrSubject finds the subject of the verb toks[j].
func attrSubject(toks []attrTok, j, lo int) attrFind {
	k := j - 1
	for k >= lo && toks[k].kind == attrWord && attrSkip(toks[k]) && !attrPronouns[toks[k].low] {
		k--
	}
	if k > lo && attrIsPunct(toks[k], ")") {
		k = attrSkipParens(toks, k, lo) // the World Food Programme (WFP) said
	}
	if k < lo {
		return attrFind{}
	}
	t := toks[k]
	switch {
	case t.low == "and" || t.low == "but":
		return attrFind{kind: attrCarry, toks: toks, from: j} // … and said
	case attrIsPunct(t, ","):
		return attrAppositionBefore(toks, k, lo)
	case t.kind != attrWord || attrIsVerb(t):
		return attrFind{} // "said state engineers": state is no verb here
	case t.low == "that" || t.low == "which":
		return attrFind{kind: attrStop}
	case t.low == "who":
		if k-1 >= lo && attrIsPunct(toks[k-1], ",") {
			if f := attrAppositionBefore(toks, k-1, lo); f.kind != attrNone {
				return f
			}
			k--
		}
		return attrBackwardNP(toks, k-1, lo)
	}
	return attrBackwardNP(toks, k, lo)
}

// attrBackwardNP reads the noun phrase that ends at toks[k], leftwards to a
// function word, a punctuation mark or an article.
func attrBackwardNP(toks []attrTok, k, lo int) attrFind {
	if k < lo || toks[k].kind != attrWord {
		return attrFind{}
	}
	if attrPronouns[toks[k].low] {
		return attrNP(toks, k, k+1)
	}
	from := k + 1
	for i := k; i >= lo && k-i < 8; i-- {
		t := toks[i]
		if t.kind != attrWord || (i != k && attrIsVerb(t)) || attrPronouns[t.low] {
			break
		}
		if attrStops[t.low] && !attrJoinsModifier(toks, i, lo) {
			break
		}
		from = i
		if attrDeterminers[t.low] {
			break
		}
	}
	return attrNP(toks, from, k+1)
}
