package extract

import (
	"net/url"
	"strings"

	"github.com/byline-reader/byline/feeds/extract/furniture"
	"github.com/byline-reader/byline/model"
	"golang.org/x/net/html"
)

// maxFragmentBytes bounds the feed content converted at once.
const maxFragmentBytes = 2 << 20

// FragmentToMarkdown converts a feed's HTML content or summary (a fragment,
// not a whole page, so no readability pass) to cleaned, sanitised
// markdown. Plain text comes back as it is, cleaned.
func FragmentToMarkdown(fragment, baseURL string) string {
	if len(fragment) > maxFragmentBytes {
		fragment = fragment[:maxFragmentBytes]
	}
	if !strings.ContainsAny(fragment, "<&") {
		return furniture.Clean(model.Sanitize(fragment))
	}
	doc, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		return furniture.Clean(model.Sanitize(fragment))
	}
	limitDepth(doc, maxDepth)
	base, _ := url.Parse(baseURL)
	if base == nil {
		base = &url.URL{}
	}
	md, err := toMarkdown(doc, base, articleSaid{})
	if err != nil {
		return furniture.Clean(model.Sanitize(fragment))
	}
	return furniture.Clean(model.Sanitize(strings.TrimSpace(md)))
}
