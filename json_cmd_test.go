package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/byline-reader/byline/ui/jsonout"
)

// TestChangingCommandsPrintJSON: add, remove, import, refresh, mark and
// share print JSON with --json, and nothing else on stdout.
func TestChangingCommandsPrintJSON(t *testing.T) {
	srv, _ := newsServer(t)
	db := filepath.Join(t.TempDir(), "b.db")
	decode := func(r result, v any) {
		t.Helper()
		if err := json.Unmarshal([]byte(r.stdout), v); err != nil {
			t.Fatalf("not JSON: %v\n%+v", err, r)
		}
	}

	var added []addJSON
	r := byline(t, db, "add", "--json", srv.URL+"/world.xml", srv.URL+"/world.xml", srv.URL+"/missing.xml")
	decode(r, &added)
	if r.code != 1 || len(added) != 3 || added[0].Status != "subscribed" || added[0].ID == 0 ||
		added[1].Status != "exists" || added[2].Status != "failed" || added[2].Error == "" {
		t.Fatalf("add --json: %+v", r)
	}

	var sum refreshSummaryJSON
	r = byline(t, db, "refresh", "--json")
	decode(r, &sum)
	if r.code != 0 || sum.Feeds != 1 || sum.OK != 1 || sum.New != 3 || sum.Failed != 0 || sum.Causes == nil {
		t.Fatalf("refresh --json: %+v", r)
	}

	list := byline(t, db, "list", "--json")
	var arts []jsonout.Article
	decode(list, &arts)
	id := strconv.FormatInt(arts[0].ID, 10)
	var marked markJSON
	r = byline(t, db, "mark", "--json", id, "--read", "--star")
	decode(r, &marked)
	if r.code != 0 || len(marked.Read) != 1 || len(marked.Starred) != 1 || len(marked.Undo) != 1 ||
		!strings.Contains(marked.Undo[0], "--unread --unstar") || r.stderr != "" {
		t.Fatalf("mark --json: %+v", r)
	}

	var links []shareJSON
	r = byline(t, db, "share", "--json", id)
	decode(r, &links)
	if r.code != 0 || len(links) < 3 || links[0].Target == "" || links[0].Link == "" {
		t.Fatalf("share --json: %+v", r)
	}
	r = byline(t, db, "share", "--json", "--target", "markdown", id)
	decode(r, &links)
	if len(links) != 1 || links[0].Target != "markdown" || !strings.HasPrefix(links[0].Link, "[") {
		t.Fatalf("share --json --target: %+v", r)
	}

	opml := filepath.Join(t.TempDir(), "subs.opml")
	os.WriteFile(opml, []byte(`<?xml version="1.0"?><opml version="2.0"><body>`+
		`<outline text="w" xmlUrl="`+srv.URL+`/world.xml"/><outline text="t" xmlUrl="`+srv.URL+`/tech.xml"/></body></opml>`), 0o644)
	var imported importJSON
	r = byline(t, db, "import", "--json", opml)
	decode(r, &imported)
	if r.code != 0 || imported.Added != 1 || imported.Existing+imported.Updated != 1 || imported.Failed == nil {
		t.Fatalf("import --json: %+v", r)
	}

	var removed removedJSON
	r = byline(t, db, "remove", "--json", srv.URL+"/tech.xml")
	decode(r, &removed)
	if r.code != 0 || removed.URL != srv.URL+"/tech.xml" || removed.Title == "" {
		t.Fatalf("remove --json: %+v", r)
	}
}
