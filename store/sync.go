package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/byline-reader/byline/model"
)

// SyncFeeds makes the account's feeds those the server lists: each is
// matched by its RemoteID, updated (URL, title, site, folders) or added;
// a feed the server no longer lists is removed with its articles. It
// counts the feeds added and removed.
func (s *Store) SyncFeeds(ctx context.Context, accountID int64, feeds []model.Feed) (added, removed int, err error) {
	now := time.Now()
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		have, err := accountFeedIDs(ctx, tx, accountID)
		if err != nil {
			return err
		}
		listed := make(map[string]bool, len(feeds))
		for _, f := range feeds {
			if f.RemoteID == "" || listed[f.RemoteID] {
				continue
			}
			listed[f.RemoteID] = true
			if id, ok := have[f.RemoteID]; ok {
				_, err = tx.ExecContext(ctx, `UPDATE OR IGNORE feeds SET url = ?, title = ?,
					site_url = ?, folder = ?, tags = ? WHERE id = ?`,
					f.URL, f.Title, f.SiteURL, model.CleanFolder(f.Folder), joinTags(f.Tags), id)
			} else {
				var res sql.Result
				res, err = tx.ExecContext(ctx, `INSERT INTO feeds (url, title, site_url, folder,
					tags, created, account_id, remote_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT DO NOTHING`,
					f.URL, f.Title, f.SiteURL, model.CleanFolder(f.Folder), joinTags(f.Tags),
					nanos(now), accountID, f.RemoteID)
				if n, _ := rowsAffected(res, err); n > 0 {
					added++
				}
			}
			if err != nil {
				return fmt.Errorf("feed %s: %w", f.URL, err)
			}
		}
		if len(listed) == 0 {
			// A server that lists nothing at all is more likely broken
			// than emptied; removing every feed would drop their articles.
			return nil
		}
		for remote, id := range have {
			if listed[remote] {
				continue
			}
			if err := dropAccountFeed(ctx, tx, id); err != nil {
				return err
			}
			removed++
		}
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("save the feeds of account %d: %w", accountID, err)
	}
	return added, removed, nil
}

// dropAccountFeed removes an account's feed with its articles, except
// those the reader highlighted: highlights are byline's own and outlive
// the subscription. Those articles move to byline's own feed of the same
// URL, which the account's feed becomes when there is none.
func dropAccountFeed(ctx context.Context, tx *sql.Tx, id int64) error {
	const highlighted = `SELECT article_id FROM highlights`
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE feed_id = ?
		AND id IN (`+highlighted+`)`, id).Scan(&n)
	if err != nil || n == 0 {
		if err == nil {
			_, err = tx.ExecContext(ctx, "DELETE FROM feeds WHERE id = ?", id)
		}
		return err
	}
	steps := []string{
		`DELETE FROM items WHERE article_id IN (SELECT id FROM articles WHERE feed_id = ?1)`,
		`DELETE FROM articles WHERE feed_id = ?1 AND id NOT IN (` + highlighted + `)`,
		// Into byline's own feed of that URL, when there is one…
		`UPDATE OR IGNORE articles SET feed_id = (SELECT l.id FROM feeds AS l, feeds AS f
			WHERE f.id = ?1 AND l.url = f.url AND l.account_id IS NULL)
			WHERE feed_id = ?1 AND EXISTS (SELECT 1 FROM feeds AS l, feeds AS f
			WHERE f.id = ?1 AND l.url = f.url AND l.account_id IS NULL)`,
		// …else the feed becomes byline's own.
		`UPDATE OR IGNORE feeds SET account_id = NULL, remote_id = '' WHERE id = ?1
			AND EXISTS (SELECT 1 FROM articles WHERE feed_id = ?1)`,
		`DELETE FROM feeds WHERE id = ?1 AND account_id IS NOT NULL`,
	}
	for _, q := range steps {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	return nil
}

func rowsAffected(res sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// accountFeedIDs maps the account's feeds' remote ids to their ids.
func accountFeedIDs(ctx context.Context, tx *sql.Tx, accountID int64) (map[string]int64, error) {
	rows, err := tx.QueryContext(ctx, "SELECT remote_id, id FROM feeds WHERE account_id = ?", accountID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := map[string]int64{}
	for rows.Next() {
		var remote string
		var id int64
		if err := rows.Scan(&remote, &id); err != nil {
			return nil, err
		}
		ids[remote] = id
	}
	return ids, rows.Err()
}

// KnownItems are the server's ids of the account's items stored here.
func (s *Store) KnownItems(ctx context.Context, accountID int64) (map[int64]bool, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT item_id FROM items WHERE account_id = ?", accountID)
	if err != nil {
		return nil, fmt.Errorf("items of account %d: %w", accountID, err)
	}
	defer rows.Close()
	known := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("items of account %d: %w", accountID, err)
		}
		known[id] = true
	}
	return known, rows.Err()
}

// SaveItems stores items of the account not stored yet, under their feeds,
// with the read and starred state the server gave, in one transaction. An
// item whose feed the account does not have is not stored: it is counted
// in orphans.
func (s *Store) SaveItems(ctx context.Context, accountID int64, items []model.SyncItem, now time.Time) (saved, orphans int, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		feedIDs, err := accountFeedIDs(ctx, tx, accountID)
		if err != nil {
			return err
		}
		w, err := prepareWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		link, err := tx.PrepareContext(ctx, `INSERT INTO items (account_id, item_id, article_id)
			VALUES (?, ?, ?) ON CONFLICT DO NOTHING`)
		if err != nil {
			return err
		}
		defer link.Close()
		for _, it := range items {
			feedID, ok := feedIDs[it.FeedID]
			if !ok {
				orphans++
				continue
			}
			isNew, err := saveItem(ctx, w, link, accountID, feedID, it, now)
			if err != nil {
				return fmt.Errorf("item %d: %w", it.ID, err)
			}
			if isNew {
				saved++
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("save items of account %d: %w", accountID, err)
	}
	return saved, orphans, nil
}

// saveItem inserts one item's article, unless the feed has it already, and
// links it to the item id.
func saveItem(ctx context.Context, w *writer, link *sql.Stmt, accountID, feedID int64, it model.SyncItem, now time.Time) (bool, error) {
	a := capArticle(it.Article)
	a.FeedID, a.Key = feedID, strconv.FormatInt(it.ID, 10)
	if a.FetchedAt.IsZero() {
		a.FetchedAt = now
	}
	var id, hash int64
	err := w.lookup.QueryRowContext(ctx, a.FeedID, a.Key).Scan(&id, &hash)
	isNew := errors.Is(err, sql.ErrNoRows)
	switch {
	case isNew:
		id, err = w.add(ctx, a)
	case err != nil:
		return false, err
	}
	if err != nil {
		return false, err
	}
	res, err := link.ExecContext(ctx, accountID, it.ID, id)
	if n, _ := rowsAffected(res, err); n == 0 && err == nil {
		isNew = false // another sync stored it meanwhile
	}
	return isNew, err
}

// Reconcile takes the server's read and starred state for every stored
// item of the account: an item is read unless unread has it, starred when
// starred has it. A flag with a change waiting in the outbox keeps the
// local state, which the server is yet to hear of. It counts the articles
// changed.
func (s *Store) Reconcile(ctx context.Context, accountID int64, unread, starred map[int64]bool) (int, error) {
	changed := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT i.item_id, a.id, a.read, a.starred,
			EXISTS (SELECT 1 FROM outbox o WHERE o.account_id = i.account_id
				AND o.item_id = i.item_id AND o.starred = 0),
			EXISTS (SELECT 1 FROM outbox o WHERE o.account_id = i.account_id
				AND o.item_id = i.item_id AND o.starred = 1)
			FROM items AS i JOIN articles AS a ON a.id = i.article_id
			WHERE i.account_id = ?`, accountID)
		if err != nil {
			return err
		}
		type fix struct {
			id            int64
			read, starred bool
		}
		var fixes []fix
		for rows.Next() {
			var item, id int64
			var read, star, readPending, starPending bool
			if err := rows.Scan(&item, &id, &read, &star, &readPending, &starPending); err != nil {
				rows.Close()
				return err
			}
			wantRead, wantStar := !unread[item], starred[item]
			if readPending {
				wantRead = read
			}
			if starPending {
				wantStar = star
			}
			if wantRead != read || wantStar != star {
				fixes = append(fixes, fix{id, wantRead, wantStar})
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, f := range fixes {
			if _, err := tx.ExecContext(ctx, "UPDATE articles SET read = ?, starred = ? WHERE id = ?",
				boolInt(f.read), boolInt(f.starred), f.id); err != nil {
				return err
			}
		}
		changed = len(fixes)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("reconcile account %d: %w", accountID, err)
	}
	return changed, nil
}

