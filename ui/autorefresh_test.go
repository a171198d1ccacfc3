package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

// TestAutoRefreshKeepsTheCursor: the timer refreshes what is due; new
// articles arriving above the cursor leave it on the same article and
// screen row, and the status line says what came, from where.
func TestAutoRefreshKeepsTheCursor(t *testing.T) {
	lib := newFake(50)
	h := newHarness(t, lib, 100, 20)
	h.send(press("j"), press("j"), press("j"))
	a := h.app()
	before, _ := a.list.Selected()
	id, row := before.ID, a.list.Cursor()-a.list.Offset()
	lib.mu.Lock()
	lib.n = 60 // ten new articles on top
	lib.due = []model.FeedDone{
		{Feed: lib.feeds[1], New: 4, Done: 1, Total: 3},
		{Feed: lib.feeds[0], New: 6, Done: 2, Total: 3},
		{Feed: lib.feeds[2], Done: 3, Total: 3},
	}
	lib.mu.Unlock()
	h.m = withLibrary(h.app(), &shiftLibrary{fakeLibrary: lib, shift: 10})
	h.send(autoRefreshMsg{})
	a = h.app()
	after, _ := a.list.Selected()
	if after.ID != id || a.list.Cursor()-a.list.Offset() != row {
		t.Fatalf("the cursor moved: id %d→%d, row %d→%d", id, after.ID, row, a.list.Cursor()-a.list.Offset())
	}
	if s := h.screen(); !strings.Contains(s, "10 new articles · Harbor Gazette, World Wire") {
		t.Fatalf("no announcement:\n%s", s)
	}
	if lib.dueCalls != 1 || a.refresh.Running() {
		t.Fatalf("due refreshes %d, still running %v", lib.dueCalls, a.refresh.Running())
	}
}

// TestAutoRefreshIsQuiet: nothing due says nothing; while it runs, the
// status line shows no progress.
func TestAutoRefreshIsQuiet(t *testing.T) {
	lib := newFake(20)
	h := newHarness(t, lib, 100, 20)
	h.send(autoRefreshMsg{})
	if s := h.screen(); strings.Contains(s, "refreshed") || strings.Contains(s, "nothing to refresh") || strings.Contains(s, "new article") {
		t.Fatalf("nothing due, yet:\n%s", s)
	}
	h.sendRaw(autoRefreshMsg{}) // started, its stream not yet read
	if !h.app().refresh.Running() || strings.Contains(h.screen(), "refreshing") {
		t.Fatalf("an automatic refresh shows progress:\n%s", h.screen())
	}
}

// TestRefreshKeyStopsAutoRefresh: R while an automatic refresh runs
// refreshes everything, as asked, with its progress and summary.
func TestRefreshKeyStopsAutoRefresh(t *testing.T) {
	lib := newFake(20)
	lib.refresh = []model.FeedDone{{Feed: lib.feeds[0], New: 2, Done: 1, Total: 1}}
	h := newHarness(t, lib, 100, 20)
	h.sendRaw(autoRefreshMsg{})
	auto := h.app().refresh
	if !auto.Running() || !auto.Auto() {
		t.Fatal("no automatic refresh running")
	}
	h.send(press("R"))
	if s := h.screen(); !strings.Contains(s, "refreshed 1 feed: 2 new") {
		t.Fatalf("R during an automatic refresh:\n%s", s)
	}
	if h.app().refresh.Gen() != auto.Gen()+1 {
		t.Fatalf("generation %d after %d", h.app().refresh.Gen(), auto.Gen())
	}
}

// TestAutoRefreshConfig: auto_refresh = false sets no timer; otherwise
// there is one, refresh_interval's or the due check's.
func TestAutoRefreshConfig(t *testing.T) {
	for _, c := range []struct {
		cfg   model.Config
		timer bool
	}{
		{model.Config{}, false},
		{model.Config{AutoRefresh: true}, true},
		{model.Config{AutoRefresh: true, RefreshInterval: model.Duration{Duration: time.Hour}}, true},
	} {
		c.cfg.Theme, c.cfg.TextWidth = "dark", model.DefaultTextWidth
		app := New(context.Background(), Services{Library: newFake(1)}, c.cfg)
		if got := app.autoRefreshStart() != nil; got != c.timer {
			t.Errorf("%+v: timer %v, want %v", c.cfg, got, c.timer)
		}
	}
}

// TestAutoRefreshAtAnInterval: with refresh_interval set, the timer
// refreshes every feed, not what is due.
func TestAutoRefreshAtAnInterval(t *testing.T) {
	lib := newFake(20)
	h := newHarness(t, lib, 100, 20)
	h.send(autoRefreshMsg{})
	if lib.dueCalls != 1 {
		t.Fatalf("the due feeds asked %d times", lib.dueCalls)
	}
	a := h.app()
	a.cfg.RefreshInterval = model.Duration{Duration: time.Hour}
	h.m = a
	h.send(autoRefreshMsg{})
	if lib.dueCalls != 1 || h.app().refresh.Gen() != 2 {
		t.Fatalf("at an interval: due asked %d times, refresh %d", lib.dueCalls, h.app().refresh.Gen())
	}
}
