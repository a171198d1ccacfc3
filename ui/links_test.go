package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/ui/desktop"
)

// linkedBody is an article with twelve links, one of them given twice,
// one relative, one to a stored article and one to a mail address, then
// a long text to scroll.
func linkedBody() string {
	var b strings.Builder
	b.WriteString("The council [published a report](https://council.example/report?utm_source=rss&id=7) and ")
	b.WriteString("[the minutes](/minutes/41) of the meeting, which [another paper](https://news.example/a/2) covered. ")
	b.WriteString("Write to [the desk](mailto:desk@news.example). Sources: ")
	for i := 5; i <= 12; i++ {
		fmt.Fprintf(&b, "[source %d](https://www.source%d.example/s), ", i, i)
	}
	b.WriteString("and [the report](https://council.example/report?utm_source=rss&id=7) again.\n\n")
	return b.String() + testarticle.Long()
}

// linkedHarness opens the first article, whose body is linkedBody, in the
// reader, with one page that links lead to.
func linkedHarness(t *testing.T) (*harness, *fakeLibrary) {
	lib := newFake(3)
	lib.body = linkedBody()
	lib.edit = nil
	lib.pages = map[string]string{
		"https://council.example/report?id=7": "# The report\n\nThe harbour plan, in full. It has [one link](https://plan.example/).\n",
	}
	h := newHarness(t, lib, 100, 24)
	h.send(press("enter"))
	if h.app().screen != screenReader || h.app().reader.Doc() == nil {
		t.Fatal("the article did not open")
	}
	return h, lib
}

