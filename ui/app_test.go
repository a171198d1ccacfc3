package ui

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/quote"
	"github.com/byline-reader/byline/ui/feedtree"
	"github.com/byline-reader/byline/ui/headlines"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/panes"
	"github.com/byline-reader/byline/ui/service"
)

func TestListMovesScrollsAndLoadsWindows(t *testing.T) {
	h := newHarness(t, newFake(100_000), 120, 20)
	h.send(press("j"), press("down"), press("j"))
	if c := h.app().list.Cursor(); c != 3 {
		t.Fatalf("cursor = %d, want 3", c)
	}
	h.send(press("G"))
	s := h.screen()
	if !strings.Contains(s, "Headline number 100000") || !strings.Contains(s, "100000/100,000") {
		t.Fatalf("G should show the bottom:\n%s", s)
	}
	if n := h.app().list.Held(); n > headlines.WindowSize {
		t.Fatalf("the list holds %d headlines, more than a window", n)
	}
	h.send(press("g"))
	if l := h.app().list; l.Cursor() != 0 || l.Offset() != 0 || !strings.Contains(h.screen(), "Headline number 1 ") {
		t.Fatalf("g should go to the top: cursor %d offset %d\n%s", l.Cursor(), l.Offset(), h.screen())
	}
}

func TestFrameFitsTheWindow(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {160, 40}, {40, 12}, {20, 5}, {1, 1}} {
		h := newHarness(t, newFake(500), size[0], size[1])
		for _, step := range []tea.Msg{press("ctrl+d"), press("tab"), press("j"), press("tab"), press("enter"), press("?")} {
			h.send(step)
			assertFits(t, h.screen(), size[0], size[1])
		}
	}
}

func assertFits(t *testing.T, s string, w, h int) {
	t.Helper()
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		t.Errorf("%dx%d: %d lines", w, h, len(lines))
	}
	for _, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%dx%d: a line of width %d: %q", w, h, lw, l)
		}
	}
}

func TestEmptyAndBrokenStates(t *testing.T) {
	empty := newFake(0)
	empty.feeds = nil
	if s := newHarness(t, empty, 100, 20).screen(); !strings.Contains(s, "No subscriptions yet") {
		t.Errorf("no subscriptions:\n%s", s)
	}
	failing := newFake(0)
	for i := range failing.feeds {
		failing.feeds[i].LastError = "dial tcp: no such host"
	}
	if s := newHarness(t, failing, 100, 20).screen(); !strings.Contains(s, "are you offline?") {
		t.Errorf("all failing:\n%s", s)
	}
	broken := newFake(10)
	broken.failAll = errors.New("database is locked")
	if s := newHarness(t, broken, 100, 20).screen(); !strings.Contains(s, "database is locked") {
		t.Errorf("a failing library should say so:\n%s", s)
	}
	noText := newFake(3)
	noText.body = ""
	if s := newHarness(t, noText, 80, 12).send(press("enter")).screen(); !strings.Contains(s, "has no text") {
		t.Errorf("article with no text:\n%s", s)
	}
}

func TestOfflineRefreshSaysSo(t *testing.T) {
	lib := newFake(5)
	lib.refresh = []model.FeedDone{
		{Feed: lib.feeds[0], Err: errors.New("dial tcp: no such host"), Done: 1, Total: 2},
		{Feed: lib.feeds[1], Err: errors.New("dial tcp: no such host"), Done: 2, Total: 2},
	}
	s := newHarness(t, lib, 100, 20).send(press("R")).screen()
	if !strings.Contains(s, "all 2 feeds failed: are you offline?") {
		t.Fatalf("offline refresh:\n%s", s)
	}
}

