package meta

import (
	"strings"
	"time"
	"unicode"

	"github.com/byline-reader/byline/model"
)

// ParseTimestamp reads a machine-written time as pages carry it in
// metadata (article:published_time, <time datetime>, JSON-LD
// datePublished): RFC 3339 and its common relatives, with or without
// seconds, zone or clock. A time with a zone keeps it; one without is the
// local time as given, in time.UTC (see ParseDateline). Anything else is
// tried as a printed dateline.
func ParseTimestamp(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{
		time.RFC3339Nano,
		"2006-01-02T15:04Z07:00",
		"2006-01-02T15:04:05.999999999Z0700",
		"2006-01-02T15:04Z0700",
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05 -0700",
		"2006-01-02 15:04:05 -0700 MST",
		"2006-01-02T15:04:05.999999999",
		"2006-01-02T15:04",
		"2006-01-02 15:04:05",
		"2006-01-02 15:04",
		"2006-01-02",
		time.RFC1123Z,
		time.RFC1123,
		time.RFC850,
		time.ANSIC,
	} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return ParseDateline(s)
}

// ArticleTitle picks an article's own title from what its page offers:
// og:title or the page's h1 when they agree, else the one of them the
// <title> contains, else the <title> without its " – Site Name" suffix.
func ArticleTitle(pageTitle, ogTitle, h1, site string) string {
	pageTitle = model.SanitizeLine(pageTitle)
	ogTitle = model.SanitizeLine(ogTitle)
	h1 = model.SanitizeLine(h1)
	switch {
	case ogTitle != "" && h1 != "" && sameTitle(ogTitle, h1):
		return h1
	case h1 != "" && pageTitle != "" && strings.Contains(fold(pageTitle), fold(h1)):
		return h1
	case ogTitle != "":
		return StripSiteSuffix(ogTitle, site)
	case pageTitle != "":
		return StripSiteSuffix(pageTitle, site)
	}
	return h1
}

// StripSiteSuffix removes a site's name from the end (or start) of a
// page title: "Story – Site", "Story | Site", "Site: Story". Without the
// site's name it removes a last part of at most four words after a
// separator, when what stays is longer.
func StripSiteSuffix(title, site string) string {
	title = model.SanitizeLine(title)
	for _, sep := range []string{" | ", " – ", " — ", " - ", " :: ", " » ", " · ", " • "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if site != "" && sameTitle(tail, site) {
			return head
		}
		if site != "" && sameTitle(head, site) {
			return tail
		}
		if site == "" && len(strings.Fields(tail)) <= 4 && len(strings.Fields(head)) > len(strings.Fields(tail)) {
			return head
		}
	}
	if site != "" {
		for _, sep := range []string{": ", " | "} {
			if head, tail, ok := strings.Cut(title, sep); ok && sameTitle(head, site) && tail != "" {
				return tail
			}
		}
	}
	return title
}

func sameTitle(a, b string) bool { return fold(a) == fold(b) }

// fold lowers a title and keeps only its letters and digits, so quotes,
// dashes and spacing don't make two spellings differ.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
