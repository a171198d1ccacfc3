package library

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// pictureServer serves PNGs made here, each path its own picture of
// about size bytes, and counts the requests.
func pictureServer(t *testing.T, size int) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "image/png")
		w.Write(testPicture(t, r.URL.Path, size))
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// testPicture is a PNG whose pixels depend on name, padded with noise
// that does not compress to about size bytes.
func testPicture(t testing.TB, name string, size int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 64, max(1, size/(64*4))))
	seed := uint32(len(name)) * 2654435761
	for _, c := range name {
		seed = seed*31 + uint32(c)
	}
	for i := range img.Pix {
		seed = seed*1664525 + 1013904223
		img.Pix[i] = byte(seed >> 24)
	}
	img.Set(0, 0, color.NRGBA{A: 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// imageLibrary opens a library that keeps pictures in dir, up to limit
// bytes, with a clock that moves a second at each reading.
func imageLibrary(t *testing.T, dir string, limit int64) *Library {
	t.Helper()
	clock := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	now := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		clock = clock.Add(time.Second)
		return clock
	}
	l, err := Open(context.Background(), filepath.Join(t.TempDir(), "b.db"),
		Options{ImageCacheDir: dir, ImageCacheBytes: limit, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func cacheBytes(t *testing.T, dir string) (total int64, files int) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		info, _ := e.Info()
		total += info.Size()
		files++
	}
	return total, files
}

func TestImageDataCached(t *testing.T) {
	srv, hits := pictureServer(t, 2000)
	dir := filepath.Join(t.TempDir(), "cache", "images")
	l := imageLibrary(t, dir, 1<<20)
	ctx := context.Background()
	want := testPicture(t, "/a.png", 2000)
	for range 3 {
		got, err := l.ImageData(ctx, srv.URL+"/a.png")
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("got %d bytes, %v", len(got), err)
		}
	}
	if n := hits.Load(); n != 1 {
		t.Errorf("the server was asked %d times, want once", n)
	}
	info, err := os.Stat(dir)
	if err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("cache folder: %v %v", info.Mode(), err)
	}
	// Another library on the same folder finds it too.
	l2 := imageLibrary(t, dir, 1<<20)
	if _, err := l2.ImageData(ctx, srv.URL+"/a.png"); err != nil || hits.Load() != 1 {
		t.Errorf("second library: %v, %d requests", err, hits.Load())
	}
	_, files := cacheBytes(t, dir)
	if files != 1 {
		t.Errorf("%d files in the cache, want 1", files)
	}
}

func TestImageDataEviction(t *testing.T) {
	srv, hits := pictureServer(t, 20000)
	one := int64(len(testPicture(t, "/0.png", 20000)))
	dir := t.TempDir()
	limit := 3*one + one/2 // room for three pictures
	l := imageLibrary(t, dir, limit)
	ctx := context.Background()
	get := func(name string) {
		t.Helper()
		if _, err := l.ImageData(ctx, srv.URL+"/"+name+".png"); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"0", "1", "2"} {
		get(name)
	}
	get("0") // used again: now the most recent
	for _, name := range []string{"3", "4"} {
		get(name)
		if total, _ := cacheBytes(t, dir); total > limit {
			t.Fatalf("cache holds %d bytes, limit %d", total, limit)
		}
	}
	// 1 and 2 were the least recently used; 0, 3 and 4 stay.
	before := hits.Load()
	for _, name := range []string{"0", "3", "4"} {
		get(name)
	}
	if hits.Load() != before {
		t.Errorf("a recently used picture was evicted: %d more requests", hits.Load()-before)
	}
	get("1")
	if hits.Load() != before+1 {
		t.Errorf("an evicted picture was not fetched again")
	}
	if total, files := cacheBytes(t, dir); total > limit || files != 3 {
		t.Errorf("cache holds %d bytes in %d files, limit %d", total, files, limit)
	}
}

func TestImageDataNoCache(t *testing.T) {
	srv, hits := pictureServer(t, 2000)
	dir := filepath.Join(t.TempDir(), "images")
	l := imageLibrary(t, dir, 0)
	for range 2 {
		if _, err := l.ImageData(context.Background(), srv.URL+"/a.png"); err != nil {
			t.Fatal(err)
		}
	}
	if hits.Load() != 2 {
		t.Errorf("%d requests, want 2 (nothing kept)", hits.Load())
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the cache folder was made with a limit of 0: %v", err)
	}
}

func TestImageDataCacheFailureStillGives(t *testing.T) {
	srv, _ := pictureServer(t, 2000)
	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, []byte("x"), 0o600)
	l := imageLibrary(t, filepath.Join(file, "images"), 1<<20) // a folder that cannot be made
	got, err := l.ImageData(context.Background(), srv.URL+"/a.png")
	if err != nil || len(got) == 0 {
		t.Fatalf("got %d bytes, %v", len(got), err)
	}
}

func TestImageDataRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html>no</html>"))
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	l := imageLibrary(t, dir, 1<<20)
	if _, err := l.ImageData(context.Background(), srv.URL+"/a.png"); err == nil || !strings.Contains(err.Error(), "not an image") {
		t.Errorf("error %v", err)
	}
	if _, files := cacheBytes(t, dir); files != 0 {
		t.Errorf("a refused answer was kept")
	}
}

func TestImageDataConcurrent(t *testing.T) {
	srv, _ := pictureServer(t, 20000)
	dir := t.TempDir()
	l := imageLibrary(t, dir, 1<<20)
	want := testPicture(t, "/same.png", 20000)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := l.ImageData(context.Background(), srv.URL+"/same.png")
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("got %d bytes, %v", len(got), err)
			}
		})
	}
	wg.Wait()
	data, ok := l.images.Get(srv.URL+"/same.png", time.Now())
	if !ok || !bytes.Equal(data, want) {
		t.Errorf("kept file: %d bytes, %v", len(data), ok)
	}
	if _, files := cacheBytes(t, dir); files != 1 {
		t.Errorf("%d files left, want 1 (no temporary files)", files)
	}
}
