package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/byline-reader/byline/model"
	"golang.org/x/net/html"
)

// pageAccept asks for a web page and still takes a feed.
const pageAccept = "text/html, application/xhtml+xml, application/rss+xml, " +
	"application/atom+xml, application/feed+json;q=0.9, */*;q=0.5"

// maxLinkCandidates bounds how many advertised feeds of one page are tried.
const maxLinkCandidates = 8

// wellKnownFeedPaths are tried on a site's origin when its page advertises
// no feed, best first.
func wellKnownFeedPaths() []string {
	return []string{"/feed", "/rss.xml", "/atom.xml", "/feed.json", "/index.xml", "/feed.xml", "/rss"}
}

// Discover finds the feeds of a site. When siteURL is itself a feed, that is
// the answer; else the feeds its page advertises with <link rel=alternate>;
// else those of the well-known paths (/feed, /rss.xml, ...) on its origin
// that parse. Only feeds that parse are returned, best first (a site's
// comment feeds come last). A URL without a scheme is taken as https.
//
// When it finds none, the error is the real cause, worded as a refresh
// words a feed's failure (the caller names siteURL): what the address
// answered ("HTTP 410 Gone", "connection refused"), the parse error of
// what looked like a feed, the failure of the feed the page links, or a
// web page with no feed link.
func (c *Client) Discover(ctx context.Context, siteURL string) ([]string, error) {
	site, err := normalizeSiteURL(siteURL)
	if err != nil {
		return nil, fmt.Errorf("discover %q: %w", model.SanitizeLine(siteURL), err)
	}
	origin := site
	page, status, err := c.fetchDoc(ctx, site, pageAccept)
	if status == 0 || status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		if err != nil { // no answer, or a server that asks to be left alone: no more requests
			return nil, reason(err)
		}
	}
	why := reason(err) // what is said when nothing is found
	if err != nil && !isSiteRoot(site) {
		return nil, why // a page or feed that is not there: no other feed of the site stands in
	}
	if err == nil {
		final := page.finalURL
		_, perr := Parse(page.body, final, 1)
		if perr == nil {
			return []string{site}, nil
		}
		links := feedLinks(page.body, final)
		found, linkErr := c.probe(ctx, links)
		if len(found) > 0 {
			return found, nil
		}
		switch {
		case len(links) > 0:
			why = fmt.Errorf("its feed link %s failed: %w", links[0], linkErr)
		case errors.Is(perr, errNoFeedType) && isWebPage(page.contentType, page.body):
			why = fmt.Errorf("a web page with no feed link (nor a feed at %s)", strings.Join(wellKnownFeedPaths(), ", "))
		default:
			why = perr
		}
		origin = final
	}
	var paths []string
	if u, perr := url.Parse(origin); perr == nil {
		for _, p := range wellKnownFeedPaths() {
			paths = append(paths, (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: p}).String())
		}
	}
	if found, _ := c.probe(ctx, paths); len(found) > 0 {
		return found, nil
	}
	if ctx.Err() != nil {
		return nil, reason(ctx.Err())
	}
	return nil, why
}

// isSiteRoot says whether u names a whole site (no path, or "/"), whose
// well-known feed paths may be tried when its page cannot be had.
func isSiteRoot(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Path == "" || p.Path == "/")
}

// isWebPage says whether a document is an HTML page: by its media type,
// else by its first bytes.
func isWebPage(contentType string, body []byte) bool {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "text/html", "application/xhtml+xml":
		return true
	}
	return strings.HasPrefix(http.DetectContentType(body), "text/html")
}

// normalizeSiteURL makes what a user typed an absolute http(s) URL.
func normalizeSiteURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || model.Sanitize(s) != s {
		return "", fmt.Errorf("not a URL")
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("not an http(s) URL")
	}
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String(), nil
}

type document struct {
	finalURL    string
	contentType string
	body        []byte
}

