package ui

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/share"
	"github.com/byline-reader/byline/ui/desktop"
	"github.com/byline-reader/byline/ui/panes"
	"github.com/byline-reader/byline/ui/qr"
	"github.com/byline-reader/byline/ui/service"
)

// The share menu's keys (the menu itself is panes.ShareMenu), and sharing:
// copying, opening and mailing share links, the Mastodon server asked
// for once.

// shareSubject is what s, y and Y act on: the selected headline, or the
// article being read with the quote, sentence or highlight in focus.
func (a *App) shareSubject() (model.Article, *model.Quote, bool) {
	if a.screen == screenReader {
		art := a.reader.Article()
		if art.ID == 0 && art.URL == "" { // a page read from a link has a URL, not an ID
			return art, nil, false
		}
		art.Markdown = a.reader.Body()
		return art, a.reader.Text().FocusQuote(), true
	}
	sel, ok := a.list.Selected()
	if !ok {
		return model.Article{}, nil, false
	}
	return sel, nil, true
}

// openShare opens the share menu.
func (a App) openShare() (tea.Model, tea.Cmd) {
	art, q, ok := a.shareSubject()
	if !ok {
		return a, nil
	}
	links, err := share.ShareLinks(art, q, a.cfg.Share)
	if err != nil {
		return a, a.setStatus(err.Error(), true)
	}
	a.share.Open(art, q, links)
	a.overlay = overlayShare
	return a, nil
}

func (a App) handleShareKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch a.share.Key(msg, a.bodyHeight()) {
	case panes.Close:
		a.overlay = overlayNone
	case panes.Open:
		return a.chooseShare()
	}
	return a, nil
}

// chooseShare does what the entry under the cursor says.
func (a App) chooseShare() (tea.Model, tea.Cmd) {
	l, isQR := a.share.Selected()
	if isQR {
		art, _ := a.share.Subject()
		link, err := share.CleanURL(art.URL)
		if err != nil {
			return a, a.setStatus(err.Error(), true)
		}
		lines, err := qr.Lines(link)
		if err != nil {
			return a, a.setStatus(err.Error(), true)
		}
		a.share.ShowQR(lines, link)
		return a, nil
	}
	if errors.Is(l.Err, share.ErrNoMastodonInstance) {
		return a, a.prompt.Open(panes.PromptMastodon, "")
	}
	return a.shareVia(l)
}

// shareVia copies, opens or mails one share link and closes the menu.
func (a App) shareVia(l share.ShareLink) (tea.Model, tea.Cmd) {
	if l.Err != nil {
		return a, a.setStatus(l.Err.Error(), true)
	}
	a.overlay = overlayNone
	label := strings.ToLower(l.Label)
	switch l.Action {
	case share.ShareOpen:
		return a, tea.Batch(service.OpenOrCopy(a.ctx, a.opener, a.clip, l.Value), a.setStatus("opening "+l.Label+" in the browser", false))
	case share.ShareMail:
		return a, service.OpenMail(a.mail, l.Value)
	}
	return a, a.copyText(l.Value, strings.TrimPrefix(label, "copy "))
}

// acceptMastodon takes the server typed at the prompt: it is checked,
// stored for next time, and the Mastodon share goes on.
func (a App) acceptMastodon(value string) (tea.Model, tea.Cmd) {
	host, err := share.MastodonInstance(value)
	if err != nil {
		cmd := a.prompt.Open(panes.PromptMastodon, value)
		return a, tea.Batch(cmd, a.setStatus(err.Error(), true))
	}
	a.cfg.Share.Mastodon = host
	save := service.SaveSetting(a.ctx, a.lib, "mastodon", host)
	art, q := a.share.Subject()
	l, err := share.ShareLinkFor("mastodon", art, q, a.cfg.Share)
	if err != nil {
		return a, tea.Batch(save, a.setStatus(err.Error(), true))
	}
	m, cmd := a.shareVia(l)
	return m, tea.Batch(save, cmd)
}

// copyShare copies the link (y) or the markdown link (Y) at once.
func (a App) copyShare(name, what string) (tea.Model, tea.Cmd) {
	art, _, ok := a.shareSubject()
	if !ok {
		return a, nil
	}
	l, err := share.ShareLinkFor(name, art, nil, a.cfg.Share)
	if err != nil {
		return a, a.setStatus(err.Error(), true)
	}
	return a, a.copyText(l.Value, what)
}

// copyText copies with OSC 52 and, where there is one, a native tool; the
// status line says how once the tool is done. What is copied is made by
// model/share, which keeps control characters out of what it makes.
func (a *App) copyText(text, what string) tea.Cmd {
	return tea.Batch(tea.SetClipboard(text), service.Copy(a.ctx, a.clip, text, what))
}

func (a App) handleCopied(msg service.CopiedMsg) (tea.Model, tea.Cmd) {
	switch {
	case msg.Err != nil:
		return a, a.setStatus(fmt.Sprintf("copied %s (OSC 52; %v)", msg.What, msg.Err), true)
	case msg.Tool != "":
		return a, a.setStatus(fmt.Sprintf("copied %s (OSC 52 + %s)", msg.What, msg.Tool), false)
	}
	return a, a.setStatus(fmt.Sprintf("copied %s (OSC 52)", msg.What), false)
}

// handleMail copies a mailto: link that nothing could open.
func (a App) handleMail(msg service.MailMsg) (tea.Model, tea.Cmd) {
	if msg.Err == nil {
		return a, a.setStatus("opening your mail program", false)
	}
	if errors.Is(msg.Err, desktop.ErrNoMailProgram) {
		return a, a.copyText(msg.Link, "mailto: link (no mail program found)")
	}
	return a, a.setStatus(msg.Err.Error(), true)
}

func (a App) handleSetting(msg service.SettingMsg) (tea.Model, tea.Cmd) {
	if msg.Err != nil {
		return a, a.setStatus(msg.Err.Error(), true)
	}
	if !msg.Saved && msg.Key == "mastodon" && a.cfg.Share.Mastodon == "" {
		a.cfg.Share.Mastodon = msg.Value
	}
	return a, nil
}
