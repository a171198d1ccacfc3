package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/internal/testarticle"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/desktop"
	"github.com/byline-reader/byline/ui/panes"
	"github.com/byline-reader/byline/ui/service"
)

// trackedLibrary gives every article a link with tracking parameters.
type trackedLibrary struct{ *fakeLibrary }

func (l trackedLibrary) Articles(ctx context.Context, q model.ArticleQuery) ([]model.Article, error) {
	arts, err := l.fakeLibrary.Articles(ctx, q)
	for i := range arts {
		arts[i].URL += "?id=4&utm_source=rss&fbclid=x"
	}
	return arts, err
}

func (l trackedLibrary) OpenArticle(ctx context.Context, id int64) (model.Reading, error) {
	a, err := l.loadArticle(id)
	a.URL += "?id=4&utm_source=rss&fbclid=x"
	return l.prepare(ctx, a), err
}

func (l trackedLibrary) OpenStored(ctx context.Context, id int64) (model.Reading, bool, error) {
	r, err := l.OpenArticle(ctx, id)
	return r, false, err
}

// clipboardWrites runs cmd and returns what it wrote with OSC 52; its
// other messages go to the app.
func clipboardWrites(h *harness, cmd tea.Cmd) []string {
	var out []string
	for _, msg := range runCmd(cmd, 150e6) {
		if strings.Contains(fmt.Sprintf("%T", msg), "setClipboard") {
			out = append(out, fmt.Sprint(msg))
			continue
		}
		h.send(msg)
	}
	return out
}

func TestCopyLinkAndMarkdownLink(t *testing.T) {
	lib := newFake(3)
	h := newHarness(t, trackedLibrary{lib}, 100, 20)
	cmd := h.sendRaw(press("y"))
	if got := clipboardWrites(h, cmd); len(got) != 1 || got[0] != "https://news.example/a/1?id=4" {
		t.Fatalf("y writes the clean link with OSC 52: %q", got)
	}
	if len(h.copied) != 1 || h.copied[0] != "https://news.example/a/1?id=4" {
		t.Fatalf("y copies with the native tool too: %q", h.copied)
	}
	if s := h.screen(); !strings.Contains(s, "copied link (OSC 52 + fakeclip)") {
		t.Fatalf("the status says what and how:\n%s", s)
	}
	h.send(press("enter"), press("Y"))
	if got := h.copied[len(h.copied)-1]; got != "[Headline number 1](https://news.example/a/1?id=4)" {
		t.Fatalf("Y copies the markdown link: %q", got)
	}
	if !strings.Contains(h.screen(), "copied markdown link (OSC 52 + fakeclip)") {
		t.Fatalf("status:\n%s", h.screen())
	}
}

func TestCopiedTextHasNoControls(t *testing.T) {
	lib := newFake(2)
	h := newHarness(t, &hostileLibrary{lib}, 100, 20)
	h.send(press("Y"))
	if len(h.copied) != 1 || strings.ContainsAny(h.copied[0], "\x1b\x07\u202e") {
		t.Fatalf("copied %q", h.copied)
	}
}

