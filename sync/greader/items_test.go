package greader

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// withItems gives the fake n items, ids 1001…, of feeds 1 and 2.
func withItems(f *fake, n int) []int64 {
	var ids []int64
	for i := range n {
		id := int64(1001 + i)
		f.items = append(f.items, fakeItem{id: id, feed: 1 + i%2, title: fmt.Sprintf("Item %d", i),
			link: fmt.Sprintf("https://example.org/%d", i), content: "<p>text</p>",
			published: 1_700_000_000 + int64(i)})
		ids = append(ids, id)
	}
	return ids
}

func TestItemIDsPaging(t *testing.T) {
	forms := map[string]func(int64) string{
		"decimal": nil,
		"long":    fakeLongID,
		"short":   func(id int64) string { return fmt.Sprintf("%016x", id) },
	}
	for name, form := range forms {
		for _, numeric := range []bool{false, true} {
			f, c := newFake(t, "")
			c.SetToken(fakeToken)
			want := withItems(f, 10)
			f.pageSize, f.overlap, f.idForm, f.numericCont = 3, true, form, numeric
			got, err := c.ItemIDs(context.Background(), StreamReadingList, "")
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s, numeric continuation %v: got %v, want %v", name, numeric, got, want)
			}
			calls := f.calls("/reader/api/0/stream/items/ids")
			if len(calls) != 4 {
				t.Errorf("%s: %d pages, want 4", name, len(calls))
			}
			q := calls[0].form
			if q.Get("output") != "json" || q.Get("s") != StreamReadingList || q.Get("n") != "10000" ||
				q.Has("xt") || q.Has("c") || calls[1].form.Get("c") != "3" {
				t.Errorf("%s: queries %v, then %v", name, q, calls[1].form)
			}
		}
	}
}

func TestItemIDsStreams(t *testing.T) {
	f, c := newFake(t, "")
	c.SetToken(fakeToken)
	ids := withItems(f, 6)
	f.read[ids[0]], f.read[ids[3]] = true, true
	f.starred[ids[4]] = true
	f.pageSize = 2
	cases := []struct {
		stream, exclude string
		want            []int64
	}{
		{StreamReadingList, StreamRead, []int64{ids[1], ids[2], ids[4], ids[5]}},
		{StreamStarred, "", []int64{ids[4]}},
		{StreamRead, "", []int64{ids[0], ids[3]}},
		{"feed/2", "", []int64{ids[1], ids[3], ids[5]}},
		{"feed/9", "", nil},
	}
	for _, tc := range cases {
		got, err := c.ItemIDs(context.Background(), tc.stream, tc.exclude)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%s minus %q: %v, %v; want %v", tc.stream, tc.exclude, got, err, tc.want)
		}
	}
	if xt := f.calls("/reader/api/0/stream/items/ids")[0].form.Get("xt"); xt != StreamRead {
		t.Errorf("xt = %q", xt)
	}
}

func TestItemIDsStopsWhenPagingInCircles(t *testing.T) {
	f, c := newFake(t, "")
	c.SetToken(fakeToken)
	withItems(f, 10)
	f.pageSize, f.stuckCont = 3, true
	done := make(chan error, 1)
	go func() {
		_, err := c.ItemIDs(context.Background(), StreamReadingList, "")
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "circles") {
			t.Errorf("%v, want an error about paging", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ItemIDs loops")
	}
}

func TestParseItemID(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"tag:google.com,2005:reader/item/000000000000002a", 42, true},
		{"tag:google.com,2005:reader/item/2f2", 0x2f2, true},
		{"tag:google.com,2005:reader/item/ffffffffffffffff", -1, true},
		{"000000000000048c", 0x48c, true},
		{"00000000148b9369", 0x148b9369, true},
		{"abcdef0123456789", -0x543210fedcba9877, true},
		{"1710000000123456", 1710000000123456, true}, // FreshRSS: decimal microseconds
		{"12345", 12345, true},
		{"-6734520212396416513", -6734520212396416513, true},
		{" 7 ", 7, true},
		{"", 0, false},
		{"0", 0, false},
		{"tag:google.com,2005:reader/item/", 0, false},
		{"tag:google.com,2005:reader/item/0000000000000000a", 0, false},
		{"tag:google.com,2005:reader/item/xyz", 0, false},
		{"5a1b2c3d4e5f6a7b8c9d0e1f", 0, false},
		{"99999999999999999999", 0, false},
		{"0x10", 0, false},
	}
	for _, tc := range cases {
		got, ok := parseItemID(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseItemID(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
		if ok {
			if back, _ := parseItemID(longID(got)); back != got {
				t.Errorf("longID(%d) = %q reads back as %d", got, longID(got), back)
			}
		}
	}
}

func TestContents(t *testing.T) {
	f, c := newFake(t, "")
	c.SetToken(fakeToken)
	f.items = []fakeItem{
		{id: 42, feed: 7, title: "Big\x1b]0;pwned\x07 <b>news</b> &amp; more\x07", author: "Ann\x1b[2J <i>Lee</i>",
			link: "https://example.org/a?q=1", content: "<p>full\x1b[31m text</p>", summary: "teaser",
			published: 1_700_000_000},
		{id: 43, feed: 7, title: "Same twice", link: "javascript:alert(1)", content: "<p>x</p>", summary: "<p>x</p>"},
		{id: 44, feed: 8, title: "Summary only", link: "/relative", summary: "<p>only</p>"},
	}
	f.read[42], f.starred[42], f.starred[44] = true, true, true
	items, err := c.Contents(context.Background(), []int64{42, 43, 44, 99})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Fatalf("%d items, want 3", len(items))
	}
	a := items[0].Article
	if items[0].ID != 42 || items[0].StreamID != "feed/7" || !items[0].Read || !items[0].Starred ||
		a.Key != "42" || !a.Read || !a.Starred {
		t.Errorf("item 42: %+v", items[0])
	}
	if a.Title != "Big news & more" || a.Author != "Ann Lee" {
		t.Errorf("title %q, author %q", a.Title, a.Author)
	}
	if a.URL != "https://example.org/a?q=1" || a.Content != "<p>full text</p>" || a.Summary != "teaser" {
		t.Errorf("url %q content %q summary %q", a.URL, a.Content, a.Summary)
	}
	if !a.Published.Equal(time.Unix(1_700_000_000, 0)) || a.Published.Location() != time.UTC ||
		!a.Updated.Equal(time.Unix(1_700_000_060, 0)) {
		t.Errorf("published %v, updated %v", a.Published, a.Updated)
	}
	b := items[1].Article
	if b.URL != "" || b.Content != "<p>x</p>" || b.Summary != "" || items[1].Read || b.Starred {
		t.Errorf("item 43: %+v", items[1])
	}
	if !b.Published.Equal(time.Unix(60, 0)) {
		t.Errorf("item 43 published %v: want its updated time", b.Published)
	}
	d := items[2].Article
	if d.Content != "<p>only</p>" || d.Summary != "" || d.URL != "" || !items[2].Starred {
		t.Errorf("item 44: %+v", items[2])
	}
	sent := f.calls("/reader/api/0/stream/items/contents")[0].form
	if sent.Get("T") != "T-first-0001" || !slices.Equal(sent["i"], []string{fakeLongID(42), fakeLongID(43),
		fakeLongID(44), fakeLongID(99)}) {
		t.Errorf("sent %v", sent)
	}
	if got, err := c.Contents(context.Background(), nil); got != nil || err != nil {
		t.Errorf("no ids: %v, %v", got, err)
	}
}

