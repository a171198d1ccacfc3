package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/byline-reader/byline/model"
)

// NextUnread is the first unread article of q's list (Limit and Offset
// ignored) after the article from in the list's order, or before it when
// back, with its row in the list, from 0; from 0 starts at the top (the
// bottom when back); ok is false when there is none, or when from is not
// stored. Both walk the list's index from the article, so their cost is
// the distance, not the list's length.
func (s *Store) NextUnread(ctx context.Context, q model.ArticleQuery, from int64, back bool) (a model.Article, row int, ok bool, err error) {
	base, baseArgs, release, err := s.articleWhere(ctx, q, true)
	if err != nil {
		return model.Article{}, 0, false, fmt.Errorf("next unread article: %w", err)
	}
	defer release()
	where, args := base+" AND a.read = 0", slices.Clone(baseArgs)
	cmp, dir := "<", "DESC"
	if back {
		cmp, dir = ">", "ASC"
	}
	if from != 0 {
		where += " AND (a.sort_key, a.id) " + cmp + " (SELECT sort_key, id FROM articles WHERE id = ?)"
		args = append(args, from)
	}
	var key int64
	err = s.db.QueryRowContext(ctx, `SELECT `+headlineColumns+`, a.sort_key
		FROM articles AS a JOIN feeds AS f ON f.id = a.feed_id`+where+`
		ORDER BY a.sort_key `+dir+`, a.id `+dir+` LIMIT 1`, args...).Scan(append(headlineDest(&a), &key)...)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Article{}, 0, false, nil
	}
	if err != nil {
		return model.Article{}, 0, false, fmt.Errorf("next unread article: %w", err)
	}
	where, args = base+" AND (a.sort_key, a.id) > (?, ?)", slices.Clone(baseArgs)
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles AS a`+where,
		append(args, key, a.ID)...).Scan(&row)
	if err != nil {
		return model.Article{}, 0, false, fmt.Errorf("next unread article: %w", err)
	}
	return a, row, true, nil
}
