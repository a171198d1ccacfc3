// Package service is what the app asks of the world outside it: the
// library, a browser, the mail program, the clipboard. It declares them as
// the small interfaces the app is given (tests give fakes), and asks them
// only in Bubble Tea commands, never in Update: each command carries a
// context and the sequence number or generation it was asked with, and
// answers with a message that carries it back, so the app drops an
// answer to a question it no longer asks. Errors say what was being done.
package service

import (
	"context"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/feedset"
)

// Library is what the app needs of byline's library; *library.Library
// satisfies it, tests give fakes.
type Library interface {
	Feeds(ctx context.Context) ([]model.Feed, error)
	Articles(ctx context.Context, q model.ArticleQuery) ([]model.Article, error)
	CountArticles(ctx context.Context, q model.ArticleQuery) (int, error)
	// QueryCounts counts the unread articles each filter expression
	// selects (-1 for one that failed, the error naming it).
	QueryCounts(ctx context.Context, exprs []string) ([]int, error)
	// NextUnread is the first unread article of q's list after the
	// article from (before it when back; from 0: the top or the bottom),
	// with its row in the list; ok is false when there is none.
	NextUnread(ctx context.Context, q model.ArticleQuery, from int64, back bool) (a model.Article, row int, ok bool, err error)
	// Add subscribes to a feed's URL, or a site's whose feed is
	// discovered; an error wrapping library.ErrExists (with the feed)
	// when it was already there. Remove unsubscribes from a feed (by id
	// or URL), deleting its articles.
	Add(ctx context.Context, rawURL string) (model.Feed, error)
	Remove(ctx context.Context, urlOrID string) (model.Feed, error)
	// OpenStored opens an article to read at once from what is stored
	// (the feed's text before its page is read), prepared (body, quotes,
	// sentences, anchored highlights); needsPage says to ask FetchPage
	// next.
	OpenStored(ctx context.Context, id int64) (r model.Reading, needsPage bool, err error)
	// FetchPage fetches and extracts an article's page now and opens it.
	FetchPage(ctx context.Context, id int64) (model.Reading, error)
	Mark(ctx context.Context, ids []int64, read, starred *bool) (int, error)
	// MarkQueryRead marks read every unread article q selects and gives
	// the ids it changed.
	MarkQueryRead(ctx context.Context, q model.ArticleQuery) ([]int64, error)
	Search(ctx context.Context, query string, limit int) ([]model.Article, error)
	RefreshStream(ctx context.Context, ids ...int64) (<-chan model.FeedDone, error)
	// RefreshDueStream is RefreshStream over what is due: the feeds whose
	// schedule says so, and the accounts not synced for a while.
	RefreshDueStream(ctx context.Context) (<-chan model.FeedDone, error)
	// IndexSearch brings the full-text index up to date after a refresh
	// and says how many articles it indexed.
	IndexSearch(ctx context.Context) (int, error)

	AddHighlight(ctx context.Context, articleID int64, text string, start, end int) (model.Highlight, error)
	RemoveHighlight(ctx context.Context, id int64) error
	// Highlights lists an article's highlights (all articles' for 0,
	// newest first).
	Highlights(ctx context.Context, articleID int64) ([]model.Highlight, error)
	// ImageData is a picture's bytes, from the network or the cache.
	ImageData(ctx context.Context, url string) ([]byte, error)
	// Read opens what a link or `byline read` names: a stored article
	// with that link, else the page fetched and extracted, not stored
	// (its Article.ID is 0), prepared like any article.
	Read(ctx context.Context, target string) (model.Reading, error)
	Setting(ctx context.Context, key string) (string, error)
	SetSetting(ctx context.Context, key, value string) error
	// EditFeed changes a feed's settings (feedset.FeedKeys, as typed); a
	// refused value is a *feedset.SettingError naming its key.
	EditFeed(ctx context.Context, urlOrID string, values []feedset.FeedValue) (model.Feed, error)
}

// Opener opens a link outside the terminal: desktop.Browser in a browser,
// desktop.Mailer in the mail program (its desktop.ErrNoMailProgram says
// there is none, and the link is copied instead).
type Opener interface {
	Open(url string) error
}

// Clipboard copies text with a native tool (desktop.Clipboard: wl-copy,
// xclip, xsel, pbcopy); the app also copies with OSC 52 itself.
type Clipboard interface {
	// Copy puts text on the clipboard and names the tool used; "" and a
	// nil error when no tool is available.
	Copy(ctx context.Context, text string) (tool string, err error)
}
