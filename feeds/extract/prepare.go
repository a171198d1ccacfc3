package extract

import (
	"github.com/byline-reader/byline/feeds/extract/formula"
	"golang.org/x/net/html"
)

// prepareForReadability rewrites what readability would lose: formulas
// become code (package formula), captions and credits are marked
// (markCaptions).
func prepareForReadability(root *html.Node) {
	formula.Replace(root)
	markCaptions(root)
}
