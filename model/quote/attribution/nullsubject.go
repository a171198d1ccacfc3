package attribution

import (
	"sort"
	"strings"

	"github.com/byline-reader/byline/model/quote/attribution/lexicon"
)

// Null subjects: Spanish and Portuguese drop the subject a speech verb
// would carry in English («…», dijo. / “…”, disse. / «…», añadió.). The
// verb then stands for the person who spoke or was the subject of a
// sentence last, in the quote's paragraph or the one before it; an
// organisation ("el PP", "o Governo") only when no person was named
// there since.

// dropsSubject reports a speech verb toks[j] with no subject after it, in
// a language that drops subjects: the sentence ends after it, or a phrase
// with no name does (dijo a la prensa).
func (a *attributor) dropsSubject(toks []attrTok, j int) bool {
	if a.lang == nil || !a.lang.NullSubject {
		return false
	}
	for k := j + 1; k < len(toks) && k-j <= 8; k++ {
		switch t := toks[k]; {
		case attrIsPunct(t, ".!?;") || t.kind == attrQuote:
			return true
		case t.kind == attrWord && t.upper && !attrDeterminers[t.low]:
			return false
		}
	}
	return j+1 >= len(toks)
}

// nullSubject is who a subject-less speech verb for the quote at pos in
// block bi stands for (see above), or "".
func (a *attributor) nullSubject(pos, bi int) string {
	lo := a.blocks[bi].Start
	if prev := a.prevProse(bi); prev >= 0 {
		lo = a.blocks[prev].Start
	}
	ms := a.names.mentions
	k := sort.Search(len(ms), func(i int) bool { return ms[i].pos >= pos }) - 1
	s := len(a.spoken) - 1
	org := ""
	for steps := 0; steps < 40; steps++ {
		var r attrRef
		switch {
		case k >= 0 && (s < 0 || ms[k].pos > a.spoken[s].pos):
			m := ms[k]
			k--
			if !m.subject {
				continue
			}
			r = attrRef{pos: m.pos, name: m.name, person: m.person}
		case s >= 0:
			r = attrRef{pos: a.spoken[s].pos, name: a.spoken[s].name}
			s--
		}
		if r.name == "" || r.pos < lo {
			return org
		}
		switch {
		case a.names.person[r.name] || r.person || (attrRefKind(r.name) == 0 && !attrAcronym(r.name) && !lexicon.Place(r.name)):
			return r.name
		case org == "" && !lexicon.Place(r.name):
			org = r.name
		}
	}
	return org
}

// attrAcronym reports a name written in capitals only: a party or a body
// (PP, PSOE, FMI), not a person.
func attrAcronym(name string) bool {
	return len(name) >= 2 && strings.ToUpper(name) == name && strings.ToLower(name) != name
}
