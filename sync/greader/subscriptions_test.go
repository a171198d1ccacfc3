package greader

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestSubscriptions(t *testing.T) {
	f, c := newFake(t, "/api/greader.php")
	c.SetToken(fakeToken)
	f.subs = []fakeSub{
		{id: 1, url: "https://a.example/feed.xml", title: "A \x1b[5mblink\x07 &amp; <b>bold</b>",
			site: "https://a.example/", folder: "Tech", extraCategoryLabelID: "Later"},
		{id: 2, url: "javascript:alert(1)", title: "B", site: "/relative", folder: "Tech"},
	}
	subs, err := c.Subscriptions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 2 {
		t.Fatalf("%d subscriptions", len(subs))
	}
	a := subs[0]
	if a.StreamID != "feed/1" || a.URL != "https://a.example/feed.xml" || a.SiteURL != "https://a.example/" ||
		a.Title != "A blink & bold" || !slices.Equal(a.Folders, []string{"Tech", "Later"}) {
		t.Errorf("first: %+v", a)
	}
	b := subs[1]
	if b.URL != "" || b.SiteURL != "" || !slices.Equal(b.Folders, []string{"Tech"}) {
		t.Errorf("second: %+v", b)
	}
	if q := f.calls("/reader/api/0/subscription/list")[0].form.Get("output"); q != "json" {
		t.Errorf("output=%q", q)
	}
}

