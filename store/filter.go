package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"modernc.org/sqlite"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/filter"
	"github.com/byline-reader/byline/store/searchtext"
)

// The filter language (model/filter) runs in the database: an expression
// becomes one SQL condition on articles AS a. Where SQL can say exactly
// what filter.Eval means it does (equality and containment ignoring ASCII
// case are NOCASE and instr(lower()), times are ranges of sort_key, which
// its index serves); a feed's, folder's or account's condition is one
// subquery over the small feeds table; the rest (regexps, lists, the
// words of a text) calls back into Go, to the same filter.Cond method that
// Eval uses, so the two cannot differ. Each call is guarded by a test SQL
// can do alone: the literal a regexp needs (instr), the whole words a
// content condition needs (an FTS5 MATCH), a speaker list not empty.

// conds holds the conditions of the queries running now, by the id their
// SQL passes to filter_match and filter_text: compiled once per query.
var (
	conds   sync.Map // int64 → *filter.Cond
	condSeq atomic.Int64
)

func init() {
	sqlite.MustRegisterDeterministicScalarFunction("filter_match", 2, sqlMatch)
	sqlite.MustRegisterDeterministicScalarFunction("filter_text", 3, sqlText)
}

func condOf(v driver.Value) (*filter.Cond, error) {
	id, _ := v.(int64)
	c, ok := conds.Load(id)
	if !ok {
		return nil, fmt.Errorf("filter condition %v is not registered", v)
	}
	return c.(*filter.Cond), nil
}

func textOf(v driver.Value) string {
	switch s := v.(type) {
	case string:
		return s
	case []byte:
		return string(s)
	}
	return ""
}

// sqlMatch is filter_match(id, value): the condition's operator, not
// negated, on one text, or on a list given as its lines.
func sqlMatch(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
	c, err := condOf(args[0])
	if err != nil {
		return nil, err
	}
	v := textOf(args[1])
	if c.Field.Kind() == filter.KindList {
		return boolInt(c.MatchList(v)), nil
	}
	return boolInt(c.MatchString(v)), nil
}

// sqlText is filter_text(id, text, html): a content condition, not
// negated, on the text the full-text index keeps (textSQL), made plain
// when it is HTML.
func sqlText(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
	c, err := condOf(args[0])
	if err != nil {
		return nil, err
	}
	text := textOf(args[1])
	if html, _ := args[2].(int64); html != 0 {
		text = searchtext.PlainText(text)
	}
	return boolInt(c.MatchText(text)), nil
}

// textSQL is searchtext.IndexText in SQL, less its PlainText and its
// cut: the text, and whether it is HTML.
const textSQL = `CASE WHEN a.markdown <> '' THEN a.markdown WHEN a.content <> '' THEN a.content ELSE a.summary END,
	a.markdown = ''`

// compiledFilter is an expression as SQL: a condition and its arguments.
// release forgets its conditions once the query is done.
type compiledFilter struct {
	where      string
	args       []any
	ids        []int64
	readsIndex bool // it reads the full-text index
	byCond     map[*filter.Cond]int64
	now        time.Time
	// walk: the query walks articles_key newest first and stops at a
	// page, so a test that could seek a large set (the articles of a
	// folder's feeds, of the words' index entries) is better made on each
	// entry walked ("+" keeps SQLite from seeking by it and sorting).
	walk string
}

func (f *compiledFilter) release() {
	for _, id := range f.ids {
		conds.Delete(id)
	}
}

// compileFilter parses expr and makes it SQL, with now as what age counts
// from; walk when the query lists a page newest first (see
// compiledFilter.walk). The caller must release it after the query.
func compileFilter(expr string, now time.Time, walk bool) (*compiledFilter, error) {
	e, err := filter.Parse(expr)
	if err != nil {
		return nil, fmt.Errorf("filter: %w", err)
	}
	f := &compiledFilter{byCond: map[*filter.Cond]int64{}, now: now}
	if walk {
		f.walk = "+"
	}
	f.where = f.expr(e)
	return f, nil
}

func (f *compiledFilter) expr(e filter.Expr) string {
	switch x := e.(type) {
	case *filter.And:
		return "(" + f.expr(x.L) + " AND " + f.expr(x.R) + ")"
	case *filter.Or:
		return "(" + f.expr(x.L) + " OR " + f.expr(x.R) + ")"
	case *filter.Not:
		return "(NOT " + f.expr(x.X) + ")"
	case *filter.Cond:
		s := f.cond(x)
		if x.Negate {
			return "(NOT (" + s + "))"
		}
		return "(" + s + ")"
	}
	return "0"
}

// arg adds an argument and gives its placeholder.
func (f *compiledFilter) arg(v any) string {
	f.args = append(f.args, v)
	return "?"
}

// register gives c's id for filter_match and filter_text, once per query.
func (f *compiledFilter) register(c *filter.Cond) string {
	id, ok := f.byCond[c]
	if !ok {
		id = condSeq.Add(1)
		conds.Store(id, c)
		f.ids = append(f.ids, id)
		f.byCond[c] = id
	}
	return f.arg(id)
}

// displayTitleSQL is model.Feed.DisplayTitle in SQL, over feeds.
const displayTitleSQL = `(CASE WHEN user_title <> '' THEN user_title WHEN title <> '' THEN title ELSE url END)`

