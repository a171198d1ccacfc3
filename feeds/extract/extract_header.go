package extract

import (
	"strings"
	"time"
	"unicode"

	"github.com/byline-reader/byline/feeds/extract/meta"
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
// title (with the short heading over it: a kicker, a "Breaking news"
// banner), author or published date; a leading
// timestamp line ("Updated: Sat 8:31 PM, Feb 17, 2018"); and a heading
// the text ends on. Image lines, bare links and blocks without a word
// are passed over.
func dropHeaderRepeats(md string, ex Extracted) string {
	blocks := strings.Split(strings.TrimSpace(md), "\n\n")
	var kept []string
	var kickers []int // indices in kept of short headings in the lead
	lead := true
	for i, b := range blocks {
		if lead && i < maxLeadBlocks {
			switch {
			case isImageLine(b) || isBareLink(b) || !hasWord(b):
				kept = append(kept, b)
				continue
			case repeatsTitle(b, ex.Title):
				kept = dropIndices(kept, kickers)
				kickers = nil
				continue
			case isKicker(b):
				kickers = append(kickers, len(kept))
				kept = append(kept, b)
				continue
			case repeatsHeader(b, ex) || isTimestampLine(b):
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

// repeatsTitle reports a block that is the title.
func repeatsTitle(b, title string) bool {
	return title != "" && sameText(headerLine(b), title)
}

// headerLine is a block's text as compared with the header's fields:
// without heading or quote marks and the emphasis around it.
func headerLine(b string) string {
	return strings.TrimSpace(strings.Trim(plainLine(strings.TrimLeft(strings.TrimSpace(b), "#> ")), "_*"))
}

// isTimestampLine reports a block of one or more labelled timestamps:
// "Updated: Sat 8:31 PM, Feb 17, 2018", "Updated Nov 19, 9:41 AM;Posted
// Nov 18, 8:19 PM". Shown before the text, it is the page's furniture,
// whichever day it names; a bare date other than the published one is
// not labelled as the page's and stays.
func isTimestampLine(b string) bool {
	line := strings.TrimSpace(strings.Trim(plainLine(strings.TrimSpace(b)), "_* "))
	if line == "" || strings.Contains(line, "\n") {
		return false
	}
	parts := strings.FieldsFunc(line, func(r rune) bool { return strings.ContainsRune(";|·•", r) })
	for _, p := range parts {
		if !hasTimestampLabel(p) {
			return false
		}
		if _, ok := meta.ParseDateline(p); !ok {
			if _, ok := meta.ParseDateline(p + " 2000"); !ok { // "Nov 19, 9:41 AM": no year
				return false
			}
		}
	}
	return len(parts) > 0
}

// hasTimestampLabel reports text starting with the word that labels a
// timestamp: "Updated", "Posted", "Published", "Last modified".
func hasTimestampLabel(text string) bool {
	l := strings.ToLower(strings.TrimSpace(text))
	l = strings.TrimPrefix(l, "last ")
	for _, w := range []string{"updated", "posted", "published", "modified"} {
		if rest, ok := strings.CutPrefix(l, w); ok && (rest == "" || strings.ContainsRune(" :", rune(rest[0]))) {
			return true
		}
	}
	return false
}

// isKicker reports a heading of a few words, not a sentence: over the
// headline, a kicker or a banner ("Breaking News").
func isKicker(b string) bool {
	if !isHeadingBlock(b) {
		return false
	}
	t := strings.TrimSpace(strings.Trim(strings.TrimLeft(strings.TrimSpace(b), "# "), "*_"))
	return len(strings.Fields(t)) <= 4 && !strings.ContainsAny(t, ".!?:")
}

// dropIndices is blocks less those at the indices drop, in order.
func dropIndices(blocks []string, drop []int) []string {
	out := blocks[:0:0]
	for i, b := range blocks {
		if len(drop) > 0 && drop[0] == i {
			drop = drop[1:]
			continue
		}
		out = append(out, b)
	}
	return out
}

// isBareLink reports a block that is one link or URL and nothing else.
func isBareLink(b string) bool {
	t := strings.TrimSpace(b)
	return !strings.ContainsAny(t, " \n") && (strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://"))
}

// hasWord reports a block with a letter or a digit in it.
func hasWord(b string) bool {
	return strings.IndexFunc(b, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
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
	line := headerLine(block)
	if line == "" {
		return false
	}
	if ex.Title != "" && sameText(line, ex.Title) {
		return true
	}
	var found Extracted
	if !takeMetaLine(&found, line) {
		if a, _, ok := meta.ParseByline(line); ok && ex.Author != "" && sameName(a, ex.Author) {
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
	return isPictureLine(t) || isItalicLine(t)
}
