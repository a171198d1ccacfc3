package attribution

import (
	"sort"
	"strings"

	"github.com/byline-reader/byline/model/quote/attribution/lexicon"
)

// attrNames remembers the people and bodies named in the article.
type attrNames struct {
	full     map[string][]attrFull // a last word in lower case → full names, in order
	first    map[string]string     // a first name in lower case → first full name
	alias    map[string]string     // a nickname in lower case → the name it stands for
	person   map[string]bool       // full names known to be people
	gender   map[string]byte       // 'm' or 'f', from honorifics and pronouns
	mentions []attrMention         // people and organisations named, in order
	roles    map[string][]attrFull // a role in lower case → the people named with it, in order
}

// attrFull is a full name and where it was named.
type attrFull struct {
	pos  int
	name string
}

type attrMention struct {
	pos     int
	name    string
	org     bool   // an organisation rather than a person
	subject bool   // named as the subject of a sentence
	person  bool   // known to be a person (a title, an age, "who")
	pair    string // the second of two people who are the subject together
}

// lookup returns the full name a last word stands for at pos: the latest
// full mention before pos, else the first one.
func (n *attrNames) lookup(last string, pos int) string {
	list := n.full[last]
	if len(list) == 0 {
		return ""
	}
	best := list[0].name
	for _, f := range list[1:] {
		if f.pos >= pos {
			break
		}
		best = f.name
	}
	return best
}

// holder is the person named with a role ("actor James Van Der Beek") who
// "the actor" at pos stands for: the latest before pos, else the first.
func (n *attrNames) holder(role string, pos int) string {
	list := n.roles[role]
	if len(list) == 0 {
		return ""
	}
	best := list[0].name
	for _, f := range list[1:] {
		if f.pos < pos {
			best = f.name
		}
	}
	return best
}

// collectNames reads every prose block for names of two words or more
// ("Russian President Vladimir Putin" gives "Vladimir Putin") and for the
// people that sentences start with.
func (a *attributor) collectNames() {
	a.names = attrNames{full: map[string][]attrFull{}, first: map[string]string{}, alias: map[string]string{},
		person: map[string]bool{}, gender: map[string]byte{}, roles: map[string][]attrFull{}}
	n := &a.names
	needed := make([]bool, len(a.blocks)+1) // blocks attribution will read again
	for _, h := range a.hits {
		needed[h.First], needed[h.Last] = true, true
		if h.First > 0 {
			needed[h.First-1] = true
		}
	}
	var scratch []attrTok
	for bi, b := range a.blocks {
		switch {
		case !b.Prose:
		case needed[bi]:
			a.scanNames(n, a.tokens(bi))
			a.scanSubjects(n, a.tokens(bi))
		default:
			scratch = a.read(attrAppendTokens(scratch[:0], a.md, b.Start, b.End, a.hits))
			a.scanNames(n, scratch)
			a.scanSubjects(n, scratch)
		}
	}
	sort.SliceStable(n.mentions, func(i, j int) bool { return n.mentions[i].pos < n.mentions[j].pos })
}

func (a *attributor) scanNames(n *attrNames, toks []attrTok) {
	sentStart := true // still in the words a sentence opens with
	lead := 0
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.kind != attrWord || !t.upper {
			switch {
			case attrIsPunct(t, ".!?"):
				sentStart, lead = true, 0
			case t.kind == attrWord && sentStart && lead < 4 && !attrStops[t.low] && !attrIsVerb(t):
				lead++ // "Local mayor Massimo Isola said"
			default:
				sentStart = sentStart && attrIsPunct(t, ">*_-")
			}
			i++
			continue
		}
		j := attrCapRun(toks, i)
		from, person := attrStripTitles(toks, i, j)
		if from < j {
			name := attrStripPossessive(a.md[toks[from].start:toks[j-1].end])
			last := attrStripPossessive(toks[j-1].low)
			if j-from >= 2 && !attrOrgs[last] && !attrRoleLast(toks, from, j) {
				n.addFull(last, strings.ToLower(toks[from].low), name, toks[from].start)
				if person {
					n.person[name] = true
					n.roles[attrStripPossessive(toks[from-1].low)] = append(n.roles[attrStripPossessive(toks[from-1].low)], attrFull{toks[from].start, name})
				}
			}
			if j-from == 1 && n.full[last] != nil {
				name = n.lookup(last, toks[from].start)
			}
			if g := attrHonorific(toks, from, i); g != 0 {
				n.gender[name], n.person[name] = g, true
			}
			switch {
			case attrOrgs[last]:
				n.mentions = append(n.mentions, attrMention{pos: toks[from].start, name: name, org: true, subject: sentStart})
			case sentStart && n.person[name]:
				n.mentions = append(n.mentions, attrMention{pos: toks[from].start, name: name, subject: true, person: true})
			case (j-from >= 2 || n.full[last] != nil) && !attrRoleLast(toks, from, j) && !lexicon.Place(name):
				n.mentions = append(n.mentions, attrMention{pos: toks[from].start, name: name, person: n.person[name]})
			}
		}
		lead += j - i
		sentStart = sentStart && lead < 4 && (from >= j || !n.person[attrRunName(a.md, toks, from, j, n)])
		i = j
	}
}

