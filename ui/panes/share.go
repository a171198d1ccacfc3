package panes

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/share"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/qr"
	"github.com/byline-reader/byline/ui/theme"
)

// ShareMenu is the share menu (s): every way to share an article, or a quote
// of it (the share targets, then a QR code of the link), and the QR code
// when it is on show.
type ShareMenu struct {
	keys    keys.Map
	cur     Cursor
	article model.Article // with the markdown the quote's span is in
	quote   *model.Quote
	links   []share.ShareLink
	qr      []string // the QR code on show; nil: the menu is
	qrLink  string
}

// NewShareMenu is the menu acting on the keys of k (keys.ShareMenu's).
func NewShareMenu(k keys.Map) ShareMenu { return ShareMenu{keys: k} }

// entries is the menu's rows: the links and the QR code.
func (m ShareMenu) entries() int { return len(m.links) + 1 }

// shareHead is the rows above the entries.
const shareHead = 4

// shareRows is how many entries fit under the head.
func shareRows(height int) int { return max(1, height-shareHead) }

// Open offers the ways to share an article (and a quote of it), from the
// top of the menu.
func (m *ShareMenu) Open(art model.Article, q *model.Quote, links []share.ShareLink) {
	*m = ShareMenu{keys: m.keys, article: art, quote: q, links: links}
}

// Subject is what the menu shares: the article, and the quote if any.
func (m ShareMenu) Subject() (model.Article, *model.Quote) { return m.article, m.quote }

// Links are the share links the menu offers.
func (m ShareMenu) Links() []share.ShareLink { return m.links }

// Selected is the entry under the cursor: a link, or the QR code (qr).
func (m ShareMenu) Selected() (l share.ShareLink, qr bool) {
	if m.cur.Row >= len(m.links) {
		return share.ShareLink{}, true
	}
	return m.links[m.cur.Row], false
}

// ShowQR shows link as a QR code in place of the menu.
func (m *ShareMenu) ShowQR(qr []string, link string) { m.qr, m.qrLink = qr, link }

// ShowsQR says whether the QR code is on show.
func (m ShareMenu) ShowsQR() bool { return m.qr != nil }

// Clamp keeps the cursor on the entries, for the body's height.
func (m *ShareMenu) Clamp(height int) { m.cur.Clamp(m.entries(), shareRows(height)) }

// Key moves the cursor, or says what the key asks for: Close, or Open
// (choose the entry). Close with the QR code on show goes back to the
// menu; the code takes no other key.
func (m *ShareMenu) Key(msg tea.KeyPressMsg, height int) Action {
	k := m.keys
	switch {
	case k.Matches(msg, keys.Close) && m.qr != nil:
		m.qr = nil
		return None
	case k.Matches(msg, keys.Close):
		return Close
	case m.qr != nil:
		return None
	case k.Matches(msg, keys.Open):
		return Open
	}
	m.cur.Move(msg, k, m.entries(), shareRows(height))
	return None
}

// View draws the menu, or the QR code.
func (m ShareMenu) View(s theme.Styles, width, height int) string {
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
	for i := m.cur.Offset; i < m.entries() && len(lines) < height; i++ {
		label, detail, bad := m.entry(i)
		row := cells.Pad(" "+cells.Pad(label, labelW)+" "+detail, width)
		switch {
		case i == m.cur.Row:
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
func (m ShareMenu) entry(i int) (label, detail string, bad bool) {
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
func (m ShareMenu) qrView(s theme.Styles, width, height int) string {
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
