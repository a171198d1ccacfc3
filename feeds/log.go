package feeds

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/byline-reader/byline/model"
)

// The client's log (Options.Logger) has one record per request: a feed
// fetched (Info, Warn when it failed), a page or picture fetched, an
// article extracted, a document discovery read (its probes that miss are
// Debug). Nothing here is written anywhere else, and a nil Logger writes
// nothing.

// orDiscard is l, or a logger that discards everything when l is nil.
func orDiscard(l *slog.Logger) *slog.Logger {
	if l == nil {
		return slog.New(slog.DiscardHandler)
	}
	return l
}

// LogURL is an address as a log may show it: a password in it, and the
// values of query parameters named like secrets (token, key, auth…),
// replaced, since logs are pasted into bug reports.
func LogURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	changed := false
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "REDACTED")
		changed = true
	}
	if u.RawQuery != "" {
		// Pair by pair as written (url.Query drops some, with ';' say).
		parts := strings.Split(u.RawQuery, "&")
		for i, p := range parts {
			k, _, _ := strings.Cut(p, "=")
			if name, err := url.QueryUnescape(k); err != nil || secretName(name) {
				parts[i] = k + "=REDACTED"
				changed = true
			}
		}
		u.RawQuery = strings.Join(parts, "&")
	}
	if !changed {
		return raw
	}
	return u.String()
}

// secretName reports a query parameter whose value is likely a secret.
func secretName(k string) bool {
	k = strings.ToLower(k)
	for _, w := range []string{"token", "key", "auth", "pass", "secret", "sig", "session"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// levelOf is Warn for a failure, else Info.
func levelOf(err error) slog.Level {
	if err != nil {
		return slog.LevelWarn
	}
	return slog.LevelInfo
}

// feedTrace is what a feed's fetch measured, for its log record.
type feedTrace struct {
	bytes int
	parse time.Duration
}

// logFeed writes the record of one feed's fetch.
func (c *Client) logFeed(ctx context.Context, f model.Feed, res model.FetchResult, tr feedTrace, took time.Duration) {
	level := levelOf(res.Err)
	if !c.log.Enabled(ctx, level) {
		return
	}
	attrs := []slog.Attr{
		slog.Int64("feed", f.ID),
		slog.String("url", LogURL(f.URL)),
		slog.Int("status", res.Status),
		slog.Int("bytes", tr.bytes),
		slog.Bool("conditional", f.ETag != "" || f.LastModified != ""),
		slog.Bool("not_modified", res.NotModified),
		slog.Int("items", len(res.Articles)),
		slog.Duration("took", took),
	}
	if tr.parse > 0 {
		attrs = append(attrs, slog.Duration("parse", tr.parse))
	}
	if res.FinalURL != "" && res.FinalURL != f.URL {
		attrs = append(attrs, slog.String("final_url", LogURL(res.FinalURL)))
	}
	if res.Err != nil {
		attrs = append(attrs, slog.String("error", res.Err.Error()))
	}
	c.log.LogAttrs(ctx, level, "fetch feed", attrs...)
}

// logBody writes the record of a page's or a picture's fetch (noun).
func (c *Client) logBody(ctx context.Context, noun, addr string, r fetched, err error, took time.Duration) {
	level := levelOf(err)
	if !c.log.Enabled(ctx, level) {
		return
	}
	status := r.status
	var he *HTTPError
	if errors.As(err, &he) {
		status = he.Status
	}
	attrs := []slog.Attr{
		slog.String("url", LogURL(addr)),
		slog.Int("status", status),
		slog.Int("bytes", len(r.body)),
		slog.String("type", r.mediaType),
		slog.Duration("took", took),
	}
	if r.url != "" && r.url != addr {
		attrs = append(attrs, slog.String("final_url", LogURL(r.url)))
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	c.log.LogAttrs(ctx, level, "fetch "+noun, attrs...)
}

// logExtract writes the record of an article extracted from a page.
func (c *Client) logExtract(ctx context.Context, pageURL string, markdown string, err error, took time.Duration) {
	level := levelOf(err)
	if !c.log.Enabled(ctx, level) {
		return
	}
	attrs := []slog.Attr{
		slog.String("url", LogURL(pageURL)),
		slog.String("extractor", "readability+judge"),
		slog.Int("words", model.WordCount(markdown)),
		slog.Duration("took", took),
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	c.log.LogAttrs(ctx, level, "extract article", attrs...)
}
