package hostile

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Feed is one of the server's feeds: its path, the attack, and what a
// reader must make of it: Err, a piece of the per-feed error's reason
// ("" for a feed that must be read), and the most articles to keep.
type Feed struct {
	Path, Attack, Err string
	MaxArticles       int
}

// Feeds are the server's feeds. The slow one takes as long as the reader's
// whole-request timeout allows; everything else answers at once.
var Feeds = []Feed{
	{"/entities.xml", "payloads as character references in RSS titles and bodies", "", len(Payloads) + len(BadLinks) + len(ShellLinks)},
	{"/cdata.xml", "raw payloads in CDATA", "", len(Payloads)},
	{"/atom.xml", "payloads in Atom html content", "", len(Payloads)},
	{"/feed.json", "payloads as JSON escapes in a JSON Feed", "", len(Payloads)},
	{"/big.xml", "a 20 MB feed", "response too large: more than 10 MiB", 0},
	{"/bomb.xml", "a gzip bomb: 60 KB that inflate to 64 MB", "response too large: more than 10 MiB", 0},
	{"/endless.xml", "a body that never ends, fast", "response too large: more than 10 MiB", 0},
	{"/slow.xml", "slow loris: one byte a second", "timeout", 0},
	{"/slow-headers.xml", "headers that never come", "timeout", 0},
	{"/loop.xml", "a redirect loop", "too many redirects", 0},
	{"/to-file.xml", "a redirect to file:///etc/passwd", "redirect to a file: URL refused", 0},
	{"/malformed.xml", "malformed XML: cut short, garbage", "parse error", 0},
	{"/lenient.xml", "mismatched tags, read leniently", "", 1},
	{"/not-a-feed.xml", "an HTML page where a feed should be", "parse error", 0},
	{"/many.xml", "100,000 items", "", 2000},
	{"/empty-items.xml", "9 MB of <item/>: 1.3 million empty items", "", 2000},
	{"/empty-items.json", "9 MB of {}: 3 million empty JSON Feed items", "", 2000},
	{"/elements.xml", "9 MB of <x/>: 1.3 million elements in no item", "more than 200000 XML elements", 0},
	{"/huge-title.xml", "one 5 MB title and a 9 MB body", "", 1},
	{"/same-guid.xml", "500 items sharing one guid", "", 500}, // the store keeps one
	{"/retry.xml", "503 with a Retry-After of 10 years", "HTTP 503", 0},
	{"/retry-date.xml", "429 with a Retry-After date in 2036", "HTTP 429", 0},
	{"/304.xml", "304 Not Modified with no validators ever sent", "", 0},
	{"/nul.xml", "NUL bytes in the document", "", 1},
	{"/numbers.json", "a JSON Feed with a 1,000,000-digit number", "", 1},
	{"/laughs.xml", "billion laughs: nested entity definitions", "", 1},
	{"/deep.xml", "elements nested 150,000 deep", "XML nested more than 256 deep", 0},
	{"/lie.xml", "a Content-Length far larger than the body", "unexpected EOF", 0},
}

// Server is the hostile server.
type Server struct {
	*httptest.Server
	fresh atomic.Int64 // requests for /fresh.xml so far
}

