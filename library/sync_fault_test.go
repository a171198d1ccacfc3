package library

import (
	"context"
	"io"
	"log"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/byline-reader/byline/internal/miniflux"
	"github.com/byline-reader/byline/model"
)

// forwarder passes requests on to target.
func forwarder(t *testing.T, target string) http.Handler {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	p := httputil.NewSingleHostReverseProxy(u)
	p.ErrorLog = log.New(io.Discard, "", 0) // a cut-off request is what these tests make
	return p
}

// cut drops the connection without an answer.
func cut(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}

// faultProxy forwards to target, but answers some requests with a 500,
// holds some past the client's timeout, and cuts some connections in the
// middle of the answer (after the server acted on the request). While
// down, it drops every connection unanswered, as a network gone away does.
type faultProxy struct {
	*httptest.Server
	mu   sync.Mutex
	rng  *rand.Rand
	rate float64 // the share of requests that meet a fault
	down bool
}

func newFaultProxy(t *testing.T, target string, seed uint64) *faultProxy {
	t.Helper()
	p := &faultProxy{rng: rand.New(rand.NewPCG(seed, 7))}
	fwd := forwarder(t, target)
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch p.fault() {
		case 1:
			http.Error(w, "injected failure", http.StatusInternalServerError)
		case 2:
			select { // longer than the client waits
			case <-time.After(3 * time.Second):
			case <-r.Context().Done():
			}
			cut(w)
		case 3:
			rec := httptest.NewRecorder()
			fwd.ServeHTTP(rec, r) // the server acts…
			w.Header().Set("Content-Length", "100000")
			w.WriteHeader(rec.Code)
			w.Write(rec.Body.Bytes()[:rec.Body.Len()/2]) // …and the answer is cut short
			cut(w)
		case 4:
			cut(w)
		default:
			fwd.ServeHTTP(w, r)
		}
	}))
	t.Cleanup(p.Close)
	return p
}

// fault picks what happens to one request: 0 nothing, 1 a 500, 2 a
// timeout, 3 a connection cut mid-answer, 4 a connection cut unanswered.
func (p *faultProxy) fault() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.down {
		return 4
	}
	if p.rng.Float64() >= p.rate {
		return 0
	}
	return 1 + p.rng.IntN(3)
}

func (p *faultProxy) setDown(down bool) {
	p.mu.Lock()
	p.down = down
	p.mu.Unlock()
}

func (p *faultProxy) setRate(r float64) {
	p.mu.Lock()
	p.rate = r
	p.mu.Unlock()
}

// TestSyncFaults changes read and starred state on both sides while the
// connection to Miniflux fails in every way, and syncs are cut off at
// random moments (a cancelled sync stops where a killed one would, its
// transaction undone): after the faults stop, one sync makes the server
// and byline agree on every item, and no change made here is lost.
func TestSyncFaults(t *testing.T) {
	srv := miniflux.Start(t)
	u := srv.NewUser(t)
	feeds := rssServer(t, 30)
	u.AddFeed(t, feeds.URL+"/f.xml", "Faults")
	proxy := newFaultProxy(t, u.GReaderURL, 1)
	l := syncedLibrary(t, u, proxy.URL)
	l.syncHTTP.Timeout = 500 * time.Millisecond
	ctx := context.Background()
	mustSync(t, l)

	rng := rand.New(rand.NewPCG(2, 3))
	want := map[string][2]*bool{} // title → read, starred, as last changed here
	proxy.setRate(0.3)
	for round := range 25 {
		arts := accountArticles(t, l)
		titles := make([]string, 0, len(arts))
		for title := range arts {
			titles = append(titles, title)
		}
		for range 4 { // toggle one flag, as the app's keys do
			title := titles[rng.IntN(len(titles))]
			a := arts[title]
			w := want[title]
			if rng.IntN(2) == 0 {
				w[0] = ptr(!a.Read)
				l.Mark(ctx, []int64{a.ID}, w[0], nil)
				a.Read = *w[0]
			} else {
				w[1] = ptr(!a.Starred)
				l.Mark(ctx, []int64{a.ID}, nil, w[1])
				a.Starred = *w[1]
			}
			arts[title], want[title] = a, w
		}
		// A change made there, to an item not changed here.
		for _, e := range u.Entries(t) {
			if _, mine := want[e.Title]; !mine && rng.IntN(10) == 0 {
				u.SetStarred(t, e.ID, !e.Starred)
			}
		}
		cctx, cancel := context.WithTimeout(ctx, time.Duration(rng.IntN(400))*time.Millisecond)
		l.Sync(cctx, []string{"mf"}, nil)
		cancel()
		if round%5 == 4 {
			l.Sync(ctx, []string{"mf"}, nil)
		}
	}
	proxy.setRate(0)
	mustSync(t, l)

	here := accountArticles(t, l)
	for _, e := range u.Entries(t) {
		a, ok := here[e.Title]
		if !ok {
			t.Errorf("%q is on the server, not here", e.Title)
			continue
		}
		if a.Read != (e.Status == "read") || a.Starred != e.Starred {
			t.Errorf("%q: here read=%v starred=%v; Miniflux %s starred=%v", e.Title, a.Read, a.Starred, e.Status, e.Starred)
		}
		if w := want[e.Title]; (w[0] != nil && *w[0] != a.Read) || (w[1] != nil && *w[1] != a.Starred) {
			t.Errorf("%q: a change made here was lost: read=%v starred=%v", e.Title, a.Read, a.Starred)
		}
	}
	if n, _ := l.CountArticles(ctx, model.ArticleQuery{Account: "mf"}); n != len(here) || n != 30 {
		t.Errorf("%d articles here, %d titles; want 30 once each", n, len(here))
	}
}
