package ui

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/feedtree"
	"github.com/byline-reader/byline/ui/service"
)

// withAccountFeeds gives the fake byline's own feeds (World Wire; Harbor
// Gazette and Broken Feed in folder news) and the account home's (Circuit
// Weekly in folder Tech; Garden Notes in none). The articles go round the
// four feeds that have some.
func withAccountFeeds(lib *fakeLibrary) *fakeLibrary {
	lib.feeds = []model.Feed{
		{ID: 1, Title: "Harbor Gazette", URL: "https://harbor.example/feed", Folder: "news", Unread: 33},
		{ID: 2, Title: "World Wire", URL: "https://wire.example/rss", Unread: 34},
		{ID: 3, Title: "Circuit Weekly", URL: "https://sync.example/feed/3", Account: "home", RemoteID: "feed/3",
			Folder: "Tech", Unread: 33},
		{ID: 4, Title: "Garden Notes", URL: "https://sync.example/feed/4", Account: "home", RemoteID: "feed/4", Unread: 33},
		{ID: 5, Title: "Broken Feed", URL: "https://broken.example/rss", Folder: "news", LastError: "HTTP 404 Not Found"},
	}
	titles := []string{"Harbor Gazette", "World Wire", "Circuit Weekly", "Garden Notes"}
	lib.edit = func(a *model.Article) {
		i := (a.ID - 1) % 4
		a.FeedID, a.FeedTitle = i+1, titles[i]
	}
	return lib
}

// TestAccountRowsAskForTheirPlace: an account's row shows its articles,
// its folder the folder's within it, and byline's own folder only byline's
// own feeds; each is named in the title line. Space folds the account.
func TestAccountRowsAskForTheirPlace(t *testing.T) {
	lib := withAccountFeeds(newFake(40))
	h := newHarness(t, lib, 120, 30)
	h.send(press("tab"), press("j"), press("j"), press("j"), press("j")) // All, Unread, Starred, World Wire, news
	if q := lib.lastQuery(); q.Account != model.LocalFeeds || q.Folder != "news" {
		t.Fatalf("byline's own folder asked %+v", q)
	}
	if s := h.screen(); !strings.Contains(s, "byline · folder news") || inList(s, "Circuit Weekly") {
		t.Fatalf("byline's own folder:\n%s", s)
	}
	h.send(press("j"), press("j"), press("j")) // Harbor Gazette, Broken Feed, home
	if e, _ := h.app().feeds.Current(); e.Kind != feedtree.Account || e.Unread != 66 {
		t.Fatalf("on %+v; want the account with 66 unread", e)
	}
	s := h.screen()
	if q := lib.lastQuery(); q.Account != "home" || q.Folder != "" {
		t.Fatalf("the account asked %+v", q)
	}
	if !strings.Contains(s, "byline · account home") || !regexp.MustCompile(`▾ @home +66│`).MatchString(s) ||
		inList(s, "World Wire") || !inList(s, "Garden Notes") || !strings.Contains(s, "1/20") {
		t.Fatalf("the account's articles, named in the title:\n%s", s)
	}
	h.send(press("j")) // Tech
	if q := lib.lastQuery(); q.Account != "home" || q.Folder != "Tech" {
		t.Fatalf("the account's folder asked %+v", q)
	}
	if s := h.screen(); !strings.Contains(s, "byline · home › folder Tech") || !strings.Contains(s, "1/10") {
		t.Fatalf("the account's folder:\n%s", s)
	}
	h.send(press("j"), press("j"), press("space")) // Circuit Weekly, Garden Notes: folds home
	a := h.app()
	if e, _ := a.feeds.Current(); e.Kind != feedtree.Account || !a.feeds.Folded(feedtree.Group{Account: "home"}) {
		t.Fatalf("space on the account's loose feed folds the account, cursor on it: %+v", e)
	}
	if s := h.screen(); !strings.Contains(s, "▸ @home") || regexp.MustCompile(`(?m)^ +(Garden Notes|▾ Tech)`).MatchString(s) {
		t.Fatalf("folded:\n%s", s)
	}
}

// TestSyncIsNotAFeed: an account's sync shows its stage in the progress
// line without counting as a feed; its new items are counted, its failure
// reaches the summary.
func TestSyncIsNotAFeed(t *testing.T) {
	lib := withAccountFeeds(newFake(20))
	lib.refresh = []model.FeedDone{
		{Sync: &model.SyncProgress{Account: "home", Stage: model.SyncSending}},
		{Sync: &model.SyncProgress{Account: "home", Stage: model.SyncItems, Done: 120, Total: 2500}},
		{Sync: &model.SyncProgress{Account: "home", Stage: model.SyncDone, Result: &model.SyncResult{Account: "home", New: 12}}},
		{Sync: &model.SyncProgress{Account: "work", Stage: model.SyncFeeds}},
		{Sync: &model.SyncProgress{Account: "work", Stage: model.SyncDone, Result: &model.SyncResult{
			Err: errors.New("login: 401 Unauthorized\nbody: go away")}}},
		{Feed: lib.feeds[0], New: 5, Done: 1, Total: 2},
		{Feed: lib.feeds[1], Done: 2, Total: 2},
	}
	h := newHarness(t, lib, 120, 20)
	var lines []string // the status line after each message of the stream
	queue := runCmd(h.sendRaw(press("R")), 150e6)
	for len(queue) > 0 {
		msg := queue[0]
		cmd := h.sendRaw(msg)
		if _, ok := msg.(service.FeedDoneMsg); ok {
			line, _ := h.app().statusText()
			lines = append(lines, line)
		}
		queue = append(queue[1:], runCmd(cmd, 150e6)...)
	}
	want := []string{"syncing home: sending changes", "syncing home: 120/2,500 articles", "refreshing… · 12 new",
		"syncing work: feeds", "refreshing… · 12 new", "refreshing 1/2 feeds · 17 new", "refreshing 2/2 feeds · 17 new"}
	if got := strings.Join(lines[:min(len(want), len(lines))], "\n"); got != strings.Join(want, "\n") {
		t.Fatalf("progress:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	a := h.app()
	if a.refresh.Running() || a.refresh.Total != 2 || a.refresh.Done != 2 || a.statusErr {
		t.Fatalf("two feeds counted: %+v, error style %v", a.refresh, a.statusErr)
	}
	sum := "synced home: 12 new · work: login: 401 Unauthorized · refreshed 2 feeds: 5 new"
	if a.status != sum {
		t.Fatalf("summary %q\nwant    %q", a.status, sum)
	}
}

// inList says whether the list (right of the feeds pane) shows text.
func inList(screen, text string) bool {
	return regexp.MustCompile(`│.*` + regexp.QuoteMeta(text)).MatchString(screen)
}

// TestFeedsHelpMentionsAccountsOnlyWithAccounts: the feeds pane's ? says
// how accounts fold and sync, and says nothing new without one.
func TestFeedsHelpMentionsAccountsOnlyWithAccounts(t *testing.T) {
	const note = "Accounts (@name) fold like folders"
	if s := newHarness(t, withAccountFeeds(newFake(20)), 80, 24).send(press("tab"), press("?")).screen(); !strings.Contains(s, note) {
		t.Fatalf("with an account:\n%s", s)
	}
	if s := newHarness(t, newFake(20), 80, 24).send(press("tab"), press("?")).screen(); strings.Contains(s, "Accounts") {
		t.Fatalf("without one:\n%s", s)
	}
}
