package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestMarkUnknownIDChangesNothing: `mark 21 9999 --read` fails on 9999 as
// `mark 9999 --read` does (same words, exit 2) and leaves 21 as it was.
func TestMarkUnknownIDChangesNothing(t *testing.T) {
	srv, _ := newsServer(t)
	db := filepath.Join(t.TempDir(), "b.db")
	byline(t, db, "add", srv.URL+"/tech.xml")
	byline(t, db, "refresh")
	ids := unreadIDs(t, db)
	if len(ids) != 2 {
		t.Fatalf("unread ids %v", ids)
	}
	alone := byline(t, db, "mark", "9999", "--read")
	if alone.code != 2 || alone.stderr != "byline mark: no article with id 9999\n" {
		t.Fatalf("mark 9999: %+v", alone)
	}
	r := byline(t, db, "mark", ids[0], "9999", "--read", "--star")
	if r.code != alone.code || r.stderr != alone.stderr || r.stdout != "" {
		t.Errorf("mark %s 9999: %+v; want as mark 9999: %+v", ids[0], r, alone)
	}
	if got := unreadIDs(t, db); len(got) != 2 {
		t.Errorf("a refused mark changed articles: unread now %v", got)
	}
	if r := byline(t, db, "list", "--filter", "starred"); r.code != 0 || strings.Contains(r.stdout, ids[0]+" ") {
		t.Errorf("a refused mark starred %s: %s", ids[0], r.stdout)
	}
	r = byline(t, db, "mark", "9998", ids[1], "9999", "--read")
	if r.code != 2 || !strings.Contains(r.stderr, "no article with id 9998, 9999\n") {
		t.Errorf("two unknown ids: %+v", r)
	}
}

// unreadIDs lists the ids `list --unread` shows.
func unreadIDs(t *testing.T, db string) []string {
	t.Helper()
	r := byline(t, db, "list", "--unread")
	var ids []string
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if f := strings.Fields(l); len(f) > 0 && f[0] != "ID" {
			ids = append(ids, f[0])
		}
	}
	return ids
}
