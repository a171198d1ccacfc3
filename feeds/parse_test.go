package feeds

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseFormats(t *testing.T) {
	tests := []struct {
		file, title, site string
		first             model.Article
		n                 int
	}{
		{"rss091.xml", "Old Wire", "http://old.example.com/", model.Article{
			Key: "http://old.example.com/cafe.html", Title: "Café opens downtown",
			URL: "http://old.example.com/cafe.html", Summary: "A new café & bakery.",
		}, 2},
		{"rss10.rdf", "RDF Times", "https://rdf.example.org/", model.Article{
			Key: "https://rdf.example.org/a", Title: "First RDF item", URL: "https://rdf.example.org/a",
			Author: "Ada Lovelace", Summary: "About A.",
			Published: time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC), Updated: time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC),
		}, 2},
		{"rss20.xml", "The Daily & Weekly", "https://news.example.com/", model.Article{
			Key: "markets-2024-05-01", Title: "Markets rally & bonds fall",
			URL: "https://news.example.com/2024/markets", Author: "Jane Doe",
			Published: time.Date(2024, 5, 1, 7, 30, 0, 0, time.UTC),
			Summary:   "<p>Stocks <em>rose</em> on Tuesday.</p>",
			Content:   `<p>Stocks <em>rose</em> on Tuesday, and "we are pleased," said the chair.</p>`,
		}, 4},
		{"atom.xml", "Atom Log", "https://atom.example.net/", model.Article{
			Key: "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", Title: "Tom & Jerry return",
			URL: "https://atom.example.net/posts/tom-jerry", Author: "Bill Hanna",
			Published: time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC), Updated: time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC),
			Summary: "<p>A summary.</p>", Content: "<p>The full story.</p>",
		}, 2},
		{"feed.json", "JSON Journal", "https://json.example.com/", model.Article{
			Key: "2", Title: "Second post", URL: "https://json.example.com/2", Author: "Jo Json",
			Published: time.Date(2024, 7, 2, 9, 0, 0, 0, time.UTC),
			Summary:   "A short one", Content: "<p>Hello <b>JSON</b></p>",
		}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			pf, err := Parse(readFixture(t, tt.file), "https://feeds.example/x/feed", 0)
			if err != nil {
				t.Fatal(err)
			}
			if pf.Title != tt.title || pf.SiteURL != tt.site {
				t.Errorf("feed = %q %q, want %q %q", pf.Title, pf.SiteURL, tt.title, tt.site)
			}
			if len(pf.Articles) != tt.n {
				t.Fatalf("%d articles, want %d", len(pf.Articles), tt.n)
			}
			if got := pf.Articles[0]; !reflect.DeepEqual(got, tt.first) {
				t.Errorf("first article\n got %+v\nwant %+v", got, tt.first)
			}
		})
	}
}

func TestParseLinksAndKeys(t *testing.T) {
	pf, err := Parse(readFixture(t, "rss20.xml"), "https://feedproxy.example/daily", 0)
	if err != nil {
		t.Fatal(err)
	}
	a := pf.Articles
	if a[1].Title != "AT&T news" {
		t.Errorf("double-escaped title = %q", a[1].Title)
	}
	if a[1].URL != "https://news.example.com/2024/att" || a[1].Key != a[1].URL {
		t.Errorf("relative link = %q key %q, want it resolved against the site", a[1].URL, a[1].Key)
	}
	if a[2].URL != "" || !strings.HasPrefix(a[2].Key, "sha256:") {
		t.Errorf("item without link: url %q key %q", a[2].URL, a[2].Key)
	}
	if a[3].URL != "" || a[3].Key != "script-link" {
		t.Errorf("javascript: link kept: %q", a[3].URL)
	}
	atom, err := Parse(readFixture(t, "atom.xml"), "https://atom.example.net/atom.xml", 0)
	if err != nil {
		t.Fatal(err)
	}
	rel := atom.Articles[1]
	if rel.URL != "https://atom.example.net/posts/relative" {
		t.Errorf("atom relative link = %q", rel.URL)
	}
	if want := time.Date(2024, 5, 30, 8, 0, 0, 0, time.UTC); !rel.Published.Equal(want) {
		t.Errorf("published = %v, want %v", rel.Published, want)
	}
}

