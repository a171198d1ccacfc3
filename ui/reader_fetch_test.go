package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/service"
)

// fakePage is what the fake library's OpenStored and FetchPage do.
type fakePage struct {
	needed   bool          // OpenStored says the page is to be fetched
	feedText string        // what OpenStored shows meanwhile
	gate     chan struct{} // FetchPage waits for it to close, when set
	notice   string        // FetchPage falls back to the feed's text with this notice
	failures int           // FetchPage's failures in a row
	fetches  int
}

func (f *fakeLibrary) OpenStored(ctx context.Context, id int64) (model.Reading, bool, error) {
	a, err := f.loadArticle(id)
	if err != nil {
		return model.Reading{Article: a}, false, err
	}
	f.mu.Lock()
	p := f.page
	f.mu.Unlock()
	if p.needed {
		a.Markdown = p.feedText
	}
	return f.prepare(ctx, a), p.needed, nil
}

func (f *fakeLibrary) FetchPage(ctx context.Context, id int64) (model.Reading, error) {
	f.mu.Lock()
	gate := f.page.gate
	f.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return model.Reading{}, ctx.Err()
		}
	}
	a, err := f.loadArticle(id)
	if err != nil {
		return model.Reading{Article: a}, err
	}
	f.mu.Lock()
	f.page.fetches++
	if f.page.notice != "" {
		f.page.failures++
		a.Markdown, a.Notice, a.PageFailures, a.ExtractedAt = f.page.feedText, f.page.notice, f.page.failures, testNow
	} else {
		f.page.failures = 0
		a.Markdown = f.body + fmt.Sprintf("\nThe page of article %d.\n", id)
	}
	f.mu.Unlock()
	return f.prepare(ctx, a), nil
}

// fetches counts FetchPage's calls.
func (f *fakeLibrary) fetches() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.page.fetches
}

// runEach runs cmd (a batch's commands one by one) and delivers each
// answer that comes at once, with what follows from it; the answers still
// to come (a page held back, timers) are handed back.
func (h *harness) runEach(cmd tea.Cmd) []chan tea.Msg {
	if cmd == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	select {
	case msg := <-ch:
		if b, ok := msg.(tea.BatchMsg); ok {
			var later []chan tea.Msg
			for _, c := range b {
				later = append(later, h.runEach(c)...)
			}
			return later
		}
		if msg == nil {
			return nil
		}
		return h.runEach(h.sendRaw(msg))
	case <-time.After(150 * time.Millisecond):
		return []chan tea.Msg{ch}
	}
}

// awaitPages waits for n fetched pages among the answers still to come.
func awaitPages(t *testing.T, later []chan tea.Msg, n int) []service.PageMsg {
	t.Helper()
	merged := make(chan tea.Msg, len(later))
	for _, ch := range later {
		go func() { merged <- <-ch }()
	}
	var pages []service.PageMsg
	guard := time.After(10 * time.Second) // a hung test, not a measure
	for len(pages) < n {
		select {
		case msg := <-merged:
			if p, ok := msg.(service.PageMsg); ok {
				pages = append(pages, p)
			}
		case <-guard:
			t.Fatalf("%d of %d pages came", len(pages), n)
		}
	}
	return pages
}

// offset is the reader's top line.
func (h *harness) offset() int {
	a := h.app()
	return a.reader.Text().Offset()
}

// joined is the screen with its words on one line, so that a sentence
// wrapped in the header reads whole.
func (h *harness) joined() string { return strings.Join(strings.Fields(h.screen()), " ") }

func feedText(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "The feed's summary, paragraph %d.\n\n", i+1)
	}
	return b.String()
}

// TestOpenShowsTheFeedTextThenThePage: a slow page does not hold the
// reader: the feed's text shows at once with a notice, keys work, and the
// whole article takes its place where the reader scrolled to.
func TestOpenShowsTheFeedTextThenThePage(t *testing.T) {
	lib := newFake(5)
	lib.body = strings.Repeat("A paragraph of the whole article, long enough to need scrolling.\n\n", 40)
	lib.page = fakePage{needed: true, feedText: feedText(30), gate: make(chan struct{})}
	h := newHarness(t, lib, 100, 20)
	later := h.runEach(h.sendRaw(press("enter")))
	if s := h.joined(); !strings.Contains(s, "Fetching the page…") || !strings.Contains(s, "paragraph 1.") || strings.Contains(s, "whole article") {
		t.Fatalf("the feed's text shows at once, with a notice:\n%s", h.screen())
	}
	h.send(press("j"), press("j"), press("j"))
	if off := h.offset(); off != 3 {
		t.Fatalf("j scrolls the feed's text while the page is fetched: offset %d", off)
	}
	close(lib.page.gate)
	h.send(awaitPages(t, later, 1)[0])
	s := h.joined()
	if !strings.Contains(s, "whole article") || strings.Contains(s, "Fetching") || strings.Contains(s, "paragraph 1.") {
		t.Fatalf("the whole article replaces the feed's text:\n%s", h.screen())
	}
	if off := h.offset(); off != 3 || lib.fetches() != 1 {
		t.Fatalf("the reader stays where it scrolled to: offset %d, %d fetches", off, lib.fetches())
	}
	h.send(press("q"))
	if h.app().screen != screenList {
		t.Fatal("q goes back")
	}
}

