package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/internal/hostile"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/desktop"
)

// strangerLibrary is a fake library whose every string was written by a
// stranger: titles, sites, authors, feed names and errors, the article's
// markdown (every payload, raw and as character references, with links to
// javascript:, file: and data:), and links that are not web links.
type strangerLibrary struct{ *fakeLibrary }

func newStrangerLibrary() *strangerLibrary {
	lib := newFake(len(hostile.BadLinks) + 2)
	for i := range lib.feeds {
		lib.feeds[i].Title = hostile.Payloads[i%len(hostile.Payloads)] + " feed"
		lib.feeds[i].LastError = hostile.Payloads[(i+3)%len(hostile.Payloads)]
	}
	var b strings.Builder
	b.WriteString("# " + hostile.Payloads[0] + " heading\n\n")
	for i, p := range hostile.Payloads {
		b.WriteString("“" + p + " is what we said,” said Mallory " + p + ". The council voted.\n\n")
		link := hostile.BadLinks[i%len(hostile.BadLinks)]
		b.WriteString("[a link " + p + "](" + link + ") and <" + link + "> and ![img](" + link + ")\n\n")
	}
	b.WriteString("```\n" + hostile.Joined() + "\n```\n\n> " + hostile.Joined() + "\n\n| a | " + hostile.Payloads[3] + " |\n|---|---|\n| " + hostile.Payloads[0] + " | x |\n")
	lib.body = b.String()
	lib.refresh = []model.FeedDone{{Feed: lib.feeds[0], Err: errString(hostile.Joined()), Done: 1, Total: 2}, {Feed: lib.feeds[1], New: 1, Done: 2, Total: 2}}
	return &strangerLibrary{lib}
}

type errString string

func (e errString) Error() string { return string(e) }

func (s *strangerLibrary) Articles(ctx context.Context, q model.ArticleQuery) ([]model.Article, error) {
	arts, err := s.fakeLibrary.Articles(ctx, q)
	for i := range arts {
		strangerArticle(&arts[i])
	}
	return arts, err
}

func (s *strangerLibrary) Search(ctx context.Context, q string, n int) ([]model.Article, error) {
	return s.Articles(ctx, model.ArticleQuery{Limit: n})
}

func (s *strangerLibrary) OpenArticle(ctx context.Context, id int64) (model.Reading, error) {
	a, err := s.loadArticle(id)
	strangerArticle(&a)
	a.Notice = hostile.Joined()
	return s.prepare(ctx, a), err
}

func (s *strangerLibrary) OpenStored(ctx context.Context, id int64) (model.Reading, bool, error) {
	r, err := s.OpenArticle(ctx, id)
	return r, false, err
}

// strangerArticle fills a with payloads; its link is a bad one for most
// ids, a web link full of shell characters for the rest.
func strangerArticle(a *model.Article) {
	p := hostile.Payloads[int(a.ID)%len(hostile.Payloads)]
	a.Title, a.Author, a.Site, a.FeedTitle = p+" title", p+" author", p+" site", p+" feed"
	if k := int(a.ID) - 1; k < len(hostile.BadLinks) {
		a.URL = hostile.BadLinks[k]
	} else {
		a.URL = hostile.ShellLinks[k%len(hostile.ShellLinks)]
	}
}

// drawnUnsafe names what in a drawn frame could act on the terminal: any
// escape sequence but SGR styling, OSC, C1 or other controls, BEL, bidi
// controls. "" when the frame is clean.
func drawnUnsafe(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] != 0x1b {
			continue
		}
		j := i + 2
		if i+1 >= len(s) || s[i+1] != '[' {
			return "a non-CSI escape at …" + strings.ToValidUTF8(s[i:min(i+30, len(s))], "?")
		}
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
			j++
		}
		if j >= len(s) || s[j] != 'm' {
			return "a CSI other than SGR at …" + strings.ToValidUTF8(s[i:min(i+30, len(s))], "?")
		}
		i = j
	}
	return hostile.Unsafe(stripSGR(s))
}