func TestOpenMarksReadAndBackReturns(t *testing.T) {
	lib := newFake(10)
	h := newHarness(t, lib, 100, 30)
	h.send(press("j"), press("enter")) // row 2 is unread
	a := h.app()
	if a.screen != screenReader || !strings.Contains(h.screen(), "Headline number 2") || !strings.Contains(h.screen(), "Heading") {
		t.Fatalf("enter should open the article:\n%s", h.screen())
	}
	if len(lib.marks) != 1 || lib.marks[0] != "[2] read=true" {
		t.Fatalf("marks = %v", lib.marks)
	}
	if sel, _ := a.list.At(1); !sel.Read {
		t.Fatal("the headline should show as read")
	}
	h.send(press("f"), press("m"), press("q"))
	if h.app().screen != screenList {
		t.Fatal("q in the reader goes back to the list")
	}
	if got := strings.Join(lib.marks, ";"); got != "[2] read=true;[2] starred=true;[2] read=false" {
		t.Fatalf("marks = %s", got)
	}
}

func TestBrowserOpensTheLink(t *testing.T) {
	h := newHarness(t, newFake(3), 100, 20)
	h.send(press("o"))
	if len(h.opened) != 1 || h.opened[0] != "https://news.example/a/1" {
		t.Fatalf("opened %v", h.opened)
	}
}

// TestBrowserOpensOnlyWebLinks: the app checks the scheme itself before it
// asks the opener, and says why in the status line.
func TestBrowserOpensOnlyWebLinks(t *testing.T) {
	for link, why := range map[string]string{
		"file:///etc/passwd":       "not a web link: file",
		"mailto:desk@news.example": "not a web link: mailto",
		"JavaScript:alert(1)":      "not a web link: javascript",
		"/a/relative/path":         "not a web link: /a/relative/path",
		"https://":                 "not a web link: https link without a host",
	} {
		lib := newFake(3)
		lib.edit = func(a *model.Article) { a.URL = link }
		h := newHarness(t, lib, 100, 20)
		h.send(press("o"))
		if len(h.opened) != 0 || !strings.Contains(h.screen(), why) || !h.app().statusErr {
			t.Errorf("%s: opened %v\n%s", link, h.opened, h.screen())
		}
		h.send(press("enter"), press("o")) // and from the reader
		if len(h.opened) != 0 || !strings.Contains(h.screen(), why) {
			t.Errorf("%s in the reader: opened %v\n%s", link, h.opened, h.screen())
		}
	}
}

func TestFilterAsYouType(t *testing.T) {
	lib := newFake(300)
	h := newHarness(t, lib, 100, 20)
	h.send(press("/"))
	h.send(typeText("Number 12")...)
	a := h.app()
	if a.list.Count() != 11 || lib.lastQuery().Text != "Number 12" { // 12 and 120–129
		t.Fatalf("filter kept %d rows, asked %+v:\n%s", a.list.Count(), lib.lastQuery(), h.screen())
	}
	if s := h.screen(); !strings.Contains(s, `filter "Number 12"`) || strings.Contains(s, `"Number 12" …`) {
		t.Fatalf("the title line names the filter in force:\n%s", s)
	}
	h.send(typeText("0")...)
	if a = h.app(); a.list.Count() != 1 {
		t.Fatalf("narrowing kept %d rows", a.list.Count())
	}
	h.send(press("backspace"), press("enter"))
	if a = h.app(); a.list.Count() != 11 || a.prompt.Mode() != panes.PromptNone || a.list.Query().Text != "Number 12" {
		t.Fatalf("after enter: %d rows, prompt %v, query %+v", a.list.Count(), a.prompt.Mode(), a.list.Query())
	}
	if s := h.screen(); !strings.Contains(s, `filter "Number 12"`) || !strings.Contains(s, "1/11") {
		t.Fatalf("the title line names the filter, the status line counts:\n%s", s)
	}
	h.send(press("esc"))
	if a = h.app(); a.list.Query().Text != "" || a.list.Filter() != "" || a.list.Count() != 300 {
		t.Fatalf("esc clears the filter: query %+v, %d rows", a.list.Query(), a.list.Count())
	}
}

