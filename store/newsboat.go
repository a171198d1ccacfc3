package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/byline-reader/byline/model"
)

// Another reader's read and starred state carried onto byline's articles
// (byline import --newsboat-cache): ReadNewsboatCache reads newsboat's
// cache.db, never writing it, and ApplyState matches its items to
// byline's articles and marks them, in one transaction.

// ErrNotNewsboat is the error of a file that is not a newsboat cache: not
// SQLite, damaged, or without the table and columns newsboat writes.
var ErrNotNewsboat = errors.New("not a newsboat cache")

// StateMark is another reader's state of one of its items: the URL of its
// feed, its guid and link (by which it is matched), read, starred.
type StateMark struct {
	FeedURL, GUID, Link string
	Read, Starred       bool
}

// StateResult counts what ApplyState did, or in a dry run would do (the
// JSON is `import --newsboat-cache --json`'s).
type StateResult struct {
	Items     int  `json:"items"`     // marks given
	Matched   int  `json:"matched"`   // marks that found at least one article
	Unmatched int  `json:"unmatched"` // marks that found none
	Read      int  `json:"read"`      // articles it marked read
	Starred   int  `json:"starred"`   // articles it starred
	DryRun    bool `json:"dry_run"`
}

// newsboatColumns are the columns of newsboat's rss_item that are read.
var newsboatColumns = []string{"guid", "url", "feedurl", "unread", "flags", "deleted"}

// maxNewsboatField caps each string read from the cache: longer guids and
// links are no one's, and a hostile file cannot fill the memory with them.
const maxNewsboatField = 4096

// ReadNewsboatCache reads the items of newsboat's cache.db at path that
// newsboat has not deleted: their feed, guid and link (sanitised, as
// byline's feeds keep them), read when not unread, and starred when their
// flags (newsboat's letters, A-Z and a-z) hold any of starFlags. The file
// is opened read-only and query-only. An error of the file's content is
// ErrNotNewsboat; a missing file is os.ErrNotExist.
func ReadNewsboatCache(ctx context.Context, path, starFlags string) ([]StateMark, error) {
	f, err := os.Open(path) // a missing or unreadable file said as such
	if err != nil {
		return nil, err
	}
	f.Close()
	db, err := openQueryOnly(path, "ro")
	if err != nil {
		return nil, notNewsboat(ctx, path, err)
	}
	defer db.Close()
	if err := checkNewsboat(ctx, db); err != nil {
		return nil, notNewsboat(ctx, path, err)
	}
	marks, err := newsboatItems(ctx, db, starFlags)
	if err != nil {
		return nil, notNewsboat(ctx, path, err)
	}
	return marks, nil
}

// notNewsboat words an error of reading the cache: ErrNotNewsboat, unless
// the work was cancelled.
func notNewsboat(ctx context.Context, path string, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if errors.Is(err, ErrNotNewsboat) {
		return fmt.Errorf("%s: %w", path, err)
	}
	return fmt.Errorf("%s: %w (%v)", path, ErrNotNewsboat, err)
}

// checkNewsboat makes sure the file has newsboat's rss_item with the
// columns read.
func checkNewsboat(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT name FROM pragma_table_info('rss_item')")
	if err != nil {
		return err
	}
	defer rows.Close()
	have := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return err
		}
		have[strings.ToLower(name)] = true
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(have) == 0 {
		return fmt.Errorf("%w: no table rss_item", ErrNotNewsboat)
	}
	for _, c := range newsboatColumns {
		if !have[c] {
			return fmt.Errorf("%w: rss_item has no column %s", ErrNotNewsboat, c)
		}
	}
	return nil
}

