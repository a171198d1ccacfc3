package library

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/byline-reader/byline/model"
)

// logBuffer is a log that tests read: JSON records, every level.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) logger() *slog.Logger {
	return slog.New(slog.NewJSONHandler(b, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// records are the records whose msg is msg.
func (b *logBuffer) records(t *testing.T, msg string) []map[string]any {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []map[string]any
	for line := range strings.Lines(b.buf.String()) {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("not a JSON record: %q", line)
		}
		if rec["msg"] == msg {
			out = append(out, rec)
		}
	}
	return out
}

func TestRefreshAndOpeningLogged(t *testing.T) {
	srv, _ := articleServer(t)
	var log logBuffer
	ctx := context.Background()
	l, err := Open(ctx, filepath.Join(t.TempDir(), "b.db"), Options{Logger: log.logger()})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if _, err := l.Add(ctx, srv.URL+"/feed.xml"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Refresh(ctx, Progress{}); err != nil {
		t.Fatal(err)
	}
	if recs := log.records(t, "open database"); len(recs) != 1 || recs[0]["migrated_from"] != 0.0 {
		t.Errorf("the database's opening: %v", recs)
	}
	feeds := log.records(t, "fetch feed")
	if len(feeds) == 0 || feeds[len(feeds)-1]["items"] != 3.0 {
		t.Errorf("the feed's fetch: %v", feeds)
	}
	refresh := log.records(t, "refresh")
	if len(refresh) != 1 || refresh[0]["feeds"] != 1.0 || refresh[0]["ok"] != 1.0 || refresh[0]["new"] != 3.0 ||
		refresh[0]["cancelled"] != false || refresh[0]["took"] == nil {
		t.Errorf("the refresh's totals: %v", refresh)
	}
	arts, err := l.Articles(ctx, model.ArticleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"Harbor reopens", "Gone", "Bike lanes"} {
		if _, err := l.OpenArticle(ctx, byTitle(arts, title)); err != nil {
			t.Fatal(err)
		}
	}
	texts := log.records(t, "article text")
	if len(texts) != 3 {
		t.Fatalf("want a record per article opened, got %v", texts)
	}
	want := map[string][2]string{ // title's source, and a word of why
		"Harbor reopens": {"page", ""},
		"Gone":           {"feed-fallback", "404"},
		"Bike lanes":     {"feed", "whole text"},
	}
	for _, rec := range texts {
		var title string
		for _, a := range arts {
			if float64(a.ID) == rec["article"] {
				title = a.Title
			}
		}
		w := want[title]
		why, _ := rec["why"].(string)
		if rec["source"] != w[0] || !strings.Contains(why, w[1]) || (w[1] == "") != (why == "") {
			t.Errorf("%s: %v, want source %s, why with %q", title, rec, w[0], w[1])
		}
	}
	if ex := log.records(t, "extract article"); len(ex) != 1 || ex[0]["words"].(float64) < 40 {
		t.Errorf("the extraction: %v", ex)
	}
	if pages := log.records(t, "fetch page"); len(pages) != 2 {
		t.Errorf("want two page fetches (one 404), got %v", pages)
	}
}

func TestSyncLogged(t *testing.T) {
	srv := badServer{contents: twoItems}.serve(t)
	var log logBuffer
	dir := t.TempDir()
	pw := filepath.Join(dir, "pw")
	if err := os.WriteFile(pw, []byte("secret-password\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := Open(context.Background(), filepath.Join(dir, "b.db"), Options{Logger: log.logger(),
		Accounts: map[string]model.AccountConfig{"fake": {Type: "greader", URL: srv.URL, Username: "u", PasswordFile: pw}}})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if _, err := l.Sync(context.Background(), nil, nil); err != nil {
		t.Fatal(err)
	}
	recs := log.records(t, "sync")
	if len(recs) != 1 {
		t.Fatalf("want one record of the sync, got %v", recs)
	}
	r := recs[0]
	if r["account"] != "fake" || r["new"] != 1.0 || r["orphans"] != 1.0 || r["feeds_added"] != 1.0 ||
		r["level"] != "INFO" || r["server"] != srv.URL {
		t.Errorf("the sync's record: %v", r)
	}
	if calls := log.records(t, "sync request"); len(calls) < 4 {
		t.Errorf("want the server's calls at Debug, got %v", calls)
	}
	for _, secret := range []string{"secret-password", "tok-123456789"} {
		if strings.Contains(log.buf.String(), secret) {
			t.Errorf("the log holds %q", secret)
		}
	}
	// A sync that fails is a warning with its error.
	bad := fakeAccountLibrary(t, srv.URL+"/nothing-here")
	bad.log = log.logger()
	_, _ = bad.Sync(context.Background(), nil, nil)
	recs = log.records(t, "sync")
	if len(recs) != 2 || recs[1]["level"] != "WARN" || recs[1]["error"] == nil {
		t.Errorf("a failed sync's record: %v", recs)
	}
}

// TestNoLoggerWritesNothing: without a Logger the library runs as ever
// (and writes nowhere: there is nowhere to write).
func TestNoLoggerWritesNothing(t *testing.T) {
	l := open(t, false)
	if l.log == nil || l.log.Enabled(context.Background(), slog.LevelError) {
		t.Error("a library without a Logger has a logger that writes")
	}
}
