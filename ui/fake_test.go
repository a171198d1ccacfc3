package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/feedset"
	"github.com/byline-reader/byline/model/quote"
	"github.com/byline-reader/byline/ui/service"
)

func TestMain(m *testing.M) {
	time.Local = time.UTC
	os.Exit(m.Run())
}

// testNow is the fake clock every test reads.
var testNow = time.Date(2024, 6, 21, 12, 0, 0, 0, time.UTC)

// fakeLibrary serves n made-up headlines spread over its feeds.
type fakeLibrary struct {
	mu       sync.Mutex
	n        int
	feeds    []model.Feed
	body     string // every article's markdown
	marks    []string
	refresh  []model.FeedDone
	due      []model.FeedDone // what RefreshDueStream streams
	dueCalls int
	onSearch func(string) []model.Article
	failAll  error
	indexed  int   // IndexSearch calls
	indexErr error // what IndexSearch returns

	queries []model.ArticleQuery   // every Articles question, in order
	edit    func(a *model.Article) // changes the made-up articles, when set

	images     map[string][]byte // pictures by URL; others fail
	imageCalls int               // ImageData calls

	pages    map[string]string // Read: pages not stored, by URL (their markdown)
	reads    []string          // every Read target, in order
	hls      []model.Highlight // stored highlights, oldest first
	hlSeq    int64
	settings map[string]string

	page fakePage // OpenStored and FetchPage (reader_fetch_test.go)

	edits   [][]feedset.FeedValue // every EditFeed, in order
	counted int                   // QueryCounts calls
}

func newFake(n int) *fakeLibrary {
	return &fakeLibrary{n: n, feeds: []model.Feed{
		{ID: 1, Title: "Harbor Gazette", URL: "https://harbor.example/feed", Folder: "local", Unread: n / 3, Total: n / 2},
		{ID: 2, Title: "World Wire", URL: "https://wire.example/rss", Unread: n / 3, Total: n / 2},
		{ID: 3, Title: "Broken Feed", URL: "https://broken.example/rss", Folder: "local", LastError: "HTTP 404 Not Found"},
	}, body: "# Heading\n\nSome **text** that is long enough to wrap at narrow widths, with a [link](https://example.org/a).\n"}
}

func (f *fakeLibrary) article(i int) model.Article {
	a := model.Article{
		ID: int64(i + 1), FeedID: int64(i%2 + 1), FeedTitle: []string{"Harbor Gazette", "World Wire"}[i%2],
		Title: fmt.Sprintf("Headline number %d", i+1), URL: fmt.Sprintf("https://news.example/a/%d", i+1),
		Author: "A. Writer", Published: testNow.Add(-time.Duration(i+1) * time.Hour), Read: i%3 == 0, Starred: i%7 == 0,
	}
	if f.edit != nil {
		f.edit(&a)
	}
	return a
}

// matches says whether q's Unread, Account, Folder, Tag and Text select
// the article, as the store does: feeds of the account (or byline's own),
// in Folder or a folder inside it, tagged Tag, titles containing Text, all
// ignoring case.
func (f *fakeLibrary) matches(q model.ArticleQuery, a model.Article) bool {
	if q.Unread && a.Read {
		return false
	}
	if q.Text != "" && !strings.Contains(strings.ToLower(a.Title), strings.ToLower(q.Text)) {
		return false
	}
	if q.Filter != "" && !fakeFilter(q.Filter, a) {
		return false
	}
	if q.Folder == "" && q.Tag == "" && q.Account == "" {
		return true
	}
	for _, feed := range f.feeds {
		if feed.ID != a.FeedID {
			continue
		}
		account := feed.Account
		if account == "" {
			account = model.LocalFeeds
		}
		if q.Account != "" && q.Account != account {
			return false
		}
		folder, want := strings.ToLower(model.CleanFolder(feed.Folder)), strings.ToLower(model.CleanFolder(q.Folder))
		if q.Folder != "" && folder != want && !strings.HasPrefix(folder, want+"/") {
			return false
		}
		if q.Tag == "" {
			return true
		}
		for _, t := range feed.Tags {
			if strings.EqualFold(strings.TrimSpace(t), strings.TrimSpace(q.Tag)) {
				return true
			}
		}
	}
	return false
}

// selected lists the articles q selects (ignoring Limit and Offset): the
// row numbers, or nil for all n when q has no Account, Folder, Tag or Text.
func (f *fakeLibrary) selected(q model.ArticleQuery) []int {
	if q.Folder == "" && q.Tag == "" && q.Text == "" && q.Account == "" && !q.Unread && q.Filter == "" {
		return nil
	}
	rows := []int{}
	for i := range f.n {
		if f.matches(q, f.article(i)) {
			rows = append(rows, i)
		}
	}
	return rows
}

