package ui

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/share"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/desktop"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/qr"
	"github.com/byline-reader/byline/ui/service"
	"github.com/byline-reader/byline/ui/theme"
)

// shareMenu offers every way to share an article, or a quote of it: the
// share targets, then a QR code of the link.
type shareMenu struct {
	keys    keys.Map
	list    cursorList
	article model.Article // with the markdown the quote's span is in
	quote   *model.Quote
	links   []share.ShareLink
	qr      []string // the QR code on show; nil: the menu is
	qrLink  string
}

func newShareMenu(k keys.Map) shareMenu { return shareMenu{keys: k} }

// entries is the menu's rows: the links and the QR code.
func (m shareMenu) entries() int { return len(m.links) + 1 }

// shareHead is the rows above the entries.
const shareHead = 4

// shareRows is how many entries fit under the head.
func shareRows(height int) int { return max(1, height-shareHead) }

// open offers the ways to share an article (and a quote of it), from the
// top of the menu.
func (m *shareMenu) open(art model.Article, q *model.Quote, links []share.ShareLink) {
	*m = shareMenu{keys: m.keys, article: art, quote: q, links: links}
}

// selected is the entry under the cursor: a link, or the QR code (qr).
func (m shareMenu) selected() (l share.ShareLink, qr bool) {
	if m.list.cursor >= len(m.links) {
		return share.ShareLink{}, true
	}
	return m.links[m.list.cursor], false
}

// showQR shows link as a QR code in place of the menu.
func (m *shareMenu) showQR(qr []string, link string) { m.qr, m.qrLink = qr, link }

// closeQR goes back from the QR code to the menu; it says whether the
// code was on show.
func (m *shareMenu) closeQR() bool {
	shown := m.qr != nil
	m.qr = nil
	return shown
}

// clamp keeps the cursor on the entries, for the body's height.
func (m *shareMenu) clamp(height int) { m.list.clamp(m.entries(), shareRows(height)) }

func (m *shareMenu) move(msg tea.KeyPressMsg, height int) {
	m.list.move(msg, m.keys, m.entries(), shareRows(height))
}

func (m shareMenu) view(s theme.Styles, width, height int) string {
	if m.qr != nil {
		return m.qrView(s, width, height)
	}
	title := clean(m.article.Title)
	if title == "" {
		title = clean(m.article.URL)
	}
	lines := []string{cells.Cut(s.Title.Render("Share ")+title, width)}
	if m.quote != nil {
		lines = append(lines, s.Dim.Render(cells.Cut(clean(share.ShareQuoteLine(m.quote.Text, m.quote.Speaker, "")), width)))
	} else {
		lines = append(lines, s.Dim.Render(cells.Cut("the article (focus a quote with n, or a sentence with ), to share it)", width)))
	}
	lines = append(lines, "")
	labelW := min(30, max(12, width/3))
	for i := m.list.offset; i < m.entries() && len(lines) < height; i++ {
		label, detail, bad := m.entry(i)
		row := cells.Pad(" "+cells.Pad(label, labelW)+" "+detail, width)
		switch {
		case i == m.list.cursor:
			row = s.Rows.Selected.On(row)
		case bad:
			row = s.Rows.Failing.On(row)
		default:
			row = s.Rows.Dim.On(" "+cells.Pad(label, labelW)) + " " + s.Rows.Read.On(cells.Pad(detail, max(0, width-labelW-2)))
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}

// entry is row i's label and what it shares, or why it cannot.
func (m shareMenu) entry(i int) (label, detail string, bad bool) {
	if i >= len(m.links) {
		return "QR code", "the link as a QR code to scan", false
	}
	l := m.links[i]
	label = clean(l.Label)
	switch {
	case errors.Is(l.Err, share.ErrNoMastodonInstance):
		return label, "no server set: press enter to give yours", false
	case l.Err != nil:
		return label, clean(l.Err.Error()), true
	}
	return label, clean(l.Value), false
}

// qrView draws the QR code, or says the window is too small for it.
func (m shareMenu) qrView(s theme.Styles, width, height int) string {
	qw, qh := 0, len(m.qr)
	for _, l := range m.qr {
		qw = max(qw, ansi.StringWidth(l))
	}
	head := []string{cells.Cut(s.Title.Render("QR code ")+s.Dim.Render(clean(m.qrLink)), width), ""}
	if qw > width || qh+len(head) > height {
		msg := fmt.Sprintf("The window is too small for the QR code: it needs %d×%d, the window has %d×%d. Make the window larger, or press esc.",
			qw, qh+len(head), width, height)
		return strings.Join(head, "\n") + "\n" + s.Error.Render(cells.Wrap(msg, width))
	}
	pad := cells.Spaces((width - qw) / 2)
	for i, l := range m.qr {
		st := s.QR
		if i == len(m.qr)-1 && qr.HalfRow(l) {
			st = s.QREdge
		}
		head = append(head, pad+st.Render(l))
	}
	return strings.Join(head, "\n")
}

// shareSubject is what s, y and Y act on: the selected headline, or the
// article being read with the quote, sentence or highlight in focus.
func (a *App) shareSubject() (model.Article, *model.Quote, bool) {
	if a.screen == screenReader {
		art := a.reader.article
		if art.ID == 0 && art.URL == "" { // a page read from a link has a URL, not an ID
			return art, nil, false
		}
		art.Markdown = a.reader.body
		return art, a.reader.focusQuote(), true
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
	a.share.open(art, q, links)
	a.overlay = overlayShare
	return a, nil
}

func (a App) handleShareKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.share.keys
	switch {
	case k.Matches(msg, keys.Close):
		if !a.share.closeQR() {
			a.overlay = overlayNone
		}
		return a, nil
	case a.share.qr != nil:
		return a, nil
	case k.Matches(msg, keys.Open):
		return a.chooseShare()
	}
	a.share.move(msg, a.bodyHeight())
	return a, nil
}

// chooseShare does what the entry under the cursor says.
func (a App) chooseShare() (tea.Model, tea.Cmd) {
	l, isQR := a.share.selected()
	if isQR {
		link, err := share.CleanURL(a.share.article.URL)
		if err != nil {
			return a, a.setStatus(err.Error(), true)
		}
		lines, err := qr.Lines(link)
		if err != nil {
			return a, a.setStatus(err.Error(), true)
		}
		a.share.showQR(lines, link)
		return a, nil
	}
	if errors.Is(l.Err, share.ErrNoMastodonInstance) {
		return a, a.prompt.open(promptMastodon, "")
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
		cmd := a.prompt.open(promptMastodon, value)
		return a, tea.Batch(cmd, a.setStatus(err.Error(), true))
	}
	a.cfg.Share.Mastodon = host
	save := service.SaveSetting(a.ctx, a.lib, "mastodon", host)
	l, err := share.ShareLinkFor("mastodon", a.share.article, a.share.quote, a.cfg.Share)
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
