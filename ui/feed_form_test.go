package ui

import (
	"strings"
	"testing"

	"github.com/byline-reader/byline/ui/feedtree"
)

// openForm focuses the feeds pane, goes down to World Wire and presses e.
func openForm(t *testing.T, lib *fakeLibrary, w, h int) *harness {
	t.Helper()
	hs := newHarness(t, lib, w, h)
	hs.send(press("tab"), press("j"), press("j"), press("j"))
	if e, _ := hs.app().feeds.Current(); e.Kind != feedtree.Feed || e.Feed.Title != "World Wire" {
		t.Fatalf("on %+v", e)
	}
	hs.send(press("e"))
	if hs.app().overlay != overlayFeedForm {
		t.Fatal("e opens no form")
	}
	return hs
}

func TestFeedFormSavesAndKeepsWhatWasTypedOnError(t *testing.T) {
	lib := newFake(30)
	h := openForm(t, lib, 120, 30)
	s := h.screen()
	for _, want := range []string{"Feed settings · World Wire", "title", "keep items", "auto", "byline's own", "tab/↓ next field", "enter save", "esc cancel"} {
		if !strings.Contains(s, want) {
			t.Errorf("the form lacks %q:\n%s", want, s)
		}
	}
	// Keys the app knows elsewhere are typed here.
	h.send(typeText("Mine?q")...)
	h.send(press("backspace"), press("backspace"))
	for range 6 {
		h.send(press("tab"))
	}
	if f := h.app().form.Focused(); f != "keep_days" {
		t.Fatalf("after six tabs on %s", f)
	}
	h.send(typeText("lots")...)
	h.send(press("enter"))
	a := h.app()
	if a.overlay != overlayFeedForm || !strings.Contains(a.form.Err(), `keep_days: "lots" is not allowed`) {
		t.Fatalf("a refused value keeps the form open with its error: %q", a.form.Err())
	}
	if v := a.form.Values(); v[0].Value != "Mine" || v[6].Value != "lots" || a.form.Focused() != "keep_days" {
		t.Fatalf("nothing typed is lost: %v, focus %s", v, a.form.Focused())
	}
	if s := h.screen(); !strings.Contains(s, `keep_days: "lots" is not allowed`) {
		t.Fatalf("the error is shown in the form:\n%s", s)
	}
	for range 4 {
		h.send(press("backspace"))
	}
	if h.app().form.Err() != "" {
		t.Error("editing the refused field clears its error")
	}
	h.send(typeText("30")...)
	h.send(press("enter"))
	a = h.app()
	if a.overlay != overlayNone || !strings.Contains(a.status, "saved the settings of Mine") {
		t.Fatalf("saved: overlay %d, status %q", a.overlay, a.status)
	}
	if st := lib.feeds[1].Settings; st.Title != "Mine" || st.KeepDays != 30 {
		t.Errorf("stored %+v", st)
	}
	if e, _ := a.feeds.Current(); e.Feed.DisplayTitle() != "Mine" {
		t.Errorf("the feeds pane reloaded: %+v", e.Feed)
	}
}

func TestFeedFormCancelsAndMovesBack(t *testing.T) {
	lib := newFake(30)
	h := openForm(t, lib, 80, 24)
	h.send(press("shift+tab"))
	if f := h.app().form.Focused(); f != "keep_items" {
		t.Errorf("shift+tab from the first field goes to the last, not %s", f)
	}
	h.send(typeText("5")...)
	h.send(press("esc"))
	if a := h.app(); a.overlay != overlayNone || !a.feedsFocused || len(lib.edits) != 0 {
		t.Fatalf("esc cancels: overlay %d, %d edits", a.overlay, len(lib.edits))
	}
	// e on a row that is no feed says so.
	h.send(press("g"), press("e"))
	if a := h.app(); a.overlay != overlayNone || !strings.Contains(a.status, "put the cursor on a feed") {
		t.Errorf("e on All: overlay %d, status %q", a.overlay, a.status)
	}
}

func TestFeedFormGolden(t *testing.T) {
	lib := newFake(30)
	h := openForm(t, lib, 80, 24)
	h.send(press("tab"), press("tab"), press("tab")) // interval
	h.send(typeText("10s")...)
	h.send(press("enter"))
	golden(t, "feed_form_80x24", h.screen())
}
