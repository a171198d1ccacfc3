package panes

import (
	"fmt"

	"github.com/byline-reader/byline/ui/headlines"
)

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

// ExprEmpty says why the list is empty when an expression narrows it (one
// typed, or a saved query's); "" when none does.
func (l Headlines) ExprEmpty() string {
	switch typed := l.FilterInForce(); {
	case typed != "" && headlines.IsExpr(typed):
		return fmt.Sprintf("No article matches %q. Press esc to clear the filter.", clean(typed))
	case l.ViewQuery().Filter != "":
		return "No article matches this saved query."
	}
	return ""
}
