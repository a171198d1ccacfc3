package panes

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/feedtree"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/theme"
)

// Feeds is the feeds pane: the subscriptions, in folders and accounts,
// with unread counts (ui/feedtree lays out its rows), the folders and
// accounts folded, and the cursor over the rows.
type Feeds struct {
	keys      keys.Map
	feeds     []model.Feed
	entries   []feedtree.Entry
	collapsed map[feedtree.Group]bool
	loaded    bool
	cur       Cursor

	selectID int64                 // select this feed when the subscriptions reload
	stayRow  int                   // else this row (+1: 0 is none)
	queries  []feedtree.SavedQuery // [queries], after the views (feeds_queries.go)
	counts   queryCounts
}

// NewFeeds is the pane acting on the keys of k (keys.Feeds'), before
// the subscriptions are loaded.
func NewFeeds(k keys.Map) Feeds {
	return Feeds{keys: k, collapsed: map[feedtree.Group]bool{}}
}

// Keys is the pane's key map.
func (p Feeds) Keys() keys.Map { return p.keys }

// SetFeeds replaces the subscriptions, keeping the cursor on its entry.
func (p *Feeds) SetFeeds(feeds []model.Feed) {
	p.feeds, p.loaded = feeds, true
	p.rebuild()
}

// Feeds are the subscriptions; loaded is false until they first arrive.
func (p Feeds) Feeds() (feeds []model.Feed, loaded bool) { return p.feeds, p.loaded }

func (p *Feeds) rebuild() {
	var keep string
	if p.cur.Row < len(p.entries) {
		keep = p.entries[p.cur.Row].ID()
	}
	p.entries = feedtree.Build(p.feeds, p.collapsed, p.queries...)
	p.cur.Row = 0
	for i, e := range p.entries {
		if e.ID() == keep {
			p.cur.Row = i
		}
	}
}

// HasAccounts says whether any feed is a sync account's.
func (p Feeds) HasAccounts() bool {
	for _, f := range p.feeds {
		if f.Account != "" {
			return true
		}
	}
	return false
}

// FeedsOf are the ids of the feeds whose articles a folder row (with the
// folders inside it) or a tag row shows (feedtree.Entry.Holds).
func (p Feeds) FeedsOf(e feedtree.Entry) []int64 {
	var ids []int64
	for _, f := range p.feeds {
		if e.Holds(f) {
			ids = append(ids, f.ID)
		}
	}
	return ids
}

// AccountFeed is the id of one of the account's feeds, or none.
func (p Feeds) AccountFeed(account string) []int64 {
	for _, f := range p.feeds {
		if f.Account == account {
			return []int64{f.ID}
		}
	}
	return nil
}

// Current is the entry under the cursor.
func (p Feeds) Current() (feedtree.Entry, bool) { return p.Entry(p.cur.Row) }

// Entry is row i.
func (p Feeds) Entry(i int) (feedtree.Entry, bool) {
	if i >= 0 && i < len(p.entries) {
		return p.entries[i], true
	}
	return feedtree.Entry{}, false
}

// Cursor is the row under the cursor and the first row shown.
func (p Feeds) Cursor() Cursor { return p.cur }

// Folded says whether a folder or an account is folded.
func (p Feeds) Folded(g feedtree.Group) bool { return p.collapsed[g] }

// AdjustCounts changes a feed's unread count and its count of starred
// articles by the deltas given, as a mark or a star is stored.
func (p *Feeds) AdjustCounts(feedID int64, unread, starred int) {
	for i := range p.feeds {
		if f := &p.feeds[i]; f.ID == feedID {
			f.Unread, f.Starred = max(0, f.Unread+unread), max(0, f.Starred+starred)
		}
	}
	p.rebuild()
}

// Move moves the cursor, or folds, for a key; it says whether the entry
// in focus changed.
func (p *Feeds) Move(msg tea.KeyPressMsg, height int) (changed bool) {
	before := p.cur.Row
	switch {
	case p.keys.Matches(msg, keys.Down):
		p.cur.Row++
	case p.keys.Matches(msg, keys.Up):
		p.cur.Row--
	case p.keys.Matches(msg, keys.Top):
		p.cur.Row = 0
	case p.keys.Matches(msg, keys.Bottom):
		p.cur.Row = len(p.entries) - 1
	case p.keys.Matches(msg, keys.Fold):
		p.Fold()
	}
	p.Clamp(height)
	return p.cur.Row != before
}