// TestStalePageIsDropped: the page of an article left behind does not
// reach the reader of the next one, and a page that comes before any
// scrolling shows from the top.
func TestStalePageIsDropped(t *testing.T) {
	lib := newFake(5)
	lib.page = fakePage{needed: true, feedText: feedText(3), gate: make(chan struct{})}
	h := newHarness(t, lib, 100, 20)
	later := h.runEach(h.sendRaw(press("enter")))
	h.send(press("esc"), press("j"))
	later = append(later, h.runEach(h.sendRaw(press("enter")))...)
	if r := h.app().reader; r.Article().ID != 2 || !r.page.fetching {
		t.Fatalf("reading article %d, fetching %v", r.Article().ID, r.page.fetching)
	}
	close(lib.page.gate)
	pages := awaitPages(t, later, 2)
	if pages[0].Reading.Article.ID != 1 {
		pages[0], pages[1] = pages[1], pages[0]
	}
	h.send(pages[0])
	if s := h.joined(); strings.Contains(s, "page of article 1") || !strings.Contains(s, "Fetching the page…") {
		t.Fatalf("the first article's page is dropped:\n%s", h.screen())
	}
	h.send(pages[1])
	if s := h.joined(); !strings.Contains(s, "page of article 2") || h.offset() != 0 {
		t.Fatalf("the second article's page shows from the top:\n%s", h.screen())
	}
}

// TestFailedPageSaysWhenAndRRetries: a page that could not be had says
// when it was tried, and R in the reader (listed in its help) fetches it
// again at once.
func TestFailedPageSaysWhenAndRRetries(t *testing.T) {
	lib := newFake(5)
	lib.page = fakePage{needed: true, feedText: "The feed's summary.",
		notice: "The page answered 503 Service Unavailable; showing the feed's summary."}
	h := newHarness(t, lib, 100, 20)
	h.send(press("enter"))
	if s := h.joined(); !strings.Contains(s, "showing the feed's summary. Tried just now — R to try again.") {
		t.Fatalf("the notice says when the page was tried:\n%s", h.screen())
	}
	lib.mu.Lock()
	lib.page.notice = ""
	lib.mu.Unlock()
	h.send(press("R"))
	if s := h.joined(); !strings.Contains(s, "page of article 1") || strings.Contains(s, "Tried") || lib.fetches() != 2 {
		t.Fatalf("R fetches the page again (%d fetches):\n%s", lib.fetches(), h.screen())
	}
	if h.app().refresh.Running() {
		t.Fatal("R in the reader does not refresh the feeds")
	}
	h.send(press("?"))
	if s := h.joined(); !strings.Contains(s, "R fetch the page") {
		t.Fatalf("the reader's help lists R:\n%s", h.screen())
	}
}

// TestFetchedPageLinksLeadWhereThePageMeant: a relative link in the page
// fetched after the feed's text is resolved against the article's link,
// as it is in a stored article, so the link list can follow it.
func TestFetchedPageLinksLeadWhereThePageMeant(t *testing.T) {
	lib := newFake(5)
	lib.body = "The council published [the minutes](/minutes/41) of the meeting.\n\n"
	lib.page = fakePage{needed: true, feedText: "The feed's summary."}
	h := newHarness(t, lib, 100, 20)
	h.send(press("enter"))
	if lib.fetches() != 1 || !strings.Contains(h.joined(), "page of article 1") {
		t.Fatalf("the page was not fetched:\n%s", h.screen())
	}
	links := h.app().reader.Doc().Links()
	if len(links) != 1 || links[0].Target != "https://news.example/minutes/41" {
		t.Fatalf("the page's relative link is not resolved against the article's: %+v", links)
	}
	h.send(press("l"))
	if s := h.joined(); !strings.Contains(s, "the minutes news.example") {
		t.Fatalf("the link list shows where the link leads:\n%s", h.screen())
	}
}

// TestWalkBackToAPageStillFetching: a page whose fetch ended while a
// link was read (its answer dropped there) is fetched again on walking
// back, rather than saying it is being fetched for ever.
func TestWalkBackToAPageStillFetching(t *testing.T) {
	lib := newFake(3)
	lib.body = "The whole article.\n\n"
	lib.pages = map[string]string{"https://council.example/report?id=7": "# The report\n\nThe harbour plan, in full.\n"}
	lib.page = fakePage{needed: true, feedText: "See [the report](https://council.example/report?id=7).\n", gate: make(chan struct{})}
	h := newHarness(t, lib, 100, 20)
	later := h.runEach(h.sendRaw(press("enter")))
	h.send(press("l"), press("enter"))
	if !strings.Contains(h.joined(), "The harbour plan, in full.") {
		t.Fatalf("the link is read:\n%s", h.screen())
	}
	close(lib.page.gate)
	h.send(awaitPages(t, later, 1)[0])
	h.send(press("esc"))
	if s := h.joined(); !strings.Contains(s, "page of article 1") || strings.Contains(s, "Fetching") || h.app().reader.page.fetching {
		t.Fatalf("walking back fetches the page again (%d fetches):\n%s", lib.fetches(), h.screen())
	}
}
