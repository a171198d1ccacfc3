package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/store/searchtext"
)

// Search finds articles whose title or text has every word of query,
// best match first (bm25, titles weighing more), as headlines like
// Articles. The query is words, "quoted phrases", word* prefixes and OR;
// every other character is taken literally, so no query is a syntax error.
// limit <= 0 means no limit. Articles a kill rule hid are not found.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]model.Article, error) {
	return s.SearchFilter(ctx, query, "", limit)
}

// SearchFilter is Search narrowed to the articles an expression of the
// filter language selects ("" selects all).
func (s *Store) SearchFilter(ctx context.Context, query, expr string, limit int) ([]model.Article, error) {
	match := searchtext.FTSQuery(query)
	if match == "" {
		return nil, nil
	}
	if _, err := s.IndexPending(ctx); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	if limit <= 0 {
		limit = -1
	}
	where, args, release, err := s.articleWhere(ctx, model.ArticleQuery{Filter: expr}, false)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer release()
	args = append([]any{match}, args...)
	// Without a filter, the best hits are ranked in the index alone and
	// only they are read (a hidden one among them is made up for by a
	// few more); when too many were hidden, or with a filter, every hit
	// is read.
	if expr == "" && limit > 0 {
		const spare = 16
		arts, err := s.searchHits(ctx, where, args, limit+spare, limit)
		if err != nil || len(arts) == limit {
			return arts, searchErr(query, err)
		}
	}
	arts, err := s.searchHits(ctx, where, args, -1, limit)
	return arts, searchErr(query, err)
}

func searchErr(query string, err error) error {
	if err != nil {
		return fmt.Errorf("search %q: %w", query, err)
	}
	return nil
}

// searchHits reads the best hits (at most ranked of them; -1: all) that
// pass where, at most limit.
func (s *Store) searchHits(ctx context.Context, where string, args []any, ranked, limit int) ([]model.Article, error) {
	args = append([]any{args[0], ranked}, args[1:]...)
	rows, err := s.db.QueryContext(ctx, `WITH hits AS (
			SELECT rowid AS id, bm25(articles_fts, 4.0, 1.0) AS score
			FROM articles_fts WHERE articles_fts MATCH ?
			ORDER BY score LIMIT ?
		)
		SELECT `+headlineColumns+`
		FROM hits JOIN articles AS a ON a.id = hits.id
		JOIN feeds AS f ON f.id = a.feed_id`+where+`
		ORDER BY hits.score, a.id DESC LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, err
	}
	return scanHeadlines(rows)
}

// indexBatch is how many articles IndexPending indexes per transaction:
// enough for few, large index segments, few enough that a writer waiting
// on the lock (a keypress marking an article read) waits well under a
// second.
const indexBatch = 1000

// IndexPending brings the full-text index up to date with what SaveFetch,
// SaveExtraction and InsertArticle wrote, and counts the articles it
// indexed. Search calls it first, so search results are never stale; run
// it after a refresh, off the UI's event loop, so the first search does
// not pay for the refresh.
func (s *Store) IndexPending(ctx context.Context) (int, error) {
	total := 0
	for {
		n, err := s.indexBatch(ctx, indexBatch)
		total += n
		if err != nil {
			return total, fmt.Errorf("index articles: %w", err)
		}
		if n < indexBatch {
			return total, nil
		}
	}
}

// IndexBatch indexes at most n of the articles waiting for the index, in
// one transaction, and counts them: a refresh indexes what it stored
// while later feeds are still being fetched.
func (s *Store) IndexBatch(ctx context.Context, n int) (int, error) {
	done, err := s.indexBatch(ctx, n)
	if err != nil {
		return done, fmt.Errorf("index articles: %w", err)
	}
	return done, nil
}

type pendingArticle struct {
	id    int64
	fresh bool
	a     model.Article
}

// indexBatch indexes up to indexBatch queued articles in one transaction.
func (s *Store) indexBatch(ctx context.Context, limit int) (int, error) {
	var empty bool
	err := s.db.QueryRowContext(ctx, "SELECT NOT EXISTS (SELECT 1 FROM fts_pending)").Scan(&empty)
	if err != nil || empty {
		return 0, err
	}
	var todo []pendingArticle
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		// Only the head of a long text is indexed (IndexText): read no
		// more of it, so that a batch of long articles stays small.
		rows, err := tx.QueryContext(ctx, `SELECT p.id, p.fresh, a.title,
			substr(a.summary, 1, ?1), substr(a.content, 1, ?1), substr(a.markdown, 1, ?1)
			FROM fts_pending AS p JOIN articles AS a ON a.id = p.id
			ORDER BY p.id LIMIT ?2`, 2*searchtext.MaxIndexText, limit)
		if err != nil {
			return err
		}
		for rows.Next() {
			var p pendingArticle
			if err := rows.Scan(&p.id, &p.fresh, &p.a.Title, &p.a.Summary, &p.a.Content, &p.a.Markdown); err != nil {
				rows.Close()
				return err
			}
			todo = append(todo, p)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		return indexArticles(ctx, tx, todo)
	})
	return len(todo), err
}

func indexArticles(ctx context.Context, tx *sql.Tx, todo []pendingArticle) error {
	if len(todo) == 0 {
		return nil // indexed meanwhile by another connection
	}
	del, err := tx.PrepareContext(ctx, "DELETE FROM articles_fts WHERE rowid = ?")
	if err != nil {
		return err
	}
	defer del.Close()
	ins, err := tx.PrepareContext(ctx, "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)")
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, p := range todo {
		if !p.fresh {
			if _, err := del.ExecContext(ctx, p.id); err != nil {
				return err
			}
		}
		if _, err := ins.ExecContext(ctx, p.id, p.a.Title, searchtext.IndexText(p.a)); err != nil {
			return err
		}
	}
	// todo is the head of the queue in id order, and the transaction
	// keeps other writers out: it is exactly the queue up to its last id.
	_, err = tx.ExecContext(ctx, "DELETE FROM fts_pending WHERE id <= ?", todo[len(todo)-1].id)
	return err
}
