// Package library is what byline does, shared by the command line and the
// app: subscribe, refresh, list, search, mark, import and export, built on
// store (what is kept), feeds (the outside world) and model (the rules).
package library

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/byline-reader/byline/feeds"
	"github.com/byline-reader/byline/library/diskcache"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/store"
)

// ErrBadInput marks errors caused by what the user gave (a malformed URL, a
// missing file, an unknown id): the command line exits with status 2.
var ErrBadInput = errors.New("bad input")

// ErrNotFound is returned for an id or URL that names nothing stored.
var ErrNotFound = store.ErrNotFound

// ErrExists is returned when subscribing to a feed twice.
var ErrExists = store.ErrExists

// badInput wraps err so that errors.Is(err, ErrBadInput) holds while the
// message stays the original one.
func badInput(format string, args ...any) error {
	return inputError{fmt.Errorf(format, args...)}
}

type inputError struct{ error }

func (e inputError) Is(target error) bool { return target == ErrBadInput }
func (e inputError) Unwrap() error        { return e.error }

// Options open a Library.
type Options struct {
	// Seed fills a newly created database with the default subscriptions
	// and the welcome article (the default database does; one named with
	// --db starts empty).
	Seed  bool
	Fetch feeds.Options
	Now   func() time.Time // for tests; time.Now when nil

	// Accounts are the sync accounts of the configuration, by name.
	Accounts map[string]model.AccountConfig
	// Password asks for an account's password when its section says no
	// other way; nil when nobody can be asked (the app, a script).
	Password PasswordFunc
	// SyncHTTP talks to sync servers; nil: greader's own, with a
	// one-minute timeout.
	SyncHTTP *http.Client

	// ImageCacheDir is the folder ImageData keeps pictures in (made 0700
	// when needed), and ImageCacheBytes the most it holds; "" or 0 keeps
	// none on disk.
	ImageCacheDir   string
	ImageCacheBytes int64

	// KeepDays is how many days of articles a refresh keeps of a feed
	// whose keep_days is not set ([retention] keep_days); 0 keeps all.
	KeepDays int
	// Ignore are the kill rules, applied to the articles a refresh brings
	// for the first time (see killer).
	Ignore []model.IgnoreRule
	// Logger takes the records of what the library does (log.go), of the
	// fetches (unless Fetch.Logger is set), the sync servers' calls and
	// the database's opening; nil writes none.
	Logger *slog.Logger
}

// Library is an open database with the client that feeds it.
type Library struct {
	store    *store.Store
	client   *feeds.Client
	now      func() time.Time
	accounts map[string]model.AccountConfig
	ask      PasswordFunc
	syncHTTP *http.Client
	images   *diskcache.Cache
	keepDays int // Options.KeepDays
	kill     []killRule
	log      *slog.Logger // never nil: Options.Logger, or one that discards
}

// Open opens (creating when needed) the database at path.
func Open(ctx context.Context, path string, opts Options) (*Library, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("create the database folder: %w", err)
	}
	kill, err := parseKillRules(opts.Ignore)
	if err != nil {
		return nil, err
	}
	st, err := store.OpenLogged(path, opts.Logger)
	if err != nil {
		return nil, err
	}
	if opts.Fetch.Logger == nil {
		opts.Fetch.Logger = opts.Logger
	}
	l := &Library{store: st, client: feeds.NewClient(opts.Fetch), now: opts.Now, log: opts.Logger,
		accounts: map[string]model.AccountConfig{}, ask: opts.Password, syncHTTP: opts.SyncHTTP,
		images: diskcache.New(opts.ImageCacheDir, opts.ImageCacheBytes, feeds.MaxImageBytes), keepDays: opts.KeepDays, kill: kill}
	if l.now == nil {
		l.now = time.Now
	}
	if l.log == nil {
		l.log = slog.New(slog.DiscardHandler)
	}
	for name, a := range opts.Accounts {
		l.accounts[name] = a
	}
	if opts.Seed {
		if err := l.seed(ctx); err != nil {
			st.Close()
			return nil, fmt.Errorf("set up the new database: %w", err)
		}
	}
	return l, nil
}

// Close closes the database.
func (l *Library) Close() error { return l.store.Close() }

// Feeds lists the subscriptions with their unread and total counts.
func (l *Library) Feeds(ctx context.Context) ([]model.Feed, error) {
	return l.store.Feeds(ctx)
}

// Articles lists headlines, newest first.
func (l *Library) Articles(ctx context.Context, q model.ArticleQuery) ([]model.Article, error) {
	if err := checkFilter(q.Filter); err != nil {
		return nil, err
	}
	return l.store.Articles(ctx, q)
}

// CountArticles counts what Articles would list without a limit.
func (l *Library) CountArticles(ctx context.Context, q model.ArticleQuery) (int, error) {
	if err := checkFilter(q.Filter); err != nil {
		return 0, err
	}
	return l.store.CountArticles(ctx, q)
}

