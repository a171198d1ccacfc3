package attribution

import (
	"strings"

	"github.com/byline-reader/byline/model/quote/attribution/lexicon"
)

// Referents: who "he", "she", "it" and "they" stand for.
//
// Every sentence's subject is remembered when it names someone ("Her
// neighbor, Tom Greer, was less worried", "Back on the seafront, Ms Morgan
// was sweeping", "Reporting from Mingora, Al Jazeera's Farhan Rafiq said"),
// as is a person named after "according to". A pronoun goes to the latest
// speaker or remembered subject that fits it: "he" and "she" skip
// organisations, groups ("officials", "some of her colleagues") and people
// known to be of the other gender (Mr., Ms., "his wife, Karin", "Linda
// Pruitt said she …", or an earlier "she said" that went to them); "it"
// skips people.

func (n *attrNames) addFull(last, first, name string, pos int) {
	if l := n.full[last]; len(l) == 0 || l[len(l)-1].name != name {
		n.full[last] = append(l, attrFull{pos: pos, name: name})
	}
	if _, ok := n.first[first]; !ok && first != last {
		n.first[first] = name
	}
}

// attrHonorific returns the gender an honorific before toks[from] gives.
func attrHonorific(toks []attrTok, from, lo int) byte {
	if from-1 < lo {
		return 0
	}
	switch toks[from-1].low {
	case "mr.", "mr":
		return 'm'
	case "ms.", "ms", "mrs.", "mrs", "miss":
		return 'f'
	}
	return 0
}

// attrOpeners open a sentence with a phrase before its subject.
var attrOpeners = lexicon.Set(lexicon.Openers)

// scanSubjects remembers the subjects of the sentences of a block.
func (a *attributor) scanSubjects(n *attrNames, toks []attrTok) {
	for s := 0; s < len(toks); {
		e := s
		for e < len(toks) && !(attrIsPunct(toks[e], ".!?") && !attrAbbrevDot(toks, e)) && !a.quoteEndsSentence(toks, e) {
			e++
		}
		st := toks[s:e]
		a.rememberSubject(n, st)
		a.rememberClauseSubjects(n, st)
		a.scanAccordingTo(n, st)
		a.scanNickname(n, st)
		s = e + 1
	}
}

// attrAbbrevDot reports a full stop toks[e] that a comma or a lower-case
// word follows: an abbreviation's (Tulsa, Okla., police officer …).
func attrAbbrevDot(toks []attrTok, e int) bool {
	return e+1 < len(toks) && (attrIsPunct(toks[e+1], ",") || (toks[e+1].kind == attrWord && !toks[e+1].upper))
}

// quoteEndsSentence reports a quote toks[e] that ends its sentence
// before a capitalised word: “… we will win.” Smith said.
func (a *attributor) quoteEndsSentence(toks []attrTok, e int) bool {
	return toks[e].kind == attrQuote && e+1 < len(toks) && toks[e+1].kind == attrWord &&
		toks[e+1].upper && attrEndsSentence(a.hits[toks[e].q].Text)
}

// rememberSubject remembers the subject a sentence opens with when it
// names someone.
func (a *attributor) rememberSubject(n *attrNames, st []attrTok) {
	i := 0
	for i < len(st) && st[i].kind == attrPunct {
		i++
	}
	for k := i; k < len(st) && k-i < 12; k++ {
		if (attrIsPunct(st[k], "—–") && !attrDashPair(st, k)) || (attrIsPunct(st[k], "-") && k > 0 && attrIsPunct(st[k-1], ")")) {
			i = k + 1 // a dateline
			break
		}
	}
	if i >= len(st) || st[i].kind != attrWord {
		return
	}
	switch {
	case attrLoneOpeners[st[i].low] && i+1 < len(st) && st[i+1].kind == attrWord && st[i+1].upper:
		i++ // "Meanwhile Rihanna, who …", "And North Carolina’s Ada Fisher"
	case attrOpeners[st[i].low] || (attrIsParticiple(st[i]) && st[i].upper):
		c, paren := i, 0 // words in parentheses do not count: While X (only three …), Early says
		for c < len(st) && c-i-paren < 16 && !attrIsPunct(st[c], ",") && st[c].kind != attrQuote {
			if attrIsPunct(st[c], "(") {
				for e := c; e < len(st) && e-c < 40; e++ {
					if attrIsPunct(st[e], ")") {
						paren, c = paren+e-c, e
						break
					}
				}
			}
			c++
		}
		if c >= len(st) || !attrIsPunct(st[c], ",") {
			return
		}
		i = a.skipPlace(st, c+1)
	}
	if i >= len(st) || st[i].kind != attrWord || attrPronouns[st[i].low] {
		return
	}
	if m, ok := a.subjectMention(n, st, i); ok {
		n.mentions = append(n.mentions, m)
	}
}

