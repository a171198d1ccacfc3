package feeds

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/byline-reader/byline/model"
)

// feedAccept asks for feed formats first and still takes whatever comes.
const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, " +
	"application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, " +
	"application/json;q=0.8, */*;q=0.5"

// maxRetryAfter bounds how long one Retry-After header can bench a feed.
const maxRetryAfter = 24 * time.Hour

// maxValidator bounds the ETag and Last-Modified values byline keeps.
const maxValidator = 512

// FetchFeed fetches and parses one feed, sending the validators of the last
// fetch so an unchanged feed costs a 304. It never panics: a failure is in
// the result's Err as a short reason ("HTTP 404 Not Found", "timeout",
// "parse error: ...", "response too large: more than 10 MiB", "too many
// redirects"), and the feed's old validators are kept in the result.
func (c *Client) FetchFeed(ctx context.Context, f model.Feed) model.FetchResult {
	return c.fetchFeed(ctx, f, nil, nil)
}

// fetchFeed is FetchFeed. With hold, it takes one of hold's slots before
// it reads a body and sets *held: the slot is the caller's to free once
// the result is handed on, so that no more bodies and parsed feeds wait
// in memory than hold has slots.
func (c *Client) fetchFeed(ctx context.Context, f model.Feed, hold chan struct{}, held *bool) model.FetchResult {
	start := time.Now()
	var tr feedTrace
	res := c.fetchFeedTraced(ctx, f, hold, held, &tr)
	c.logFeed(ctx, f, res, tr, time.Since(start))
	return res
}

// fetchFeedTraced is fetchFeed, noting in tr the bytes read and the time
// parsing took.
func (c *Client) fetchFeedTraced(ctx context.Context, f model.Feed, hold chan struct{}, held *bool, tr *feedTrace) (res model.FetchResult) {
	res = model.FetchResult{Feed: f, ETag: f.ETag, LastModified: f.LastModified}
	defer func() {
		if r := recover(); r != nil {
			res.Err = fmt.Errorf("internal error: %v", r)
		}
	}()
	hdr := http.Header{}
	hdr.Set("Accept", feedAccept)
	if ua := f.Settings.UserAgent; ua != "" {
		hdr.Set("User-Agent", ua) // the feed's own setting
	}
	if f.ETag != "" {
		hdr.Set("If-None-Match", f.ETag)
	}
	if f.LastModified != "" {
		hdr.Set("If-Modified-Since", f.LastModified)
	}
	resp, release, err := c.get(ctx, f.URL, hdr)
	if err != nil {
		res.Err = reason(err)
		return res
	}
	defer release()
	defer resp.Body.Close()
	res.Status = resp.StatusCode
	res.FinalURL = resp.Request.URL.String()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		res.NotModified = true
		res.ETag = validator(resp.Header.Get("ETag"), f.ETag)
		res.LastModified = validator(resp.Header.Get("Last-Modified"), f.LastModified)
		res.MaxAge = freshness(resp.Header)
		return res
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		he := &HTTPError{Status: resp.StatusCode}
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
			he.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
			if he.RetryAfter.IsZero() && resp.StatusCode == http.StatusTooManyRequests {
				he.RetryAfter = time.Now().Add(throttleWait)
			}
			res.RetryAfter = he.RetryAfter
		}
		drain(resp.Body)
		res.Err = he
		return res
	}
	if hold != nil {
		select {
		case hold <- struct{}{}:
		case <-ctx.Done():
			res.Err = ctx.Err()
			return res
		}
		*held = true
	}
	data, err := readCapped(resp.Body, c.opts.Limits.MaxFeedBytes, resp.ContentLength)
	if err != nil {
		res.Err = reason(err)
		return res
	}
	tr.bytes = len(data)
	// The host's slot is not needed to parse: free it for the next feed.
	resp.Body.Close()
	release()
	parseStart := time.Now()
	pf, err := c.parse(ctx, data, res.FinalURL)
	tr.parse = time.Since(parseStart)
	if err != nil {
		res.Err = err
		return res
	}
	res.ETag = validator(resp.Header.Get("ETag"), "")
	res.LastModified = validator(resp.Header.Get("Last-Modified"), "")
	res.MaxAge = freshness(resp.Header)
	res.Title, res.SiteURL, res.Articles = pf.Title, pf.SiteURL, pf.Articles
	return res
}

// validator is a response's ETag or Last-Modified made safe to store, or
// old when the response has none.
func validator(v, old string) string {
	v = model.SanitizeLine(v)
	if v == "" || len(v) > maxValidator {
		return old
	}
	return v
}

// drain reads a little of an unwanted body so the connection can be reused.
func drain(r io.Reader) {
	_, _ = io.CopyN(io.Discard, r, 4<<10)
}

// parseRetryAfter reads a Retry-After value, delay-seconds or an HTTP-date,
// as the time before which byline should not ask again. It is zero when the
// value is missing, unreadable or already past, and at most a day away.
func parseRetryAfter(v string, now time.Time) time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}
	}
	var t time.Time
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return time.Time{}
		}
		if secs > int64(maxRetryAfter/time.Second) {
			secs = int64(maxRetryAfter / time.Second)
		}
		t = now.Add(time.Duration(secs) * time.Second)
	} else if d, err := http.ParseTime(v); err == nil {
		t = d
	} else {
		return time.Time{}
	}
	if !t.After(now) {
		return time.Time{}
	}
	if t.Sub(now) > maxRetryAfter {
		t = now.Add(maxRetryAfter)
	}
	return t
}

// reasonError is a failure told in a few words a reader understands, with
// the full cause kept for errors.Is and errors.As.
type reasonError struct {
	msg string
	err error
}

func (e *reasonError) Error() string { return e.msg }
func (e *reasonError) Unwrap() error { return e.err }

// reason shortens a fetch failure to what a feed list can show.
func reason(err error) error {
	var (
		he   *HTTPError
		dns  *net.DNSError
		cert *tls.CertificateVerificationError
	)
	short := func(msg string) error { return &reasonError{msg: msg, err: err} }
	switch {
	case err == nil:
		return nil
	case errors.As(err, &he), errors.Is(err, ErrTooLarge), errors.Is(err, ErrParse):
		return err
	case errors.Is(err, ErrTooManyRedirects):
		return short("too many redirects")
	case errors.Is(err, context.Canceled):
		return short("cancelled")
	case isTimeout(err):
		return short("timeout")
	case errors.As(err, &dns):
		if dns.IsNotFound {
			return short("host not found")
		}
		return short("DNS lookup failed")
	case errors.Is(err, syscall.ECONNREFUSED):
		return short("connection refused")
	case errors.Is(err, syscall.ECONNRESET):
		return short("connection reset")
	case errors.As(err, &cert):
		return short("TLS certificate not trusted")
	}
	return short(model.Truncate(model.SanitizeLine(err.Error()), 160))
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}
