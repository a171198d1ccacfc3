package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/internal/hostile"
	"github.com/byline-reader/byline/ui/jsonout"
)

// hostileConfig is a config file with a short whole-request timeout, so
// that the slow loris is cut off quickly.
func hostileConfig(t *testing.T) string {
	t.Helper()
	cfg := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(cfg, []byte("[fetch]\ntimeout = \"1500ms\"\n"), 0o644)
	return cfg
}

// runWith runs the command line in-process with the given config.
func runWith(t *testing.T, db, cfg string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	full := append([]string{"--db", db, "--config", cfg}, args...)
	code := run(context.Background(), full, strings.NewReader(""), &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

// assertClean fails when what a command printed could act on a terminal
// or holds a link a reader must never be handed.
func assertClean(t *testing.T, what string, r result) {
	t.Helper()
	for name, s := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
		if bad := hostile.Unsafe(s); bad != "" {
			t.Errorf("%s: %s: %s", what, name, bad)
		}
	}
	// stderr may quote a refused link; stdout never prints one.
	lower := strings.ToLower(r.stdout)
	for _, scheme := range []string{"javascript:", "file://", "data:text", "vbscript:", "exec:"} {
		if i := strings.Index(lower, scheme); i >= 0 {
			t.Errorf("%s: stdout holds %s: …%s…", what, scheme, r.stdout[max(i-40, 0):min(i+40, len(r.stdout))])
		}
	}
	if strings.Count(r.stderr, "\n") > 1 {
		t.Errorf("%s: stderr is more than one line: %q", what, r.stderr)
	}
}

// hostileDB is a database subscribed to every feed of a hostile server,
// through a urls file.
func hostileDB(t *testing.T, srv *hostile.Server, cfg string) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	var urls strings.Builder
	for _, f := range hostile.Feeds {
		fmt.Fprintln(&urls, srv.At(f.Path))
	}
	path := filepath.Join(dir, "urls")
	os.WriteFile(path, []byte(urls.String()), 0o644)
	if r := runWith(t, db, cfg, "import", path); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	return db
}

