package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/byline-reader/byline/ui/service"
)

// TestMarkReadCountAnswers: only the answer to the count A asked last is
// taken; with nothing unread, or an error, nothing is asked.
func TestMarkReadCountAnswers(t *testing.T) {
	lib := newFake(6)
	h := newHarness(t, unreadLibrary{lib}, 120, 20)
	h.send(press("A"), press("esc"))
	seq := h.app().marking.seq
	h.sendRaw(service.CountMsg{Seq: seq - 1, N: 9})
	h.sendRaw(service.CountMsg{Seq: seq, N: 9})
	if h.app().confirm.Asking() {
		t.Fatal("an answer to an earlier count, or one already taken, asked again")
	}
	h.send(press("A"))
	h.sendRaw(service.CountMsg{Seq: seq, N: 9})
	if !strings.Contains(h.screen(), "Mark 4 articles read in All articles? y/n") {
		t.Fatalf("an older count replaced the last one:\n%s", h.screen())
	}
	h.send(press("n"))
	m := h.app() // a count asked, answered by hand

	m.marking = markingRead{seq: m.marking.seq + 1, where: "All articles"}
	h.m = m
	h.sendRaw(service.CountMsg{Seq: m.marking.seq, N: 0})
	if h.app().confirm.Asking() || !strings.Contains(h.screen(), "nothing unread in All articles") {
		t.Fatalf("nothing unread:\n%s", h.screen())
	}
	m = h.app()
	m.marking = markingRead{seq: m.marking.seq + 1, where: "All articles"}
	h.m = m
	h.sendRaw(service.CountMsg{Seq: m.marking.seq, Err: errors.New("database is locked")})
	if h.app().confirm.Asking() || !h.app().statusErr || !strings.Contains(h.screen(), "database is locked") {
		t.Fatalf("an error:\n%s", h.screen())
	}
}
