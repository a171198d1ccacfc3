package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/byline-reader/byline/model"
)

// highlightColumns are a highlight with what it shows of its article: the
// site is the page's name, else the feed's title (the user's, if given).
const highlightColumns = `h.id, h.article_id, h.text, h.pos_start, h.pos_end,
	h.created, a.title, a.url,
	CASE WHEN a.site <> '' THEN a.site WHEN f.user_title <> '' THEN f.user_title ELSE f.title END`

const highlightFrom = ` FROM highlights AS h
	JOIN articles AS a ON a.id = h.article_id
	JOIN feeds AS f ON f.id = a.feed_id`

// AddHighlight keeps h (its ArticleID, Text, Start, End and Created, now
// when zero) in a transaction of its own, committed before it returns, and
// gives it back with its ID and its article's title, link and site. A
// highlight of the same article with the same text and start is not kept
// twice: that one is returned instead. An article that does not exist
// gives ErrNotFound.
func (s *Store) AddHighlight(ctx context.Context, h model.Highlight) (model.Highlight, error) {
	if h.Text == "" {
		return model.Highlight{}, errors.New("add highlight: no text")
	}
	if h.Created.IsZero() {
		h.Created = time.Now()
	}
	var out model.Highlight
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM highlights
			WHERE article_id = ? AND pos_start = ? AND text = ?
			ORDER BY id LIMIT 1`, h.ArticleID, h.Start, h.Text).Scan(&id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			id, err = insertHighlight(ctx, tx, h)
			if err != nil {
				return err
			}
		case err != nil:
			return err
		}
		out, err = scanHighlight(tx.QueryRowContext(ctx,
			"SELECT "+highlightColumns+highlightFrom+" WHERE h.id = ?", id))
		return err
	})
	if err != nil {
		return model.Highlight{}, fmt.Errorf("add highlight to article %d: %w", h.ArticleID, err)
	}
	return out, nil
}

func insertHighlight(ctx context.Context, tx *sql.Tx, h model.Highlight) (int64, error) {
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM articles WHERE id = ?", h.ArticleID).Scan(&one)
	if err != nil {
		return 0, notFound(err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO highlights
		(article_id, text, pos_start, pos_end, created) VALUES (?, ?, ?, ?, ?)`,
		h.ArticleID, h.Text, h.Start, h.End, nanos(h.Created))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// RemoveHighlight deletes the highlight with that id; ErrNotFound when
// there is none.
func (s *Store) RemoveHighlight(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, "DELETE FROM highlights WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("remove highlight %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("remove highlight %d: %w", id, ErrNotFound)
	}
	return nil
}

// Highlights lists the highlights of one article, or of every article
// when articleID is 0, newest first, each with its article's title, link
// and site (the page's name, else the feed's title). Start and End are
// where the text stood when it was kept; see model.AnchorHighlight.
func (s *Store) Highlights(ctx context.Context, articleID int64) ([]model.Highlight, error) {
	query := "SELECT " + highlightColumns + highlightFrom
	var args []any
	if articleID != 0 {
		query += " WHERE h.article_id = ?"
		args = append(args, articleID)
	}
	rows, err := s.db.QueryContext(ctx, query+" ORDER BY h.created DESC, h.id DESC", args...)
	if err != nil {
		return nil, fmt.Errorf("highlights: %w", err)
	}
	defer rows.Close()
	var hs []model.Highlight
	for rows.Next() {
		h, err := scanHighlight(rows)
		if err != nil {
			return nil, fmt.Errorf("highlights: %w", err)
		}
		hs = append(hs, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("highlights: %w", err)
	}
	return hs, nil
}

func scanHighlight(r scanner) (model.Highlight, error) {
	var h model.Highlight
	err := r.Scan(&h.ID, &h.ArticleID, &h.Text, &h.Start, &h.End,
		timeDest{&h.Created}, &h.ArticleTitle, &h.ArticleURL, &h.Site)
	return h, err
}

// IntegrityCheck runs SQLite's integrity and foreign-key checks and gives
// an error naming the first problems they found.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	// Six findings at most: five are named, and a sixth says there are more.
	found, err := integrityFindings(ctx, s.db, 6)
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	problems := slices.DeleteFunc(found, func(msg string) bool { return msg == "ok" })
	var table string
	var rowid sql.NullInt64
	var parent string
	var fkid int64
	err = s.db.QueryRowContext(ctx, "PRAGMA foreign_key_check").Scan(&table, &rowid, &parent, &fkid)
	switch {
	case err == nil:
		problems = append(problems, fmt.Sprintf("row %d of %s points to a missing %s", rowid.Int64, table, parent))
	case !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("foreign key check: %w", err)
	}
	if len(problems) > 0 {
		if len(problems) > 5 {
			problems = append(problems[:5], "…")
		}
		return fmt.Errorf("the database is damaged: %s", strings.Join(problems, "; "))
	}
	return nil
}
