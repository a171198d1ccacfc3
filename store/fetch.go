package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"time"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/store/searchtext"
)

// SaveFetch stores what one fetch of one feed produced, in one transaction,
// and says how many of its articles were new.
//
// A failed fetch (r.Err) records the error and keeps everything else. A 304
// (r.NotModified) clears the error and keeps the validators unless new ones
// came. Otherwise the feed's title (when the document has one), site,
// validators and times are updated and r.Articles are upserted by key: an
// article seen before is updated in place only when what the feed says
// about it changed, keeping its read and star state and extracted markdown.
// A feed removed meanwhile gives ErrNotFound.
//
// When r.Feed.Settings keeps only some articles (KeepDays, KeepItems
// above 0), retention runs in the same transaction (see retention): older
// articles are dropped, and new ones it would drop at once are not stored.
func (s *Store) SaveFetch(ctx context.Context, r model.FetchResult, now time.Time) (newArticles int, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		newArticles, err = saveFetch(ctx, tx, r, now, nil)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("save fetch of %s: %w", r.Feed.URL, err)
	}
	return newArticles, nil
}

// Visibility is what becomes of an article a feed brings for the first
// time (articles.hidden).
type Visibility int

const (
	Shown   Visibility = iota // listed, counted and found as usual
	Hidden                    // stored whole but never listed, counted or found
	Dropped                   // a tombstone: title and key kept, bodies emptied, never listed
)

// FeedSave is one fetch for SaveFetches to store, with what its kill
// rules make of its new articles; New and Err are its outcome.
//
// Kill (when not nil) is asked what becomes of each article the feed
// brings for the first time (kill rules: the caller's); nil shows them
// all. A tombstone keeps the feed from bringing a dropped article back,
// and is never filled again.
type FeedSave struct {
	Result model.FetchResult
	Kill   func(model.Article) Visibility
	New    int   // the new articles stored and shown (SaveFetch's count)
	Err    error // why it was not stored; nil when it was
}

// SaveFetches stores several fetches in one transaction, each as
// SaveFetch would (with its Kill) under a savepoint of its own, so that
// one that fails is left out and the others kept. A refresh stores the
// feeds that arrived together this way: one commit for them all writes
// each page they share once (the list's index, where feeds' articles
// interleave by date) instead of once a feed. An error is the
// transaction's own, and then none was stored.
func (s *Store) SaveFetches(ctx context.Context, saves []FeedSave, now time.Time) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for i := range saves {
			sv := &saves[i]
			sv.New, sv.Err = 0, nil
			if _, err := tx.ExecContext(ctx, "SAVEPOINT feed"); err != nil {
				return err
			}
			n, err := saveFetch(ctx, tx, sv.Result, now, sv.Kill)
			if err != nil {
				if _, err := tx.ExecContext(ctx, "ROLLBACK TO feed"); err != nil {
					return err
				}
				sv.Err = fmt.Errorf("save fetch of %s: %w", sv.Result.Feed.URL, err)
			}
			if _, err := tx.ExecContext(ctx, "RELEASE feed"); err != nil {
				return err
			}
			if sv.Err == nil {
				sv.New = n
			}
		}
		return nil
	})
	if err != nil {
		err = fmt.Errorf("save %d fetches: %w", len(saves), err)
		for i := range saves {
			saves[i].New, saves[i].Err = 0, err
		}
	}
	return err
}

// saveFetch is SaveFetch's work inside tx, with kill as FeedSave.Kill.
func saveFetch(ctx context.Context, tx *sql.Tx, r model.FetchResult, now time.Time, kill func(model.Article) Visibility) (newArticles int, err error) {
	if err := saveFeedState(ctx, tx, r, now); err != nil {
		return 0, err
	}
	if r.Err != nil {
		return 0, nil
	}
	keep := retentionOf(r.Feed, now)
	if r.NotModified {
		return 0, keep.drop(ctx, tx, nil)
	}
	w, err := prepareWriter(ctx, tx)
	if err != nil {
		return 0, err
	}
	defer w.close()
	if w.skipBefore, err = keep.cutoff(ctx, tx); err != nil {
		return 0, err
	}
	w.kill = kill
	newArticles, err = w.upsertAll(ctx, r.Feed.ID, r.Articles, now)
	if err != nil || keep.keepsAll() {
		return newArticles, err
	}
	if err := keep.drop(ctx, tx, w.listed); err != nil {
		return 0, err
	}
	return keep.stillThere(ctx, tx, w.added)
}

