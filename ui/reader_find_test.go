package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// statusRight is the end of the status line: the find's count and the
// position in the article.
func (h *harness) statusLine() string {
	lines := strings.Split(h.screen(), "\n")
	return lines[len(lines)-2]
}

// TestFindInTheReader: / marks every match and counts them in the status
// line, n/N and enter move between them while the search goes on, esc
// ends it (n is the quote key again, and esc did not leave the reader),
// and "not found" shows only until the next key.
func TestFindInTheReader(t *testing.T) {
	lib := newFake(3)
	lib.body = strings.Repeat("The ferry runs every hour between the two piers.\n\n", 30)
	h := newHarness(t, lib, 80, 20)
	h.send(press("enter"), press("/"))
	h.send(typeText("FERRY")...)
	h.send(press("enter"))
	if s := h.statusLine(); !strings.Contains(s, "1/30 ·") {
		t.Fatalf("the status line counts the matches: %q", s)
	}
	if l := ansi.Strip(h.app().helpLine()); !strings.Contains(l, "n/enter next match") || !strings.Contains(l, "esc end the search") {
		t.Fatalf("the help line says what the keys do while finding: %q", l)
	}
	if v := h.app().View().Content; !strings.Contains(v, "\x1b[7mferry") || !strings.Contains(v, "\x1b[1;4;7mferry") {
		t.Fatalf("the matches are marked, the current one apart:\n%q", v)
	}
	for _, step := range []struct{ key, want string }{{"n", "2/30"}, {"N", "1/30"}, {"enter", "2/30"}, {"N", "1/30"}, {"N", "30/30"}} {
		h.send(press(step.key))
		if s := h.statusLine(); !strings.Contains(s, step.want+" ·") {
			t.Fatalf("after %s: %q, want %s", step.key, s, step.want)
		}
	}
	if !strings.Contains(h.statusLine(), "round to the last match") {
		t.Fatalf("going round says so: %q", h.statusLine())
	}
	h.send(press("esc"))
	if strings.Contains(ansi.Strip(h.app().helpLine()), "next match") {
		t.Fatal("the help line is the reader's again after the search")
	}
	if a := h.app(); a.screen != screenReader || strings.Contains(h.statusLine(), "/30") || strings.Contains(a.View().Content, "\x1b[7mferry") {
		t.Fatalf("esc ends the search and stays in the reader: %q", h.statusLine())
	}
	h.send(press("n"))
	if s := h.statusLine(); !strings.Contains(s, "no quotes in this article") {
		t.Fatalf("n is the quote key again: %q", s)
	}
	h.send(press("/"))
	h.send(typeText("zanzibar")...)
	h.send(press("enter"))
	if s := h.statusLine(); !strings.Contains(s, `not found: "zanzibar"`) {
		t.Fatalf("a failed search says so: %q", s)
	}
	h.send(press("j"))
	if s := h.statusLine(); strings.Contains(s, "not found") {
		t.Fatalf("not found is gone at the next key: %q", s)
	}
	// A search after a failed one replaces its message at once.
	h.send(press("/"))
	h.send(typeText("zanzibar")...)
	h.send(press("enter"), press("/"))
	h.send(typeText("piers")...)
	h.send(press("enter"))
	if s := h.statusLine(); strings.Contains(s, "not found") || !strings.Contains(s, "/30 ·") {
		t.Fatalf("after a search that found: %q", s)
	}
}
