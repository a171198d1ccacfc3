package furniture

import (
	"regexp"
	"strings"
)

// markTailCredits removes the wire credit that closes an article after
// its text ("Reporting by …; Editing by …"): the byline's kin, names
// only. Only at the very end, from the last block back, and only while
// every unit met is one or already removed. A copyright line stays (the
// benchmark's truth keeps it as often as not), and so does "Jane Doe
// contributed to this report." (a sentence readability keeps).
func markTailCredits(blocks []block) {
	for bi := len(blocks) - 1; bi >= 0; bi-- {
		b := &blocks[bi]
		if b.code {
			return
		}
		for ui := len(b.units) - 1; ui >= 0; ui-- {
			u := &b.units[ui]
			if u.removed {
				continue
			}
			text, _ := plainText(strings.Join(b.lines[u.from:u.to], " "))
			if !isTailCredit(text) {
				return
			}
			u.removed = true
		}
	}
}

var rxReportingBy = regexp.MustCompile(`^(?i:(additional |with )?(reporting|writing) by) \p{Lu}`)

// isTailCredit reports a credit line on its own.
func isTailCredit(text string) bool {
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(text), "()[]*_"))
	n := len(strings.Fields(t))
	return n > 0 && n <= 40 && rxReportingBy.MatchString(t) && allNames(t)
}

// creditWords are the words of a credit line that are no name.
var creditWords = wordSet("and by with in from additional reporting writing " +
	"editing de da van von der del la le bin al")

// allNames reports a credit line made only of names and credit words:
// "Reporting by Jo Lee; additional reporting by Ana Ruiz; Editing by Sam Roe".
func allNames(t string) bool {
	for _, w := range strings.Fields(t) {
		w = strings.Trim(w, ".,;:()*_")
		if w != "" && !creditWords[strings.ToLower(w)] && !startsUpper(w) {
			return false
		}
	}
	return true
}
