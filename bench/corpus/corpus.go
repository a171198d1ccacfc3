// Package corpus makes the benchmark's news: for a seed, the same feeds
// (RSS 2.0, Atom 1.0, JSON Feed 1.1), items and article pages, byte for
// byte, every time. Pages are 1,500–5,000 words of article with quoted
// speech, wrapped in the furniture real sites add (navigation, a cookie
// banner, advertisements, a share bar, related links, comments). It does
// no IO: the feed server serves what it makes.
package corpus

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// Limits on a corpus, so that a mistyped flag cannot fill the memory.
const (
	MaxFeeds      = 10_000
	MaxItems      = 1_000
	MaxTotalItems = 200_000
	MaxWords      = 20_000
)

// Formats are the feed formats a corpus can make.
var Formats = []string{"rss", "atom", "json"}

// Config says which corpus to make. The same Config makes the same bytes.
type Config struct {
	Seed               uint64
	Feeds, Items       int      // feeds, and items in each
	Formats            []string // feed i is in Formats[i%len(Formats)]
	ContentFrac        float64  // the fraction of feeds whose items carry the whole article
	MinWords, MaxWords int      // an article's length in words
}

// Default is the corpus of README's figures but for its size.
func Default() Config {
	return Config{Seed: 1, Feeds: 500, Items: 50, Formats: []string{"rss", "atom"},
		ContentFrac: 0.2, MinWords: 1500, MaxWords: 5000}
}

// Validate says what is wrong with c, if anything.
func (c Config) Validate() error {
	var errs []error
	if c.Feeds < 1 || c.Feeds > MaxFeeds {
		errs = append(errs, fmt.Errorf("feeds %d: want 1..%d", c.Feeds, MaxFeeds))
	}
	if c.Items < 1 || c.Items > MaxItems {
		errs = append(errs, fmt.Errorf("items %d: want 1..%d", c.Items, MaxItems))
	}
	if c.Feeds*c.Items > MaxTotalItems {
		errs = append(errs, fmt.Errorf("%d feeds × %d items: at most %d items in all", c.Feeds, c.Items, MaxTotalItems))
	}
	if len(c.Formats) == 0 {
		errs = append(errs, errors.New("no feed format"))
	}
	for _, f := range c.Formats {
		if !knownFormat(f) {
			errs = append(errs, fmt.Errorf("format %q: want one of %s", f, strings.Join(Formats, ", ")))
		}
	}
	if c.ContentFrac < 0 || c.ContentFrac > 1 {
		errs = append(errs, fmt.Errorf("content fraction %g: want 0..1", c.ContentFrac))
	}
	if c.MinWords < 50 || c.MinWords > c.MaxWords || c.MaxWords > MaxWords {
		errs = append(errs, fmt.Errorf("words %d..%d: want 50 <= min <= max <= %d", c.MinWords, c.MaxWords, MaxWords))
	}
	return errors.Join(errs...)
}

func knownFormat(f string) bool {
	for _, k := range Formats {
		if f == k {
			return true
		}
	}
	return false
}

// Format is feed i's format.
func (c Config) Format(feed int) string { return c.Formats[feed%len(c.Formats)] }

// FeedPath is where feed i is served: /feeds/7/rss.xml, /feeds/8/atom.xml,
// /feeds/9/feed.json.
func (c Config) FeedPath(feed int) string {
	name := map[string]string{"rss": "rss.xml", "atom": "atom.xml", "json": "feed.json"}[c.Format(feed)]
	return fmt.Sprintf("/feeds/%d/%s", feed, name)
}

// ArticlePath is where item j of feed i has its page.
func ArticlePath(feed, item int) string { return fmt.Sprintf("/a/%d/%d.html", feed, item) }

// FeedTitle is feed i's title: "Bench Feed 0007: …", so that the feeds
// sort in their order and a screen can be searched for the first.
func (c Config) FeedTitle(feed int) string {
	r := c.rng(feed, -1, saltFeed)
	return fmt.Sprintf("Bench Feed %04d: %s", feed, capitalise(strings.Join(words(r, 3), " ")))
}

// HasContent says whether feed i's items carry their whole article.
func (c Config) HasContent(feed int) bool {
	return c.rng(feed, -1, saltContent).Float64() < c.ContentFrac
}

// epoch is the corpus's "now": the newest item of feed 0.
var epoch = time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)

// Published is when item j of feed i came out: items three hours apart,
// newest first, each feed a few minutes behind the one before.
func (c Config) Published(feed, item int) time.Time {
	return epoch.Add(-time.Duration(item)*3*time.Hour - time.Duration(feed%240)*time.Minute)
}

// Updated is when feed i last changed: its newest item.
func (c Config) Updated(feed int) time.Time { return c.Published(feed, 0) }

// Salts keep the random streams of a feed's title, its content flag and
// each item's text apart.
const (
	saltFeed    = 0x6665_6564
	saltContent = 0x636f_6e74
	saltItem    = 0x6974_656d
)

func (c Config) rng(feed, item int, salt uint64) *rand.Rand {
	return rand.New(rand.NewPCG(c.Seed^salt, uint64(uint32(feed))<<32|uint64(uint32(item))))
}

// item is one entry of a feed.
type item struct {
	title, link, author string
	categories          [2]string
	summary             string // HTML
	content             string // HTML of the whole article, or ""
	published           time.Time
}

// item makes item j of feed i, its links on site ("http://127.0.0.3:8080").
func (c Config) item(feed, j int, site string) item {
	r := c.rng(feed, j, saltItem)
	it := item{
		title:      c.title(r, j),
		link:       site + ArticlePath(feed, j),
		author:     person(r),
		categories: [2]string{capitalise(pick(r, vocabulary)), capitalise(pick(r, vocabulary))},
		published:  c.Published(feed, j),
	}
	it.summary = summary(r)
	if c.HasContent(feed) {
		it.content = c.body(feed, j)
	}
	return it
}

// itemTitle is item j's title, without the rest of the item.
func (c Config) itemTitle(feed, j int) string { return c.title(c.rng(feed, j, saltItem), j) }

// title is an item's title; one in eleven has quotes, an ampersand, markup
// as text or letters beyond ASCII.
func (c Config) title(r *rand.Rand, j int) string {
	t := capitalise(strings.Join(words(r, 3+r.IntN(6)), " "))
	if j%11 == 5 {
		t = pick(r, oddTitles) + ": " + t
	}
	return t
}

// summary is an item's HTML summary, with the entities feeds are full of.
func summary(r *rand.Rand) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<p>%s&nbsp;%s &mdash; caf&eacute; %s&hellip;</p>", sentence(r, 8, 16), sentence(r, 6, 12), sentence(r, 4, 8))
	b.WriteString("<ul>")
	for range 2 + r.IntN(2) {
		fmt.Fprintf(&b, "<li>%s</li>", sentence(r, 3, 7))
	}
	b.WriteString("</ul>")
	return b.String()
}
