package store

import (
	"context"
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
// limit <= 0 means no limit.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]model.Article, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `WITH hits AS (
			SELECT rowid AS id, bm25(articles_fts, 4.0, 1.0) AS score
			FROM articles_fts WHERE articles_fts MATCH ?
			ORDER BY score LIMIT ?
		)
		SELECT `+headlineColumns+`
		FROM hits JOIN articles AS a ON a.id = hits.id
		JOIN feeds AS f ON f.id = a.feed_id
		ORDER BY hits.score, a.id DESC`, match, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	arts, err := scanHeadlines(rows)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return arts, nil
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