// TestFilterWaitsForAPause: each key changes the filter in the model at
// once, but the library is asked only by the timer of the last key; a
// window answering an older text is dropped.
func TestFilterWaitsForAPause(t *testing.T) {
	lib := newFake(300)
	h := newHarness(t, lib, 100, 20)
	h.m = withFilterDelay(h.app(), filterDelay)
	h.send(press("/"))
	asked := len(lib.queries)
	start := time.Now() // before the first key: its timer starts with it
	tick1 := h.sendRaw(typeText("2")[0])
	if a := h.app(); a.list.Filter() != "2" || !strings.Contains(h.screen(), `filter "2" …`) {
		t.Fatalf("the key should show at once: filter %q\n%s", a.list.Filter(), h.screen())
	}
	tick2 := h.sendRaw(typeText("9")[0])
	for _, msg := range runCmd(tick1, time.Second) { // the first key's timer: stale
		if cmd := h.sendRaw(msg); cmd != nil {
			t.Fatalf("a stale timer asked the library (%T)", msg)
		}
	}
	if waited := time.Since(start); waited < filterDelay {
		t.Fatalf("the timer fired after %v", waited)
	}
	var load tea.Cmd
	for _, msg := range runCmd(tick2, time.Second) {
		if _, ok := msg.(filterTickMsg); ok {
			load = h.sendRaw(msg)
		}
	}
	if load == nil || h.app().list.Query().Text != "29" {
		t.Fatalf("the last key's timer should apply the filter: query %+v", h.app().list.Query())
	}
	old := runCmd(load, time.Second) // the window for "29", held back
	h.send(typeText("3")...)         // "293": asked and answered
	if a := h.app(); a.list.Query().Text != "293" || a.list.Count() != 1 {
		t.Fatalf("query %+v, %d rows", a.list.Query(), a.list.Count())
	}
	h.send(old...) // "29"'s answer arrives late
	if a := h.app(); a.list.Count() != 1 || !strings.Contains(h.screen(), "Headline number 293") {
		t.Fatalf("a late answer for an older filter was shown: %d rows\n%s", a.list.Count(), h.screen())
	}
	var texts []string
	for _, q := range lib.queries[asked:] {
		texts = append(texts, q.Text)
	}
	if got := strings.Join(texts, ","); got != "29,293" {
		t.Fatalf("the library was asked for %q; want only the texts typing paused at", got)
	}
}

func withFilterDelay(a App, d time.Duration) App { a.filterDelay = d; return a }

// TestFolderShowsItsArticles: a folder in the feeds pane shows the
// articles of its feeds (the query carries its path) with the sum of their
// unread counts; space folds it without changing the list.
func TestFolderShowsItsArticles(t *testing.T) {
	lib := newFake(60)
	lib.feeds[2].Unread = 5
	h := newHarness(t, lib, 120, 30)
	h.send(press("tab"), press("j"), press("j"), press("j"), press("j")) // All, Unread, Starred, World Wire, local
	a := h.app()
	if e, _ := a.feeds.Current(); e.Kind != feedtree.Folder || e.Unread != 20+5 {
		t.Fatalf("on %+v; want the folder with 25 unread", e)
	}
	if a.list.Query().Folder != "local" || lib.lastQuery().Folder != "local" {
		t.Fatalf("query %+v, asked %+v", a.list.Query(), lib.lastQuery())
	}
	s := h.screen()
	if !strings.Contains(s, "byline · folder local") || !regexp.MustCompile(`▾ local +25│`).MatchString(s) ||
		strings.Count(s, "World Wire") != 1 || !strings.Contains(s, "1/30") {
		t.Fatalf("the folder's articles (only Harbor Gazette's), named in the title:\n%s", s)
	}
	gen := a.list.Gen()
	h.send(press("space"))
	if a = h.app(); !a.feeds.Folded(feedtree.Group{Folder: "local"}) || a.list.Gen() != gen || a.list.Query().Folder != "local" {
		t.Fatalf("space folds and keeps the list: gen %d→%d", gen, a.list.Gen())
	}
	if s := h.screen(); !strings.Contains(s, "▸ local") || regexp.MustCompile(`(?m)^ +Harbor Gazette +\d*│`).MatchString(s) {
		t.Fatalf("folded:\n%s", s)
	}
	h.send(press("enter"))
	if a = h.app(); a.feedsFocused || a.list.Gen() != gen {
		t.Fatalf("enter on the folder shown goes to its list: focused %v, gen %d→%d", a.feedsFocused, gen, a.list.Gen())
	}
	h.send(press("/"))
	h.send(typeText("number 1")...)
	if q := lib.lastQuery(); q.Folder != "local" || q.Text != "number 1" {
		t.Fatalf("the filter narrows the folder: asked %+v", q)
	}
}