// subjectMention reads the subject that starts at st[i]: a name ("Brennan,
// a gruff 66-year-old", "Al Jazeera's Farhan Rafiq", "Mayor Denise
// Kowalski"), a description with a name in apposition ("Her husband, Derek,
// who …") or an organisation ("The National Weather Service").
func (a *attributor) subjectMention(n *attrNames, st []attrTok, i int) (attrMention, bool) {
	d := i
	for i < len(st) && st[i].kind == attrWord && attrDeterminers[st[i].low] {
		i++
	}
	if i >= len(st) || st[i].kind != attrWord {
		return attrMention{}, false
	}
	if st[i].upper {
		j := attrCapRun(st, i)
		if d > 0 && j < len(st) && attrIsPunct(st[d-1], "*_") && attrIsPunct(st[j], "*_") {
			return attrMention{}, false // a title in italics: *The Last Hot Time*, a novel, …
		}
		if attrPossessive(st[j-1].low) && j < len(st) && st[j].kind == attrWord && st[j].upper {
			i, j = j, attrCapRun(st, j) // an affiliation: Al Jazeera's Farhan Rafiq
		}
		j = attrExtendOrg(st, i, j)
		if attrOrgName(a.md[st[i].start:st[j-1].end]) && j+1 < len(st) && attrNounBeforeName(st, j) {
			if m, ok := a.roleNameMention(n, st, i); ok {
				return m, true // a body's role before a name: Top Republican Party donor Sheldon Adelson
			}
		}
		if j < len(st) && (st[j].kind != attrWord || !attrPossessive(st[j-1].low)) {
			if m, ok := a.nameMention(n, st, i, j, 0, d == i); ok {
				m.pair = a.pairedName(st, j)
				return m, true
			}
		}
	}
	if m, ok := a.roleNameMention(n, st, i); ok {
		return m, true
	}
	return a.appositionMention(n, st, d)
}

// attrPrepositions never stand between a role and a name.
var attrPrepositions = lexicon.Set(lexicon.Prepositions)

// attrLoneOpeners may open a sentence before its subject with no comma.
var attrLoneOpeners = lexicon.Set(lexicon.LoneOpeners)

// attrDashPair reports a dash st[k] that a second one closes later in the
// sentence: an apposition (Gov. Chris Christie – a Cowboys fan – gave),
// not a dateline.
func attrDashPair(st []attrTok, k int) bool {
	for m := k + 1; m < len(st) && m-k <= 12; m++ {
		if attrIsPunct(st[m], "—–") {
			return true
		}
	}
	return false
}

// skipPlace returns the index after a place and its comma at st[i], the
// end of an opening phrase (Speaking in Salem, New Hampshire, Trump …),
// or i.
func (a *attributor) skipPlace(st []attrTok, i int) int {
	if i >= len(st) || st[i].kind != attrWord || !st[i].upper {
		return i
	}
	j := attrCapRun(st, i)
	if j < len(st) && attrIsPunct(st[j], ",") && lexicon.Place(a.md[st[i].start:st[j-1].end]) {
		return j + 1
	}
	return i
}

// roleNameMention reads a name after the modifiers and the role that
// describe it: "Florida delegate John Archer", "Political analyst David
// Bositis", "Democratic front-runner Hillary Clinton".
func (a *attributor) roleNameMention(n *attrNames, st []attrTok, i int) (attrMention, bool) {
	for k := i; k < len(st) && k-i < 5; k++ {
		t := st[k]
		if t.kind != attrWord || attrStops[t.low] || attrOpeners[t.low] || attrPrepositions[t.low] || (!t.upper && attrIsVerb(t)) {
			return attrMention{}, false
		}
		if !t.upper && k+1 < len(st) && st[k+1].kind == attrWord && st[k+1].upper {
			j := attrCapRun(st, k+1)
			if j-(k+1) < 2 || j >= len(st) || attrPossessive(st[j-1].low) || attrRoles[st[j-1].low] || attrOrgs[st[j-1].low] ||
				(st[j].kind == attrWord && attrJoins[st[j].low]) {
				return attrMention{}, false
			}
			return a.nameMention(n, st, k+1, j, 0, false)
		}
	}
	return attrMention{}, false
}

