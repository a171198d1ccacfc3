package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/model"
)

// MarkQueryRead marks the unread articles q selects, as the store does,
// and gives their ids; the fake's articles keep their made-up state.
func (f *fakeLibrary) MarkQueryRead(_ context.Context, q model.ArticleQuery) ([]int64, error) {
	rows := f.selected(q)
	f.mu.Lock()
	defer f.mu.Unlock()
	if rows == nil {
		for i := range f.n {
			rows = append(rows, i)
		}
	}
	var ids []int64
	for _, i := range rows {
		if a := f.article(i); !a.Read && (q.FeedID == 0 || a.FeedID == q.FeedID) {
			ids = append(ids, a.ID)
		}
	}
	f.marks = append(f.marks, fmt.Sprintf("query %+v read: %v", q, ids))
	return ids, f.failAll
}

// unreadLibrary counts unread articles as MarkQueryRead marks them (the
// fake's CountArticles ignores Unread).
type unreadLibrary struct{ *fakeLibrary }

func (u unreadLibrary) CountArticles(ctx context.Context, q model.ArticleQuery) (int, error) {
	if !q.Unread {
		return u.fakeLibrary.CountArticles(ctx, q)
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	n := 0
	for i := range u.n {
		if a := u.article(i); !a.Read && u.matches(q, a) && (q.FeedID == 0 || a.FeedID == q.FeedID) {
			n++
		}
	}
	return n, nil
}

func (f *fakeLibrary) lastMark() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.marks) == 0 {
		return ""
	}
	return f.marks[len(f.marks)-1]
}

// TestMarkAllReadAsksThenUndoes: A names the folder and counts its unread
// articles, n leaves them, y marks them, u marks exactly those unread
// again.
func TestMarkAllReadAsksThenUndoes(t *testing.T) {
	lib := newFake(12)
	h := newHarness(t, unreadLibrary{lib}, 120, 20)
	h.send(press("tab"), press("j"), press("j"), press("j"), press("j")) // the folder "local"
	h.send(press("A"))
	if s := h.screen(); !strings.Contains(s, "Mark 4 articles read in folder local? y/n") || !strings.Contains(s, "n/esc: no") {
		t.Fatalf("A asks:\n%s", s)
	}
	h.send(press("j")) // other keys wait for the answer
	if !h.app().confirm.Asking() {
		t.Fatal("a key that is not an answer ended the question")
	}
	h.send(press("n"))
	if s := h.screen(); h.app().confirm.Asking() || strings.Contains(lib.lastMark(), "query") || !strings.Contains(s, "nothing marked") {
		t.Fatalf("n marks nothing: %q\n%s", lib.marks, s)
	}
	h.send(press("A"), press("y"))
	if m := lib.lastMark(); m != "query {FeedID:0 FeedURL: Unread:false Starred:false Folder:local Tag: Account: Text: Filter: Limit:0 Offset:0} read: [3 5 9 11]" {
		t.Fatalf("y marks the folder: %q", m)
	}
	if s := h.screen(); !strings.Contains(s, "marked 4 articles read in folder local") {
		t.Fatalf("the status says what was marked:\n%s", s)
	}
	h.send(press("u"))
	if m := lib.lastMark(); m != "[3 5 9 11] read=false" {
		t.Fatalf("u marks unread exactly what A marked: %q", m)
	}
	if s := h.screen(); !strings.Contains(s, "undone: marked 4 articles read in folder local") {
		t.Fatalf("the status says what was undone:\n%s", s)
	}
	h.send(press("u"))
	if s := h.screen(); !strings.Contains(s, "nothing to undo") {
		t.Fatalf("an empty stack says so:\n%s", s)
	}
}

// TestMarkAllReadOfTheListsView: A on the list marks the view it shows,
// named as its title says, and enter confirms.
func TestMarkAllReadOfTheListsView(t *testing.T) {
	lib := newFake(6)
	h := newHarness(t, unreadLibrary{lib}, 120, 20)
	h.send(press("A"))
	if s := h.screen(); !strings.Contains(s, "Mark 4 articles read in All articles? y/n") {
		t.Fatalf("A on the list asks about its view:\n%s", s)
	}
	h.send(press("enter"))
	if m := lib.lastMark(); !strings.HasSuffix(m, "read: [2 3 5 6]") {
		t.Fatalf("enter marks them: %q", m)
	}
	h.send(press("A"), press("esc"))
	if h.app().confirm.Asking() || strings.Count(strings.Join(lib.marks, "\n"), "query") != 1 {
		t.Fatalf("esc marks nothing: %q", lib.marks)
	}
}