func TestEditTag(t *testing.T) {
	f, c := newFake(t, "")
	c.SetToken(fakeToken)
	ids := withItems(f, 1500)
	if err := c.EditTag(context.Background(), ids, StreamRead, ""); err != nil {
		t.Fatal(err)
	}
	if err := c.EditTag(context.Background(), ids[:2], StreamStarred, StreamRead); err != nil {
		t.Fatal(err)
	}
	if !f.read[ids[1499]] || f.read[ids[0]] || !f.starred[ids[1]] || f.starred[ids[2]] {
		t.Error("the tags did not reach the server")
	}
	calls := f.calls("/reader/api/0/edit-tag")
	if len(calls) != 3 || len(calls[0].form["i"]) != 1000 || len(calls[1].form["i"]) != 500 {
		t.Fatalf("%d requests", len(calls))
	}
	last := calls[2].form
	if last.Get("T") != "T-first-0001" || last.Get("a") != StreamStarred || last.Get("r") != StreamRead ||
		last.Get("i") != fakeLongID(ids[0]) {
		t.Errorf("form %v", last)
	}
	if n := len(f.calls("/reader/api/0/token")); n != 1 {
		t.Errorf("T token fetched %d times, want once", n)
	}
	if err := c.EditTag(context.Background(), nil, StreamRead, ""); err != nil {
		t.Error(err)
	}
}

func TestEditTagRetriesOnceOnBadT(t *testing.T) {
	f, c := newFake(t, "")
	c.SetToken(fakeToken)
	ids := withItems(f, 2)
	if err := c.EditTag(context.Background(), ids[:1], StreamRead, ""); err != nil {
		t.Fatal(err)
	}
	f.rotateT()
	if err := c.EditTag(context.Background(), ids[1:], StreamRead, ""); err != nil {
		t.Fatalf("after a new T: %v", err)
	}
	calls := f.calls("/reader/api/0/edit-tag")
	if len(calls) != 3 || calls[1].form.Get("T") != "T-first-0001" || calls[2].form.Get("T") != "T-next-0001" {
		t.Errorf("requests %+v", calls)
	}
	if !f.read[ids[1]] {
		t.Error("the retry did not mark the item")
	}
	f.alwaysBadT = true
	err := c.EditTag(context.Background(), ids, StreamStarred, "")
	if !errors.Is(err, ErrAuth) || !strings.HasPrefix(err.Error(), "greader: star items: ") {
		t.Errorf("%v, want ErrAuth", err)
	}
	if n := len(f.calls("/reader/api/0/edit-tag")); n != 5 {
		t.Errorf("%d edit-tag requests, want 5 (one retry)", n)
	}
	if n := len(f.calls("/reader/api/0/token")); n != 3 {
		t.Errorf("%d token requests, want 3", n)
	}
}

func TestItemKeyIsDecimal(t *testing.T) {
	items, err := decodeItems([]byte(`{"items":[{"id":"tag:google.com,2005:reader/item/00000000148b9369"},
		{"id":"nonsense"},{"id":3,"title":7},{"id":"5","published":"1700000000","updated":1.7e9}]}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[0].Article.Key != strconv.FormatInt(0x148b9369, 10) || items[1].ID != 5 ||
		items[1].Article.Published.Unix() != 1_700_000_000 || items[1].Article.Updated.Unix() != 1_700_000_000 {
		t.Errorf("%+v", items)
	}
}
