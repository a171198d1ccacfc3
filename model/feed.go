// Package model is byline's domain: feeds, articles, quotes, highlights and
// the rules that act on them. It is pure: no network, no disk, no terminal.
package model

import (
	"strings"
	"time"
)

// Feed is one subscription.
type Feed struct {
	ID      int64
	URL     string // the feed document's URL, as subscribed
	Title   string
	SiteURL string // the site the feed belongs to
	// Folder is the one folder the feed sits in: a path of folder names
	// joined by "/" (FolderPath), "" for none. Tags are the user's labels
	// (newsboat tags, OPML categories), which filter (#tag) but never
	// place the feed twice.
	Folder string
	Tags   []string

	// Account is the sync account the feed belongs to ("" for a feed
	// byline fetches itself); RemoteID is the server's id for it.
	Account  string
	RemoteID string

	// Conditional-GET validators from the last successful fetch.
	ETag         string
	LastModified string

	LastError   string    // why the last fetch failed; empty when it worked
	LastFetched time.Time // when a fetch last finished, successfully or not
	NextAllowed time.Time // honour Retry-After: no fetch before this

	// Settings are the user's choices for this feed (feed set, the app's
	// feed form).
	Settings FeedSettings
	// NextDue is when automatic refresh fetches the feed next (zero: at
	// once); PublishGap the time it measured between its articles.
	NextDue    time.Time
	PublishGap time.Duration

	// Counts, filled by queries that ask for them.
	Unread  int
	Total   int
	Starred int
}

// FeedSettings are the per-feed choices a user makes. The zero value is
// every default.
type FeedSettings struct {
	Title     string        // the user's name for the feed; a refresh never overwrites it
	Interval  time.Duration // how often automatic refresh fetches it; 0: adaptive
	FetchMode string        // "" or "full": fetch each article's page; "feed": trust the feed's text
	UserAgent string        // sent instead of byline's own; "": byline's
	KeepDays  int           // articles older than this are dropped at refresh; 0: the [retention] default; -1: all kept
	KeepItems int           // at most this many articles are kept; 0: all
}

// DisplayTitle is the user's title for the feed, else the feed's own,
// else its URL when it has none yet.
func (f Feed) DisplayTitle() string {
	if f.Settings.Title != "" {
		return f.Settings.Title
	}
	if f.Title != "" {
		return f.Title
	}
	return f.URL
}

// Subscription is a feed to subscribe to, as read from an import file.
type Subscription struct {
	URL    string
	Title  string // the user's name for it ("~Name", OPML text); "" for none
	Folder string // a folder path (FolderPath); "" for none
	Tags   []string
	Line   int // where it was found in the import file, for error messages
}

// FolderSep joins the names of a folder path.
const FolderSep = "/"

// FolderPath joins folder names into a path, outermost first: each name
// is made one clean line, a "/" inside a name becomes "∕" (so it cannot
// split the path), and empty names are dropped.
func FolderPath(names ...string) string {
	var parts []string
	for _, n := range names {
		n = strings.TrimSpace(strings.ReplaceAll(SanitizeLine(n), FolderSep, "∕"))
		if n != "" {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, FolderSep)
}

// FolderNames splits a folder path into its names, outermost first; nil
// for "".
func FolderNames(path string) []string {
	var names []string
	for n := range strings.SplitSeq(path, FolderSep) {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// CleanFolder is a folder path as the user wrote it ("News / World"),
// made canonical ("News/World").
func CleanFolder(path string) string { return FolderPath(FolderNames(path)...) }

// FetchResult is what one fetch of one feed produced.
type FetchResult struct {
	Feed        Feed // the subscription that was fetched
	Status      int  // HTTP status, 0 when no response arrived
	NotModified bool // the server answered 304: nothing to store but the time

	// From the feed document (empty when NotModified or Err != nil).
	Title    string
	SiteURL  string
	Articles []Article

	ETag         string
	LastModified string
	RetryAfter   time.Time // zero unless the server asked us to wait
	FinalURL     string    // where redirects ended

	// MaxAge is how long the server said its answer stays fresh
	// (Cache-Control max-age, or Expires); 0 when it said nothing, or
	// no-cache or no-store.
	MaxAge time.Duration

	// The refresh schedule after this fetch, which the library works out
	// (model/schedule) and the store keeps with the fetch: when the feed
	// is due next (zero: at once), and the gap measured between its
	// articles (zero: unknown).
	NextDue    time.Time
	PublishGap time.Duration

	Err error // why the fetch failed; nil on success
}

// FeedDone is one feed's refresh, finished and stored: what the app shows
// as results stream in, and what the command line counts.
type FeedDone struct {
	Feed        Feed
	New         int   // articles not seen before
	NotModified bool  // the server said nothing changed
	Err         error // why the feed failed; nil when it was read
	Done, Total int   // progress: feeds finished so far, of all

	// Sync, when not nil, makes this not a feed's result but the progress
	// of an account's sync, which a refresh runs before fetching feeds.
	Sync *SyncProgress
}
