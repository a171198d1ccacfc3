package sublist

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
)

func TestParseOPMLFolders(t *testing.T) {
	f, err := ParseOPML(bytes.NewReader(readFixture(t, "folders.opml")))
	if err != nil || len(f.Skipped) != 0 {
		t.Fatal(err, f.Skipped)
	}
	want := []model.Subscription{
		{URL: "https://loose.example/feed", Title: "Loose", Line: 7},
		{URL: "https://world.example/rss", Title: "World", Folder: "News", Line: 9},
		{URL: "https://go.example/atom.xml", Title: "Go & More", Folder: "News/Tech", Line: 11},
		{URL: "https://lower.example/feed", Title: "Lowercase", Folder: "News/Tech", Line: 12},
		{URL: "https://plainurl.example/feed.json", Title: "Plain url", Folder: "News", Line: 14},
		{URL: "https://cat.example/feed", Title: "Categorised", Folder: "Blogs", Tags: []string{"Personal", "Reading/Later"}, Line: 17},
	}
	if !reflect.DeepEqual(f.Subs, want) {
		t.Errorf("got\n%+v\nwant\n%+v", f.Subs, want)
	}
}

func TestParseOPMLSkipped(t *testing.T) {
	f, err := ParseOPML(bytes.NewReader(readFixture(t, "bad.opml")))
	if err != nil || len(f.Subs) != 1 || f.Subs[0].URL != "http://fine.example/rss" {
		t.Fatalf("accepted %+v, %v", f.Subs, err)
	}
	want := []string{
		`opml line 6: "exec:~/bin/make-feed.sh" runs a command; skipped`,
		`opml line 7: "filter:~/bin/f.sh:https://x.example/feed" runs a command; skipped`,
		`opml line 8: "ftp://files.example/feed.xml" is not an http(s) URL; skipped`,
		`opml line 9: "|rm -rf ~" runs a command; skipped`,
	}
	var got []string
	for _, e := range f.Skipped {
		got = append(got, e.Error())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("skipped:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseOPMLCategories(t *testing.T) {
	doc := `<opml><body>
<outline text="A" xmlUrl="https://a.example/" category="tech, news,,/Reading/Later/, tech"/>
<outline text="Folder only, no feeds"/>
<outline text="" title="Title only" xmlUrl="https://b.example/"/>
<outline xmlUrl="https://c.example/"/>
</body></opml>`
	f, err := ParseOPML(strings.NewReader(doc))
	if err != nil || len(f.Subs) != 3 {
		t.Fatalf("got %+v, %v", f.Subs, err)
	}
	if got := f.Subs[0].Tags; !reflect.DeepEqual(got, []string{"tech", "news", "Reading/Later"}) {
		t.Errorf("tags %q", got)
	}
	if f.Subs[1].Title != "Title only" || f.Subs[2].Title != "" {
		t.Errorf("titles %q %q", f.Subs[1].Title, f.Subs[2].Title)
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
	f, err := ParseOPML(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Subs) != 1 || f.Subs[0].Title != "Café & Tom & Jerry" || f.Subs[0].URL != "https://cafe.example/rss?a=1&b=2" {
		t.Errorf("got %+v", f.Subs)
	}
}

func TestParseOPMLHostile(t *testing.T) {
	doc := "<opml><body><outline text=\"Evil\u202e &#x202E;folder\u2066\">" +
		"<outline title=\"bad\u2066 name\" xmlUrl=\"https://evil.example/\u202efeed\"/>" +
		"<outline text=\"\u202eok\" xmlUrl=\"https://ok.example/feed\"/></outline></body></opml>"
	f, err := ParseOPML(strings.NewReader(doc))
	if err != nil || len(f.Skipped) != 1 {
		t.Fatalf("a URL with a bidi override was accepted: %v %v", err, f.Skipped)
	}
	if len(f.Subs) != 1 || f.Subs[0].Title != "ok" || f.Subs[0].Folder != "Evil folder" {
		t.Fatalf("got %+v", f.Subs)
	}
	assertClean(t, f.Skipped[0].Error())
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
	f, err := ParseOPML(strings.NewReader(doc))
	if err != nil || len(f.Subs) != 1 || f.Subs[0].Line != 3 || f.Subs[0].Folder != "F" {
		t.Errorf("got %+v, %v", f.Subs, err)
	}
}

func FuzzParseOPML(f *testing.F) {
	for _, name := range []string{"folders.opml", "bad.opml", "broken.opml", "nested.opml"} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte(`<opml><body><outline text="a` + "\x1b[1m" + `" xmlUrl="https://x/"/></body></opml>`))
	f.Add([]byte(`<!DOCTYPE opml [<!ENTITY a "b">]><opml><body><outline text="&a;" xmlUrl="https://x/"/></body></opml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ParseOPML(bytes.NewReader(data))
		checkImport(t, file, err)
	})
}

// checkSubscription fails unless s is clean and names an http(s) URL.
func checkSubscription(t *testing.T, s model.Subscription) {
	t.Helper()
	if !strings.HasPrefix(s.URL, "http://") && !strings.HasPrefix(s.URL, "https://") {
		t.Fatalf("URL %q accepted", s.URL)
	}
	for _, v := range append([]string{s.URL, s.Title, s.Folder}, s.Tags...) {
		assertClean(t, v)
		if strings.ContainsAny(v, "\n\t\r") || len(v) > 40*maxLineField {
			t.Fatalf("field not one short line: %q", v)
		}
	}
	if s.Folder != model.CleanFolder(s.Folder) {
		t.Fatalf("folder %q is not a clean path", s.Folder)
	}
	if len(s.Tags) > maxTags {
		t.Fatalf("%d tags", len(s.Tags))
	}
	for _, tag := range s.Tags {
		if tag == "" || strings.TrimSpace(tag) != tag {
			t.Fatalf("tag %q", tag)
		}
	}
}