func (f *fakeLibrary) Feeds(context.Context) ([]model.Feed, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]model.Feed(nil), f.feeds...), f.failAll
}

func (f *fakeLibrary) Articles(_ context.Context, q model.ArticleQuery) ([]model.Article, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queries = append(f.queries, q)
	var out []model.Article
	if rows := f.selected(q); rows != nil {
		for _, i := range rows[min(max(q.Offset, 0), len(rows)):] {
			if q.Limit != 0 && len(out) == q.Limit {
				break
			}
			out = append(out, f.article(i))
		}
		return out, f.failAll
	}
	for i := max(q.Offset, 0); i < f.n && (q.Limit == 0 || len(out) < q.Limit); i++ {
		out = append(out, f.article(i))
	}
	return out, f.failAll
}

func (f *fakeLibrary) CountArticles(_ context.Context, q model.ArticleQuery) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if rows := f.selected(q); rows != nil {
		return len(rows), f.failAll
	}
	return f.n, f.failAll
}

// lastQuery is the last question Articles was asked.
func (f *fakeLibrary) lastQuery() model.ArticleQuery {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.queries) == 0 {
		return model.ArticleQuery{}
	}
	return f.queries[len(f.queries)-1]
}

func (f *fakeLibrary) OpenArticle(ctx context.Context, id int64) (model.Reading, error) {
	a, err := f.loadArticle(id)
	if err != nil {
		return model.Reading{Article: a}, err
	}
	return f.prepare(ctx, a), nil
}

func (f *fakeLibrary) ImageData(_ context.Context, url string) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.imageCalls++
	if data, ok := f.images[url]; ok {
		return data, nil
	}
	return nil, errors.New("HTTP 404")
}

// loadArticle is article id, whole.
func (f *fakeLibrary) loadArticle(id int64) (model.Article, error) {
	if id < 1 || int(id) > f.n {
		return model.Article{}, errors.New("no such article")
	}
	a := f.article(int(id - 1))
	a.Markdown = f.body
	a.Site = "Harbor Gazette"
	return a, nil
}

// prepare opens a loaded article as library does, with its highlights.
func (f *fakeLibrary) prepare(ctx context.Context, a model.Article) model.Reading {
	hls, _ := f.Highlights(ctx, a.ID)
	return quote.Prepare(a, hls)
}

// Read opens a stored article by its link, else one of the fake's pages,
// not stored, as library does.
func (f *fakeLibrary) Read(ctx context.Context, target string) (model.Reading, error) {
	f.mu.Lock()
	f.reads = append(f.reads, target)
	page, ok := f.pages[target]
	f.mu.Unlock()
	for i := range f.n {
		if f.article(i).URL == target {
			return f.OpenArticle(ctx, int64(i+1))
		}
	}
	if !ok {
		return model.Reading{}, fmt.Errorf("read %s: HTTP 404", target)
	}
	return f.prepare(ctx, model.Article{Title: "Page at " + target, URL: target, Markdown: page}), nil
}

func (f *fakeLibrary) Mark(_ context.Context, ids []int64, read, starred *bool) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s := fmt.Sprint(ids)
	if read != nil {
		s += fmt.Sprintf(" read=%v", *read)
	}
	if starred != nil {
		s += fmt.Sprintf(" starred=%v", *starred)
	}
	f.marks = append(f.marks, s)
	return len(ids), nil
}

func (f *fakeLibrary) Search(_ context.Context, q string, _ int) ([]model.Article, error) {
	if f.onSearch != nil {
		return f.onSearch(q), nil
	}
	return nil, nil
}

func (f *fakeLibrary) RefreshStream(context.Context, ...int64) (<-chan model.FeedDone, error) {
	ch := make(chan model.FeedDone, len(f.refresh))
	for _, fd := range f.refresh {
		ch <- fd
	}
	close(ch)
	return ch, nil
}

func (f *fakeLibrary) RefreshDueStream(context.Context) (<-chan model.FeedDone, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.dueCalls++
	ch := make(chan model.FeedDone, len(f.due))
	for _, fd := range f.due {
		ch <- fd
	}
	close(ch)
	return ch, nil
}

func (f *fakeLibrary) IndexSearch(context.Context) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.indexed++
	return f.n, f.indexErr
}

func (f *fakeLibrary) AddHighlight(_ context.Context, articleID int64, text string, start, end int) (model.Highlight, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.hlSeq++
	a := f.article(int(articleID - 1))
	h := model.Highlight{ID: f.hlSeq, ArticleID: articleID, Text: text, Start: start, End: end, Created: testNow,
		ArticleTitle: a.Title, ArticleURL: a.URL, Site: "Harbor Gazette"}
	f.hls = append(f.hls, h)
	return h, nil
}

