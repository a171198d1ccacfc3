package corpus

import (
	"math/rand/v2"
	"strings"
)

// The vocabulary of the corpus: plain news words, enough of them that
// titles differ and a full-text index has work to do.
var vocabulary = strings.Fields(`
	minister council budget election harbour river bridge school teacher
	hospital nurse doctor patient museum library archive festival concert
	market price wage strike union factory export import tariff bank loan
	interest rate inflation growth report survey study data figure record
	court judge ruling appeal police officer inquiry witness mayor city
	village county region province border coast storm flood drought heat
	rain harvest farmer crop water supply power grid energy plant wind solar
	train station line tunnel airport flight route ticket fare commuter
	player coach team league season match goal final trophy stadium crowd
	scientist researcher laboratory vaccine trial result sample planet
	telescope rocket launch mission satellite engine software network
	company chief executive board share investor deal merger profit loss
	parliament vote bill law reform tax pension health care housing rent
	tenant landlord building tower street square park garden forest island
	talks agreement treaty summit leader envoy embassy visit plan proposal
	decision delay increase decrease cut rise fall change return opening
	closure protest march rally campaign candidate poll turnout ballot
	party coalition opposition government state agency office spokesman
	announced said warned confirmed denied reported expected described
	built opened closed reached rejected approved signed measured showed
	new old early late local national public private small large strong
	weak rapid slow recent final second first major minor central northern
	southern eastern western coastal rural urban annual quarterly weekly
	the of and in on at for with after before over under near against
	between during about from into across since until without within
`)

// firstNames and lastNames make the corpus's people: authors and speakers.
var firstNames = strings.Fields(`
	Maria James Anna David Sofia Thomas Elena Daniel Laura Peter Clara
	Michael Nadia Samuel Ingrid Omar Priya Lucas Hannah Tomas Aisha Felix
	Grace Henrik Yuki Mateo Olivia Jonas Leila Victor
`)

var lastNames = strings.Fields(`
	Novak Okafor Lindqvist Moreau Tanaka Fischer Costa Brennan Haddad
	Kowalski Silva Nakamura Petrov Andersen Romero Mensah Dubois Keller
	Schmidt Rossi Walsh Ibrahim Larsen Chen Varga Ortega Byrne Sato
`)

// roles are what a speaker is, as news writes it after a name.
var roles = []string{
	"the finance minister", "a spokeswoman for the council", "the union's leader",
	"a senior economist at the bank", "the head of the hospital", "the mayor",
	"a local farmer", "the team's coach", "a researcher at the university",
	"the company's chief executive", "an opposition lawmaker", "a resident",
}

// saidForms are ways a quotation is attributed after it.
var saidForms = []string{"said", "told reporters", "added", "warned", "said on Tuesday"}

// oddTitles are pieces of titles that test a reader's text handling:
// typographic quotes, an ampersand, markup written as text, accents, CJK.
var oddTitles = []string{
	"Café owners & “tax relief”",
	"Why <b>bold</b> plans stall",
	"Ümlaut, façade — and naïve hopes",
	"東京 talks resume",
	"Prices up 5% < forecast > target",
	"‘Quiet’ reform passes",
}

// words returns n words of the vocabulary.
func words(r *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = vocabulary[r.IntN(len(vocabulary))]
	}
	return out
}

// sentence returns a sentence of min..max words, capitalised, with its
// full stop.
func sentence(r *rand.Rand, min, max int) string {
	w := words(r, min+r.IntN(max-min+1))
	w[0] = capitalise(w[0])
	return strings.Join(w, " ") + "."
}

// person is a first and last name.
func person(r *rand.Rand) string {
	return firstNames[r.IntN(len(firstNames))] + " " + lastNames[r.IntN(len(lastNames))]
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
