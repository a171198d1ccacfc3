package panes

import (
	"fmt"

	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/headlines"
	"github.com/byline-reader/byline/ui/theme"
)

// FilterHelp is the help line under the `/` prompt: what the text typed
// is taken as (words in titles, or an expression of the filter language),
// or the mistake of the expression typed, with its column, said without
// alarm as it is typed, while the list keeps the last good filter.
func (l Headlines) FilterHelp(s theme.Styles, width int) string {
	style, text := s.Dim, "words in titles, or an expression (unread and age < 3) · enter: done · esc: cancel"
	switch {
	case l.FilterErr() != nil:
		style, text = s.Status, l.FilterErr().Error()+" · esc: cancel"
	case headlines.IsExpr(l.Filter()):
		text = "an expression (README: Filters) · enter: done · esc: cancel"
	}
	return style.Render(cells.Cut(clean(text), width))
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
