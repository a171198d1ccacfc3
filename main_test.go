package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// result is what one run of the command line produced.
type result struct {
	code           int
	stdout, stderr string
}

// byline runs the command line in-process against db.
func byline(t *testing.T, db string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	full := append([]string{"--db", db, "--config", filepath.Join(t.TempDir(), "none.toml")}, args...)
	// A named config must exist; point at an empty one.
	os.WriteFile(full[3], nil, 0o644)
	code := run(context.Background(), full, strings.NewReader(""), &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

// newsServer serves two feeds, a site that links to the first, a 404 and
// a malformed feed, and counts conditional requests.
func newsServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var conditional atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/world.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"w1"` {
			conditional.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"w1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rssFeed("World desk", "http://"+r.Host, []string{"Harbor reopens after storm", "Council approves bike lanes", "Quiet day \x1b]52;c;ZXZpbA==\x07 at the market"}))
	})
	mux.HandleFunc("/tech.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, rssFeed("Tech desk", "http://"+r.Host, []string{"Compilers get faster", "A new terminal reader"}))
	})
	mux.HandleFunc("/broken.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<rss><channel><title>half")
	})
	mux.HandleFunc("/site/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><link rel="alternate" type="application/rss+xml" href="/world.xml"></head><body>hi</body></html>`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &conditional
}

func rssFeed(title, base string, items []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>%s/</link>`, title, base)
	for i, it := range items {
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s/a/%d</link><guid>%s-%d</guid><description>Story %d about %s.</description><pubDate>Fri, 21 Jun 2024 1%d:00:00 GMT</pubDate></item>`,
			it, base, i, title, i, i, it, i)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func TestSubscribeRefreshListSearch(t *testing.T) {
	srv, conditional := newsServer(t)
	db := filepath.Join(t.TempDir(), "b.db")

	if r := byline(t, db, "add", srv.URL+"/site/"); r.code != 0 || !strings.Contains(r.stdout, "/world.xml") {
		t.Fatalf("add via discovery: %+v", r)
	}
	if r := byline(t, db, "add", srv.URL+"/tech.xml", srv.URL+"/broken.xml", srv.URL+"/missing.xml"); r.code != 1 {
		t.Fatalf("add with failures should exit 1: %+v", r)
	}
	r := byline(t, db, "add", srv.URL+"/world.xml")
	if r.code != 0 || !strings.Contains(r.stdout, "already subscribed") {
		t.Fatalf("adding twice: %+v", r)
	}

	r = byline(t, db, "refresh")
	if r.code != 0 || !strings.Contains(r.stdout, "refreshed 2 feeds: 5 new articles") {
		t.Fatalf("refresh: %+v", r)
	}
	r = byline(t, db, "refresh")
	if r.code != 0 || conditional.Load() != 1 || !strings.Contains(r.stdout, "0 new") {
		t.Fatalf("second refresh should be conditional: %+v, %d conditional", r, conditional.Load())
	}

	var arts []map[string]any
	r = byline(t, db, "list", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &arts); err != nil || len(arts) != 5 {
		t.Fatalf("list --json: %v %+v", err, r)
	}
	for _, k := range []string{"id", "title", "url", "site", "feed", "author", "published", "read", "starred"} {
		if _, ok := arts[0][k]; !ok {
			t.Errorf("list --json lacks %q: %v", k, arts[0])
		}
	}
	if strings.ContainsAny(r.stdout, "\x1b\x07") {
		t.Errorf("control characters reached stdout: %q", r.stdout)
	}

	r = byline(t, db, "search", "--json", "harbor")
	if err := json.Unmarshal([]byte(r.stdout), &arts); err != nil || len(arts) != 1 || arts[0]["title"] != "Harbor reopens after storm" {
		t.Fatalf("search: %v %+v", err, r)
	}
	id := fmt.Sprint(arts[0]["id"])
	if r := byline(t, db, "mark", id, "--read", "--star"); r.code != 0 {
		t.Fatalf("mark: %+v", r)
	}
	r = byline(t, db, "list", "--unread", "--json")
	json.Unmarshal([]byte(r.stdout), &arts)
	if len(arts) != 4 {
		t.Fatalf("after marking one read, 4 unread expected, got %d", len(arts))
	}

	var fs []map[string]any
	r = byline(t, db, "feeds", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &fs); err != nil || len(fs) != 2 {
		t.Fatalf("feeds --json: %v %+v", err, r)
	}
	for _, k := range []string{"id", "url", "title", "unread", "total", "error"} {
		if _, ok := fs[0][k]; !ok {
			t.Errorf("feeds --json lacks %q: %v", k, fs[0])
		}
	}

	r = byline(t, db, "remove", srv.URL+"/tech.xml")
	if r.code != 0 {
		t.Fatalf("remove: %+v", r)
	}
	if r := byline(t, db, "list", "--json"); strings.Count(r.stdout, `"id"`) != 3 {
		t.Fatalf("removing a feed removes its articles: %s", r.stdout)
	}
}

func TestRefreshReportsFailedFeeds(t *testing.T) {
	srv, _ := newsServer(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	urls := filepath.Join(dir, "urls")
	os.WriteFile(urls, []byte(srv.URL+"/world.xml news\n"+srv.URL+"/broken.xml\n"+srv.URL+"/gone.xml\n"), 0o644)
	if r := byline(t, db, "import", urls); r.code != 0 || !strings.Contains(r.stdout, "3 new") {
		t.Fatalf("import: %+v", r)
	}
	r := byline(t, db, "refresh")
	if r.code != 0 {
		t.Fatalf("refresh with one good feed must succeed: %+v", r)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	for _, want := range []string{"; 2 failed: ", "1 HTTP 404 Not Found (" + host + ")", "1 parse error"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("summary lacks %q: %s", want, r.stdout)
		}
	}
	r = byline(t, db, "feeds")
	if !strings.Contains(r.stdout, "HTTP 404") {
		t.Errorf("feeds should show the stored error: %s", r.stdout)
	}

	// Every feed failing is a failure.
	db2 := filepath.Join(dir, "c.db")
	byline(t, db2, "add", srv.URL+"/tech.xml")
	srv.Close()
	if r := byline(t, db2, "refresh"); r.code != 1 || !strings.Contains(r.stderr, "every feed failed") {
		t.Fatalf("all failing: %+v", r)
	}
}

func TestImportExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	opml := filepath.Join(dir, "in.opml")
	os.WriteFile(opml, []byte(`<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="News"><outline text="World" type="rss" xmlUrl="https://example.org/world.xml"/></outline>
<outline text="Blog" type="rss" xmlUrl="https://blog.example.net/feed"/></body></opml>`), 0o644)
	if r := byline(t, db, "import", opml); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	r := byline(t, db, "export")
	if r.code != 0 || !strings.Contains(r.stdout, `xmlUrl="https://example.org/world.xml"`) || !strings.Contains(r.stdout, `text="News"`) {
		t.Fatalf("export: %+v", r)
	}
	again := filepath.Join(dir, "out.opml")
	os.WriteFile(again, []byte(r.stdout), 0o644)
	if r := byline(t, filepath.Join(dir, "c.db"), "import", again); r.code != 0 || !strings.Contains(r.stdout, "2 new") {
		t.Fatalf("re-import of export: %+v", r)
	}
}

func TestBadInputExitsTwo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	bad := filepath.Join(dir, "bad.opml")
	os.WriteFile(bad, []byte("<opml><body><outline xmlUrl=\"https://a.example/x\">\n<outline"), 0o644)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"add", "not a url"}, "not a URL"},
		{[]string{"add", "javascript:alert(1)"}, "not an http"},
		{[]string{"add"}, "needs at least one"},
		{[]string{"import", filepath.Join(dir, "missing.opml")}, "no such file"},
		{[]string{"import", bad}, "bad.opml"},
		{[]string{"remove", "https://nowhere.example/feed"}, "not subscribed"},
		{[]string{"mark", "12"}, "needs --read"},
		{[]string{"mark", "abc", "--read"}, "not an article id"},
		{[]string{"mark", "999", "--read"}, "no article"},
		{[]string{"list", "--limit", "x"}, "invalid value"},
		{[]string{"frobnicate"}, "unknown command"},
		{[]string{"search"}, "needs words"},
	}
	for _, c := range cases {
		r := byline(t, db, c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%v: want exit 2 and one line with %q, got %d %q", c.args, c.want, r.code, r.stderr)
		}
	}
	if r := byline(t, db, "feeds"); !strings.Contains(r.stdout, "no subscriptions") {
		t.Errorf("nothing half-imported: %+v", r)
	}
}

