package attribution

import (
	"sort"
	"strings"

	"github.com/byline-reader/byline/model/quote/attribution/lexicon"
)

// Coreference: who a pronoun, a subject-less participle or "the company"
// stands for. The candidates are the speakers so far and the people and
// bodies named before, latest first; see antecedent for how one is chosen.

// attrRef is a candidate antecedent.
type attrRef struct {
	pos    int
	name   string
	person bool
}

// attrRefKind tells an organisation ('o'), a group of people ('g') and
// anyone else (0) apart by the name.
func attrRefKind(name string) byte {
	if attrOrgName(name) {
		return 'o'
	}
	if name != "" && name[0] >= 'a' && name[0] <= 'z' {
		for _, w := range strings.Fields(name) {
			if attrGroupWords[w] || (len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")) {
				return 'g'
			}
		}
	}
	return 0
}

var attrGroupWords = lexicon.Set(`people officials sources residents analysts experts critics others`)

// antecedent is who a pronoun or a subject-less participle at pos refers
// to. The candidates, latest first, are the speakers and the subjects of
// sentences; "he" and "she" go to the first that agrees in gender and is
// no organisation, group or place, unless a person named elsewhere in a
// sentence (To professor Brigid Harrison, …) is later and known to agree
// while the candidate's gender is unknown.
func (a *attributor) antecedent(pos int, word string) string {
	ms := a.names.mentions
	k := sort.Search(len(ms), func(i int) bool { return ms[i].pos >= pos }) - 1
	s := len(a.spoken) - 1
	gendered := attrPersonal(word)
	other := ""
	for steps := 0; steps < 60 && (k >= 0 || s >= 0); steps++ {
		var r attrRef
		switch {
		case k >= 0 && (s < 0 || ms[k].pos > a.spoken[s].pos):
			m := ms[k]
			k--
			if !m.subject && !m.org {
				if gendered && other == "" && a.knownFit(m.name, word) {
					other = m.name
				}
				continue
			}
			r = attrRef{pos: m.pos, name: m.name, person: m.person}
			if gendered && m.pair != "" && attrRefKind(m.name) == 0 {
				if name, ok := a.eitherOf(m.name, m.pair, word, pos); ok {
					return name
				}
				continue
			}
		default:
			r = attrRef{pos: a.spoken[s].pos, name: a.spoken[s].name}
			s--
		}
		if a.fits(r, word) {
			return r.name
		}
	}
	if other != "" {
		return other
	}
	return a.latest(pos, word == "it" || word == "they", "")
}

// attrPersonal reports "he" or "she" (he’d, she’s, his, her).
func attrPersonal(word string) bool {
	if k := strings.IndexAny(word, "’'"); k > 0 {
		word = word[:k]
	}
	switch word {
	case "he", "she", "his", "her":
		return true
	}
	return false
}

// knownFit reports a person whose gender is known to agree with word.
func (a *attributor) knownFit(name, word string) bool {
	return a.genderOf(name) != 0 && a.fits(attrRef{name: name, person: true}, word)
}

// fits reports whether r can be what word refers to, learning the gender
// of a name that "he" or "she" goes to.
func (a *attributor) fits(r attrRef, word string) bool {
	kind := attrRefKind(r.name)
	g := a.genderOf(r.name)
	if k := strings.IndexAny(word, "’'"); k > 0 {
		word = word[:k] // he’d, she’s
	}
	switch word {
	case "his":
		word = "he"
	case "her":
		word = "she"
	case "its":
		word = "it"
	case "their":
		word = "they"
	}
	switch word {
	case "he", "she":
		want := byte('m')
		if word == "she" {
			want = 'f'
		}
		if kind != 0 || (g != 0 && g != want) || lexicon.Place(r.name) || (g == 0 && attrAcronym(r.name)) {
			return false
		}
		if g == 0 && attrCapital(r.name) {
			a.names.gender[r.name] = want
		}
		return true
	case "it":
		return kind == 'o' || (kind == 0 && g == 0 && !r.person && !a.names.person[r.name])
	case "they":
		return g == 0
	}
	return !lexicon.Place(r.name) // a participle: "The United States, saying …"
}

// genderOf is the gender of a name: as the text tells it (Mr., his wife,
// a pronoun that went to it), else as its first name does.
func (a *attributor) genderOf(name string) byte {
	if g := a.names.gender[name]; g != 0 {
		return g
	}
	return lexicon.NameGender(name)
}

// attrGenericOrgs are nouns that stand for whichever organisation was
// named last ("the agency", "the company"), whatever its name.
var attrGenericOrgs = lexicon.Set(lexicon.GenericOrgs)

// latestOrg returns the organisation that was the subject of a sentence
// or spoke last before pos; failing that, the latest subject or speaker
// not known to be a person (Kalemba Copper, National Grid).
func (a *attributor) latestOrg(pos int) string {
	var refs []attrRef
	ms := a.names.mentions
	k := sort.Search(len(ms), func(i int) bool { return ms[i].pos >= pos }) - 1
	s := len(a.spoken) - 1
	for len(refs) < 40 && (k >= 0 || s >= 0) {
		if k >= 0 && (s < 0 || ms[k].pos > a.spoken[s].pos) {
			if ms[k].subject {
				refs = append(refs, attrRef{pos: ms[k].pos, name: ms[k].name, person: ms[k].person})
			}
			k--
			continue
		}
		refs = append(refs, attrRef{pos: a.spoken[s].pos, name: a.spoken[s].name})
		s--
	}
	for _, r := range refs {
		if attrRefKind(r.name) == 'o' {
			return r.name
		}
	}
	for _, r := range refs {
		if attrRefKind(r.name) == 0 && attrCapital(r.name) && !r.person && !a.names.person[r.name] && a.names.gender[r.name] == 0 {
			return r.name
		}
	}
	return ""
}

// eitherOf chooses between two people who were the subject of a sentence
// together (Tom Baker and Mike Dunn met the press) for "he" or "she":
// the one whose gender agrees when the other's does not or is unknown,
// else the one named at least twice as often before pos (the person the
// article is about), else nobody; ok is false when neither agrees.
func (a *attributor) eitherOf(first, second, word string, pos int) (string, bool) {
	want := attrWant(word)
	g1, g2 := a.genderOf(first), a.genderOf(second)
	ok1, ok2 := g1 == 0 || g1 == want, g2 == 0 || g2 == want
	switch {
	case !ok1 && !ok2:
		return "", false
	case !ok2 || (g1 == want && g2 == 0):
		return first, true
	case !ok1 || (g2 == want && g1 == 0):
		return second, true
	}
	n1, n2, last := 0, 0, -1
	for _, m := range a.names.mentions {
		if m.pos >= pos {
			break
		}
		if m.pos == last {
			continue // one name read both as a name and as a subject
		}
		last = m.pos
		switch m.name {
		case first:
			n1++
		case second:
			n2++
		}
	}
	switch {
	case n1 > n2 && n1 >= 2*n2:
		return first, true
	case n2 > n1 && n2 >= 2*n1:
		return second, true
	}
	return "", true
}

// attrWant is the gender "he" or "she" (his, her, he’d) asks for.
func attrWant(word string) byte {
	if k := strings.IndexAny(word, "’'"); k > 0 {
		word = word[:k]
	}
	if word == "she" || word == "her" {
		return 'f'
	}
	return 'm'
}
