package feeds

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func pageServer(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchPageErrors(t *testing.T) {
	big := strings.Repeat("<p>x</p>", 1<<17) // 1 MiB
	tests := []struct {
		name    string
		handler http.HandlerFunc
		msg     string
		is      error
	}{
		{"404", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }, "the page answered 404", nil},
		{"pdf", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/pdf")
			_, _ = w.Write([]byte("%PDF-1.7"))
		}, "the page is a PDF, not HTML", ErrNotHTML},
		{"image", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "image/png")
		}, "the page is an image, not HTML", ErrNotHTML},
		{"sniffed pdf", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/octet-stream")
			_, _ = w.Write([]byte("%PDF-1.7\n..."))
		}, "the page is a PDF, not HTML", ErrNotHTML},
		{"oversized", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			for i := 0; i < 3; i++ {
				_, _ = w.Write([]byte(big))
			}
		}, "the page is larger than 2 MiB", ErrTooLarge},
		{"oversized by header", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Length", "3000000")
			_, _ = w.Write([]byte("<p>"))
		}, "the page is larger than 2 MiB", ErrTooLarge},
		{"slow", func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
			}
		}, "timeout", nil},
	}
	opts := DefaultOptions("test")
	opts.Limits.RequestTimeout = 200 * time.Millisecond
	opts.Limits.MaxPageBytes = 2 << 20
	c := NewClient(opts)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := pageServer(t, tt.handler)
			_, err := c.FetchPage(context.Background(), srv.URL+"/story")
			if err == nil || err.Error() != tt.msg {
				t.Fatalf("err = %v, want %q", err, tt.msg)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.is)
			}
		})
	}
	var he *HTTPError
	srv := pageServer(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusGone) })
	if _, err := c.FetchPage(context.Background(), srv.URL); !errors.As(err, &he) || he.Status != 410 {
		t.Errorf("410: %v", err)
	}
}

func TestFetchPageCharset(t *testing.T) {
	latin1, err := os.ReadFile(filepath.Join("extract", "testdata", "pages", "latin1.html"))
	if err != nil {
		t.Fatal(err)
	}
	utf8Late := "<html><head><title>t</title></head><body>" + strings.Repeat("<p>plain ascii text</p>", 100) + "<p>café “quoted”</p></body></html>"
	tests := []struct {
		name, contentType, body, charset, want string
	}{
		{"meta windows-1252", "text/html", string(latin1), "windows-1252", "Après quarante-deux ans, le café «\u00a0Chez René\u00a0»"},
		{"header iso-8859-1", "text/html; charset=ISO-8859-1", "<p>caf\xe9 \xe0 1,50 \x80</p>", "windows-1252", "café à 1,50 €"},
		{"undeclared utf-8 after 1 KiB", "text/html", utf8Late, "utf-8", "café “quoted”"},
		{"mislabelled utf-8", "text/html; charset=iso-8859-1", "<p>café “quoted”</p>", "utf-8", "café “quoted”"},
		{"broken utf-8 repaired", "text/html; charset=utf-8", "<p>caf\xc3\xa9 \xff ok</p>", "utf-8", "café \uFFFD ok"},
		{"no content type", "", "<!DOCTYPE html><p>hello</p>", "utf-8", "hello"},
	}
	c := NewClient(DefaultOptions("test"))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := pageServer(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header()["Content-Type"] = []string{tt.contentType}
				_, _ = w.Write([]byte(tt.body))
			})
			p, err := c.FetchPage(context.Background(), srv.URL+"/a")
			if err != nil {
				t.Fatal(err)
			}
			if p.Charset != tt.charset || !strings.Contains(string(p.HTML), tt.want) {
				t.Errorf("charset %q, page:\n%.300s", p.Charset, p.HTML)
			}
			if p.URL != srv.URL+"/a" {
				t.Errorf("URL %q", p.URL)
			}
		})
	}
}

func TestFetchArticle(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("extract", "testdata", "pages", "news-inline-ads.html"))
	if err != nil {
		t.Fatal(err)
	}
	srv := pageServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/story" {
			http.Redirect(w, r, "/story", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(page)
	})
	ex, err := NewClient(DefaultOptions("test")).FetchArticle(context.Background(), srv.URL+"/old")
	if err != nil {
		t.Fatal(err)
	}
	if ex.Title != "Central bank holds rates steady as inflation cools" || ex.Author != "Daniel Okafor" ||
		!strings.Contains(ex.Markdown, "The bank's next decision is due on May 8.") {
		t.Errorf("FetchArticle = %+v", ex)
	}
}