// NextUnread is the first unread article of q's list after the article
// from (before it when back), with its row in the list; ok is false when
// there is none (store.NextUnread).
func (l *Library) NextUnread(ctx context.Context, q model.ArticleQuery, from int64, back bool) (a model.Article, row int, ok bool, err error) {
	return l.store.NextUnread(ctx, q, from, back)
}

// Article loads one article whole.
func (l *Library) Article(ctx context.Context, id int64) (model.Article, error) {
	a, err := l.store.Article(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return a, badInput("no article with id %d", id)
	}
	return a, err
}

// Search finds stored articles by the words in their titles and text.
func (l *Library) Search(ctx context.Context, query string, limit int) ([]model.Article, error) {
	return l.SearchFilter(ctx, query, "", limit)
}

// SearchFilter is Search narrowed to the articles a filter expression
// selects ("" selects all).
func (l *Library) SearchFilter(ctx context.Context, query, expr string, limit int) ([]model.Article, error) {
	if strings.TrimSpace(query) == "" {
		return nil, badInput("search needs some words to look for")
	}
	if err := checkFilter(expr); err != nil {
		return nil, err
	}
	return l.store.SearchFilter(ctx, query, expr, limit)
}

// Mark sets or clears the read and starred states of articles.
func (l *Library) Mark(ctx context.Context, ids []int64, read, starred *bool) (int, error) {
	n, err := l.store.Mark(ctx, ids, read, starred)
	return n, missingArticles(err)
}

// MarkChanges is Mark that says which articles changed: those whose read
// state changed and those whose star did, so that the change can be
// reversed exactly (the command line prints how). Unlike Mark it is all or
// nothing: one id that names no article changes nothing.
func (l *Library) MarkChanges(ctx context.Context, ids []int64, read, starred *bool) (readIDs, starIDs []int64, err error) {
	readIDs, starIDs, err = l.store.MarkChanges(ctx, ids, read, starred)
	if err != nil {
		return nil, nil, missingArticles(err)
	}
	return readIDs, starIDs, nil
}

// missingArticles words a mark of articles that do not exist as bad input,
// naming them.
func missingArticles(err error) error {
	var me *store.MissingError
	if errors.As(err, &me) {
		return badInput("%s", me.Error())
	}
	return err
}

// MarkQueryRead marks read every unread article q selects (a feed, a
// folder, an account, all…) and gives the ids it changed, which Mark can
// make unread again.
func (l *Library) MarkQueryRead(ctx context.Context, q model.ArticleQuery) ([]int64, error) {
	return l.store.MarkQueryRead(ctx, q)
}

// FindFeed finds a subscription by its id or URL.
func (l *Library) FindFeed(ctx context.Context, urlOrID string) (model.Feed, error) {
	if id, err := strconv.ParseInt(urlOrID, 10, 64); err == nil {
		f, err := l.store.Feed(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return f, badInput("no subscription with id %d", id)
		}
		return f, err
	}
	f, err := l.store.FeedByURL(ctx, urlOrID)
	if errors.Is(err, store.ErrNotFound) {
		if n, nerr := normaliseURL(urlOrID); nerr == nil && n != urlOrID {
			f, err = l.store.FeedByURL(ctx, n)
		}
	}
	if errors.Is(err, store.ErrNotFound) {
		return f, badInput("not subscribed to %s", urlOrID)
	}
	return f, err
}

// normaliseURL checks that s is an http(s) URL and gives it in the form
// byline stores: a scheme added when missing ("example.com/feed"), the host
// in lower case.
func normaliseURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", badInput("an empty URL")
	}
	implicit := !strings.Contains(s, "://") && !strings.Contains(s, ":") || strings.HasPrefix(s, "localhost:")
	if implicit {
		// "example.com/feed" means https; a bare word is not an address.
		host, _, _ := strings.Cut(s, "/")
		if !strings.Contains(host, ".") && !strings.HasPrefix(host, "localhost") {
			return "", badInput("not a URL: %q", s)
		}
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", badInput("not a URL: %q", s)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", badInput("not an http or https URL: %q", s)
	}
	if u.Host == "" {
		return "", badInput("not a URL: %q", s)
	}
	if strings.ContainsAny(u.Host, " \t") {
		return "", badInput("not a URL: %q", s)
	}
	u.Host = strings.ToLower(u.Host)
	u.Scheme = strings.ToLower(u.Scheme)
	return u.String(), nil
}

// IndexSearch brings the full-text index up to date with what refreshes
// and extractions stored, and says how many articles it indexed. A
// refresh indexes what it stores as it goes (index.go) and is up to date
// when it ends; the app runs this after one all the same (a cancelled
// refresh leaves some), and Search runs it first.
func (l *Library) IndexSearch(ctx context.Context) (int, error) {
	return l.store.IndexPending(ctx)
}
