package ui

import (
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/service"
	"github.com/byline-reader/byline/ui/theme"
)

// windowSize is how many headlines the list keeps loaded around its cursor.
const windowSize = 400

// listPane is the headline list. It never holds more than a window of
// headlines around the cursor (or the results of a search), and draws
// only the rows on screen, so its cost does not grow with the number of
// articles. A `/` filter is part of its query, so the library filters
// every article of the view, not only those loaded.
type listPane struct {
	keys  keys.Map
	query model.ArticleQuery // the view (feed, folder, unread, starred) and the filter in force
	title string             // what the list shows: a feed, a folder, "All articles", …
	gen   int                // bumped when the query changes; older answers are dropped

	filter    string // the filter as typed; query.Text follows it after a pause
	filterSeq int    // bumped by every edit of the filter; older timers are dropped

	total    int
	loaded   bool
	win      []model.Article
	winStart int
	inflight bool
	anchor   int64 // keep this article under the cursor when the next window lands
	stale    bool  // the window is an older filter's, shown until the new one lands

	res *searchResults // a full-text search being shown instead of the query

	cursor, offset int
	now            func() time.Time
}

func newListPane(k keys.Map, now func() time.Time) listPane {
	return listPane{keys: k, title: "All articles", now: now}
}

// setQuery shows other headlines from the top, unfiltered; the app loads
// the window.
func (l *listPane) setQuery(q model.ArticleQuery, title string) {
	l.query, l.title = q, title
	l.gen++
	l.filter, l.filterSeq = "", l.filterSeq+1
	l.total, l.loaded, l.win, l.winStart, l.inflight, l.anchor, l.stale = 0, false, nil, 0, false, 0, false
	l.cursor, l.offset = 0, 0
	l.res = nil
}

// shows says whether the list shows the entry's headlines (filtered or not).
func (l listPane) shows(e feedEntry) bool {
	q := l.query
	q.Text = ""
	return l.res == nil && q == e.query()
}

// refilter makes text the query's filter. The rows on screen stay until
// the first window of the new query lands, so typing does not flash.
func (l *listPane) refilter(text string) {
	l.query.Text = text
	l.gen++
	l.inflight, l.anchor, l.res = false, 0, nil
	l.stale = l.loaded
	if !l.loaded {
		l.cursor, l.offset = 0, 0
	}
}

// filtering says whether the filter as typed is not yet the one shown.
func (l listPane) filtering() bool {
	return l.stale || filterText(l.filter) != l.query.Text
}

// filterText is the query text for what was typed: blank is no filter.
func filterText(typed string) string {
	if strings.TrimSpace(typed) == "" {
		return ""
	}
	return typed
}

func (l listPane) count() int {
	if l.res != nil {
		return len(l.res.articles)
	}
	return l.total
}

// at is the headline at row i, when it is loaded.
func (l *listPane) at(i int) (*model.Article, bool) {
	if l.res != nil {
		if i < 0 || i >= len(l.res.articles) {
			return nil, false
		}
		return &l.res.articles[i], true
	}
	j := i - l.winStart
	if j < 0 || j >= len(l.win) {
		return nil, false
	}
	return &l.win[j], true
}

func (l *listPane) selected() (*model.Article, bool) { return l.at(l.cursor) }

// mark sets the read or starred mark (nil: left as is) of every loaded
// copy of an article; it says whether a read mark changed.
func (l *listPane) mark(id int64, read, starred *bool) (changed bool) {
	set := func(x *model.Article) {
		if x.ID != id {
			return
		}
		if read != nil {
			changed = changed || x.Read != *read
			x.Read = *read
		}
		if starred != nil {
			x.Starred = *starred
		}
	}
	for i := range l.win {
		set(&l.win[i])
	}
	if l.res != nil {
		for i := range l.res.articles {
			set(&l.res.articles[i])
		}
	}
	return changed
}

// markFeedRead shows every loaded headline of a feed as read.
func (l *listPane) markFeedRead(feedID int64) {
	for i := range l.win {
		if l.win[i].FeedID == feedID {
			l.win[i].Read = true
		}
	}
}

// typeFilter takes the filter as typed; it says whether it differs from
// the one in force, and the edit's number, which the timer that applies
// it carries.
func (l *listPane) typeFilter(typed string) (seq int, differs bool) {
	l.filter = typed
	l.filterSeq++
	return l.filterSeq, filterText(typed) != l.query.Text
}

// applyFilter puts the filter as typed in force now; it says whether the
// query changed, so that its first window must be asked for.
func (l *listPane) applyFilter() bool {
	l.filterSeq++ // a timer still running has nothing left to do
	text := filterText(l.filter)
	if text == l.query.Text {
		return false
	}
	l.refilter(text)
	return true
}

// clearFilter shows the view unfiltered; as applyFilter.
func (l *listPane) clearFilter() bool {
	l.filter = ""
	return l.applyFilter()
}

// filtered says whether a filter is typed or in force.
func (l listPane) filtered() bool { return l.filter != "" || l.query.Text != "" }

// showResults shows full-text search results in place of the view.
func (l *listPane) showResults(query string, articles []model.Article) {
	l.res = &searchResults{query: query, articles: articles}
	l.cursor, l.offset = 0, 0
}

// clearSearch gives the search results' place back to the view.
func (l *listPane) clearSearch(height int) {
	l.res = nil
	l.clamp(height)
}

// searchResults are full-text search results, shown instead of the
// list's query until esc.
type searchResults struct {
	query    string
	articles []model.Article
}

