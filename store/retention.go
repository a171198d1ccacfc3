package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/byline-reader/byline/model"
)

// SetFeedSettings stores the user's settings of a feed (see
// model.FeedSettings). A refresh never changes them.
func (s *Store) SetFeedSettings(ctx context.Context, id int64, st model.FeedSettings) error {
	// A new interval takes effect at once: the feed is due, and its
	// next fetch is scheduled by the new one.
	every := int64(st.Interval / time.Second)
	res, err := s.db.ExecContext(ctx, `UPDATE feeds SET user_title = ?,
		next_due = CASE WHEN refresh_every = ? THEN next_due ELSE 0 END,
		refresh_every = ?, fetch_mode = ?, user_agent = ?, keep_days = ?,
		keep_items = ? WHERE id = ?`,
		st.Title, every, every, st.FetchMode, st.UserAgent,
		st.KeepDays, st.KeepItems, id)
	if err != nil {
		return fmt.Errorf("set feed %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("set feed %d: %w", id, ErrNotFound)
	}
	return nil
}

// retention is what a refresh of one feed keeps: the articles of the last
// days days, and at most the items newest (0: no such limit). Starred
// articles and articles with highlights are always kept. An article
// without a date (sorted by when it was first fetched) is kept as long
// as the feed lists it: dropped, it would come back as new.
type retention struct {
	feedID int64
	days   int
	items  int
	now    time.Time
}

// retentionOf reads the retention of f's settings (a KeepDays of -1, or a
// default the library did not fill, keeps all).
func retentionOf(f model.Feed, now time.Time) retention {
	return retention{feedID: f.ID, days: max(f.Settings.KeepDays, 0), items: max(f.Settings.KeepItems, 0), now: now}
}

func (k retention) keepsAll() bool { return k.days == 0 && k.items == 0 }

// dayCutoff is the sort time before which articles are too old (0: none).
func (k retention) dayCutoff() int64 {
	if k.days == 0 {
		return 0
	}
	return nanos(k.now.Add(-time.Duration(k.days) * 24 * time.Hour))
}

// cutoff is when a new article must be published to be stored: after the
// day cutoff and after the items-th newest article kept (0: any time).
func (k retention) cutoff(ctx context.Context, tx *sql.Tx) (int64, error) {
	c := k.dayCutoff()
	if k.items == 0 {
		return c, nil
	}
	var nth int64
	err := tx.QueryRowContext(ctx, `SELECT sort_key FROM articles WHERE feed_id = ?
		ORDER BY sort_key DESC, id DESC LIMIT 1 OFFSET ?`, k.feedID, k.items-1).Scan(&nth)
	switch {
	case err == sql.ErrNoRows:
		return c, nil // fewer than items kept: room for any
	case err != nil:
		return 0, err
	}
	return max(c, nth), nil
}

// dropSQL deletes a feed's articles that retention does not keep. ?2
// says whether ?3 (a JSON array) lists the keys of the feed's document.
const dropSQL = `DELETE FROM articles WHERE feed_id = ?1 AND starred = 0
	AND NOT EXISTS (SELECT 1 FROM highlights AS h WHERE h.article_id = articles.id)
	AND (published <> 0 OR (?2 AND key NOT IN (SELECT value FROM json_each(?3))))
	AND ((?4 <> 0 AND sort_key < ?4) OR (?5 > 0 AND id IN (
		SELECT id FROM articles WHERE feed_id = ?1
		ORDER BY sort_key DESC, id DESC LIMIT -1 OFFSET ?5)))`

// drop deletes what retention does not keep; listed are the keys of the
// feed's document, nil when it was not read (a 304). It counts what it
// dropped in meta, for Compact.
func (k retention) drop(ctx context.Context, tx *sql.Tx, listed []string) error {
	if k.keepsAll() {
		return nil
	}
	keys, err := json.Marshal(listed)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, dropSQL, k.feedID, listed != nil, string(keys), k.dayCutoff(), k.items)
	if err != nil {
		return fmt.Errorf("retention: %w", err)
	}
	n, _ := res.RowsAffected()
	if n == 0 {
		return nil
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?1, ?2)
		ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + ?2`, droppedKey, strconv.FormatInt(n, 10))
	return err
}

// stillThere counts the articles of ids that retention kept: a first
// refresh stores a feed's articles before it knows which are the newest.
func (k retention) stillThere(ctx context.Context, tx *sql.Tx, ids []int64) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return 0, err
	}
	var n int
	err = tx.QueryRowContext(ctx, `SELECT count(*) FROM articles
		WHERE id IN (SELECT value FROM json_each(?))`, string(list)).Scan(&n)
	return n, err
}

// droppedKey counts in meta the articles dropped since the full-text
// index was last optimised.
const droppedKey = "retention.dropped"

// Compact gives back to the file system the space dropped articles
// leave, so that the file stays within about 10% of its live data. A file
// made with incremental auto-vacuum (every file since retention came)
// frees its free pages at once; an older file is made so by one VACUUM
// when a twentieth of its pages are free. The full-text index, where a
// deleted article leaves a tombstone, is optimised once the articles
// dropped since last time reach a quarter of those kept (at least 100).
func (s *Store) Compact(ctx context.Context) error {
	if err := s.optimiseIndex(ctx); err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	var mode, pages, free int64
	for _, p := range []struct {
		dst  *int64
		name string
	}{{&mode, "auto_vacuum"}, {&pages, "page_count"}, {&free, "freelist_count"}} {
		if err := s.db.QueryRowContext(ctx, "PRAGMA "+p.name).Scan(p.dst); err != nil {
			return fmt.Errorf("compact: %w", err)
		}
	}
	var err error
	switch {
	case mode == 2 && free > 0: // incremental
		_, err = s.db.ExecContext(ctx, "PRAGMA incremental_vacuum")
	case mode != 2 && free*20 > pages:
		_, err = s.db.ExecContext(ctx, "VACUUM") // the connection's auto_vacuum(2) applies
	}
	if err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	return nil
}

// optimiseIndex merges the full-text index's segments, dropping the
// entries of deleted articles, when enough were deleted.
func (s *Store) optimiseIndex(ctx context.Context) error {
	v, err := s.Meta(ctx, droppedKey)
	if err != nil || v == "" {
		return err
	}
	dropped, _ := strconv.ParseInt(v, 10, 64)
	var live int64
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM articles").Scan(&live); err != nil {
		return err
	}
	if dropped < max(live/4, 100) {
		return nil
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "INSERT INTO articles_fts (articles_fts) VALUES ('optimize')"); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM meta WHERE key = ?", droppedKey)
		return err
	})
}