// Outbox is the account's local changes not yet confirmed by its server,
// oldest first.
func (s *Store) Outbox(ctx context.Context, accountID int64) ([]model.Change, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, item_id, starred, value FROM outbox
		WHERE account_id = ? ORDER BY id`, accountID)
	if err != nil {
		return nil, fmt.Errorf("outbox of account %d: %w", accountID, err)
	}
	defer rows.Close()
	var out []model.Change
	for rows.Next() {
		var c model.Change
		if err := rows.Scan(&c.Seq, &c.Item, &c.Starred, &c.Set); err != nil {
			return nil, fmt.Errorf("outbox of account %d: %w", accountID, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// OutboxDone removes the changes the server confirmed, by Seq. A change
// made again meanwhile has a new Seq and stays.
func (s *Store) OutboxDone(ctx context.Context, seqs []int64) error {
	if len(seqs) == 0 {
		return nil
	}
	list, err := json.Marshal(seqs)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, "DELETE FROM outbox WHERE id IN (SELECT value FROM json_each(?))", string(list))
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	return nil
}

// queueChanges writes, in the caller's transaction, an outbox entry for
// each flag given (read, starred; nil: not changed) of each of the articles
// that is an account's item. An entry for the same item and flag is
// replaced, taking a new id.
func queueChanges(ctx context.Context, tx *sql.Tx, articleIDs []int64, read, starred *bool) error {
	if len(articleIDs) == 0 {
		return nil
	}
	list, err := json.Marshal(articleIDs)
	if err != nil {
		return err
	}
	for flag, v := range []*bool{read, starred} {
		if v == nil {
			continue
		}
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO outbox
			(account_id, item_id, starred, value, created)
			SELECT account_id, item_id, ?, ?, ? FROM items
			WHERE article_id IN (SELECT value FROM json_each(?))`,
			flag, boolInt(*v), nanos(time.Now()), string(list))
		if err != nil {
			return fmt.Errorf("outbox: %w", err)
		}
	}
	return nil
}

// returnedIDs reads the ids an UPDATE ... RETURNING id gave.
func returnedIDs(rows *sql.Rows) ([]int64, error) {
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