// TestHostileServerEndToEnd subscribes to every feed of the hostile
// server, refreshes, and runs every command that prints what strangers
// wrote: nothing they wrote reaches the terminal as a control sequence,
// no link but http(s) is printed, each limit is a per-feed error with a
// clear reason, and the refresh ends in bounded time and memory.
func TestHostileServerEndToEnd(t *testing.T) {
	srv := hostile.New(t)
	cfg := hostileConfig(t)
	db := hostileDB(t, srv, cfg)

	runtime.GC()
	stop := hostile.SampleMemory()
	start := time.Now()
	r := runWith(t, db, cfg, "refresh")
	elapsed, peak := time.Since(start), stop()
	t.Logf("refresh: %v, peak Sys %.0f MiB, peak heap %.0f MiB\n%s", elapsed.Round(time.Millisecond), hostile.MiB(peak.Sys), hostile.MiB(peak.HeapAlloc), r.stdout)
	assertClean(t, "refresh", r)
	if r.code != 0 {
		t.Fatalf("refresh with readable feeds must succeed: %+v", r)
	}
	// The summary counts the failures by cause; `feeds` gives each one.
	var stored []jsonout.Feed
	json.Unmarshal([]byte(runWith(t, db, cfg, "feeds", "--json").stdout), &stored)
	failed := map[string]string{}
	for _, f := range stored {
		if f.Error != nil {
			failed[strings.TrimPrefix(f.URL, srv.URL)] = *f.Error
		}
	}
	if want := fmt.Sprintf("; %d failed: ", len(failed)); !strings.Contains(r.stdout, want) {
		t.Errorf("the summary does not say %q: %s", want, r.stdout)
	}
	for _, f := range hostile.Feeds {
		if f.Err != "" && !strings.Contains(failed[f.Path], f.Err) {
			t.Errorf("feeds does not say %s failed with %q: %q", f.Path, f.Err, failed[f.Path])
		}
		if f.Err == "" && failed[f.Path] != "" {
			t.Errorf("%s (%s) failed: %s", f.Path, f.Attack, failed[f.Path])
		}
	}
	if elapsed > 15*time.Second {
		t.Errorf("refresh took %v", elapsed)
	}
	// The live heap, not Sys: Sys keeps what earlier tests in this process
	// (and the in-process hostile server's payloads) ever reserved.
	if peak.HeapAlloc > 200<<20 {
		t.Errorf("peak heap %.0f MiB, want under 200 MiB", hostile.MiB(peak.HeapAlloc))
	}

	// Subscriptions: the feeds' titles and errors, clean.
	for _, args := range [][]string{{"feeds"}, {"feeds", "--json"}, {"export"}} {
		r := runWith(t, db, cfg, args...)
		assertClean(t, strings.Join(args, " "), r)
		if r.code != 0 {
			t.Errorf("%v: %+v", args, r)
		}
	}
	var fs []jsonout.Feed
	json.Unmarshal([]byte(runWith(t, db, cfg, "feeds", "--json").stdout), &fs)
	counts := map[string]int{}
	for _, f := range fs {
		counts[strings.TrimPrefix(f.URL, srv.URL)] = f.Total
	}
	for path, want := range map[string]int{"/many.xml": 2000, "/same-guid.xml": 1, "/huge-title.xml": 1} {
		if counts[path] != want {
			t.Errorf("%s: %d articles stored, want %d", path, counts[path], want)
		}
	}

	// Headlines and search.
	for _, args := range [][]string{{"list", "--limit", "0"}, {"list", "--json", "--limit", "0"},
		{"search", "council"}, {"search", "--json", "mallory"}, {"search", "--json", "ESC [2J"}} {
		r := runWith(t, db, cfg, args...)
		assertClean(t, strings.Join(args, " "), r)
		if r.code != 0 {
			t.Errorf("%v: %+v", args, r)
		}
	}

	// Every article of the feeds that carry payloads, read every way.
	var quoted string
	for _, path := range []string{"/entities.xml", "/cdata.xml", "/atom.xml", "/feed.json", "/huge-title.xml", "/nul.xml", "/laughs.xml"} {
		var arts []jsonout.Article
		r := runWith(t, db, cfg, "list", "--json", "--limit", "0", "--feed", srv.At(path))
		if err := json.Unmarshal([]byte(r.stdout), &arts); err != nil || len(arts) == 0 {
			t.Errorf("%s: no articles stored: %v %+v", path, err, r)
			continue
		}
		for _, a := range arts {
			if a.URL != "" && !strings.HasPrefix(a.URL, "http://") && !strings.HasPrefix(a.URL, "https://") {
				t.Errorf("%s: article %d links to %q", path, a.ID, a.URL)
			}
			id := fmt.Sprint(a.ID)
			for _, args := range [][]string{{"read", id, "--plain"}, {"read", id, "--markdown"}, {"read", id, "--json"},
				{"quotes", id}, {"quotes", id, "--json"}, {"share", id}, {"share", id, "--quote", "1"}} {
				r := runWith(t, db, cfg, args...)
				assertClean(t, path+" "+strings.Join(args, " "), r)
				if args[0] == "quotes" && r.code == 0 && quoted == "" && strings.Contains(r.stdout, "Mallory") {
					quoted = id
				}
			}
		}
	}

	// Highlights of hostile quotes.
	if quoted == "" {
		t.Fatal("no hostile article had a quote to highlight")
	}
	if r := runWith(t, db, cfg, "highlight", quoted, "--quote", "1"); r.code != 0 {
		t.Errorf("highlight: %+v", r)
	}
	for _, args := range [][]string{{"highlights"}, {"highlights", "--json"}, {"highlights", "--markdown"}} {
		r := runWith(t, db, cfg, args...)
		assertClean(t, strings.Join(args, " "), r)
		if r.code != 0 || strings.Contains(r.stdout, "no highlights") {
			t.Errorf("%v: %+v", args, r)
		}
	}
}

// TestHostileSiteAndURLs: a site that advertises javascript:, file: and
// exec: feeds subscribes to none of them, and URLs given on the command
// line are taken only when they are http(s).
func TestHostileSiteAndURLs(t *testing.T) {
	srv := hostile.New(t)
	cfg := hostileConfig(t)
	db := filepath.Join(t.TempDir(), "b.db")
	// Discovery finds none of the advertised feeds; it may then find the
	// server's /atom.xml by guessing, which is a web feed.
	r := runWith(t, db, cfg, "add", srv.At("/site/"))
	assertClean(t, "add site", r)
	if r.code == 0 && !strings.Contains(r.stdout, "subscribed: "+srv.URL+"/") {
		t.Errorf("add site: %+v", r)
	}
	runWith(t, db, cfg, "remove", srv.At("/atom.xml"))
	for _, u := range append(append([]string{}, hostile.BadLinks...), "file:///etc/passwd", "exec:touch x", "|touch x", "$(touch x)") {
		r := runWith(t, db, cfg, "add", u)
		if r.code != 2 {
			t.Errorf("add %q: want exit 2, got %+v", u, r)
		}
		if bad := hostile.Unsafe(r.stderr); bad != "" {
			t.Errorf("add %q: %s", u, bad)
		}
	}
	if r := runWith(t, db, cfg, "feeds", "--json"); strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("something was subscribed: %s", r.stdout)
	}
}

// TestImportNeverRunsCommands imports OPML and urls files whose entries
// are commands (newsboat's exec: and filter:, a pipe, shell substitutions):
// the import refuses the file, runs nothing and subscribes to nothing.
func TestImportNeverRunsCommands(t *testing.T) {
	dir := t.TempDir()
	canary := filepath.Join(dir, "pwned")
	db := filepath.Join(dir, "b.db")
	cfg := hostileConfig(t)
	cmds := []string{
		"exec:touch " + canary,
		"EXEC:touch " + canary,
		"filter:touch " + canary + ":https://example.org/feed",
		"|touch " + canary,
		"$(touch " + canary + ")",
		"`touch " + canary + "`",
		"https://example.org/feed;touch " + canary,
		"https://example.org/$(touch " + canary + ")",
		"\"query:unread:unread = \\\"yes\\\"\"",
		"https://example.org/\x1b]52;c;eA==\x07",
	}
	for i, c := range cmds {
		urls := filepath.Join(dir, fmt.Sprintf("urls%d", i))
		os.WriteFile(urls, []byte("https://ok.example/feed\n"+c+"\n"), 0o644)
		opml := filepath.Join(dir, fmt.Sprintf("in%d.opml", i))
		os.WriteFile(opml, []byte(`<?xml version="1.0"?><opml version="2.0"><body><outline text="ok" xmlUrl="https://ok.example/feed"/><outline text="x" type="rss" xmlUrl="`+
			strings.NewReplacer("&", "&amp;", `"`, "&quot;", "<", "&lt;", "\x1b", "&#27;", "\x07", "").Replace(c)+`"/></body></opml>`), 0o644)
		for _, file := range []string{urls, opml} {
			r := runWith(t, db, cfg, "import", file)
			assertClean(t, "import "+c, r)
		}
	}
	// A URL with shell characters is a URL: it may be taken, as long as
	// nothing runs it. Nothing else may be.
	var fs []jsonout.Feed
	json.Unmarshal([]byte(runWith(t, db, cfg, "feeds", "--json").stdout), &fs)
	for _, f := range fs {
		if !strings.HasPrefix(f.URL, "https://ok.example/") && !strings.HasPrefix(f.URL, "https://example.org/") {
			t.Errorf("subscribed to %q", f.URL)
		}
	}
	if _, err := os.Stat(canary); err == nil {
		t.Fatal("an imported entry ran a command")
	}
}
