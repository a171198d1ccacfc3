package feeds

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// episode is a file's bytes that tell where each came from.
func episode(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i * 7)
	}
	return b
}

// fileServer serves data at /show/ep.mp3 with range support (or without,
// when ranges is false), noting each Range header asked.
type fileServer struct {
	data   []byte
	ranges bool
	mu     sync.Mutex
	asked  []string
}

func (s *fileServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.asked = append(s.asked, r.Header.Get("Range"))
	s.mu.Unlock()
	if r.URL.Path != "/show/ep.mp3" {
		http.NotFound(w, r)
		return
	}
	if !s.ranges {
		w.Write(s.data)
		return
	}
	http.ServeContent(w, r, "ep.mp3", time.Time{}, bytes.NewReader(s.data))
}

func TestDownloadWhole(t *testing.T) {
	data := episode(700 << 10)
	srv := httptest.NewServer(&fileServer{data: data, ranges: true})
	defer srv.Close()
	dir := t.TempDir()
	var last, total int64
	d, err := testClient(Limits{}).Download(context.Background(), srv.URL+"/show/ep.mp3", dir,
		func(done, all int64) { last, total = done, all })
	if err != nil {
		t.Fatal(err)
	}
	if d.Path != filepath.Join(dir, "ep.mp3") || d.Bytes != int64(len(data)) || d.Resumed != 0 || d.Existed {
		t.Errorf("downloaded %+v", d)
	}
	if last != int64(len(data)) || total != int64(len(data)) {
		t.Errorf("progress ended at %d of %d", last, total)
	}
	checkFile(t, d.Path, data)
	if _, err := os.Stat(d.Path + ".part"); !os.IsNotExist(err) {
		t.Errorf("the .part file stayed: %v", err)
	}
	again, err := testClient(Limits{}).Download(context.Background(), srv.URL+"/show/ep.mp3", dir, nil)
	if err != nil || !again.Existed || again.Bytes != int64(len(data)) {
		t.Errorf("second download: %+v %v", again, err)
	}
}

func TestDownloadResumes(t *testing.T) {
	data := episode(300 << 10)
	tests := map[string]struct {
		ranges    bool
		have      []byte
		wantRange string
		resumed   int64
	}{
		"a range":              {true, data[:100000], "bytes=100000-", 100000},
		"a part that is whole": {true, data, "bytes=307200-", int64(len(data))},
		// A server that ignores ranges sends the whole file: the part,
		// however wrong, is written over.
		"no ranges": {false, []byte("garbage that is not the file"), "bytes=28-", 0},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			fs := &fileServer{data: data, ranges: tt.ranges}
			srv := httptest.NewServer(fs)
			defer srv.Close()
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "ep.mp3.part"), tt.have, 0o644); err != nil {
				t.Fatal(err)
			}
			d, err := testClient(Limits{}).Download(context.Background(), srv.URL+"/show/ep.mp3", dir, nil)
			if err != nil {
				t.Fatal(err)
			}
			if d.Resumed != tt.resumed || d.Bytes != int64(len(data)) {
				t.Errorf("downloaded %+v, want %d resumed", d, tt.resumed)
			}
			if len(fs.asked) != 1 || fs.asked[0] != tt.wantRange {
				t.Errorf("asked %q, want %q", fs.asked, tt.wantRange)
			}
			checkFile(t, filepath.Join(dir, "ep.mp3"), data)
		})
	}
}

func TestDownloadFails(t *testing.T) {
	srv := httptest.NewServer(&fileServer{data: episode(10), ranges: true})
	defer srv.Close()
	dir := t.TempDir()
	c := testClient(Limits{})
	_, err := c.Download(context.Background(), srv.URL+"/gone.mp3", dir, nil)
	var he *HTTPError
	if !errors.As(err, &he) || he.Status != 404 || strings.Contains(err.Error(), "\n") {
		t.Errorf("404: %v", err)
	}
	if names, _ := os.ReadDir(dir); len(names) != 0 {
		t.Errorf("a failed download left %v", names)
	}
	if _, err := c.Download(context.Background(), "file:///etc/passwd", dir, nil); err == nil {
		t.Error("a file: address was fetched")
	}
	if _, err := c.Download(context.Background(), srv.URL+"/show/ep.mp3", filepath.Join(dir, "missing"), nil); err == nil ||
		strings.Contains(err.Error(), dir) {
		t.Errorf("a missing folder: %v", err)
	}
}

func checkFile(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s holds %d bytes, not the file's %d", path, len(got), len(want))
	}
}
