package meta

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseByline reads a byline: "By Jane Doe", "Jane Doe of the OAN",
// "By Jane Doe and John Roe, Reuters", "Jane Doe | The Post", "Written by
// Jane Doe for The Times", or a bare "Jane Doe" (as in a page's author
// metadata). It returns the author and, when the byline names one, the
// site. ok is false when s does not read as a byline: too long, a sentence,
// or words that are not a name.
func ParseByline(s string) (author, site string, ok bool) {
	return parseByline(s, false)
}

// ParseBylineMarked is ParseByline for a line of running text: it accepts
// only a byline that marks itself as one ("By …", "… of the Site",
// "… | Site", "… for Site"), not a bare name, which could as well be a
// heading.
func ParseBylineMarked(s string) (author, site string, ok bool) {
	return parseByline(s, true)
}

// parseByline is ParseByline, or ParseBylineMarked when mustBeMarked.
func parseByline(s string, mustBeMarked bool) (author, site string, ok bool) {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, " .;:")
	if s == "" || utf8.RuneCountInString(s) > 120 || strings.Contains(s, "://") {
		return "", "", false
	}
	rest, marked := cutBylinePrefix(s)
	names, site := splitBylineSite(rest)
	if mustBeMarked && !marked && site == "" || !isNameList(names) {
		return "", "", false
	}
	return tidyName(names), site, true
}

// cutBylinePrefix removes "By", "Written by", "Author:" and the like.
func cutBylinePrefix(s string) (string, bool) {
	lower := strings.ToLower(s)
	for _, p := range []string{
		"written by ", "words by ", "story by ", "reporting by ", "posted by ",
		"published by ", "text by ", "article by ", "by: ", "by ", "author: ",
		"authors: ", "author ", "par ", "por ", "von ",
	} {
		if strings.HasPrefix(lower, p) {
			return strings.TrimSpace(s[len(p):]), true
		}
	}
	return s, false
}

// splitBylineSite separates "Names of the Site", "Names, Site",
// "Names | Site", "Names – Site" and "Names for Site".
func splitBylineSite(s string) (names, site string) {
	for _, sep := range []string{" | ", " – ", " — ", " - ", " · "} {
		if i := strings.Index(s, sep); i > 0 {
			return s[:i], siteName(s[i+len(sep):])
		}
	}
	for _, sep := range []string{" of the ", " for the ", " of ", " for "} {
		if i := strings.LastIndex(s, sep); i > 0 {
			if st := siteName(s[i+len(sep):]); st != "" {
				return s[:i], st
			}
		}
	}
	if i := strings.LastIndex(s, ", "); i > 0 {
		tail := s[i+2:]
		switch st := siteName(tail); {
		case isRole(tail):
			return s[:i], ""
		case st != "" && (isSiteLike(tail) || !isNameList(tail)):
			return s[:i], st
		}
	}
	return s, ""
}

// siteName accepts a short organisation name and rejects roles ("Staff
// Writer") and dates.
func siteName(s string) string {
	s = strings.TrimSpace(strings.TrimRight(s, " .;:,"))
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 || !startsUpperOrDigit(s) {
		return ""
	}
	if isRole(s) {
		return ""
	}
	if _, ok := ParseDateline(s); ok {
		return ""
	}
	for _, w := range words {
		if !isNameWord(w) && !isOrgWord(w) {
			return ""
		}
	}
	return s
}

// isRole reports a job title such as "Staff Writer" or "Senior Editor".
func isRole(s string) bool {
	lower := strings.ToLower(s)
	for _, role := range []string{
		"writer", "reporter", "correspondent", "editor", "contributor",
		"columnist", "staff", "senior", "chief", "intern", "freelance",
		"producer", "photographer", "analyst", "professor", "director",
	} {
		if strings.Contains(lower, role) {
			return true
		}
	}
	return false
}

// isSiteLike reports a name that reads as an organisation, not a person:
// all capitals ("OAN", "AP") or with a typical organisation word.
func isSiteLike(s string) bool {
	if s == strings.ToUpper(s) && len(s) <= 8 {
		return true
	}
	lower := " " + strings.ToLower(s) + " "
	for _, w := range []string{" news", " press", " times", " post", " journal", " reuters", " agency", " media", " network", " tribune", " herald", " daily", " radio", " tv "} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// isNameList reports names joined by commas, "and" or "&", each one to
// five capitalised words (particles such as "van" and "de" allowed).
func isNameList(s string) bool {
	s = strings.ReplaceAll(s, " & ", " and ")
	s = strings.ReplaceAll(s, ", and ", " and ")
	parts := strings.Split(s, " and ")
	var names []string
	for _, p := range parts {
		names = append(names, strings.Split(p, ", ")...)
	}
	if len(names) == 0 || len(names) > 6 {
		return false
	}
	for _, n := range names {
		words := strings.Fields(n)
		if len(words) == 0 || len(words) > 5 {
			return false
		}
		capitals := 0
		for _, w := range words {
			switch {
			case isParticle(w):
			case isNameWord(w):
				capitals++
			default:
				return false
			}
		}
		if capitals == 0 {
			return false
		}
	}
	return true
}

func isParticle(w string) bool {
	switch strings.ToLower(w) {
	case "de", "da", "del", "della", "der", "den", "di", "du", "la", "le",
		"van", "von", "ten", "ter", "bin", "al", "el", "y", "dos", "das":
		return w == strings.ToLower(w)
	}
	return false
}

// isNameWord: a word that starts with a capital letter and holds only
// letters, marks, apostrophes, hyphens and dots ("O’Brien", "J.", "Smith-Jones").
func isNameWord(w string) bool {
	if !startsUpper(w) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !strings.ContainsRune("'’.-", r) {
			return false
		}
	}
	return true
}

func isOrgWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("'’.-&!", r) {
			return false
		}
	}
	return true
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func startsUpperOrDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// tidyName turns an all-capitals byline ("JAMES MEYERS") into title case
// and leaves any other spelling as written.
func tidyName(s string) string {
	if s != strings.ToUpper(s) {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if w == "and" || isParticle(w) {
			continue
		}
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}
