package greader

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// Fuzz tests for every decoder of a server's answer: none may panic, and
// whatever they return must be safe to store and show.

// checkLine fails when s is not a clean one-line field.
func checkLine(t *testing.T, what, s string) {
	t.Helper()
	checkText(t, what, s)
	if strings.ContainsAny(s, "\n\t") {
		t.Errorf("%s %q spans lines", what, s)
	}
}

// checkText fails when s holds what a terminal would obey.
func checkText(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s %q is not UTF-8", what, s)
	}
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) ||
			r == 0x202e || r == 0x2066 || r == 0x200f {
			t.Errorf("%s %q holds %U", what, s, r)
		}
	}
}

// checkLink fails when s is neither empty nor an http(s) link.
func checkLink(t *testing.T, what, s string) {
	t.Helper()
	if s == "" {
		return
	}
	checkLine(t, what, s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.Contains(s, " ") {
		t.Errorf("%s %q is not an http(s) link", what, s)
	}
}

func FuzzDecodeItems(f *testing.F) {
	f.Add([]byte(`{"items":[{"id":"tag:google.com,2005:reader/item/000000000000002a",` +
		`"categories":["user/1/state/com.google/read","user/-/state/com.google/starred"],` +
		`"title":"T\u001b[31m &amp; <b>x</b>","author":"A\u0007","published":1700000000,"updated":"1700000001",` +
		`"canonical":[{"href":"javascript:alert(1)"}],"alternate":[{"href":"/p?a=<b>","type":"text/html"}],` +
		`"summary":{"content":"s\u009b2J"},"content":{"content":"<p>c\u001b]0;x\u0007</p>"},` +
		`"origin":{"streamId":"feed/1\u001b","htmlUrl":"https://example.org/"}}]}`))
	f.Add([]byte(`{"items":[{"id":12,"timestampUsec":"1700000000123456"},{"id":"x"},[]]}`))
	f.Add([]byte(`{"items":null}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := decodeItems(data, fuzzTitles(data))
		if err != nil {
			if !errors.Is(err, ErrNotGReader) {
				t.Errorf("error %v is not ErrNotGReader", err)
			}
			return
		}
		for _, it := range items {
			a := it.Article
			if it.ID == 0 || a.Key == "" || a.Read != it.Read || a.Starred != it.Starred {
				t.Errorf("item %+v", it)
			}
			checkLine(t, "stream id", it.StreamID)
			checkLine(t, "title", a.Title)
			checkLine(t, "author", a.Author)
			checkLink(t, "url", a.URL)
			checkText(t, "content", a.Content)
			checkText(t, "summary", a.Summary)
			if a.Published.Location().String() != "UTC" || a.Published.Year() > 9999 {
				t.Errorf("published %v", a.Published)
			}
		}
	})
}

func FuzzDecodeSubscriptions(f *testing.F) {
	f.Add([]byte(`{"subscriptions":[{"id":"feed/1","title":"A\u001b[2J","url":"https://a.example/rss",` +
		`"htmlUrl":"javascript:x","categories":[{"id":"user/1/label/T\u0007ech","label":"Tech","type":"folder"},` +
		`{"id":"user/-/label/&lt;b&gt;"}]}]}`))
	f.Add([]byte(`{"subscriptions":[{"id":"feed/http://b.example/rss"},{"id":3}]}`))
	f.Add([]byte(`{"subscriptions":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		subs, err := decodeSubscriptions(data, fuzzTitles(data))
		if err != nil {
			if !errors.Is(err, ErrNotGReader) {
				t.Errorf("error %v is not ErrNotGReader", err)
			}
			return
		}
		for _, s := range subs {
			if s.StreamID == "" {
				t.Errorf("subscription without an id: %+v", s)
			}
			checkLine(t, "stream id", s.StreamID)
			checkLine(t, "title", s.Title)
			checkLink(t, "url", s.URL)
			checkLink(t, "site", s.SiteURL)
			for _, name := range s.Folders {
				if name == "" {
					t.Error("empty folder name")
				}
				checkLine(t, "folder", name)
			}
		}
	})
}

func FuzzDecodeItemIDs(f *testing.F) {
	f.Add([]byte(`{"itemRefs":[{"id":"12"},{"id":"tag:google.com,2005:reader/item/000000000000002a"}],"continuation":"2"}`))
	f.Add([]byte(`{"itemRefs":[{"id":1710000000123456},{"id":"00000000148b9369"}],"continuation":10000}`))
	f.Add([]byte(`{"itemRefs":null,"continuation":null}`))
	f.Add([]byte(`{"continuation":"\u001b[2J"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ids, cont, err := decodeIDPage(data)
		if err != nil {
			if !errors.Is(err, ErrNotGReader) {
				t.Errorf("error %v is not ErrNotGReader", err)
			}
			checkLine(t, "error", err.Error())
			return
		}
		for _, id := range ids {
			if id == 0 {
				t.Error("id 0")
			}
		}
		if cont == "0" || len(cont) > maxContinuation {
			t.Errorf("continuation %q", cont)
		}
	})
}

func FuzzParseItemID(f *testing.F) {
	for _, s := range []string{"tag:google.com,2005:reader/item/000000000000002a", "000000000000048c",
		"1710000000123456", "-5", "tag:google.com,2005:reader/item/ffffffffffffffff", "0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, ok := parseItemID(s)
		if ok != (id != 0) {
			t.Errorf("parseItemID(%q) = %d, %v", s, id, ok)
		}
		if ok {
			if back, ok2 := parseItemID(longID(id)); !ok2 || back != id {
				t.Errorf("%d does not survive its long form", id)
			}
		}
	})
}

func FuzzDecodeLogin(f *testing.F) {
	f.Add([]byte("SID=a/1\nLSID=a/1\nAuth=alice/0123abcd\n"))
	f.Add([]byte("Error=BadAuthentication\n"))
	f.Add([]byte(`{"SID":"x","Auth":"alice/0123"}`))
	f.Add([]byte("Auth=bad\x1btoken\r\n"))
	f.Add([]byte("<html>login</html>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		token, err := decodeLogin(data)
		if err != nil {
			if !errors.Is(err, ErrAuth) && !errors.Is(err, ErrNotGReader) {
				t.Errorf("error %v is neither ErrAuth nor ErrNotGReader", err)
			}
			if token != "" {
				t.Errorf("token %q with an error", token)
			}
			return
		}
		if !validToken(token) {
			t.Errorf("token %q cannot go into a header", token)
		}
	})
}

func FuzzDecodeQuickAdd(f *testing.F) {
	f.Add([]byte(`{"numResults":1,"query":"https://a.example/rss","streamId":"feed/42","streamName":"A"}`))
	f.Add([]byte(`{"numResults":0}`))
	f.Add([]byte(`{"numResults":"1","streamId":"feed/\u001b[2J"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		id, err := decodeQuickAdd(data)
		if err != nil {
			if !errors.Is(err, ErrNoFeed) && !errors.Is(err, ErrNotGReader) {
				t.Errorf("error %v", err)
			}
			return
		}
		if id == "" {
			t.Error("no stream id and no error")
		}
		checkLine(t, "stream id", id)
	})
}

// fuzzTitles takes FreshRSS's title rule for half the inputs: what it puts
// back ('<', '&') must be cleaned as any other title.
func fuzzTitles(data []byte) *strings.Replacer {
	if len(data)%2 == 0 {
		return freshRSSTitles
	}
	return nil
}
