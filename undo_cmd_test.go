package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestMarkPrintsItsUndo: a mark says on stderr the command that reverses
// it, naming only the articles it changed; running that command restores
// them.
func TestMarkPrintsItsUndo(t *testing.T) {
	srv, _ := newsServer(t)
	db := filepath.Join(t.TempDir(), "b.db")
	byline(t, db, "add", srv.URL+"/tech.xml")
	byline(t, db, "refresh")
	r := byline(t, db, "list", "--unread")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	var ids []string
	for _, l := range lines {
		if f := strings.Fields(l); len(f) > 0 && f[0] != "ID" {
			ids = append(ids, f[0])
		}
	}
	if len(ids) != 2 {
		t.Fatalf("list: %+v", r)
	}
	byline(t, db, "mark", ids[0], "--read")
	r = byline(t, db, "mark", ids[0], ids[1], "--read")
	want := "to undo: byline --db " + shellQuote(db) + " mark " + ids[1] + " --unread"
	if r.code != 0 || !strings.Contains(r.stderr, want) || strings.Contains(r.stdout, "undo") {
		t.Fatalf("mark: %+v; want on stderr %q", r, want)
	}
	r = byline(t, db, "mark", ids[0], ids[1], "--unread", "--star")
	both := ids[0] + " " + ids[1]
	if ids[1] < ids[0] { // the ids are sorted
		both = ids[1] + " " + ids[0]
	}
	if !strings.Contains(r.stderr, "mark "+both+" --read --unstar") {
		t.Errorf("one command for both flags: %q", r.stderr)
	}
	r = byline(t, db, "mark", ids[0], "--read", "--unstar")
	if !strings.Contains(r.stderr, "mark "+ids[0]+" --unread --star") {
		t.Errorf("undo of read and unstar: %q", r.stderr)
	}
	r = byline(t, db, "mark", ids[0], "--read")
	if strings.Contains(r.stderr, "undo") {
		t.Errorf("nothing changed, yet an undo: %q", r.stderr)
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/tmp/b.db": "/tmp/b.db", "my db.db": "'my db.db'", "it's": `'it'\''s'`, "": "''",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