// appositionMention reads "a description, Name," from st[d].
func (a *attributor) appositionMention(n *attrNames, st []attrTok, d int) (attrMention, bool) {
	var g byte
	c := d
	for c < len(st) && c-d < 16 && st[c].kind == attrWord {
		if x := lexicon.KinGender[st[c].low]; x != 0 {
			g = x
		}
		c++
	}
	k := c + 1 // the name, after any roles: "Her son, filmmaker Charlie McDowell ("
	for k < len(st) && k-c <= 3 && st[k].kind == attrWord && !st[k].upper && attrRoles[st[k].low] {
		k++
	}
	if k >= len(st) || !attrIsPunct(st[c], ",") || st[k].kind != attrWord || !st[k].upper {
		if c > d && c-d <= 6 && st[d].low == "the" && attrOrgs[st[c-1].low] {
			name := a.md[st[d+1].start:st[c-1].end]
			return attrMention{pos: st[d].start, name: name, org: true, subject: true}, true
		}
		return attrMention{}, false
	}
	j := attrExtendOrg(st, k, attrCapRun(st, k))
	if j >= len(st) || !attrIsPunct(st[j], ",(") {
		return attrMention{}, false
	}
	m, ok := a.nameMention(n, st, k, j, g, false)
	for r := d; ok && r < k && !m.org; r++ {
		if w := st[r].low; attrRoles[w] && r != c {
			n.roles[w] = append(n.roles[w], attrFull{m.pos, m.name}) // The head of the PAC, Mike Murphy,
		}
	}
	return m, ok
}

// nameMention makes a mention of the capitalised run st[i:j].
func (a *attributor) nameMention(n *attrNames, st []attrTok, i, j int, g byte, bare bool) (attrMention, bool) {
	name := a.speakerOf(st, i, j)
	if name == "" {
		return attrMention{}, false
	}
	_, titled := attrStripTitles(st, i, j)
	org := attrOrgName(name)
	if !strings.ContainsAny(name, " ") && !org && g == 0 && name == strings.TrimSpace(a.md[st[i].start:st[j-1].end]) {
		if n.lookup(strings.ToLower(name), st[i].start) == "" && n.first[strings.ToLower(name)] == "" && n.alias[strings.ToLower(name)] == "" {
			if (bare || j >= len(st) || !attrIsPunct(st[j], ",")) && !attrLoneName(st, j, name) {
				return attrMention{}, false // a capitalised common word: "Residents", "Critics"
			}
		}
	}
	if h := attrHonorific(st, i+1, i); h != 0 {
		g = h
	}
	if g == 0 {
		g = lexicon.NameGender(name)
	}
	if g == 0 {
		g = attrPronounAfterVerb(st, j) // weaker than a first name: "X went on, saying he (Y) …"
	}
	if g != 0 && !org {
		n.gender[name] = g
	}
	person := titled || g != 0 || n.person[name] || (j+1 < len(st) && attrIsPunct(st[j], ",") && (st[j+1].low == "who" || strings.Trim(st[j+1].low, "0123456789") == ""))
	return attrMention{pos: st[i].start, name: name, org: org, subject: true, person: person && !org}, true
}

// attrNounBeforeName reports a lower-case noun at st[j] that a
// capitalised word follows: a role (donor, spokesman) before a name.
func attrNounBeforeName(st []attrTok, j int) bool {
	t := st[j]
	return t.kind == attrWord && !t.upper && !attrStops[t.low] && !attrDeterminers[t.low] && !attrIsVerb(t) && !attrSkip(t) &&
		!attrPastTense(t) && st[j+1].kind == attrWord && st[j+1].upper
}

