// Package filtersql makes an expression of the filter language
// (model/filter) one SQL condition on articles AS a, for the store to join
// to its other conditions. Where SQL can say exactly what filter.Eval
// means it does (equality and containment ignoring ASCII case are NOCASE
// and instr(lower()), times are ranges of sort_key, which its index
// serves); a feed's, folder's, tag's or account's condition is one
// subquery over the small feeds table; the rest (regexps, lists, the words of a text)
// calls back into Go, through the SQL functions filter_match and
// filter_text (Match and Text, which the store registers with the
// driver), to the same filter.Cond method that Eval uses, so the two
// cannot differ. Each call is guarded by a test SQL can do alone: the
// literal a regexp needs (instr), the whole words a content condition
// needs (an FTS5 MATCH), a speaker list not empty.
//
// The SQL names the store's tables and columns: articles, feeds,
// accounts, highlights, articles_fts.
package filtersql

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/byline-reader/byline/model/filter"
)

// Compiled is an expression as SQL: a condition and its arguments. Release
// forgets its conditions once the query is done.
type Compiled struct {
	Where      string
	Args       []any
	ReadsIndex bool // it reads the full-text index, which must be current
	ids        []int64
	byCond     map[*filter.Cond]int64
	now        time.Time
	// walk: the query walks articles_key newest first and stops at a
	// page, so a test that could seek a large set (the articles of a
	// folder's feeds, of the words' index entries) is better made on each
	// entry walked ("+" keeps SQLite from seeking by it and sorting).
	walk string
}

// Compile parses expr and makes it SQL, with now as what age counts
// from; walk when the query lists a page newest first (see
// Compiled.walk). The caller must Release it after the query.
func Compile(expr string, now time.Time, walk bool) (*Compiled, error) {
	e, err := filter.Parse(expr)
	if err != nil {
		return nil, fmt.Errorf("filter: %w", err)
	}
	f := &Compiled{byCond: map[*filter.Cond]int64{}, now: now}
	if walk {
		f.walk = "+"
	}
	f.Where = f.expr(e)
	return f, nil
}

func (f *Compiled) expr(e filter.Expr) string {
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
func (f *Compiled) arg(v any) string {
	f.Args = append(f.Args, v)
	return "?"
}

// displayTitleSQL is model.Feed.DisplayTitle in SQL, over feeds.
const displayTitleSQL = `(CASE WHEN user_title <> '' THEN user_title WHEN title <> '' THEN title ELSE url END)`

// cond is c, not negated, as SQL.
func (f *Compiled) cond(c *filter.Cond) string {
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
		// filter_match lists the folder with those it sits in.
		return f.walk + "a.feed_id IN (SELECT id FROM feeds WHERE folder <> '' AND filter_match(" + f.register(c) + ", folder))"
	case filter.Tag:
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
func (f *Compiled) text(c *filter.Cond, col string) string {
	switch c.Op {
	case filter.Has:
		return f.holds(col, c.Str)
	case filter.Match:
		pre := ""
		if lit, fold := c.RegexpLiteral(); lit != "" && fold {
			pre = f.holds(col, lit) + " AND "
		} else if lit != "" {
			pre = "instr(" + col + ", " + f.arg(lit) + ") > 0 AND "
		}
		return pre + "filter_match(" + f.register(c) + ", " + col + ")"
	}
	return col + " = " + f.arg(c.Str) + " COLLATE NOCASE"
}

// holds says that col holds text, ignoring the case of ASCII letters:
// LIKE folds them as lower() does, without making a lowered copy of every
// value it looks at, which made a count over every title twice as slow.
func (f *Compiled) holds(col, text string) string {
	return col + " LIKE " + f.arg(LikeContains(filter.LowerASCII(text))) + ` ESCAPE '\'`
}

// LikeContains is the LIKE pattern (with ESCAPE '\') that matches a text
// holding s, every character of s taken literally; the store's `/` filter
// of titles uses it too.
func LikeContains(s string) string {
	return "%" + likeEscaper.Replace(s) + "%"
}

// LikePrefix is the LIKE pattern (with ESCAPE '\') that matches a text
// starting with s, taken literally.
func LikePrefix(s string) string { return likeEscaper.Replace(s) + "%" }

var likeEscaper = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)

// content finds articles by the words of their text: first through the
// full-text index (its body column), then checked in Go.
func (f *Compiled) content(c *filter.Cond) string {
	pre := ""
	if ws, phrase := c.IndexWords(); len(ws) > 0 {
		var q string
		if phrase {
			q = `body : "` + strings.Join(ws, " ") + `"`
		} else {
			q = `body : ("` + strings.Join(ws, `" AND "`) + `")`
		}
		f.ReadsIndex = true
		pre = f.walk + "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH " + f.arg(q) + ") AND "
	}
	return pre + "filter_text(" + f.register(c) + ", " + textSQL + ")"
}

// times is a condition on age or published: a range of sort_key.
func (f *Compiled) times(c *filter.Cond) string {
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

func (f *Compiled) number(c *filter.Cond, col string) string {
	op := map[filter.Op]string{filter.Eq: "=", filter.Lt: "<", filter.Gt: ">", filter.Le: "<=", filter.Ge: ">="}[c.Op]
	if c.Op == filter.Between {
		return col + " BETWEEN " + f.arg(c.Num) + " AND " + f.arg(c.Num2)
	}
	return col + " " + op + " " + f.arg(c.Num)
}
