package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/filter"
	"github.com/byline-reader/byline/ui/feedtree"
	"github.com/byline-reader/byline/ui/panes"
)

// fakeFilter evaluates an expression on a made-up article, as the store
// would; a bad expression selects nothing.
func fakeFilter(expr string, a model.Article) bool {
	e, err := filter.Parse(expr)
	if err != nil {
		return false
	}
	return filter.Eval(e, filter.Record{Title: a.Title, Author: a.Author, FeedTitle: a.FeedTitle,
		Time: a.Published, Unread: !a.Read, Starred: a.Starred, Now: testNow})
}

// QueryCounts counts the unread made-up articles of each expression.
func (f *fakeLibrary) QueryCounts(_ context.Context, exprs []string) ([]int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.counted++
	counts := make([]int, len(exprs))
	for i, expr := range exprs {
		for j := range f.n {
			if a := f.article(j); !a.Read && fakeFilter(expr, a) {
				counts[i]++
			}
		}
	}
	return counts, nil
}

// withQueries is the harness over a configuration with saved queries:
// two good ones and one with a mistake.
func withQueries(t *testing.T, lib *fakeLibrary, w, h int) *harness {
	t.Helper()
	cfg, err := model.ParseConfig([]byte(`
theme = "dark"
[queries]
recent-wire = 'feed = "World Wire" and age < 1'
fives = "title =~ \"5$\""
broken = "titel = x"
`))
	if err != nil {
		t.Fatal(err)
	}
	hs := &harness{}
	app := New(context.Background(), Services{Library: lib, Now: func() time.Time { return testNow }}, cfg)
	app.filterDelay = time.Millisecond
	hs.m = app
	hs.settle(app.Init())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

// TestGoldenQueryFrames keeps the feeds pane with saved queries after the
// views, their unread counts, the one with a mistake marked, and the
// cursor on a query showing its articles, at 80 and 120 columns.
func TestGoldenQueryFrames(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, hgt := size[0], size[1]
		h := withQueries(t, newFake(200), w, hgt)
		h.send(press("tab"), press("j"), press("j"), press("j"), press("j"))
		golden(t, "queries_"+itoa(w)+"x"+itoa(hgt), h.screen())
	}
}

func TestSavedQueryRows(t *testing.T) {
	lib := newFake(200)
	h := withQueries(t, lib, 120, 40)
	a := h.app()
	if !a.statusErr || !strings.Contains(a.status, `query "broken": column 1: `) {
		t.Fatalf("a bad query is said at start: %q", a.status)
	}
	// fives: 5, 15, …, 195 less the read ones (every third row: 25, 55, …);
	// recent-wire: World Wire's (even ids) under a day old (an hour apart)
	// less the read ones.
	want := map[string]int{"recent-wire": 7, "fives": 14, "broken": -1}
	for i := 0; ; i++ {
		e, ok := a.feeds.Entry(i)
		if !ok {
			break
		}
		if e.Kind != feedtree.Query {
			continue
		}
		n, ok := want[e.Label]
		if !ok {
			t.Fatalf("row %q", e.Label)
		}
		if e.Unread != n {
			t.Errorf("%s counts %d, want %d", e.Label, e.Unread, n)
		}
		delete(want, e.Label)
	}
	if len(want) != 0 {
		t.Fatalf("rows missing: %v", want)
	}
	// The row in focus shows its expression, or its mistake.
	h.send(press("tab"), press("j"), press("j"), press("j"))
	if !strings.Contains(h.screen(), `feed = "World Wire" and age < 1`) {
		t.Fatalf("the query's expression is shown:\n%s", h.screen())
	}
	if q := lib.lastQuery(); q.Filter != `feed = "World Wire" and age < 1` {
		t.Fatalf("the list shows the query: %+v", q)
	}
	h.send(press("j"), press("j"))
	if !strings.Contains(h.screen(), `query "broken": column 1: unknown field`) {
		t.Fatalf("the bad query's mistake is shown:\n%s", h.screen())
	}
}