// attrRunName is the name the run toks[from:to] stands for.
func attrRunName(md string, toks []attrTok, from, to int, n *attrNames) string {
	name := attrStripPossessive(md[toks[from].start:toks[to-1].end])
	if to-from == 1 {
		if full := n.lookup(attrStripPossessive(toks[from].low), toks[from].start); full != "" {
			return full
		}
	}
	return name
}

// attrCapRun returns the end of the run of capitalised words (and name
// particles between them: Ursula von der Leyen) that starts at toks[i]; a
// possessive ends it.
func attrCapRun(toks []attrTok, i int) int {
	j := i
	for j < len(toks) && toks[j].kind == attrWord {
		t := toks[j]
		if !t.upper && !(NameParticle(t.low) && j+1 < len(toks) && toks[j+1].upper && j > i) {
			break
		}
		j++
		if attrPossessive(t.low) {
			break
		}
	}
	return j
}

// NameParticle is a lower-case word that may stand inside a name: de, van, bin.
func NameParticle(w string) bool { return attrParticles[w] }

var attrParticles = lexicon.Set(lexicon.NameParticles)

// attrStripTitles drops the function words, titles and roles that open
// the run toks[i:j]; person reports that a title or role was there.
func attrStripTitles(toks []attrTok, i, j int) (int, bool) {
	for i < j && (attrStops[toks[i].low] || attrDeterminers[toks[i].low] || attrSkips[toks[i].low] || attrOpeningParticiple(toks, i, j)) {
		i++
	}
	person := i > 0 && attrRoles[toks[i-1].low]
	for k := j - 2; k >= i; k-- {
		if attrRoles[toks[k].low] {
			return k + 1, true
		}
	}
	return i, person
}

// attrOpeningParticiple reports a participle that opens a sentence before
// a name, "Hosting Cook at Dreamforce", not a first name (Sterling Brown).
func attrOpeningParticiple(toks []attrTok, i, j int) bool {
	w := toks[i].low
	return j-i >= 2 && len(w) > 5 && attrIsParticiple(toks[i]) && lexicon.FirstNames[w] == 0 &&
		(i == 0 || toks[i-1].kind != attrWord)
}

func attrStripPossessive(s string) string {
	for _, p := range []string{"’s", "'s", "’", "'"} {
		if strings.HasSuffix(s, p) && len(s) > len(p) {
			return s[:len(s)-len(p)]
		}
	}
	return s
}

// speakerOf turns the noun phrase toks[from:to] into a speaker's name.
func (a *attributor) speakerOf(toks []attrTok, from, to int) string {
	def := false
	for from < to && attrDeterminers[toks[from].low] {
		def = def || toks[from].low == "the"
		from++
	}
	if from >= to {
		return ""
	}
	text := func(i, j int) string { return attrStripPossessive(a.md[toks[i].start:toks[j-1].end]) }
	j := to
	for j > from && (toks[j-1].upper || (NameParticle(toks[j-1].low) && j < to && j-2 >= from && toks[j-2].upper)) {
		j--
	}
	if j == to { // a lower-case head: "the North Korean leader"
		return a.describe(text(from, to), toks[to-1].low, def && to-from <= 3, toks[from].start)
	}
	last := attrStripPossessive(toks[to-1].low)
	for r := to - 2; r >= j; r-- {
		if attrRoles[toks[r].low] {
			if attrOrgs[last] {
				break
			}
			return a.resolve(text(r+1, to), toks[r+1].start)
		}
	}
	if j > from {
		if k := attrNameAfterRoleOf(toks, from, j, to); k > j {
			return a.resolve(text(k, to), toks[k].start) // ministre de l’Intérieur Gérald Darmanin
		}
		p := toks[j-1].low
		if n := attrNameBeforeOf(toks, from, j); n >= 0 {
			end := n
			for end < j && toks[end].upper {
				end++
			}
			return a.resolve(text(n, end), toks[n].start) // geologist Rosaly Lopes of NASA
		}
		if attrJoins[p] || attrDeterminers[p] || attrOrgs[last] || attrRoleLast(toks, j, to) {
			return text(from, to)
		}
	}
	if attrRoleLast(toks, j, to) && j < to-1 {
		return text(from, to) // "Prime Minister"
	}
	return a.resolve(text(j, to), toks[j].start)
}

