package greader

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/byline-reader/byline/model"
)

// pageSize is how many ids ItemIDs asks for at once: Miniflux's maximum.
const pageSize = 10000

// maxIdlePages is how many pages in a row may bring no new id before
// ItemIDs decides the server is paging in circles.
const maxIdlePages = 5

// maxContinuation bounds a continuation token, in bytes.
const maxContinuation = 1 << 10

// editBatch is how many items one edit-tag request names at most.
const editBatch = 1000

// longIDPrefix starts an item id in its long form.
const longIDPrefix = "tag:google.com,2005:reader/item/"

// ItemIDs lists every item id of a stream (StreamReadingList,
// StreamStarred, a feed's stream id…), without those also in exclude (""
// for none, or StreamRead for unread items only). It follows the
// server's continuations until they end; ids repeated across pages are
// listed once. An id this package cannot read as a number is
// ErrNotGReader.
func (c *Client) ItemIDs(ctx context.Context, stream, exclude string) (_ []int64, err error) {
	defer c.guard(&err)
	const op = "list items"
	q := url.Values{"output": {"json"}, "s": {stream}, "n": {strconv.Itoa(pageSize)}}
	if exclude != "" {
		q.Set("xt", exclude)
	}
	var ids []int64
	seen := map[int64]bool{}
	continuations := map[string]bool{}
	from := 0 // the offset this page was asked from, when the server pages by offset
	for idle := 0; ; {
		a, err := c.get(ctx, request{op: op, path: apiPath + "stream/items/ids", query: q})
		if err != nil {
			return nil, err
		}
		body, err := jsonBody(a)
		if err != nil {
			return nil, wrap(op, err)
		}
		page, next, err := decodeIDPage(body)
		if err != nil {
			return nil, wrap(op, err)
		}
		before := len(ids)
		for _, id := range page {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
		if next == "" {
			return ids, nil
		}
		next, from = overlap(next, from, len(page))
		idle++
		if len(ids) > before {
			idle = 0
		}
		if continuations[next] || idle > maxIdlePages {
			return nil, wrap(op, errors.New("the server pages in circles; stopped"))
		}
		continuations[next] = true
		q.Set("c", next)
	}
}

// overlap steps an offset continuation back a little. A server whose
// continuation is the number of items handed out so far (Miniflux) pages
// by offset over a sort with ties (items published at the same second),
// and tied items can change places between two queries: one at the end of
// a page may come again on the next, and another never. Asking for the
// next page from a little before where this one ended catches any tie
// group smaller than the overlap; the repeats are dropped. An opaque
// continuation is kept as it is.
func overlap(next string, from, pageLen int) (string, int) {
	n, err := strconv.Atoi(next)
	if err != nil || n != from+pageLen {
		return next, from
	}
	n -= min(pageOverlap, pageLen/4)
	return strconv.Itoa(n), n
}

// pageOverlap is how many items an offset continuation is stepped back.
const pageOverlap = 500

// decodeIDPage reads one page of stream/items/ids: {"itemRefs": [{"id":
// "…"}…], "continuation": "…"}. The continuation, a string or a number,
// is "" when the listing is done. A page without itemRefs is empty.
func decodeIDPage(body []byte) (ids []int64, continuation string, err error) {
	var page struct {
		ItemRefs []struct {
			ID flexString `json:"id"`
		} `json:"itemRefs"`
		Continuation flexString `json:"continuation"`
	}
	if !isObject(body) || json.Unmarshal(body, &page) != nil {
		return nil, "", notGReader("the item ids are not the JSON expected")
	}
	ids = make([]int64, 0, len(page.ItemRefs))
	for _, ref := range page.ItemRefs {
		id, ok := parseItemID(string(ref.ID))
		if !ok {
			return nil, "", notGReader(fmt.Sprintf("item id %q is not one this client reads",
				cut(model.SanitizeLine(string(ref.ID)), 40)))
		}
		ids = append(ids, id)
	}
	continuation = strings.TrimSpace(string(page.Continuation))
	switch {
	case continuation == "0":
		continuation = ""
	case len(continuation) > maxContinuation:
		return nil, "", notGReader("the continuation is too long")
	}
	return ids, continuation, nil
}

// isObject reports whether body is, at first sight, a JSON object: an
// unsupported call that answers "[]" is not the API speaking.
func isObject(body []byte) bool {
	return bytes.HasPrefix(trimBody(body), []byte("{"))
}

// parseItemID reads an item id in any of its forms: long
// ("tag:google.com,2005:reader/item/" and up to 16 hex digits), short (16
// hex digits) or decimal (signed, as Google Reader wrote them). Sixteen
// digits alone are hexadecimal only when they start with 0 (FreshRSS's
// decimal ids are 16-digit microsecond times); hex is read as the 64 bits
// of the number, so that the long form of a negative id comes back as it.
// Zero is no id.
func parseItemID(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	hex, long := strings.CutPrefix(s, longIDPrefix)
	if !long && len(s) == 16 && isHex(s) && (s[0] == '0' || !isDecimal(s)) {
		hex, long = s, true
	}
	var id int64
	if long {
		if len(hex) == 0 || len(hex) > 16 || !isHex(hex) {
			return 0, false
		}
		u, err := strconv.ParseUint(hex, 16, 64)
		if err != nil {
			return 0, false
		}
		id = int64(u)
	} else {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, false
		}
		id = n
	}
	return id, id != 0
}

// longID is an item id in its long form, which every server reads.
func longID(id int64) string {
	return fmt.Sprintf("%s%016x", longIDPrefix, uint64(id))
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func isDecimal(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// EditTag adds and/or removes a tag (StreamRead, StreamStarred) on items:
// marks them read or unread, starred or not. "" means no tag. Many ids go
// in several requests.
func (c *Client) EditTag(ctx context.Context, ids []int64, add, remove string) (err error) {
	defer c.guard(&err)
	if len(ids) == 0 || (add == "" && remove == "") {
		return nil
	}
	op := editTagOp(add, remove)
	for start := 0; start < len(ids); start += editBatch {
		form := url.Values{}
		for _, id := range ids[start:min(len(ids), start+editBatch)] {
			form.Add("i", longID(id))
		}
		if add != "" {
			form.Set("a", add)
		}
		if remove != "" {
			form.Set("r", remove)
		}
		a, err := c.post(ctx, request{op: op, path: apiPath + "edit-tag", form: form})
		if err != nil {
			return err
		}
		if err := expectOK(a); err != nil {
			return wrap(op, err)
		}
	}
	return nil
}

// editTagOp names what EditTag does, for its errors.
func editTagOp(add, remove string) string {
	switch {
	case add == StreamRead && remove == "":
		return "mark items read"
	case remove == StreamRead && add == "":
		return "mark items unread"
	case add == StreamStarred && remove == "":
		return "star items"
	case remove == StreamStarred && add == "":
		return "unstar items"
	}
	return "tag items"
}

// flexString is a JSON string, or a number kept as its text (servers
// differ on ids and continuations). null is "".
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) == 0 || string(b) == "null":
		*f = ""
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		*f = flexString(b)
	default:
		return errors.New("neither a string nor a number")
	}
	return nil
}
