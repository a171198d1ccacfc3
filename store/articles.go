package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/store/filtersql"
	"github.com/byline-reader/byline/store/searchtext"
)

// headlineColumns are what a list of articles shows: no bodies. The
// feed's title is the user's when they gave one.
const headlineColumns = `a.id, a.feed_id,
	CASE WHEN f.user_title <> '' THEN f.user_title ELSE f.title END, a.key, a.title, a.url,
	a.author, a.site, a.notice, a.read, a.starred, a.published, a.updated,
	a.fetched_at, a.extracted_at`

// Articles lists headlines (every field but Summary, Content and Markdown),
// newest first: by published time, or fetch time for articles without one
// or dated more than a day after it was fetched (migration 6's sort_key),
// then by id.
func (s *Store) Articles(ctx context.Context, q model.ArticleQuery) ([]model.Article, error) {
	where, args, done, err := s.articleWhere(ctx, q, true)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer done()
	limit := q.Limit
	if limit <= 0 {
		limit = -1
	}
	args = append(args, limit, max(q.Offset, 0))
	order := "a.sort_key"
	if q.Text != "" {
		// Walking articles_key to find a rare title costs a row lookup
		// per article (100 ms for 50,000); "+" makes SQLite take the
		// matching titles and sort them, which costs about the same
		// whatever the text.
		order = "+a.sort_key"
	}
	query := `SELECT ` + headlineColumns + `
		FROM articles AS a JOIN feeds AS f ON f.id = a.feed_id` + where + `
		ORDER BY ` + order + ` DESC, a.id DESC LIMIT ? OFFSET ?`
	if q.Offset > 0 {
		// OFFSET makes each row it skips (the whole headline, joined to
		// its feed) and drops it: 6.7 s to reach the end of 500,000. The
		// ids alone come from the sort index, and only the window's rows
		// are read: 0.1 s.
		query = `SELECT ` + headlineColumns + `
		FROM articles AS a JOIN feeds AS f ON f.id = a.feed_id
		WHERE a.id IN (SELECT a.id FROM articles AS a` + where + `
			ORDER BY ` + order + ` DESC, a.id DESC LIMIT ? OFFSET ?)
		ORDER BY a.sort_key DESC, a.id DESC`
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	arts, err := scanHeadlines(rows)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return arts, nil
}

// CountArticles counts the articles q selects, ignoring Limit and Offset.
func (s *Store) CountArticles(ctx context.Context, q model.ArticleQuery) (int, error) {
	where, args, done, err := s.articleWhere(ctx, q, false)
	if err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	defer done()
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles AS a`+where, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// articleWhere is the WHERE clause of q (see articleFilter), for a list
// of a page newest first when walk; done releases its filter once the
// query is read.
func (s *Store) articleWhere(ctx context.Context, q model.ArticleQuery, walk bool) (string, []any, func(), error) {
	f, err := s.filterWhere(ctx, q, walk)
	if err != nil {
		return "", nil, nil, err
	}
	where, args := articleFilter(q, f)
	if f == nil {
		return where, args, func() {}, nil
	}
	return where, args, f.Release, nil
}

// articleFilter is q's conditions, f's (nil: none) and the one every
// list and count has: no article a kill rule hid or dropped.
func articleFilter(q model.ArticleQuery, f *filtersql.Compiled) (string, []any) {
	conds := []string{"a.hidden = 0"}
	var args []any
	switch {
	case q.FeedID != 0:
		conds, args = append(conds, "a.feed_id = ?"), append(args, q.FeedID)
	case q.FeedURL != "":
		conds = append(conds, "a.feed_id = (SELECT id FROM feeds WHERE url = ?)")
		args = append(args, q.FeedURL)
	}
	if q.Unread {
		conds = append(conds, "a.read = 0")
	}
	if q.Starred {
		conds = append(conds, "a.starred = 1") // a literal, so the partial index applies
	}
	if q.Folder != "" {
		// a folder holds the folders inside it: "News" has "News/World".
		conds = append(conds, `a.feed_id IN (SELECT id FROM feeds
			WHERE lower(folder) = lower(?) OR lower(folder) LIKE ? ESCAPE '\')`)
		path := model.CleanFolder(q.Folder)
		args = append(args, path, filtersql.LikePrefix(strings.ToLower(path)+"/"))
	}
	if q.Tag != "" {
		// tags are stored one a line: match a whole line, ASCII case folded.
		conds = append(conds, `a.feed_id IN (SELECT id FROM feeds
			WHERE instr(char(10) || lower(tags) || char(10), char(10) || lower(?) || char(10)) > 0)`)
		args = append(args, strings.TrimSpace(q.Tag))
	}
	switch q.Account {
	case "":
	case model.LocalFeeds:
		conds = append(conds, "a.feed_id IN (SELECT id FROM feeds WHERE account_id IS NULL)")
	default:
		conds = append(conds, `a.feed_id IN (SELECT id FROM feeds WHERE account_id =
			(SELECT id FROM accounts WHERE name = ?))`)
		args = append(args, q.Account)
	}
	if q.Text != "" {
		conds = append(conds, `a.id IN (SELECT id FROM title_folds WHERE title LIKE ? ESCAPE '\')`)
		args = append(args, filtersql.LikeContains(searchtext.Fold(q.Text)))
	}
	if f != nil {
		conds, args = append(conds, f.Where), append(args, f.Args...)
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func scanHeadlines(rows *sql.Rows) ([]model.Article, error) {
	defer rows.Close()
	var arts []model.Article
	for rows.Next() {
		var a model.Article
		if err := rows.Scan(headlineDest(&a)...); err != nil {
			return nil, err
		}
		arts = append(arts, a)
	}
	return arts, rows.Err()
}

// headlineDest gives a's Scan destinations for headlineColumns.
func headlineDest(a *model.Article) []any {
	return []any{&a.ID, &a.FeedID, &a.FeedTitle, &a.Key, &a.Title, &a.URL,
		&a.Author, &a.Site, &a.Notice, &a.Read, &a.Starred,
		timeDest{&a.Published}, timeDest{&a.Updated}, timeDest{&a.FetchedAt},
		timeDest{&a.ExtractedAt}}
}

// timeDest scans unix nanoseconds into a time.Time.
type timeDest struct{ t *time.Time }

func (d timeDest) Scan(v any) error {
	n, ok := v.(int64)
	if !ok {
		return fmt.Errorf("time column holds %T", v)
	}
	*d.t = fromNanos(n)
	return nil
}

// Article is everything stored about the article with that id.
func (s *Store) Article(ctx context.Context, id int64) (model.Article, error) {
	var a model.Article
	var files string
	dest := append(headlineDest(&a), &a.Summary, &a.Content, &a.Markdown, &a.ExtractVersion, &a.PageFailures,
		&a.Comments, &files)
	err := s.db.QueryRowContext(ctx, `SELECT `+headlineColumns+`,
		a.summary, a.content, a.markdown, a.extract_version, a.page_failures,
		a.comments, a.enclosures
		FROM articles AS a JOIN feeds AS f ON f.id = a.feed_id
		WHERE a.id = ?`, id).Scan(dest...)
	if err != nil {
		return model.Article{}, fmt.Errorf("article %d: %w", id, notFound(err))
	}
	a.Enclosures = decodeEnclosures(files)
	return a, nil
}

// Mark sets the read and starred state of the articles ids; a nil pointer
// leaves that state as it is. It counts the articles whose state changed,
// and gives ErrNotFound when none of ids exists (those that do are marked:
// an undo may name articles a refresh has dropped since).
func (s *Store) Mark(ctx context.Context, ids []int64, read, starred *bool) (changed int, err error) {
	readIDs, starIDs, err := s.mark(ctx, ids, read, starred, false)
	return distinct(append(readIDs, starIDs...)), err
}

// MissingError names the articles a mark was asked for that do not exist;
// it is ErrNotFound for errors.Is.
type MissingError struct{ IDs []int64 }

func (e *MissingError) Error() string {
	return fmt.Sprintf("no article with id %s", joinIDs(e.IDs))
}

// Is makes a MissingError ErrNotFound.
func (e *MissingError) Is(target error) bool { return target == ErrNotFound }

// MarkChanges is Mark that says which articles it changed: those whose
// read state changed, and those whose starred state did (so that the
// change can be reversed exactly). It is all or nothing: when any of ids
// does not exist it changes nothing and gives a *MissingError naming
// them. It is one transaction, with an outbox entry for each change to an
// account's item.
func (s *Store) MarkChanges(ctx context.Context, ids []int64, read, starred *bool) (readIDs, starIDs []int64, err error) {
	return s.mark(ctx, ids, read, starred, true)
}

// mark is Mark and MarkChanges: with all set, every id must exist.
func (s *Store) mark(ctx context.Context, ids []int64, read, starred *bool, all bool) (readIDs, starIDs []int64, err error) {
	if len(ids) == 0 {
		return nil, nil, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, nil, err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		readIDs, starIDs = nil, nil
		missing, err := missingArticles(ctx, tx, string(list))
		switch {
		case err != nil:
			return err
		case len(missing) > 0 && (all || len(missing) == distinct(ids)):
			return &MissingError{IDs: missing}
		}
		if read != nil {
			if readIDs, err = setFlag(ctx, tx, "read", *read, string(list)); err != nil {
				return err
			}
		}
		if starred != nil {
			if starIDs, err = setFlag(ctx, tx, "starred", *starred, string(list)); err != nil {
				return err
			}
		}
		if err := queueChanges(ctx, tx, readIDs, read, nil); err != nil {
			return err
		}
		return queueChanges(ctx, tx, starIDs, nil, starred)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("mark articles: %w", err)
	}
	return readIDs, starIDs, nil
}

// missingArticles gives the ids of the JSON list that name no article, in
// the list's order, once each.
func missingArticles(ctx context.Context, tx *sql.Tx, list string) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT value FROM json_each(?)
		WHERE value NOT IN (SELECT id FROM articles) ORDER BY key`, list)
	if err != nil {
		return nil, err
	}
	return returnedIDs(rows)
}

// distinct counts the different ids.
func distinct(ids []int64) int {
	seen := make(map[int64]bool, len(ids))
	for _, id := range ids {
		seen[id] = true
	}
	return len(seen)
}

// joinIDs writes ids as "3, 4".
func joinIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprint(id)
	}
	return strings.Join(parts, ", ")
}

// setFlag sets column (read or starred: a constant, never outside text)
// to v on the articles of the JSON list whose value differs, and gives
// their ids.
func setFlag(ctx context.Context, tx *sql.Tx, column string, v bool, list string) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `UPDATE articles SET `+column+` = ?1
		WHERE id IN (SELECT value FROM json_each(?2)) AND `+column+` <> ?1
		RETURNING id`, boolInt(v), list)
	if err != nil {
		return nil, err
	}
	return returnedIDs(rows)
}

// MarkFeedRead marks every article of the feed read and counts those that
// were unread.
func (s *Store) MarkFeedRead(ctx context.Context, feedID int64) (int, error) {
	var changed int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `UPDATE articles SET read = 1
			WHERE feed_id = ? AND read = 0 RETURNING id`, feedID)
		if err != nil {
			return err
		}
		done, err := returnedIDs(rows)
		if err != nil {
			return err
		}
		if changed = len(done); changed > 0 {
			yes := true
			return queueChanges(ctx, tx, done, &yes, nil)
		}
		return feedExists(ctx, tx, feedID)
	})
	if err != nil {
		return 0, fmt.Errorf("mark feed %d read: %w", feedID, err)
	}
	return changed, nil
}

// MarkQueryRead marks read every unread article q selects (ignoring its
// Limit and Offset) in one transaction, with an outbox entry for each
// account's item, and gives the ids of the articles it changed, so that
// exactly those can be marked unread again.
func (s *Store) MarkQueryRead(ctx context.Context, q model.ArticleQuery) ([]int64, error) {
	q.Unread, q.Limit, q.Offset = true, 0, 0
	where, args, release, err := s.articleWhere(ctx, q, false)
	if err != nil {
		return nil, fmt.Errorf("mark articles read: %w", err)
	}
	defer release()
	var done []int64
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `UPDATE articles SET read = 1
			WHERE id IN (SELECT a.id FROM articles AS a`+where+`) RETURNING id`, args...)
		if err != nil {
			return err
		}
		if done, err = returnedIDs(rows); err != nil {
			return err
		}
		yes := true
		return queueChanges(ctx, tx, done, &yes, nil)
	})
	if err != nil {
		return nil, fmt.Errorf("mark articles read: %w", err)
	}
	return done, nil
}

func feedExists(ctx context.Context, tx *sql.Tx, id int64) error {
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM feeds WHERE id = ?", id).Scan(&one)
	return notFound(err)
}

// SaveExtraction keeps the article's body as extracted from its page (or
// the notice saying why that failed), the site's name when one was found,
// and when; the full-text index then searches the new body. The version
// of extraction kept stays as it was (see SaveExtractionVersion); the
// page's failures are forgotten (see SavePageFailure).
func (s *Store) SaveExtraction(ctx context.Context, id int64, markdown, notice, site string, at time.Time) error {
	return s.saveExtraction(ctx, id, markdown, notice, site, at, -1, false)
}

// SaveExtractionVersion is SaveExtraction that also keeps which version of
// extraction made markdown (model.Article.ExtractVersion); a negative
// version leaves the one kept as it is.
func (s *Store) SaveExtractionVersion(ctx context.Context, id int64, markdown, notice, site string, at time.Time, version int) error {
	return s.saveExtraction(ctx, id, markdown, notice, site, at, version, false)
}

// SavePageFailure keeps the text shown in place of a page that could not
// be had (the feed's) with the notice saying why, and when it was tried,
// and counts one more failure of the page in a row: Article's
// PageFailures.
func (s *Store) SavePageFailure(ctx context.Context, id int64, markdown, notice string, at time.Time) error {
	return s.saveExtraction(ctx, id, markdown, notice, "", at, -1, true)
}

func (s *Store) saveExtraction(ctx context.Context, id int64, markdown, notice, site string, at time.Time, version int, failed bool) error {
	markdown = capText(markdown, MaxTextBytes)
	notice, site = capText(notice, maxLineBytes), capText(site, maxLineBytes)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE articles SET markdown = ?1,
			notice = ?2, site = CASE WHEN ?3 <> '' THEN ?3 ELSE site END,
			extracted_at = ?4,
			extract_version = CASE WHEN ?6 >= 0 THEN ?6 ELSE extract_version END,
			page_failures = CASE WHEN ?7 THEN page_failures + 1 ELSE 0 END
			WHERE id = ?5`,
			markdown, notice, site, nanos(at), id, version, failed)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		_, err = tx.ExecContext(ctx, queueSQL, id, 0)
		return err
	})
	if err != nil {
		return fmt.Errorf("save extraction of article %d: %w", id, err)
	}
	return nil
}