// attrRoleLast reports a run of capitalised words toks[j:to] that ends in
// a role ("Prime Minister", "Chief Executive"), not in a surname that is a
// role's word after a first name (Ken Doctor, Amy Judge).
func attrRoleLast(toks []attrTok, j, to int) bool {
	if !attrRoles[attrStripPossessive(toks[to-1].low)] {
		return false
	}
	if to-j < 2 || lexicon.FirstNames[toks[j].low] == 0 {
		return true
	}
	for k := j; k < to-1; k++ {
		if attrRoles[toks[k].low] {
			return true
		}
	}
	return false
}

// attrNameBeforeOf finds a person's name before "of" and the body they
// belong to (planetary geologist Rosaly Lopes of NASA's Jet Propulsion
// Laboratory): toks[j-1] is "of", and two to four capitalised words that
// are not a body's name stand before it, after lower-case words or
// nothing. It returns where the name starts, or -1.
func attrNameBeforeOf(toks []attrTok, from, j int) int {
	of := j - 1
	if of > from && toks[of].low == "the" {
		of-- // of the Jet Propulsion Laboratory
	}
	if of <= from || toks[of].low != "of" {
		return -1
	}
	n := of
	for n > from && toks[n-1].upper && !attrRoles[toks[n-1].low] && !attrOrgs[attrStripPossessive(toks[n-1].low)] {
		n--
	}
	if words := of - n; words < 2 || words > 4 || (n > from && toks[n-1].upper) {
		return -1
	}
	return n
}

// attrNameAfterRoleOf finds the person's name that ends a role "of" a
// body (minister of the Interior Gérald Darmanin, ministro da Saúde João
// Silva): the capitalised run toks[j:to] holds the body's name and then
// the person's, whose first word is a known first name or the last but
// one. It returns where the name starts, or j.
func attrNameAfterRoleOf(toks []attrTok, from, j, to int) int {
	if to-j < 3 || attrOrgs[attrStripPossessive(toks[to-1].low)] || !attrJoins[toks[j-1].low] && !attrDeterminers[toks[j-1].low] {
		return j
	}
	role := false
	for k := from; k < j; k++ {
		role = role || attrRoles[toks[k].low]
	}
	if !role {
		return j
	}
	for k := j + 1; k < to-1; k++ {
		if lexicon.FirstNames[toks[k].low] != 0 {
			return k
		}
	}
	return to - 2
}

// describe resolves a definite description at pos: "the statement" is
// whoever spoke or was the subject of a sentence last (the ministry issued
// a statement), "the ministry" the latest speaker or organisation named
// whose name holds "ministry".
func (a *attributor) describe(text, head string, definite bool, pos int) string {
	if !definite {
		return text
	}
	if attrDocuments[head] {
		if s := a.latest(pos, true, ""); s != "" {
			return s
		}
		return text
	}
	if attrGenericOrgs[head] {
		if s := a.latestOrg(pos); s != "" {
			return s
		}
	}
	if attrRoles[head] && text == head {
		return a.names.holder(head, pos) // "the actor": the person named as one, else unsure
	}
	for k := len(a.speakers) - 1; k >= 0 && len(a.speakers)-k < 200; k-- {
		if s := a.speakers[k]; s != "" && strings.Contains(strings.ToLower(s), head) {
			return s
		}
	}
	if s := a.latest(pos, true, head); s != "" {
		return s
	}
	return text
}

