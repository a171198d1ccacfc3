package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/feeds"
	"github.com/byline-reader/byline/ui/jsonout"
)

// podcastFeedServer serves a podcast's feed of one episode, its audio
// (with ranges) and, for a second item, a file that is gone.
func podcastFeedServer(t *testing.T, audio []byte) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/pod.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Pod</title>
<item><title>Episode one</title><guid>ep1</guid><description>Notes.</description><pubDate>Fri, 21 Jun 2024 10:00:00 GMT</pubDate>
<enclosure url="http://%[1]s/media/ep1.mp3" type="audio/mpeg" length="%[2]d"/><itunes:duration>1:02:03</itunes:duration>
<comments>http://%[1]s/ep1#comments</comments></item>
<item><title>Episode zero</title><guid>ep0</guid><pubDate>Thu, 20 Jun 2024 10:00:00 GMT</pubDate>
<enclosure url="http://%[1]s/media/gone.mp3" type="audio/mpeg"/></item>
</channel></rss>`, r.Host, len(audio))
	})
	mux.HandleFunc("/media/ep1.mp3", func(w http.ResponseWriter, r *http.Request) {
		http.ServeContent(w, r, "ep1.mp3", time.Time{}, bytes.NewReader(audio))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestPodcastReadAndDownload(t *testing.T) {
	audio := bytes.Repeat([]byte("ID3 "), 40000)
	srv := podcastFeedServer(t, audio)
	db := filepath.Join(t.TempDir(), "b.db")
	if r := byline(t, db, "add", srv.URL+"/pod.xml"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	if r := byline(t, db, "refresh"); r.code != 0 {
		t.Fatalf("refresh: %+v", r)
	}
	var arts []struct{ ID int64 }
	if err := json.Unmarshal([]byte(byline(t, db, "list", "--json").stdout), &arts); err != nil || len(arts) != 2 {
		t.Fatalf("list: %v %+v", err, arts)
	}
	ep1, ep0 := fmt.Sprint(arts[0].ID), fmt.Sprint(arts[1].ID)

	r := byline(t, db, "read", "--json", ep1)
	var got jsonout.Read
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err, r.stderr)
	}
	want := jsonout.Enclosure{URL: srv.URL + "/media/ep1.mp3", Type: "audio/mpeg", Length: int64(len(audio)), Duration: 3723}
	if got.Comments != srv.URL+"/ep1#comments" || len(got.Enclosures) != 1 || got.Enclosures[0] != want {
		t.Errorf("read --json: comments %q, enclosures %+v", got.Comments, got.Enclosures)
	}
	if !strings.Contains(r.stdout, `"duration_seconds": 3723`) {
		t.Errorf("read --json:\n%s", r.stdout)
	}
	plain := byline(t, db, "read", "--plain", ep1).stdout
	if !strings.Contains(plain, "Audio · 1 h 2 min · 156 KB: "+want.URL) || !strings.Contains(plain, "Comments: "+got.Comments) {
		t.Errorf("read --plain:\n%s", plain)
	}

	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ep1.mp3.part"), audio[:5000], 0o644)
	r = byline(t, db, "download", "--dir", dir, "--json", ep1)
	var d feeds.Downloaded
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil || r.code != 0 {
		t.Fatalf("download: %v %+v", err, r)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "ep1.mp3"))
	if d.Path != filepath.Join(dir, "ep1.mp3") || d.Resumed != 5000 || !bytes.Equal(data, audio) {
		t.Errorf("download: %+v, %d bytes", d, len(data))
	}
	if r := byline(t, db, "download", "--dir", dir, ep1); r.code != 0 || !strings.Contains(r.stdout, "already there") {
		t.Errorf("a second download: %+v", r)
	}

	for _, tt := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{ep0}, 1, "answered HTTP 404"},
		{[]string{"--file", "2", ep1}, 2, "has no file 2 (its files are 1 to 1)"},
		{[]string{"x"}, 2, "not an article id"},
		{[]string{}, 2, "one article id"},
		{[]string{"--dir", filepath.Join(dir, "nope"), ep1}, 1, "no folder " + filepath.Join(dir, "nope")},
	} {
		r := byline(t, db, append([]string{"download", "--dir", dir}, tt.args...)...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.says) || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
			t.Errorf("download %q: exit %d, %q", tt.args, r.code, r.stderr)
		}
	}
}
