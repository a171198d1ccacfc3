// Package linklist is the link list of the article in the reader (`l`):
// each link once, with the number the text gives it ("[3]"), its words and
// its site; the cursor over them, moved by keys or by typing a link's
// number; and how it is drawn. It says what a key asks for (read the link,
// open it, copy it, close the list) and the app does it: no IO here, and
// nothing of package ui, which imports it.
package linklist

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/reader"
	"github.com/byline-reader/byline/ui/theme"
)

// Action is what a key asks of the app.
type Action int

// The actions.
const (
	None   Action = iota // the list moved, or nothing happened
	Close                // close the list
	Read                 // read the selected link in the reader
	Browse               // open it in the browser
	Copy                 // copy it
)

// List is the link list's state.
type List struct {
	keys   keys.Map
	items  []reader.Link
	cursor int
	offset int // the first row shown
	typed  int // the number typed so far; 0 when none
}

// New is an empty list that acts on the keys of k (keys.LinksList's).
func New(k keys.Map) List { return List{keys: k} }

// Open lists an article's links (reader.Doc's Links), from the top.
func (l *List) Open(links []reader.Link, height int) {
	*l = List{keys: l.keys, items: links}
	l.Clamp(height)
}

// rows is how many links fit under the title.
func rows(height int) int { return max(1, height-2) }

// Clamp keeps the cursor on the list and in view, for the body's height.
func (l *List) Clamp(height int) {
	l.cursor = min(max(l.cursor, 0), max(0, len(l.items)-1))
	h := rows(height)
	l.offset = min(max(l.offset, 0), max(0, len(l.items)-h))
	if l.cursor < l.offset {
		l.offset = l.cursor
	} else if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
}

// Selected is the link under the cursor.
func (l List) Selected() (reader.Link, bool) {
	if l.cursor >= len(l.items) {
		return reader.Link{}, false
	}
	return l.items[l.cursor], true
}

// Key moves the cursor for a movement key or a digit, or says what the
// key asks for; note is what to tell the user ("no link 0"), if anything.
func (l *List) Key(msg tea.KeyPressMsg, height int) (act Action, note string) {
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
		return Read, ""
	case k.Matches(msg, keys.Browser):
		return Browse, ""
	case k.Matches(msg, keys.CopyLink):
		return Copy, ""
	case k.Matches(msg, keys.Down):
		l.cursor++
	case k.Matches(msg, keys.Up):
		l.cursor--
	case k.Matches(msg, keys.Top):
		l.cursor = 0
	case k.Matches(msg, keys.Bottom):
		l.cursor = len(l.items) - 1
	case k.Matches(msg, keys.HalfDown):
		l.cursor += max(1, rows(height)/2)
	case k.Matches(msg, keys.HalfUp):
		l.cursor -= max(1, rows(height)/2)
	}
	l.Clamp(height)
	return None, ""
}

// typeDigit goes to the link numbered by the digits typed so far and d:
// "1" then "2" is link 12, when there is one; a digit that would make a
// number past the last link starts a new number. It says the number
// typed and whether a link has it.
func (l *List) typeDigit(d, height int) (int, bool) {
	n := l.typed*10 + d
	if l.typed == 0 || n > l.last() {
		n = d
	}
	l.typed = n
	for i, it := range l.items {
		if it.N == n {
			l.cursor = i
			l.Clamp(height)
			return n, true
		}
	}
	return n, false
}

// last is the last link's number.
func (l List) last() int {
	if len(l.items) == 0 {
		return 0
	}
	return l.items[len(l.items)-1].N
}

// View draws the list: a title with the keys, then a row a link.
func (l List) View(s theme.Styles, width, height int) string {
	title := s.Title.Render(fmt.Sprintf("Links (%d)", len(l.items))) +
		s.Dim.Render("  enter: read · o: browser · y: copy · 0-9: go to · esc: close")
	lines := []string{cells.Cut(title, width), ""}
	numW := len(strconv.Itoa(l.last()))
	// The sites line up after the words, which take at most two thirds of
	// the row.
	textW := 0
	for _, it := range l.items {
		textW = max(textW, cells.Width(Words(it)))
	}
	textW = min(textW, max(8, (width-numW-3)*2/3))
	for i := l.offset; i < len(l.items) && len(lines) < height; i++ {
		it := l.items[i]
		row := fmt.Sprintf(" %*d  ", numW, it.N) + cells.Pad(cells.Cut(Words(it), textW), textW)
		where := "  " + Host(it)
		if i == l.cursor {
			lines = append(lines, s.Rows.Selected.On(cells.Pad(row+where, width)))
			continue
		}
		lines = append(lines, cells.Cut(row+s.Rows.Dim.On(where), width))
	}
	return strings.Join(lines, "\n")
}

// Words are a link's words as the list shows them: one clean line.
func Words(l reader.Link) string {
	if text := model.SanitizeLine(l.Text); text != "" {
		return text
	}
	return "(no words)"
}

// Host is where a link leads, as the list shows it: its site, or why it
// is not a link to follow ("not a web link: mailto"); one clean line.
func Host(l reader.Link) string {
	if l.Target != "" {
		if u, err := url.Parse(l.Target); err == nil {
			return model.SanitizeLine(strings.TrimPrefix(u.Host, "www."))
		}
	}
	if why := NotWebLink(l.URL); why != "" {
		return model.SanitizeLine("not a web link: " + why)
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
