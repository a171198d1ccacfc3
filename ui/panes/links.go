package panes

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/reader"
	"github.com/byline-reader/byline/ui/theme"
)

// Links is the link list of the article in the reader (l): each link
// once, with the number the text gives it ("[3]"), its words and its
// site; the cursor over them, moved by keys or by typing a link's number.
type Links struct {
	keys  keys.Map
	items []reader.Link
	cur   Cursor
	typed int // the number typed so far; 0 when none
	wide  int // the cells of the widest link's words
}

// NewLinks is an empty list acting on the keys of k (keys.LinksList's).
func NewLinks(k keys.Map) Links { return Links{keys: k} }

// Open lists an article's links (reader.Doc's Links), from the top.
func (l *Links) Open(links []reader.Link, height int) {
	*l = Links{keys: l.keys, items: links}
	for _, it := range links {
		l.wide = max(l.wide, cells.Width(LinkWords(it)))
	}
	l.Clamp(height)
}

// linkRows is how many links fit under the title.
func linkRows(height int) int { return max(1, height-2) }

// Clamp keeps the cursor on the list and in view, for the body's height.
func (l *Links) Clamp(height int) { l.cur.Clamp(len(l.items), linkRows(height)) }

// Selected is the link under the cursor.
func (l Links) Selected() (reader.Link, bool) {
	if l.cur.Row >= len(l.items) {
		return reader.Link{}, false
	}
	return l.items[l.cur.Row], true
}

// Key moves the cursor for a movement key or a digit, or says what the
// key asks for: Close, or, when there are links, Open (read the link in
// the reader), Browse or Copy. note is what to tell the user ("no link
// 0"), if anything.
func (l *Links) Key(msg tea.KeyPressMsg, height int) (act Action, note string) {
	k := l.keys
	if k.Matches(msg, keys.LinkNumber) {
		if n, ok := l.typeDigit(int(msg.String()[0]-'0'), height); !ok {
			return None, fmt.Sprintf("no link %d", n)
		}
		return None, ""
	}
	l.typed = 0
	switch {
	case k.Matches(msg, keys.Close):
		return Close, ""
	case len(l.items) == 0:
		return None, ""
	case k.Matches(msg, keys.Open):
		return Open, ""
	case k.Matches(msg, keys.Browser):
		return Browse, ""
	case k.Matches(msg, keys.CopyLink):
		return Copy, ""
	}
	l.cur.Move(msg, k, len(l.items), linkRows(height))
	return None, ""
}

// typeDigit goes to the link numbered by the digits typed so far and d:
// "1" then "2" is link 12, when there is one; a digit that would make a
// number past the last link starts a new number. It says the number
// typed and whether a link has it.
func (l *Links) typeDigit(d, height int) (int, bool) {
	n := l.typed*10 + d
	if l.typed == 0 || n > l.last() {
		n = d
	}
	l.typed = n
	for i, it := range l.items {
		if it.N == n {
			l.cur.Row = i
			l.Clamp(height)
			return n, true
		}
	}
	return n, false
}

// last is the last link's number.
func (l Links) last() int {
	if len(l.items) == 0 {
		return 0
	}
	return l.items[len(l.items)-1].N
}

// View draws the list: a title with the keys, then a row a link.
func (l Links) View(s theme.Styles, width, height int) string {
	title := s.Title.Render(fmt.Sprintf("Links (%d)", len(l.items))) +
		s.Dim.Render("  enter: read · o: browser · y: copy · 0-9: go to · esc: close")
	lines := []string{cells.Cut(title, width), ""}
	numW := len(strconv.Itoa(l.last()))
	// The sites line up after the words, which take at most two thirds of
	// the row.
	textW := min(l.wide, max(8, (width-numW-3)*2/3))
	for i := l.cur.Offset; i < len(l.items) && len(lines) < height; i++ {
		it := l.items[i]
		row := fmt.Sprintf(" %*d  ", numW, it.N) + cells.Pad(cells.Cut(LinkWords(it), textW), textW)
		where := "  " + LinkHost(it)
		if i == l.cur.Row {
			lines = append(lines, s.Rows.Selected.On(cells.Pad(row+where, width)))
			continue
		}
		lines = append(lines, cells.Cut(row+s.Rows.Dim.On(where), width))
	}
	return strings.Join(lines, "\n")
}

// LinkWords are a link's words as the list shows them: one clean line.
func LinkWords(l reader.Link) string {
	if text := clean(l.Text); text != "" {
		return text
	}
	return "(no words)"
}

// LinkHost is where a link leads, as the list shows it: its site, or why
// it is not a link to follow ("not a web link: mailto"); one clean line.
func LinkHost(l reader.Link) string {
	if l.Target != "" {
		if u, err := url.Parse(l.Target); err == nil {
			return clean(strings.TrimPrefix(u.Host, "www."))
		}
	}
	if why := NotWebLink(l.URL); why != "" {
		return clean("not a web link: " + why)
	}
	return "not a web link"
}

// NotWebLink says why link is not one to hand a browser (its scheme, when
// it has one), or "" when it is an http or https link.
func NotWebLink(link string) string {
	u, err := url.Parse(strings.TrimSpace(link))
	switch {
	case err != nil || u.Scheme == "":
		return cells.Cut(link, 40)
	case !strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https"):
		return strings.ToLower(u.Scheme)
	case u.Host == "":
		return u.Scheme + " link without a host"
	}
	return ""
}
