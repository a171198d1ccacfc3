package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/byline-reader/byline/model"
)

// podcastHarness opens the first article in the reader; with files, it
// carries an episode and a comments page.
func podcastHarness(t *testing.T, files bool) *harness {
	lib := newFake(3)
	if files {
		lib.edit = func(a *model.Article) {
			a.Comments = "https://discuss.example/item?id=" + a.Title[len(a.Title)-1:]
			a.Enclosures = []model.Enclosure{{URL: "https://cdn.example/ep.mp3", Type: "audio/mpeg", Length: 48 << 20, Duration: 34 * time.Minute}}
		}
	}
	h := newHarness(t, lib, 160, 24)
	h.send(press("enter"))
	if h.app().screen != screenReader {
		t.Fatal("the article did not open")
	}
	return h
}

func TestPlayStartsThePlayerOnTheFirstFile(t *testing.T) {
	h := podcastHarness(t, true)
	if s := h.screen(); !strings.Contains(s, "Audio · 34 min · 48 MB · comments on discuss.example") {
		t.Errorf("the header does not show the file:\n%s", s)
	}
	var played []string
	a := h.app()
	a.player = fakeOpener{&played}
	h.m = a
	h.send(press("p"))
	if !slices.Equal(played, []string{"https://cdn.example/ep.mp3"}) {
		t.Errorf("played %q", played)
	}
	if st := h.app().status; !strings.Contains(st, "playing: Audio · 34 min") || h.app().statusErr {
		t.Errorf("status %q", st)
	}
	h.send(press("c"))
	if !slices.Equal(h.opened, []string{"https://discuss.example/item?id=1"}) {
		t.Errorf("c opened %q", h.opened)
	}
}

func TestPlayWithoutAPlayerSaysHowToSetOne(t *testing.T) {
	h := podcastHarness(t, true) // the harness configures no player
	h.send(press("p"))
	if st := h.app().status; !strings.Contains(st, "[player] command") || !h.app().statusErr {
		t.Errorf("status %q", st)
	}
}

func TestPlayAndCommentsWithoutThem(t *testing.T) {
	h := podcastHarness(t, false)
	var played []string
	a := h.app()
	a.player = fakeOpener{&played}
	h.m = a
	h.send(press("p"))
	if st := h.app().status; st != "this article has no file to play" || len(played) != 0 {
		t.Errorf("p: status %q, played %q", st, played)
	}
	h.send(press("c"))
	if st := h.app().status; st != "this article has no comments page" || len(h.opened) != 0 {
		t.Errorf("c: status %q, opened %q", st, h.opened)
	}
	h.send(press("?"))
	if s := h.screen(); !strings.Contains(s, "play file") || !strings.Contains(s, "open comments") {
		t.Errorf("? does not list p and c:\n%s", s)
	}
}
