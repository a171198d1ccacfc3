package main

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline-reader/byline/ui/jsonout"
)

func TestFeedSetAndShow(t *testing.T) {
	srv, _ := newsServer(t)
	db := filepath.Join(t.TempDir(), "b.db")
	feedURL := srv.URL + "/world.xml"
	if r := byline(t, db, "add", feedURL); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	r := byline(t, db, "feed", "set", feedURL, "title=My world", "interval=45m", "fetch=feed",
		"user_agent=Mozilla/5.0 (x)", "keep_days=30", "keep_items=all", "folder=News")
	if r.code != 0 || !strings.Contains(r.stdout, "feed 1: My world") || !strings.Contains(r.stdout, "45m") {
		t.Fatalf("feed set: %+v", r)
	}
	if r := byline(t, db, "refresh"); r.code != 0 {
		t.Fatalf("refresh: %+v", r)
	}
	var show jsonout.FeedShow
	r = byline(t, db, "feed", "show", "1", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &show); err != nil {
		t.Fatalf("feed show --json: %v %+v", err, r)
	}
	want := map[string]string{"title": "My world", "interval": "45m", "fetch": "feed",
		"user_agent": "Mozilla/5.0 (x)", "keep_days": "30", "keep_items": ""}
	if show.Title != "My world" || show.Folder != "News" || !maps.Equal(show.Settings, want) {
		t.Errorf("after a refresh, feed show --json: %+v", show)
	}

	var fs []map[string]any
	r = byline(t, db, "feeds", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &fs); err != nil || len(fs) != 1 {
		t.Fatalf("feeds --json: %v %+v", err, r)
	}
	settings, _ := fs[0]["settings"].(map[string]any)
	if fs[0]["title"] != "World desk" || len(settings) != 5 || settings["keep_days"] != "30" || settings["keep_items"] != nil {
		t.Errorf("feeds --json: the feed's own title and only the settings set: %v", fs[0])
	}

	// "" resets; the text shows the default in words.
	r = byline(t, db, "feed", "set", "1", "title=", "fetch=", "keep_days=")
	if r.code != 0 || !strings.Contains(r.stdout, "feed 1: World desk") || !strings.Contains(r.stdout, "full (each article's page)") ||
		!strings.Contains(r.stdout, "keep_days   all") {
		t.Errorf("reset: %+v", r)
	}
}

func TestFeedSetRefusesWithOneLine(t *testing.T) {
	srv, _ := newsServer(t)
	db := filepath.Join(t.TempDir(), "b.db")
	if r := byline(t, db, "add", srv.URL+"/world.xml"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"feed", "set", "1", "colour=red"}, `unknown key "colour" (keys: title, folder, tags, interval`},
		{[]string{"feed", "set", "1", "interval=soon"}, `interval: "soon" is not allowed: a duration from 1m`},
		{[]string{"feed", "set", "1", "fetch=pages"}, `fetch: "pages" is not allowed: "full"`},
		{[]string{"feed", "set", "1", "keep_days=-2"}, `keep_days: "-2" is not allowed`},
		{[]string{"feed", "set", "1", "keep_items"}, `"keep_items" is not KEY=VALUE`},
		{[]string{"feed", "set", "1"}, "needs KEY=VALUE"},
		{[]string{"feed", "show"}, "feed needs set"},
		{[]string{"feed", "set", "99", "title=x"}, "no subscription with id 99"},
	} {
		r := byline(t, db, c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%v: want exit 2 and one line with %q, got %d %q", c.args, c.want, r.code, r.stderr)
		}
	}
	if r := byline(t, db, "feed", "show", "1"); !strings.Contains(r.stdout, "interval    auto (adaptive)") {
		t.Errorf("nothing changed by refused values: %+v", r)
	}
}
