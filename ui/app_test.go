package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
)

// fakeLibrary serves n made-up headlines.
type fakeLibrary struct{ n int }

func (f fakeLibrary) Articles(_ context.Context, q model.ArticleQuery) ([]model.Article, error) {
	var out []model.Article
	for i := q.Offset; i < f.n && (q.Limit == 0 || len(out) < q.Limit); i++ {
		out = append(out, model.Article{
			ID: int64(i + 1), Title: fmt.Sprintf("Headline number %d", i+1), FeedTitle: "Test feed",
			Published: time.Date(2024, 6, 21, 8, 0, 0, 0, time.UTC), Read: i%3 == 0,
		})
	}
	return out, nil
}

func (f fakeLibrary) CountArticles(context.Context, model.ArticleQuery) (int, error) { return f.n, nil }

// drive starts the app at w×h, runs its Init command, and feeds it msgs.
func drive(t *testing.T, lib Library, w, h int, msgs ...tea.Msg) App {
	t.Helper()
	var m tea.Model = New(context.Background(), lib, model.Config{Theme: "dark", TextWidth: 100})
	m, _ = m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	if msg := loadHeadlines(context.Background(), lib, headlinePage)(); msg != nil {
		m, _ = m.Update(msg)
	}
	for _, msg := range msgs {
		m, _ = m.Update(msg)
	}
	return m.(App)
}

func press(s string) tea.KeyPressMsg {
	switch s {
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "ctrl+d":
		return tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl}
	}
	return tea.KeyPressMsg{Code: rune(s[0]), Text: s}
}

func screen(a App) string { return ansi.Strip(a.View().Content) }

func TestListMovesAndScrolls(t *testing.T) {
	a := drive(t, fakeLibrary{n: 100}, 80, 12, press("j"), press("down"), press("j"))
	if a.list.cursor != 3 {
		t.Fatalf("cursor = %d, want 3", a.list.cursor)
	}
	a = drive(t, fakeLibrary{n: 100}, 80, 12, press("G"))
	s := screen(a)
	if !strings.Contains(s, "Headline number 100") || strings.Contains(s, "Headline number 1 ") {
		t.Fatalf("G should show the bottom:\n%s", s)
	}
	if !strings.Contains(s, "100/100") {
		t.Errorf("status should say the position:\n%s", s)
	}
	a = drive(t, fakeLibrary{n: 100}, 80, 12, press("G"), press("g"))
	if a.list.cursor != 0 || a.list.offset != 0 {
		t.Fatalf("g should go to the top: cursor %d offset %d", a.list.cursor, a.list.offset)
	}
}

func TestFrameFitsTheWindow(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {40, 12}, {20, 5}} {
		a := drive(t, fakeLibrary{n: 500}, size[0], size[1], press("ctrl+d"))
		lines := strings.Split(screen(a), "\n")
		if len(lines) > size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], len(lines))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%dx%d: a line of width %d: %q", size[0], size[1], w, l)
			}
		}
	}
}

func TestEmptyListSaysWhatToDo(t *testing.T) {
	s := screen(drive(t, fakeLibrary{}, 100, 20))
	if !strings.Contains(s, "byline refresh") {
		t.Fatalf("empty list:\n%s", s)
	}
}

func TestHelpAndQuit(t *testing.T) {
	a := drive(t, fakeLibrary{n: 3}, 80, 24, press("?"))
	if !a.showHelp || !strings.Contains(screen(a), "half page down") {
		t.Fatalf("? should show full help:\n%s", screen(a))
	}
	var m tea.Model = a
	_, cmd := m.Update(press("q"))
	if cmd == nil {
		t.Fatal("q should quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("q should quit")
	}
}

func TestHostileTitlesAreDrawnClean(t *testing.T) {
	lib := hostileLibrary{}
	s := drive(t, lib, 100, 10).View().Content
	if strings.Contains(s, "]52;") || strings.Contains(s, "\u202e") {
		t.Fatalf("control sequence from a title reached the screen: %q", s)
	}
}

type hostileLibrary struct{}

func (hostileLibrary) Articles(context.Context, model.ArticleQuery) ([]model.Article, error) {
	return []model.Article{{ID: 1, Title: "evil \x1b]52;c;ZXZpbA==\x07 \u202etxet", FeedTitle: "\x1b[2Jfeed"}}, nil
}
func (hostileLibrary) CountArticles(context.Context, model.ArticleQuery) (int, error) { return 1, nil }
