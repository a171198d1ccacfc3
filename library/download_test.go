package library

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// podcastServer serves a feed of two episodes, one without a page, and
// the first one's audio (with ranges).
func podcastServer(t *testing.T, audio []byte) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Cast</title>
<item><title>Episode 2</title><description>Notes of the second episode.</description>
<enclosure url="http://%[1]s/audio/ep2.mp3" type="audio/mpeg" length="%[2]d"/><itunes:duration>34:12</itunes:duration>
<comments>http://%[1]s/ep2/comments</comments></item>
<item><title>Episode 1</title><guid>ep1</guid><link>http://%[1]s/ep1</link><description>No file.</description></item>
</channel></rss>`, r.Host, len(audio))
	})
	mux.HandleFunc("/audio/ep2.mp3", func(w http.ResponseWriter, r *http.Request) {
		http.ServeContent(w, r, "ep2.mp3", time.Time{}, bytes.NewReader(audio))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestPodcastEpisodeReadAndDownloaded(t *testing.T) {
	audio := bytes.Repeat([]byte("mp3!"), 50000)
	srv := podcastServer(t, audio)
	l, arts := subscribedTo(t, srv, 2)
	ctx := context.Background()
	ep2, ep1 := byTitle(arts, "Episode 2"), byTitle(arts, "Episode 1")

	// An episode without a page reads its notes, with no complaint.
	a, err := articleOf(l.OpenArticle(ctx, ep2))
	if err != nil {
		t.Fatal(err)
	}
	if a.Notice != "" || strings.TrimSpace(a.Markdown) != "Notes of the second episode." || len(a.Enclosures) != 1 ||
		a.Enclosures[0].Duration != 34*time.Minute+12*time.Second || a.Comments != srv.URL+"/ep2/comments" {
		t.Fatalf("episode: notice %q, markdown %q, files %+v, comments %q", a.Notice, a.Markdown, a.Enclosures, a.Comments)
	}

	dir := t.TempDir()
	part := filepath.Join(dir, "ep2.mp3.part")
	if err := os.WriteFile(part, audio[:1234], 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := l.Download(ctx, ep2, 1, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "ep2.mp3"))
	if d.Resumed != 1234 || !bytes.Equal(got, audio) {
		t.Errorf("download %+v, %d bytes written", d, len(got))
	}

	if _, err := l.Download(ctx, ep1, 1, dir, nil); err == nil || errors.Is(err, ErrBadInput) {
		t.Errorf("an article without files: %v", err)
	}
	for name, tt := range map[string]struct {
		id int64
		n  int
	}{"no file 2": {ep2, 2}, "no file 0": {ep2, 0}, "no article": {9999, 1}} {
		if _, err := l.Download(ctx, tt.id, tt.n, dir, nil); !errors.Is(err, ErrBadInput) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
