package ui

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/feedtree"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/service"
	"github.com/byline-reader/byline/ui/theme"
)

// feedsPane is the subscriptions, in folders and accounts, with unread
// counts; feedtree lays out its rows.
type feedsPane struct {
	keys      keys.Map
	feeds     []model.Feed
	entries   []feedtree.Entry
	collapsed map[feedtree.Group]bool
	loaded    bool
	cursor    int
	offset    int
}

func newFeedsPane(k keys.Map) feedsPane {
	return feedsPane{keys: k, collapsed: map[feedtree.Group]bool{}}
}

// setFeeds replaces the subscriptions, keeping the cursor on its entry.
func (p *feedsPane) setFeeds(feeds []model.Feed) {
	p.feeds, p.loaded = feeds, true
	p.rebuild()
}

func (p *feedsPane) rebuild() {
	var keep string
	if p.cursor < len(p.entries) {
		keep = p.entries[p.cursor].ID()
	}
	p.entries = feedtree.Build(p.feeds, p.collapsed)
	p.cursor = 0
	for i, e := range p.entries {
		if e.ID() == keep {
			p.cursor = i
		}
	}
}

// hasAccounts says whether any feed is a sync account's.
func (p feedsPane) hasAccounts() bool {
	for _, f := range p.feeds {
		if f.Account != "" {
			return true
		}
	}
	return false
}

// accountFeed is the id of one of the account's feeds, or none.
func (p feedsPane) accountFeed(account string) []int64 {
	for _, f := range p.feeds {
		if f.Account == account {
			return []int64{f.ID}
		}
	}
	return nil
}

func (p feedsPane) current() (feedtree.Entry, bool) {
	if p.cursor < len(p.entries) {
		return p.entries[p.cursor], true
	}
	return feedtree.Entry{}, false
}

// adjustUnread changes a feed's unread count by delta, as a mark is stored.
func (p *feedsPane) adjustUnread(feedID int64, delta int) {
	for i := range p.feeds {
		if p.feeds[i].ID == feedID {
			p.feeds[i].Unread = max(0, p.feeds[i].Unread+delta)
		}
	}
	p.rebuild()
}

// update moves the cursor; it reports whether the entry in focus changed.
func (p *feedsPane) update(msg tea.KeyPressMsg, height int) (changed bool) {
	before := p.cursor
	switch {
	case p.keys.Matches(msg, keys.Down):
		p.cursor++
	case p.keys.Matches(msg, keys.Up):
		p.cursor--
	case p.keys.Matches(msg, keys.Top):
		p.cursor = 0
	case p.keys.Matches(msg, keys.Bottom):
		p.cursor = len(p.entries) - 1
	case p.keys.Matches(msg, keys.Fold):
		p.fold()
	}
	p.clamp(height)
	return p.cursor != before
}

// fold folds or unfolds the group of the entry in focus (a folder or an
// account, or a feed in one), and puts the cursor on the group's row.
func (p *feedsPane) fold() {
	e, ok := p.current()
	g, foldable := e.Group()
	if !ok || !foldable {
		return
	}
	p.collapsed[g] = !p.collapsed[g]
	p.rebuild()
	for i, e2 := range p.entries {
		if g2, _ := e2.Group(); e2.Heads() && g2 == g {
			p.cursor = i
		}
	}
}

// selectRow puts the cursor on row i.
func (p *feedsPane) selectRow(i, height int) {
	p.cursor = i
	p.clamp(height)
}

func (p *feedsPane) clamp(height int) {
	p.cursor = min(max(p.cursor, 0), max(0, len(p.entries)-1))
	p.offset = scrollInto(p.offset, p.cursor, height)
}

// scrollInto moves a viewport's first row so that row cursor is visible.
func scrollInto(offset, cursor, height int) int {
	if cursor < offset {
		return cursor
	}
	if height > 0 && cursor >= offset+height {
		return cursor - height + 1
	}
	return offset
}

// The feeds pane's keys and answers.

func (a App) handleFeedsKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.feeds.keys
	switch {
	case k.Matches(msg, keys.Quit):
		return a.quit()
	case k.Matches(msg, keys.Focus):
		a.feedsFocused = false
		return a, nil
	case k.Matches(msg, keys.Open):
		a.feedsFocused = false
		if e, ok := a.feeds.current(); ok && !a.list.shows(e) {
			return a, a.showFocusedFeed()
		}
		return a, nil
	case k.Matches(msg, keys.FeedRead):
		return a, a.markFeedRead()
	case k.Matches(msg, keys.Filter):
		a.feedsFocused = false
		return a.beginFilter()
	case k.Matches(msg, keys.Search):
		a.feedsFocused = false
		return a, a.prompt.open(promptSearch, "")
	}
	if !a.feeds.update(msg, a.bodyHeight()) {
		return a, nil
	}
	return a, a.showFocusedFeed()
}

// showFocusedFeed points the list at the feeds pane's entry.
func (a *App) showFocusedFeed() tea.Cmd {
	e, ok := a.feeds.current()
	if !ok {
		return nil
	}
	a.list.SetQuery(e.Query(), e.Title())
	return a.ensureWindow()
}

func (a App) handleFeeds(msg service.FeedsMsg) (tea.Model, tea.Cmd) {
	a.refresh.feedsInflight = false
	if msg.Err != nil {
		return a, a.setStatus(msg.Err.Error(), true)
	}
	a.feeds.setFeeds(msg.Feeds)
	a.feeds.clamp(a.bodyHeight())
	if a.refresh.feedsDirty {
		return a, a.reloadFeeds()
	}
	return a, nil
}

func (p feedsPane) view(s theme.Styles, width, height int, focused bool) string {
	if !p.loaded {
		return s.Empty.Render(cells.Pad("loading…", width))
	}
	rows := make([]string, 0, height)
	for i := p.offset; i < len(p.entries) && len(rows) < height; i++ {
		rows = append(rows, p.row(s, p.entries[i], width, i == p.cursor, focused))
	}
	if len(p.feeds) == 0 && len(rows) < height {
		rows = append(rows, "", s.Empty.Render(cells.Pad("No subscriptions", width)))
	}
	return strings.Join(rows, "\n")
}

func (p feedsPane) row(s theme.Styles, e feedtree.Entry, width int, selected, focused bool) string {
	mark, name := " ", clean(e.Label)
	g, _ := e.Group()
	switch {
	case e.Heads() && p.collapsed[g]:
		mark = "▸"
	case e.Heads():
		mark = "▾"
	case e.Kind == feedtree.Feed && e.Feed.LastError != "":
		mark = "!"
	}
	if e.Kind == feedtree.Account {
		name = "@" + name
	}
	count := ""
	if e.Unread > 0 {
		count = " " + strconv.Itoa(e.Unread)
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
	case e.Unread == 0 && e.Kind == feedtree.Feed:
		return s.Rows.Read.On(line)
	}
	return line
}
