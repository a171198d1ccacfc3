package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// attrKind tells the tokens of a paragraph apart for attribution.
type attrKind uint8

const (
	attrWord  attrKind = iota
	attrPunct          // one punctuation rune
	attrQuote          // a whole quotation, marks and all
)

type attrTok struct {
	start, end int
	kind       attrKind
	q          int    // hit index of a quote token
	low        string // a word in lower case, or the punctuation
	upper      bool   // a word that starts with a capital letter
}

// attrTokenize splits md[from:to] into words, punctuation and quotations;
// hits are the quotations, in order.
func attrTokenize(md string, from, to int, hits []quoteHit) []attrTok {
	return attrAppendTokens(make([]attrTok, 0, (to-from)/5+4), md, from, to, hits)
}

// attrAppendTokens is attrTokenize appending to toks.
func attrAppendTokens(toks []attrTok, md string, from, to int, hits []quoteHit) []attrTok {
	h := 0
	for h < len(hits) && hits[h].close <= from {
		h++
	}
	for i := from; i < to; {
		if h < len(hits) && hits[h].open <= i {
			end := min(hits[h].close, to)
			toks = append(toks, attrTok{start: max(hits[h].open, from), end: end, kind: attrQuote, q: h})
			i = max(end, i+1)
			h++
			continue
		}
		lim := to
		if h < len(hits) && hits[h].open < to {
			lim = hits[h].open
		}
		if c := md[i]; c == ' ' || c == '\n' || c == '\t' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(md[i:lim])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := attrWordEnd(md, i, lim)
			w := md[i:j]
			toks = append(toks, attrTok{start: i, end: j, kind: attrWord, low: strings.ToLower(w), upper: unicode.IsUpper(r) || (r < utf8.RuneSelf && attrInnerUpper(w))})
			i = j
		default:
			toks = append(toks, attrTok{start: i, end: i + size, kind: attrPunct, low: md[i : i+size]})
			i += size
		}
	}
	return toks
}

// attrWordEnd returns the end of the word starting at i: letters and digits
// joined by apostrophes, hyphens and ampersands (Korea’s, al-Assad, AT&T),
// and the dots of abbreviations and initials (Mr., U.S., J.).
func attrWordEnd(md string, i, lim int) int {
	j := i
	for j < lim {
		if c := md[j]; c < utf8.RuneSelf && (quoteIsASCIILetter(c) || c >= '0' && c <= '9') {
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(md[j:lim])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			j += size
			continue
		}
		next, _ := utf8.DecodeRuneInString(md[min(j+size, lim):lim])
		nextWord := j+size < lim && (unicode.IsLetter(next) || unicode.IsDigit(next))
		switch {
		case strings.ContainsRune("’'-‑&", r) && nextWord:
			j += size
			continue
		case r == '.' && nextWord && unicode.IsUpper(next):
			j += size // U.S.
			continue
		case r == '.' && attrAbbrev(md[i:j]):
			return j + size
		case (r == '’' || r == '\'') && (md[j-1] == 's' || md[j-1] == 'S') && attrCapitalAfterSpace(md[j+size:lim]):
			return j + size // a plural's possessive before a name: Fox News’ Bret Baier
		}
		return j
	}
	return j
}

// attrCapitalAfterSpace reports s opening with a space and a capital.
func attrCapitalAfterSpace(s string) bool {
	if len(s) < 2 || s[0] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[1:])
	return unicode.IsUpper(r)
}

func attrInnerUpper(w string) bool {
	if k := strings.IndexByte(w, '-'); k > 0 && k+1 < len(w) {
		r, _ := utf8.DecodeRuneInString(w[k+1:])
		return unicode.IsUpper(r) // al-Assad
	}
	return false
}

// attrAbbrev reports words whose following dot does not end a sentence.
func attrAbbrev(w string) bool {
	if strings.Contains(w, ".") {
		return true // U.S., a.m
	}
	r, size := utf8.DecodeRuneInString(w)
	if size == len(w) && unicode.IsUpper(r) {
		return true // an initial
	}
	return attrAbbrevs[strings.ToLower(w)]
}

