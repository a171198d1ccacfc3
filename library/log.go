package library

import (
	"context"
	"log/slog"
	"time"

	"github.com/byline-reader/byline/feeds"
	"github.com/byline-reader/byline/feeds/extract"
	"github.com/byline-reader/byline/model"
)

// The library's log (Options.Logger) has a record per use case at its
// edge: each refresh's totals, each account's sync, where each opened
// article's text came from. The fetches and extractions under them are
// the feeds client's records, the database's opening the store's, a sync
// server's calls greader's (Debug). A nil Logger writes nothing.

// refreshTally counts a refresh for its log record.
type refreshTally struct {
	start                 time.Time
	feeds, accounts       int
	done, ok, failed, new int
	notModified           int
	store, compact        time.Duration
}

func (t *refreshTally) add(fd FeedDone) {
	t.done++
	t.new += fd.New
	switch {
	case fd.Err != nil:
		t.failed++
	case fd.NotModified:
		t.notModified++
		t.ok++
	default:
		t.ok++
	}
}

// logRefresh writes a refresh's totals: how many feeds were fetched,
// failed and unchanged, the new articles, and where the time went.
func (l *Library) logRefresh(ctx context.Context, t *refreshTally) {
	if !l.log.Enabled(ctx, slog.LevelInfo) {
		return
	}
	l.log.LogAttrs(ctx, slog.LevelInfo, "refresh",
		slog.Int("feeds", t.feeds), slog.Int("done", t.done), slog.Int("ok", t.ok),
		slog.Int("failed", t.failed), slog.Int("not_modified", t.notModified),
		slog.Int("new", t.new), slog.Int("accounts", t.accounts),
		slog.Duration("took", time.Since(t.start)), slog.Duration("store", t.store),
		slog.Duration("compact", t.compact), slog.Bool("cancelled", ctx.Err() != nil))
}

// logSync writes an account's sync: what was sent and taken, how long it
// took, and its error.
func (l *Library) logSync(ctx context.Context, r SyncResult, took time.Duration) {
	level := slog.LevelInfo
	if r.Err != nil {
		level = slog.LevelWarn
	}
	if !l.log.Enabled(ctx, level) {
		return
	}
	attrs := []slog.Attr{
		slog.String("account", r.Account),
		slog.String("server", feeds.LogURL(l.accounts[r.Account].URL)),
		slog.Int("sent", r.Sent), slog.Int("dropped", len(r.Dropped)),
		slog.Int("new", r.New), slog.Int("changed", r.Changed),
		slog.Int("feeds_added", r.FeedsAdded), slog.Int("feeds_removed", r.FeedsRemoved),
		slog.Int("orphans", r.Orphans), slog.Duration("took", took),
	}
	if r.Err != nil {
		attrs = append(attrs, slog.String("error", r.Err.Error()))
	}
	l.log.LogAttrs(ctx, level, "sync", attrs...)
}

// Where an opened article's text came from, for its log record.
const (
	textPage     = "page"          // the page, extracted
	textFeed     = "feed"          // the feed's text, which is the whole article
	textFallback = "feed-fallback" // the feed's text (or none) in place of the page
	textKept     = "kept"          // the body read before, the page having failed
)

// logText writes where article a's text came from (source), with why
// when it is not the page (a's notice, which also says which of the
// feed's texts stands in, when it has one), and how long getting it took.
func (l *Library) logText(ctx context.Context, a model.Article, source, why string, took time.Duration) {
	if a.Notice != "" {
		why = a.Notice
	}
	level := slog.LevelInfo
	if source == textFallback || source == textKept {
		level = slog.LevelWarn
	}
	if !l.log.Enabled(ctx, level) {
		return
	}
	attrs := []slog.Attr{
		slog.Int64("article", a.ID), slog.String("url", feeds.LogURL(a.URL)),
		slog.String("source", source), slog.Int("words", model.WordCount(a.Markdown)),
		slog.Int("version", extract.Version), slog.Duration("took", took),
	}
	if why != "" {
		attrs = append(attrs, slog.String("why", why))
	}
	l.log.LogAttrs(ctx, level, "article text", attrs...)
}
