// Package headlines is the headline list's state: a window of headlines
// around the cursor over a query (a view of the library, and the `/`
// filter, so the library filters every article of the view, not only
// those loaded), or full-text search results in its place, with the
// cursor and the scroll. It never holds more than a window of headlines,
// so its cost does not grow with the number of articles. It says which
// window to load; answers are for a generation of the query, and the
// caller drops those for an older one. No Bubble Tea and no painting: the
// app's list pane moves it with keys and draws its rows.
package headlines

import (
	"github.com/byline-reader/byline/model"
)

// WindowSize is how many headlines the list keeps loaded around its cursor.
const WindowSize = 400

// List is the headline list's state. The zero List shows every article.
type List struct {
	query model.ArticleQuery // the view (feed, folder, unread, starred) and the filter in force
	title string             // what the list shows: a feed, a folder, "All articles", …
	gen   int                // bumped when the query changes; older answers are dropped

	filter    string // the filter as typed; applied follows it after a pause
	filterSeq int    // bumped by every edit of the filter; older timers are dropped
	applied   string // the filter in force, as typed: words (query.Text) or an expression
	filterErr error  // the mistake of the expression typed, which is not applied
	// viewFilter is the view's own expression (a saved query), which an
	// expression typed narrows.
	viewFilter string

	total    int
	loaded   bool
	win      []model.Article
	winStart int
	inflight bool
	anchor   int64 // keep this article under the cursor when the next window lands
	chasing  bool  // the anchor was not in the window reloaded: the next window looks further down
	stale    bool  // the window is an older filter's, shown until the new one lands

	res *results // a full-text search being shown instead of the query

	readHidden bool // read articles are hidden (U), in every view
	viewUnread bool // the view itself shows unread articles only

	cursor, offset int
}

// results are full-text search results, shown instead of the list's
// query until cleared.
type results struct {
	query    string
	articles []model.Article
}

// New is a list of every article, called title.
func New(title string) List { return List{title: title} }

// Query is the view and the filter in force.
func (l List) Query() model.ArticleQuery { return l.query }

// Title says what the list shows: a feed, a folder, "All articles", …,
// and "· unread only" when read articles are hidden.
func (l List) Title() string {
	if l.readHidden && !l.viewUnread {
		return l.title + " · unread only"
	}
	return l.title
}

// Gen is the query's generation, which the answers for it carry.
func (l List) Gen() int { return l.gen }

// Filter is the filter as typed.
func (l List) Filter() string { return l.filter }

// FilterSeq is the number of the last edit of the filter.
func (l List) FilterSeq() int { return l.filterSeq }

// Search is the query of the full-text results shown, if they are.
func (l List) Search() (query string, ok bool) {
	if l.res == nil {
		return "", false
	}
	return l.res.query, true
}

// Loaded says whether a window of the query has landed.
func (l List) Loaded() bool { return l.loaded }

// Inflight says whether a window is on its way.
func (l List) Inflight() bool { return l.inflight }

// Held is how many headlines of the query the list holds.
func (l List) Held() int { return len(l.win) }

// Cursor is the row of the selected headline.
func (l List) Cursor() int { return l.cursor }

// Offset is the first row on screen.
func (l List) Offset() int { return l.offset }

// SetQuery shows other headlines from the top, unfiltered (read ones
// hidden if they are); the caller loads the window.
func (l *List) SetQuery(q model.ArticleQuery, title string) {
	*l = List{query: q, title: title, gen: l.gen + 1, filterSeq: l.filterSeq + 1,
		readHidden: l.readHidden, viewUnread: q.Unread, viewFilter: q.Filter}
	l.query.Unread = q.Unread || l.readHidden
}

// ViewQuery is the view shown (a feed, a folder, unread, starred, all),
// without the filter or the hiding of read articles.
func (l List) ViewQuery() model.ArticleQuery {
	q := l.query
	q.Text, q.Unread, q.Filter = "", l.viewUnread, l.viewFilter
	return q
}

// ReadHidden says whether read articles are hidden.
func (l List) ReadHidden() bool { return l.readHidden }

// HideRead hides read articles or shows them again, in this view and the
// next ones; it says whether the query changed, so that its first window
// must be asked for. The selected headline stays under the cursor when it
// is in that window.
func (l *List) HideRead(hide bool) bool {
	if hide == l.readHidden {
		return false
	}
	l.readHidden = hide
	if l.query.Unread == (l.viewUnread || hide) {
		return false // the unread view: nothing to hide
	}
	sel, ok := l.Selected()
	l.query.Unread = l.viewUnread || hide
	l.requery()
	if ok {
		l.anchor = sel.ID
	}
	return true
}

// requery starts a new generation of the query, keeping the rows on
// screen until its first window lands.
func (l *List) requery() {
	l.gen++
	l.inflight, l.anchor, l.res = false, 0, nil
	l.stale = l.loaded
	if !l.loaded {
		l.cursor, l.offset = 0, 0
	}
}

// Count is the number of rows: the query's headlines, or the results.
func (l List) Count() int {
	if l.res != nil {
		return len(l.res.articles)
	}
	return l.total
}

// At is the headline at row i, when it is loaded.
func (l List) At(i int) (model.Article, bool) {
	rows, j := l.win, i-l.winStart
	if l.res != nil {
		rows, j = l.res.articles, i
	}
	if j < 0 || j >= len(rows) {
		return model.Article{}, false
	}
	return rows[j], true
}

// Selected is the headline under the cursor, when it is loaded.
func (l List) Selected() (model.Article, bool) { return l.At(l.cursor) }

// Mark sets the read or starred mark (nil: left as is) of every loaded
// copy of an article; it says whether a read mark changed.
func (l *List) Mark(id int64, read, starred *bool) (changed bool) {
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

// ShowResults shows full-text search results in place of the view.
func (l *List) ShowResults(query string, articles []model.Article) {
	l.res = &results{query: query, articles: articles}
	l.cursor, l.offset = 0, 0
}

// ClearSearch gives the search results' place back to the view.
func (l *List) ClearSearch(height int) {
	l.res = nil
	l.Clamp(height)
}

// FindUnread looks for the first unread headline after the cursor (before
// it when back) among those loaded. When there is none, more says that
// the list goes on past the loaded ones, from the article edge (the last
// loaded, or the first when back).
func (l List) FindUnread(back bool) (row int, found, more bool, edge int64) {
	step := 1
	if back {
		step = -1
	}
	last, ok := l.Selected()
	if !ok {
		return 0, false, false, 0
	}
	i := l.cursor + step
	for ; i >= 0 && i < l.Count(); i += step {
		a, ok := l.At(i)
		if !ok {
			break
		}
		if !a.Read {
			return i, true, false, 0
		}
		last = a
	}
	return 0, false, i >= 0 && i < l.Count(), last.ID
}