func stripSGR(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// TestStrangersTextIsDrawnClean walks the app through every screen with a
// library full of hostile text: no frame holds an escape sequence but
// SGR, an OSC, a C1 control, a bidi control or a BEL.
func TestStrangersTextIsDrawnClean(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {60, 20}} {
		lib := newStrangerLibrary()
		h := newHarness(t, lib, size[0], size[1])
		check := func(step string) {
			t.Helper()
			if bad := drawnUnsafe(h.app().View().Content); bad != "" {
				t.Errorf("%dx%d, %s: %s", size[0], size[1], step, bad)
			}
			if v := h.app().View(); v.WindowTitle != "" && hostile.Unsafe(v.WindowTitle) != "" {
				t.Errorf("%dx%d, %s: window title %q", size[0], size[1], step, v.WindowTitle)
			}
		}
		check("list")
		steps := []struct {
			name string
			msgs []tea.Msg
		}{
			{"feeds pane", []tea.Msg{press("tab")}},
			{"back to the list", []tea.Msg{press("tab")}},
			{"refresh with a hostile error", []tea.Msg{press("R")}},
			{"help", []tea.Msg{press("?")}},
			{"help closed", []tea.Msg{press("esc")}},
			{"filter", append([]tea.Msg{press("/")}, typeText("title")...)},
			{"filter closed", []tea.Msg{press("esc")}},
			{"reader", []tea.Msg{press("enter")}},
			{"next quote", []tea.Msg{press("n"), press("n")}},
			{"previous quote", []tea.Msg{press("N")}},
			{"highlight", []tea.Msg{press("h")}},
			{"quotes panel", []tea.Msg{press("Q")}},
			{"quotes panel closed", []tea.Msg{press("esc")}},
			{"highlights", []tea.Msg{press("H")}},
			{"highlights closed", []tea.Msg{press("esc")}},
			{"share menu", []tea.Msg{press("s")}},
			{"share menu closed", []tea.Msg{press("esc")}},
			{"scrolled", []tea.Msg{press("G"), press("ctrl+u")}},
			{"copy link", []tea.Msg{press("y")}},
			{"open", []tea.Msg{press("o")}},
			{"back", []tea.Msg{press("esc")}},
			{"next article", []tea.Msg{press("j"), press("enter")}},
		}
		for _, s := range steps {
			h.send(s.msgs...)
			check(s.name)
		}
		for _, c := range h.copied {
			if bad := hostile.Unsafe(c); bad != "" {
				t.Errorf("copied %s", bad)
			}
		}
	}
}

// TestOnlyWebLinksAreOpenedOrCopied presses o, y and Y on articles whose
// links are javascript:, file:, data: and the like, with the real browser
// opener (its program start recorded): no browser is started on them, and
// none reaches the clipboard.
func TestOnlyWebLinksAreOpenedOrCopied(t *testing.T) {
	var started [][]string
	browser := desktop.Browser{Program: "firefox", Getenv: func(string) string { return "" },
		Start: func(name string, args ...string) error {
			started = append(started, append([]string{name}, args...))
			return nil
		}}
	h := &harness{}
	app := New(context.Background(), Services{Library: newStrangerLibrary(), Browser: browser, Mail: fakeOpener{&h.mailed},
		Clipboard: fakeClipboard{&h.copied}, Now: func() time.Time { return testNow }}, model.Config{Theme: "dark", TextWidth: 100})
	h.m = app
	h.settle(app.Init())
	h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	for range len(hostile.BadLinks) + 1 {
		h.send(press("o"), press("Y"), press("j"))
	}
	h.send(press("g"), press("enter"), press("o"), press("y"))
	if len(started) == 0 {
		t.Error("the web link with shell characters was not opened")
	}
	for _, cmd := range started {
		if len(cmd) != 2 || !strings.HasPrefix(cmd[1], "https://") {
			t.Errorf("started %q", cmd)
		}
	}
	for _, c := range h.copied {
		lower := strings.ToLower(c)
		for _, bad := range []string{"javascript:", "java\tscript", "file:", "data:", "vbscript:", "exec:"} {
			if strings.Contains(lower, bad) {
				t.Errorf("copied %q", c)
			}
		}
	}
}
