// Package feeds is byline's contact with the outside world: it fetches and
// parses feeds, discovers them on sites, reads and writes subscription
// lists, and fetches and extracts article pages. It turns what it finds into
// model values at the boundary, sanitised.
package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"sync"
	"time"
)

// Limits bound every request byline makes.
type Limits struct {
	ConnectTimeout time.Duration // dialing and TLS handshake
	HeaderTimeout  time.Duration // from request sent to response headers
	RequestTimeout time.Duration // the whole request, body included
	MaxFeedBytes   int64         // a feed body, after decompression
	MaxPageBytes   int64         // an article page, after decompression
	MaxRedirects   int
	MaxItems       int // items kept from one feed document
}

// DefaultLimits are the limits byline uses unless configured otherwise.
func DefaultLimits() Limits {
	return Limits{
		ConnectTimeout: 10 * time.Second,
		HeaderTimeout:  20 * time.Second,
		RequestTimeout: 30 * time.Second,
		MaxFeedBytes:   10 << 20,
		MaxPageBytes:   5 << 20,
		MaxRedirects:   5,
		MaxItems:       2000,
	}
}

// Options configure a Client.
type Options struct {
	UserAgent string // names byline and its version
	Workers   int    // feeds fetched at once, overall (parsing: one per core)
	PerHost   int    // requests at once to one host
	Limits    Limits
	// Logger takes a record of each fetch and extraction (log.go); nil
	// writes none.
	Logger *slog.Logger
}

// DefaultOptions are the options byline uses unless configured otherwise.
func DefaultOptions(version string) Options {
	return Options{
		UserAgent: "byline/" + version + " (+terminal news reader)",
		// Fetching is waiting: 96 at once keeps a refresh of hundreds of
		// feeds bound by the network (500 unchanged feeds at 50 ms: 0.4 s,
		// against 0.7 s with 48), while PerHost keeps it polite to each
		// server, parsing stays at one feed per core and FetchAll keeps
		// few fetched feeds in memory however many are asked for.
		Workers: 96,
		PerHost: 4,
		Limits:  DefaultLimits(),
	}
}

// Client fetches feeds and pages politely: bounded in time, size,
// redirects and concurrency per host.
type Client struct {
	opts    Options
	http    *http.Client
	hosts   *hostLimiter
	parsers chan struct{} // parsing is CPU work: one at a time per core
	log     *slog.Logger
}

// ErrTooLarge is returned when a body exceeds its cap.
var ErrTooLarge = errors.New("response too large")

// ErrTooManyRedirects is returned when a request is redirected too often.
var ErrTooManyRedirects = errors.New("too many redirects")

// HTTPError is a response with a status byline cannot use.
type HTTPError struct {
	Status     int
	RetryAfter time.Time
}

func (e *HTTPError) Error() string {
	if text := http.StatusText(e.Status); text != "" {
		return fmt.Sprintf("HTTP %d %s", e.Status, text)
	}
	return fmt.Sprintf("HTTP %d", e.Status)
}

// NewClient makes a Client; zero fields of opts take their defaults.
func NewClient(opts Options) *Client {
	def := DefaultOptions("dev")
	if opts.UserAgent == "" {
		opts.UserAgent = def.UserAgent
	}
	if opts.Workers <= 0 {
		opts.Workers = def.Workers
	}
	if opts.PerHost <= 0 {
		opts.PerHost = def.PerHost
	}
	opts.Limits = fillLimits(opts.Limits, def.Limits)
	dialer := &net.Dialer{Timeout: opts.Limits.ConnectTimeout, KeepAlive: 30 * time.Second}
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   opts.Limits.ConnectTimeout,
		ResponseHeaderTimeout: opts.Limits.HeaderTimeout,
		MaxIdleConns:          opts.Workers * 2,
		MaxIdleConnsPerHost:   opts.PerHost,
		MaxConnsPerHost:       opts.PerHost,
		IdleConnTimeout:       60 * time.Second,
		ForceAttemptHTTP2:     true,
		// gzip is asked for and undone by the transport; the body cap is
		// applied to what comes out, so a gzip bomb stops at the cap.
	}
	maxRedirects := opts.Limits.MaxRedirects
	return &Client{
		opts: opts,
		http: &http.Client{
			Transport: transport,
			Timeout:   opts.Limits.RequestTimeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) > maxRedirects {
					return fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, maxRedirects)
				}
				if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
					return fmt.Errorf("redirect to a %s: URL refused", req.URL.Scheme)
				}
				return nil
			},
		},
		hosts:   newHostLimiter(opts.PerHost),
		parsers: make(chan struct{}, runtime.GOMAXPROCS(0)),
		log:     orDiscard(opts.Logger),
	}
}