func TestDecodeSubscriptionsVariants(t *testing.T) {
	subs, err := decodeSubscriptions([]byte(`{"subscriptions":[
		{"id":"feed/http://b.example/rss","title":"Inoreader style","categories":[
			{"id":"user/1005921515/label/News","label":"News"},
			{"id":"user/-/label/News"},
			{"id":"user/-/state/com.google/starred"},
			{"id":"user/x/y/label/Nope"},
			{"id":"something","label":"Folder","type":"folder"}]},
		{"title":"no id"},
		{"id":7},
		{"id":"feed/3","url":"https://c.example/rss","htmlUrl":"page.html"}]}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 2 {
		t.Fatalf("%+v", subs)
	}
	if subs[0].URL != "http://b.example/rss" || !slices.Equal(subs[0].Folders, []string{"News", "Folder"}) {
		t.Errorf("%+v", subs[0])
	}
	if subs[1].SiteURL != "https://c.example/page.html" {
		t.Errorf("relative site: %+v", subs[1])
	}
	if subs, err := decodeSubscriptions([]byte(`{"subscriptions":null}`), nil); err != nil || len(subs) != 0 {
		t.Errorf("null list: %v, %v", subs, err)
	}
}

func TestSubscribe(t *testing.T) {
	f, c := newFake(t, "")
	c.SetToken(fakeToken)
	id, err := c.Subscribe(context.Background(), "https://example.org/feed.xml", "My title", "Reading")
	if err != nil || id != "feed/1" {
		t.Fatalf("Subscribe = %q, %v", id, err)
	}
	add := f.calls("/reader/api/0/subscription/quickadd")[0]
	if add.form.Get("quickadd") != "https://example.org/feed.xml" || add.form.Get("T") != "T-first-0001" ||
		add.query.Get("quickadd") != "https://example.org/feed.xml" || add.query.Has("T") {
		t.Errorf("quickadd form %v, query %v", add.form, add.query)
	}
	edit := f.calls("/reader/api/0/subscription/edit")[0].form
	if edit.Get("ac") != "edit" || edit.Get("s") != "feed/1" || edit.Get("t") != "My title" ||
		edit.Get("a") != "user/-/label/Reading" || edit.Has("r") {
		t.Errorf("edit form %v", edit)
	}
	if s := f.subs[0]; s.title != "My title" || s.folder != "Reading" {
		t.Errorf("server holds %+v", s)
	}
	if _, err := c.Subscribe(context.Background(), "https://example.org/other", "", ""); err != nil {
		t.Fatal(err)
	}
	if n := len(f.calls("/reader/api/0/subscription/edit")); n != 1 {
		t.Errorf("subscribing without title or folder edited (%d edits)", n)
	}
}

func TestSubscribeFailures(t *testing.T) {
	f, c := newFake(t, "")
	c.SetToken(fakeToken)
	for _, bad := range []string{"", "example.org/feed", "feed/https://example.org/feed", "file:///etc/passwd"} {
		if _, err := c.Subscribe(context.Background(), bad, "", ""); err == nil {
			t.Errorf("Subscribe(%q) = nil error", bad)
		}
	}
	if n := len(f.calls("/reader/api/0/subscription/quickadd")); n != 0 {
		t.Errorf("bad addresses reached the server %d times", n)
	}
	f.noFeedFound = true
	_, err := c.Subscribe(context.Background(), "https://example.org/page", "", "")
	if !errors.Is(err, ErrNoFeed) || !strings.Contains(err.Error(), "found no feed") {
		t.Errorf("%v, want ErrNoFeed", err)
	}
	f.noFeedFound = false
	f.answers["/reader/api/0/subscription/edit"] = fakeFault{status: 400, body: `{"error_message":"nope"}`}
	id, err := c.Subscribe(context.Background(), "https://example.org/feed", "T", "")
	var se *StatusError
	if id != "feed/1" || !errors.As(err, &se) || se.Code != 400 || err.Error() != "greader: subscribe to "+
		"https://example.org/feed: subscribed as feed/1, but edit subscription feed/1: HTTP 400: nope" {
		t.Errorf("failed naming: %q, %v", id, err)
	}
}

func TestEditSubscriptionAndUnsubscribe(t *testing.T) {
	f, c := newFake(t, "")
	c.SetToken(fakeToken)
	f.subs = []fakeSub{{id: 5, url: "https://a.example/rss", title: "A", folder: "Old"}, {id: 6, title: "B"}}
	if err := c.EditSubscription(context.Background(), "feed/5", "", "New", "Old"); err != nil {
		t.Fatal(err)
	}
	form := f.calls("/reader/api/0/subscription/edit")[0].form
	if form.Get("ac") != "edit" || form.Get("s") != "feed/5" || form.Has("t") ||
		form.Get("a") != "user/-/label/New" || form.Get("r") != "user/-/label/Old" {
		t.Errorf("form %v", form)
	}
	if err := c.EditSubscription(context.Background(), "feed/5", "Renamed", "", ""); err != nil {
		t.Fatal(err)
	}
	if f.subs[0].title != "Renamed" || f.subs[0].folder != "New" {
		t.Errorf("server holds %+v", f.subs[0])
	}
	if err := c.EditSubscription(context.Background(), "feed/5", "", "", ""); err != nil {
		t.Error(err)
	}
	if n := len(f.calls("/reader/api/0/subscription/edit")); n != 2 {
		t.Errorf("an empty edit was sent (%d requests)", n)
	}
	if err := c.Unsubscribe(context.Background(), "feed/5"); err != nil {
		t.Fatal(err)
	}
	form = f.calls("/reader/api/0/subscription/edit")[2].form
	if form.Get("ac") != "unsubscribe" || form.Get("s") != "feed/5" {
		t.Errorf("unsubscribe form %v", form)
	}
	if len(f.subs) != 1 || f.subs[0].id != 6 {
		t.Errorf("server holds %+v", f.subs)
	}
	err := c.Unsubscribe(context.Background(), "feed/99")
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 400 || !strings.HasPrefix(err.Error(), "greader: unsubscribe from feed/99: HTTP 400") {
		t.Errorf("unknown feed: %v", err)
	}
}

func TestDecodeQuickAddVariants(t *testing.T) {
	cases := []struct {
		body, want string
		err        error
	}{
		{`{"numResults":1,"query":"https://a.example/rss","streamId":"feed/42","streamName":"A"}`, "feed/42", nil},
		{`{"numResults":1,"streamId":12}`, "feed/12", nil}, // older FreshRSS
		{`{"numResults":"1","streamId":"feed/http://a.example/rss"}`, "feed/http://a.example/rss", nil},
		{`{"numResults":0}`, "", ErrNoFeed},
		{`{"numResults":0,"error":"HTTP 404 \u001b[2J<b>gone</b>"}`, "", ErrNoFeed},
		{`{"numResults":1}`, "", ErrNotGReader},
		{`{"streamId":"feed/1"}`, "", ErrNotGReader},
		{`[]`, "", ErrNotGReader},
	}
	for _, tc := range cases {
		got, err := decodeQuickAdd([]byte(tc.body))
		if got != tc.want || !errors.Is(err, tc.err) || (tc.err == nil) != (err == nil) {
			t.Errorf("%s: %q, %v", tc.body, got, err)
		}
		if err != nil && strings.ContainsAny(err.Error(), "\x1b<") {
			t.Errorf("%s: message %q", tc.body, err)
		}
	}
}

// TestPHPContentTypes: FreshRSS, through PHP, types its "OK", its tokens
// and some JSON as text/html; none of that is a web page.
func TestPHPContentTypes(t *testing.T) {
	f, c := newFake(t, "/api/greader.php")
	f.phpTypes = true
	ids := withItems(f, 3)
	if _, err := c.Login(context.Background(), fakeUser, fakePass); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Subscriptions(context.Background()); err != nil {
		t.Error(err)
	}
	if got, err := c.ItemIDs(context.Background(), StreamReadingList, ""); err != nil || len(got) != 3 {
		t.Error(got, err)
	}
	if got, err := c.Contents(context.Background(), ids); err != nil || len(got) != 3 {
		t.Error(got, err)
	}
	if err := c.EditTag(context.Background(), ids, StreamRead, ""); err != nil {
		t.Error(err)
	}
	if _, err := c.Subscribe(context.Background(), "https://example.org/rss", "T", ""); err != nil {
		t.Error(err)
	}
}

// TestSubscribeAlreadyFollowedMiniflux: Miniflux answers quickadd of a
// feed the user follows with HTTP 500 "This feed already exists."; the
// subscription list has it. A 500 for a feed the list lacks stays an
// error.
func TestSubscribeAlreadyFollowedMiniflux(t *testing.T) {
	f, c := newFake(t, "")
	c.SetToken(fakeToken)
	f.subs = []fakeSub{{id: 4, url: "https://example.org/feed.xml", title: "F"}}
	f.answers["/reader/api/0/subscription/quickadd"] = fakeFault{status: 500, body: "This feed already exists."}
	id, err := c.Subscribe(context.Background(), "https://example.org/feed.xml", "", "")
	if err != nil || id != "feed/4" {
		t.Errorf("Subscribe = %q, %v", id, err)
	}
	_, err = c.Subscribe(context.Background(), "https://example.org/other.xml", "", "")
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 500 {
		t.Errorf("other feed: %v", err)
	}
}
