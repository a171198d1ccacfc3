package feeds

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
)

func TestParseURLs(t *testing.T) {
	subs, err := ParseURLs(bytes.NewReader(readFixture(t, "urls.txt")))
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Subscription{
		{URL: "https://one.example/feed.xml", Tags: []string{"extra"}, Line: 2},
		{URL: "https://two.example/rss", Title: "Two Things", Tags: []string{"news", "tech stuff"}, Line: 3},
		{URL: "https://three.example/atom", Title: "Three", Tags: []string{"world"}, Line: 6},
		{URL: "http://four.example/feed", Tags: []string{"hidden-ok"}, Line: 9},
	}
	if !reflect.DeepEqual(subs, want) {
		t.Errorf("got\n%+v\nwant\n%+v", subs, want)
	}
}

func TestParseURLsRefusals(t *testing.T) {
	subs, err := ParseURLs(bytes.NewReader(readFixture(t, "badurls.txt")))
	if len(subs) != 1 || subs[0].URL != "https://good.example/feed" {
		t.Errorf("accepted %+v", subs)
	}
	var ie ImportErrors
	if !errors.As(err, &ie) || len(ie) != 4 {
		t.Fatalf("err = %v", err)
	}
	want := []string{
		`urls line 2: "exec:~/bin/news.sh" runs a command: refused`,
		`urls line 3: "filter:~/bin/clean.sh:https://x.example/feed" runs a command: refused`,
		`urls line 4: "ftp://files.example/feed" is not an http(s) URL`,
		`urls line 5: unterminated quote`,
	}
	for i, e := range ie {
		if e.Error() != want[i] {
			t.Errorf("error %d = %q, want %q", i, e.Error(), want[i])
		}
	}
}

func TestParseURLsEdges(t *testing.T) {
	in := "\ufeffhttps://bom.example/feed\n" +
		"https://esc.example/feed \"~Evil\x1b]0;t\x07 \u202eName\" \"tag\\\"q\" \"\"\n" +
		"https://x.example/\x1b[31mfeed\n" +
		"   \n" +
		strings.Repeat("x", 2<<20) + "\n"
	subs, err := ParseURLs(strings.NewReader(in))
	if len(subs) != 2 || subs[0].URL != "https://bom.example/feed" {
		t.Fatalf("got %+v", subs)
	}
	if s := subs[1]; s.Title != "Evil Name" || !reflect.DeepEqual(s.Tags, []string{`tag"q`}) {
		t.Errorf("got %q %q", s.Title, s.Tags)
	}
	var ie ImportErrors
	if !errors.As(err, &ie) || len(ie) != 2 || ie[0].Line != 3 || ie[1].Msg != "line too long" {
		t.Errorf("err = %v", err)
	}
}

func FuzzParseURLs(f *testing.F) {
	f.Add(readFixture(f, "urls.txt"))
	f.Add(readFixture(f, "badurls.txt"))
	f.Add([]byte("https://a.example/ \"~\x1b[1mT\" \"unterminated\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		subs, err := ParseURLs(bytes.NewReader(data))
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