// attrLoneName reports a capitalised word st[..j] alone that is a name by
// what follows it: ", who" (Rihanna, who …), or a speech verb when it is
// no plural (Song said, Cruz openly admitted; not Critics argued).
func attrLoneName(st []attrTok, j int, name string) bool {
	if j+1 < len(st) && attrIsPunct(st[j], ",") && st[j+1].low == "who" {
		return true
	}
	low := strings.ToLower(name)
	if (strings.HasSuffix(low, "s") && !strings.HasSuffix(low, "ss")) || attrSkips[low] || attrStops[low] || attrOpeners[low] || attrNotNames[low] {
		return false // "Critics argued", "Just ask him"
	}
	if attrSaysAt(st, j) {
		return true
	}
	k := j
	for k < len(st) && st[k].kind == attrWord && attrSkip(st[k]) {
		k++
	}
	return k < len(st) && attrIsVerb(st[k]) && !attrIsParticiple(st[k]) && (j == 0 || !attrNotNames[st[j-1].low])
}

// attrSaysAt reports a plain speech verb at st[j], after any adverbs:
// "Song said".
func attrSaysAt(st []attrTok, j int) bool {
	if j > 0 && (attrNotNames[st[j-1].low] || attrSkip(st[j-1]) || attrOpeners[st[j-1].low]) {
		return false // "Nobody asked", "Just ask him"
	}
	for j < len(st) && st[j].kind == attrWord && attrSkip(st[j]) {
		j++
	}
	if j >= len(st) || !attrIsVerb(st[j]) || !attrSayVerbs[st[j].low] {
		return false
	}
	w := st[j].low
	return strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed") || w == "said" || w == "told" || w == "wrote"
}

// attrNotNames are capitalised words that open a sentence and name nobody.
var attrNotNames = lexicon.Set(lexicon.NotNames)

// attrPronounAfterVerb returns the gender of "said she" / "told reporters
// he" after st[j], in the same sentence.
func attrPronounAfterVerb(st []attrTok, j int) byte {
	for k := j; k+1 < len(st) && k-j < 20; k++ {
		if attrIsVerb(st[k]) && k+1 < len(st) {
			for m := k + 1; m < len(st) && m-k <= 2; m++ {
				switch st[m].low {
				case "he":
					return 'm'
				case "she":
					return 'f'
				}
			}
			return 0
		}
	}
	return 0
}

// attrExtendOrg extends a run that names an organisation over "of"/"for"
// and the capitalised words after it: Ministry of Climate Change.
func attrExtendOrg(st []attrTok, i, j int) int {
	org := false
	for k := i; k < j; k++ {
		org = org || attrOrgs[attrStripPossessive(st[k].low)]
	}
	for org && j+1 < len(st) && (st[j].low == "of" || st[j].low == "for") && st[j+1].kind == attrWord && st[j+1].upper {
		j = attrCapRun(st, j+1)
	}
	return j
}

// attrOrgName reports a name that is an organisation's.
func attrOrgName(name string) bool {
	low := strings.ToLower(name)
	k := strings.LastIndexAny(low, " \u00a0")
	if attrOrgs[attrStripPossessive(low[k+1:])] {
		return true
	}
	if of := strings.Index(low, " of "); of > 0 {
		return attrOrgName(name[:of])
	}
	return false
}

// scanAccordingTo remembers a person named after "according to".
func (a *attributor) scanAccordingTo(n *attrNames, st []attrTok) {
	for k := 0; k+2 < len(st); k++ {
		if st[k].low == "according" && st[k+1].low == "to" && st[k+2].kind == attrWord && st[k+2].upper {
			j := attrCapRun(st, k+2)
			if from, _ := attrStripTitles(st, k+2, j); j-from >= 2 {
				m, ok := a.nameMention(n, st, k+2, j, 0, false)
				if ok {
					n.mentions = append(n.mentions, m)
				}
			}
		}
	}
}

