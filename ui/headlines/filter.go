package headlines

import (
	"strings"

	"github.com/byline-reader/byline/model/filter"
)

// The `/` filter narrows the view by what is typed: plain words look for
// titles holding them (query.Text); an expression of the filter language
// (model/filter: "unread and age < 3") selects by it (query.Filter, with
// the view's own expression, a saved query's, when it has one). An
// expression with a mistake is not applied: the list keeps the last good
// filter, and FilterErr says what is wrong, with its column.

// FilterErr is the mistake of the expression typed, nil when there is
// none (or what is typed is words).
func (l List) FilterErr() error { return l.filterErr }

// FilterInForce is the filter the list shows, as typed ("" for none).
func (l List) FilterInForce() string { return l.applied }

// IsExpr says whether typed is meant as an expression rather than words:
// filter.LooksLikeExpr, or an expression whose last string is still
// being typed (its closing quote missing), so that typing one does not
// turn it into words for a moment.
func IsExpr(typed string) bool {
	return filter.LooksLikeExpr(typed) ||
		strings.Count(typed, `"`)%2 == 1 && filter.LooksLikeExpr(typed+`"`)
}

// refilter makes text (as typed) the filter in force. The rows on screen
// stay until the first window of the new query lands, so typing does not
// flash.
func (l *List) refilter(text string) {
	l.applied = text
	l.query.Text, l.query.Filter = "", l.viewFilter
	switch {
	case text == "":
	case IsExpr(text) && l.viewFilter != "":
		l.query.Filter = "(" + l.viewFilter + ") and (" + text + ")"
	case IsExpr(text):
		l.query.Filter = text
	default:
		l.query.Text = text
	}
	l.requery()
}

// Filtering says whether the filter as typed is not yet the one shown.
func (l List) Filtering() bool {
	return l.stale || l.filterErr == nil && filterText(l.filter) != l.applied
}

// Filtered says whether a filter is typed or in force.
func (l List) Filtered() bool { return l.filter != "" || l.applied != "" }

// filterText is the filter for what was typed: blank is none; an
// expression's spaces around it do not count (words' do).
func filterText(typed string) string {
	if trimmed := strings.TrimSpace(typed); trimmed == "" || IsExpr(trimmed) {
		return trimmed
	}
	return typed
}

// TypeFilter takes the filter as typed; it says whether it differs from
// the one in force (an expression with a mistake does not: it cannot be
// applied), and the edit's number, which the timer that applies it
// carries.
func (l *List) TypeFilter(typed string) (seq int, differs bool) {
	l.filter = typed
	l.filterSeq++
	text := filterText(typed)
	l.filterErr = nil
	if IsExpr(text) {
		_, l.filterErr = filter.Parse(text)
	}
	return l.filterSeq, l.filterErr == nil && text != l.applied
}

// ApplyFilter puts the filter as typed in force now; it says whether the
// query changed, so that its first window must be asked for. An
// expression with a mistake leaves the filter in force as it is.
func (l *List) ApplyFilter() bool {
	l.filterSeq++ // a timer still running has nothing left to do
	text := filterText(l.filter)
	if l.filterErr != nil || text == l.applied {
		return false
	}
	l.refilter(text)
	return true
}

// ClearFilter shows the view unfiltered; as ApplyFilter.
func (l *List) ClearFilter() bool {
	l.filter, l.filterErr = "", nil
	return l.ApplyFilter()
}
