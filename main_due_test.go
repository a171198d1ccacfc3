package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestRefreshDue: `refresh --due` fetches feeds never fetched, then
// nothing until they are due; `refresh` still fetches every feed.
func TestRefreshDue(t *testing.T) {
	srv, _ := newsServer(t)
	db := filepath.Join(t.TempDir(), "b.db")
	if r := byline(t, db, "add", srv.URL+"/world.xml", srv.URL+"/tech.xml"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	r := byline(t, db, "refresh", "--due")
	if r.code != 0 || !strings.Contains(r.stdout, "refreshed 2 feeds: 5 new articles") {
		t.Fatalf("first refresh --due: %+v", r)
	}
	// Their latest stories are old: neither is due for hours.
	if r = byline(t, db, "refresh", "--due"); r.code != 0 || strings.TrimSpace(r.stdout) != "nothing due" {
		t.Fatalf("second refresh --due: %+v", r)
	}
	if r = byline(t, db, "refresh"); r.code != 0 || !strings.Contains(r.stdout, "refreshed 2 feeds: 0 new articles") {
		t.Fatalf("refresh after --due: %+v", r)
	}
	if r = byline(t, db, "refresh", "--due", "now"); r.code != 2 {
		t.Fatalf("refresh --due with an argument: %+v", r)
	}
}
