//go:build unix

package library

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/byline-reader/byline/internal/miniflux"
)

// BenchmarkSyncMiniflux measures `byline sync`, the real program, against
// a real Miniflux on loopback holding 500 feeds × 50 items (BYLINE_BENCH_FEEDS
// changes the number of feeds): the first sync into an empty database
// (time and peak memory), a sync with nothing new, and one that sends
// 1,000 read marks. .ci/bench-sync runs it with a Miniflux of its own:
//
//	.ci/bench-sync
//
// Setting up (Miniflux fetching 500 feeds) takes a minute; it runs once.
func BenchmarkSyncMiniflux(b *testing.B) {
	feeds := 500
	if n, err := strconv.Atoi(os.Getenv("BYLINE_BENCH_FEEDS")); err == nil && n > 0 {
		feeds = n
	}
	u := miniflux.Start(b).NewUser(b)
	populate(b, u, feeds, 50)
	bin := buildByline(b)
	dir := b.TempDir()
	cfg, pw := filepath.Join(dir, "config.toml"), filepath.Join(dir, "pw")
	os.WriteFile(pw, []byte(u.Password), 0o600)
	os.WriteFile(cfg, fmt.Appendf(nil, "[accounts.mf]\ntype = \"greader\"\nurl = %q\nusername = %q\npassword_file = %q\n",
		u.GReaderURL, u.Name, pw), 0o600)
	for i := 0; i < b.N; i++ {
		db := filepath.Join(dir, fmt.Sprintf("b%d.db", i))
		byline := func(args ...string) (time.Duration, int64, string) {
			return runByline(b, bin, append([]string{"--db", db, "--config", cfg}, args...)...)
		}
		first, rss, out := byline("sync")
		if !strings.Contains(out, fmt.Sprintf("%d new", feeds*50)) {
			b.Fatalf("first sync: %s", out)
		}
		again, _, _ := byline("sync")
		_, _, list := byline("list", "--json", "--unread", "--limit", "1000")
		var arts []struct{ ID int64 }
		json.Unmarshal([]byte(list), &arts)
		ids := []string{"mark", "--read"}
		for _, a := range arts {
			ids = append(ids, strconv.FormatInt(a.ID, 10))
		}
		byline(ids...)
		push, _, out := byline("sync")
		if !strings.Contains(out, fmt.Sprintf("%d changes sent", len(arts))) {
			b.Fatalf("push: %s", out)
		}
		b.ReportMetric(first.Seconds(), "s/first-sync")
		b.ReportMetric(float64(rss)/1024, "MiB/first-sync")
		b.ReportMetric(again.Seconds(), "s/nothing-new")
		b.ReportMetric(push.Seconds(), "s/push-1000")
	}
}

// populate has Miniflux subscribe u to n feeds of items each, served on
// loopback, in ten folders; Miniflux fetches each as it is added.
func populate(b *testing.B, u miniflux.User, n, items int) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.Trim(r.URL.Path, "/")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench %s</title><link>http://%s/</link>`, name, r.Host)
		base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
		for i := range items {
			fmt.Fprintf(w, `<item><title>%s story %d</title><link>http://%s/%s/%d</link><guid>%s-%d</guid><pubDate>%s</pubDate><description>%s</description></item>`,
				name, i, r.Host, name, i, name, i, base.Add(time.Duration(i)*time.Hour).Format(time.RFC1123Z),
				strings.Repeat("A paragraph of the story, as a feed gives it. ", 40))
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	b.Cleanup(srv.Close)
	start := time.Now()
	for i := range min(n, 10) { // the folders first, one at a time
		u.AddFeed(b, fmt.Sprintf("%s/f%04d.xml", srv.URL, i), fmt.Sprintf("Folder %d", i))
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range 8 {
		wg.Go(func() {
			for i := range next {
				u.AddFeed(b, fmt.Sprintf("%s/f%04d.xml", srv.URL, i), fmt.Sprintf("Folder %d", i%10))
			}
		})
	}
	for i := 10; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	b.Logf("Miniflux fetched %d feeds × %d items in %v", n, items, time.Since(start).Round(time.Second))
}

func buildByline(b *testing.B) string {
	bin := filepath.Join(b.TempDir(), "byline")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/byline-reader/byline").CombinedOutput()
	if err != nil {
		b.Fatalf("build byline: %v\n%s", err, out)
	}
	return bin
}

// runByline runs the program and gives its wall time, its peak resident
// memory in KiB, and what it printed.
func runByline(b *testing.B, bin string, args ...string) (time.Duration, int64, string) {
	cmd := exec.Command(bin, args...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	took := time.Since(start)
	if err != nil {
		b.Fatalf("byline %s: %v\n%s", strings.Join(args[4:], " "), err, out)
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss)
	}
	return took, rss, string(out)
}
