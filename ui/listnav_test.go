package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/feedtree"
	"github.com/byline-reader/byline/ui/panes"
)

// NextUnread walks the fake's rows of q from the article from, as the
// store does.
func (f *fakeLibrary) NextUnread(_ context.Context, q model.ArticleQuery, from int64, back bool) (model.Article, int, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queries = append(f.queries, q)
	rows := f.selected(q)
	if rows == nil {
		rows = make([]int, f.n)
		for i := range rows {
			rows[i] = i
		}
	}
	step, pos := 1, -1
	if back {
		step, pos = -1, len(rows)
	}
	for j, i := range rows {
		if from != 0 && f.article(i).ID == from {
			pos = j
		}
	}
	for j := pos + step; j >= 0 && j < len(rows); j += step {
		if a := f.article(rows[j]); !a.Read {
			return a, j, true, f.failAll
		}
	}
	return model.Article{}, 0, false, f.failAll
}

// Add subscribes to a URL ending in /feed; a URL already there gives the
// feed with an error, as library does.
func (f *fakeLibrary) Add(_ context.Context, rawURL string) (model.Feed, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, feed := range f.feeds {
		if feed.URL == rawURL {
			return feed, errors.New("already subscribed: " + rawURL)
		}
	}
	if !strings.HasSuffix(rawURL, "/feed") {
		return model.Feed{}, fmt.Errorf("add %s: no feed found on the page", rawURL)
	}
	feed := model.Feed{ID: int64(len(f.feeds) + 10), URL: rawURL, Title: "Added " + rawURL}
	f.feeds = append(f.feeds, feed)
	f.marks = append(f.marks, "add "+rawURL)
	return feed, nil
}

func (f *fakeLibrary) Remove(_ context.Context, urlOrID string) (model.Feed, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	id, _ := strconv.ParseInt(urlOrID, 10, 64)
	for i, feed := range f.feeds {
		if feed.ID == id {
			f.feeds = append(f.feeds[:i:i], f.feeds[i+1:]...)
			f.marks = append(f.marks, "remove "+urlOrID)
			return feed, nil
		}
	}
	return model.Feed{}, errors.New("feed " + urlOrID + ": not found")
}

// onlyUnread makes the fake's articles read but those with the ids given.
func onlyUnread(lib *fakeLibrary, ids ...int64) {
	lib.edit = func(a *model.Article) {
		a.Read = true
		for _, id := range ids {
			if a.ID == id {
				a.Read = false
			}
		}
	}
}

func TestNextUnreadFromTheList(t *testing.T) {
	lib := newFake(1000)
	onlyUnread(lib, 3, 5, 700)
	h := newHarness(t, lib, 100, 30)
	h.send(press("J"))
	if sel, _ := h.app().list.Selected(); sel.ID != 3 || h.app().screen != screenList {
		t.Fatalf("J selects the first unread headline: %+v", sel)
	}
	h.send(press("J"), press("J")) // the third is past the loaded window
	if a := h.app(); a.list.Cursor() != 699 {
		t.Fatalf("J past the window: cursor %d, want 699", a.list.Cursor())
	}
	if sel, ok := h.app().list.Selected(); !ok || sel.ID != 700 {
		t.Fatalf("the window around the unread headline should load: %+v %v", sel, ok)
	}
	h.send(press("J"))
	if a := h.app(); a.list.Cursor() != 699 || !strings.Contains(a.status, "no more unread in All articles") {
		t.Fatalf("at the end: cursor %d, status %q", a.list.Cursor(), a.status)
	}
	h.send(press("K"))
	if a := h.app(); a.list.Cursor() != 4 {
		t.Fatalf("K goes back to the previous unread: cursor %d", a.list.Cursor())
	}
	if len(lib.marks) != 0 {
		t.Fatalf("moving on the list marks nothing: %v", lib.marks)
	}
}

func TestNextUnreadFromTheReaderOpensIt(t *testing.T) {
	lib := newFake(1000)
	onlyUnread(lib, 3, 700)
	h := newHarness(t, lib, 100, 30)
	h.send(press("enter")) // article 1, read
	h.send(press("J"))
	a := h.app()
	if a.screen != screenReader || a.reader.Article().ID != 3 || !strings.Contains(h.screen(), "Headline number 3") {
		t.Fatalf("J in the reader opens the next unread:\n%s", h.screen())
	}
	h.send(press("J"))
	if a = h.app(); a.reader.Article().ID != 700 || a.list.Cursor() != 699 {
		t.Fatalf("J past the window opens article %d, cursor %d", a.reader.Article().ID, a.list.Cursor())
	}
	if got := strings.Join(lib.marks, ";"); got != "[3] read=true;[700] read=true" {
		t.Fatalf("opening marks read: %s", got)
	}
	h.send(press("J"))
	if a = h.app(); a.reader.Article().ID != 700 || !strings.Contains(a.status, "no more unread in All articles") {
		t.Fatalf("at the end: article %d, status %q", a.reader.Article().ID, a.status)
	}
	h.send(press("q"))
	if sel, _ := h.app().list.Selected(); h.app().screen != screenList || sel.ID != 700 {
		t.Fatalf("back on the list, on the article read: %+v", sel)
	}
}

