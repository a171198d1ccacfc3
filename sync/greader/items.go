package greader

import (
	"context"
	"encoding/json"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/byline-reader/byline/feeds"
	"github.com/byline-reader/byline/model"
)

// maxIDBytes bounds a stream id taken from a server: a longer one is
// dropped.
const maxIDBytes = 2 << 10

// maxUnix is the last second of year 9999: a later time is a mistake.
const maxUnix = 253402300799

// Contents fetches the given items. The caller batches (a few hundred ids
// a request keeps answers well under MaxResponse). Items the server does
// not send (deleted ones) are missing from the result; so is an item
// whose id or shape cannot be read, unless no item at all can be, which
// is ErrNotGReader.
func (c *Client) Contents(ctx context.Context, ids []int64) (_ []Item, err error) {
	defer c.guard(&err)
	if len(ids) == 0 {
		return nil, nil
	}
	const op = "fetch items"
	form := url.Values{}
	for _, id := range ids {
		form.Add("i", longID(id))
	}
	a, err := c.post(ctx, request{op: op, path: apiPath + "stream/items/contents",
		query: url.Values{"output": {"json"}}, form: form})
	if err != nil {
		return nil, err
	}
	body, err := jsonBody(a)
	if err != nil {
		return nil, wrap(op, err)
	}
	items, err := decodeItems(body, c.titles)
	if err != nil {
		return nil, wrap(op, err)
	}
	return items, nil
}

// rawItem is one item of stream/items/contents as servers send it.
type rawItem struct {
	ID            flexString `json:"id"`
	Categories    []string   `json:"categories"`
	Title         string     `json:"title"`
	Author        string     `json:"author"`
	Published     flexInt    `json:"published"`
	Updated       flexInt    `json:"updated"`
	TimestampUsec flexInt    `json:"timestampUsec"`
	CrawlTimeMsec flexInt    `json:"crawlTimeMsec"`
	Canonical     []rawLink  `json:"canonical"`
	Alternate     []rawLink  `json:"alternate"`
	Summary       rawText    `json:"summary"`
	Content       rawText    `json:"content"`
	Origin        struct {
		StreamID string `json:"streamId"`
		HTMLURL  string `json:"htmlUrl"`
	} `json:"origin"`
}

type rawLink struct {
	Href string `json:"href"`
	Type string `json:"type"`
}

type rawText struct {
	Content string `json:"content"`
}

// decodeItems reads stream/items/contents: {"items": […]}. Each item is
// read on its own, so that one odd item costs only itself. titles undoes
// the server's own escaping of titles and authors (nil: none).
func decodeItems(body []byte, titles *strings.Replacer) ([]Item, error) {
	const bad = "the items are not the JSON expected"
	var doc struct {
		Items json.RawMessage `json:"items"`
	}
	if !isObject(body) || json.Unmarshal(body, &doc) != nil {
		return nil, notGReader(bad)
	}
	return decodeEach(doc.Items, bad, "no item could be read",
		func(r *rawItem) (Item, bool) { return r.item(titles) })
}

// decodeEach reads a JSON array one element at a time, as an R made a T
// by convert (false: left out), so that one odd element costs only
// itself. A list that is not an array is ErrNotGReader (bad), and so is
// one none of whose elements can be read (none).
func decodeEach[R, T any](list json.RawMessage, bad, none string, convert func(*R) (T, bool)) ([]T, error) {
	var raws []json.RawMessage
	if len(list) == 0 || json.Unmarshal(list, &raws) != nil {
		return nil, notGReader(bad)
	}
	out := make([]T, 0, len(raws))
	for _, raw := range raws {
		var r R
		if json.Unmarshal(raw, &r) != nil {
			continue
		}
		if v, ok := convert(&r); ok {
			out = append(out, v)
		}
	}
	if len(out) == 0 && len(raws) > 0 {
		return nil, notGReader(none)
	}
	return out, nil
}

// item turns a raw item into an Item, sanitised; false when its id cannot
// be read.
func (r *rawItem) item(titles *strings.Replacer) (Item, bool) {
	id, ok := parseItemID(string(r.ID))
	if !ok {
		return Item{}, false
	}
	it := Item{ID: id, StreamID: cleanID(r.Origin.StreamID)}
	for _, cat := range r.Categories {
		switch {
		case !strings.HasPrefix(cat, "user/"):
		case strings.HasSuffix(cat, "/state/com.google/read"):
			it.Read = true
		case strings.HasSuffix(cat, "/state/com.google/starred"):
			it.Starred = true
		}
	}
	content, summary := r.Content.Content, r.Summary.Content
	switch {
	case content == "":
		content, summary = summary, ""
	case summary == content: // Miniflux sends the text twice
		summary = ""
	}
	a := model.Article{
		Key:     strconv.FormatInt(id, 10),
		Title:   feeds.CleanLine(unescapeTitle(titles, r.Title)),
		Author:  feeds.CleanLine(unescapeTitle(titles, r.Author)),
		URL:     r.link(),
		Content: model.Sanitize(content),
		Summary: model.Sanitize(summary),
		Read:    it.Read,
		Starred: it.Starred,
	}
	a.Published = unixTime(int64(r.Published), 1)
	a.Updated = unixTime(int64(r.Updated), 1)
	for _, t := range []time.Time{a.Updated, unixTime(int64(r.TimestampUsec), 1e6),
		unixTime(int64(r.CrawlTimeMsec), 1e3)} {
		if a.Published.IsZero() {
			a.Published = t // what the server knows of when the item came
		}
	}
	it.Article = a
	return it, true
}

// link is the item's address: its canonical link, else its alternate
// (an HTML one first), resolved against its site; "" when none is http(s).
func (r *rawItem) link() string {
	base := feeds.ResolveLink("", r.Origin.HTMLURL)
	for _, l := range r.Canonical {
		if u := feeds.ResolveLink(base, l.Href); u != "" {
			return u
		}
	}
	for _, htmlOnly := range []bool{true, false} {
		for _, l := range r.Alternate {
			if htmlOnly && l.Type != "" && !strings.Contains(strings.ToLower(l.Type), "html") {
				continue
			}
			if u := feeds.ResolveLink(base, l.Href); u != "" {
				return u
			}
		}
	}
	return ""
}

// cleanID makes a server's stream id safe: one line, no control
// character; "" when longer than maxIDBytes. Unlike a title, entities are
// left as they are: the id goes back to the server as it came.
func cleanID(s string) string {
	s = model.SanitizeLine(s)
	if len(s) > maxIDBytes {
		return ""
	}
	return s
}

// unixTime is n units since 1970 (perSecond units a second) in UTC; zero
// when n is not a plausible time.
func unixTime(n, perSecond int64) time.Time {
	sec := n / perSecond
	if sec <= 0 || sec > maxUnix {
		return time.Time{}
	}
	return time.Unix(sec, 0).UTC()
}

// flexInt is a JSON number or a string holding one (servers differ on
// times); anything else, or a number out of range, is 0.
type flexInt int64

func (f *flexInt) UnmarshalJSON(b []byte) error {
	s := string(b)
	if len(s) >= 2 && s[0] == '"' {
		var str string
		if json.Unmarshal(b, &str) != nil {
			*f = 0
			return nil
		}
		s = strings.TrimSpace(str)
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		*f = flexInt(n)
		return nil
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || x < math.MinInt64 || x >= math.MaxInt64 {
		x = 0
	}
	*f = flexInt(x)
	return nil
}
