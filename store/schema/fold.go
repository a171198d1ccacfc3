package schema

import (
	"context"
	"database/sql"

	"github.com/byline-reader/byline/store/searchtext"
)

// foldSQL keeps an article's folded title, as migration 6 wrote it (the
// store's writer has its statement; a step keeps its own, as it shipped).
const foldSQL = `INSERT INTO title_folds (id, title) VALUES (?, ?)
	ON CONFLICT (id) DO UPDATE SET title = excluded.title`

// foldAllTitles folds the title of every article (migration 6 runs it
// once, in its transaction), a batch at a time so that a large library is
// never held in memory.
func foldAllTitles(ctx context.Context, tx *sql.Tx) error {
	st, err := tx.PrepareContext(ctx, foldSQL)
	if err != nil {
		return err
	}
	defer st.Close()
	type title struct {
		id   int64
		text string
	}
	batch := make([]title, 0, foldBatch)
	for last := int64(-1); ; {
		batch = batch[:0]
		rows, err := tx.QueryContext(ctx, `SELECT id, title FROM articles
			WHERE id > ? ORDER BY id LIMIT ?`, last, foldBatch)
		if err != nil {
			return err
		}
		for rows.Next() {
			var t title
			if err := rows.Scan(&t.id, &t.text); err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, t)
		}
		rows.Close()
		if err := rows.Err(); err != nil || len(batch) == 0 {
			return err
		}
		for _, t := range batch {
			if _, err := st.ExecContext(ctx, t.id, searchtext.Fold(t.text)); err != nil {
				return err
			}
		}
		last = batch[len(batch)-1].id
	}
}

// foldBatch is how many titles foldAllTitles reads at a time.
const foldBatch = 5000
