package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/byline-reader/byline/model"
)

const feedColumns = `id, url, title, site_url, folder, tags, etag, last_modified,
	last_error, last_fetched, next_allowed,
	ifnull((SELECT name FROM accounts WHERE accounts.id = feeds.account_id), ''),
	remote_id, user_title, refresh_every, fetch_mode, user_agent, keep_days,
	keep_items, next_due, publish_gap`

const insertFeedSQL = `INSERT INTO feeds (url, title, site_url, folder, tags, etag,
	last_modified, last_error, last_fetched, next_allowed, created, user_title)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT DO NOTHING`

// AddFeed subscribes to f.URL and returns f with its ID. When the URL is
// already subscribed it returns the existing feed and an error wrapping
// ErrExists.
func (s *Store) AddFeed(ctx context.Context, f model.Feed) (model.Feed, error) {
	if f.URL == "" {
		return model.Feed{}, errors.New("add feed: no URL")
	}
	res, err := s.db.ExecContext(ctx, insertFeedSQL, feedArgs(f, time.Now())...)
	if err != nil {
		return model.Feed{}, fmt.Errorf("add feed %s: %w", f.URL, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		old, err := s.FeedByURL(ctx, f.URL)
		if err != nil {
			return model.Feed{}, fmt.Errorf("add feed %s: %w", f.URL, err)
		}
		return old, fmt.Errorf("add feed %s: %w", f.URL, ErrExists)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return model.Feed{}, fmt.Errorf("add feed %s: %w", f.URL, err)
	}
	f.ID, f.Unread, f.Total = id, 0, 0
	return f, nil
}

func feedArgs(f model.Feed, now time.Time) []any {
	return []any{f.URL, f.Title, f.SiteURL, model.CleanFolder(f.Folder), joinTags(f.Tags), f.ETag,
		f.LastModified, f.LastError, nanos(f.LastFetched), nanos(f.NextAllowed),
		nanos(now), f.Settings.Title}
}

// ImportCounts are what an import did, or would do: feeds added, feeds
// already subscribed and left as they were, feeds already subscribed that
// took a title, folder or tags they lacked.
type ImportCounts struct{ Added, Existing, Updated int }

// ImportFeeds subscribes to every subscription not yet subscribed, with
// its title as the user's, its folder and tags; a feed already subscribed
// only takes what it lacks (a title, a folder, tags it does not carry),
// so importing the same file twice changes nothing the second time. All
// in one transaction: on any error nothing is imported. dryRun counts the
// same and keeps nothing.
func (s *Store) ImportFeeds(ctx context.Context, subs []model.Subscription, dryRun bool) (ImportCounts, error) {
	var c ImportCounts
	now := time.Now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, insertFeedSQL)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, sub := range subs {
			if sub.URL == "" {
				return fmt.Errorf("line %d: no URL", sub.Line)
			}
			f := model.Feed{URL: sub.URL, Folder: sub.Folder, Tags: sub.Tags}
			f.Settings.Title = sub.Title
			res, err := stmt.ExecContext(ctx, feedArgs(f, now)...)
			if n, _ := rowsAffected(res, err); n > 0 {
				c.Added++
				continue
			}
			if err == nil {
				var changed bool
				changed, err = fillFeed(ctx, tx, f)
				if changed {
					c.Updated++
				} else {
					c.Existing++
				}
			}
			if err != nil {
				return fmt.Errorf("line %d: %s: %w", sub.Line, sub.URL, err)
			}
		}
		if dryRun {
			return errDryRun
		}
		return nil
	})
	if err != nil && !errors.Is(err, errDryRun) {
		return ImportCounts{}, fmt.Errorf("import feeds: %w", err)
	}
	return c, nil
}