// latest returns the speaker or subject named last before pos: people
// only unless orgs is set; with head set, only an organisation whose name
// ends in that word, named anywhere.
func (a *attributor) latest(pos int, orgs bool, head string) string {
	best, bestPos := a.lastSpeaker, a.lastPos
	if head != "" {
		best, bestPos = "", -1
	}
	ms := a.names.mentions
	end := sort.Search(len(ms), func(i int) bool { return ms[i].pos >= pos })
	for k := end - 1; k >= 0 && ms[k].pos > bestPos && end-k < 200; k-- {
		m := ms[k]
		if m.pos <= bestPos || (m.org && !orgs) || (!m.org && head != "") {
			continue
		}
		if (head != "" && strings.HasSuffix(strings.ToLower(m.name), head)) || (head == "" && m.subject && (m.person || m.org)) {
			return m.name
		}
	}
	return best
}

// resolve turns a surname into the full name it stands for at pos (the
// latest full mention before it, else the first), a first name into the
// first full name it opens, and a nickname into the name it stands for.
func (a *attributor) resolve(name string, pos int) string {
	if strings.ContainsAny(name, " \u00a0") {
		return name
	}
	low := strings.ToLower(name)
	if full := a.names.lookup(low, pos); full != "" {
		return full
	}
	if full := a.names.first[low]; full != "" {
		return full
	}
	if full := a.names.alias[low]; full != "" {
		return full
	}
	return name
}

// continuation attributes a quote that opens its sentence without an
// attribution of its own: a paragraph before it ending with a colon names
// the speaker, else it goes on from the quote just before.
func (a *attributor) continuation(i int, toks []attrTok, qi int) string {
	lo := a.attrSentenceStart(toks, qi)
	for j := lo; j < qi && j < len(toks); j++ {
		if toks[j].kind == attrWord {
			return ""
		}
	}
	h := a.hits[i]
	prev := a.prevProse(h.First)
	if lo == 0 && prev >= 0 {
		pt := a.tokens(prev)
		if n := len(pt); n > 0 && attrIsPunct(pt[n-1], ":") {
			return a.speakerFrom(a.before(pt, n), h.Open)
		}
	}
	if f := a.prevSentenceOwner(i, toks, qi); f.kind != attrNone {
		if s := a.speakerFrom(f, h.Open); s != "" {
			return s
		}
	}
	if i > 0 && (a.hits[i-1].Last == h.First || (prev >= 0 && a.hits[i-1].Last == prev)) {
		return a.speakers[i-1]
	}
	return ""
}

// speakerFrom turns what a rule found into a name.
func (a *attributor) speakerFrom(f attrFind, pos int) string {
	switch f.kind {
	case attrNamed:
		return a.speakerOf(f.toks, f.from, f.to)
	case attrPronoun:
		name := a.antecedent(pos, f.toks[f.from].low)
		if name != "" && name == a.addressee(f.toks, f.from+1, pos) {
			return "" // "he told Benioff" is not Benioff: unsure who
		}
		return name
	case attrCarry:
		return a.antecedent(pos, f.toks[f.from].low)
	}
	return ""
}

// attrAddressVerbs are the plain speech verbs whose object is the person
// spoken to.
var attrAddressVerbs = lexicon.Set(`tell tells told ask asks asked`)

// addressee is the person a pronoun's verb at toks[j] is said to ("he told
// Benioff", "she asked Smith"), whom the pronoun cannot be, or "".
func (a *attributor) addressee(toks []attrTok, j, pos int) string {
	for j < len(toks) && toks[j].kind == attrWord && attrSkip(toks[j]) {
		j++
	}
	if j+1 >= len(toks) || !attrIsVerb(toks[j]) || !attrAddressVerbs[toks[j].low] {
		return "" // "he said Smith …" names no addressee
	}
	from, to := j+1, attrCapRun(toks, j+1)
	if from, _ = attrStripTitles(toks, from, to); to-from < 1 || to-from > 3 || attrPossessive(toks[to-1].low) {
		return ""
	}
	return a.resolve(attrStripPossessive(a.md[toks[from].start:toks[to-1].end]), pos)
}

func (a *attributor) prevProse(bi int) int {
	for k := bi - 1; k >= 0; k-- {
		if a.blocks[k].Prose {
			return k
		}
		if a.blocks[k].End > a.blocks[k].Start {
			return -1 // a heading or an image between them
		}
	}
	return -1
}
