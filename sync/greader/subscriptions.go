package greader

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/byline-reader/byline/feeds"
)

// Subscriptions lists the feeds the user follows.
func (c *Client) Subscriptions(ctx context.Context) (_ []Subscription, err error) {
	defer c.guard(&err)
	const op = "list subscriptions"
	a, err := c.get(ctx, request{op: op, path: apiPath + "subscription/list",
		query: url.Values{"output": {"json"}}})
	if err != nil {
		return nil, err
	}
	body, err := jsonBody(a)
	if err != nil {
		return nil, wrap(op, err)
	}
	subs, err := decodeSubscriptions(body, c.titles)
	if err != nil {
		return nil, wrap(op, err)
	}
	return subs, nil
}

// rawSubscription is one entry of subscription/list as servers send it.
type rawSubscription struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	URL        string `json:"url"`
	HTMLURL    string `json:"htmlUrl"`
	Categories []struct {
		ID    string `json:"id"`
		Label string `json:"label"`
		Type  string `json:"type"`
	} `json:"categories"`
}

// decodeSubscriptions reads subscription/list: {"subscriptions": […]}.
// Each entry is read on its own; one without an id is left out. titles
// undoes the server's own escaping of titles (nil: none).
func decodeSubscriptions(body []byte, titles *strings.Replacer) ([]Subscription, error) {
	const bad = "the subscription list is not the JSON expected"
	var doc struct {
		Subscriptions json.RawMessage `json:"subscriptions"`
	}
	if !isObject(body) || json.Unmarshal(body, &doc) != nil {
		return nil, notGReader(bad)
	}
	return decodeEach(doc.Subscriptions, bad, "no subscription could be read",
		func(r *rawSubscription) (Subscription, bool) { return r.subscription(titles) })
}

// subscription turns a raw entry into a Subscription, sanitised.
func (r *rawSubscription) subscription(titles *strings.Replacer) (Subscription, bool) {
	s := Subscription{StreamID: cleanID(r.ID), Title: feeds.CleanLine(unescapeTitle(titles, r.Title))}
	if s.StreamID == "" {
		return Subscription{}, false
	}
	s.URL = feeds.ResolveLink("", r.URL)
	if rest, ok := strings.CutPrefix(r.ID, "feed/"); ok && s.URL == "" {
		s.URL = feeds.ResolveLink("", rest) // Inoreader's ids are feed/URL
	}
	s.SiteURL = feeds.ResolveLink(s.URL, r.HTMLURL)
	for _, cat := range r.Categories {
		name := labelName(cat.ID)
		if cat.Label != "" && (name != "" || cat.Type == "folder") {
			name = cat.Label
		}
		name = feeds.CleanLine(name)
		if name != "" && !slices.Contains(s.Folders, name) {
			s.Folders = append(s.Folders, name)
		}
	}
	return s, true
}

// labelName is NAME of a label stream "user/-/label/NAME" or
// "user/123/label/NAME", else "".
func labelName(id string) string {
	rest, ok := strings.CutPrefix(id, "user/")
	if !ok {
		return ""
	}
	user, name, ok := strings.Cut(rest, "/label/")
	if !ok || user == "" || strings.Contains(user, "/") {
		return ""
	}
	return name
}

// Subscribe asks the server to follow the feed at feedURL (an absolute
// http(s) URL; the server may discover the feed from a page) and, when
// title or folder is given, names it or files it there. It returns the
// stream id the server gave the new subscription ("feed/123"); a feed
// the user already follows is no error, and its stream id comes back.
// When the server found no feed, the error is ErrNoFeed. When the subscription was
// made but naming or filing it failed, the stream id comes back with the
// error.
func (c *Client) Subscribe(ctx context.Context, feedURL, title, folder string) (_ string, err error) {
	defer c.guard(&err)
	u := feeds.ResolveLink("", feedURL)
	if u == "" {
		return "", wrap("subscribe", errors.New("the feed address must be an http or https URL"))
	}
	op := cut("subscribe to "+u, 200)
	id, err := c.quickAdd(ctx, op, u)
	var se *StatusError
	if errors.Is(err, ErrNoFeed) || errors.As(err, &se) {
		if known := c.subscribedTo(ctx, u); known != "" {
			id, err = known, nil
		}
	}
	if err != nil {
		return "", err
	}
	if title == "" && folder == "" {
		return id, nil
	}
	if err := c.EditSubscription(ctx, id, title, folder, ""); err != nil {
		inner := &transportErr{msg: strings.TrimPrefix(err.Error(), "greader: "), err: err}
		return id, wrap(op, fmt.Errorf("subscribed as %s, but %w", id, inner))
	}
	return id, nil
}