func TestHelpAndVersion(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"--version"}, nil, &out, &errOut); code != 0 || !strings.HasPrefix(out.String(), "byline ") {
		t.Fatalf("--version: %d %q", code, out.String())
	}
	names := visibleCommands(newRoot(&env{}))
	for _, name := range names {
		out.Reset()
		if code := run(context.Background(), append(strings.Fields(name), "--help"), nil, &out, &errOut); code != 0 || !strings.Contains(out.String(), "byline "+name) {
			t.Errorf("%s --help: %d %q", name, code, out.String())
		}
	}
	out.Reset()
	run(context.Background(), []string{"--help"}, nil, &out, &errOut)
	for _, name := range names {
		if !strings.Contains(name, " ") && !strings.Contains(out.String(), "  "+name+" ") {
			t.Errorf("--help does not list %s", name)
		}
	}
}

func TestConfigErrorsNameTheLine(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	os.WriteFile(cfg, []byte("theme = \"dark\"\n\n[fetch]\nworkers = 8\nspeed = 3\n"), 0o644)
	var out, errOut bytes.Buffer
	code := run(context.Background(), []string{"--config", cfg, "--db", filepath.Join(dir, "b.db"), "feeds"}, nil, &out, &errOut)
	if code != 2 || !strings.Contains(errOut.String(), "line 5") || !strings.Contains(errOut.String(), "fetch.speed") {
		t.Fatalf("want exit 2 naming line 5 and fetch.speed, got %d %q", code, errOut.String())
	}
}