func TestNextUnreadKeepsTheViewAndFilter(t *testing.T) {
	lib := newFake(60)
	onlyUnread(lib, 2, 4, 9, 11)
	h := newHarness(t, lib, 120, 30)
	h.send(press("tab"), press("j"), press("j"), press("j"), press("j"), press("tab")) // folder local: odd ids
	h.send(press("/"))
	h.send(typeText("1")...)
	h.send(press("enter"))
	if q := h.app().list.Query(); q.Folder != "local" || q.Text != "1" {
		t.Fatalf("query %+v", q)
	}
	h.send(press("J"))
	if sel, _ := h.app().list.Selected(); sel.ID != 11 {
		t.Fatalf("J finds the unread of the folder matching the filter: %+v", sel)
	}
	h.send(press("J"))
	if s := h.app().status; !strings.Contains(s, "no more unread in folder local") {
		t.Fatalf("status %q", s)
	}
}

func TestHideReadArticles(t *testing.T) {
	lib := newFake(60)
	h := newHarness(t, lib, 120, 30)
	h.send(press("U"))
	a := h.app()
	if q := lib.lastQuery(); !q.Unread || !a.list.Query().Unread {
		t.Fatalf("U asks for unread articles only: %+v", q)
	}
	if s := h.screen(); !strings.Contains(s, "byline · All articles · unread only") || strings.Contains(s, "Headline number 1 ") {
		t.Fatalf("the title says so and read headlines are gone:\n%s", s)
	}
	h.send(press("tab"), press("j"), press("j"), press("j")) // World Wire
	a = h.app()
	if q := a.list.Query(); q.FeedID != 2 || !q.Unread || !strings.Contains(h.screen(), "World Wire · unread only") {
		t.Fatalf("moving to a feed keeps read articles hidden: %+v\n%s", q, h.screen())
	}
	if e, _ := a.feeds.Current(); !a.list.Shows(e) {
		t.Fatal("the list still shows the feed in focus")
	}
	h.send(press("k"), press("k")) // the Unread view: nothing more to hide
	if s := h.screen(); strings.Contains(s, "unread only") {
		t.Fatalf("the Unread view says nothing more:\n%s", s)
	}
	h.send(press("j"), press("j"), press("U"))
	if q := h.app().list.Query(); q.Unread || q.FeedID != 2 || lib.lastQuery().Unread {
		t.Fatalf("U again shows the read ones: %+v", q)
	}
}

func TestShowReadFalseStartsHidden(t *testing.T) {
	lib := newFake(10)
	no := false
	app := New(context.Background(), Services{Library: lib}, model.Config{Theme: "dark", ShowRead: &no})
	if q := app.list.Query(); !q.Unread || !strings.Contains(app.list.Title(), "unread only") {
		t.Fatalf("show_read = false starts with read articles hidden: %+v", q)
	}
}

func TestAddFeedFromTheFeedsPane(t *testing.T) {
	lib := newFake(10)
	h := newHarness(t, lib, 120, 30)
	h.send(press("tab"), press("a"))
	if !strings.Contains(h.screen(), "add a feed (its URL, or a site's):") {
		t.Fatalf("a opens the prompt:\n%s", h.screen())
	}
	h.send(typeText("https://nofeed.example/")...)
	h.send(press("enter"))
	if a := h.app(); !a.statusErr || !strings.Contains(a.status, "no feed found") {
		t.Fatalf("a failure says why: %q", a.status)
	}
	h.send(press("a"))
	h.send(typeText("https://new.example/feed")...)
	h.send(press("enter"))
	a := h.app()
	e, _ := a.feeds.Current()
	if e.Kind != feedtree.Feed || e.Feed.URL != "https://new.example/feed" || a.list.Query().FeedID != e.Feed.ID {
		t.Fatalf("the new feed is selected and shown: %+v, list %+v", e, a.list.Query())
	}
	if a.refresh.Gen() != 1 || lib.marks[0] != "add https://new.example/feed" {
		t.Fatalf("the new feed is refreshed: refresh %d, %v", a.refresh.Gen(), lib.marks)
	}
	h.send(press("j"), press("a"))
	h.send(typeText("https://new.example/feed")...)
	h.send(press("enter"))
	if e, _ := h.app().feeds.Current(); e.Feed.URL != "https://new.example/feed" || !strings.Contains(h.app().status, "already subscribed") {
		t.Fatalf("adding it again selects it: %+v, %q", e, h.app().status)
	}
}

func TestRemoveFeedAsksFirst(t *testing.T) {
	lib := newFake(10)
	h := newHarness(t, lib, 120, 30)
	h.send(press("tab"), press("j"), press("j"), press("j")) // World Wire
	h.send(press("d"))
	if s := h.screen(); !strings.Contains(s, "Remove World Wire and its 5 articles? y/n") || !strings.Contains(s, "y: remove") {
		t.Fatalf("d asks:\n%s", s)
	}
	h.send(press("n"))
	if len(lib.feeds) != 3 || !strings.Contains(h.app().status, "kept World Wire") {
		t.Fatalf("n keeps it: %v, %q", lib.marks, h.app().status)
	}
	h.send(tea.KeyPressMsg{Code: tea.KeyDelete}, press("y"))
	a := h.app()
	if len(lib.feeds) != 2 || lib.marks[0] != "remove 2" || !strings.Contains(a.status, "removed World Wire and its 5 articles") {
		t.Fatalf("y removes it: %v, %q", lib.marks, a.status)
	}
	if e, _ := a.feeds.Current(); e.Feed.ID == 2 || !a.list.Shows(e) {
		t.Fatalf("the cursor stays on the row, showing what is there now: %+v", e)
	}
	h.send(press("g"), press("d"))
	if a := h.app(); a.prompt.Mode() != panes.PromptNone || !strings.Contains(a.status, "put the cursor on one") {
		t.Fatalf("d on a view: %q", a.status)
	}
}
