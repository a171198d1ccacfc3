package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/store/schema"
)

// t0 is a fixed instant the tests count from.
var t0 = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func newStore(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(filepath.Join(tb.TempDir(), "byline.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func addFeed(tb testing.TB, s *Store, url string) model.Feed {
	tb.Helper()
	f, err := s.AddFeed(context.Background(), model.Feed{URL: url})
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// item is a feed item numbered n, published n minutes after t0.
func item(n int) model.Article {
	return model.Article{
		Key:       fmt.Sprintf("guid-%d", n),
		Title:     fmt.Sprintf("Headline %d", n),
		URL:       fmt.Sprintf("https://example.com/%d", n),
		Author:    "A. Writer",
		Published: t0.Add(time.Duration(n) * time.Minute),
		Summary:   fmt.Sprintf("<p>Summary of story %d &amp; more</p>", n),
	}
}

func items(from, to int) []model.Article {
	var arts []model.Article
	for n := from; n < to; n++ {
		arts = append(arts, item(n))
	}
	return arts
}

func save(tb testing.TB, s *Store, f model.Feed, arts []model.Article) int {
	tb.Helper()
	n, err := s.SaveFetch(context.Background(), model.FetchResult{Feed: f, Status: 200, Articles: arts}, t0)
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

func TestOpenSetsPragmasOnEveryConnection(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	// Hold several connections at once so the pool must open more than one.
	var conns []interface{ Close() error }
	for range 3 {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		for pragma, want := range map[string]string{
			"journal_mode": "wal", "foreign_keys": "1", "synchronous": "1", "busy_timeout": "5000",
		} {
			var got string
			if err := c.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
			}
		}
	}
	for _, c := range conns {
		c.Close()
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no", "such", "dir", "byline.db")
	if _, err := Open(missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("Open in a missing directory: %v, want an error naming the path", err)
	}
	junk := filepath.Join(dir, "junk.db")
	if err := os.WriteFile(junk, []byte(strings.Repeat("not a database ", 100)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(junk); err == nil {
		t.Error("Open of a file that is not a database succeeded")
	}
	if _, err := Open(""); err == nil {
		t.Error("Open of an empty path succeeded")
	}
}

func TestOpenOddPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a dir?#%20", "by line.db")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	addFeed(t, s, "https://example.com/feed")
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not at the path given: %v", err)
	}
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
}

func TestOpenNewerSchema(t *testing.T) {
	s := newStore(t)
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", schema.Latest()+1)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(s.Path()); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open of a newer schema: %v, want an error saying it is newer", err)
	}
}

func TestMeta(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	if v, err := s.Meta(ctx, "seeded"); err != nil || v != "" {
		t.Fatalf("Meta of an unset key = %q, %v", v, err)
	}
	for _, want := range []string{"1", "2"} {
		if err := s.SetMeta(ctx, "seeded", want); err != nil {
			t.Fatal(err)
		}
		if v, err := s.Meta(ctx, "seeded"); err != nil || v != want {
			t.Errorf("Meta = %q, %v; want %q", v, err, want)
		}
	}
}

func TestTimes(t *testing.T) {
	for _, tm := range []time.Time{{}, t0, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)} {
		got := fromNanos(nanos(tm))
		want := tm
		if tm.Year() < 1678 || tm.Year() > 2261 {
			want = time.Time{}
		}
		if !got.Equal(want) {
			t.Errorf("round trip of %v = %v", tm, got)
		}
	}
}

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