// InsertArticle stores a as it is (read and starred state, markdown and
// all) under a.FeedID and returns its id. When the feed already has an
// article with a.Key it returns that article's id and an error wrapping
// ErrExists; a feed that does not exist gives ErrNotFound.
func (s *Store) InsertArticle(ctx context.Context, a model.Article) (int64, error) {
	a = capArticle(a)
	if a.Key == "" {
		a.Key = model.ArticleKey("", a.URL, a.Title, a.Content+a.Summary)
	}
	if a.FetchedAt.IsZero() {
		a.FetchedAt = time.Now()
	}
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := feedExists(ctx, tx, a.FeedID); err != nil {
			return fmt.Errorf("feed %d: %w", a.FeedID, err)
		}
		w, err := prepareWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		var hash int64
		err = w.lookup.QueryRowContext(ctx, a.FeedID, a.Key).Scan(&id, &hash)
		if err == nil {
			return ErrExists
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		id, err = w.add(ctx, a)
		return err
	})
	if err != nil {
		return id, fmt.Errorf("insert article %s: %w", a.Key, err)
	}
	return id, nil
}

// ArticleIDByURL finds the newest stored article whose link is url.
func (s *Store) ArticleIDByURL(ctx context.Context, url string) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx,
		"SELECT id FROM articles WHERE url = ? ORDER BY id DESC LIMIT 1", url).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return id, err
}
