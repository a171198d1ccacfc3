// Package feedserver serves a corpus on loopback addresses only: feeds
// spread over 127.0.0.1 … 127.0.0.N on one port, as subscriptions spread
// over many sites, every answer after a set latency, with ETag and
// Last-Modified (a conditional request gets 304), and counters of what it
// answered (/_stats, /_stats/reset). It refuses any address that is not
// loopback, so a benchmark cannot send its traffic anywhere else.
package feedserver

import (
	"errors"
	"fmt"
	"hash/fnv"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/byline-reader/byline/bench/corpus"
)

// MaxHosts is the most loopback addresses the feeds are spread over.
const MaxHosts = 250

// Options say what a Server serves and where.
type Options struct {
	Corpus  corpus.Config
	Host    string        // the first address, "127.0.0.1"; the others follow it
	Hosts   int           // how many addresses the feeds are spread over (1..MaxHosts)
	Port    int           // on every address; 0 picks a free one
	Latency time.Duration // before every answer to a feed or page request
}

// Server is a running feed server. Its methods are safe for concurrent use.
type Server struct {
	opts    Options
	hosts   []string
	port    int
	docs    []document
	stats   *counter
	servers []*http.Server
	wg      sync.WaitGroup
}

// document is a feed made once, with its validators.
type document struct {
	body     []byte
	etag     string
	modified time.Time
}

// Start makes the corpus's feeds, listens on every address and serves
// until Close.
func Start(opts Options) (*Server, error) {
	if err := opts.Corpus.Validate(); err != nil {
		return nil, err
	}
	if opts.Latency < 0 || opts.Latency > time.Minute {
		return nil, fmt.Errorf("latency %v: want 0..1m", opts.Latency)
	}
	hosts, err := LoopbackHosts(opts.Host, opts.Hosts)
	if err != nil {
		return nil, err
	}
	listeners, port, err := listen(hosts, opts.Port)
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, hosts: hosts, port: port, stats: newCounter()}
	s.makeDocuments()
	for _, l := range listeners {
		srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
		s.servers = append(s.servers, srv)
		s.wg.Go(func() { _ = srv.Serve(l) })
	}
	return s, nil
}

// LoopbackHosts are n consecutive IPv4 loopback addresses from first, or
// an error if first is not one or the run leaves 127.0.0.0/8.
func LoopbackHosts(first string, n int) ([]string, error) {
	if n < 1 || n > MaxHosts {
		return nil, fmt.Errorf("hosts %d: want 1..%d", n, MaxHosts)
	}
	ip := net.ParseIP(first).To4()
	if ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("address %q is not an IPv4 loopback address (127.x.y.z): the feed server serves only this machine", first)
	}
	v := uint32(ip[0])<<24 | uint32(ip[1])<<16 | uint32(ip[2])<<8 | uint32(ip[3])
	hosts := make([]string, n)
	for k := range hosts {
		a := v + uint32(k)
		next := net.IPv4(byte(a>>24), byte(a>>16), byte(a>>8), byte(a))
		if !next.IsLoopback() || a&0xff == 0 || a&0xff == 0xff {
			return nil, fmt.Errorf("%d addresses from %s leave the loopback range or reach a network or broadcast address", n, first)
		}
		hosts[k] = next.String()
	}
	return hosts, nil
}

// listen opens a listener on every host at one port: the given one, or
// the one the first listener was given.
func listen(hosts []string, port int) ([]net.Listener, int, error) {
	var ls []net.Listener
	for _, h := range hosts {
		l, err := net.Listen("tcp", net.JoinHostPort(h, strconv.Itoa(port)))
		if err != nil {
			for _, o := range ls {
				o.Close()
			}
			return nil, 0, fmt.Errorf("listen: %w", err)
		}
		if port == 0 {
			port = l.Addr().(*net.TCPAddr).Port
		}
		ls = append(ls, l)
	}
	return ls, port, nil
}

// makeDocuments makes every feed before the first request, a worker per
// core, so that no reader's first refresh pays for making them.
func (s *Server) makeDocuments() {
	c := s.opts.Corpus
	s.docs = make([]document, c.Feeds)
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			for i := range next {
				body := c.Document(i, s.Site(i))
				s.docs[i] = document{body: body, etag: etag(body), modified: c.Updated(i)}
			}
		})
	}
	for i := range c.Feeds {
		next <- i
	}
	close(next)
	wg.Wait()
}

// etag is the validator of a body: a hash of its bytes.
func etag(body []byte) string {
	h := fnv.New64a()
	h.Write(body)
	return fmt.Sprintf(`"%016x"`, h.Sum64())
}

// Site is the address of feed i's site, "http://127.0.0.3:18080".
func (s *Server) Site(feed int) string { return Sites(s.hosts, s.port)(feed) }

// Sites says where a server on hosts and port serves each feed: feed i on
// hosts[i%len(hosts)]. (The lists of feeds can be written without one.)
func Sites(hosts []string, port int) func(feed int) string {
	return func(feed int) string {
		return "http://" + net.JoinHostPort(hosts[feed%len(hosts)], strconv.Itoa(port))
	}
}

// Ready is what cmd/feedserver's -ready-file holds once a Server serves,
// which cmd/run waits for.
type Ready struct {
	Port      int      `json:"port"`
	Hosts     []string `json:"hosts"`
	FeedBytes int64    `json:"feed_bytes"`
}

// Port is the port every address listens on.
func (s *Server) Port() int { return s.port }

// Hosts are the addresses listened on.
func (s *Server) Hosts() []string { return append([]string(nil), s.hosts...) }

// FeedBytes is the size of all the feeds together.
func (s *Server) FeedBytes() int64 {
	var n int64
	for _, d := range s.docs {
		n += int64(len(d.body))
	}
	return n
}

// Stats are the counts since the last reset; with reset, counting starts
// again.
func (s *Server) Stats(reset bool) Stats { return s.stats.snapshot(reset) }

// Lifetime are the counts since Start.
func (s *Server) Lifetime() Stats { return s.stats.total() }

// Close stops every listener and waits for them.
func (s *Server) Close() error {
	var errs []error
	for _, srv := range s.servers {
		if err := srv.Close(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			errs = append(errs, err)
		}
	}
	s.wg.Wait()
	return errors.Join(errs...)
}