// parse parses a feed body once a core is free for it. Fetches wait on the
// network, parses on the CPU: many of the first at once, few of the second.
func (c *Client) parse(ctx context.Context, data []byte, feedURL string) (ParsedFeed, error) {
	select {
	case c.parsers <- struct{}{}:
	case <-ctx.Done():
		return ParsedFeed{}, ctx.Err()
	}
	defer func() { <-c.parsers }()
	return Parse(data, feedURL, c.opts.Limits.MaxItems)
}

func fillLimits(l, def Limits) Limits {
	if l.ConnectTimeout <= 0 {
		l.ConnectTimeout = def.ConnectTimeout
	}
	if l.HeaderTimeout <= 0 {
		l.HeaderTimeout = def.HeaderTimeout
	}
	if l.RequestTimeout <= 0 {
		l.RequestTimeout = def.RequestTimeout
	}
	if l.MaxFeedBytes <= 0 {
		l.MaxFeedBytes = def.MaxFeedBytes
	}
	if l.MaxPageBytes <= 0 {
		l.MaxPageBytes = def.MaxPageBytes
	}
	if l.MaxRedirects <= 0 {
		l.MaxRedirects = def.MaxRedirects
	}
	if l.MaxItems <= 0 {
		l.MaxItems = def.MaxItems
	}
	return l
}

// get performs a GET with byline's headers plus extra (which may replace
// the User-Agent), holding one of the host's slots until the body is read.
// The caller reads the body with readCapped and closes it.
func (c *Client) get(ctx context.Context, rawURL string, extra http.Header) (*http.Response, func(), error) {
	return c.getWith(ctx, c.http, rawURL, extra)
}

// getWith is get through hc (Download's has no limit on the whole time).
func (c *Client) getWith(ctx context.Context, hc *http.Client, rawURL string, extra http.Header) (*http.Response, func(), error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, nil, fmt.Errorf("not an http(s) URL: %q", rawURL)
	}
	release, err := c.hosts.acquire(ctx, u.Host)
	if err != nil {
		return nil, nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		release()
		return nil, nil, err
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	for k, vs := range extra {
		req.Header.Del(k)
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	resp, err := hc.Do(req)
	if err != nil {
		release()
		return nil, nil, describeNetError(err)
	}
	return resp, release, nil
}

// readCapped reads all of r, failing with ErrTooLarge past max bytes. size
// is what the response announced (-1 when unknown): the buffer starts at
// that size, so a large body is read without being copied as it grows.
func readCapped(r io.Reader, max, size int64) ([]byte, error) {
	var buf bytes.Buffer
	if size > 0 {
		buf.Grow(int(min(size, max) + bytes.MinRead))
	}
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	if err != nil {
		return nil, describeNetError(err)
	}
	data := buf.Bytes()
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: more than %s", ErrTooLarge, byteSize(max))
	}
	return data, nil
}

// byteSize says n in the unit a reader expects: "10 MiB", "64 KiB", "100 bytes".
func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// describeNetError turns transport errors into short reasons a reader
// understands ("timeout", "connection refused"), keeping the cause.
func describeNetError(err error) error {
	var ne net.Error
	switch {
	case errors.Is(err, ErrTooManyRedirects):
		return ErrTooManyRedirects
	case errors.Is(err, context.Canceled):
		return err
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("timeout: %w", err)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// hostLimiter holds at most n requests at once to each host.
type hostLimiter struct {
	n     int
	mu    sync.Mutex
	slots map[string]chan struct{}
}

func newHostLimiter(n int) *hostLimiter {
	return &hostLimiter{n: n, slots: map[string]chan struct{}{}}
}

func (h *hostLimiter) acquire(ctx context.Context, host string) (func(), error) {
	h.mu.Lock()
	ch, ok := h.slots[host]
	if !ok {
		ch = make(chan struct{}, h.n)
		h.slots[host] = ch
	}
	h.mu.Unlock()
	select {
	case ch <- struct{}{}:
		var once sync.Once
		return func() { once.Do(func() { <-ch }) }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
