package ui

import (
	"time"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/reader"
)

// Messages that travel between commands and the app. Every answer to a
// request carries the id or generation it was asked with, so an answer that
// arrives after the question changed is dropped.

// feedsMsg carries the subscriptions.
type feedsMsg struct {
	feeds []model.Feed
	err   error
}

// windowMsg carries a window of headlines for the list's query gen.
type windowMsg struct {
	gen      int
	start    int
	articles []model.Article
	total    int
	err      error
}

// filterTickMsg is the filter's timer, for the edit seq: when it is still
// the last edit, typing paused and the filter is applied.
type filterTickMsg struct{ seq int }

// searchMsg carries full-text search results.
type searchMsg struct {
	seq      int
	query    string
	articles []model.Article
	err      error
}

// articleMsg carries a whole article opened in the reader.
type articleMsg struct {
	seq     int
	article model.Article
	body    string            // the markdown to render, sanitised
	minutes int               // reading time; 0 without a body
	doc     *reader.Doc       // the body's quotes, sentences and marks
	hls     []model.Highlight // the article's highlights, anchored to body
	hlErr   error             // why the highlights could not be loaded
	err     error
}

// renderedMsg carries a Glamour render of an article's body.
type renderedMsg struct {
	key      renderKey
	rendered *reader.Rendered
	err      error
}

// markedMsg says a mark was stored (or why not).
type markedMsg struct {
	what string
	feed bool // a whole feed was marked: counts must be reloaded
	err  error
}

// refreshStartedMsg hands the app the stream of a refresh.
type refreshStartedMsg struct {
	gen int
	ch  <-chan model.FeedDone
	err error
}

// feedDoneMsg is one feed's refresh, stored; done is set when the stream ended.
type feedDoneMsg struct {
	gen  int
	fd   model.FeedDone
	done bool
}

// indexedMsg says the search index caught up with a refresh (or why not).
type indexedMsg struct {
	n   int
	err error
}

// autoRefreshMsg is the auto-refresh timer's tick.
type autoRefreshMsg struct{}

// browserMsg says whether a link could be opened.
type browserMsg struct{ err error }

// statusTimeoutMsg clears a status message if it is still the one shown.
type statusTimeoutMsg struct{ seq int }

// clickTimeout is how close two clicks must be to count as a double-click.
const clickTimeout = 400 * time.Millisecond

// highlightListMsg carries every article's highlights, for the H list.
type highlightListMsg struct {
	seq   int
	items []model.Highlight
	err   error
}

// highlightMsg says a highlight was stored (added) or deleted (removed).
type highlightMsg struct {
	added   model.Highlight
	removed int64
	what    string // what was highlighted, for the status line
	err     error
}

// settingMsg carries a stored setting (the Mastodon server).
type settingMsg struct {
	key, value string
	err        error
}

// settingSavedMsg says a setting was stored (or why not).
type settingSavedMsg struct {
	key, value string
	err        error
}

// copiedMsg says what was copied and whether a native tool copied it too
// (OSC 52 is always written).
type copiedMsg struct {
	what string
	tool string // "" when none was found
	err  error
}

// mailMsg says whether a mailto: link could be handed to the system.
type mailMsg struct {
	link string
	err  error
}
