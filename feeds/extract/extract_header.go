package extract

import (
	"strings"
	"time"

	"github.com/byline-reader/byline/model/markdown"
)

// The title, the byline and the dateline are shown once, in the reader's
// header. The first blocks of an article's text often repeat them (the
// page's own headline, "By Jane Doe", "June 21, 2024"); those blocks go
// when they match the header's fields closely, and only then: a byline
// naming someone else, or a date other than the published one, stays.
// So does anything after the first block of real text.

// maxLeadBlocks is how many leading blocks are looked at.
const maxLeadBlocks = 6

// dropHeaderRepeats removes the leading blocks of md that repeat ex's
// title, author or published date, and a heading the text ends on.
func dropHeaderRepeats(md string, ex Extracted) string {
	blocks := strings.Split(strings.TrimSpace(md), "\n\n")
	var kept []string
	lead := true
	for i, b := range blocks {
		if lead && i < maxLeadBlocks {
			switch {
			case isImageLine(b):
				kept = append(kept, b)
				continue
			case repeatsHeader(b, ex):
				continue
			}
		}
		lead = false
		kept = append(kept, b)
	}
	if n := len(kept); n > 1 && isHeadingBlock(kept[n-1]) && hasParagraph(kept[:n-1]) {
		kept = kept[:n-1]
	}
	return strings.Join(kept, "\n\n")
}

// isHeadingBlock reports a block that is one heading line.
func isHeadingBlock(b string) bool {
	b = strings.TrimSpace(b)
	return !strings.Contains(b, "\n") && markdown.LineOf(b).Kind == markdown.Heading
}

// hasParagraph reports a block of text among blocks: neither a heading
// nor an image line.
func hasParagraph(blocks []string) bool {
	for _, b := range blocks {
		if !isHeadingBlock(b) && !isImageLine(b) {
			return true
		}
	}
	return false
}

// repeatsHeader reports a block that is the title, the byline or the
// dateline the header shows.
func repeatsHeader(block string, ex Extracted) bool {
	line := plainLine(strings.TrimLeft(strings.TrimSpace(block), "#> "))
	line = strings.TrimSpace(strings.Trim(line, "_*"))
	if line == "" {
		return false
	}
	if ex.Title != "" && sameText(line, ex.Title) {
		return true
	}
	var found Extracted
	if !takeMetaLine(&found, line) {
		if a, _, ok := ParseByline(line); ok && ex.Author != "" && sameName(a, ex.Author) {
			return true // a bare name that is the author's
		}
		return false
	}
	if found.Author != "" && (ex.Author == "" || !sameName(found.Author, ex.Author)) {
		// "By Jane Doe, Local Reporter · 18 January 2024": the byline
		// read whole holds the role; read with its dateline, the name.
		a, _, d, ok := splitBylineDateline(line)
		return ok && ex.Author != "" && sameName(a, ex.Author) && !ex.Published.IsZero() && sameDay(d, ex.Published)
	}
	if !found.Published.IsZero() && (ex.Published.IsZero() || !sameDay(found.Published, ex.Published)) {
		return false
	}
	return true
}

// sameText compares two titles by their letters and digits.
func sameText(a, b string) bool {
	fa, fb := foldText(a), foldText(b)
	return fa != "" && fa == fb
}

// sameName reports two spellings of the same names: four in five of
// the words of each are in the other.
func sameName(a, b string) bool {
	wa, wb := tokenSet(a), tokenSet(b)
	return len(wa) > 0 && len(wb) > 0 && covered(wa, wb) && covered(wb, wa)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

func foldText(s string) string {
	var b strings.Builder
	for w := range strings.FieldsSeq(strings.ToLower(s)) {
		for _, r := range w {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && !strings.ContainsRune("‘’“”–—…·•", r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

func isImageLine(b string) bool {
	t := strings.TrimSpace(b)
	return strings.HasPrefix(t, "[Image:") || strings.HasPrefix(t, "[[Image:") || isItalicLine(t)
}
