package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/byline-reader/byline/store/newsboat"
)

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
func (s *Store) ApplyState(ctx context.Context, marks []newsboat.Mark, dryRun bool) (StateResult, error) {
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