func TestShareMenuForHeadlineAndQuote(t *testing.T) {
	lib := newFake(3)
	lib.body = testarticle.Quoted()
	h := newHarness(t, lib, 120, 40)
	h.send(press("s"))
	s := h.screen()
	for _, want := range []string{"Share Headline number 1", "Copy link", "Copy markdown link", "Open in browser", "Email",
		"Bluesky", "no server set", "Hacker News", "WhatsApp", "QR code"} {
		if !strings.Contains(s, want) {
			t.Errorf("the menu lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "Copy quote with link") {
		t.Error("a headline has no quote to share")
	}
	h.send(press("enter"))
	if h.app().overlay != overlayNone || len(h.copied) != 1 || h.copied[0] != "https://news.example/a/1" {
		t.Fatalf("enter on Copy link copies it: %q", h.copied)
	}
	h.send(press("enter"), press("n"), press("s"))
	s = h.screen()
	if !strings.Contains(s, "Copy quote with link") || !strings.Contains(s, "#:~:text=We%20are%20back") {
		t.Fatalf("the reader shares the quote in focus:\n%s", s)
	}
	h.send(press("j"), press("j"), press("enter"))
	if got := h.copied[len(h.copied)-1]; got != "“We are back in business.” — Ana Lima, Harbor Gazette <https://news.example/a/1>" {
		t.Fatalf("quote with link: %q", got)
	}
	h.send(press("s"), press("j"), press("j"), press("j"), press("j"), press("enter"))
	if len(h.opened) != 1 || h.opened[0] != "https://news.example/a/1" {
		t.Fatalf("Open in browser: %q", h.opened)
	}
	h.send(press("s"), press("j"), press("j"), press("j"), press("j"), press("j"), press("enter"))
	if len(h.mailed) != 1 || !strings.HasPrefix(h.mailed[0], "mailto:?subject=Headline%20number%201") {
		t.Fatalf("Email goes to the mail opener: %q", h.mailed)
	}
}

func TestMailWithoutProgramCopiesTheLink(t *testing.T) {
	h := newHarness(t, newFake(1), 100, 20)
	h.send(service.MailMsg{Link: "mailto:?subject=x", Err: fmt.Errorf("%w (xdg-open not found)", desktop.ErrNoMailProgram)})
	if len(h.copied) != 1 || h.copied[0] != "mailto:?subject=x" || !strings.Contains(h.screen(), "no mail program") {
		t.Fatalf("copied %q\n%s", h.copied, h.screen())
	}
}

// toMastodon moves the share menu's cursor to the Mastodon entry.
func toMastodon(h *harness) {
	for i, l := range h.app().share.Links() {
		if l.Name == "mastodon" {
			for range i {
				h.send(press("j"))
			}
		}
	}
}

func TestMastodonIsAskedForOnce(t *testing.T) {
	lib := newFake(3)
	h := newHarness(t, lib, 100, 30)
	h.send(press("s"))
	toMastodon(h)
	h.send(press("enter"))
	if h.app().prompt.Mode() != panes.PromptMastodon || !strings.Contains(h.screen(), "your Mastodon server") {
		t.Fatalf("Mastodon without a server asks for it:\n%s", h.screen())
	}
	h.send(typeText("not a server")...)
	h.send(press("enter"))
	if h.app().prompt.Mode() != panes.PromptMastodon || !strings.Contains(h.screen(), "is not a server name") {
		t.Fatalf("a bad server is refused, the question stays:\n%s", h.screen())
	}
	h.send(press("ctrl+u"))
	h.send(typeText("https://Mastodon.Social/")...)
	h.send(press("enter"))
	if lib.settings["mastodon"] != "mastodon.social" {
		t.Fatalf("the server is kept: %v", lib.settings)
	}
	if len(h.opened) != 1 || !strings.HasPrefix(h.opened[0], "https://mastodon.social/share?text=") {
		t.Fatalf("then Mastodon opens: %q", h.opened)
	}
	h.send(press("s"))
	toMastodon(h)
	h.send(press("enter"))
	if h.app().prompt.Mode() != panes.PromptNone || len(h.opened) != 2 {
		t.Fatalf("the second time it is not asked: %q", h.opened)
	}
	// A new start reads the kept server.
	h2 := newHarness(t, lib, 100, 30)
	if h2.app().cfg.Share.Mastodon != "mastodon.social" {
		t.Fatalf("the next start knows the server: %q", h2.app().cfg.Share.Mastodon)
	}
}

func TestQRCodeOrTooSmall(t *testing.T) {
	h := newHarness(t, newFake(3), 100, 40)
	h.send(press("s"), press("G"), press("enter"))
	if s := h.screen(); !strings.Contains(s, "QR code https://news.example/a/1") || !strings.Contains(s, "▀") {
		t.Fatalf("the QR code shows:\n%s", s)
	}
	assertFits(t, h.screen(), 100, 40)
	h.send(press("esc"))
	if a := h.app(); a.overlay != overlayShare || a.share.ShowsQR() {
		t.Fatal("esc goes back to the menu")
	}
	small := newHarness(t, newFake(3), 30, 12)
	small.send(press("s"), press("G"), press("enter"))
	if s := strings.Join(strings.Fields(small.screen()), " "); !strings.Contains(s, "too small for the QR code") {
		t.Fatalf("a small window says so:\n%s", small.screen())
	}
	assertFits(t, small.screen(), 30, 12)
}
