package sublist

import (
	"bytes"
	"encoding/xml"
	"io"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
)

// feedsOf makes the feeds an import of subs would store: the OPML title
// the user's, the feed's own title something else.
func feedsOf(subs []model.Subscription) []model.Feed {
	fs := make([]model.Feed, len(subs))
	for i, s := range subs {
		fs[i] = model.Feed{URL: s.URL, Title: "own title of " + s.URL, Folder: s.Folder, Tags: s.Tags,
			Settings: model.FeedSettings{Title: s.Title}}
	}
	return fs
}

func withoutLines(subs []model.Subscription) []model.Subscription {
	out := make([]model.Subscription, len(subs))
	for i, s := range subs {
		s.Line = 0
		out[i] = s
	}
	return out
}

// skeleton is a document's outlines in order, each as its depth, text,
// title and xmlUrl.
func skeleton(t *testing.T, doc []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	var out []string
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local == "outline" {
				depth++
				attr := map[string]string{}
				for _, a := range el.Attr {
					attr[a.Name.Local] = a.Value
				}
				out = append(out, strings.Repeat("  ", depth)+attr["text"]+" | "+attr["title"]+" | "+attr["xmlUrl"])
			}
		case xml.EndElement:
			if el.Name.Local == "outline" {
				depth--
			}
		}
	}
}

func TestOPMLRoundTripNested(t *testing.T) {
	orig := readFixture(t, "nested.opml")
	first, err := ParseOPML(bytes.NewReader(orig))
	if err != nil || len(first.Subs) != 10 || len(first.Skipped) != 0 {
		t.Fatalf("%d subs, %v, %v", len(first.Subs), first.Skipped, err)
	}
	if s := first.Subs[2]; s.Folder != "News/World/Europe" || s.Title != "Le Monde" || !reflect.DeepEqual(s.Tags, []string{"fr", "daily"}) {
		t.Errorf("third feed %+v", s)
	}
	var out bytes.Buffer
	if err := WriteOPML(&out, feedsOf(first.Subs)); err != nil {
		t.Fatal(err)
	}
	second, err := ParseOPML(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(withoutLines(second.Subs), withoutLines(first.Subs)) {
		t.Errorf("round trip changed the feeds:\n%+v\nwant\n%+v", second.Subs, first.Subs)
	}
	if got, want := skeleton(t, out.Bytes()), skeleton(t, orig); !reflect.DeepEqual(got, want) {
		t.Errorf("outlines written:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var again bytes.Buffer
	if err := WriteOPML(&again, feedsOf(second.Subs)); err != nil {
		t.Fatal(err)
	}
	created := regexp.MustCompile(`<dateCreated>[^<]*</dateCreated>`)
	if a, b := created.ReplaceAll(out.Bytes(), nil), created.ReplaceAll(again.Bytes(), nil); !bytes.Equal(a, b) {
		t.Errorf("a second round trip wrote another document:\n%s\n---\n%s", a, b)
	}
}

func TestWriteOPML(t *testing.T) {
	feeds := []model.Feed{
		{URL: "https://b.example/rss?x=1&y=2", Title: "B", Folder: "News"},
		{URL: "https://a.example/feed", Title: "A <&> \"quoted\"", SiteURL: "https://a.example/"},
		{URL: "https://c.example/atom", Folder: "News/World", Tags: []string{"go", "Later/Maybe"}},
		{URL: "https://d.example/feed", Title: "D", Folder: "News", Settings: model.FeedSettings{Title: "Mine"}},
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, feeds); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`<?xml version="1.0" encoding="UTF-8"?>`, `<opml version="2.0">`, "<dateCreated>",
		`type="rss"`, `htmlUrl="https://a.example/"`, "&amp;", "&lt;", `category="go,Later/Maybe"`,
		`text="Mine" title="Mine"`, `text="https://c.example/atom"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	wantSkeleton := []string{
		"  News | News | ",
		"    B | B | https://b.example/rss?x=1&y=2",
		"    World | World | ",
		"      https://c.example/atom | https://c.example/atom | https://c.example/atom",
		"    Mine | Mine | https://d.example/feed",
		`  A <&> "quoted" | A <&> "quoted" | https://a.example/feed`,
	}
	if got := skeleton(t, buf.Bytes()); !reflect.DeepEqual(got, wantSkeleton) {
		t.Errorf("outlines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantSkeleton, "\n"))
	}
	back, err := ParseOPML(&buf)
	if err != nil || len(back.Subs) != 4 {
		t.Fatalf("%+v, %v", back.Subs, err)
	}
	if s := back.Subs[2]; s.Folder != "News" || s.Title != "Mine" {
		t.Errorf("d came back as %+v", s)
	}
	if s := back.Subs[1]; s.Folder != "News/World" || !reflect.DeepEqual(s.Tags, []string{"go", "Later/Maybe"}) {
		t.Errorf("c came back as %+v", s)
	}
}
