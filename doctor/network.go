package doctor

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/byline-reader/byline/feeds"
)

// networkCheck fetches url once with byline's own fetcher and says what
// came back: a feed (its title and items), a page that links to feeds, or
// why neither.
func networkCheck(ctx context.Context, c *feeds.Client, url string) Check {
	start := time.Now()
	p := c.Probe(ctx, url)
	took := time.Since(start).Round(time.Millisecond)
	answer := fmt.Sprintf("%s in %s", url, seconds(took))
	if p.Status != 0 {
		answer = fmt.Sprintf("%s: HTTP %d", answer, p.Status)
		if p.ContentType != "" {
			answer += " " + p.ContentType
		}
		if p.Bytes > 0 {
			answer += ", " + bytesText(int64(p.Bytes))
		}
	}
	if p.FinalURL != "" && p.FinalURL != url {
		answer += ", redirected to " + p.FinalURL
	}
	var he *feeds.HTTPError
	switch {
	case p.Err == nil:
		title := p.Title
		if title == "" {
			title = "(untitled)"
		}
		return check("network", OK, fmt.Sprintf("%s: a feed, %q, %d %s", answer, title, p.Items, plural(p.Items, "item", "items")), "")
	case errors.Is(p.Err, feeds.ErrParse) && len(p.FeedLinks) > 0:
		return check("network", Warn, answer+": a page that links to "+strings.Join(p.FeedLinks, ", "),
			"byline add "+url+" subscribes to the feed it links to")
	case errors.As(p.Err, &he):
		return check("network", Fail, answer, httpHint(he.Status))
	case p.Status != 0:
		return check("network", Fail, answer+": "+oneLine(p.Err.Error()), "the server answers, but not with a feed byline reads")
	}
	return check("network", Fail, answer+": "+oneLine(p.Err.Error()),
		"check the address, the network and any proxy ($HTTPS_PROXY)")
}

func httpHint(status int) string {
	switch {
	case status == 401 || status == 403:
		return "the server refuses byline: the feed may need a login, or a user_agent setting (byline feed set)"
	case status == 404 || status == 410:
		return "the feed is not there: look for its new address on the site"
	case status == 429:
		return "the server asks for fewer requests: byline waits as it says"
	case status >= 500:
		return "the server failed: try again later"
	}
	return "the server did not send the feed"
}

// seconds is d as a person reads a short time: "0.31 s".
func seconds(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }
