package store

import (
	"context"
	"database/sql"
	"fmt"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

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
		// Only the head of a long text is indexed (indexText): read no
		// more of it, so that a batch of long articles stays small.
		rows, err := tx.QueryContext(ctx, `SELECT p.id, p.fresh, a.title,
			substr(a.summary, 1, ?1), substr(a.content, 1, ?1), substr(a.markdown, 1, ?1)
			FROM fts_pending AS p JOIN articles AS a ON a.id = p.id
			ORDER BY p.id LIMIT ?2`, 2*maxIndexText, limit)
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
		if _, err := ins.ExecContext(ctx, p.id, p.a.Title, indexText(p.a)); err != nil {
			return err
		}
	}
	// todo is the head of the queue in id order, and the transaction
	// keeps other writers out: it is exactly the queue up to its last id.
	_, err = tx.ExecContext(ctx, "DELETE FROM fts_pending WHERE id <= ?", todo[len(todo)-1].id)
	return err
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

// maxIndexText is how much of an article's text the full-text index
// keeps: about 1,300 words, the whole of most news stories and the lead of
// longer ones. The index's cost is in splitting and stemming words (about
// 35 ms a megabyte here), and a refresh indexes what it stores before it
// ends.
var maxIndexText = 8 << 10

// indexText is the text the full-text index keeps for a: the extracted
// markdown, else the feed's content, else its summary, as plain text, at
// most maxIndexText bytes of it, cut at a word's end.
func indexText(a model.Article) string {
	var s string
	switch {
	case a.Markdown != "":
		s = a.Markdown
	case a.Content != "":
		s = plainText(a.Content)
	default:
		s = plainText(a.Summary)
	}
	return headOf(s, maxIndexText)
}

// headOf is s cut to at most n bytes, before the space that ends its last
// whole word there (at n when there is none).
func headOf(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexAny(s[:n+1], " \n\t"); i > n/2 {
		return s[:i]
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
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
