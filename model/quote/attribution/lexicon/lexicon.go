// Package lexicon holds the word data attribution reads: the English
// speech verbs, roles, organisation words and function words
// (english.go), the tables that map French, German, Spanish and
// Portuguese onto them (langs.go) and which of them a text is written in
// (Detect, detect.go), and, to tell a person's gender and a
// place from a person, common first names and the places news names as if
// they were people. It is data with two small lookups and Set, which
// reads a word list; no rules about quotes: attribution (its only user)
// decides what the answers mean. It imports nothing.
package lexicon

import "strings"

// Data for telling a person's gender and a place from a person.
//
// The first names are very common English first names (and the short
// forms they go by) whose bearers are nearly all of one gender; names
// given to both (Kelly, Jordan, Pat, Dana, Terry) are left out, so the
// text must tell. The places are the names of countries, US states and
// regions that news writes as the subject of a sentence ("New Hampshire
// votes Tuesday") and that a pronoun for a person never stands for.

// FirstNames maps a first name in lower case to 'm' or 'f'.
var FirstNames = genderTable(
	`james john robert michael william david richard joseph thomas charles christopher daniel
	matthew anthony mark donald steven stephen paul andrew joshua kenneth kevin brian george
	timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan larry justin
	scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
	tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
	christian keith roger gerald harold sean austin carl arthur lawrence dylan jesse bryan
	billy bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph
	eugene russell bobby mason philip phillip louis harry howard fred bernard bernie ted len
	mitt mike jim jimmy bill bob tom tommy tim joe dan danny steve chris rick ricky rand
	marco ben newt rudy chuck mitch barack barry hank ken kenny lou luis carlos jorge
	miguel pedro antonio manuel francisco ahmed mohammed muhammad mohamed ali omar hassan
	ibrahim mahmoud vladimir sergei dmitry boris igor ivan nikolai viktor emmanuel francois
	jacques pierre jean-claude hans klaus wolfgang jurgen giuseppe giovanni mario luigi
	matteo ramon rafael alejandro diego fernando ricardo roberto eduardo sergio andres
	martin kurt glenn dean dale craig todd chad brad derek travis shane curtis wesley
	herbert leonard marvin lee clarence earl warren frederick allen stanley leroy milton
	neil norman gordon lloyd leon calvin jerome franklin nelson reginald rex rod ron
	don dave doug greg jeff jon josh matt nick pete phil sam tony vince wes will zach
	andy alex max jake luke colin ian duncan graham nigel rupert hugh oliver jeremiah
	mohammad abdul rahul raj sanjay vijay amit hiroshi kenji takeshi wei jian`,
	`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy
	betty margaret sandra ashley kimberly emily donna michelle michele carol amanda dorothy
	melissa deborah debra debbie stephanie rebecca sharon laura cynthia kathleen amy angela
	shirley anna brenda pamela emma nicole helen samantha katherine kathy christine rachel
	carolyn janet catherine maria heather diane dianne ruth julie olivia joyce virginia
	victoria lauren christina joan evelyn judith judy megan andrea cheryl hannah jacqueline
	martha gloria teresa ann anne sara madison frances kathryn janice abigail alice sophia
	grace denise amber doris marilyn danielle beverly isabella theresa diana natalie
	brittany charlotte marie kayla alexis lori hillary hilary nikki carly kirsten tammy jill
	chelsea huma kellyanne sheryl oprah ivanka valerie susana elena sofia carmen rosa
	ana lucia isabel monica veronica claudia silvia francesca giulia angela marine
	segolene christiane ursula angelika katrin theresa nicola caroline penelope priscilla
	irene joanna jane wendy peggy paula rita rose roberta sally sue susie tina vicki
	yvonne beth becky cindy connie ellen emily gail holly jenny jo kate katie liz lucy
	maggie meg molly nora patty sylvia tara tracy vanessa whitney yolanda zoe elaine
	eileen colleen loretta marcia bernadette geraldine jeanne joanne kristen kristin
	lynn marsha maxine nina rebekah shannon stacey stacy tamara vera wanda
	amelia ava chloe ella mia lily ruby hope faith joy nadia fatima aisha leila mariam
	olga tatiana svetlana natalia yulia irina anastasia`)

// places are places that may stand where a person's name would.
var places = Set(`alabama alaska arizona arkansas california colorado connecticut delaware
	florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
	massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma
	oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming
	america britain england scotland wales ireland france germany italy spain portugal russia
	ukraine china japan korea india pakistan afghanistan iran iraq syria israel egypt turkey
	mexico canada brazil cuba venezuela argentina colombia chile australia europe asia africa
	greece poland sweden norway denmark finland belgium netherlands switzerland austria
	hungary libya yemen lebanon jordan qatar nigeria kenya vietnam taiwan indonesia
	washington london paris moscow beijing tokyo berlin brussels jerusalem baghdad kabul
	tehran damascus cairo manhattan brooklyn chicago boston iowa`)

// placePhrases are places of two words or more, in lower case.
var placePhrases = Set(`new_hampshire new_jersey new_mexico new_york north_carolina
	south_carolina north_dakota south_dakota rhode_island west_virginia united_states
	united_kingdom south_korea north_korea saudi_arabia new_zealand south_africa
	latin_america middle_east puerto_rico las_vegas los_angeles san_francisco
	new_orleans des_moines capitol_hill wall_street silicon_valley`)

// genderTable reads the male and the female first names.
func genderTable(male, female string) map[string]byte {
	m := map[string]byte{}
	for _, w := range strings.Fields(male) {
		m[w] = 'm'
	}
	for _, w := range strings.Fields(female) {
		m[w] = 'f'
	}
	return m
}

// Place reports a name that is a place's: a country, a US state, a
// region or a city news names often.
func Place(name string) bool {
	low := strings.ToLower(strings.Join(strings.Fields(name), " "))
	low = strings.TrimPrefix(low, "the ")
	return places[low] || placePhrases[strings.ReplaceAll(low, " ", "_")]
}

// NameGender is the gender the first name of a person's full name
// tells (the first word, or the second of three or more), or 0.
func NameGender(name string) byte {
	f := strings.Fields(name)
	if len(f) < 2 {
		return 0
	}
	g := FirstNames[strings.ToLower(strings.TrimSuffix(f[0], "."))]
	if g == 0 && len(f) >= 3 {
		g = FirstNames[strings.ToLower(f[1])] // a word before the name: Democrat Hillary Clinton
	}
	return g
}

// Set reads a space-separated word list as a set.
func Set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
