package extract

import (
	"github.com/byline-reader/byline/feeds/extract/formula"
	"golang.org/x/net/html"
)

// prepareForReadability rewrites what readability would lose: formulas
// become code (package formula), embedded posts leave the wrappers
// readability drops (unwrapEmbeds), captions and credits are marked
// (markCaptions), and code blocks keep their language, which readability
// drops with every class (markCodeLanguages).
func prepareForReadability(root *html.Node) {
	formula.Replace(root)
	unwrapEmbeds(root)
	markCaptions(root)
	markCodeLanguages(root)
}
