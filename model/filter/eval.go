package filter

import (
	"math"
	"strings"
	"time"
)

// Record is what an expression is evaluated on: one article with what
// the language knows of its feed.
type Record struct {
	Title, Author string
	// Content is the article's text as the full-text index keeps it:
	// its markdown, else its feed's content or summary as plain text.
	Content     string
	FeedURL     string
	FeedTitle   string   // the title shown: the user's, else the feed's own, else its URL
	Folders     []string // its folder and those it sits in: FolderList
	Tags        []string
	Account     string    // the sync account of the feed; "" for byline's own
	Time        time.Time // when it stands in a list: published, else fetched (model.SortTime)
	Unread      bool
	Starred     bool
	Highlighted bool
	Quotes      int
	Speakers    []string
	Now         time.Time // what age counts from
}

// FolderList is what Record.Folders holds for a feed in the folder path
// ("News/World"): the path and every path it sits in, innermost first
// ("News/World", "News"); none for "". Its names are split at "/" (as
// model.FolderPath joins them) and trimmed.
func FolderList(path string) []string {
	var names, out []string
	for n := range strings.SplitSeq(path, "/") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	for ; len(names) > 0; names = names[:len(names)-1] {
		out = append(out, strings.Join(names, "/"))
	}
	return out
}

// Eval says whether r satisfies e. It defines the language's meaning:
//
//   - title, author, feed, account: = is equality and # containment,
//     both ignoring the case of ASCII letters; =~ is an RE2 regexp found
//     anywhere, ignoring case unless it says (?-i). feed holds when its
//     URL or its title does.
//   - folder, tag, speaker (lists): = and # hold when one item equals
//     the value (ignoring ASCII case), =~ when one item matches. A
//     folder is listed with the folders it sits in (Record.Folders), so
//     folder = News holds for News/World too. #name is tag = name.
//   - content: = and # hold when the text has the value's words as whole
//     words, in order and next to each other, ignoring case; =~ matches
//     the text.
//   - age is in days, fractional; published is a date (a whole day) or a
//     date and time (a minute or second); both read the article's
//     published time, else when it was fetched. between includes both
//     ends.
//   - !=, !~ and !# are the opposites of =, =~ and #.
func Eval(e Expr, r Record) bool {
	switch x := e.(type) {
	case *And:
		return Eval(x.L, r) && Eval(x.R, r)
	case *Or:
		return Eval(x.L, r) || Eval(x.R, r)
	case *Not:
		return !Eval(x.X, r)
	case *Cond:
		return x.eval(&r)
	}
	return false
}

func (c *Cond) eval(r *Record) bool {
	var ok bool
	switch c.Field {
	case Title:
		ok = c.MatchString(r.Title)
	case Author:
		ok = c.MatchString(r.Author)
	case Feed:
		ok = c.MatchString(r.FeedURL) || c.MatchString(r.FeedTitle)
	case Account:
		ok = c.MatchString(r.Account)
	case Folder:
		ok = c.MatchItems(r.Folders)
	case Tag:
		ok = c.MatchItems(r.Tags)
	case Speaker:
		ok = c.MatchItems(r.Speakers)
	case Content:
		ok = c.MatchText(r.Content)
	case Age, Published:
		lo, hi := c.TimeRange(r.Now)
		t := Nanos(r.Time)
		ok = lo <= t && t < hi
	case Quotes:
		ok = c.MatchNumber(float64(r.Quotes))
	case Unread:
		ok = r.Unread == c.Bool
	case Starred:
		ok = r.Starred == c.Bool
	case Highlighted:
		ok = r.Highlighted == c.Bool
	}
	return ok != c.Negate
}

// MatchString is c's operator, not negated, on one text: =, # or =~.
func (c *Cond) MatchString(s string) bool {
	switch c.Op {
	case Match:
		return c.Re.MatchString(s)
	case Has:
		return strings.Contains(LowerASCII(s), LowerASCII(c.Str))
	}
	return asciiEqualFold(s, c.Str)
}

// MatchList is c's operator, not negated, on a list given as its items
// joined by newlines: whether an item equals c's value, or matches it.
func (c *Cond) MatchList(items string) bool {
	if items == "" {
		return false
	}
	return c.MatchItems(strings.Split(items, "\n"))
}

// MatchItems is c's operator, not negated, on a list: whether an item
// equals c's value, or matches it.
func (c *Cond) MatchItems(items []string) bool {
	for _, it := range items {
		if c.Op == Match && c.Re.MatchString(it) || c.Op != Match && asciiEqualFold(it, c.Str) {
			return true
		}
	}
	return false
}

// MatchText is c's operator, not negated, on an article's text: its
// words for = and #, the regexp for =~.
func (c *Cond) MatchText(text string) bool {
	if c.Op == Match {
		return c.Re.MatchString(text)
	}
	return hasPhrase(text, c.words)
}

// MatchNumber is c's operator on n.
func (c *Cond) MatchNumber(n float64) bool {
	switch c.Op {
	case Lt:
		return n < c.Num
	case Gt:
		return n > c.Num
	case Le:
		return n <= c.Num
	case Ge:
		return n >= c.Num
	case Between:
		return c.Num <= n && n <= c.Num2
	}
	return n == c.Num
}

// TimeRange is a condition on age or published, not negated, as the
// instants it accepts: lo <= t < hi, in unix nanoseconds
// (math.MinInt64 and math.MaxInt64 stand for no bound).
func (c *Cond) TimeRange(now time.Time) (lo, hi int64) {
	if c.Field == Published {
		switch c.Op {
		case Lt:
			return math.MinInt64, c.Lo
		case Le:
			return math.MinInt64, c.Hi
		case Gt:
			return c.Hi, math.MaxInt64
		case Ge:
			return c.Lo, math.MaxInt64
		}
		return c.Lo, c.Hi // =, between
	}
	n := now.UnixNano()
	cut := func(days float64) int64 { return satSub(n, days*float64(24*time.Hour)) }
	switch c.Op {
	case Lt: // younger than: published after the cutoff
		return satAdd(cut(c.Num), 1), math.MaxInt64
	case Le:
		return cut(c.Num), math.MaxInt64
	case Gt:
		return math.MinInt64, cut(c.Num)
	case Ge:
		return math.MinInt64, satAdd(cut(c.Num), 1)
	case Between:
		return cut(c.Num2), satAdd(cut(c.Num), 1)
	}
	return cut(c.Num), satAdd(cut(c.Num), 1)
}

// satSub is n - d nanoseconds, held within int64.
func satSub(n int64, d float64) int64 {
	switch {
	case d >= math.MaxInt64:
		return satAdd(n, -math.MaxInt64)
	case d <= -math.MaxInt64:
		return satAdd(n, math.MaxInt64)
	}
	return satAdd(n, -int64(d))
}

// satAdd is n + d, held within int64.
func satAdd(n, d int64) int64 {
	s := n + d
	if d > 0 && s < n {
		return math.MaxInt64
	}
	if d < 0 && s > n {
		return math.MinInt64
	}
	return s
}

// Nanos is t as the store keeps it: unix nanoseconds, 0 for the zero time
// and for times nanoseconds cannot hold (before 1678, after 2261).
func Nanos(t time.Time) int64 {
	if t.IsZero() || t.Year() < 1678 || t.Year() > 2261 {
		return 0
	}
	return t.UnixNano()
}

// LowerASCII lowers ASCII letters only, as SQLite's lower() and LIKE do:
// the case folding of the text operators, in Go and in SQL alike.
func LowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
