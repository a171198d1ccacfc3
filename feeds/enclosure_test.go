package feeds

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/feeds/media"
	"github.com/byline-reader/byline/model"
)

func TestParseEnclosuresAndComments(t *testing.T) {
	type want struct {
		key, comments string
		files         []model.Enclosure
	}
	mins := func(m, s int) time.Duration { return time.Duration(m)*time.Minute + time.Duration(s)*time.Second }
	tests := []struct {
		file string
		want []want
	}{
		{"podcast.xml", []want{
			{"talk-12", "https://talk.example/12#comments", []model.Enclosure{
				{URL: "https://cdn.talk.example/12.mp3", Type: "audio/mpeg", Length: 50331648, Duration: mins(34, 12)}}},
			// No guid and no link: the audio is the key. A javascript:
			// file is dropped, a size that is no number is 0.
			{"https://talk.example/audio/11.m4a", "", []model.Enclosure{
				{URL: "https://talk.example/audio/11.m4a", Type: "audio/x-m4a", Duration: mins(62, 3)},
				{URL: "https://cdn.talk.example/11-video.mp4", Type: "video/mp4"}}},
			// media:content in a group when there is no enclosure; its
			// picture is left out. atom:link rel="replies" in RSS.
			{"https://talk.example/10", "https://talk.example/10/discuss", []model.Enclosure{
				{URL: "https://cdn.talk.example/10.ogg", Type: "audio/ogg", Length: 1024, Duration: mins(34, 12)}}},
			// A picture alone is no enclosure; an ftp: comments page is dropped.
			{"https://talk.example/story", "", nil},
		}},
		{"podcast-atom.xml", []want{
			// The replies link to a feed of comments is no page.
			{"urn:casts:1", "https://casts.example/1#comments", []model.Enclosure{
				{URL: "https://casts.example/1.mp3", Type: "audio/mpeg", Length: 2048}}},
			{"https://casts.example/2.webm", "", []model.Enclosure{{URL: "https://casts.example/2.webm", Type: "video/webm"}}},
		}},
		{"podcast.json", []want{
			{"j1", "", []model.Enclosure{{URL: "https://jcasts.example/1.mp3", Type: "audio/mpeg", Length: 4096, Duration: mins(34, 12)}}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data := readFixture(t, tt.file)
			for _, fast := range []bool{true, false} {
				pf, err := parseDoc(data, "https://feeds.example/feed", 0, fast)
				if err != nil {
					t.Fatal(err)
				}
				if len(pf.Articles) != len(tt.want) {
					t.Fatalf("%d articles, want %d", len(pf.Articles), len(tt.want))
				}
				for i, w := range tt.want {
					a := pf.Articles[i]
					got := want{a.Key, a.Comments, a.Enclosures}
					if !reflect.DeepEqual(got, w) {
						t.Errorf("fast %v, item %d:\n got %+v\nwant %+v", fast, i, got, w)
					}
				}
			}
		})
	}
}

// TestEnclosureKeyIsStable: an episode without guid or link keeps its key
// when its title and text are edited, so it is not stored twice.
func TestEnclosureKeyIsStable(t *testing.T) {
	doc := func(title string) []byte {
		return fmt.Appendf(nil, `<rss version="2.0"><channel><title>t</title><item><title>%s</title>
<enclosure url="https://cdn.example/ep.mp3" type="audio/mpeg" length="1"/></item></channel></rss>`, title)
	}
	a, err1 := Parse(doc("Episode"), "https://x.example/feed", 0)
	b, err2 := Parse(doc("Episode (edited)"), "https://x.example/feed", 0)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if a.Articles[0].Key != "https://cdn.example/ep.mp3" || a.Articles[0].Key != b.Articles[0].Key {
		t.Errorf("keys %q and %q", a.Articles[0].Key, b.Articles[0].Key)
	}
}

func TestEnclosuresCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>t</title><item><guid>g</guid>`)
	for i := range 50 {
		fmt.Fprintf(&b, `<enclosure url="https://cdn.example/%d.mp3" type="audio/mpeg"/>`, i)
	}
	b.WriteString(`</item></channel></rss>`)
	pf, err := Parse([]byte(b.String()), "https://x.example/feed", 0)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(pf.Articles[0].Enclosures); n != maxEnclosures {
		t.Errorf("%d enclosures kept, want %d", n, maxEnclosures)
	}
}

// checkExtras is what every parsed article's files and comments page
// must be, whatever the feed said: the fuzz targets hold parsing to it.
func checkExtras(t *testing.T, a model.Article) {
	t.Helper()
	if a.Comments != "" && ResolveLink("", a.Comments) != a.Comments {
		t.Fatalf("comments page not a clean web link: %q", a.Comments)
	}
	if len(a.Enclosures) > maxEnclosures {
		t.Fatalf("%d enclosures", len(a.Enclosures))
	}
	for _, e := range a.Enclosures {
		if ResolveLink("", e.URL) != e.URL || e.URL == "" {
			t.Fatalf("enclosure not a clean web link: %q", e.URL)
		}
		if e.Type != "" && media.Type(e.Type) != e.Type {
			t.Fatalf("enclosure type %q", e.Type)
		}
		if e.Length < 0 || e.Duration < 0 || e.Duration > media.MaxDuration {
			t.Fatalf("enclosure size %d, duration %v", e.Length, e.Duration)
		}
	}
}