func TestParseMaxItems(t *testing.T) {
	pf, err := Parse(benchFeed(50), "https://bench.example/feed", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(pf.Articles) != 10 || pf.Articles[0].Title != "Story number 0 & more" {
		t.Fatalf("%d articles, first %q", len(pf.Articles), pf.Articles[0].Title)
	}
}

func TestParseHostile(t *testing.T) {
	pf, err := Parse(readFixture(t, "hostile.xml"), "https://evil.example/feed", 0)
	if err != nil {
		t.Fatal(err)
	}
	fields := []string{pf.Title, pf.SiteURL}
	for _, a := range pf.Articles {
		fields = append(fields, a.Key, a.Title, a.URL, a.Author, a.Summary, a.Content)
	}
	for _, f := range fields {
		assertClean(t, f)
	}
	if got := pf.Articles[0].Title; !strings.HasPrefix(got, "Red ") || !strings.Contains(got, "now evil") {
		t.Errorf("title lost its words: %q", got)
	}
	if got := pf.Articles[1].Title; got != "Entity trick iso" {
		t.Errorf("entity-encoded escapes: %q", got)
	}
}

// assertClean fails when s holds anything a terminal would act on.
func assertClean(t testing.TB, s string) {
	t.Helper()
	if model.Sanitize(s) != s {
		t.Errorf("not sanitised: %q", s)
	}
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) ||
			(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Errorf("control %U in %q", r, s)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := map[string][]byte{
		"truncated": readFixture(t, "malformed.xml"),
		"html":      readFixture(t, "site.html"),
		"empty":     nil,
		"json":      []byte(`{"version": "https://jsonfeed.org/version/1", "items": [`),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Parse(data, "https://x.example/feed", 0)
			if !errors.Is(err, ErrParse) {
				t.Fatalf("err = %v, want a parse error", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "parse error: ") || strings.Contains(msg, "\n") || len(msg) > 200 {
				t.Errorf("message not short and one line: %q", msg)
			}
		})
	}
}

func TestCleanLine(t *testing.T) {
	tests := map[string]string{
		"x < y and y > z":         "x < y and y > z",
		"<b>bold</b> &amp; plain": "bold & plain",
		"a\n\tb  c":               "a b c",
		"&lt;i&gt;it&lt;/i&gt;":   "<i>it</i>",
		"5 <3":                    "5 <3",
		"<!-- c --> text":         "text",
		"&#27;[31mred":            "red",
	}
	for in, want := range tests {
		if got := CleanLine(in); got != want {
			t.Errorf("CleanLine(%q) = %q, want %q", in, got, want)
		}
	}
	long := strings.Repeat("é", 2000)
	if got := CleanLine(long); len(got) > maxLineField+len("…") {
		t.Errorf("long title kept %d bytes", len(got))
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"rss091.xml", "rss10.rdf", "rss20.xml", "atom.xml", "feed.json", "hostile.xml", "malformed.xml", "podcast.xml", "podcast-atom.xml", "podcast.json"} {
		f.Add(readFixture(f, name))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		pf, err := Parse(data, "https://fuzz.example/feed", 100)
		if err != nil {
			if !errors.Is(err, ErrParse) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("bad error %q", err)
			}
			return
		}
		assertClean(t, pf.Title)
		assertClean(t, pf.SiteURL)
		for _, a := range pf.Articles {
			for _, s := range []string{a.Key, a.Title, a.URL, a.Author, a.Summary, a.Content} {
				assertClean(t, s)
			}
			checkExtras(t, a)
			if strings.ContainsAny(a.Title+a.Author, "\n\t") {
				t.Fatalf("line field holds a newline: %q %q", a.Title, a.Author)
			}
		}
	})
}

// benchFeed is an RSS 2.0 document with n items with HTML summaries.
func benchFeed(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Bench News</title><link>https://bench.example/</link><description>bench</description>
`)
	for i := range n {
		fmt.Fprintf(&b, `<item>
<title>Story number %d &amp;amp; more</title>
<link>https://bench.example/story/%d</link>
<guid>https://bench.example/story/%d</guid>
<pubDate>Mon, 06 May 2024 %02d:%02d:00 GMT</pubDate>
<dc:creator>Reporter %d</dc:creator>
<description><![CDATA[<p>The <b>council</b> met on Monday to discuss the budget. “We cannot wait,” said the mayor, <a href="https://bench.example/mayor">Ann Smith</a>.</p>
<p>Officials expect a vote next week; critics say the plan <em>goes too far</em>. <img src="https://bench.example/img/%d.jpg" alt="photo"></p>]]></description>
</item>
`, i, i, i, i%24, i%60, i%7, i)
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}