func TestSearchShowsResults(t *testing.T) {
	lib := newFake(10)
	lib.onSearch = func(q string) []model.Article {
		return []model.Article{{ID: 99, Title: "Found by " + q, FeedTitle: "World Wire"}}
	}
	h := newHarness(t, lib, 100, 20)
	h.send(press("ctrl+f"))
	h.send(typeText("harbor")...)
	h.send(press("enter"))
	if s := h.screen(); !strings.Contains(s, "Found by harbor") || !strings.Contains(s, `search "harbor"`) {
		t.Fatalf("search:\n%s", s)
	}
}

func TestRefreshKeepsTheSelection(t *testing.T) {
	lib := newFake(50)
	h := newHarness(t, lib, 100, 20)
	h.send(press("j"), press("j"), press("j"))
	a := h.app()
	before, _ := a.list.Selected()
	id, row := before.ID, a.list.Cursor()-a.list.Offset()
	lib.mu.Lock()
	lib.n = 60 // ten new articles arrive on top: the fake numbers from the top
	lib.mu.Unlock()
	shifted := &shiftLibrary{fakeLibrary: lib, shift: 10}
	h.m = withLibrary(h.app(), shifted)
	lib.refresh = []model.FeedDone{{Feed: lib.feeds[0], New: 10, Done: 1, Total: 1}}
	h.send(press("R"))
	a = h.app()
	after, _ := a.list.Selected()
	if after.ID != id || a.list.Cursor()-a.list.Offset() != row {
		t.Fatalf("selection moved: id %d→%d, row %d→%d", id, after.ID, row, a.list.Cursor()-a.list.Offset())
	}
	if !strings.Contains(h.screen(), "refreshed 1 feed: 10 new") {
		t.Fatalf("summary missing:\n%s", h.screen())
	}
}

// shiftLibrary puts shift new articles above the fake's.
type shiftLibrary struct {
	*fakeLibrary
	shift int
}

func withLibrary(a App, lib service.Library) App { a.lib = lib; return a }

// TestKeysAreRebindable: the config's [keys] reach the screens and their
// help; a bad entry is said in the status line.
func TestKeysAreRebindable(t *testing.T) {
	h := &harness{}
	cfg := model.Config{Theme: "dark", TextWidth: 100, Keys: map[string]string{"down": "n, ctrl+n", "bogus": "x"}}
	app := New(context.Background(), Services{Library: newFake(10), Now: func() time.Time { return testNow }}, cfg)
	h.m = app
	h.settle(app.Init())
	h.send(tea.WindowSizeMsg{Width: 100, Height: 20})
	if s := h.screen(); !strings.Contains(s, `"bogus" is not an action`) {
		t.Fatalf("the bad entry is reported:\n%s", s)
	}
	h.send(press("n"), press("j"))
	if c := h.app().list.Cursor(); c != 1 {
		t.Fatalf("n moves down, j no longer: cursor %d", c)
	}
	h.send(press("?"))
	if s := h.screen(); !strings.Contains(s, "n/ctrl+n down") {
		t.Fatalf("the help shows the new keys:\n%s", s)
	}
}

func TestNarrowFoldsTheFeedsPane(t *testing.T) {
	h := newHarness(t, newFake(20), 80, 24)
	if strings.Contains(h.screen(), "Harbor Gazette   ") && strings.Contains(h.screen(), "│") {
		t.Fatalf("80 columns should not show the feeds pane:\n%s", h.screen())
	}
	h.send(press("tab"))
	if s := h.screen(); !strings.Contains(s, "All articles") || !strings.Contains(s, "! Broken Feed") {
		t.Fatalf("tab should bring the feeds pane back:\n%s", s)
	}
	h.send(press("G"))
	if s := h.screen(); !strings.Contains(s, "HTTP 404") {
		t.Fatalf("a failing feed in focus shows its error:\n%s", s)
	}
	h.send(press("k"), press("enter"))
	if a := h.app(); a.feedsFocused || a.list.Query().FeedID != 1 {
		t.Fatalf("enter shows the feed: focused %v query %+v", a.feedsFocused, a.list.Query())
	}
}

