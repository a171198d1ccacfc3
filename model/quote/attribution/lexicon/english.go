package lexicon

import "strings"

// The English words attribution reads, as space-separated lists (the
// other languages' words map onto these: see Langs).
const (
	// Abbrevs are words whose following dot does not end a sentence.
	Abbrevs = `mr mrs ms dr st jr sr gen sen rep gov lt col capt maj adm sgt prof
		rev inc ltd co corp vs etc jan feb mar apr aug sept sep oct nov dec dept mt ft cmdr supt insp det`

	// SpeechVerbs are the speech verbs; forms that are more often nouns
	// ("the claims", "his remarks") are left out.
	SpeechVerbs = `say says said saying tell tells told telling add adds added adding
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
		remembers remembered reports sings sang chanted barked retorted snapped scoffed answered`

	// SayVerbs are the plain speech verbs that may follow a quote
	// which ends its own sentence (“We will win.” Smith said.).
	SayVerbs = `say says said add adds added tell tells told write writes wrote ask asks
		asked continue continues continued conclude concludes concluded explain explains explained
		note notes noted reply replies replied recall recalls recalled insist insists insisted argue
		argues argued warn warns warned tweet tweets tweeted quipped retorted`

	// Determiners open a noun phrase.
	Determiners = `the a an this these those his her its their our my your some any
		no every each`

	// Skips stand between a subject and its verb: "Putin also warned".
	Skips = `also has have had was were is are will would could can may might should
		did does do later then previously earlier recently repeatedly reportedly separately
		again once publicly privately further subsequently immediately initially first finally
		long already often frequently never just even still now today yesterday tonight
		monday tuesday wednesday thursday friday saturday sunday on last week angrily flatly maybe perhaps
		bluntly simply openly explicitly specifically clearly strongly firmly quickly briefly
		loudly quietly emphatically sharply jokingly formally officially directly`

	// Stops end a noun phrase: function words and clause openers.
	Stops = `that which who whom whose where when while and but or nor if because as
		since though although after before until than so in on at to into with by from about
		over under against during without through between among across is was were are be
		been being has have had not also then there here meanwhile however additionally
		moreover furthermore still yet now instead separately thus today yesterday tonight
		it’s it's what why how whether monday tuesday wednesday thursday friday saturday sunday
		january february march april june july august september october november december
		asked speaking addressing earlier later meanwhile there like unlike despite`

	// Joins may stand inside a noun phrase: "a spokeswoman for the agency".
	Joins = `of for at with in from`

	// Pronouns stand for a speaker named before.
	Pronouns = `he she they it we i he’d he'd she’d she'd he’s he's she’s she's they’d
		they'd they’re they're they’ve they've`

	// Roles are titles and roles that stand before a name.
	Roles = `president vice prime minister secretary secretary-general chancellor
		king queen prince princess pope sheikh emir ayatollah judge justice ambassador
		spokesman spokeswoman spokesperson director chairman chairwoman chair ceo cfo coo
		commissioner governor gov. mayor senator sen. rep. representative congressman
		congresswoman speaker leader chief officer general gen. lt. col. capt. maj. adm. cmdr.
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
		assemblywoman alderman alderwoman selectman selectwoman trooper nurse teacher
		actor actress singer musician artist writer novelist poet comedian filmmaker producer
		rapper athlete footballer striker goalkeeper presenter anchor journalist photographer
		designer architect entrepreneur investor physicist geologist biologist astronomer`

	// RolePrefixes make a role of a role: co-CEO, ex-president, vice-chair.
	RolePrefixes = `co ex vice`

	// Orgs end the names of organisations, never of people.
	Orgs = `ministry department office council house party agency service services
		police court commission committee bank group company inc. corp. ltd. association
		union army forces force government administration organization organisation
		university institute times news post press network foundation fund authority
		board bureau kremlin pentagon parliament congress senate assembly embassy command
		corps guard federation league coalition alliance movement front center centre club
		team airlines airways motors reuters statement nations states republic kingdom
		cabinet palace hospital school college institution council secretariat`

	// Documents are things that "say" on behalf of whoever issued them.
	Documents = `statement report announcement release post letter communique
		communiqué filing document readout memo notice`
)

// More English word lists, each read by one rule of attribution (its
// comment there says what the rule does with it).
const (
	GenericOrgs = `agency company firm group organisation organization body regulator charity
	utility operator carrier airline network watchdog`

	Auxiliaries = `has have had was were is are will would could can may might should
	did does do must`

	NotSpeakers = `past night year years ago week weeks month months day days time you
	otherwise only`

	OwnerGroups = `protesters supporters voters members democrats republicans lawmakers
	candidates leaders aides advisers allies opponents rivals critics activists campaign`

	ClauseOpeners = `which who whose where when while because although though since
	after before unless whereas`

	Openers = `in on at after before back asked then meanwhile however since during despite
	for with from as like outside inside last earlier later by over under when while if although though
	once still now today yesterday instead separately also but and so unlike besides behind elsewhere
	there here nearby across amid among speaking reporting writing standing sitting addressing`

	Prepositions = `along near toward towards around beyond upon via within throughout of for
	to off onto past versus vs vs.`

	LoneOpeners = `and but so then meanwhile however still now later earlier instead
	separately also yet today yesterday`

	NotNames = `nobody everybody everyone someone somebody anyone anybody none one
	many most few several both all others another each either neither`

	SayingNouns = `answer reply response message question words statement verdict retort
	warning comment comments remarks view advice`

	IrregularPast = `went made took gave came got led won ran sent met left held kept hit began
	spoke drew threw saw knew felt found brought thought stood sat paid sold lost chose fought struck
	became did`
)

// NameParticles are lower-case words that may stand inside a name.
const NameParticles = `de da del della der den di du la le van von bin ibn al el dos das ter ten`

// KinGender are nouns that tell a person's gender in an apposition ("his
// wife, Karin").
var KinGender = map[string]byte{"wife": 'f', "husband": 'm', "mother": 'f', "father": 'm', "son": 'm',
	"daughter": 'f', "brother": 'm', "sister": 'f', "widow": 'f', "widower": 'm', "grandmother": 'f',
	"grandfather": 'm', "aunt": 'f', "uncle": 'm', "girlfriend": 'f', "boyfriend": 'm', "niece": 'f', "nephew": 'm'}

// WithPrefixes is the words of a list and each of them after each prefix
// and a hyphen: the roles and co-ceo, ex-president.
func WithPrefixes(words, prefixes string) string {
	var b strings.Builder
	for _, w := range strings.Fields(words) {
		b.WriteString(w + " ")
		for _, p := range strings.Fields(prefixes) {
			b.WriteString(p + "-" + w + " ")
		}
	}
	return b.String()
}
