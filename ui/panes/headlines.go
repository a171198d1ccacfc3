package panes

import (
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/feedtree"
	"github.com/byline-reader/byline/ui/headlines"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/progress"
	"github.com/byline-reader/byline/ui/theme"
)

// Headlines is the headline list: its state (a window of headlines over
// a query, or search results) is a headlines.List; the pane moves it with
// keys and draws only the rows on screen.
type Headlines struct {
	headlines.List
	keys keys.Map
	now  func() time.Time
}

// NewHeadlines is the list of all articles acting on the keys of k
// (keys.Headlines'), its ages counted from now.
func NewHeadlines(k keys.Map, now func() time.Time) Headlines {
	return Headlines{List: headlines.New("All articles"), keys: k, now: now}
}

// Keys is the list's key map.
func (l Headlines) Keys() keys.Map { return l.keys }

// Update moves the cursor for a key.
func (l *Headlines) Update(msg tea.KeyPressMsg, height int) {
	switch {
	case l.keys.Matches(msg, keys.Down):
		l.Move(1, height)
	case l.keys.Matches(msg, keys.Up):
		l.Move(-1, height)
	case l.keys.Matches(msg, keys.Top):
		l.SelectRow(0, height)
	case l.keys.Matches(msg, keys.Bottom):
		l.SelectRow(l.Count()-1, height)
	case l.keys.Matches(msg, keys.HalfDown):
		l.Page(max(1, height/2), height)
	case l.keys.Matches(msg, keys.HalfUp):
		l.Page(-max(1, height/2), height)
	case l.keys.Matches(msg, keys.PageDown):
		l.Page(max(1, height-1), height)
	default:
		l.Clamp(height)
	}
}

// Searching says whether search results are shown in place of the view.
func (l Headlines) Searching() bool {
	_, ok := l.Search()
	return ok
}

// Shows says whether the list shows the entry's headlines (filtered or not).
func (l Headlines) Shows(e feedtree.Entry) bool {
	return !l.Searching() && l.ViewQuery() == e.Query()
}

// Position is where the cursor is, for the status line: "3/1,204".
func (l Headlines) Position() string {
	if l.Count() == 0 {
		return ""
	}
	return strconv.Itoa(l.Cursor()+1) + "/" + progress.Thousands(l.Count())
}

// View draws the headlines in view; focused says whether keys go to the
// list.
func (l *Headlines) View(s theme.Styles, width, height int, focused bool) string {
	if !l.Searching() && !l.Loaded() {
		return s.Empty.Render(cells.Pad("loading headlines…", width))
	}
	if l.Count() == 0 {
		return ""
	}
	now, cursor := l.now(), l.Cursor()
	rows := make([]string, 0, height)
	for i := l.Offset(); i < l.Count() && len(rows) < height; i++ {
		a, ok := l.At(i)
		if !ok {
			rows = append(rows, s.Rows.Dim.On(cells.Pad("    …", width)))
			continue
		}
		row := headlineRow(a, width, now)
		switch {
		case i == cursor && focused:
			row = s.Rows.Selected.On(row)
		case i == cursor:
			row = s.Rows.SelectedBlur.On(row)
		case a.Read:
			row = s.Rows.Read.On(row)
		default:
			row = s.Rows.Unread.On(row)
		}
		rows = append(rows, row)
	}
	return strings.Join(rows, "\n")
}

// headlineRow lays out one headline: unread mark, star, title, site and
// age, padded to the full width so the selection bar spans it.
func headlineRow(a model.Article, width int, now time.Time) string {
	var b strings.Builder
	b.Grow(width + 16)
	if a.Read {
		b.WriteString("  ")
	} else {
		b.WriteString("● ")
	}
	if a.Starred {
		b.WriteString("★ ")
	} else {
		b.WriteString("  ")
	}
	age := model.HeadlineAge(now, a)
	siteW := 0
	if width >= 60 {
		siteW = min(22, width/5)
	}
	titleW := max(0, width-4-siteW-6)
	b.WriteString(cells.Pad(clean(a.Title), titleW))
	if siteW > 0 {
		b.WriteString("  ")
		site := a.FeedTitle
		if site == "" {
			site = a.Site
		}
		b.WriteString(cells.Pad(clean(site), siteW-1))
	}
	b.WriteString(" ")
	b.WriteString(cells.Spaces(4 - len(age)))
	b.WriteString(age)
	return cells.Pad(b.String(), width)
}
