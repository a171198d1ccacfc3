package main

import (
	"database/sql"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeNewsboatCache writes a cache.db with newsboat's rss_item table (the
// driver is the store's, registered by linking it) holding rows of
// guid, url, feedurl, unread, flags.
func writeNewsboatCache(t *testing.T, path string, rows [][5]any) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = db.Exec(`CREATE TABLE rss_item (  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,  guid VARCHAR(64) NOT NULL,  title VARCHAR(1024) NOT NULL,  author VARCHAR(1024) NOT NULL,  url VARCHAR(1024) NOT NULL,  feedurl VARCHAR(1024) NOT NULL,  pubDate INTEGER NOT NULL,  content VARCHAR(65535) NOT NULL, unread INTEGER(1) NOT NULL , enclosure_url VARCHAR(1024), enclosure_type VARCHAR(1024), enqueued INTEGER(1) NOT NULL DEFAULT 0, flags VARCHAR(52), deleted INTEGER(1) NOT NULL DEFAULT 0, base VARCHAR(128) NOT NULL DEFAULT "")`)
	for _, r := range rows {
		if err == nil {
			_, err = db.Exec(`INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content,
				unread, flags) VALUES (?, '', '', ?, ?, 0, '', ?, ?)`, r[:]...)
		}
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestImportNewsboatCache: `import --newsboat-cache` marks the articles
// newsboat read and starred, by guid and by link; --dry-run and --json
// say the same counts; a file that is not a cache is bad input.
func TestImportNewsboatCache(t *testing.T) {
	srv, _ := newsServer(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	byline(t, db, "add", srv.URL+"/tech.xml")
	byline(t, db, "refresh")
	cache := filepath.Join(dir, "cache.db")
	feed := srv.URL + "/tech.xml"
	writeNewsboatCache(t, cache, [][5]any{
		{"Tech desk-0", srv.URL + "/a/0", feed, 0, "s"},   // by guid: read, starred
		{"other", srv.URL + "/a/1", feed, 0, nil},         // by link: read
		{"unknown", "https://example.com/", feed, 0, "s"}, // unmatched
	})
	r := byline(t, db, "import", "--newsboat-cache", cache, "--dry-run")
	want := "matched 2 of 3 items (1 unmatched); would mark 2 read, star 1 (dry run: nothing changed)\n"
	if r.code != 0 || !strings.HasSuffix(r.stdout, want) {
		t.Fatalf("dry run: %+v", r)
	}
	if ids := unreadIDs(t, db); len(ids) != 2 {
		t.Fatalf("a dry run marked articles: unread %v", ids)
	}
	r = byline(t, db, "import", "--newsboat-cache", cache, "--json")
	var got map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || r.code != 0 {
		t.Fatalf("--json: %+v, %v", r, err)
	}
	want2 := map[string]any{"cache": cache, "items": 3.0, "matched": 2.0, "unmatched": 1.0, "read": 2.0, "starred": 1.0, "dry_run": false}
	if !maps.Equal(got, want2) {
		t.Errorf("--json = %+v", got)
	}
	if r := byline(t, db, "list", "--unread"); !strings.HasPrefix(r.stdout, "nothing unread") {
		t.Errorf("unread after the import: %s", r.stdout)
	}
	if r := byline(t, db, "list", "--filter", "starred"); !strings.Contains(r.stdout, "Compilers get faster") ||
		strings.Contains(r.stdout, "A new terminal reader") {
		t.Errorf("starred: %s", r.stdout)
	}
	notCache := filepath.Join(dir, "urls")
	os.WriteFile(notCache, []byte(feed+"\n"), 0o600)
	for _, args := range [][]string{
		{"import", "--newsboat-cache", notCache},
		{"import", "--newsboat-cache", db},
		{"import", "--newsboat-cache", filepath.Join(dir, "missing.db")},
		{"import", "--newsboat-cache", cache, notCache},
		{"import", "--newsboat-cache", cache, "--star-flags", "*"},
		{"import", "--star-flags", "s", notCache},
	} {
		if r := byline(t, db, args...); r.code != 2 || strings.Count(r.stderr, "\n") != 1 || r.stdout != "" {
			t.Errorf("%v: %+v; want one line and exit 2", args, r)
		}
	}
}
