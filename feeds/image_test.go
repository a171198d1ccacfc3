package feeds

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"strings"
	"testing"
)

// testPNG is a small picture made here, as PNG bytes.
func testPNG(t testing.TB) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	for x := range 4 {
		img.Set(x, 1, color.RGBA{R: 200, A: 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestFetchImage(t *testing.T) {
	pic := testPNG(t)
	tests := []struct {
		name        string
		contentType string
		body        []byte
		status      int
		wantErr     string
	}{
		{"png", "image/png", pic, 200, ""},
		{"no type, sniffed", "", pic, 200, ""},
		{"octet stream, sniffed", "application/octet-stream", pic, 200, ""},
		{"a web page", "text/html; charset=utf-8", []byte("<html>not found</html>"), 200, "a web page, not an image"},
		{"json", "application/json", []byte(`{}`), 200, "application/json, not an image"},
		{"no type, not a picture", "", []byte("<!doctype html><p>hello</p>"), 200, "not an image"},
		{"missing", "image/png", nil, 404, "the image answered 404"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if !strings.Contains(r.Header.Get("Accept"), "image/png") {
					t.Errorf("Accept = %q", r.Header.Get("Accept"))
				}
				w.Header()["Content-Type"] = []string{tt.contentType}
				if tt.contentType == "" {
					w.Header()["Content-Type"] = nil
				}
				w.WriteHeader(tt.status)
				w.Write(tt.body)
			})
			got, err := testClient(Limits{}).FetchImage(context.Background(), srv.URL+"/pic.png?token=s3cret")
			if tt.wantErr == "" {
				if err != nil || !bytes.Equal(got, pic) {
					t.Fatalf("got %d bytes, %v", len(got), err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error %v, want %q", err, tt.wantErr)
			}
			if strings.Contains(err.Error(), "s3cret") || strings.Contains(err.Error(), "127.0.0.1") {
				t.Errorf("error tells the address: %v", err)
			}
		})
	}
}

func TestFetchImageTooLarge(t *testing.T) {
	big := append(testPNG(t), make([]byte, MaxImageBytes)...)
	for _, announced := range []bool{true, false} {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "image/png")
			if !announced {
				w.(http.Flusher).Flush() // chunked: no Content-Length
			}
			w.Write(big)
		})
		_, err := testClient(Limits{}).FetchImage(context.Background(), srv.URL+"/big.png")
		if err == nil || err.Error() != "image too large" || !errors.Is(err, ErrTooLarge) {
			t.Errorf("announced %v: error %v, want image too large", announced, err)
		}
	}
}

func TestFetchImageRefusesOtherSchemes(t *testing.T) {
	for _, u := range []string{"file:///etc/passwd", "data:image/png;base64,AAAA", "ftp://x.example/a.png", "", "//x.example/a.png"} {
		_, err := testClient(Limits{}).FetchImage(context.Background(), u)
		if !errors.Is(err, ErrNotImage) || strings.Contains(err.Error(), "passwd") {
			t.Errorf("%q: %v", u, err)
		}
	}
}
