package feeds

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
)

// logRecords reads the JSON records a test's logger wrote.
func logRecords(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	var out []map[string]any
	for line := range strings.Lines(buf.String()) {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("not a JSON record: %q", line)
		}
		out = append(out, rec)
	}
	return out
}

func loggingClient(buf *bytes.Buffer, level slog.Level) *Client {
	h := slog.NewJSONHandler(buf, &slog.HandlerOptions{Level: level})
	return NewClient(Options{UserAgent: "byline-test/1", Logger: slog.New(h)})
}

func TestFeedFetchLogged(t *testing.T) {
	feed := readFixture(t, "rss20.xml")
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/gone":
			http.Error(w, "gone", http.StatusGone)
		case r.Header.Get("If-None-Match") == `"v1"`:
			w.WriteHeader(http.StatusNotModified)
		default:
			w.Header().Set("ETag", `"v1"`)
			w.Write(feed)
		}
	})
	var buf bytes.Buffer
	c := loggingClient(&buf, slog.LevelInfo)
	ctx := context.Background()
	first := c.FetchFeed(ctx, model.Feed{ID: 7, URL: srv.URL + "/feed"})
	c.FetchFeed(ctx, model.Feed{ID: 7, URL: srv.URL + "/feed", ETag: first.ETag})
	c.FetchFeed(ctx, model.Feed{ID: 8, URL: srv.URL + "/gone"})
	recs := logRecords(t, &buf)
	if len(recs) != 3 {
		t.Fatalf("want a record per fetch, got %d:\n%s", len(recs), buf.String())
	}
	full, cond, gone := recs[0], recs[1], recs[2]
	if full["msg"] != "fetch feed" || full["level"] != "INFO" || full["status"] != 200.0 ||
		full["bytes"] != float64(len(feed)) || full["items"] != 4.0 || full["conditional"] != false ||
		full["feed"] != 7.0 || full["url"] != srv.URL+"/feed" {
		t.Errorf("the full fetch's record: %v", full)
	}
	if _, ok := full["took"]; !ok {
		t.Errorf("no duration: %v", full)
	}
	if cond["status"] != 304.0 || cond["conditional"] != true || cond["not_modified"] != true || cond["bytes"] != 0.0 {
		t.Errorf("the 304's record: %v", cond)
	}
	if gone["level"] != "WARN" || gone["status"] != 410.0 || !strings.Contains(gone["error"].(string), "410") {
		t.Errorf("the failure's record: %v", gone)
	}
}

func TestPageAndExtractionLogged(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/empty" {
			w.Write([]byte("<html><body></body></html>"))
			return
		}
		w.Write([]byte(`<html><head><title>Harbor</title></head><body><article><h1>Harbor</h1>` +
			strings.Repeat("<p>The harbor reopened to traffic on Thursday after three weeks of repairs.</p>", 5) +
			`</article></body></html>`))
	})
	var buf bytes.Buffer
	c := loggingClient(&buf, slog.LevelInfo)
	if _, err := c.FetchArticle(context.Background(), srv.URL+"/story"); err != nil {
		t.Fatal(err)
	}
	_, _ = c.FetchArticle(context.Background(), srv.URL+"/empty")
	recs := logRecords(t, &buf)
	if len(recs) != 4 {
		t.Fatalf("want a fetch and an extraction for each page, got:\n%s", buf.String())
	}
	page, ex, bad := recs[0], recs[1], recs[3]
	if page["msg"] != "fetch page" || page["status"] != 200.0 || page["type"] != "text/html" || page["bytes"].(float64) < 100 {
		t.Errorf("the page's record: %v", page)
	}
	if ex["msg"] != "extract article" || ex["words"].(float64) < 50 || ex["extractor"] == "" {
		t.Errorf("the extraction's record: %v", ex)
	}
	if bad["msg"] != "extract article" || bad["level"] != "WARN" || bad["error"] == nil {
		t.Errorf("a failed extraction's record: %v", bad)
	}
}

func TestDiscoveryMissesAreDebug(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	var info, debug bytes.Buffer
	_, _ = loggingClient(&info, slog.LevelInfo).Discover(context.Background(), srv.URL)
	_, _ = loggingClient(&debug, slog.LevelDebug).Discover(context.Background(), srv.URL)
	if info.Len() != 0 {
		t.Errorf("discovery's misses logged at Info: %s", info.String())
	}
	if !strings.Contains(debug.String(), `"msg":"discover"`) {
		t.Errorf("discovery not logged at Debug: %s", debug.String())
	}
}

func TestLogURLHidesSecrets(t *testing.T) {
	tests := map[string]string{
		"https://example.com/feed?tag=go":                   "https://example.com/feed?tag=go",
		"https://u:hunter2@example.com/feed":                "https://u:REDACTED@example.com/feed",
		"https://example.com/feed?api_key=abc&tag=go":       "https://example.com/feed?api_key=REDACTED&tag=go",
		"https://example.com/rss?access_token=s3cr3t&x=%20": "https://example.com/rss?access_token=REDACTED&x=%20",
		"https://example.com/rss?x=1&token=a;b":             "https://example.com/rss?x=1&token=REDACTED",
		"not a url\x7f":                                     "not a url\x7f",
	}
	for in, want := range tests {
		if got := LogURL(in); got != want {
			t.Errorf("LogURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzLogURL: any address, never a panic, and a password or a secret
// query value never comes out.
func FuzzLogURL(f *testing.F) {
	f.Add("https://u:hunter2@example.com/feed?token=abc&tag=go")
	f.Add("http://example.com/?KEY=1&key=2")
	f.Add("%zz://\x00")
	f.Fuzz(func(t *testing.T, raw string) {
		got := LogURL(raw)
		u, err := url.Parse(raw)
		if err != nil {
			if got != raw {
				t.Errorf("LogURL(%q) = %q, want it as it was", raw, got)
			}
			return
		}
		if pw, ok := u.User.Password(); ok && pw != "REDACTED" && len(pw) > 3 && strings.Contains(got, ":"+pw+"@") {
			t.Errorf("LogURL(%q) = %q shows the password", raw, got)
		}
		if g, err := url.Parse(got); err == nil && g.RawQuery != "" {
			for p := range strings.SplitSeq(g.RawQuery, "&") {
				k, v, _ := strings.Cut(p, "=")
				if name, _ := url.QueryUnescape(k); secretName(name) && v != "REDACTED" {
					t.Errorf("LogURL(%q) = %q shows %s", raw, got, k)
				}
			}
		}
	})
}