func attrSet(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Word lists for attribution (package-level because Go has no const maps).
var (
	attrAbbrevs = attrSet(`mr mrs ms dr st jr sr gen sen rep gov lt col capt maj adm sgt prof
		rev inc ltd co corp vs etc jan feb mar apr aug sept sep oct nov dec dept mt ft cmdr supt insp det`)

	// attrVerbs are the speech verbs; forms that are more often nouns
	// ("the claims", "his remarks") are left out.
	attrVerbs = attrSet(`say says said saying tell tells told telling add adds added adding
		warn warns warned warning ask asks asked asking write writes wrote writing
		stated stating argue argues argued arguing claimed claiming
		insist insists insisted insisting noted noting explain explains explained explaining
		stress stresses stressed stressing reply replies replied replying
		continue continues continued continuing promised promising tweeted tweeting posted
		declare declares declared declaring announce announces announced announcing
		acknowledge acknowledges acknowledged acknowledging admit admits admitted admitting
		recall recalls recalled recalling called calling describe describes described describing
		urge urges urged urging demanded demanding vowed vowing pledged pledging
		suggest suggests suggested suggesting predict predicts predicted predicting
		cautioned cautioning concede concedes conceded conceding confirm confirms confirmed confirming
		deny denies denied denying respond responds responded responding remarked
		observed concluded concluding complained complaining joked joking shouted
		testified testifying reiterate reiterates reiterated reiterating
		emphasized emphasizing emphasised emphasising maintains maintained
		countered alleged alleging lamented lamenting quipped threatened threatening
		boasted agreed assured insisted added recounted touted hailed decried slammed
		blasted criticised criticized accused branded dubbed labelled labeled termed
		issued quoted reported texted emailed wrote whispered exclaimed cried screamed
		yelled mused told informed pointed cited conceded signalled signaled put puts calls
		remembers remembered reports sings sang chanted barked retorted snapped scoffed answered`)

	// attrSayVerbs are the plain speech verbs that may follow a quote
	// which ends its own sentence (“We will win.” Smith said.).
	attrSayVerbs = attrSet(`say says said add adds added tell tells told write writes wrote ask asks
		asked continue continues continued conclude concludes concluded explain explains explained
		note notes noted reply replies replied recall recalls recalled insist insists insisted argue
		argues argued warn warns warned tweet tweets tweeted quipped retorted`)

	attrDeterminers = attrSet(`the a an this these those his her its their our my your some any
		no every each`)

	// attrSkips stand between a subject and its verb: "Putin also warned".
	attrSkips = attrSet(`also has have had was were is are will would could can may might should
		did does do later then previously earlier recently repeatedly reportedly separately
		again once publicly privately further subsequently immediately initially first finally
		long already often frequently never just even still now today yesterday tonight
		monday tuesday wednesday thursday friday saturday sunday on last week angrily flatly
		bluntly simply openly explicitly specifically clearly strongly firmly quickly briefly
		loudly quietly emphatically sharply jokingly formally officially directly`)

	// attrStops end a noun phrase: function words and clause openers.
	attrStops = attrSet(`that which who whom whose where when while and but or nor if because as
		since though although after before until than so in on at to into with by from about
		over under against during without through between among across is was were are be
		been being has have had not also then there here meanwhile however additionally
		moreover furthermore still yet now instead separately thus today yesterday tonight
		it’s it's what why how whether monday tuesday wednesday thursday friday saturday sunday
		january february march april june july august september october november december
		asked speaking addressing earlier later meanwhile there`)

	// attrJoins may stand inside a noun phrase: "a spokeswoman for the agency".
	attrJoins = attrSet(`of for at with in from`)

	attrPronouns = attrSet(`he she they it we i he’d he'd she’d she'd he’s he's she’s she's they’d
		they'd they’re they're they’ve they've`)

	// attrRoles are titles and roles that stand before a name.
	attrRoles = attrSet(`president vice prime minister secretary secretary-general chancellor
		king queen prince princess pope sheikh emir ayatollah judge justice ambassador
		spokesman spokeswoman spokesperson director chairman chairwoman chair ceo cfo coo
		commissioner governor gov. mayor senator sen. rep. representative congressman
		congresswoman speaker leader chief officer general gen. lt. col. capt. maj. adm.
		sgt. colonel captain admiral sergeant lieutenant commander prof. professor dr.
		doctor rev. reverend father sir dame lord lady coach attorney deputy mr. mrs. ms.
		miss mx. state envoy diplomat lawmaker legislator official premier councillor
		councilman councilwoman inspector detective sheriff superintendent constable
		treasurer economist analyst founder executive manager head editor author activist
		researcher scientist lawyer adviser advisor aide negotiator president-elect
		cardinal bishop archbishop rabbi imam chef boss owner mr mrs ms dr mp mps mep msp mla
		td lawmakers officials ch supt cllr lord baroness engineer administrator clerk auditor
		comptroller coordinator planner trustee principal dean provost curator pastor marshal
		warden magistrate prosecutor counsel correspondent reporter columnist assemblyman
		assemblywoman alderman alderwoman selectman selectwoman trooper nurse teacher`)

	// attrOrgs end the names of organisations, never of people.
	attrOrgs = attrSet(`ministry department office council house party agency service services
		police court commission committee bank group company inc. corp. ltd. association
		union army forces force government administration organization organisation
		university institute times news post press network foundation fund authority
		board bureau kremlin pentagon parliament congress senate assembly embassy command
		corps guard federation league coalition alliance movement front center centre club
		team airlines airways motors reuters statement nations states republic kingdom
		cabinet palace hospital school college institution council secretariat`)

	// attrDocuments are things that "say" on behalf of whoever issued them.
	attrDocuments = attrSet(`statement report announcement release post letter communique
		communiqué filing document readout memo notice`)
)

// attrSkip reports a word that may stand between a subject and its verb:
// an auxiliary, a time word or an adverb in -ly ("has increasingly
// decried").
func attrSkip(t attrTok) bool {
	if attrSkips[t.low] {
		return true
	}
	return t.kind == attrWord && !t.upper && len(t.low) > 5 && strings.HasSuffix(t.low, "ly") && !attrNotAdverbs[t.low]
}

// attrNotAdverbs end in -ly but are no adverbs.
var attrNotAdverbs = attrSet(`family supply assembly anomaly monopoly butterfly italy`)

func attrIsVerb(t attrTok) bool { return t.kind == attrWord && !t.upper && attrVerbs[t.low] }

func attrIsParticiple(t attrTok) bool { return strings.HasSuffix(t.low, "ing") }

func attrIsPunct(t attrTok, set string) bool {
	return t.kind == attrPunct && strings.Contains(set, t.low)
}

// attrPossessive reports a possessive: Korea’s, and a capitalised plural's
// (Fox News’ Bret Baier).
func attrPossessive(low string) bool {
	return strings.HasSuffix(low, "’s") || strings.HasSuffix(low, "'s") || strings.HasSuffix(low, "s’") || strings.HasSuffix(low, "s'")
}