// cond is c, not negated, as SQL.
func (f *compiledFilter) cond(c *filter.Cond) string {
	switch c.Field {
	case filter.Title:
		return f.text(c, "a.title")
	case filter.Author:
		return f.text(c, "a.author")
	case filter.Feed:
		return "a.feed_id IN (SELECT id FROM feeds WHERE " + f.text(c, "url") +
			" OR " + f.text(c, displayTitleSQL) + ")"
	case filter.Account:
		return f.walk + `a.feed_id IN (SELECT f.id FROM feeds AS f LEFT JOIN accounts AS ac
			ON ac.id = f.account_id WHERE ` + f.text(c, "ifnull(ac.name, '')") + ")"
	case filter.Folder:
		return f.walk + "a.feed_id IN (SELECT id FROM feeds WHERE tags <> '' AND filter_match(" + f.register(c) + ", tags))"
	case filter.Speaker:
		return "a.speakers <> '' AND filter_match(" + f.register(c) + ", a.speakers)"
	case filter.Content:
		return f.content(c)
	case filter.Age, filter.Published:
		return f.times(c)
	case filter.Quotes:
		return f.number(c, "a.quote_count")
	case filter.Unread:
		return map[bool]string{true: "a.read = 0", false: "a.read <> 0"}[c.Bool]
	case filter.Starred:
		return map[bool]string{true: "a.starred = 1", false: "a.starred = 0"}[c.Bool]
	case filter.Highlighted:
		return map[bool]string{true: "a.id IN (SELECT article_id FROM highlights)",
			false: "a.id NOT IN (SELECT article_id FROM highlights)"}[c.Bool]
	}
	return "0"
}

// text is a condition on one text column (=, #, =~).
func (f *compiledFilter) text(c *filter.Cond, col string) string {
	switch c.Op {
	case filter.Has:
		return "instr(lower(" + col + "), " + f.arg(asciiOnlyLower(c.Str)) + ") > 0"
	case filter.Match:
		pre := ""
		if lit, fold := c.RegexpLiteral(); lit != "" && fold {
			pre = "instr(lower(" + col + "), " + f.arg(lit) + ") > 0 AND "
		} else if lit != "" {
			pre = "instr(" + col + ", " + f.arg(lit) + ") > 0 AND "
		}
		return pre + "filter_match(" + f.register(c) + ", " + col + ")"
	}
	return col + " = " + f.arg(c.Str) + " COLLATE NOCASE"
}

// asciiOnlyLower lowers ASCII letters only, as SQLite's lower() does.
func asciiOnlyLower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// content finds articles by the words of their text: first through the
// full-text index (its body column), then checked in Go.
func (f *compiledFilter) content(c *filter.Cond) string {
	pre := ""
	if ws, phrase := c.IndexWords(); len(ws) > 0 {
		var q string
		if phrase {
			q = `body : "` + strings.Join(ws, " ") + `"`
		} else {
			q = `body : ("` + strings.Join(ws, `" AND "`) + `")`
		}
		f.readsIndex = true
		pre = f.walk + "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH " + f.arg(q) + ") AND "
	}
	return pre + "filter_text(" + f.register(c) + ", " + textSQL + ")"
}

// times is a condition on age or published: a range of sort_key.
func (f *compiledFilter) times(c *filter.Cond) string {
	lo, hi := c.TimeRange(f.now)
	var parts []string
	if lo != math.MinInt64 {
		parts = append(parts, "a.sort_key >= "+f.arg(lo))
	}
	if hi != math.MaxInt64 {
		parts = append(parts, "a.sort_key < "+f.arg(hi))
	}
	if len(parts) == 0 {
		return "1"
	}
	return strings.Join(parts, " AND ")
}

func (f *compiledFilter) number(c *filter.Cond, col string) string {
	op := map[filter.Op]string{filter.Eq: "=", filter.Lt: "<", filter.Gt: ">", filter.Le: "<=", filter.Ge: ">="}[c.Op]
	if c.Op == filter.Between {
		return col + " BETWEEN " + f.arg(c.Num) + " AND " + f.arg(c.Num2)
	}
	return col + " " + op + " " + f.arg(c.Num)
}

// filterWhere is q.Filter compiled, ready to join the other conditions;
// nil when there is none. It brings the full-text index up to date first
// when the filter reads it.
func (s *Store) filterWhere(ctx context.Context, q model.ArticleQuery, walk bool) (*compiledFilter, error) {
	if strings.TrimSpace(q.Filter) == "" {
		return nil, nil
	}
	f, err := compileFilter(q.Filter, s.now(), walk)
	if err != nil {
		return nil, err
	}
	if f.readsIndex {
		if _, err := s.IndexPending(ctx); err != nil {
			f.release()
			return nil, err
		}
	}
	return f, nil
}

// SaveQuoteStats keeps what the filter language's quotes and speaker read
// of an opened article: how many quotations it holds and who speaks in
// them (each name once, in order of first appearance, one a line). It
// writes only when they changed.
func (s *Store) SaveQuoteStats(ctx context.Context, id int64, quotes int, speakers []string) error {
	var names []string
	seen := map[string]bool{}
	for _, sp := range speakers {
		name := strings.Join(strings.Fields(sp), " ")
		if name != "" && !seen[name] {
			seen[name] = true
			names = append(names, capText(name, maxLineBytes))
		}
	}
	list := strings.Join(names, "\n")
	_, err := s.db.ExecContext(ctx, `UPDATE articles SET quote_count = ?1, speakers = ?2
		WHERE id = ?3 AND (quote_count <> ?1 OR speakers <> ?2)`, quotes, list, id)
	if err != nil {
		return fmt.Errorf("save quote stats of article %d: %w", id, err)
	}
	return nil
}
