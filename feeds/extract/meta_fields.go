package extract

import (
	"time"

	"github.com/byline-reader/byline/feeds/extract/meta"
)

// The header-field rules live in feeds/extract/meta; these keep the
// package's own names for them.

// ParseByline is meta.ParseByline.
func ParseByline(s string) (author, site string, ok bool) { return meta.ParseByline(s) }

// ParseBylineMarked is meta.ParseBylineMarked.
func ParseBylineMarked(s string) (author, site string, ok bool) { return meta.ParseBylineMarked(s) }

// ParseDateline is meta.ParseDateline.
func ParseDateline(s string) (time.Time, bool) { return meta.ParseDateline(s) }

// ParseTimestamp is meta.ParseTimestamp.
func ParseTimestamp(s string) (time.Time, bool) { return meta.ParseTimestamp(s) }

// ArticleTitle is meta.ArticleTitle.
func ArticleTitle(pageTitle, ogTitle, h1, site string) string {
	return meta.ArticleTitle(pageTitle, ogTitle, h1, site)
}