// saveFeedState updates the feed's row after a fetch, with the schedule
// the library worked out (r.NextDue, r.PublishGap).
func saveFeedState(ctx context.Context, tx *sql.Tx, r model.FetchResult, now time.Time) error {
	var res sql.Result
	var err error
	id, at, next := r.Feed.ID, nanos(now), nanos(r.RetryAfter)
	due, gap := nanos(r.NextDue), int64(r.PublishGap/time.Second)
	switch {
	case r.Err != nil:
		res, err = tx.ExecContext(ctx, `UPDATE feeds SET last_error = ?1,
			last_fetched = ?2, next_allowed = ?3, next_due = ?4, publish_gap = ?5
			WHERE id = ?6`, r.Err.Error(), at, next, due, gap, id)
	case r.NotModified:
		res, err = tx.ExecContext(ctx, `UPDATE feeds SET last_error = '',
			last_fetched = ?1, next_allowed = ?2,
			etag = CASE WHEN ?3 <> '' THEN ?3 ELSE etag END,
			last_modified = CASE WHEN ?4 <> '' THEN ?4 ELSE last_modified END,
			next_due = ?6, publish_gap = ?7
			WHERE id = ?5`, at, next, r.ETag, r.LastModified, id, due, gap)
	default:
		res, err = tx.ExecContext(ctx, `UPDATE feeds SET last_error = '',
			last_fetched = ?1, next_allowed = ?2, etag = ?3, last_modified = ?4,
			title = CASE WHEN ?5 <> '' THEN ?5 ELSE title END,
			site_url = CASE WHEN ?6 <> '' THEN ?6 ELSE site_url END,
			next_due = ?8, publish_gap = ?9
			WHERE id = ?7`, at, next, r.ETag, r.LastModified, r.Title, r.SiteURL, id, due, gap)
	}
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("feed %d: %w", id, ErrNotFound)
	}
	return nil
}

// writer holds the statements that write articles inside one transaction.
type writer struct {
	lookup, insert, update, queue, fold *sql.Stmt

	// skipBefore: a new article published before this (unix ns) is not
	// stored, as retention would drop it at once; 0 stores all.
	skipBefore int64
	listed     []string                       // the keys of the articles written, for retention
	added      []int64                        // the ids of the articles inserted
	kill       func(model.Article) Visibility // nil: every new article shown
}

func prepareWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{listed: []string{}}
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&w.lookup, `SELECT id, hash FROM articles WHERE feed_id = ? AND key = ?`},
		{&w.insert, `INSERT INTO articles (feed_id, key, read, starred,
			published, updated, fetched_at, extracted_at, hash, title, url,
			author, site, notice, summary, content, markdown, hidden,
			comments, enclosures)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.update, `UPDATE articles SET published = ?, updated = ?, hash = ?,
			title = ?, url = ?, author = ?,
			site = CASE WHEN ?7 <> '' THEN ?7 ELSE site END,
			summary = ?, content = ?,
			comments = CASE WHEN ?11 <> '' THEN ?11 ELSE comments END,
			enclosures = CASE WHEN ?12 <> '' THEN ?12 ELSE enclosures END
			WHERE id = ?10 AND hidden <> 2`},
		{&w.queue, queueSQL},
		{&w.fold, saveFoldSQL},
	} {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			w.close()
			return nil, err
		}
		*p.dst = st
	}
	return w, nil
}

func (w *writer) close() {
	for _, st := range []*sql.Stmt{w.lookup, w.insert, w.update, w.queue, w.fold} {
		if st != nil {
			st.Close()
		}
	}
}

// upsertAll writes a feed's articles and counts those it inserted. An item
// whose key repeats within arts is written once, as it first appears.
func (w *writer) upsertAll(ctx context.Context, feedID int64, arts []model.Article, now time.Time) (int, error) {
	inserted := 0
	seen := make(map[string]bool, len(arts))
	for _, a := range arts {
		a = capArticle(a)
		a.FeedID = feedID
		if a.Key == "" {
			a.Key = model.ArticleKey("", a.URL, a.Title, a.Content+a.Summary)
		}
		if seen[a.Key] {
			continue
		}
		seen[a.Key] = true
		w.listed = append(w.listed, a.Key)
		isNew, err := w.upsert(ctx, a, now)
		if err != nil {
			return 0, fmt.Errorf("article %s: %w", a.Key, err)
		}
		if isNew {
			inserted++
		}
	}
	return inserted, nil
}

// upsert inserts a, or updates the stored article with its key when what
// the feed says about it changed; it reports whether it inserted.
func (w *writer) upsert(ctx context.Context, a model.Article, now time.Time) (bool, error) {
	var id, oldHash int64
	err := w.lookup.QueryRowContext(ctx, a.FeedID, a.Key).Scan(&id, &oldHash)
	if errors.Is(err, sql.ErrNoRows) {
		if p := nanos(a.Published); p != 0 && p < w.skipBefore {
			return false, nil // retention would drop it at once
		}
		if a.FetchedAt.IsZero() {
			a.FetchedAt = now
		}
		v := Shown
		if w.kill != nil {
			v = w.kill(a)
		}
		h := feedHash(a) // of what the feed said, so that it is not stored again
		if v == Dropped {
			a.Summary, a.Content, a.Markdown = "", "", ""
			a.Comments, a.Enclosures = "", nil
		}
		id, err := w.insertRow(ctx, a, v, h)
		if err == nil {
			w.added = append(w.added, id)
		}
		return err == nil && v == Shown, err
	}
	if err != nil {
		return false, err
	}
	h := feedHash(a)
	if h == oldHash {
		return false, nil
	}
	res, err := w.update.ExecContext(ctx, nanos(a.Published), nanos(a.Updated), h,
		a.Title, a.URL, a.Author, a.Site, a.Summary, a.Content, id,
		a.Comments, encodeEnclosures(a.Enclosures))
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err // a tombstone (Dropped) stays as it is
	}
	if _, err = w.fold.ExecContext(ctx, id, searchtext.Fold(a.Title)); err != nil {
		return false, err
	}
	_, err = w.queue.ExecContext(ctx, id, 0)
	return false, err
}

// add inserts a as it is and queues it for indexing.
func (w *writer) add(ctx context.Context, a model.Article) (int64, error) {
	return w.insertRow(ctx, a, Shown, feedHash(a))
}

// insertRow inserts a with its visibility and hash, and queues it for
// indexing unless it is a tombstone.
func (w *writer) insertRow(ctx context.Context, a model.Article, v Visibility, hash int64) (int64, error) {
	res, err := w.insert.ExecContext(ctx, a.FeedID, a.Key, boolInt(a.Read),
		boolInt(a.Starred), nanos(a.Published), nanos(a.Updated),
		nanos(a.FetchedAt), nanos(a.ExtractedAt), hash, a.Title, a.URL,
		a.Author, a.Site, a.Notice, a.Summary, a.Content, a.Markdown, int(v),
		a.Comments, encodeEnclosures(a.Enclosures))
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil || v == Dropped {
		return id, err
	}
	if _, err = w.fold.ExecContext(ctx, id, searchtext.Fold(a.Title)); err != nil {
		return 0, err
	}
	_, err = w.queue.ExecContext(ctx, id, 1)
	return id, err
}

// saveFoldSQL keeps an article's folded title (searchtext.Fold), which
// the `/` filter matches.
const saveFoldSQL = `INSERT INTO title_folds (id, title) VALUES (?, ?)
	ON CONFLICT (id) DO UPDATE SET title = excluded.title`

// queueSQL queues an article for IndexPending; fresh (1) says it was never
// indexed. An article already queued stays as it was queued.
const queueSQL = `INSERT INTO fts_pending (id, fresh) VALUES (?, ?)
	ON CONFLICT (id) DO NOTHING`

// feedHash sums what a feed says about an article, to tell a changed item
// from one that merely came again.
func feedHash(a model.Article) int64 {
	h := fnv.New64a()
	for _, s := range []string{a.Title, a.URL, a.Author, a.Site, a.Summary, a.Content} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	var b [16]byte
	for i, t := range []int64{nanos(a.Published), nanos(a.Updated)} {
		for j := range 8 {
			b[i*8+j] = byte(t >> (8 * j))
		}
	}
	h.Write(b[:])
	// Only an item with files or a comments page sums them, so that the
	// sums stored before they were kept still match.
	if a.Comments != "" || len(a.Enclosures) > 0 {
		h.Write([]byte(a.Comments + "\x00" + encodeEnclosures(a.Enclosures)))
	}
	return int64(h.Sum64())
}