// quickAdd asks the server to follow the feed at u and returns the stream
// id it gave.
func (c *Client) quickAdd(ctx context.Context, op, u string) (string, error) {
	// quickadd takes the URL itself: Miniflux refuses "feed/URL", which
	// FreshRSS and Inoreader take too but do not need. It goes in the query
	// (older FreshRSS reads it only there) and in the body.
	a, err := c.post(ctx, request{op: op, path: apiPath + "subscription/quickadd",
		query: url.Values{"output": {"json"}, "quickadd": {u}}, form: url.Values{"quickadd": {u}}})
	if err != nil {
		return "", err
	}
	body, err := jsonBody(a)
	if err != nil {
		return "", wrap(op, err)
	}
	id, err := decodeQuickAdd(body)
	if err != nil {
		return "", wrap(op, err)
	}
	return id, nil
}

// subscribedTo is the stream id of the user's subscription to the feed at
// u, "" when there is none or the list cannot be had. quickadd of a feed
// the user already follows answers numResults 1 on Inoreader, but 0 on
// FreshRSS ("Already subscribed!") and HTTP 500 on Miniflux ("This feed
// already exists."): whichever, the user follows it, and the list says
// under which id.
func (c *Client) subscribedTo(ctx context.Context, u string) string {
	subs, err := c.Subscriptions(ctx)
	if err != nil {
		return ""
	}
	for _, s := range subs {
		if s.URL == u {
			return s.StreamID
		}
	}
	return ""
}

// decodeQuickAdd reads subscription/quickadd's answer: {"numResults": 1,
// "streamId": "feed/123"}; numResults 0 is ErrNoFeed, with the server's
// reason when it gives one. Older FreshRSS gives the stream id as a bare
// number.
func decodeQuickAdd(body []byte) (string, error) {
	var doc struct {
		NumResults *flexInt   `json:"numResults"`
		StreamID   flexString `json:"streamId"`
		Error      flexString `json:"error"`
	}
	if !isObject(body) || json.Unmarshal(body, &doc) != nil || doc.NumResults == nil {
		return "", notGReader("the subscription answer is not the JSON expected")
	}
	if *doc.NumResults <= 0 {
		if why := cut(feeds.CleanLine(string(doc.Error)), maxErrorLine); why != "" {
			return "", fmt.Errorf("%w (%s)", ErrNoFeed, why)
		}
		return "", ErrNoFeed
	}
	id := cleanID(string(doc.StreamID))
	if isDecimal(id) && id != "" {
		id = "feed/" + id
	}
	if id == "" {
		return "", notGReader("the subscription answer names no stream")
	}
	return id, nil
}

// EditSubscription renames a subscription (title != "") and/or moves it
// into the folder addFolder and out of removeFolder (label names; "" for
// none). streamID is as the server gave it. Miniflux files a feed in one
// folder only and ignores removeFolder; adding moves it.
func (c *Client) EditSubscription(ctx context.Context, streamID, title, addFolder, removeFolder string) (err error) {
	defer c.guard(&err)
	if title == "" && addFolder == "" && removeFolder == "" {
		return nil
	}
	form := url.Values{"ac": {"edit"}, "s": {streamID}}
	if title != "" {
		form.Set("t", title)
	}
	if addFolder != "" {
		form.Set("a", labelPrefix+addFolder)
	}
	if removeFolder != "" {
		form.Set("r", labelPrefix+removeFolder)
	}
	return c.editSubscription(ctx, "edit subscription "+streamID, form)
}

// Unsubscribe stops following the subscription streamID (as the server
// gave it).
func (c *Client) Unsubscribe(ctx context.Context, streamID string) (err error) {
	defer c.guard(&err)
	form := url.Values{"ac": {"unsubscribe"}, "s": {streamID}}
	return c.editSubscription(ctx, "unsubscribe from "+streamID, form)
}

// editSubscription posts subscription/edit and checks its OK.
func (c *Client) editSubscription(ctx context.Context, op string, form url.Values) error {
	op = cut(feeds.CleanLine(op), 200)
	a, err := c.post(ctx, request{op: op, path: apiPath + "subscription/edit", form: form})
	if err != nil {
		return err
	}
	if err := expectOK(a); err != nil {
		return wrap(op, err)
	}
	return nil
}