func TestLinkListShowsNumbersWordsAndSites(t *testing.T) {
	h, _ := linkedHarness(t)
	s := h.screen()
	for _, want := range []string{"published a report [1]", "the minutes [2]", "the desk [4]", "the report [1] again"} {
		if !strings.Contains(strings.Join(strings.Fields(s), " "), want) {
			t.Errorf("the reader does not show %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "council.example") || strings.Contains(s, "https") {
		t.Errorf("a URL is printed in the text:\n%s", s)
	}
	h.send(press("l"))
	if h.app().focus().String() != "links" {
		t.Fatalf("l opens the link list: focus %s", h.app().focus())
	}
	s = h.screen()
	rows := strings.Join(strings.Fields(s), " ")
	for _, want := range []string{
		"Links (12)", " 1 published a report council.example 2 the minutes news.example",
		" 3 another paper news.example 4 the desk not a web link: mailto", "12 source 12 source12.example",
	} {
		if !strings.Contains(rows, want) {
			t.Errorf("the list lacks %q:\n%s", want, s)
		}
	}
	if strings.Count(s, "published a report") != 1 {
		t.Errorf("a link given twice is listed once:\n%s", s)
	}
	h.send(press("?"))
	if s := h.screen(); !strings.Contains(s, "Keys: links") || !strings.Contains(s, "0-9") || !strings.Contains(s, "read link") {
		t.Errorf("? shows the list's keys:\n%s", s)
	}
	h.send(press("esc"), press("esc"))
	if h.app().overlay != overlayNone || h.app().screen != screenReader {
		t.Fatal("esc closes the list, back to the reader")
	}
}

func TestLinkListNumbersAsTyped(t *testing.T) {
	h, _ := linkedHarness(t)
	h.send(press("l"))
	for _, c := range []struct {
		key  string
		want int
	}{{"1", 1}, {"2", 12}, {"3", 3}, {"1", 1}, {"1", 11}, {"j", 12}, {"7", 7}} {
		h.send(press(c.key))
		if l, _ := h.app().links.Selected(); l.N != c.want {
			t.Fatalf("after %q the cursor is on link %d, want %d", c.key, l.N, c.want)
		}
	}
	h.send(press("0"))
	if !strings.Contains(h.screen(), "no link 0") {
		t.Errorf("0 says there is no link 0:\n%s", h.screen())
	}
}

// TestFollowLinksAndWalkBack: enter reads a linked page in the reader,
// esc and backspace walk back to each earlier page at its scroll
// position, and esc at the first goes back to the list.
func TestFollowLinksAndWalkBack(t *testing.T) {
	h, lib := linkedHarness(t)
	h.send(press("space"), press("j"))
	r0 := h.app().reader
	at := r0.Text().Offset()
	if at == 0 {
		t.Fatal("the article did not scroll")
	}
	h.send(press("l"), press("enter"))
	if got := strings.Join(lib.reads, " "); got != "https://council.example/report?id=7" {
		t.Fatalf("enter reads the clean link: %q", got)
	}
	s := h.screen()
	if !strings.Contains(s, "The harbour plan, in full.") || !strings.Contains(s, "one link [1]") {
		t.Fatalf("the linked page is in the reader:\n%s", s)
	}
	h.send(press("h"))
	if !strings.Contains(h.screen(), "nothing in focus") {
		t.Fatalf("h without a focus: %s", h.screen())
	}
	h.send(press(")"), press("h"))
	if !strings.Contains(h.screen(), "highlights are kept for articles from your feeds") {
		t.Errorf("h on a page that is not stored says why:\n%s", h.screen())
	}
	// Onward to a stored article from this page's list? It has one link,
	// to a page the fake does not have: the error shows, esc goes back.
	h.send(press("l"), press("enter"))
	if !strings.Contains(h.screen(), "HTTP 404") {
		t.Errorf("a page that fails says why:\n%s", h.screen())
	}
	h.send(press("esc"))
	if !strings.Contains(h.screen(), "The harbour plan, in full.") {
		t.Fatalf("esc walks back to the report:\n%s", h.screen())
	}
	h.send(press("backspace"))
	if r := h.app().reader; r.Article().ID != 1 || r.Text().Offset() != at || h.app().screen != screenReader {
		t.Fatalf("backspace walks back to the article at line %d: article %d, line %d", at, r.Article().ID, r.Text().Offset())
	}
	// A link to a stored article opens it, stored: highlights work there.
	h.send(press("l"), press("3"), press("enter"))
	if r := h.app().reader; r.Article().ID != 2 {
		t.Fatalf("link 3 opens stored article 2: %d", r.Article().ID)
	}
	h.send(press("esc"))
	if r := h.app().reader; r.Article().ID != 1 || r.Text().Offset() != at {
		t.Fatalf("esc walks back to article 1 at line %d: %d, %d", at, r.Article().ID, r.Text().Offset())
	}
	h.send(press("esc"))
	if h.app().screen != screenList || len(h.app().trail) != 0 {
		t.Fatal("esc at the first article goes back to the list")
	}
}

func TestOpenAndCopyCleanLinks(t *testing.T) {
	h, _ := linkedHarness(t)
	h.send(press("l"), press("o"))
	if len(h.opened) != 1 || h.opened[0] != "https://council.example/report?id=7" {
		t.Fatalf("o opens the clean link: %q", h.opened)
	}
	h.send(press("2"), press("y"))
	if len(h.copied) != 1 || h.copied[0] != "https://news.example/minutes/41" {
		t.Fatalf("y copies the link, resolved: %q", h.copied)
	}
	h.send(press("4"), press("o"), press("enter"))
	if len(h.opened) != 1 || !strings.Contains(h.screen(), "not a web link: mailto") {
		t.Fatalf("a mail link is not opened: %q\n%s", h.opened, h.screen())
	}
	// o in the reader and on the list strips the article's tracking too.
	lib := newFake(3)
	h = newHarness(t, trackedLibrary{lib}, 100, 20)
	h.send(press("o"), press("enter"), press("o"))
	if len(h.opened) != 2 || h.opened[0] != "https://news.example/a/1?id=4" || h.opened[1] != h.opened[0] {
		t.Fatalf("o opens the clean link: %q", h.opened)
	}
}

// failingOpener is a machine without a browser.
type failingOpener struct{ err error }

func (o failingOpener) Open(string) error { return o.err }

func TestNoBrowserCopiesTheLink(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("%w (xdg-open not found)", desktop.ErrNoBrowser), "no browser found — link copied (OSC 52 + fakeclip)"},
		{fmt.Errorf("start firefox: exit status 1"), "the browser did not start — link copied"},
	} {
		h := newHarness(t, trackedLibrary{newFake(3)}, 100, 20)
		a := h.app()
		a.opener = failingOpener{c.err}
		h.m = a
		h.send(press("enter"), press("o"))
		s := h.screen()
		if len(h.copied) != 1 || h.copied[0] != "https://news.example/a/1?id=4" || !strings.Contains(s, c.want) {
			t.Errorf("%v: copied %q\n%s", c.err, h.copied, s)
		}
		if strings.Contains(s, "exit status") || strings.Contains(s, "xdg-open") {
			t.Errorf("a raw error in the status:\n%s", s)
		}
	}
}
