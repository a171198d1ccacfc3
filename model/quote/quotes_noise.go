package quote

import (
	"strings"
	"unicode/utf8"
)

// Page furniture that extraction leaves in an article's markdown and that
// must not yield quotes: image captions and credits, "Read more:" links,
// sign-up buttons, lists of other stories under a "Related" heading, and
// pull quotes that repeat the body.

// quoteCaptionPrefixes open lines that are captions or credits wherever
// they stand.
var quoteCaptionPrefixes = []string{"image caption", "image source", "media caption", "video caption",
	"caption:", "photograph:", "photo:", "photos:", "picture:", "credit:", "illustration:"}

// quoteCreditMarks are found in the caption line under an image.
var quoteCreditMarks = []string{"Photograph:", "Photo:", "Photo by", "Photos:", "Photo/", "Credit", "Getty Images",
	"AP Photo", "Illustration", "courtesy", "/AFP", "AFP/", "/Reuters", "Reuters/", "/EPA", "EPA/", "Image source"}

// quoteButtonPrefixes open calls to action.
var quoteButtonPrefixes = []string{"sign up", "subscribe", "follow us", "follow him", "follow her", "click here",
	"download the", "listen ·", "share this", "get the newsletter", "newsletter"}

// quoteRelatedWords mark a heading over other stories.
var quoteRelatedWords = []string{"related", "more on this", "most read", "most viewed", "most popular", "trending",
	"keep reading", "more from", "more stories", "read more", "explore more", "recommended", "you may also",
	"top stories", "latest news", "more coverage", "read next", "also read", "what to read"}

// quoteFurnitureLine reports a line that is page furniture wherever it
// stands: a bracketed image placeholder ("[Image: …]"), a caption or
// credit line, a short label followed by links only ("Read more: [ … ](…)")
// or a call to action.
func quoteFurnitureLine(t string) bool {
	if strings.HasPrefix(t, "[Image") && strings.HasSuffix(t, "]") {
		return true
	}
	low := strings.TrimLeft(t, "*_ ")
	low = strings.ToLower(low[:min(len(low), 64)]) // only prefixes are compared
	for _, p := range quoteCaptionPrefixes {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	for _, p := range quoteButtonPrefixes {
		if strings.HasPrefix(low, p) && len(strings.Fields(t)) <= 25 {
			return true
		}
	}
	if c := strings.IndexByte(t, ':'); c > 0 && c < 40 && len(strings.Fields(t[:c])) <= 4 && !strings.ContainsAny(t[:c], "“\"‘'") {
		return quoteLinkOnly(strings.TrimSpace(t[c+1:]))
	}
	return false
}

// quoteMarkFurniture turns prose blocks that are page furniture into
// non-prose ones: the caption lines under an image and the blocks of a
// related-stories section.
func quoteMarkFurniture(md string, blocks []quoteBlock) {
	afterImage, related := 0, false
	for i := range blocks {
		b := &blocks[i]
		t := strings.TrimSpace(md[b.start:b.end])
		if !b.prose {
			switch {
			case quoteImageLine(t):
				afterImage = 2 // a credit line and a caption may follow
			case strings.HasPrefix(t, "#"):
				related = quoteRelatedLabel(strings.TrimLeft(t, "# "))
				afterImage = 0
			}
			continue
		}
		single := !strings.Contains(t, "\n")
		switch {
		case single && afterImage > 0 && quoteCaptionLine(t):
			b.prose = false
			afterImage--
			continue
		case single && quoteRelatedLabel(t):
			b.prose, related = false, true
		case related && quoteHeadlineLike(t):
			b.prose = false
		default:
			related = false
		}
		afterImage = 0
	}
}

func quoteImageLine(t string) bool {
	t = strings.TrimLeft(t, "> *_")
	return strings.HasPrefix(t, "[Image") || strings.HasPrefix(t, "![") || strings.HasPrefix(t, "[![")
}

// quoteCaptionLine reports the line under an image that is its caption:
// it is set in emphasis, carries a photo credit, ends with a bracketed
// credit, or does not end like a sentence ("… Jane Roe for NPR").
func quoteCaptionLine(t string) bool {
	if len(t) > 2 && strings.ContainsRune("*_", rune(t[0])) && strings.ContainsRune("*_", rune(t[len(t)-1])) {
		return true
	}
	for _, m := range quoteCreditMarks {
		if strings.Contains(t, m) {
			return true
		}
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == ')' || r == ']' || !strings.ContainsRune(".!?”\"’'…", r)
}

// quoteRelatedLabel reports a short label over a list of other stories.
func quoteRelatedLabel(t string) bool {
	if strings.ContainsAny(t, ".!?“\"") || len(strings.Fields(t)) > 6 {
		return false
	}
	low := strings.ToLower(t)
	for _, w := range quoteRelatedWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// quoteHeadlineLike reports a block in a related-stories section that is
// another story's headline: a list item or a line that does not end like a
// sentence.
func quoteHeadlineLike(t string) bool {
	for _, line := range strings.Split(t, "\n") {
		line = strings.TrimSpace(line)
		if _, ok := quoteCutListMarker(line); ok {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(line); strings.ContainsRune(".!?”\"’'…", r) {
			return false
		}
	}
	return true
}

// quoteDropPullQuotes removes quotes that stand in a blockquote and repeat
// a quote of the body (a pull quote): the body's quote is the one kept.
func quoteDropPullQuotes(md string, blocks []quoteBlock, hits []quoteHit) []quoteHit {
	pulled := false
	for _, h := range hits {
		if quoteInBlockquote(md, blocks[h.first]) {
			pulled = true
			break
		}
	}
	if !pulled {
		return hits
	}
	kept := hits[:0:0]
	for i, h := range hits {
		if !quoteInBlockquote(md, blocks[h.first]) || !quoteRepeatsBody(md, blocks, hits, i) {
			kept = append(kept, h)
		}
	}
	return kept
}

func quoteInBlockquote(md string, b quoteBlock) bool {
	return strings.HasPrefix(strings.TrimLeft(md[b.start:b.end], " "), ">")
}

func quoteRepeatsBody(md string, blocks []quoteBlock, hits []quoteHit, i int) bool {
	n := quotePullNorm(hits[i].text)
	if len(n) < 8 {
		return false
	}
	for k, h := range hits {
		if k != i && !quoteInBlockquote(md, blocks[h.first]) && strings.Contains(quotePullNorm(h.text), n) {
			return true
		}
	}
	return false
}

func quotePullNorm(s string) string {
	return strings.ToLower(strings.Trim(s, " .,;:!?…\n"))
}
