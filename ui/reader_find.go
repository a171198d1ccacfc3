package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui/keys"
)

// Find in the article (/, prompting.go): n/N or enter move between the
// matches while the search goes on (n/N are the quote keys otherwise) and
// esc ends it; the status line counts them. "not found" shows only until
// the next key.

// startFind starts a search for term (empty: the last one again).
func (a App) startFind(term string) (tea.Model, tea.Cmd) {
	if a.reader.Text().Find(term, a.bodyHeight()) > 0 {
		a.clearNotFound()
		return a, nil
	}
	cmd := a.setStatus(fmt.Sprintf("not found: %q", a.reader.Text().FindTerm()), true)
	a.reader.notFound = a.statusSeq
	return a, cmd
}

// clearNotFound takes find's "not found" off the status line.
func (a *App) clearNotFound() {
	if a.reader.notFound != 0 && a.reader.notFound == a.statusSeq {
		a.status, a.statusErr = "", false
	}
	a.reader.notFound = 0
}

// handleFindKey moves between the matches, or ends the search, while one
// goes on; ok is false for any other key.
func (a *App) handleFindKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	a.clearNotFound()
	r, dir := &a.reader, 0
	switch {
	case !r.Text().Finding():
		return nil, false
	case key.Matches(msg, promptCancel):
		r.Text().EndFind()
		return nil, true
	case r.Keys().Matches(msg, keys.NextQuote), key.Matches(msg, promptAccept):
		dir = 1
	case r.Keys().Matches(msg, keys.PrevQuote):
		dir = -1
	default:
		return nil, false
	}
	if r.Text().FindNext(dir, a.bodyHeight()) {
		return a.setStatus(map[int]string{1: "round to the first match", -1: "round to the last match"}[dir], false), true
	}
	return nil, true
}