// fillFeed gives the feed subscribed at f.URL what f has and it lacks: the
// user's title, a folder, tags; it tells whether anything changed.
func fillFeed(ctx context.Context, tx *sql.Tx, f model.Feed) (bool, error) {
	var title, folder, tags string
	err := tx.QueryRowContext(ctx, `SELECT user_title, folder, tags FROM feeds WHERE url = ?`,
		f.URL).Scan(&title, &folder, &tags)
	if err != nil {
		return false, err
	}
	had := splitTags(tags)
	merged := had
	for _, t := range f.Tags {
		if !slices.Contains(merged, t) {
			merged = append(merged, t)
		}
	}
	newTitle, newFolder := title, folder
	if newTitle == "" {
		newTitle = f.Settings.Title
	}
	if newFolder == "" {
		newFolder = model.CleanFolder(f.Folder)
	}
	if newTitle == title && newFolder == folder && len(merged) == len(had) {
		return false, nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE feeds SET user_title = ?, folder = ?, tags = ?
		WHERE url = ?`, newTitle, newFolder, joinTags(merged), f.URL)
	return err == nil, err
}

// RemoveFeed unsubscribes, deleting the feed's articles and highlights.
func (s *Store) RemoveFeed(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, "DELETE FROM feeds WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("remove feed %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("remove feed %d: %w", id, ErrNotFound)
	}
	return nil
}

// Feed is the feed with that id, without counts.
func (s *Store) Feed(ctx context.Context, id int64) (model.Feed, error) {
	row := s.db.QueryRowContext(ctx, "SELECT "+feedColumns+" FROM feeds WHERE id = ?", id)
	f, err := scanFeed(row, false)
	if err != nil {
		return model.Feed{}, fmt.Errorf("feed %d: %w", id, notFound(err))
	}
	return f, nil
}

// FeedByURL is the feed subscribed as url, without counts: byline's own
// when there is one, else the first account's.
func (s *Store) FeedByURL(ctx context.Context, url string) (model.Feed, error) {
	row := s.db.QueryRowContext(ctx, "SELECT "+feedColumns+
		" FROM feeds WHERE url = ? ORDER BY account_id IS NOT NULL, id LIMIT 1", url)
	f, err := scanFeed(row, false)
	if err != nil {
		return model.Feed{}, fmt.Errorf("feed %s: %w", url, notFound(err))
	}
	return f, nil
}

// Feeds is every feed with its unread, starred and total counts (of the
// articles no kill rule hid), ordered by title
// (the URL when there is none yet), ignoring case, then by URL.
func (s *Store) Feeds(ctx context.Context) ([]model.Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+feedColumns+`,
		COALESCE(c.unread, 0), COALESCE(c.total, 0), COALESCE(st.starred, 0)
		FROM feeds LEFT JOIN (
			SELECT feed_id, count(*) AS total, count(*) - sum(read) AS unread
			FROM articles WHERE hidden = 0 GROUP BY feed_id
		) AS c ON c.feed_id = feeds.id
		LEFT JOIN (
			-- the starred few through their partial index (the planner
			-- would walk articles_feed_read, reading every article's flag)
			SELECT feed_id, count(*) AS starred FROM articles
			INDEXED BY articles_starred_key WHERE starred = 1 AND hidden = 0 GROUP BY feed_id
		) AS st ON st.feed_id = feeds.id`)
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	feeds, err := scanFeeds(rows, true)
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	sortFeeds(feeds)
	return feeds, nil
}

// sortFeeds orders feeds in Go, where case folding knows all of Unicode.
func sortFeeds(feeds []model.Feed) {
	keys := make(map[int64]string, len(feeds))
	for _, f := range feeds {
		keys[f.ID] = strings.ToLower(f.DisplayTitle())
	}
	sort.SliceStable(feeds, func(i, j int) bool {
		a, b := keys[feeds[i].ID], keys[feeds[j].ID]
		if a != b {
			return a < b
		}
		return feeds[i].URL < feeds[j].URL
	})
}

type scanner interface{ Scan(dest ...any) error }

// scanFeeds reads every row of feedColumns (see scanFeed) and closes rows.
func scanFeeds(rows *sql.Rows, withCounts bool) ([]model.Feed, error) {
	defer rows.Close()
	var feeds []model.Feed
	for rows.Next() {
		f, err := scanFeed(rows, withCounts)
		if err != nil {
			return nil, err
		}
		feeds = append(feeds, f)
	}
	return feeds, rows.Err()
}

// scanFeed reads feedColumns and, when withCounts, unread, total and
// starred.
func scanFeed(r scanner, withCounts bool) (model.Feed, error) {
	var f model.Feed
	var tags string
	var fetched, next, every, due, gap int64
	st := &f.Settings
	dest := []any{&f.ID, &f.URL, &f.Title, &f.SiteURL, &f.Folder, &tags, &f.ETag,
		&f.LastModified, &f.LastError, &fetched, &next, &f.Account, &f.RemoteID,
		&st.Title, &every, &st.FetchMode, &st.UserAgent, &st.KeepDays,
		&st.KeepItems, &due, &gap}
	if withCounts {
		dest = append(dest, &f.Unread, &f.Total, &f.Starred)
	}
	if err := r.Scan(dest...); err != nil {
		return model.Feed{}, err
	}
	f.Tags = splitTags(tags)
	f.LastFetched, f.NextAllowed = fromNanos(fetched), fromNanos(next)
	st.Interval = time.Duration(every) * time.Second
	f.NextDue, f.PublishGap = fromNanos(due), time.Duration(gap)*time.Second
	return f, nil
}

// joinTags stores tags one a line; empty tags are dropped.
func joinTags(tags []string) string {
	var kept []string
	for _, t := range tags {
		if t = strings.TrimSpace(strings.ReplaceAll(t, "\n", " ")); t != "" {
			kept = append(kept, t)
		}
	}
	return strings.Join(kept, "\n")
}

func splitTags(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// notFound turns sql.ErrNoRows into ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// Meta is the value kept under key, or "" when there is none.
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("meta %s: %w", key, err)
	}
	return v, nil
}

// SetMeta keeps value under key, replacing what was there.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("set meta %s: %w", key, err)
	}
	return nil
}

// SetFeed renames the feed, puts it in a folder (a path) and gives it
// tags; a nil argument leaves that as it is.
func (s *Store) SetFeed(ctx context.Context, id int64, title, folder *string, tags []string) error {
	var t, d, g any
	if title != nil {
		t = *title
	}
	if folder != nil {
		d = model.CleanFolder(*folder)
	}
	if tags != nil {
		g = joinTags(tags)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE feeds SET title = coalesce(?, title),
		folder = coalesce(?, folder), tags = coalesce(?, tags) WHERE id = ?`, t, d, g, id)
	if err != nil {
		return fmt.Errorf("set feed %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("set feed %d: %w", id, ErrNotFound)
	}
	return nil
}
