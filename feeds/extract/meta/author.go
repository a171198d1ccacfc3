package meta

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Author picks the first candidate that reads as a person's name, or a
// list of them, and gives it tidied: "By Jane Doe" is "Jane Doe",
// "by Lucas Nolan22 Dec 2016" is "Lucas Nolan", "Jane Doe, MS, RD" is
// "Jane Doe", "Jane Doe, Futurism" is "Jane Doe". A candidate that is a
// date, a count, a URL, an organisation ("Associated Press", "HNN Staff")
// or one of notPeople (the site, the publisher) is passed over. site is
// what the chosen byline names as its publication, when it does ("Jane
// Doe of the OAN"). When no candidate reads as a name, both are "".
func Author(candidates []string, notPeople ...string) (author, site string) {
	for _, c := range candidates {
		if a, s := personName(c, notPeople); a != "" {
			return a, s
		}
	}
	return "", ""
}

// personName is the names in one candidate byline, or "".
func personName(s string, notPeople []string) (names, site string) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || strings.Contains(s, "://") || strings.Contains(s, "@") {
		return "", ""
	}
	s = cutCredentials(beforeDigits(unglue(s)))
	a, site, ok := ParseByline(s)
	if !ok {
		return "", ""
	}
	var people []string
	for _, p := range splitNames(a) {
		switch {
		case isCredential(p) || isSiteLike(p) || isOrganisation(p) || isAnyOf(p, notPeople):
			if site == "" && !isCredential(p) && len(people) > 0 {
				site = p
			}
		case isPerson(p):
			people = append(people, p)
		}
	}
	return joinNames(people), site
}

// rxGlued finds a word run into the next one: an all-capitals name
// followed by a capitalised word ("LAWLESSAssociated"), or a name followed
// by digits ("Nolan22").
var (
	rxGluedCaps   = regexp.MustCompile(`(\p{Lu}{2,})(\p{Lu}\p{Ll}{2,})`)
	rxGluedDigits = regexp.MustCompile(`(\p{Ll})(\d)`)
	rxGluedWord   = regexp.MustCompile(`\p{Ll}\p{Lu}\p{Ll}+`)
)

// unglue separates two parts printed without a space between them: a
// name in capitals from the organisation after it ("LAWLESS, Associated"),
// a name from the number or the date after it ("Nolan 22", "Foust
// Monday").
func unglue(s string) string {
	s = rxGluedCaps.ReplaceAllString(s, "$1, $2")
	s = rxGluedWord.ReplaceAllStringFunc(s, func(m string) string {
		_, size := utf8.DecodeRuneInString(m)
		w := strings.ToLower(m[size:])
		if monthNumber(w) > 0 || weekday(w) {
			return m[:size] + " " + m[size:]
		}
		return m
	})
	return rxGluedDigits.ReplaceAllString(s, "$1 $2")
}

// cutCredentials takes the degrees off the end of a byline: "Jane Doe,
// MS, RD" is "Jane Doe".
func cutCredentials(s string) string {
	for {
		i := strings.LastIndex(s, ", ")
		if i < 0 || !isCredential(s[i+2:]) {
			return s
		}
		s = s[:i]
	}
}

// beforeDigits keeps what comes before the first digit, without the date
// words and separators that led up to it: a byline runs into its
// dateline, a reading time or a count ("Jane Doe Dec 22, 2016", "Jane Doe
// · 3 min read").
func beforeDigits(s string) string {
	i := strings.IndexFunc(s, unicode.IsDigit)
	if i < 0 {
		return s
	}
	words := strings.Fields(s[:i])
	for len(words) > 0 {
		last := strings.ToLower(strings.Trim(words[len(words)-1], ",.|–—-·•:()"))
		if last != "" && !datelineFiller[last] && !weekday(last) && monthNumber(last) == 0 && !zoneWords[last] {
			break
		}
		words = words[:len(words)-1]
	}
	return strings.TrimRight(strings.Join(words, " "), " ,.|–—-·•:(")
}

