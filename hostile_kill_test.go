package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/internal/hostile"
	"github.com/byline-reader/byline/store"
	"github.com/byline-reader/byline/ui/jsonout"
)

// childEnv names "DB\nCONFIG\nCOMMAND" for TestHelperChild.
const childEnv = "BYLINE_CHILD"

// TestHelperChild is not a test: run by the kill tests in a child
// process, it runs one byline command until it ends or is killed.
func TestHelperChild(t *testing.T) {
	v := os.Getenv(childEnv)
	if v == "" {
		t.Skip("runs only as the child of a kill test")
	}
	parts := strings.SplitN(v, "\n", 3)
	os.Exit(run(context.Background(), []string{"--db", parts[0], "--config", parts[1], parts[2]}, nil, os.Stdout, os.Stderr))
}

// killAfter runs `byline COMMAND` on db in a child process and SIGKILLs it
// after delay (or lets it end first).
func killAfter(t *testing.T, db, cfg, command string, delay time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+db+"\n"+cfg+"\n"+command)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(delay)
	cmd.Process.Kill()
	cmd.Wait()
}

// TestRefreshKilled SIGKILLs `byline refresh` at random moments while it
// writes the hostile server's feeds (one of them 2000 new items each
// time): the database passes PRAGMA integrity_check every time, and the
// read and star states and the highlight set before are all still there.
func TestRefreshKilled(t *testing.T) {
	if testing.Short() || runtime.GOOS == "windows" {
		t.Skip("kills child processes")
	}
	srv := hostile.New(t)
	cfg := hostileConfig(t)
	db := filepath.Join(t.TempDir(), "b.db")
	var urls strings.Builder
	for _, p := range []string{"/fresh.xml", "/entities.xml", "/feed.json", "/many.xml", "/slow.xml", "/bomb.xml"} {
		fmt.Fprintln(&urls, srv.At(p))
	}
	list := filepath.Join(t.TempDir(), "urls")
	os.WriteFile(list, []byte(urls.String()), 0o644)
	if r := runWith(t, db, cfg, "import", list); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	if r := runWith(t, db, cfg, "refresh"); r.code != 0 {
		t.Fatalf("refresh: %+v", r)
	}

	// State set headless before the kills.
	var arts []jsonout.Article
	json.Unmarshal([]byte(runWith(t, db, cfg, "list", "--json", "--limit", "0", "--feed", srv.At("/feed.json")).stdout), &arts)
	if len(arts) < 4 {
		t.Fatalf("too few articles: %d", len(arts))
	}
	read, starred := fmt.Sprint(arts[0].ID), fmt.Sprint(arts[1].ID)
	if r := runWith(t, db, cfg, "mark", read, "--read"); r.code != 0 {
		t.Fatalf("mark: %+v", r)
	}
	if r := runWith(t, db, cfg, "mark", starred, "--star"); r.code != 0 {
		t.Fatalf("mark: %+v", r)
	}
	var hl string
	for _, a := range arts[2:] {
		if r := runWith(t, db, cfg, "highlight", fmt.Sprint(a.ID), "--quote", "1"); r.code == 0 {
			hl = fmt.Sprint(a.ID)
			break
		}
	}
	if hl == "" {
		t.Fatal("no article could be highlighted")
	}

	rnd := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	for round := range 5 {
		delay := time.Duration(100+rnd.IntN(900)) * time.Millisecond
		killAfter(t, db, cfg, "refresh", delay)

		s, err := store.Open(db)
		if err != nil {
			t.Fatalf("round %d (killed after %v): open: %v", round, delay, err)
		}
		err = s.IntegrityCheck(context.Background())
		s.Close()
		if err != nil {
			t.Fatalf("round %d (killed after %v): %v", round, delay, err)
		}
		t.Logf("round %d: killed after %v, database intact", round, delay)
	}

	var after []jsonout.Article
	json.Unmarshal([]byte(runWith(t, db, cfg, "list", "--json", "--limit", "0", "--feed", srv.At("/feed.json")).stdout), &after)
	state := map[string]jsonout.Article{}
	for _, a := range after {
		state[fmt.Sprint(a.ID)] = a
	}
	if !state[read].Read || !state[starred].Starred {
		t.Errorf("marks lost: read %+v, starred %+v", state[read], state[starred])
	}
	if r := runWith(t, db, cfg, "highlights", "--json"); !strings.Contains(r.stdout, `"article_id": `+hl) {
		t.Errorf("highlight lost: %s", r.stdout)
	}
	if r := runWith(t, db, cfg, "refresh"); r.code != 0 {
		t.Errorf("refresh after the kills: %+v", r)
	}
}
