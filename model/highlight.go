package model

import "time"

// Highlight is a passage of an article the reader chose to keep: a quote
// or a sentence. Its exact text is what is kept; the position is where the
// text stood in the article's markdown when it was highlighted, and is
// found again by model.AnchorHighlightIn when the article is extracted anew.
type Highlight struct {
	ID         int64
	ArticleID  int64
	Text       string
	Start, End int // byte span in the article markdown, when anchored
	Created    time.Time

	// About the article, filled when highlights are listed.
	ArticleTitle string
	ArticleURL   string
	Site         string
}