// scanNickname remembers a nickname given in marks after "as", "nicknamed"
// or "dubbed" (known to all as “Jazz”) for the name before it.
func (a *attributor) scanNickname(n *attrNames, st []attrTok) {
	for k := 1; k < len(st); k++ {
		if st[k].kind != attrQuote || !attrNickVerb(st[k-1].low) {
			continue
		}
		text := a.hits[st[k].q].Text
		if len(text) > 30 || strings.ContainsAny(text, ".,!?;:") || !attrCapital(text) {
			continue
		}
		for p := k - 2; p >= 0; p-- {
			if st[p].kind == attrWord && st[p].upper && p > 0 {
				if full := n.lookup(attrStripPossessive(st[p].low), st[p].start); full != "" {
					n.alias[strings.ToLower(text)] = full
				}
				break
			}
		}
	}
}

func attrNickVerb(w string) bool { return w == "as" || w == "nicknamed" || w == "dubbed" }

func attrCapital(s string) bool { return s != "" && strings.ToUpper(s[:1]) == s[:1] && s[0] >= 'A' }

// parenthesis closed at toks[k] (an acronym: "(WFP)"), or k when there is
// none near.
func attrSkipParens(toks []attrTok, k, lo int) int {
	for p := k - 1; p >= lo && k-p <= 6; p-- {
		if attrIsPunct(toks[p], "(") {
			return p - 1
		}
	}
	return k
}

// clauseSubject is the subject of the clause toks[lo:hi] that introduces a
// quote with a colon and no speech verb ("Sherwood was direct: “…”", "Her
// message was short: “…”"); with no subject ("Then, after a pause: “…”")
// the speaker carries over.
func (a *attributor) clauseSubject(toks []attrTok, lo, hi int) attrFind {
	if f, ok := attrDashName(toks, lo, hi); ok {
		return f // a roundup's "HEADLINE – Name:"
	}
	i := lo
	for i < hi && toks[i].kind == attrPunct {
		i++
	}
	if i < hi && (attrOpeners[toks[i].low] || attrIsParticiple(toks[i])) {
		for i < hi && !attrIsPunct(toks[i], ",") {
			i++
		}
		i++
	}
	if i >= hi || toks[i].kind != attrWord || attrOpeners[toks[i].low] {
		return attrFind{kind: attrCarry, toks: toks, from: hi}
	}
	switch w := toks[i].low; {
	case attrPronouns[w]:
		return attrNP(toks, i, i+1)
	case w == "his" || w == "her" || w == "their" || w == "its":
		return attrFind{kind: attrPronoun, toks: toks, from: i, to: i + 1}
	case toks[i].upper && !attrDeterminers[w]:
		j := min(attrExtendOrg(toks, i, attrCapRun(toks, i)), hi)
		from, _ := attrStripTitles(toks, i, j)
		if j-from < 2 && a.resolve(attrStripPossessive(toks[i].low), toks[i].start) == attrStripPossessive(toks[i].low) {
			return attrFind{} // a word not known as a name: "Scholz sagte:"
		}
		return attrFind{kind: attrNamed, toks: toks, from: i, to: j}
	}
	if end := attrOwnerNP(toks, i, hi); end > i {
		return attrNP(toks, i, end) // "The spokesman was blunt:"
	}
	return attrPossessor(toks, i, hi)
}

// attrPossessor reads a subject that is someone's words ("the mayor's
// answer came quickly:", "The ministry's statement was short:"): the one
// whose words they are. Any other subject is a thing, which names nobody.
func attrPossessor(toks []attrTok, i, hi int) attrFind {
	for k := i; k < hi && k-i < 6 && toks[k].kind == attrWord; k++ {
		if attrPossessive(toks[k].low) {
			if k+1 < hi && attrSaying[toks[k+1].low] {
				toks := append([]attrTok(nil), toks[i:k+1]...)
				last := &toks[len(toks)-1]
				last.low = attrStripPossessive(last.low)
				return attrFind{kind: attrNamed, toks: toks, from: 0, to: len(toks)}
			}
			break
		}
	}
	return attrFind{}
}

// attrSaying are nouns for what someone said.
var attrSaying = lexicon.Set(lexicon.SayingNouns)

// attrPastTense reports a lower-case word in -ed or a common irregular
// past: at the end of a noun phrase, more likely its verb than part of it.
func attrPastTense(t attrTok) bool {
	return t.kind == attrWord && !t.upper && (len(t.low) > 4 && strings.HasSuffix(t.low, "ed") || attrIrregularPast[t.low])
}

var attrIrregularPast = lexicon.Set(lexicon.IrregularPast)