// Marking an article read counts the queries again.
func TestQueryCountsFollowMarks(t *testing.T) {
	lib := newFake(200)
	read := map[int64]bool{}
	lib.edit = func(a *model.Article) { a.Read = a.Read || read[a.ID] }
	h := withQueries(t, lib, 120, 40)
	h.send(press("tab"), press("j"), press("j"), press("j"), press("j"), press("enter"))
	fives := func() int {
		e, _ := h.app().feeds.Entry(4)
		return e.Unread
	}
	if e, _ := h.app().feeds.Entry(4); e.Label != "fives" || fives() != 14 {
		t.Fatalf("fives: %+v", e)
	}
	lib.mu.Lock()
	read[5] = true // what the mark below stores
	lib.mu.Unlock()
	h.send(press("enter")) // opens "Headline number 5", marking it read
	if h.app().screen != screenReader || fives() != 13 {
		t.Fatalf("after a mark, fives counts %d", fives())
	}
}

// A stale count is dropped; a count asked while one is on its way is
// asked again when it lands.
func TestQueryCountsOneAtATime(t *testing.T) {
	lib := newFake(200)
	h := withQueries(t, lib, 120, 40)
	a := h.app()
	seq, exprs, ok := a.feeds.AskCounts()
	if !ok || len(exprs) != 2 {
		t.Fatalf("ask: %v %v", exprs, ok)
	}
	if _, _, ok := a.feeds.AskCounts(); ok {
		t.Fatal("one count at a time")
	}
	if a.feeds.SetCounts(seq-1, exprs, []int{7, 7}) {
		t.Fatal("a stale answer asks nothing")
	}
	if !a.feeds.SetCounts(seq, exprs, []int{7, -1}) {
		t.Fatal("a count asked meanwhile is asked again")
	}
	e, _ := a.feeds.Entry(3)
	f, _ := a.feeds.Entry(4)
	if e.Unread != 7 || f.Unread != -1 {
		t.Fatalf("counts %d %d", e.Unread, f.Unread)
	}
}

// `/` takes words (titles) or an expression; a bad expression says its
// mistake under the line as it is typed, the list keeping the last good
// filter; enter does not take it (an error, the line left to mend).
func TestFilterTakesAnExpression(t *testing.T) {
	lib := newFake(200)
	h := newHarness(t, lib, 100, 20)
	h.send(press("/"))
	if !strings.Contains(h.screen(), "words in titles, or an expression") {
		t.Fatalf("the prompt's help says what it takes:\n%s", h.screen())
	}
	h.send(tea.PasteMsg{Content: "starred and unread"})
	if q := lib.lastQuery(); q.Filter != "starred and unread" || q.Text != "" {
		t.Fatalf("an expression filters: %+v", q)
	}
	count := h.app().list.Count()
	if count == 0 || count == 200 {
		t.Fatalf("%d rows", count)
	}
	asked := len(lib.queries)
	h.send(tea.PasteMsg{Content: " and tite"}, typeText("l")[0])
	s := h.screen()
	if !strings.Contains(s, "column 24: ") || h.app().statusErr {
		t.Fatalf("the mistake is said, without alarm:\n%s", s)
	}
	if h.app().list.Count() != count || len(lib.queries) != asked {
		t.Fatalf("the list keeps the last good filter: %d rows, asked %d more", h.app().list.Count(), len(lib.queries)-asked)
	}
	h.send(press("enter"))
	if a := h.app(); a.prompt.Mode() != panes.PromptFilter || !a.statusErr || !strings.Contains(a.status, "column 24") {
		t.Fatalf("enter keeps the line and alarms: mode %v, %q", a.prompt.Mode(), a.status)
	}
	h.send(press("ctrl+w"), tea.PasteMsg{Content: `title =~ "1`}) // a string still being typed: an expression
	if a := h.app(); a.list.Query().Filter != "starred and unread" || a.list.FilterErr() == nil {
		t.Fatalf("the open string is a mistake: %+v %v", a.list.Query(), a.list.FilterErr())
	}
	h.send(typeText("\"")...)
	h.send(press("enter"))
	if a := h.app(); a.prompt.Mode() != panes.PromptNone || a.list.Query().Filter != `starred and unread and title =~ "1"` {
		t.Fatalf("mended: mode %v, %+v", a.prompt.Mode(), a.list.Query())
	}
	h.send(press("/"), press("ctrl+u"))
	h.send(tea.PasteMsg{Content: "number 19"})
	if q := lib.lastQuery(); q.Text != "number 19" || q.Filter != "" {
		t.Fatalf("words filter titles: %+v", q)
	}
}
