package feeds

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/byline-reader/byline/feeds/extract"
)

// ErrNotHTML is returned for a page that is not a web page (a PDF, an
// image, a video…): byline extracts articles only from HTML.
var ErrNotHTML = errors.New("not HTML")

// htmlAccept asks for a web page.
const htmlAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"

// Page is an article's web page as fetched, decoded to UTF-8.
type Page struct {
	URL         string // where the page was found, after redirects
	ContentType string // the media type, without parameters
	Charset     string // the encoding the page was decoded from
	HTML        []byte // the page, in valid UTF-8
}

// FetchPage GETs an article's page, at most Limits.MaxPageBytes of it, and
// decodes it to UTF-8 from the charset its Content-Type or <meta> names
// (bytes that are not valid in it are replaced, not fatal). Failures read
// as a reader would say them: "the page answered 404", "timeout", "the
// page is larger than 5 MiB", "the page is a PDF, not HTML" (ErrNotHTML).
func (c *Client) FetchPage(ctx context.Context, pageURL string) (Page, error) {
	return c.fetchPage(ctx, pageURL, "")
}

// fetchPage is FetchPage sending userAgent ("": byline's).
func (c *Client) fetchPage(ctx context.Context, pageURL, userAgent string) (Page, error) {
	limit := c.opts.Limits.MaxPageBytes
	r, err := c.getBody(ctx, pageURL, htmlAccept, userAgent, "page", limit,
		func(err error) error { return pageReason(err, limit) }, checkHTML)
	if err != nil {
		return Page{}, err
	}
	mediaType := r.mediaType
	if mediaType == "" || mediaType == "application/octet-stream" {
		mediaType, _, _ = mime.ParseMediaType(http.DetectContentType(r.body))
		if err := checkHTML(mediaType); err != nil {
			return Page{}, err
		}
	}
	text, name := extract.DecodePage(r.body, r.params["charset"])
	return Page{URL: r.url, ContentType: mediaType, Charset: name, HTML: text}, nil
}

// fetched is a response read whole, and what its Content-Type said of it.
type fetched struct {
	url       string            // where it was found, after redirects
	mediaType string            // without parameters; "" when none was given
	params    map[string]string // the Content-Type's parameters (charset)
	body      []byte
	status    int
}

// getBody GETs addr and reads its body, at most limit bytes: FetchPage's
// and FetchImage's common steps. A status other than 2xx is "the <noun>
// answered 404" (an HTTPError); check refuses a media type before the
// body is read; word rewords a transport failure, and a body past limit
// (ErrTooLarge), for the caller. userAgent, unless "", replaces byline's.
func (c *Client) getBody(ctx context.Context, addr, accept, userAgent, noun string, limit int64,
	word func(error) error, check func(mediaType string) error) (fetched, error) {
	start := time.Now()
	r, err := c.getBodyOnce(ctx, addr, accept, userAgent, noun, limit, word, check)
	c.logBody(ctx, noun, addr, r, err, time.Since(start))
	return r, err
}

// getBodyOnce is getBody without its log record.
func (c *Client) getBodyOnce(ctx context.Context, addr, accept, userAgent, noun string, limit int64,
	word func(error) error, check func(mediaType string) error) (fetched, error) {
	hdr := http.Header{"Accept": {accept}}
	if userAgent != "" {
		hdr.Set("User-Agent", userAgent)
	}
	resp, release, err := c.get(ctx, addr, hdr)
	if err != nil {
		return fetched{}, word(err)
	}
	defer release()
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		drain(resp.Body)
		return fetched{}, &reasonError{
			msg: fmt.Sprintf("the %s answered %d", noun, resp.StatusCode),
			err: &HTTPError{Status: resp.StatusCode, RetryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())},
		}
	}
	if resp.ContentLength > limit {
		return fetched{}, word(ErrTooLarge)
	}
	mediaType, params, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if err := check(mediaType); err != nil {
		drain(resp.Body)
		return fetched{mediaType: mediaType, status: resp.StatusCode}, err
	}
	data, err := readCapped(resp.Body, limit, resp.ContentLength)
	if err != nil {
		return fetched{}, word(err)
	}
	return fetched{url: resp.Request.URL.String(), mediaType: mediaType, params: params, body: data,
		status: resp.StatusCode}, nil
}

// FetchArticle fetches a page and extracts its article.
func (c *Client) FetchArticle(ctx context.Context, pageURL string) (extract.Extracted, error) {
	return c.FetchArticleAs(ctx, pageURL, "")
}

// FetchArticleAs is FetchArticle sending userAgent in place of byline's
// own ("": byline's), as a feed's settings may ask for its pages.
func (c *Client) FetchArticleAs(ctx context.Context, pageURL, userAgent string) (extract.Extracted, error) {
	p, err := c.fetchPage(ctx, pageURL, userAgent)
	if err != nil {
		return extract.Extracted{}, err
	}
	start := time.Now()
	ex, err := extract.Extract(p.HTML, p.URL)
	c.logExtract(ctx, p.URL, ex.Markdown, err, time.Since(start))
	return ex, err
}

// pageReason words a transport failure for a page.
func pageReason(err error, limit int64) error {
	switch {
	case errors.Is(err, ErrTooLarge):
		return tooLarge(limit, err)
	case errors.Is(err, context.Canceled):
		return err
	case isTimeout(err):
		return &reasonError{msg: "timeout", err: err}
	}
	return reason(err)
}

func tooLarge(limit int64, err error) error {
	return &reasonError{msg: "the page is larger than " + byteSize(limit), err: err}
}

// checkHTML accepts HTML and XHTML (and an unknown type, sniffed later)
// and names anything else in ErrNotHTML.
func checkHTML(mediaType string) error {
	what := ""
	switch {
	case mediaType == "", mediaType == "application/octet-stream",
		mediaType == "text/html", mediaType == "application/xhtml+xml":
		return nil
	case mediaType == "application/pdf":
		what = "a PDF"
	case strings.HasPrefix(mediaType, "image/"):
		what = "an image"
	case strings.HasPrefix(mediaType, "video/"):
		what = "a video"
	case strings.HasPrefix(mediaType, "audio/"):
		what = "audio"
	case mediaType == "text/plain":
		what = "plain text"
	case strings.Contains(mediaType, "json"):
		what = "JSON"
	case strings.Contains(mediaType, "xml"):
		what = "XML"
	default:
		what = "a " + mediaType + " file"
	}
	return &reasonError{msg: "the page is " + what + ", not HTML", err: ErrNotHTML}
}