func (f *fakeLibrary) RemoveHighlight(_ context.Context, id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, h := range f.hls {
		if h.ID == id {
			f.hls = append(f.hls[:i], f.hls[i+1:]...)
			return nil
		}
	}
	return errors.New("no such highlight")
}

func (f *fakeLibrary) Highlights(_ context.Context, articleID int64) ([]model.Highlight, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []model.Highlight
	for i := len(f.hls) - 1; i >= 0; i-- {
		if articleID == 0 || f.hls[i].ArticleID == articleID {
			out = append(out, f.hls[i])
		}
	}
	return out, nil
}

func (f *fakeLibrary) Setting(_ context.Context, key string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.settings[key], nil
}

func (f *fakeLibrary) SetSetting(_ context.Context, key, value string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.settings == nil {
		f.settings = map[string]string{}
	}
	f.settings[key] = value
	return nil
}

// fakeOpener records the links it is asked to open.
type fakeOpener struct{ opened *[]string }

func (o fakeOpener) Open(u string) error { *o.opened = append(*o.opened, u); return nil }

// harness drives the app as Bubble Tea would: each message's commands run
// and their messages come back, until the app is quiet. Commands that take
// longer than a moment (timers) are dropped.
type harness struct {
	m      tea.Model
	opened []string
	mailed []string
	copied []string // what the native clipboard was given
}

// fakeClipboard records what it copies, as the tool "fakeclip".
type fakeClipboard struct{ copied *[]string }

func (c fakeClipboard) Copy(_ context.Context, text string) (string, error) {
	*c.copied = append(*c.copied, text)
	return "fakeclip", nil
}

func newHarness(t testing.TB, lib service.Library, w, h int) *harness {
	hs := &harness{}
	cfg := model.Config{Theme: "dark", TextWidth: model.DefaultTextWidth}
	app := New(context.Background(), Services{Library: lib, Browser: fakeOpener{&hs.opened}, Mail: fakeOpener{&hs.mailed},
		Clipboard: fakeClipboard{&hs.copied}, Now: func() time.Time { return testNow }}, cfg)
	app.filterDelay = time.Millisecond // typed text is applied at once; TestFilterWaitsForAPause times it
	hs.m = app
	hs.settle(app.Init())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

func (h *harness) send(msgs ...tea.Msg) *harness {
	for _, msg := range msgs {
		var cmd tea.Cmd
		h.m, cmd = h.m.Update(msg)
		h.settle(cmd)
	}
	return h
}

// sendRaw delivers a message and hands back its command without running it.
func (h *harness) sendRaw(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	h.m, cmd = h.m.Update(msg)
	return cmd
}

func (h *harness) settle(cmd tea.Cmd) {
	for _, msg := range runCmd(cmd, 150*time.Millisecond) {
		h.send(msg)
	}
}

// runCmd runs cmd (and the commands of a batch) at once, returning the
// messages that came within wait.
func runCmd(cmd tea.Cmd, wait time.Duration) []tea.Msg {
	if cmd == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(wait):
		return nil
	}
	switch m := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range m {
			out = append(out, runCmd(c, wait)...)
		}
		return out
	case tea.QuitMsg:
		return nil
	}
	return []tea.Msg{msg}
}

func (h *harness) app() App { return h.m.(App) }

func (h *harness) screen() string { return ansi.Strip(h.app().View().Content) }

func press(s string) tea.KeyPressMsg {
	switch s {
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	if c, ok := strings.CutPrefix(s, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(c[0]), Mod: tea.ModCtrl}
	}
	return tea.KeyPressMsg{Code: rune(s[0]), Text: s}
}

func typeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

func (s *shiftLibrary) Articles(ctx context.Context, q model.ArticleQuery) ([]model.Article, error) {
	arts, err := s.fakeLibrary.Articles(ctx, q)
	for i := range arts {
		n := q.Offset + i
		if n < s.shift {
			arts[i].ID = int64(1000 + n)
			arts[i].Title = fmt.Sprintf("New headline %d", n)
			continue
		}
		old := s.fakeLibrary.article(n - s.shift)
		arts[i] = old
	}
	return arts, err
}

func windowSize_(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// EditFeed sets the fake feed's settings as the library does (model's
// rules), keeping what it was given in edits.
func (f *fakeLibrary) EditFeed(_ context.Context, urlOrID string, values []feedset.FeedValue) (model.Feed, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.edits = append(f.edits, values)
	for i, feed := range f.feeds {
		if fmt.Sprint(feed.ID) != urlOrID {
			continue
		}
		g, err := feedset.EditFeed(feed, values)
		if err != nil {
			return feed, err
		}
		f.feeds[i] = g
		return g, nil
	}
	return model.Feed{}, errors.New("no such feed")
}
