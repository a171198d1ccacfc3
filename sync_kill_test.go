package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/internal/miniflux"
	"github.com/byline-reader/byline/store"
	"github.com/byline-reader/byline/ui/jsonout"
)

// slowFeed serves one feed of n items on loopback, for Miniflux.
func slowFeed(t *testing.T, n int) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Kill</title><link>http://%s/</link>`, r.Host)
		for i := range n {
			fmt.Fprintf(w, `<item><title>Kill %d</title><link>http://%s/%d</link><guid>k%d</guid><description>%s</description></item>`,
				i, r.Host, i, i, strings.Repeat("Words of the story. ", 200))
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/kill.xml"
}

// TestSyncKilled SIGKILLs `byline sync` at random moments, with local
// changes made between the kills: the database stays intact, no article
// is stored twice, and the sync after the last kill leaves Miniflux and
// byline agreeing, every change made here included.
func TestSyncKilled(t *testing.T) {
	if testing.Short() || runtime.GOOS == "windows" {
		t.Skip("kills child processes")
	}
	u := miniflux.Start(t).NewUser(t)
	const items = 400
	u.AddFeed(t, slowFeed(t, items), "Kill")
	dir := t.TempDir()
	db, cfg, pw := filepath.Join(dir, "b.db"), filepath.Join(dir, "config.toml"), filepath.Join(dir, "pw")
	os.WriteFile(pw, []byte(u.Password), 0o600)
	os.WriteFile(cfg, fmt.Appendf(nil, "[accounts.mf]\ntype = \"greader\"\nurl = %q\nusername = %q\npassword_file = %q\n",
		u.GReaderURL, u.Name, pw), 0o600)

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 11))
	want := map[int64]bool{} // article id → read, as last changed here
	for round := range 8 {
		delay := time.Duration(20+rng.IntN(400)) * time.Millisecond
		killAfter(t, db, cfg, "sync", delay)
		checkIntact(t, db, round, delay)
		// Change some of what is here between kills.
		var arts []jsonout.Article
		json.Unmarshal([]byte(runWith(t, db, cfg, "list", "--json", "--limit", "0").stdout), &arts)
		for range min(len(arts), 5) {
			a := arts[rng.IntN(len(arts))]
			flag := "--read"
			if a.Read {
				flag = "--unread"
			}
			if r := runWith(t, db, cfg, "mark", fmt.Sprint(a.ID), flag); r.code != 0 {
				t.Fatalf("mark: %+v", r)
			}
			want[a.ID] = !a.Read
		}
	}
	if r := runWith(t, db, cfg, "sync"); r.code != 0 {
		t.Fatalf("sync after the kills: %+v", r)
	}
	var arts []jsonout.Article
	json.Unmarshal([]byte(runWith(t, db, cfg, "list", "--json", "--limit", "0").stdout), &arts)
	if len(arts) != items {
		t.Errorf("%d articles here, want %d, each once", len(arts), items)
	}
	here := map[string]jsonout.Article{}
	for _, a := range arts {
		here[a.Title] = a
		if w, ok := want[a.ID]; ok && w != a.Read {
			t.Errorf("%q: the change made here (read=%v) was lost", a.Title, w)
		}
	}
	for _, e := range u.Entries(t) {
		if a := here[e.Title]; a.Read != (e.Status == "read") {
			t.Errorf("%q: here read=%v, Miniflux %s", e.Title, a.Read, e.Status)
		}
	}
}

func checkIntact(t *testing.T, db string, round int, delay time.Duration) {
	t.Helper()
	if _, err := os.Stat(db); err != nil {
		return // killed before the database was made
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatalf("round %d (killed after %v): open: %v", round, delay, err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(context.Background()); err != nil {
		t.Fatalf("round %d (killed after %v): %v", round, delay, err)
	}
	t.Logf("round %d: killed after %v, database intact", round, delay)
}
