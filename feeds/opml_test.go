package feeds

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
)

func TestParseOPMLFolders(t *testing.T) {
	subs, err := ParseOPML(bytes.NewReader(readFixture(t, "folders.opml")))
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Subscription{
		{URL: "https://loose.example/feed", Title: "Loose", Line: 7},
		{URL: "https://world.example/rss", Title: "World", Tags: []string{"News"}, Line: 9},
		{URL: "https://go.example/atom.xml", Title: "Go & More", Tags: []string{"News", "Tech"}, Line: 11},
		{URL: "https://lower.example/feed", Title: "Lowercase", Tags: []string{"News", "Tech"}, Line: 12},
		{URL: "https://plainurl.example/feed.json", Title: "Plain url", Tags: []string{"News"}, Line: 14},
		{URL: "https://cat.example/feed", Title: "Categorised", Tags: []string{"Blogs", "Personal", "Reading/Later"}, Line: 17},
	}
	if !reflect.DeepEqual(subs, want) {
		t.Errorf("got\n%+v\nwant\n%+v", subs, want)
	}
}

func TestParseOPMLRefusals(t *testing.T) {
	subs, err := ParseOPML(bytes.NewReader(readFixture(t, "bad.opml")))
	if len(subs) != 1 || subs[0].URL != "http://fine.example/rss" {
		t.Errorf("accepted %+v", subs)
	}
	var ie ImportErrors
	if !errors.As(err, &ie) || len(ie) != 4 {
		t.Fatalf("err = %v", err)
	}
	wantLines := []int{6, 7, 8, 9}
	for i, e := range ie {
		if e.Line != wantLines[i] || e.File != "opml" {
			t.Errorf("error %d at %s line %d, want %d", i, e.File, e.Line, wantLines[i])
		}
	}
	if msg := ie[0].Error(); msg != `opml line 6: "exec:~/bin/make-feed.sh" runs a command: refused` {
		t.Errorf("message = %q", msg)
	}
	if msg := ie[2].Error(); !strings.Contains(msg, "not an http(s) URL") {
		t.Errorf("ftp message = %q", msg)
	}
	if msg := err.Error(); !strings.HasSuffix(msg, "(and 3 more)") || strings.Contains(msg, "\n") {
		t.Errorf("summary = %q", msg)
	}
}

func TestParseOPMLErrors(t *testing.T) {
	tests := map[string]struct{ doc, want string }{
		"unclosed": {string(readFixture(t, "broken.opml")), "opml line 6: "},
		"not opml": {"<?xml version=\"1.0\"?>\n\n<rss version=\"2.0\"></rss>", "opml line 3: not an OPML document: it starts with <rss>"},
		"empty":    {"", "opml: not an OPML document: no <opml> element"},
		"garbage":  {"<opml>\n<body>\n<outline text=\"a\" xmlUrl=\"https://a/\"\n\x00", "opml line 4: "},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := ParseOPML(strings.NewReader(tt.doc))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q...", err, tt.want)
			}
		})
	}
}

