package ui

import (
	"sort"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/service"
	"github.com/byline-reader/byline/ui/theme"
)

type entryKind int

const (
	entryAll entryKind = iota
	entryUnread
	entryStarred
	entryFolder
	entryFeed
)

// feedEntry is one row of the feeds pane.
type feedEntry struct {
	kind   entryKind
	label  string
	folder string // the folder of a folder row, or of a feed inside one
	feed   model.Feed
	unread int
}

// id names the entry across reloads, so the cursor stays on it.
func (e feedEntry) id() string {
	return strconv.Itoa(int(e.kind)) + "/" + e.folder + "/" + strconv.FormatInt(e.feed.ID, 10)
}

// query is the headlines the entry shows: a folder shows every article of
// the feeds in it.
func (e feedEntry) query() model.ArticleQuery {
	switch e.kind {
	case entryUnread:
		return model.ArticleQuery{Unread: true}
	case entryStarred:
		return model.ArticleQuery{Starred: true}
	case entryFolder:
		return model.ArticleQuery{Tag: e.folder}
	case entryFeed:
		return model.ArticleQuery{FeedID: e.feed.ID}
	}
	return model.ArticleQuery{}
}

// title is what the list's title line calls the entry's headlines.
func (e feedEntry) title() string {
	if e.kind == entryFolder {
		return "folder " + e.label
	}
	return e.label
}

// feedsPane is the subscriptions, in folders, with unread counts.
type feedsPane struct {
	keys      keys.Map
	feeds     []model.Feed
	entries   []feedEntry
	collapsed map[string]bool
	loaded    bool
	cursor    int
	offset    int
}

func newFeedsPane(k keys.Map) feedsPane {
	return feedsPane{keys: k, collapsed: map[string]bool{}}
}

// setFeeds replaces the subscriptions, keeping the cursor on its entry.
func (p *feedsPane) setFeeds(feeds []model.Feed) {
	p.feeds, p.loaded = feeds, true
	p.rebuild()
}

func (p *feedsPane) rebuild() {
	var keep string
	if p.cursor < len(p.entries) {
		keep = p.entries[p.cursor].id()
	}
	p.entries = buildEntries(p.feeds, p.collapsed)
	p.cursor = 0
	for i, e := range p.entries {
		if e.id() == keep {
			p.cursor = i
		}
	}
}

// buildEntries lays out the pane: the views, the feeds in no folder, then
// each folder (a tag, matched without regard to ASCII case as the library
// does, named as first spelled) with its unread count and its feeds.
func buildEntries(feeds []model.Feed, collapsed map[string]bool) []feedEntry {
	total := 0
	folders := map[string][]model.Feed{}
	names := map[string]string{} // folder key → its name as shown
	var loose []model.Feed
	for _, f := range feeds {
		total += f.Unread
		in := map[string]bool{}
		for _, t := range f.Tags {
			k := folderKey(t)
			if k == "" || in[k] {
				continue
			}
			in[k] = true
			if _, ok := names[k]; !ok {
				names[k] = strings.TrimSpace(t)
			}
			folders[k] = append(folders[k], f)
		}
		if len(in) == 0 {
			loose = append(loose, f)
		}
	}
	entries := []feedEntry{
		{kind: entryAll, label: "All articles", unread: total},
		{kind: entryUnread, label: "Unread", unread: total},
		{kind: entryStarred, label: "Starred"},
	}
	for _, f := range loose {
		entries = append(entries, feedEntry{kind: entryFeed, label: f.DisplayTitle(), feed: f, unread: f.Unread})
	}
	keys := make([]string, 0, len(folders))
	for k := range folders {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		sum := 0
		for _, f := range folders[k] {
			sum += f.Unread
		}
		entries = append(entries, feedEntry{kind: entryFolder, label: names[k], folder: k, unread: sum})
		if collapsed[k] {
			continue
		}
		for _, f := range folders[k] {
			entries = append(entries, feedEntry{kind: entryFeed, label: f.DisplayTitle(), folder: k, feed: f, unread: f.Unread})
		}
	}
	return entries
}

// folderKey is the folder a tag names: trimmed, ASCII letters lower-cased.
func folderKey(tag string) string {
	b := []byte(strings.TrimSpace(tag))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func (p feedsPane) current() (feedEntry, bool) {
	if p.cursor < len(p.entries) {
		return p.entries[p.cursor], true
	}
	return feedEntry{}, false
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

// fold folds or unfolds the folder of the entry in focus (a folder, or a
// feed in it), and puts the cursor on the folder.
func (p *feedsPane) fold() {
	e, ok := p.current()
	if !ok || e.folder == "" {
		return
	}
	p.collapsed[e.folder] = !p.collapsed[e.folder]
	p.rebuild()
	for i, e2 := range p.entries {
		if e2.kind == entryFolder && e2.folder == e.folder {
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
	a.list.SetQuery(e.query(), e.title())
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

func (p feedsPane) row(s theme.Styles, e feedEntry, width int, selected, focused bool) string {
	indent, mark := "", " "
	switch {
	case e.kind == entryFolder && p.collapsed[e.folder]:
		mark = "▸"
	case e.kind == entryFolder:
		mark = "▾"
	case e.kind == entryFeed && e.feed.LastError != "":
		mark = "!"
	}
	if e.kind == entryFeed && e.folder != "" {
		indent = "  "
	}
	count := ""
	if e.unread > 0 {
		count = " " + strconv.Itoa(e.unread)
	}
	label := indent + mark + " " + clean(e.label)
	line := cells.Pad(label, max(0, width-len(count))) + count
	switch {
	case selected && focused:
		return s.Rows.Selected.On(line)
	case selected:
		return s.Rows.SelectedBlur.On(line)
	case mark == "!":
		return s.Rows.Failing.On(line)
	case e.kind == entryFolder:
		return s.Rows.Folder.On(line)
	case e.unread == 0 && e.kind == entryFeed:
		return s.Rows.Read.On(line)
	}
	return line
}
