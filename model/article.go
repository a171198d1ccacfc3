package model

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
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

	// ExtractVersion is the version of extraction that made Markdown
	// (extract.Version then); 0 for a body kept before versions were.
	ExtractVersion int
	// PageFailures counts the failed fetches of the page in a row, the
	// last at ExtractedAt; 0 once it is read (only Store.Article fills it).
	PageFailures int

	// Enclosures are the files the item carries (a podcast's audio);
	// Comments is the page where it is discussed (RSS <comments>, Atom
	// rel="replies").
	Enclosures []Enclosure
	Comments   string

	Read      bool
	Starred   bool
	FetchedAt time.Time
}

// Enclosure is a file attached to an article: its URL, media type, size in
// bytes and playing time, each zero when the feed does not say.
type Enclosure struct {
	URL      string
	Type     string
	Length   int64
	Duration time.Duration
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

// HeadlineAge is how old a headline is, as every list shows it: the age of
// its published time, else "~" and the age of its first fetch (a feed that
// dates nothing; "~3h"), else "".
func HeadlineAge(now time.Time, a Article) string {
	if age := Age(now, a.Published); age != "" {
		return age
	}
	if age := Age(now, a.FetchedAt); age != "" {
		return "~" + age
	}
	return ""
}

// SortTime is when an article stands in a list (the store's sort_key):
// its publication, unless it has none or is dated more than a day after it
// was first fetched (a feed's mistake, or a post scheduled ahead), then
// when it was first fetched.
func SortTime(a Article) time.Time {
	if a.Published.IsZero() || (!a.FetchedAt.IsZero() && a.Published.After(a.FetchedAt.Add(24*time.Hour))) {
		return a.FetchedAt
	}
	return a.Published
}

// LocalFeeds, as ArticleQuery.Account, narrows to the feeds byline fetches
// itself (no account's).
const LocalFeeds = "(local)"

// ArticleQuery selects articles for a headline list.
type ArticleQuery struct {
	FeedID  int64  // 0: every feed
	FeedURL string // alternative to FeedID
	Unread  bool   // only unread articles
	Starred bool   // only starred articles
	Folder  string // only the articles of feeds in this folder (a path) or in folders inside it; case-insensitive for ASCII
	Tag     string // only the articles of feeds with this tag; case-insensitive for ASCII
	Account string // only one account's feeds (its name), or byline's own (LocalFeeds); "": all
	Text    string // only articles whose title contains this, ignoring case and accents
	Filter  string // only articles this expression of the filter language (model/filter) selects
	Limit   int    // 0: no limit
	Offset  int
}

// SiteName names the publication an article comes from: the name its page
// gives, else its feed's title, else its link's host.
func (a Article) SiteName() string {
	if s := strings.TrimSpace(a.Site); s != "" {
		return s
	}
	if s := strings.TrimSpace(a.FeedTitle); s != "" {
		return s
	}
	if u, err := url.Parse(a.URL); err == nil {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return ""
}
