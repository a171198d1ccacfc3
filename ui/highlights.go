package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/panes"
	"github.com/byline-reader/byline/ui/service"
	"github.com/byline-reader/byline/ui/undo"
)

// Highlights: h in the reader keeps or removes one, and the list of every
// highlight (H; the list itself is panes.Highlights) goes to one or
// removes it.

// openHighlights shows the list of highlights and loads it.
func (a App) openHighlights() (tea.Model, tea.Cmd) {
	a.overlay = overlayHighlights
	return a, service.LoadHighlights(a.ctx, a.lib, a.hlPane.Open(a.bodyHeight()))
}

func (a App) handleHighlightList(msg service.HighlightListMsg) (tea.Model, tea.Cmd) {
	if !a.hlPane.Loaded(msg.Seq, msg.Items, msg.Err, a.bodyHeight()) {
		return a, nil
	}
	return a.handleError(msg.Err)
}

func (a App) handleHighlightsKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch a.hlPane.Key(msg, a.bodyHeight()) {
	case panes.Close:
		a.overlay = overlayNone
	case panes.Open:
		if h, ok := a.hlPane.Selected(); ok {
			a.overlay = overlayNone
			return a.jumpToHighlight(h)
		}
	case panes.Remove:
		if h, ok := a.hlPane.RemoveSelected(a.bodyHeight()); ok {
			return a, service.RemoveHighlight(a.ctx, a.lib, h)
		}
	}
	return a, nil
}

// jumpToHighlight opens the highlight's article, unless it is the one
// being read, and puts the focus on the highlight.
func (a App) jumpToHighlight(h model.Highlight) (tea.Model, tea.Cmd) {
	if a.screen == screenReader && a.reader.Article().ID == h.ArticleID && !a.reader.Loading() {
		return a, a.setStatus(a.reader.Text().FocusHighlight(h.ID, a.bodyHeight()), false)
	}
	seq := a.openReader(model.Article{ID: h.ArticleID, Title: h.ArticleTitle, URL: h.ArticleURL, Site: h.Site, Read: true})
	a.reader.FocusOnceShown(h.ID)
	return a, service.OpenArticle(a.ctx, a.lib, seq, h.ArticleID)
}

// toggleHighlight keeps the quote or sentence in focus as a highlight, or
// removes the highlight it is.
func (a *App) toggleHighlight() tea.Cmd {
	r := &a.reader
	s := r.Text().FocusSpan()
	if s.Start < 0 || r.Doc() == nil {
		return a.setStatus("nothing in focus: press n for a quote or ) for a sentence, then h", true)
	}
	if r.Article().ID == 0 {
		return a.setStatus("highlights are kept for articles from your feeds; this page is not stored", true)
	}
	if i := r.Text().HighlightAt(s); i >= 0 {
		return service.RemoveHighlight(a.ctx, a.lib, r.Text().Highlights()[i])
	}
	return service.AddHighlight(a.ctx, a.lib, r.Article().ID, r.Doc().SpanText(s), s, r.Text().Describe())
}

func (a App) handleHighlighted(msg service.HighlightMsg) (tea.Model, tea.Cmd) {
	if msg.Err != nil {
		return a, a.setStatus(msg.Err.Error(), true)
	}
	if msg.Removed != 0 {
		a.reader.Text().DropHighlight(msg.Removed)
		a.undo.Push(undo.Change{Kind: undo.Highlight, Highlight: msg.Gone, What: undo.RemovedHighlight(msg.Gone)})
		return a, a.setStatus("highlight removed", false)
	}
	a.reader.AddHighlight(msg.Added)
	return a, a.setStatus("highlighted "+strings.TrimSuffix(msg.What, " · highlighted")+" (H lists highlights)", false)
}
