package ui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/share"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/desktop"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/reader"
	"github.com/byline-reader/byline/ui/service"
	"github.com/byline-reader/byline/ui/theme"
)

// The links of the article in the reader (l): each link once, with its
// number (as the text shows it, "[3]"), its words and its site. enter reads
// the linked page in the reader, extracted like any article; the page
// left behind goes on the trail, which esc and backspace walk back, each
// page at its scroll position. o opens a link in the browser, y copies it;
// typing a number goes to that link.

// linksPane is the link list.
type linksPane struct {
	keys  keys.Map
	list  cursorList
	items []reader.Link
	typed int // the number typed so far; 0 when none
}

func newLinksPane(k keys.Map) linksPane { return linksPane{keys: k} }

// linksRows is how many links fit under the title.
func linksRows(height int) int { return max(1, height-2) }

// open lists an article's links, from the top.
func (p *linksPane) open(links []reader.Link, height int) {
	*p = linksPane{keys: p.keys, items: links}
	p.clamp(height)
}

// clamp keeps the cursor on the list, for the body's height.
func (p *linksPane) clamp(height int) { p.list.clamp(len(p.items), linksRows(height)) }

func (p *linksPane) move(msg tea.KeyPressMsg, height int) {
	p.typed = 0
	p.list.move(msg, p.keys, len(p.items), linksRows(height))
}

// selected is the link under the cursor.
func (p linksPane) selected() (reader.Link, bool) {
	if p.list.cursor >= len(p.items) {
		return reader.Link{}, false
	}
	return p.items[p.list.cursor], true
}

// typeDigit goes to the link numbered by the digits typed so far and d:
// "1" then "2" is link 12, when there is one; a digit that would make a
// number past the last link starts a new number. It says the number
// typed and whether a link has it.
func (p *linksPane) typeDigit(d, height int) (int, bool) {
	last := 0
	if len(p.items) > 0 {
		last = p.items[len(p.items)-1].N
	}
	n := p.typed*10 + d
	if p.typed == 0 || n > last {
		n = d
	}
	p.typed = n
	for i, l := range p.items {
		if l.N == n {
			p.list.cursor = i
			p.clamp(height)
			return n, true
		}
	}
	return n, false
}

func (p linksPane) view(s theme.Styles, width, height int) string {
	title := s.Title.Render(fmt.Sprintf("Links (%d)", len(p.items))) + s.Dim.Render("  enter: read · o: browser · y: copy · 0-9: go to · esc: close")
	lines := []string{cells.Cut(title, width), ""}
	numW := len(strconv.Itoa(len(p.items)))
	if len(p.items) > 0 {
		numW = len(strconv.Itoa(p.items[len(p.items)-1].N))
	}
	// The sites line up after the words, which take at most two thirds of
	// the row.
	textW := 0
	for _, l := range p.items {
		textW = max(textW, cells.Width(linkWords(l)))
	}
	textW = min(textW, max(8, (width-numW-3)*2/3))
	for i := p.list.offset; i < len(p.items) && len(lines) < height; i++ {
		l := p.items[i]
		num := fmt.Sprintf(" %*d  ", numW, l.N)
		where := "  " + linkHost(l)
		row := num + cells.Pad(cells.Cut(linkWords(l), textW), textW)
		if i == p.list.cursor {
			lines = append(lines, s.Rows.Selected.On(cells.Pad(row+where, width)))
			continue
		}
		lines = append(lines, cells.Cut(row+s.Rows.Dim.On(where), width))
	}
	return strings.Join(lines, "\n")
}

// linkWords is a link's words as the list shows them.
func linkWords(l reader.Link) string {
	if text := clean(l.Text); text != "" {
		return text
	}
	return "(no words)"
}

// linkHost is where a link leads, as the list shows it: its site, or why
// it cannot be followed.
func linkHost(l reader.Link) string {
	if l.Target == "" {
		if why := notWebLink(l.URL); why != "" {
			return clean("not a web link: " + why)
		}
		return "not a web link"
	}
	u, err := url.Parse(l.Target)
	if err != nil {
		return ""
	}
	return clean(strings.TrimPrefix(u.Host, "www."))
}

// openLinks shows the list of the article's links.
func (a App) openLinks() (tea.Model, tea.Cmd) {
	links := a.reader.doc().Links()
	if len(links) == 0 {
		return a, a.setStatus("this article has no links", false)
	}
	a.links.open(links, a.bodyHeight())
	a.overlay = overlayLinks
	return a, nil
}