// TestUndoMarksAndStars: u reverses a star, then the read mark opening an
// article made, through the library; a mark set back cancels out.
func TestUndoMarksAndStars(t *testing.T) {
	lib := newFake(6)
	h := newHarness(t, lib, 120, 20)
	h.send(press("j"), press("f")) // Headline number 2: unread, not starred
	h.send(press("enter"), press("esc"))
	if m := lib.lastMark(); m != "[2] read=true" {
		t.Fatalf("opening marks read: %q", m)
	}
	h.send(press("u"))
	if m := lib.lastMark(); m != "[2] read=false" || !strings.Contains(h.screen(), "undone: marked “Headline number 2” read") {
		t.Fatalf("u undoes the read mark: %q\n%s", m, h.screen())
	}
	if sel, _ := h.app().list.Selected(); sel.Read {
		t.Error("the list still shows the article read")
	}
	h.send(press("u"))
	if m := lib.lastMark(); m != "[2] starred=false" || !strings.Contains(h.screen(), "undone: starred “Headline number 2”") {
		t.Fatalf("u undoes the star: %q\n%s", m, h.screen())
	}
	h.send(press("f"), press("m"), press("m"), press("m"), press("m"), press("u"))
	if m := lib.lastMark(); m != "[2] read=true" {
		t.Fatalf("u undoes the last of the toggles: %q", m)
	}
	h.send(press("u"))
	if m := lib.lastMark(); m != "[2] starred=false" {
		t.Fatalf("the toggles took one level, so u undoes the star next: %q", m)
	}
	h.send(press("enter"), press("m"), press("u")) // in the reader
	if m := lib.lastMark(); m != "[2] read=true" || !h.app().reader.Article().Read {
		t.Fatalf("u in the reader: %q", m)
	}
}

// TestUndoRemovedHighlight: a highlight removed comes back with its text
// and place.
func TestUndoRemovedHighlight(t *testing.T) {
	lib := newFake(5)
	lib.body = testarticle.Quoted()
	start := strings.Index(lib.body, "a very good day")
	text := "a very good day for the town"
	lib.hls = []model.Highlight{{ID: 7, ArticleID: 3, Text: text, Start: start, End: start + len(text), Created: testNow}}
	h := newHarness(t, lib, 100, 20)
	h.send(press("H"), press("d"), press("esc"))
	if len(lib.hls) != 0 {
		t.Fatalf("d removes the highlight: %+v", lib.hls)
	}
	h.send(press("u"))
	if len(lib.hls) != 1 || lib.hls[0].Text != text || lib.hls[0].Start != start || lib.hls[0].ArticleID != 3 {
		t.Fatalf("u keeps it again: %+v", lib.hls)
	}
	if s := h.screen(); !strings.Contains(s, "undone: removed the highlight “a very good day for the town”") {
		t.Fatalf("the status says so:\n%s", s)
	}
}

// TestStatusClears: a message clears itself after statusFor (its timer
// carries its number, so an older timer leaves a newer message); an error
// stays until the next key.
func TestStatusClears(t *testing.T) {
	h := newHarness(t, newFake(5), 100, 20)
	cmd := h.sendRaw(press("u"))
	seq := h.app().statusSeq
	if cmd == nil || h.app().status != "nothing to undo" {
		t.Fatalf("status %q, timer %v", h.app().status, cmd)
	}
	h.sendRaw(press("u"))
	h.send(statusTimeoutMsg{seq: seq})
	if h.app().status != "nothing to undo" {
		t.Fatal("an older timer cleared a newer message")
	}
	h.send(statusTimeoutMsg{seq: h.app().statusSeq})
	if h.app().status != "" {
		t.Fatalf("the message stayed: %q", h.app().status)
	}
	a := h.app()
	if cmd := a.setStatus("disk full", true); cmd != nil {
		t.Fatal("an error has a timer")
	}
	h.m = a
	h.send(statusTimeoutMsg{seq: a.statusSeq}, tea.WindowSizeMsg{Width: 100, Height: 20})
	if !strings.Contains(h.screen(), "disk full") {
		t.Fatalf("the error went before a key:\n%s", h.screen())
	}
	h.send(press("j"))
	if strings.Contains(h.screen(), "disk full") {
		t.Fatalf("the error stayed after a key:\n%s", h.screen())
	}
	if d := statusFor; d < 3*time.Second || d > 8*time.Second {
		t.Errorf("statusFor = %v", d)
	}
}

// TestUnboundKeySaysSo: a key that does nothing on a screen says so, on
// every screen.
func TestUnboundKeySaysSo(t *testing.T) {
	for _, c := range []struct {
		name string
		keys []tea.Msg
	}{
		{"list", nil},
		{"feeds", []tea.Msg{press("tab")}},
		{"reader", []tea.Msg{press("enter")}},
		{"highlights", []tea.Msg{press("H")}},
		{"share menu", []tea.Msg{press("s")}},
	} {
		h := newHarness(t, newFake(5), 120, 20).send(c.keys...).send(press("z"))
		if s := h.screen(); !strings.Contains(s, "z is not a key here · ? for help") {
			t.Errorf("%s:\n%s", c.name, s)
		}
	}
	h := newHarness(t, newFake(5), 120, 20).send(press("j"))
	if strings.Contains(h.screen(), "not a key") {
		t.Error("a bound key said it is not one")
	}
}

// TestGoldenConfirmFrame keeps the question A asks, over the feeds pane
// with the Starred row's count, at 80 columns.
func TestGoldenConfirmFrame(t *testing.T) {
	lib := newFake(12)
	lib.feeds[0].Starred, lib.feeds[1].Starred = 1, 1
	h := newHarness(t, unreadLibrary{lib}, 100, 14)
	h.send(press("tab"), press("j"), press("j"), press("j"), press("A"))
	golden(t, "confirm_mark_read_100x14", h.screen())
}