// New starts the server; it stops when the test ends.
func New(t testing.TB) *Server {
	s := &Server{}
	mux := http.NewServeMux()
	s.routes(mux)
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// At is the server's URL for path.
func (s *Server) At(path string) string { return s.URL + path }

var bombOnce sync.Once
var bombData []byte

// gzipBomb is 64 MB of spaces after the start of an RSS document,
// gzipped (about 60 KB), made once per test binary.
func gzipBomb() []byte {
	bombOnce.Do(func() {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>bomb</title>`))
		chunk := bytes.Repeat([]byte(" "), 1<<20)
		for range 64 {
			zw.Write(chunk)
		}
		zw.Write([]byte(`</channel></rss>`))
		zw.Close()
		bombData = buf.Bytes()
	})
	return bombData
}

// xmlHandler serves body as an RSS document.
func xmlHandler(body func(r *http.Request) string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, body(r))
	}
}

// routes serves every attack, in groups of handlers.
func (s *Server) routes(mux *http.ServeMux) {
	s.routesFeeds(mux)
	s.routesSizes(mux)
	s.routesTransport(mux)
}

func (s *Server) routesFeeds(mux *http.ServeMux) {
	mux.HandleFunc("/entities.xml", xmlHandler(func(r *http.Request) string { return entitiesFeed(base(r)) }))
	mux.HandleFunc("/cdata.xml", xmlHandler(func(r *http.Request) string { return cdataFeed(base(r)) }))
	mux.HandleFunc("/atom.xml", xmlHandler(func(r *http.Request) string { return atomFeed(base(r)) }))
	mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprint(w, jsonFeed(base(r)))
	})
	mux.HandleFunc("/big.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>`)
		item := fmt.Sprintf(`<item><title>filler</title><description>%s</description></item>`, strings.Repeat("x", 10<<10))
		for written := 0; written < 20<<20; written += len(item) {
			if _, err := fmt.Fprint(w, item); err != nil {
				return
			}
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/bomb.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipBomb())
	})
	mux.HandleFunc("/endless.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		chunk := bytes.Repeat([]byte("<x/>"), 16<<10)
		for {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/slow.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.WriteHeader(http.StatusOK)
		s.trickle(w, r, `<?xml version="1.0"?><rss version="2.0"><channel><title>slow</title></channel></rss>`, time.Second)
	})
	mux.HandleFunc("/slow-headers.xml", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	mux.HandleFunc("/loop.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop.xml?"+r.URL.RawQuery+"x", http.StatusFound)
	})
	mux.HandleFunc("/to-file.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "file:///etc/passwd")
		w.WriteHeader(http.StatusMovedPermanently)
	})
	mux.HandleFunc("/malformed.xml", xmlHandler(func(*http.Request) string {
		return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>half \x1b[2J</title><item><title <<< \x1b]0;x\x07"
	}))
	mux.HandleFunc("/lenient.xml", xmlHandler(func(*http.Request) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>half</title><item><title>a</titl></item><item`
	}))
}

func (s *Server) routesSizes(mux *http.ServeMux) {
	mux.HandleFunc("/not-a-feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><head><title>`+html.EscapeString(Joined())+`</title></head><body>no feed</body></html>`)
	})
	mux.HandleFunc("/fresh.xml", func(w http.ResponseWriter, r *http.Request) {
		// 2000 items never seen before, each time: every refresh writes.
		n := s.fresh.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		bw := bufio.NewWriter(w)
		bw.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>fresh</title>`)
		for i := range 2000 {
			fmt.Fprintf(bw, "<item><title>fresh %d.%d</title><guid>f%d.%d</guid><description>%s</description></item>", n, i, n, i, strings.Repeat("text ", 100))
		}
		bw.WriteString(`</channel></rss>`)
		bw.Flush()
	})
	mux.HandleFunc("/many.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		bw := bufio.NewWriter(w)
		bw.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>many</title>`)
		for i := range 100_000 {
			fmt.Fprintf(bw, "<item><title>n%d</title><guid>g%d</guid></item>", i, i)
		}
		bw.WriteString(`</channel></rss>`)
		bw.Flush()
	})
	mux.HandleFunc("/empty-items.xml", stream(`<?xml version="1.0"?><rss version="2.0"><channel><title>empty</title>`, "<item/>", 9<<20/7, `</channel></rss>`))
	mux.HandleFunc("/elements.xml", stream(`<?xml version="1.0"?><rss version="2.0"><channel><title>elements</title>`, "<x/>", 9<<20/4, `</channel></rss>`))
	mux.HandleFunc("/empty-items.json", stream(`{"version":"https://jsonfeed.org/version/1.1","title":"empty","items":[`, "{},", 9<<20/3, `{}]}`))
	mux.HandleFunc("/huge-title.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>`)
		repeat(w, "T", 5<<20)
		fmt.Fprintf(w, `</title><item><title>%s&amp;#27;[2J</title><link>%s/a/huge</link><description>`, strings.Repeat("t", 100), base(r))
		repeat(w, "body ", 900_000)
		fmt.Fprint(w, `</description></item></channel></rss>`)
	})
	mux.HandleFunc("/same-guid.xml", xmlHandler(func(r *http.Request) string {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>same guid</title>`)
		for i := range 500 {
			fmt.Fprintf(&b, "<item><title>copy %d</title><guid>one</guid><link>%s/a/%d</link></item>", i, base(r), i)
		}
		b.WriteString(`</channel></rss>`)
		return b.String()
	}))
	mux.HandleFunc("/retry.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "315360000")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/retry-date.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "Fri, 01 Feb 2036 00:00:00 GMT")
		w.WriteHeader(http.StatusTooManyRequests)
	})
}

func (s *Server) routesTransport(mux *http.ServeMux) {
	mux.HandleFunc("/304.xml", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotModified)
	})
	mux.HandleFunc("/nul.xml", xmlHandler(func(r *http.Request) string {
		return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>nul\x00feed</title><item><title>nul\x00item\x00</title><link>" + base(r) + "/a/nul</link><description>x\x00y</description></item></channel></rss>"
	}))
	mux.HandleFunc("/numbers.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprintf(w, `{"version":"https://jsonfeed.org/version/1.1","title":"numbers","items":[{"id":"1","title":"n","x":1%s}]}`, strings.Repeat("0", 1_000_000))
	})
	mux.HandleFunc("/laughs.xml", xmlHandler(func(r *http.Request) string {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">`)
		prev := "lol"
		for i := 1; i <= 9; i++ {
			name := fmt.Sprintf("lol%d", i)
			fmt.Fprintf(&b, `<!ENTITY %s "%s">`, name, strings.Repeat("&"+prev+";", 10))
			prev = name
		}
		fmt.Fprintf(&b, `]><rss version="2.0"><channel><title>laughs</title><item><title>&%s;</title><link>%s/a/lol</link></item></channel></rss>`, prev, base(r))
		return b.String()
	}))
	mux.HandleFunc("/deep.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>deep</title>`)
		repeat(w, "<x>", 150_000)
		repeat(w, "</x>", 150_000)
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/lie.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "999999999")
		w.WriteHeader(http.StatusOK)
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>lie</title>`)
	})
	s.pageRoutes(mux)
}

// stream serves head, n times unit, and tail, without holding the whole.
func stream(head, unit string, n int, tail string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, head)
		repeat(w, unit, n)
		fmt.Fprint(w, tail)
	}
}

// repeat writes unit n times, in chunks of about 64 KiB.
func repeat(w io.Writer, unit string, n int) {
	per := max(1, 64<<10/len(unit))
	chunk := strings.Repeat(unit, per)
	for ; n >= per; n -= per {
		if _, err := io.WriteString(w, chunk); err != nil {
			return
		}
	}
	io.WriteString(w, strings.Repeat(unit, n))
}

// trickle writes body one byte every gap until the client goes away.
func (s *Server) trickle(w http.ResponseWriter, r *http.Request, body string, gap time.Duration) {
	flusher, _ := w.(http.Flusher)
	for i := 0; ; i = (i + 1) % len(body) {
		if _, err := w.Write([]byte{body[i]}); err != nil {
			return
		}
		if flusher != nil {
			flusher.Flush()
		}
		select {
		case <-r.Context().Done():
			return
		case <-time.After(gap):
		}
	}
}

func base(r *http.Request) string { return "http://" + r.Host }
