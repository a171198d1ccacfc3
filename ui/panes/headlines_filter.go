package panes

import "github.com/byline-reader/byline/ui/headlines"

// FilterHelp is the help line under the `/` prompt: what the text typed
// is taken as (words in titles, or an expression of the filter language),
// or, bad, the mistake of the expression typed, with its column: said as
// it is typed, while the list keeps the last good filter.
func (l Headlines) FilterHelp() (text string, bad bool) {
	switch {
	case l.FilterErr() != nil:
		return l.FilterErr().Error() + " · esc: cancel", true
	case headlines.IsExpr(l.Filter()):
		return "an expression (README: Filters) · enter: done · esc: cancel", false
	}
	return "words in titles, or an expression (unread and age < 3) · enter: done · esc: cancel", false
}
