package filtersql

import (
	"database/sql/driver"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model/filter"
)

// What the SQL means is tested against filter.Eval over a real database
// (store's TestFilterEquivalence); these tests hold the pieces to their
// shape.

var testNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

func TestCompile(t *testing.T) {
	for _, tc := range []struct {
		expr, where string
		args        []any
		index       bool
	}{
		{`title # Climate`, `(a.title LIKE ? ESCAPE '\')`, []any{"%climate%"}, false},
		{`title # "50%_off"`, `(a.title LIKE ? ESCAPE '\')`, []any{`%50\%\_off%`}, false},
		{`author = "Jane Doe"`, `(a.author = ? COLLATE NOCASE)`, []any{"Jane Doe"}, false},
		{`not starred and quotes >= 2`, `((NOT (a.starred = 1)) AND (a.quote_count >= ?))`, []any{2.0}, false},
		{`folder = News`, `(+a.feed_id IN (SELECT id FROM feeds WHERE folder <> '' AND filter_match(?, folder)))`, nil, false},
		{`#news`, `(+a.feed_id IN (SELECT id FROM feeds WHERE tags <> '' AND filter_match(?, tags)))`, nil, false},
		{`content # "climate change"`, `(+a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) AND `,
			[]any{`body : "climate change"`}, true},
	} {
		f, err := Compile(tc.expr, testNow, true)
		if err != nil {
			t.Fatalf("%s: %v", tc.expr, err)
		}
		if !strings.HasPrefix(f.Where, tc.where) || f.ReadsIndex != tc.index {
			t.Errorf("%s: %s (index %v), want %s… (index %v)", tc.expr, f.Where, f.ReadsIndex, tc.where, tc.index)
		}
		for i, a := range tc.args {
			if i >= len(f.Args) || f.Args[i] != a {
				t.Errorf("%s: args %v, want %v first", tc.expr, f.Args, tc.args)
				break
			}
		}
		f.Release()
	}
	if _, err := Compile("titel = x", testNow, false); err == nil || !strings.HasPrefix(err.Error(), "filter: ") {
		t.Errorf("a bad expression: %v", err)
	}
}

// The SQL functions find the condition by the id the SQL passes, until
// the query is released.
func TestMatchAndText(t *testing.T) {
	f, err := Compile(`title =~ "^clim" and content # kelvin and #science and folder = science`, testNow, false)
	if err != nil {
		t.Fatal(err)
	}
	ids := f.ids
	if len(ids) != 4 {
		t.Fatalf("%d conditions registered, want 4", len(ids))
	}
	call := func(fn func([]driver.Value) (driver.Value, error), args ...driver.Value) driver.Value {
		t.Helper()
		v, err := fn(args)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if call(Match, ids[0], "climate") != int64(1) || call(Match, ids[0], []byte("a climate")) != int64(0) {
		t.Error("filter_match on a title")
	}
	if call(Text, ids[1], "<p>300 kelvin</p>", int64(1)) != int64(1) || call(Text, ids[1], "<kelvin>", int64(1)) != int64(0) {
		t.Error("filter_text does not read HTML as plain text")
	}
	if call(Match, ids[2], "news\nScience") != int64(1) || call(Match, ids[2], "sciences") != int64(0) {
		t.Error("filter_match on a list")
	}
	// a folder is listed with the folders it sits in
	if call(Match, ids[3], "Science") != int64(1) || call(Match, ids[3], "Science/Space") != int64(1) ||
		call(Match, ids[3], "News/Science") != int64(0) || call(Match, ids[3], "Sciences/x") != int64(0) {
		t.Error("filter_match on a folder path")
	}
	f.Release()
	if _, err := Match([]driver.Value{ids[0], "climate"}); err == nil {
		t.Error("a released condition still matches")
	}
}

// FuzzCompile: every expression that parses is SQL with one argument a
// placeholder and balanced parentheses.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{`title # x`, `not (unread or starred) and age < 2`, `content # "a b" or speaker =~ "(?i)jo"`,
		`published between 2026-01-01:2026-02-01`, `folder != ""`, `quotes between 1:3`,
		`#tech or not #"two words"`, `tag =~ "^t" and folder # "News/World"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		if _, err := filter.Parse(expr); err != nil {
			return
		}
		c, err := Compile(expr, testNow, len(expr)%2 == 0)
		if err != nil {
			t.Fatalf("%q parses but does not compile: %v", expr, err)
		}
		defer c.Release()
		if n := strings.Count(c.Where, "?"); n != len(c.Args) {
			t.Fatalf("%q: %d placeholders, %d arguments: %s", expr, n, len(c.Args), c.Where)
		}
		if strings.Count(c.Where, "(") != strings.Count(c.Where, ")") {
			t.Fatalf("%q: unbalanced: %s", expr, c.Where)
		}
	})
}
