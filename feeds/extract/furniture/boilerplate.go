package furniture

import (
	"regexp"
	"strings"

	"github.com/byline-reader/byline/model/markdown"
)

// maxBoilerplateBlocks is the most blocks a press release's company
// description runs to after its closing rule.
const maxBoilerplateBlocks = 4

// markCompanyBoilerplate removes a press release's closing description of
// the company that issued it, set after a rule at the article's end: the
// rule and the few blocks after it, when the first of them (past an
// "About Acme" label) describes a company ("Acme is a leading provider
// of …"). An article's closing note after a rule, an author's bio, a
// correction, stays.
func markCompanyBoilerplate(blocks []block) {
	rule := -1
	for bi, b := range blocks {
		if !b.code && len(b.lines) == 1 && markdown.LineOf(b.lines[0]).Kind == markdown.ThematicBreak {
			rule = bi
		}
	}
	if rule < 1 || len(blocks)-rule-1 == 0 || len(blocks)-rule-1 > maxBoilerplateBlocks {
		return
	}
	first := rule + 1
	if t := plainLine(blocks[first]); rxAboutLabel.MatchString(t) && first+1 < len(blocks) {
		first++
	}
	if blocks[first].code || !rxCompanyDescription.MatchString(plainLine(blocks[first])) {
		return
	}
	for bi := rule; bi < len(blocks); bi++ {
		for ui := range blocks[bi].units {
			blocks[bi].units[ui].removed = true
		}
	}
}

// plainLine is a block's text, without markdown's marks.
func plainLine(b block) string {
	t, _ := plainText(strings.TrimSpace(strings.Join(b.lines, " ")))
	return strings.TrimSpace(strings.Trim(strings.TrimLeft(t, "# "), "*_ "))
}

var (
	// rxAboutLabel: "About Acme", "About Acme Corp.:".
	rxAboutLabel = regexp.MustCompile(`^(?i:about) \p{Lu}[^.!?]{0,60}$`)
	// rxCompanyDescription: a name, and what company it is, in the first
	// sentence ("Acme is a global solutions provider", "Acme, Inc. is the
	// leading maker of …", "Founded in 1990, Acme is a company …").
	rxCompanyDescription = regexp.MustCompile(`^(?:(?:Founded|Established|Headquartered|Based) in [^,.]{1,40}, )?\p{Lu}[\p{L}\p{N}&.,'’ -]{0,60}? (?:is|are) (?:a|an|the|one of the)\b[^.]{0,120}?\b(?:provider|company|companies|firm|manufacturer|maker|developer|supplier|leader|organi[sz]ation|corporation|group|platform|agency|bank|retailer|distributor|operator|producer|publisher|consultancy|network)s?\b`)
)