// Fold folds or unfolds the group of the entry in focus (a folder or an
// account, or a feed in one), and puts the cursor on the group's row.
func (p *Feeds) Fold() {
	e, ok := p.Current()
	g, foldable := e.Group()
	if !ok || !foldable {
		return
	}
	p.collapsed[g] = !p.collapsed[g]
	p.rebuild()
	for i, e2 := range p.entries {
		if g2, _ := e2.Group(); e2.Heads() && g2 == g {
			p.cur.Row = i
		}
	}
}

// SelectFeed puts the cursor on the feed's row, unfolding its account and
// every folder its folder is in; it says whether the feed is there.
func (p *Feeds) SelectFeed(id int64, height int) bool {
	for _, f := range p.feeds {
		if f.ID != id {
			continue
		}
		for _, g := range feedtree.Groups(f) {
			delete(p.collapsed, g)
		}
		p.rebuild()
		for i, e := range p.entries {
			if e.Kind == feedtree.Feed && e.Feed.ID == id {
				p.SelectRow(i, height)
				return true
			}
		}
	}
	return false
}

// SelectOnLoad puts the cursor on feed id once the subscriptions reload
// (Reselect): a feed added.
func (p *Feeds) SelectOnLoad(id int64) { p.selectID, p.stayRow = id, 0 }

// StayOnLoad keeps the cursor on its row once the subscriptions reload
// (Reselect): a feed removed, the row shows what is there now.
func (p *Feeds) StayOnLoad() { p.selectID, p.stayRow = 0, p.cur.Row+1 }

// Reselect does what SelectOnLoad or StayOnLoad asked, once the
// subscriptions reloaded; it says whether it moved the cursor, whose
// entry the list is to show.
func (p *Feeds) Reselect(height int) bool {
	switch {
	case p.selectID != 0:
		if !p.SelectFeed(p.selectID, height) {
			return false
		}
	case p.stayRow != 0:
		p.SelectRow(p.stayRow-1, height)
	default:
		return false
	}
	p.selectID, p.stayRow = 0, 0
	return true
}

// SelectRow puts the cursor on row i.
func (p *Feeds) SelectRow(i, height int) {
	p.cur.Row = i
	p.Clamp(height)
}

// Clamp keeps the cursor on the rows and in view, for the body's height.
// Unlike Cursor.Clamp it leaves the first row shown where it is while
// the cursor is in view.
func (p *Feeds) Clamp(height int) {
	p.cur.Row = min(max(p.cur.Row, 0), max(0, len(p.entries)-1))
	p.cur.Offset = ScrollInto(p.cur.Offset, p.cur.Row, height)
}

// View draws the rows in view; focused says whether keys go to the pane.
func (p Feeds) View(s theme.Styles, width, height int, focused bool) string {
	if !p.loaded {
		return s.Empty.Render(cells.Pad("loading…", width))
	}
	rows := make([]string, 0, height)
	for i := p.cur.Offset; i < len(p.entries) && len(rows) < height; i++ {
		rows = append(rows, p.row(s, p.entries[i], width, i == p.cur.Row, focused))
	}
	if len(p.feeds) == 0 && len(rows) < height {
		rows = append(rows, "", s.Empty.Render(cells.Pad("No subscriptions", width)))
	}
	return strings.Join(rows, "\n")
}

func (p Feeds) row(s theme.Styles, e feedtree.Entry, width int, selected, focused bool) string {
	mark, name := " ", clean(e.Label)
	g, _ := e.Group()
	switch {
	case e.Heads() && p.collapsed[g]:
		mark = "▸"
	case e.Heads():
		mark = "▾"
	case e.Kind == feedtree.Feed && e.Feed.LastError != "", e.QueryErr != nil:
		mark = "!"
	case e.Kind == feedtree.Query:
		mark = "≡"
	}
	if e.Kind == feedtree.Account {
		name = "@" + name
	}
	count, n := "", e.Unread
	if e.Kind == feedtree.Starred {
		n = e.Starred
	}
	if n > 0 {
		count = " " + strconv.Itoa(n)
	}
	label := strings.Repeat("  ", e.Depth) + mark + " " + name
	line := cells.Pad(label, max(0, width-len(count))) + count
	switch {
	case selected && focused:
		return s.Rows.Selected.On(line)
	case selected:
		return s.Rows.SelectedBlur.On(line)
	case mark == "!":
		return s.Rows.Failing.On(line)
	case e.Kind == feedtree.Account:
		return s.Rows.Account.On(line)
	case e.Kind == feedtree.Folder:
		return s.Rows.Folder.On(line)
	case e.Unread == 0 && (e.Kind == feedtree.Feed || e.Kind == feedtree.Query || e.Kind == feedtree.Tag):
		return s.Rows.Read.On(line)
	}
	return line
}