// fetchDoc GETs a page or feed, capped at the feed size limit. status is
// zero when no response arrived.
func (c *Client) fetchDoc(ctx context.Context, rawURL, accept string) (document, int, error) {
	start := time.Now()
	doc, status, err := c.fetchDocOnce(ctx, rawURL, accept)
	// A probe that misses is expected (most sites have no /feed.xml):
	// Debug; what was found, Info.
	level := slog.LevelInfo
	if err != nil {
		level = slog.LevelDebug
	}
	if c.log.Enabled(ctx, level) {
		attrs := []slog.Attr{slog.String("url", LogURL(rawURL)), slog.Int("status", status),
			slog.Int("bytes", len(doc.body)), slog.Duration("took", time.Since(start))}
		if err != nil {
			attrs = append(attrs, slog.String("error", err.Error()))
		}
		c.log.LogAttrs(ctx, level, "discover", attrs...)
	}
	return doc, status, err
}

// fetchDocOnce is fetchDoc without its log record. Once an answer came,
// the document says where it ended and its type, even without a body.
func (c *Client) fetchDocOnce(ctx context.Context, rawURL, accept string) (document, int, error) {
	resp, release, err := c.get(ctx, rawURL, http.Header{"Accept": {accept}})
	if err != nil {
		return document{}, 0, err
	}
	defer release()
	defer resp.Body.Close()
	doc := document{finalURL: resp.Request.URL.String(), contentType: resp.Header.Get("Content-Type")}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		drain(resp.Body)
		return doc, resp.StatusCode, &HTTPError{Status: resp.StatusCode}
	}
	doc.body, err = readCapped(resp.Body, c.opts.Limits.MaxFeedBytes, resp.ContentLength)
	return doc, resp.StatusCode, err
}

// probe fetches the candidates at once (the host limiter bounds them) and
// returns, in the candidates' order, those that parse as feeds; two that
// end at the same URL count once. The error is why the first candidate
// failed, when it did.
func (c *Client) probe(ctx context.Context, candidates []string) ([]string, error) {
	finals := make([]string, len(candidates))
	errs := make([]error, len(candidates))
	var wg sync.WaitGroup
	for i, cand := range candidates {
		wg.Go(func() {
			doc, _, err := c.fetchDoc(ctx, cand, feedAccept)
			if err == nil {
				_, err = Parse(doc.body, doc.finalURL, 1)
			}
			if err != nil {
				errs[i] = reason(err)
				return
			}
			finals[i] = doc.finalURL
		})
	}
	wg.Wait()
	var found, seen []string
	for i, final := range finals {
		if final != "" && !slices.Contains(seen, final) {
			seen = append(seen, final)
			found = append(found, candidates[i])
		}
	}
	if len(errs) > 0 {
		return found, errs[0]
	}
	return found, nil
}

// feedLinks lists the feeds a page advertises with <link rel="alternate"
// type="application/rss+xml" ...> (or rel="feed"), resolved against the
// page's URL or its <base href>, without repeats and comment feeds last.
func feedLinks(page []byte, pageURL string) []string {
	base := absoluteURL(pageURL)
	var main, comments []string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr || (string(name) != "link" && string(name) != "base") {
			continue
		}
		attrs := map[string]string{}
		for more := true; more; {
			var k, v []byte
			k, v, more = z.TagAttr()
			attrs[string(k)] = string(v)
		}
		if string(name) == "base" {
			if b := absoluteURL(resolveLink(base, attrs["href"])); b != nil {
				base = b
			}
			continue
		}
		if !isFeedLink(attrs["rel"], attrs["type"]) {
			continue
		}
		href := resolveLink(base, attrs["href"])
		if href == "" || slices.Contains(main, href) || slices.Contains(comments, href) {
			continue
		}
		if strings.Contains(strings.ToLower(attrs["title"]+" "+href), "comment") {
			comments = append(comments, href)
		} else {
			main = append(main, href)
		}
	}
	all := append(main, comments...)
	if len(all) > maxLinkCandidates {
		all = all[:maxLinkCandidates]
	}
	return all
}

// isFeedLink reports whether a <link>'s rel and type announce a feed.
func isFeedLink(rel, typ string) bool {
	rels := strings.Fields(strings.ToLower(rel))
	typ, _, _ = strings.Cut(strings.ToLower(strings.TrimSpace(typ)), ";")
	typ = strings.TrimSpace(typ)
	switch {
	case slices.Contains(rels, "feed"):
		return true
	case !slices.Contains(rels, "alternate"):
		return false
	}
	switch typ {
	case "application/rss+xml", "application/atom+xml", "application/feed+json",
		"application/json", "application/rdf+xml":
		return true
	}
	return false
}
