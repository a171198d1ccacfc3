package panes

import (
	"strings"
	"testing"

	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/reader"
	"github.com/byline-reader/byline/ui/theme"
)

func TestLinkHostSaysWhereOrWhyNot(t *testing.T) {
	for _, c := range []struct {
		l    reader.Link
		want string
	}{
		{reader.Link{URL: "x", Target: "https://www.site.example/a"}, "site.example"},
		{reader.Link{URL: "mailto:a@b.example"}, "not a web link: mailto"},
		{reader.Link{URL: "/rel\x1b[31m"}, "not a web link: /rel"},
	} {
		if got := LinkHost(c.l); got != c.want {
			t.Errorf("LinkHost(%+v) = %q, want %q", c.l, got, c.want)
		}
	}
}

func TestLinkKeysMoveAndAsk(t *testing.T) {
	set, _ := keys.New(nil)
	l := NewLinks(set.On(keys.LinksList))
	var links []reader.Link
	for n := 1; n <= 30; n++ {
		links = append(links, reader.Link{N: n, Text: "link", Target: "https://a.example/"})
	}
	l.Open(links, 10)
	key := func(s string) (Action, string) { return l.Key(press(s), 10) }
	for _, s := range []string{"2", "5"} {
		key(s)
	}
	if got, _ := l.Selected(); got.N != 25 || l.cur.Offset == 0 {
		t.Fatalf("2 5 goes to link 25, in view: %d, offset %d", got.N, l.cur.Offset)
	}
	if _, note := key("9"); note != "" {
		t.Fatalf("9 starts a new number: %q", note)
	}
	if act, _ := key("enter"); act != Open {
		t.Errorf("enter reads: %v", act)
	}
	if act, _ := key("o"); act != Browse {
		t.Errorf("o opens: %v", act)
	}
	if act, _ := key("l"); act != Close {
		t.Errorf("l closes: %v", act)
	}
	if v := l.View(theme.New(true), 60, 10); !strings.Contains(v, "Links (30)") {
		t.Errorf("view: %q", v)
	}
}
