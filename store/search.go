package store

import (
	"context"
	"database/sql"
	"fmt"
	"html"
	"strings"
	"unicode"

	"github.com/byline-reader/byline/model"
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
	match := ftsQuery(query)
	if match == "" {
		return nil, nil
	}
	if _, err := s.IndexPending(ctx); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	if limit <= 0 {
		limit = -1
	}
	where, args := " WHERE a.hidden = 0", []any{match}
	if expr != "" {
		f, err := compileFilter(expr, s.now(), false)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		defer f.release()
		where += " AND " + f.where
		args = append(args, f.args...)
	}
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
		n, err := s.indexBatch(ctx)
		total += n
		if err != nil {
			return total, fmt.Errorf("index articles: %w", err)
		}
		if n < indexBatch {
			return total, nil
		}
	}
}

type pendingArticle struct {
	id    int64
	fresh bool
	a     model.Article
}

// indexBatch indexes up to indexBatch queued articles in one transaction.
func (s *Store) indexBatch(ctx context.Context) (int, error) {
	var empty bool
	err := s.db.QueryRowContext(ctx, "SELECT NOT EXISTS (SELECT 1 FROM fts_pending)").Scan(&empty)
	if err != nil || empty {
		return 0, err
	}
	var todo []pendingArticle
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT p.id, p.fresh, a.title,
			a.summary, a.content, a.markdown
			FROM fts_pending AS p JOIN articles AS a ON a.id = p.id LIMIT ?`, indexBatch)
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
	done, err := tx.PrepareContext(ctx, "DELETE FROM fts_pending WHERE id = ?")
	if err != nil {
		return err
	}
	defer done.Close()
	for _, p := range todo {
		if !p.fresh {
			if _, err := del.ExecContext(ctx, p.id); err != nil {
				return err
			}
		}
		if _, err := ins.ExecContext(ctx, p.id, p.a.Title, indexText(p.a)); err != nil {
			return err
		}
		if _, err := done.ExecContext(ctx, p.id); err != nil {
			return err
		}
	}
	return nil
}

// ftsQuery turns what a user typed into an FTS5 query that cannot fail to
// parse: each word or "phrase" becomes a quoted string (a trailing * makes
// it a prefix), an OR between two terms stays an operator, and terms with
// no letter or digit are dropped. "" means nothing to search for.
func ftsQuery(q string) string {
	var out []string
	for _, t := range splitQuery(q) {
		if t == "OR" {
			if len(out) > 0 && out[len(out)-1] != "OR" {
				out = append(out, "OR")
			}
			continue
		}
		word, prefix := strings.CutSuffix(t, "*")
		word = strings.TrimRight(word, "*")
		if !strings.ContainsFunc(word, isWordRune) {
			continue
		}
		term := `"` + strings.ReplaceAll(word, `"`, `""`) + `"`
		if prefix {
			term += "*"
		}
		out = append(out, term)
	}
	if len(out) > 0 && out[len(out)-1] == "OR" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, " ")
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// splitQuery splits q at spaces, keeping "quoted phrases" (quotes removed)
// whole; an unclosed quote is ignored. A * right after a closing quote
// stays with the phrase.
func splitQuery(q string) []string {
	var terms []string
	for {
		q = strings.TrimLeftFunc(q, unicode.IsSpace)
		if q == "" {
			return terms
		}
		if q[0] == '"' {
			end := strings.IndexByte(q[1:], '"')
			if end < 0 { // an unclosed quote: read on as words
				q = q[1:]
				continue
			}
			phrase := q[1 : end+1]
			q = q[end+2:]
			if strings.HasPrefix(q, "*") {
				phrase += "*"
				q = q[1:]
			}
			terms = append(terms, phrase)
			continue
		}
		end := strings.IndexFunc(q, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		if end < 0 {
			end = len(q)
		}
		terms = append(terms, q[:end])
		q = q[end:]
	}
}

// indexText is the text the full-text index keeps for a: the extracted
// markdown, else the feed's content, else its summary, as plain text.
func indexText(a model.Article) string {
	switch {
	case a.Markdown != "":
		return a.Markdown
	case a.Content != "":
		return plainText(a.Content)
	default:
		return plainText(a.Summary)
	}
}

// plainText is HTML without its tags, scripts and styles, with entities
// decoded: good enough to index, never to show.
func plainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		b.WriteByte(' ')
		s = s[i:]
		j := strings.IndexByte(s, '>')
		if j < 0 {
			break
		}
		tag := strings.ToLower(s[1:min(j, 8)])
		s = s[j+1:]
		for _, skip := range []string{"script", "style"} {
			if strings.HasPrefix(tag, skip) {
				s = skipPast(s, "</"+skip)
			}
		}
	}
	return html.UnescapeString(b.String())
}

// skipPast drops s up to the end of the first tag starting with closer,
// matched without regard to case; all of s when there is none.
func skipPast(s, closer string) string {
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return ""
		}
		s = s[i:]
		if len(s) >= len(closer) && strings.EqualFold(s[:len(closer)], closer) {
			if j := strings.IndexByte(s, '>'); j >= 0 {
				return s[j+1:]
			}
			return ""
		}
		s = s[1:]
	}
}
