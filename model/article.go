package model

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// Article is one item of a feed, with what byline learned about it.
type Article struct {
	ID        int64
	FeedID    int64
	FeedTitle string // the feed's title, filled by queries that join it

	Key       string // stable identity within the feed: guid, else link, else a hash
	Title     string
	URL       string
	Author    string
	Published time.Time
	Updated   time.Time
	Summary   string // the feed's teaser, as HTML or text
	Content   string // the feed's full content, when it carries one

	// The whole article, extracted from its page and cleaned, as markdown.
	Markdown    string
	ExtractedAt time.Time
	Notice      string // why the page could not be used, when it could not
	Site        string // the publication's name, from the page or feed

	Read      bool
	Starred   bool
	FetchedAt time.Time
}

// ArticleKey gives the stable identity of a feed item: its guid when it has
// one, else its link, else a hash of its title and text.
func ArticleKey(guid, link, title, text string) string {
	if g := strings.TrimSpace(guid); g != "" {
		return g
	}
	if l := strings.TrimSpace(link); l != "" {
		return l
	}
	sum := sha256.Sum256([]byte(title + "\x00" + text))
	return "sha256:" + hex.EncodeToString(sum[:16])
}

// Age says how long ago t was, in the few characters a headline row has:
// "now", "5m", "3h", "2d", "6w", "1y".
func Age(now, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "now"
	case d < time.Hour:
		return strconv.Itoa(int(d/time.Minute)) + "m"
	case d < 48*time.Hour:
		return strconv.Itoa(int(d/time.Hour)) + "h"
	case d < 14*24*time.Hour:
		return strconv.Itoa(int(d/(24*time.Hour))) + "d"
	case d < 365*24*time.Hour:
		return strconv.Itoa(int(d/(7*24*time.Hour))) + "w"
	default:
		return strconv.Itoa(int(d/(365*24*time.Hour))) + "y"
	}
}

// ArticleQuery selects articles for a headline list.
type ArticleQuery struct {
	FeedID  int64  // 0: every feed
	FeedURL string // alternative to FeedID
	Unread  bool   // only unread articles
	Starred bool   // only starred articles
	Tag     string // only the articles of feeds with this tag (folder); case-insensitive for ASCII
	Text    string // only articles whose title contains this, ignoring case (ASCII letters)
	Limit   int    // 0: no limit
	Offset  int
}

// FeedHasFullText judges whether a feed's content (as markdown) is the
// whole article rather than a teaser, so that the page need not be
// fetched: long content is; shorter content is when it has several
// paragraphs, clearly more than the summary, and does not trail off into
// an ellipsis or a "read more" link.
func FeedHasFullText(content, summary string) bool {
	words := WordCount(content)
	switch {
	case words >= 250:
		return true
	case words < 60 || words < 2*WordCount(summary):
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

// SiteName names the publication an article comes from: the name its page
// gives, else its feed's title, else its link's host.
func (a Article) SiteName() string { return shareSite(a, a.URL) }
