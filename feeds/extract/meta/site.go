package meta

import (
	"strings"
	"unicode"
)

// Site picks the first candidate that reads as a publication's name and
// gives it once: "BBC News · BBC News" is "BBC News", "The Jerusalem Post
// | JPost.com" is "The Jerusalem Post" (the name before a separator, the
// rest being a tagline or a domain), "MA WebMD Health News" is "WebMD
// Health News" (a degree that ended a byline is not the site's). A URL, a
// handle ("@site"), a date or a sentence is passed over.
func Site(candidates ...string) string {
	for _, c := range candidates {
		if s := siteOf(c); s != "" {
			return s
		}
	}
	return ""
}

func siteOf(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || strings.Contains(s, "://") || strings.HasPrefix(s, "@") || strings.HasPrefix(s, "www.") {
		return ""
	}
	s = firstSitePart(s)
	words := strings.Fields(s)
	for len(words) > 1 && isCredential(words[0]) && words[0] == strings.ToUpper(words[0]) {
		words = words[1:]
	}
	s = strings.Join(words, " ")
	if len(words) == 0 || len(words) > 8 || strings.IndexFunc(s, unicode.IsLetter) < 0 {
		return ""
	}
	if _, ok := ParseDateline(s); ok {
		return ""
	}
	if strings.HasSuffix(s, ".") && len(words) > 3 {
		return ""
	}
	return s
}

// siteSeparators part a site name from what follows it.
var siteSeparators = []string{" | ", " · ", " • ", " – ", " — ", " - ", " :: ", " » "}

// firstSitePart is the first of the parts between separators.
func firstSitePart(s string) string {
	for _, sep := range siteSeparators {
		if head, _, ok := strings.Cut(s, sep); ok && strings.TrimSpace(head) != "" {
			s = head
		}
	}
	return strings.TrimSpace(s)
}