// splitNames cuts a list of names at commas, "and", "&" and at a full
// stop after a word ("Jane Doe. Sputnik").
func splitNames(s string) []string {
	s = strings.ReplaceAll(s, " & ", ", ")
	s = strings.ReplaceAll(s, ", and ", ", ")
	s = strings.ReplaceAll(s, " and ", ", ")
	var out []string
	for _, p := range strings.Split(s, ", ") {
		for _, q := range splitAtStop(p) {
			if q = strings.TrimSpace(q); q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

// splitAtStop cuts at ". " after a word of two letters or more (not after
// an initial, as in "Bruce Y. Lee").
func splitAtStop(s string) []string {
	var out []string
	for {
		i := strings.Index(s, ". ")
		for i >= 0 && !afterWord(s[:i]) {
			j := strings.Index(s[i+2:], ". ")
			if j < 0 {
				i = -1
				break
			}
			i += 2 + j
		}
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+2:]
	}
}

func afterWord(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	last := []rune(f[len(f)-1])
	return len(last) >= 2 && unicode.IsLower(last[len(last)-1]) && !abbreviations[strings.ToLower(string(last))]
}

// abbreviations end with a full stop inside a name: "Dr. Ana Ruiz",
// "Jean St. Claire".
var abbreviations = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "st": true, "jr": true,
	"sr": true, "rev": true, "gen": true, "col": true, "capt": true, "lt": true, "sgt": true,
	"gov": true, "sen": true, "rep": true, "hon": true, "mt": true, "ft": true,
}

// isPerson: two to five words, mostly capitalised, none of them a month or
// a weekday. A single word ("Regan", "Editorial", "Reuters") could be a
// first name, a section or a company; it is not taken.
func isPerson(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 || !isNameList(s) {
		return false
	}
	allCaps := s == strings.ToUpper(s)
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, "."))
		if monthNumber(lw) > 0 && len(lw) > 3 || weekday(lw) && len(lw) > 3 {
			return false
		}
		// An acronym in a mixed-case name is an organisation: "CNN Business".
		if !allCaps && len([]rune(strings.Trim(w, "."))) >= 2 && w == strings.ToUpper(w) && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			return false
		}
	}
	return true
}

// organisationWords mark a byline that names a desk or a company rather
// than a person.
var organisationWords = map[string]bool{
	"staff": true, "news": true, "press": true, "bureau": true, "editorial": true,
	"editors": true, "desk": true, "team": true, "reports": true, "report": true,
	"weekly": true, "daily": true, "sport": true, "sports": true, "media": true,
	"magazine": true, "online": true, "agency": true, "newsroom": true, "wire": true,
	"services": true, "service": true, "group": true, "inc": true, "ltd": true,
	"llc": true, "company": true, "international": true, "network": true, "blog": true,
	"admin": true, "administrator": true, "guest": true, "contributors": true,
}

// isOrganisation reports a byline that names an organisation: one of
// organisationWords, or a name that starts with "The".
func isOrganisation(s string) bool {
	words := strings.Fields(strings.ToLower(s))
	if len(words) > 0 && words[0] == "the" {
		return true
	}
	for _, w := range words {
		if organisationWords[strings.Trim(w, ".,")] {
			return true
		}
	}
	return false
}

// credentials are the degrees and titles written after a name.
var credentials = map[string]bool{
	"ma": true, "ms": true, "msc": true, "md": true, "phd": true, "rn": true, "rd": true,
	"mph": true, "mba": true, "do": true, "dvm": true, "jd": true, "bsc": true, "ba": true,
	"ld": true, "ldn": true, "cde": true, "facp": true, "jr": true, "sr": true, "ii": true,
	"iii": true, "esq": true, "cpt": true, "np": true, "pa": true, "pharmd": true, "mbbs": true,
	"frcp": true, "dnp": true, "cscs": true, "acsm": true,
}

// isCredential reports "MS", "PhD", "MD, MPH" and the like.
func isCredential(s string) bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == ',' || r == '.' })
	for _, w := range words {
		if !credentials[w] {
			return false
		}
	}
	return len(words) > 0
}

// isAnyOf reports s matching one of names (letters and digits compared),
// or being one of them less its suffix ("Snopes" for "Snopes.com").
func isAnyOf(s string, names []string) bool {
	fs := fold(s)
	for _, n := range names {
		fn := fold(n)
		if fn == "" || fs == "" {
			continue
		}
		if fs == fn || strings.HasPrefix(fn, fs) && len(fs) >= 4 || strings.HasPrefix(fs, fn) && len(fn) >= 4 {
			return true
		}
	}
	return false
}

// joinNames writes "A", "A and B", "A, B and C", in title case when the
// page wrote the names in capitals.
func joinNames(names []string) string {
	for i, n := range names {
		names[i] = tidyName(n)
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
