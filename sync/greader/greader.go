// Package greader is a client of the Google Reader API as Miniflux,
// FreshRSS, Inoreader and The Old Reader speak it: log in, list
// subscriptions and item ids, fetch items, mark them read or starred,
// subscribe and unsubscribe.
//
// It owns the protocol and nothing else: every string a server sends is
// sanitised here, on the way in (one-line fields by feeds.CleanLine, bodies
// by model.Sanitize, links kept only when http or https), so its callers
// hold plain, safe values. It must not touch the store, the terminal or a
// clock of its own, and its errors never hold the auth token or the
// password.
package greader

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/byline-reader/byline/model"
)

// The stream ids of a user's built-in states.
const (
	StreamReadingList = "user/-/state/com.google/reading-list"
	StreamRead        = "user/-/state/com.google/read"
	StreamStarred     = "user/-/state/com.google/starred"
)

// labelPrefix makes a folder's (label's) stream id from its name.
const labelPrefix = "user/-/label/"

// DefaultMaxResponse is the largest answer a Client reads unless told
// otherwise (Client.MaxResponse).
const DefaultMaxResponse = 16 << 20

// defaultTimeout bounds a whole request of a Client made without one.
const defaultTimeout = 60 * time.Second

// Errors callers decide on; every error of this package that means one of
// them wraps it.
var (
	// ErrAuth: a 401 or 403, or a login refused.
	ErrAuth = errors.New("wrong user name or password, or the token expired")
	// ErrNotGReader: the server does not speak the API (a 404 on its paths,
	// an HTML page where text or JSON was expected, JSON of the wrong shape,
	// an empty answer).
	ErrNotGReader = errors.New("the server does not speak the Google Reader API")
	// ErrTooLarge: an answer over Client.MaxResponse bytes.
	ErrTooLarge = errors.New("the server's answer is too large")
	// ErrNoFeed: the server found no feed at the address given to Subscribe.
	ErrNoFeed = errors.New("the server found no feed there")
)

// StatusError is a non-2xx answer that is none of the above.
type StatusError struct {
	Code int
	Body string // the answer's first line, at most 120 bytes, sanitised
}

func (e *StatusError) Error() string {
	if e.Body == "" {
		return fmt.Sprintf("HTTP %d", e.Code)
	}
	return fmt.Sprintf("HTTP %d: %s", e.Code, e.Body)
}

// Subscription is one feed the user follows on the server.
type Subscription struct {
	StreamID string // "feed/123" as the server names it
	URL      string // the feed document; "" when the server gave no http(s) URL
	Title    string
	SiteURL  string
	Folders  []string // label names
}

// Item is one entry fetched from the server.
type Item struct {
	ID            int64  // the server's item id
	StreamID      string // the feed it belongs to ("" when the server did not say)
	Read, Starred bool
	Article       model.Article // Key is the decimal ID; Read and Starred set too
}

// Client speaks the API to one server. Its methods may be called from
// several goroutines at once; set MaxResponse before the first call.
type Client struct {
	// MaxResponse caps an answer's size in bytes (DefaultMaxResponse when
	// zero or less); a larger answer is ErrTooLarge.
	MaxResponse int64
	// Logger, when set (before the first call), takes a Debug record of
	// each call: what it did, its status, size and time, never a token,
	// a password or a body.
	Logger *slog.Logger

	base string // without a trailing slash
	hc   *http.Client
	// titles undoes a server's own escaping of titles and authors before
	// they are cleaned; nil for none (see freshRSSTitles).
	titles *strings.Replacer

	mu        sync.Mutex
	token     string // the auth token (ClientLogin's Auth)
	editToken string // the T token for POSTs, "" until fetched
}

// New makes a client for the API whose base is baseURL (e.g.
// "http://host:8080" for Miniflux, "https://host/api/greader.php" for
// FreshRSS): ClientLogin is baseURL+"/accounts/ClientLogin", the rest
// baseURL+"/reader/api/0/...". A baseURL that ends with one of those API
// paths ("…/reader/api/0", "…/accounts/ClientLogin", as clients' settings
// and servers' pages show them) is taken without it. With hc nil the
// client times out after 60 s. A baseURL that is not an http(s) URL, or
// that holds a user name, password, query or fragment, is an error.
func New(baseURL string, hc *http.Client) (*Client, error) {
	u, err := url.Parse(strings.TrimSpace(baseURL))
	if err != nil {
		return nil, errors.New("greader: the server address is not a URL")
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, errors.New("greader: the server address must start with http:// or https://")
	case u.Host == "":
		return nil, errors.New("greader: the server address has no host")
	case u.User != nil:
		return nil, errors.New("greader: the server address must not hold a user name or password")
	case u.RawQuery != "" || u.Fragment != "" || u.ForceQuery:
		return nil, errors.New("greader: the server address must not hold a query or fragment")
	}
	if hc == nil {
		hc = &http.Client{Timeout: defaultTimeout}
	}
	if p, ok := trimAPIPath(u.Path); ok {
		u.Path, u.RawPath = p, ""
	}
	c := &Client{base: strings.TrimRight(u.String(), "/"), hc: hc}
	if strings.HasSuffix(strings.TrimRight(u.Path, "/"), "/greader.php") {
		c.titles = freshRSSTitles
	}
	return c, nil
}

// apiTails are the paths this client adds to the base, which no base ends
// with.
var apiTails = []string{"/reader/api/0", "/accounts/ClientLogin"}

// trimAPIPath drops an API path pasted at the end of the base's path;
// false when there is none.
func trimAPIPath(p string) (string, bool) {
	for _, tail := range apiTails {
		if rest, ok := strings.CutSuffix(strings.TrimRight(p, "/"), tail); ok {
			return rest, true
		}
	}
	return p, false
}

// freshRSSTitles undoes what FreshRSS does to every title and author its
// Google Reader API sends (escapeToUnicodeAlternative, in p/api/greader.php
// and Entry::toGReader): '&', '<' and '>' become their fullwidth forms
// '＆', '＜', '＞', so that "Fish & Chips" comes as "Fish ＆ Chips", and a
// feed renamed "A & B" comes back "A ＆ B". It always answers so (the items
// in its 'compat' form), and the protocol has no way to ask for the text
// as it is, so this one rule is FreshRSS's alone, known by the address of
// its API (…/api/greader.php). The text is then cleaned as any other title
// (tags stripped, entities decoded), as byline cleans a feed's own; a real
// fullwidth bracket in a FreshRSS title shows as the plain one.
var freshRSSTitles = strings.NewReplacer("＆", "&", "＜", "<", "＞", ">")

// unescapeTitle applies r (nil: none) to a title or author.
func unescapeTitle(r *strings.Replacer, s string) string {
	if r == nil {
		return s
	}
	return r.Replace(s)
}

// SetToken sets the auth token from an earlier Login.
func (c *Client) SetToken(token string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.token, c.editToken = token, ""
}

// tokens returns the auth token and the cached T token.
func (c *Client) tokens() (auth, edit string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.token, c.editToken
}

// maxResponse is MaxResponse or its default.
func (c *Client) maxResponse() int64 {
	if c.MaxResponse <= 0 {
		return DefaultMaxResponse
	}
	return c.MaxResponse
}

// String keeps a Client's tokens out of anything that prints it with %v.
func (c *Client) String() string {
	return fmt.Sprintf("greader.Client(%s)", c.base)
}
