package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
)

func TestListAndSearchFilter(t *testing.T) {
	srv, _ := newsServer(t)
	db := filepath.Join(t.TempDir(), "b.db")
	if r := byline(t, db, "add", srv.URL+"/world.xml", srv.URL+"/tech.xml"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	if r := byline(t, db, "refresh"); r.code != 0 {
		t.Fatalf("refresh: %+v", r)
	}
	var arts []map[string]any
	r := byline(t, db, "list", "--json", "--filter", `feed = "tech desk" and title =~ "^comp"`)
	if err := json.Unmarshal([]byte(r.stdout), &arts); err != nil || len(arts) != 1 || arts[0]["title"] != "Compilers get faster" {
		t.Fatalf("list --filter: %v %+v", err, r)
	}
	r = byline(t, db, "search", "story", "--json", "--filter", "feed # world and not title # harbor")
	if err := json.Unmarshal([]byte(r.stdout), &arts); err != nil || len(arts) != 2 {
		t.Fatalf("search --filter: %v %+v", err, r)
	}
	r = byline(t, db, "list", "--filter", "unread and titel = x")
	if r.code != 2 || r.stderr != "byline list: filter: column 12: unknown field \"titel\" (title, author, feed, folder, content, age, published, unread, starred, highlighted, quotes, speaker, account, tag)\n" {
		t.Errorf("a bad filter: %+v", r)
	}
	r = byline(t, db, "search", "story", "--filter", "age <")
	if r.code != 2 || !strings.HasPrefix(r.stderr, "byline search: filter: column 6: expected a value after <") {
		t.Errorf("a bad filter in search: %+v", r)
	}
}

func TestIgnoreRulesFromConfig(t *testing.T) {
	srv, _ := newsServer(t)
	dir := t.TempDir()
	db, cfg := filepath.Join(dir, "b.db"), filepath.Join(dir, "config.toml")
	os.WriteFile(cfg, []byte("[[ignore]]\nfilter = \"title # bike\"\nmode = \"drop\"\n"), 0o644)
	var out strings.Builder
	run(t.Context(), []string{"--db", db, "--config", cfg, "add", srv.URL + "/world.xml"}, strings.NewReader(""), &out, &out)
	run(t.Context(), []string{"--db", db, "--config", cfg, "refresh"}, strings.NewReader(""), &out, &out)
	if !strings.Contains(out.String(), "2 new articles") {
		t.Errorf("refresh with a kill rule: %s", out.String())
	}
	os.WriteFile(cfg, []byte("[[ignore]]\nfilter = \"title # \"\n"), 0o644)
	var errOut strings.Builder
	code := run(t.Context(), []string{"--db", db, "--config", cfg, "list"}, strings.NewReader(""), &out, &errOut)
	if code != 2 || !strings.Contains(errOut.String(), `ignore rule 1 (filter = "title # "): column 9: expected a value after #`) {
		t.Errorf("a bad kill rule: %d %s", code, errOut.String())
	}
}

// list --query runs a saved query of the configuration, narrowed by
// --filter; a query not there, or with a mistake, is bad usage.
func TestListSavedQuery(t *testing.T) {
	srv, _ := newsServer(t)
	dir := t.TempDir()
	db, cfg := filepath.Join(dir, "b.db"), filepath.Join(dir, "config.toml")
	os.WriteFile(cfg, []byte("[queries]\ntech = 'feed = \"tech desk\"'\nbroken = \"titel = x\"\n"), 0o644)
	list := func(args ...string) (int, string, string) {
		var out, errOut strings.Builder
		code := run(t.Context(), append([]string{"--db", db, "--config", cfg}, args...), strings.NewReader(""), &out, &errOut)
		return code, out.String(), errOut.String()
	}
	list("add", srv.URL+"/world.xml", srv.URL+"/tech.xml")
	list("refresh")
	var arts []map[string]any
	code, out, _ := list("list", "--json", "--query", "tech")
	if err := json.Unmarshal([]byte(out), &arts); err != nil || code != 0 || len(arts) < 2 {
		t.Fatalf("list --query: %d %v %s", code, err, out)
	}
	code, out, _ = list("list", "--json", "--query", "tech", "--filter", `title =~ "^comp"`)
	if err := json.Unmarshal([]byte(out), &arts); err != nil || code != 0 || len(arts) != 1 || arts[0]["title"] != "Compilers get faster" {
		t.Fatalf("list --query --filter: %d %v %s", code, err, out)
	}
	if code, _, errOut := list("list", "--query", "nope"); code != 2 || !strings.Contains(errOut, `no saved query "nope" (the configuration has tech, broken)`) {
		t.Errorf("an unknown query: %d %s", code, errOut)
	}
	if code, _, errOut := list("list", "--query", "broken"); code != 2 || !strings.Contains(errOut, `query "broken": column 1: unknown field "titel"`) {
		t.Errorf("a broken query: %d %s", code, errOut)
	}
	if code, _, _ := list("feeds"); code != 0 {
		t.Error("a broken query does not stop other commands")
	}
}

// An empty list says why, as far as the query tells.
func TestEmptyListSaysWhy(t *testing.T) {
	for q, want := range map[model.ArticleQuery]string{
		{}:                          "no articles yet: run `byline refresh`",
		{Filter: "age < 1"}:         "no article matches the filter",
		{Unread: true}:              "nothing unread",
		{Unread: true, FeedID: 3}:   "nothing unread in this feed",
		{FeedID: 3}:                 "no articles in this feed yet: run `byline refresh`",
		{Filter: "x", Unread: true}: "no article matches the filter",
	} {
		if got := emptyList(q); got != want {
			t.Errorf("emptyList(%+v) = %q, want %q", q, got, want)
		}
	}
}