func (a App) handleLinksKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.links.keys
	switch {
	case k.Matches(msg, keys.Close):
		a.overlay = overlayNone
		return a, nil
	case k.Matches(msg, keys.LinkNumber):
		d := int(msg.String()[0] - '0')
		if n, ok := a.links.typeDigit(d, a.bodyHeight()); !ok {
			return a, a.setStatus(fmt.Sprintf("no link %d", n), true)
		}
		return a, nil
	}
	a.links.typed = 0
	l, ok := a.links.selected()
	switch {
	case !ok:
		return a, nil
	case k.Matches(msg, keys.Open):
		return a.followLink(l)
	case k.Matches(msg, keys.Browser):
		return a, a.openLink(l.Target, l.URL)
	case k.Matches(msg, keys.CopyLink):
		if l.Target == "" {
			return a, a.setStatus(linkHost(l), true)
		}
		return a, a.copyText(l.Target, "link")
	}
	a.links.move(msg, a.bodyHeight())
	return a, nil
}

// maxTrail is how many pages the trail keeps: the oldest go first.
const maxTrail = 32

// followLink reads a linked page in the reader, the page it leaves on the
// trail.
func (a App) followLink(l reader.Link) (tea.Model, tea.Cmd) {
	if l.Target == "" {
		return a, a.setStatus(linkHost(l), true)
	}
	a.overlay = overlayNone
	a.trail = append(a.trail, a.reader)
	if len(a.trail) > maxTrail {
		a.trail = append(a.trail[:0:0], a.trail[len(a.trail)-maxTrail:]...)
	}
	title := clean(l.Text)
	if title == "" {
		title = l.Target
	}
	seq := a.openReader(model.Article{Title: title, URL: l.Target})
	return a, tea.Batch(readLink(a.ctx, a.lib, seq, l.Target), a.setStatus("reading "+linkHost(l)+"… (esc goes back)", false))
}

// walkBack goes back to the page before this one on the trail, at its
// scroll position.
func (a App) walkBack() (tea.Model, tea.Cmd) {
	last := len(a.trail) - 1
	a.reader = a.trail[last]
	a.trail = a.trail[:last] // the page left behind, if still loading, has a newer seq: its answer is dropped
	a.screen = screenReader
	return a, a.layoutReader(false)
}

// readLink opens a linked page: a stored article with that link, else the
// page fetched and extracted, not stored (service.Library's Read).
func readLink(ctx context.Context, lib service.Library, seq int, link string) tea.Cmd {
	return func() tea.Msg {
		r, err := lib.Read(ctx, link)
		if err != nil {
			return articleMsg{seq: seq, err: err}
		}
		return readingMsg(seq, r)
	}
}

// openLink opens a link in the browser, its tracking parameters stripped;
// raw is the link as written, to say why it is not one to open.
func (a *App) openLink(link, raw string) tea.Cmd {
	clean, err := share.CleanURL(link)
	if err != nil {
		if why := notWebLink(raw); why != "" {
			return a.setStatus("not a web link: "+why, true)
		}
		return a.setStatus("this link cannot be opened", true)
	}
	return tea.Batch(service.OpenInBrowser(a.opener, clean), a.setStatus("opening "+clean, false))
}

// handleBrowser copies a link the browser could not open, and says so.
func (a App) handleBrowser(msg service.BrowserMsg) (tea.Model, tea.Cmd) {
	if msg.Err == nil {
		return a, nil
	}
	if msg.Link == "" || notWebLink(msg.Link) != "" {
		return a.handleError(msg.Err)
	}
	why := "the browser did not start"
	if errors.Is(msg.Err, desktop.ErrNoBrowser) {
		why = "no browser found"
	}
	return a, tea.Batch(tea.SetClipboard(msg.Link), copyInstead(a.ctx, a.clip, msg.Link, why))
}

// linkCopiedMsg says a link was copied because the browser could not
// open it (why).
type linkCopiedMsg struct {
	why    string
	copied service.CopiedMsg
}

func copyInstead(ctx context.Context, clip service.Clipboard, link, why string) tea.Cmd {
	cp := service.Copy(ctx, clip, link, "link")
	return func() tea.Msg {
		m, _ := cp().(service.CopiedMsg)
		return linkCopiedMsg{why: why, copied: m}
	}
}

func (a App) handleLinkCopied(msg linkCopiedMsg) (tea.Model, tea.Cmd) {
	how := "OSC 52"
	if msg.copied.Tool != "" && msg.copied.Err == nil {
		how += " + " + msg.copied.Tool
	}
	return a, a.setStatus(fmt.Sprintf("%s — link copied (%s)", msg.why, how), false)
}
