package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

// killDBEnv names the database TestHelperProcess writes to until killed.
const killDBEnv = "BYLINE_KILL_TEST_DB"

// TestHelperProcess is not a test: run by TestKilledWhileWriting in a
// child process, it writes to the database named by $BYLINE_KILL_TEST_DB
// until it is killed, and prints one line on stdout after each commit of a
// highlight ("highlight ID ARTICLE TEXT") or a mark ("mark ARTICLE"), so
// the parent knows what must have survived.
func TestHelperProcess(t *testing.T) {
	path := os.Getenv(killDBEnv)
	if path == "" {
		t.Skip("runs only as the child of TestKilledWhileWriting")
	}
	if err := writeUntilKilled(path, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(3)
	}
	os.Exit(0)
}

func writeUntilKilled(path string, out io.Writer) error {
	ctx := context.Background()
	s, err := Open(path)
	if err != nil {
		return err
	}
	f, err := s.AddFeed(ctx, model.Feed{URL: "https://big.example/feed", Title: "Big"})
	if err != nil && !errors.Is(err, ErrExists) {
		return err
	}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 9))
	for round := 0; ; round++ {
		arts := feedItems(r, 0, round*100, 100)
		if _, err := s.SaveFetch(ctx, model.FetchResult{Feed: f, Articles: arts}, t0); err != nil {
			return err
		}
		page, err := s.Articles(ctx, model.ArticleQuery{FeedID: f.ID, Limit: 3})
		if err != nil {
			return err
		}
		for i, a := range page {
			text := fmt.Sprintf("words %d of round %d of process %d", i, round, os.Getpid())
			h, err := s.AddHighlight(ctx, model.Highlight{ArticleID: a.ID, Text: text, Start: i, End: i + len(text)})
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "highlight %d %d %s\n", h.ID, a.ID, text)
			t, tr := true, true
			if _, err := s.Mark(ctx, []int64{a.ID}, &t, &tr); err != nil {
				return err
			}
			fmt.Fprintf(out, "mark %d\n", a.ID)
		}
		if round%3 == 0 {
			if _, err := s.IndexPending(ctx); err != nil {
				return err
			}
		}
		if round == 0 {
			fmt.Fprintln(out, "ready")
		}
	}
}

// TestKilledWhileWriting kills a process that is writing to the database
// (a refresh's SaveFetch, highlights, marks, indexing) at random moments;
// each time the file must pass the integrity check and hold every
// highlight and mark the process had committed.
func TestKilledWhileWriting(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no SIGKILL")
	}
	path := filepath.Join(t.TempDir(), "byline.db")
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 11))
	committed := map[string]bool{}
	for round := range 5 {
		delay := time.Duration(r.IntN(400)) * time.Millisecond
		lines := killChildAfter(t, path, delay)
		for _, l := range lines {
			committed[l] = true
		}
		s, err := Open(path)
		if err != nil {
			t.Fatalf("round %d (killed %v after ready): open after kill: %v", round, delay, err)
		}
		if err := s.IntegrityCheck(context.Background()); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		checkCommitted(t, s, committed)
		s.Close()
		t.Logf("round %d: killed %v after ready, %d commits reported in all", round, delay, len(committed))
	}
	if len(committed) == 0 {
		t.Fatal("the child committed nothing")
	}
}

// killChildAfter starts the helper on path, waits until it is ready, lets
// it write for delay, SIGKILLs it and gives the lines it printed.
func killChildAfter(t *testing.T, path string, delay time.Duration) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), killDBEnv+"="+path)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1024)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var got []string
	timeout := time.After(30 * time.Second)
	for ready := false; !ready; {
		select {
		case l, ok := <-lines:
			if !ok {
				cmd.Wait()
				t.Fatalf("the child ended before it was ready: %s", stderr.String())
			}
			ready = l == "ready"
			got = append(got, l)
		case <-timeout:
			cmd.Process.Kill()
			t.Fatal("the child never became ready")
		}
	}
	time.Sleep(delay)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	for l := range lines {
		got = append(got, l)
	}
	cmd.Wait()
	return got
}

// checkCommitted finds every highlight and mark the children reported.
func checkCommitted(t *testing.T, s *Store, committed map[string]bool) {
	t.Helper()
	ctx := context.Background()
	hs, err := s.Highlights(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, h := range hs {
		have[fmt.Sprintf("highlight %d %d %s", h.ID, h.ArticleID, h.Text)] = true
	}
	for l := range committed {
		var id int64
		switch {
		case strings.HasPrefix(l, "highlight "):
			if !have[l] {
				t.Errorf("lost a committed highlight: %s", l)
			}
		case strings.HasPrefix(l, "mark "):
			fmt.Sscan(strings.TrimPrefix(l, "mark "), &id)
			a, err := s.Article(ctx, id)
			if err != nil || !a.Read || !a.Starred {
				t.Errorf("lost a committed mark of article %d: read %v starred %v, %v", id, a.Read, a.Starred, err)
			}
		}
	}
}