// needWindow says where to load a window from, when the rows on screen (or
// those close to them) are not loaded.
func (l *listPane) needWindow(height int) (start int, ok bool) {
	switch {
	case l.res != nil || l.inflight:
		return 0, false
	case l.stale:
		return 0, true
	case l.loaded && l.total == 0:
		return 0, false
	}
	margin := min(windowSize/8, height)
	lo := max(0, min(l.offset, l.cursor)-margin)
	hi := min(max(l.total, 1), max(l.offset+height, l.cursor+1)+margin)
	end := l.winStart + len(l.win)
	if l.loaded && lo >= l.winStart && hi <= end {
		return 0, false
	}
	start = max(0, min(l.cursor-windowSize/2, l.total-windowSize))
	return start, true
}

// window is the query for the window from start.
func (l listPane) window(start int) model.ArticleQuery {
	q := l.query
	q.Offset, q.Limit = start, windowSize
	return q
}

// askWindow is needWindow, counting the window asked for as on its way.
func (l *listPane) askWindow(height int) (start int, ok bool) {
	start, ok = l.needWindow(height)
	l.inflight = l.inflight || ok
	return start, ok
}

// reload asks for the window shown again (after a refresh), keeping the
// selected headline under the cursor however many arrive above it. The
// caller waits while a window is on its way (inflight).
func (l *listPane) reload(height int) (start int, ok bool) {
	if l.stale { // a new filter's first window is yet to be asked for
		return l.askWindow(height)
	}
	if sel, ok := l.selected(); ok && l.res == nil {
		l.anchor = sel.ID
	}
	l.inflight = true
	if !l.loaded {
		return 0, true
	}
	return l.winStart, true
}

// setWindow takes a loaded window, keeping the anchored article (if it is
// in the window) on the same screen row. The first window of a new filter
// starts at the top.
func (l *listPane) setWindow(msg service.WindowMsg, height int) {
	if l.stale {
		l.stale, l.cursor, l.offset = false, 0, 0
	}
	l.inflight = false
	l.total, l.win, l.winStart, l.loaded = msg.Total, msg.Articles, msg.Start, true
	if l.anchor != 0 {
		for j, a := range l.win {
			if a.ID == l.anchor {
				shift := l.winStart + j - l.cursor
				l.cursor += shift
				l.offset = max(0, l.offset+shift)
				break
			}
		}
		l.anchor = 0
	}
	l.clamp(height)
}

// failWindow takes a window that could not be loaded. A new filter's rows
// are not shown in place of the old one's: the list empties.
func (l *listPane) failWindow(height int) {
	l.inflight, l.loaded = false, true
	if l.stale {
		l.stale, l.win, l.winStart, l.total = false, nil, 0, 0
	}
	l.clamp(height)
}

// update moves the cursor.
func (l *listPane) update(msg tea.KeyPressMsg, height int) {
	switch {
	case l.keys.Matches(msg, keys.Down):
		l.cursor++
	case l.keys.Matches(msg, keys.Up):
		l.cursor--
	case l.keys.Matches(msg, keys.Top):
		l.cursor = 0
	case l.keys.Matches(msg, keys.Bottom):
		l.cursor = l.count() - 1
	case l.keys.Matches(msg, keys.HalfDown):
		l.cursor += max(1, height/2)
		l.offset += max(1, height/2)
	case l.keys.Matches(msg, keys.HalfUp):
		l.cursor -= max(1, height/2)
		l.offset -= max(1, height/2)
	case l.keys.Matches(msg, keys.PageDown):
		l.cursor += max(1, height-1)
		l.offset += max(1, height-1)
	}
	l.clamp(height)
}

// selectRow puts the cursor on row i.
func (l *listPane) selectRow(i, height int) {
	l.cursor = i
	l.clamp(height)
}

// scroll moves the viewport by n rows, taking the cursor along when it
// would leave the screen (the mouse wheel).
func (l *listPane) scroll(n, height int) {
	l.offset += n
	l.offset = min(max(0, l.offset), max(0, l.count()-height))
	l.cursor = min(max(l.cursor, l.offset), l.offset+height-1)
	l.clamp(height)
}

func (l *listPane) clamp(height int) {
	n := l.count()
	l.cursor = min(max(l.cursor, 0), max(0, n-1))
	l.offset = min(max(l.offset, 0), max(0, n-height))
	l.offset = scrollInto(l.offset, l.cursor, height)
}

func (l listPane) position() string {
	if l.count() == 0 {
		return ""
	}
	return strconv.Itoa(l.cursor+1) + "/" + groupThousands(l.count())
}

func (l *listPane) view(s theme.Styles, width, height int, focused bool) string {
	if l.res == nil && !l.loaded {
		return s.Empty.Render(cells.Pad("loading headlines…", width))
	}
	if l.count() == 0 {
		return ""
	}
	now := l.now()
	rows := make([]string, 0, height)
	for i := l.offset; i < l.count() && len(rows) < height; i++ {
		a, ok := l.at(i)
		if !ok {
			rows = append(rows, s.Rows.Dim.On(cells.Pad("    …", width)))
			continue
		}
		row := headlineRow(*a, width, now)
		switch {
		case i == l.cursor && focused:
			row = s.Rows.Selected.On(row)
		case i == l.cursor:
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
	age := model.Age(now, a.Published)
	if age == "" {
		age = model.Age(now, a.FetchedAt)
	}
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

// groupThousands writes 100000 as 100,000.
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	if n < 1000 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