// newsboatItems reads the items, whatever the types their values have.
func newsboatItems(ctx context.Context, db *sql.DB, starFlags string) ([]StateMark, error) {
	text := func(col string) string {
		return fmt.Sprintf("substr(ifnull(CAST(%s AS TEXT), ''), 1, %d)", col, maxNewsboatField)
	}
	rows, err := db.QueryContext(ctx, `SELECT `+text("feedurl")+`, `+text("guid")+`, `+
		text("url")+`, ifnull(unread, 1) <> 0, `+text("flags")+`
		FROM rss_item WHERE ifnull(deleted, 0) = 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var marks []StateMark
	for rows.Next() {
		var m StateMark
		var unread bool
		var flags string
		if err := rows.Scan(&m.FeedURL, &m.GUID, &m.Link, &unread, &flags); err != nil {
			return nil, err
		}
		m.FeedURL = model.SanitizeLine(m.FeedURL)
		m.GUID = model.SanitizeLine(m.GUID)
		m.Link = model.SanitizeLine(m.Link)
		m.Read = !unread
		m.Starred = starFlags != "" && strings.ContainsAny(flags, starFlags)
		marks = append(marks, m)
	}
	return marks, rows.Err()
}

// errDryRun rolls a dry run's transaction back (an import's, a cache's).
var errDryRun = errors.New("dry run")

// ApplyState carries the marks onto the articles they match, in one
// transaction: an article of byline's own feeds is matched by its feed's
// URL and its key (the guid, else the link, as model.ArticleKey makes
// it), and a mark that matches none that way by the article's link, in
// any feed (an account's too). State is merged, never taken away: an
// article read or starred in either reader is so after, and an import
// run twice changes nothing the second time.
// Each change to an account's item goes to the outbox as Mark's do. With
// dryRun it counts the same and changes nothing.
func (s *Store) ApplyState(ctx context.Context, marks []StateMark, dryRun bool) (StateResult, error) {
	res := StateResult{Items: len(marks), DryRun: dryRun}
	if len(marks) == 0 {
		return res, nil
	}
	rows := make([][5]any, len(marks))
	for i, m := range marks {
		rows[i] = [5]any{m.FeedURL, m.GUID, m.Link, boolInt(m.Read), boolInt(m.Starred)}
	}
	list, err := json.Marshal(rows)
	if err != nil {
		return res, err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := matchState(ctx, tx, string(list)); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, "SELECT count(DISTINCT mark) FROM temp.state_hits").Scan(&res.Matched); err != nil {
			return err
		}
		res.Unmatched = res.Items - res.Matched
		yes := true
		for _, flag := range []struct {
			column string
			n      *int
			read   *bool
			star   *bool
		}{{"read", &res.Read, &yes, nil}, {"starred", &res.Starred, nil, &yes}} {
			ids, err := setMatched(ctx, tx, flag.column)
			if err != nil {
				return err
			}
			*flag.n = len(ids)
			if err := queueChanges(ctx, tx, ids, flag.read, flag.star); err != nil {
				return err
			}
		}
		if dryRun {
			return errDryRun
		}
		_, err := tx.ExecContext(ctx, "DROP TABLE temp.state_hits; DROP TABLE temp.state_marks")
		return err
	})
	if err != nil && !errors.Is(err, errDryRun) {
		return StateResult{Items: len(marks), DryRun: dryRun}, fmt.Errorf("apply read and starred state: %w", err)
	}
	return res, nil
}

// matchState fills, in the caller's transaction, temp.state_marks with the
// JSON list of marks and temp.state_hits with the (mark, article) pairs
// that match: by feed and key, then by link for the marks left.
func matchState(ctx context.Context, tx *sql.Tx, list string) error {
	steps := []string{
		`CREATE TEMP TABLE state_marks (id INTEGER PRIMARY KEY, feed TEXT NOT NULL,
			guid TEXT NOT NULL, link TEXT NOT NULL, read INTEGER NOT NULL, starred INTEGER NOT NULL)`,
		`INSERT INTO temp.state_marks (feed, guid, link, read, starred)
			SELECT value->>0, value->>1, value->>2, value->>3, value->>4 FROM json_each(?)`,
		`CREATE INDEX temp.state_marks_key ON state_marks (feed, guid)`,
		`CREATE INDEX temp.state_marks_link ON state_marks (link) WHERE link <> ''`,
		`CREATE TEMP TABLE state_hits (mark INTEGER NOT NULL, article INTEGER NOT NULL,
			PRIMARY KEY (mark, article)) WITHOUT ROWID`,
		// CROSS JOIN keeps SQLite's order: each article once, the marks by
		// index. An account's articles are keyed by the server's item id,
		// not the guid: they are matched by link only.
		`INSERT OR IGNORE INTO temp.state_hits SELECT m.id, a.id
			FROM articles AS a CROSS JOIN feeds AS f CROSS JOIN temp.state_marks AS m
			WHERE f.id = a.feed_id AND f.account_id IS NULL AND m.feed = f.url AND m.guid = a.key`,
		`INSERT OR IGNORE INTO temp.state_hits SELECT m.id, a.id
			FROM articles AS a CROSS JOIN temp.state_marks AS m
			WHERE a.url <> '' AND m.link = a.url AND m.link <> ''
			AND NOT EXISTS (SELECT 1 FROM temp.state_hits AS h WHERE h.mark = m.id)`,
	}
	for i, q := range steps {
		var err error
		if i == 1 {
			_, err = tx.ExecContext(ctx, q, list)
		} else {
			_, err = tx.ExecContext(ctx, q)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// setMatched sets column (read or starred: a constant, never outside
// text) on the matched articles whose mark has it and which have it not,
// and gives their ids. OR FAIL: a failure rolls the whole transaction
// back anyway, and without a statement journal to undo the statement
// alone, SQLite keeps no copy of each page it changes (temp_store is
// memory: 350 MB for 30,000 articles of a 260 MB database).
func setMatched(ctx context.Context, tx *sql.Tx, column string) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `UPDATE OR FAIL articles SET `+column+` = 1
		WHERE `+column+` = 0 AND id IN (SELECT h.article FROM temp.state_hits AS h
			JOIN temp.state_marks AS m ON m.id = h.mark WHERE m.`+column+` = 1)
		RETURNING id`)
	if err != nil {
		return nil, err
	}
	return returnedIDs(rows)
}