func TestDefaultDatabaseIsSeeded(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	t.Setenv("XDG_CONFIG_HOME", dir)
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"list", "--json"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("list on the default database: %d %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "Welcome to byline") {
		t.Errorf("the default database should hold the welcome article: %s", out.String())
	}
	out.Reset()
	run(context.Background(), []string{"feeds"}, nil, &out, &errOut)
	if strings.Count(out.String(), "https://") < 4 {
		t.Errorf("the default database should have default subscriptions: %s", out.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "byline", "byline.db")); err != nil {
		t.Errorf("default database not in XDG_DATA_HOME/byline: %v", err)
	}
}

// TestREADMEConfigExampleParses keeps the README's full configuration
// example true: it must be a configuration byline accepts.
func TestREADMEConfigExampleParses(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Skip("no README here")
	}
	section := string(data)
	i := strings.Index(section, "## Configuration")
	if i < 0 {
		t.Fatal("README has no Configuration section")
	}
	section = section[i:]
	start := strings.Index(section, "```toml\n")
	end := strings.Index(section[start+8:], "```")
	if start < 0 || end < 0 {
		t.Fatal("README's Configuration section has no toml example")
	}
	cfgPath := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(cfgPath, []byte(section[start+8:start+8+end]), 0o644)
	var out, errOut bytes.Buffer
	code := run(context.Background(), []string{"--config", cfgPath, "--db", filepath.Join(t.TempDir(), "b.db"), "feeds"}, nil, &out, &errOut)
	if code != 0 {
		t.Fatalf("README's configuration example is refused: %s", errOut.String())
	}
}
