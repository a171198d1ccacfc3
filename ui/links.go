package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/share"
	"github.com/byline-reader/byline/ui/panes"
	"github.com/byline-reader/byline/ui/service"
)

// The reader's links: the link list (l, panes.Links) and what its keys
// do. enter reads a linked page in the reader, extracted like any article;
// the page left goes on the trail, which esc and backspace walk back, each
// page at its scroll position. o opens a link in the browser (the
// article's too), or copies it when there is none; y copies it.

// maxTrail is how many pages the trail keeps: the oldest go first.
const maxTrail = 32

// openLinks shows the list of the article's links.
func (a App) openLinks() (tea.Model, tea.Cmd) {
	links := a.reader.Doc().Links()
	if len(links) == 0 {
		return a, a.setStatus("this article has no links", false)
	}
	a.links.Open(links, a.bodyHeight())
	a.overlay = overlayLinks
	return a, nil
}

func (a App) handleLinksKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	act, note := a.links.Key(msg, a.bodyHeight())
	l, _ := a.links.Selected()
	switch {
	case note != "":
		return a, a.setStatus(note, true)
	case act == panes.Close:
		a.overlay = overlayNone
	case act != panes.None && l.Target == "":
		return a, a.setStatus(panes.LinkHost(l), true)
	case act == panes.Open:
		return a.followLink(l.Target, panes.LinkWords(l))
	case act == panes.Browse:
		return a, a.openLink(l.Target)
	case act == panes.Copy:
		return a, a.copyText(l.Target, "link")
	}
	return a, nil
}

// followLink reads a linked page in the reader, the page it leaves on the
// trail.
func (a App) followLink(target, title string) (tea.Model, tea.Cmd) {
	a.overlay = overlayNone
	a.trail = append(a.trail, a.reader)
	if len(a.trail) > maxTrail {
		a.trail = append(a.trail[:0:0], a.trail[len(a.trail)-maxTrail:]...)
	}
	seq := a.openReader(model.Article{Title: title, URL: target})
	return a, tea.Batch(service.ReadLink(a.ctx, a.lib, seq, target), a.setStatus("reading the link… (esc goes back)", false))
}

// walkBack goes back to the page before this one on the trail, at its
// scroll position. The page left, if still loading, has a newer seq: its
// answer is dropped. So was the page fetched for the one gone back to
// while it was on the trail: it is fetched again.
func (a App) walkBack() (tea.Model, tea.Cmd) {
	last := len(a.trail) - 1
	a.reader, a.trail = a.trail[last], a.trail[:last]
	var fetch tea.Cmd
	if a.reader.page.fetching {
		fetch = a.startFetch()
	}
	return a, tea.Batch(fetch, a.layoutReader(false))
}

// openLink opens a link in the browser, its tracking parameters stripped,
// or copies it when no browser opens it.
func (a *App) openLink(link string) tea.Cmd {
	clean, err := share.CleanURL(link)
	if why := panes.NotWebLink(link); err != nil && why != "" {
		return a.setStatus("not a web link: "+why, true)
	} else if err != nil {
		return a.setStatus("this link cannot be opened", true)
	}
	return tea.Batch(service.OpenOrCopy(a.ctx, a.opener, a.clip, clean), a.setStatus("opening "+clean, false))
}

// handleBrowser says why a link was copied rather than opened.
func (a App) handleBrowser(msg service.BrowserMsg) (tea.Model, tea.Cmd) {
	if msg.Err != nil && msg.Copied != "" {
		return a, a.setStatus(msg.Why+" — link copied ("+msg.Copied+")", false)
	}
	return a.handleError(msg.Err)
}