func TestMouse(t *testing.T) {
	h := newHarness(t, newFake(100), 80, 24)
	h.send(tea.MouseWheelMsg{X: 10, Y: 5, Button: tea.MouseWheelDown})
	if h.app().list.Offset() != wheelStep {
		t.Fatalf("wheel: offset %d", h.app().list.Offset())
	}
	h.send(tea.MouseClickMsg{X: 10, Y: 3, Button: tea.MouseLeft})
	if c := h.app().list.Cursor(); c != wheelStep+2 {
		t.Fatalf("click selects row: cursor %d", c)
	}
	h.send(tea.MouseClickMsg{X: 10, Y: 3, Button: tea.MouseLeft})
	if h.app().screen != screenReader {
		t.Fatal("a click on the selected row opens it")
	}
}

// A double-click opens a headline even when the cursor moved away between
// the clicks; the app's clock, not the machine's, times it.
func TestDoubleClickTimedByTheClock(t *testing.T) {
	h := newHarness(t, newFake(100), 80, 24)
	clock := testNow
	a := h.app()
	a.now = func() time.Time { return clock }
	h.m = a
	h.send(tea.MouseClickMsg{X: 10, Y: 3, Button: tea.MouseLeft}, press("j"))
	clock = clock.Add(clickTimeout)
	h.send(tea.MouseClickMsg{X: 10, Y: 3, Button: tea.MouseLeft})
	if a := h.app(); a.screen != screenList || a.list.Cursor() != 2 {
		t.Fatalf("clicks further apart than clickTimeout select: screen %v cursor %d", a.screen, a.list.Cursor())
	}
	h.send(press("j"))
	clock = clock.Add(clickTimeout - time.Millisecond)
	h.send(tea.MouseClickMsg{X: 10, Y: 3, Button: tea.MouseLeft})
	if a := h.app(); a.screen != screenReader || a.reader.Article().ID != 3 {
		t.Fatalf("a double-click opens the row clicked: screen %v article %d", a.screen, a.reader.Article().ID)
	}
}