func TestParseOPMLLenient(t *testing.T) {
	doc := `<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="1.0"><body>
<outline text="Caf` + "\xe9" + ` &amp; Tom & Jerry&nbsp;" xmlUrl="https://cafe.example/rss?a=1&b=2"/>
</body></opml>`
	subs, err := ParseOPML(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 1 || subs[0].Title != "Café & Tom & Jerry" || subs[0].URL != "https://cafe.example/rss?a=1&b=2" {
		t.Errorf("got %+v", subs)
	}
}

func TestParseOPMLHostile(t *testing.T) {
	doc := "<opml><body><outline text=\"Evil\u202e &#x202E;folder\u2066\">" +
		"<outline title=\"bad\u2066 name\" xmlUrl=\"https://evil.example/\u202efeed\"/>" +
		"<outline text=\"\u202eok\" xmlUrl=\"https://ok.example/feed\"/></outline></body></opml>"
	subs, err := ParseOPML(strings.NewReader(doc))
	if err == nil {
		t.Error("a URL with a bidi override was accepted")
	}
	if len(subs) != 1 || subs[0].Title != "ok" || !reflect.DeepEqual(subs[0].Tags, []string{"Evil folder"}) {
		t.Fatalf("got %+v", subs)
	}
	assertClean(t, err.Error())
	// Raw control characters are not XML: the whole document is refused.
	_, err = ParseOPML(strings.NewReader("<opml><body>\n<outline text=\"\x1b]0;x\x07\" xmlUrl=\"https://x/\"/>"))
	if err == nil || !strings.HasPrefix(err.Error(), "opml line 2: ") {
		t.Errorf("err = %v", err)
	}
	assertClean(t, err.Error())
}

func TestParseOPMLMismatchedTags(t *testing.T) {
	// Like browsers, byline reads past a missing end tag.
	doc := "<opml><body>\n<outline text=\"F\">\n<outline text=\"a\" xmlUrl=\"https://a.example/\">\n</body></opml>"
	subs, err := ParseOPML(strings.NewReader(doc))
	if err != nil || len(subs) != 1 || subs[0].Line != 3 || !reflect.DeepEqual(subs[0].Tags, []string{"F"}) {
		t.Errorf("got %+v, %v", subs, err)
	}
}

func TestWriteOPMLRoundTrip(t *testing.T) {
	feeds := []model.Feed{
		{URL: "https://a.example/feed", Title: "A <&> \"quoted\"", SiteURL: "https://a.example/"},
		{URL: "https://b.example/rss?x=1&y=2", Title: "B", Tags: []string{"News"}},
		{URL: "https://c.example/atom", Tags: []string{"Tech", "Go", "Later/Maybe"}},
		{URL: "https://d.example/feed", Title: "D", Tags: []string{"News", "World"}},
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, feeds); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`<?xml version="1.0" encoding="UTF-8"?>`, `<opml version="2.0">`, "<dateCreated>", `type="rss"`, `htmlUrl="https://a.example/"`, "&amp;", "&lt;"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	subs, err := ParseOPML(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != len(feeds) {
		t.Fatalf("%d subscriptions back:\n%s", len(subs), out)
	}
	byURL := map[string]model.Subscription{}
	for _, s := range subs {
		byURL[s.URL] = s
	}
	for _, f := range feeds {
		s := byURL[f.URL]
		if s.Title != f.DisplayTitle() || !reflect.DeepEqual(s.Tags, f.Tags) {
			t.Errorf("%s came back as %q %v, want %q %v", f.URL, s.Title, s.Tags, f.DisplayTitle(), f.Tags)
		}
	}
}

func FuzzParseOPML(f *testing.F) {
	for _, name := range []string{"folders.opml", "bad.opml", "broken.opml"} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte(`<opml><body><outline text="a` + "\x1b[1m" + `" xmlUrl="https://x/"/></body></opml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		subs, err := ParseOPML(bytes.NewReader(data))
		if err != nil {
			assertClean(t, err.Error())
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error not one line: %q", err)
			}
		}
		for _, s := range subs {
			checkSubscription(t, s)
		}
	})
}

// checkSubscription fails unless s is clean and names an http(s) URL.
func checkSubscription(t *testing.T, s model.Subscription) {
	t.Helper()
	if !strings.HasPrefix(s.URL, "http://") && !strings.HasPrefix(s.URL, "https://") {
		t.Fatalf("URL %q accepted", s.URL)
	}
	for _, v := range append([]string{s.URL, s.Title}, s.Tags...) {
		assertClean(t, v)
		if strings.ContainsAny(v, "\n\t") {
			t.Fatalf("field holds a line break: %q", v)
		}
	}
	for _, tag := range s.Tags {
		if tag == "" {
			t.Fatal("empty tag")
		}
	}
}
