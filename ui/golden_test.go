package ui

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/progress"
	"github.com/byline-reader/byline/ui/reader"
)

var update = flag.Bool("update", false, "rewrite the golden frames in testdata")

func TestGoldenFrames(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, hgt := size[0], size[1]
		lib := newFake(200)
		lib.body = testarticle.Long()
		name := func(s string) string { return s + "_" + itoa(w) + "x" + itoa(hgt) }
		h := newHarness(t, lib, w, hgt)
		golden(t, name("list"), h.screen())
		h.send(press("?"))
		golden(t, name("help_list"), h.screen())
		h.send(press("?"), press("j"), press("enter"))
		golden(t, name("reader"), h.screen())
		h.send(press("?"))
		golden(t, name("help_reader"), h.screen())
	}
}

func itoa(n int) string { return progress.Thousands(n) }

func golden(t *testing.T, name, got string) {
	t.Helper()
	got = ansi.Strip(got)
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden frame:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestResizeMidRenderNeverShowsAStaleWidth(t *testing.T) {
	lib := newFake(5)
	lib.body = testarticle.Long()
	h := newHarness(t, lib, 80, 30).send(press("enter"))
	r := h.app().reader
	old := r.Want()
	oldRender, _ := h.app().cache.Get(old)
	if old.Width != 80 || !r.Text().HasRender() || oldRender == nil {
		t.Fatalf("rendered at %d, render %v", old.Width, oldRender)
	}
	cmd := h.sendRaw(windowSize_(140, 30))
	s := h.screen()
	if !strings.Contains(s, "rendering…") || strings.Contains(s, "Crews rebuilt") {
		t.Fatalf("after a resize the old render must not show:\n%s", s)
	}
	if !strings.Contains(s, "Headline number 1") {
		t.Fatalf("the header shows at once:\n%s", s)
	}
	// A render for the old width arriving late is dropped.
	h.send(renderedMsg{key: old, rendered: &reader.Rendered{Lines: oldRender.Lines}})
	if !strings.Contains(h.screen(), "rendering…") {
		t.Fatalf("a stale render was shown:\n%s", h.screen())
	}
	h.settle(cmd)
	a := h.app()
	newRender, _ := a.cache.Get(a.reader.Want())
	wide := reader.WrapWidth(140, model.DefaultTextWidth)
	if a.reader.Want().Width != wide || !a.reader.Text().HasRender() || newRender == nil {
		t.Fatalf("want %+v, render %v", a.reader.Want(), newRender)
	}
	widest := 0
	for _, l := range newRender.Lines {
		widest = max(widest, ansi.StringWidth(l))
	}
	if widest <= 80 || widest > wide {
		t.Fatalf("the new render is %d wide", widest)
	}
	// Back to the first width: the cached render shows at once.
	h.sendRaw(windowSize_(80, 30))
	if r := h.app().reader; !r.Text().HasRender() {
		t.Fatal("the render for 80 columns was cached")
	}
}

// TestGoldenQuoteFrames keeps the reader with its quotes highlighted (the
// first in focus, a speaker after each), the quotes panel and the share
// menu of a quote, at 60 and 120 columns.
func TestGoldenQuoteFrames(t *testing.T) {
	for _, size := range [][2]int{{60, 24}, {120, 40}} {
		w, hgt := size[0], size[1]
		lib := newFake(20)
		lib.body = testarticle.Quoted()
		name := func(s string) string { return s + "_" + itoa(w) + "x" + itoa(hgt) }
		h := newHarness(t, lib, w, hgt)
		h.send(press("enter"), press("n"))
		golden(t, name("quotes_reader"), h.screen())
		h.send(press("Q"))
		golden(t, name("quotes_panel"), h.screen())
		h.send(press("esc"), press("s"))
		golden(t, name("share_menu"), h.screen())
	}
}

// TestGoldenAccountFrames keeps the feeds pane with byline's own feeds (a
// loose feed, a folder) and a sync account with a folder and a loose
// feed, the cursor on the account's folder, at 80 and 120 columns.
func TestGoldenAccountFrames(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, hgt := size[0], size[1]
		h := newHarness(t, withAccountFeeds(newFake(200)), w, hgt)
		h.send(press("tab"))
		for range 8 { // All, Unread, Starred, World Wire, news, Harbor Gazette, Broken Feed, home, Tech
			h.send(press("j"))
		}
		golden(t, "accounts_"+itoa(w)+"x"+itoa(hgt), h.screen())
	}
}
