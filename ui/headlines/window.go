package headlines

import "github.com/byline-reader/byline/model"

// needWindow says where to load a window from, when the rows on screen (or
// those close to them) are not loaded.
func (l *List) needWindow(height int) (start int, ok bool) {
	switch {
	case l.res != nil || l.inflight:
		return 0, false
	case l.stale:
		return 0, true
	case l.loaded && l.total == 0:
		return 0, false
	}
	margin := min(WindowSize/8, height)
	lo := max(0, min(l.offset, l.cursor)-margin)
	hi := min(max(l.total, 1), max(l.offset+height, l.cursor+1)+margin)
	end := l.winStart + len(l.win)
	if l.loaded && lo >= l.winStart && hi <= end {
		return 0, false
	}
	start = max(0, min(l.cursor-WindowSize/2, l.total-WindowSize))
	return start, true
}

// WindowQuery is the query for the window from start.
func (l List) WindowQuery(start int) model.ArticleQuery {
	q := l.query
	q.Offset, q.Limit = start, WindowSize
	return q
}

// AskWindow says where to load a window from, when the rows on screen (or
// those close to them) are not loaded, and counts it as on its way.
func (l *List) AskWindow(height int) (start int, ok bool) {
	start, ok = l.needWindow(height)
	l.inflight = l.inflight || ok
	return start, ok
}

// Reload asks for the window shown again (after a refresh), keeping the
// selected headline under the cursor however many arrive above it. The
// caller waits while a window is on its way (Inflight).
func (l *List) Reload(height int) (start int, ok bool) {
	if l.stale { // a new filter's first window is yet to be asked for
		return l.AskWindow(height)
	}
	if sel, ok := l.Selected(); ok && l.res == nil {
		l.anchor, l.chasing = sel.ID, false
	}
	l.inflight = true
	if !l.loaded {
		return 0, true
	}
	return l.winStart, true
}

// SetWindow takes a loaded window (from start, of total), keeping the
// anchored article (if it is in the window) on the same screen row. An
// anchored article pushed past the window by many new ones above it is
// chased once: the cursor moves down by as many rows as the list grew,
// where the window the caller asks for next (AskWindow) finds it. The
// first window of a new filter starts at the top.
func (l *List) SetWindow(start, total int, articles []model.Article, height int) {
	if l.stale {
		l.stale, l.cursor, l.offset = false, 0, 0
	}
	grown := total - l.total
	if !l.loaded {
		grown = 0
	}
	l.inflight = false
	l.total, l.win, l.winStart, l.loaded = total, articles, start, true
	if l.anchor != 0 {
		l.keepAnchor(grown)
	}
	l.Clamp(height)
}

// keepAnchor puts the cursor back on the anchored article, or chases it
// (SetWindow).
func (l *List) keepAnchor(grown int) {
	for j, a := range l.win {
		if a.ID == l.anchor {
			shift := l.winStart + j - l.cursor
			l.cursor += shift
			l.offset = max(0, l.offset+shift)
			l.anchor, l.chasing = 0, false
			return
		}
	}
	if l.chasing || grown <= 0 {
		l.anchor, l.chasing = 0, false
		return
	}
	l.cursor += grown
	l.offset += grown
	if l.cursor >= l.winStart && l.cursor < l.winStart+len(l.win) {
		l.anchor = 0 // it is not where it would be: gone
		return
	}
	l.chasing = true
}

// FailWindow takes a window that could not be loaded. A new filter's rows
// are not shown in place of the old one's: the list empties.
func (l *List) FailWindow(height int) {
	l.inflight, l.loaded = false, true
	if l.stale {
		l.stale, l.win, l.winStart, l.total = false, nil, 0, 0
	}
	l.Clamp(height)
}

// Move moves the cursor n rows.
func (l *List) Move(n, height int) {
	l.cursor += n
	l.Clamp(height)
}

// Page moves the cursor and the screen n rows.
func (l *List) Page(n, height int) {
	l.cursor += n
	l.offset += n
	l.Clamp(height)
}

// SelectRow puts the cursor on row i.
func (l *List) SelectRow(i, height int) {
	l.cursor = i
	l.Clamp(height)
}

// Scroll moves the viewport by n rows, taking the cursor along when it
// would leave the screen (the mouse wheel).
func (l *List) Scroll(n, height int) {
	l.offset += n
	l.offset = min(max(0, l.offset), max(0, l.Count()-height))
	l.cursor = min(max(l.cursor, l.offset), l.offset+height-1)
	l.Clamp(height)
}

// Clamp keeps the cursor on a row and on screen, for height rows.
func (l *List) Clamp(height int) {
	n := l.Count()
	l.cursor = min(max(l.cursor, 0), max(0, n-1))
	l.offset = min(max(l.offset, 0), max(0, n-height))
	if l.cursor < l.offset {
		l.offset = l.cursor
	} else if height > 0 && l.cursor >= l.offset+height {
		l.offset = l.cursor - height + 1
	}
}
