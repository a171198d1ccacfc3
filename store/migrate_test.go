package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/byline-reader/byline/store/schema"
)

// TestMigrations opens a file at every schema version from empty to the
// one before the latest, stores a feed when the schema has feeds, then
// opens it with Open: the data must survive and the store must work. A new
// migration is tested by this without more code.
func TestMigrations(t *testing.T) {
	ctx := context.Background()
	for k := 0; k <= schema.Latest(); k++ {
		t.Run(fmt.Sprintf("from version %d", k), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "byline.db")
			old, err := openAt(ctx, path, k)
			if err != nil {
				t.Fatal(err)
			}
			if got := userVersion(t, old.db); got != k {
				t.Fatalf("opened at version %d, want %d", got, k)
			}
			if k >= 1 {
				// Only columns that version 1 had: keep this statement valid
				// for every version.
				if _, err := old.db.Exec(`INSERT INTO feeds (url, title) VALUES ('https://old.example/feed', 'Old')`); err != nil {
					t.Fatal(err)
				}
			}
			old.Close()

			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if got := userVersion(t, s.db); got != schema.Latest() {
				t.Errorf("migrated to version %d, want %d", got, schema.Latest())
			}
			if k >= 1 {
				if f, err := s.FeedByURL(ctx, "https://old.example/feed"); err != nil || f.Title != "Old" {
					t.Errorf("feed from version %d = %+v, %v", k, f, err)
				}
			}
			exercise(t, s)
		})
	}
}

// exercise checks that a migrated store reads and writes.
func exercise(t *testing.T, s *Store) {
	t.Helper()
	f := addFeed(t, s, "https://new.example/feed")
	if n := save(t, s, f, items(0, 3)); n != 3 {
		t.Errorf("saved %d new articles, want 3", n)
	}
	if hits, err := s.Search(context.Background(), "headline", 10); err != nil || len(hits) != 3 {
		t.Errorf("Search = %d hits, %v", len(hits), err)
	}
	if _, err := s.Feeds(context.Background()); err != nil {
		t.Error(err)
	}
	var fk string
	if err := s.db.QueryRow("PRAGMA foreign_key_check").Scan(&fk); err != sql.ErrNoRows {
		t.Errorf("foreign key check: %q, %v", fk, err)
	}
}

func userVersion(t *testing.T, db *sql.DB) int {
	t.Helper()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestFoldersApartFromTags: migration 8 makes a feed's first tag its
// folder (a "/" in it kept as one name) and leaves the rest as tags.
func TestFoldersApartFromTags(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "byline.db")
	old, err := openAt(ctx, path, 7)
	if err != nil {
		t.Fatal(err)
	}
	for url, tags := range map[string]string{"https://a.example/f": "News\ndaily\nlong reads",
		"https://b.example/f": "AC/DC", "https://c.example/f": ""} {
		if _, err := old.db.Exec(`INSERT INTO feeds (url, tags) VALUES (?, ?)`, url, tags); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for url, want := range map[string]string{"https://a.example/f": "News [daily long reads]",
		"https://b.example/f": "AC∕DC []", "https://c.example/f": " []"} {
		if f, err := s.FeedByURL(ctx, url); err != nil || fmt.Sprintf("%s %v", f.Folder, f.Tags) != want {
			t.Errorf("%s: folder %q, tags %q, %v; want %s", url, f.Folder, f.Tags, err, want)
		}
	}
}
