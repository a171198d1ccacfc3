package extract

import (
	"strings"

	"github.com/byline-reader/byline/model"
)

// FeedHasFullText judges whether a feed's content (as markdown) is the
// whole article rather than a teaser, so that the page need not be
// fetched: long content is; shorter content is when it has several
// paragraphs, clearly more than the summary, and does not trail off into
// an ellipsis or a "read more" link.
func FeedHasFullText(content, summary string) bool {
	words := model.WordCount(content)
	switch {
	case words >= 250:
		return true
	case words < 60 || words < 2*model.WordCount(summary):
		return false
	}
	blocks := 0
	for _, b := range strings.Split(strings.TrimSpace(content), "\n\n") {
		if strings.TrimSpace(b) != "" {
			blocks++
		}
	}
	if blocks < 3 {
		return false
	}
	tail := strings.ToLower(strings.TrimSpace(content))
	tail = tail[max(0, len(tail)-80):]
	if strings.HasSuffix(tail, "…") || strings.HasSuffix(tail, "...") || strings.HasSuffix(tail, "[…]") {
		return false
	}
	for _, cut := range []string{"read more", "continue reading", "read the full", "keep reading"} {
		if strings.Contains(tail, cut) {
			return false
		}
	}
	return true
}