func TestHelpAndQuit(t *testing.T) {
	h := newHarness(t, newFake(3), 80, 24).send(press("?"))
	if !h.app().showHelp || !strings.Contains(h.screen(), "half page down") {
		t.Fatalf("? should show full help:\n%s", h.screen())
	}
	h.send(press("?"))
	_, cmd := h.m.Update(press("q"))
	if cmd == nil {
		t.Fatal("q should quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("q should quit")
	}
}

func TestHostileTextIsDrawnClean(t *testing.T) {
	lib := newFake(1)
	lib.feeds[0].Title = "\x1b[2Jfeed"
	lib.body = "evil &#27;]52;c;ZXZpbA==&#7; and &#x1b;[2J and \u202etxet \x1b]0;title\x07"
	h := newHarness(t, &hostileLibrary{lib}, 120, 20)
	for _, s := range []string{h.app().View().Content, h.send(press("enter")).app().View().Content} {
		// The words may stay (model.Sanitize drops the escape entities and
		// leaves "]52;…" as text); no escape may.
		if strings.Contains(s, "\x1b]52;") || strings.Contains(s, "\x07") || strings.Contains(s, "\u202e") ||
			strings.Contains(s, "\x1b[2J") || strings.Contains(s, "\x1b]0;") {
			t.Fatalf("a control sequence from a stranger reached the screen: %q", s)
		}
	}
}

type hostileLibrary struct{ *fakeLibrary }

func (h *hostileLibrary) Articles(ctx context.Context, q model.ArticleQuery) ([]model.Article, error) {
	arts, err := h.fakeLibrary.Articles(ctx, q)
	for i := range arts {
		arts[i].Title = "evil \x1b]52;c;ZXZpbA==\x07 \u202etxet"
	}
	return arts, err
}

// TestRefreshIndexesSearchInTheBackground: when a refresh ends, the search
// index is brought up to date in a command, never in Update; a failure is
// said in the status line, not as an error.
func TestRefreshIndexesSearchInTheBackground(t *testing.T) {
	lib := newFake(5)
	lib.refresh = []model.FeedDone{{Feed: lib.feeds[0], New: 2, Done: 1, Total: 1}}
	h := newHarness(t, lib, 100, 20)
	cmd := h.sendRaw(press("R"))
	for _, msg := range runCmd(cmd, 150e6) { // the stream starts
		cmd = h.sendRaw(msg)
	}
	for _, msg := range runCmd(cmd, 150e6) { // the feed, its reloads left undone
		h.sendRaw(msg)
	}
	cmd = h.sendRaw(service.FeedDoneMsg{Gen: h.app().refresh.Gen(), Done: true})
	if lib.indexed != 0 {
		t.Fatal("IndexSearch ran inside Update")
	}
	h.settle(cmd)
	if lib.indexed != 1 || !strings.Contains(h.screen(), "refreshed 1 feed: 2 new") {
		t.Fatalf("the index is brought up to date once, quietly: %d calls\n%s", lib.indexed, h.screen())
	}
	lib.indexErr = errors.New("disk full")
	h.send(press("R"))
	if a := h.app(); lib.indexed != 2 || a.statusErr || !strings.Contains(h.screen(), "update the search index: disk full") {
		t.Fatalf("a failed index says so quietly: %d calls, error style %v\n%s", lib.indexed, a.statusErr, h.screen())
	}
}

func TestSingleArticleModeQuitsOnBack(t *testing.T) {
	a := New(context.Background(), Services{Library: &fakeLibrary{n: 3}}, model.Config{Theme: "dark", TextWidth: 100})
	a.showArticle(quote.Prepare(model.Article{Title: "A local file", Markdown: "“Hello,” she said."}, nil))
	var m tea.Model = a
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = m.Update(a.start())
	if got := ansi.Strip(m.View().Content); !strings.Contains(got, "A local file") {
		t.Fatalf("the given article should be shown:\n%s", got)
	}
	_, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	if cmd == nil {
		t.Fatal("esc should quit in single-article mode")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("esc should quit in single-article mode")
	}
}

// TestHelpShowsTheScreenInFocus: on every screen, ? names the screen and
// lists each key the table gives it (ui/keys checks that the table gives
// every action of the screen a place).
func TestHelpShowsTheScreenInFocus(t *testing.T) {
	lib := newFake(20)
	lib.body = testarticle.Quoted()
	for _, c := range []struct {
		screen keys.Screen
		keys   []tea.Msg
	}{
		{keys.Headlines, nil},
		{keys.Feeds, []tea.Msg{press("tab")}},
		{keys.Reader, []tea.Msg{press("enter")}},
		{keys.QuotesPanel, []tea.Msg{press("enter"), press("Q")}},
		{keys.HighlightsList, []tea.Msg{press("H")}},
		{keys.ShareMenu, []tea.Msg{press("s")}},
	} {
		h := newHarness(t, lib, 200, 50).send(c.keys...).send(press("?"))
		s := h.screen()
		if !strings.Contains(s, "Keys: "+c.screen.String()+" ") {
			t.Errorf("? on the %s:\n%s", c.screen, s)
		}
		for _, col := range h.app().keyMap().FullHelp() {
			for _, b := range col {
				if !regexp.MustCompile(regexp.QuoteMeta(b.Help().Key) + " +" + regexp.QuoteMeta(b.Help().Desc)).MatchString(s) {
					t.Errorf("? on the %s lacks %s %s:\n%s", c.screen, b.Help().Key, b.Help().Desc, s)
				}
			}
		}
		if h.send(press("esc")).app().showHelp {
			t.Errorf("esc closes the help on the %s", c.screen)
		}
	}
}
