package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/service"
	"github.com/byline-reader/byline/ui/theme"
)

// highlightsPane lists the highlights of every article, newest first:
// two rows each, the text and then the article.
type highlightsPane struct {
	keys    keys.Map
	list    cursorList
	items   []model.Highlight
	loading bool
	seq     int
}

func newHighlightsPane(k keys.Map) highlightsPane { return highlightsPane{keys: k} }

// highlightRows is how many highlights fit under the title.
func highlightRows(height int) int { return max(1, (height-2)/2) }

func (p highlightsPane) view(s theme.Styles, width, height int) string {
	title := s.Title.Render(fmt.Sprintf("Highlights (%d)", len(p.items))) + s.Dim.Render("  enter: go to · d: remove · esc: close")
	lines := []string{cells.Cut(title, width), ""}
	switch {
	case p.loading && len(p.items) == 0:
		return strings.Join(append(lines, s.Empty.Render("loading highlights…")), "\n")
	case len(p.items) == 0:
		return strings.Join(append(lines, s.Empty.Render("No highlights yet. In the reader, press n or ) to focus a quote or sentence, then h.")), "\n")
	}
	for i := p.list.offset; i < len(p.items) && len(lines)+2 <= height; i++ {
		h := p.items[i]
		text := cells.Pad("  “"+clean(h.Text)+"”", width)
		about := []string{clean(h.ArticleTitle)}
		if site := clean(h.Site); site != "" {
			about = append(about, site)
		}
		if !h.Created.IsZero() {
			about = append(about, h.Created.Local().Format("2 Jan 2006"))
		}
		meta := cells.Pad("    "+strings.Join(about, " · "), width)
		if i == p.list.cursor {
			text, meta = s.Rows.Selected.On(text), s.Rows.Selected.On(meta)
		} else {
			meta = s.Rows.Dim.On(meta)
		}
		lines = append(lines, text, meta)
	}
	return strings.Join(lines, "\n")
}

// open shows the list as it was while it loads again; the answer must
// carry the seq it returns.
func (p *highlightsPane) open(height int) (seq int) {
	p.loading = true
	p.seq++
	p.clamp(height)
	return p.seq
}

// loaded takes the highlights loaded for seq; it says whether they are
// the ones last asked for (an error keeps the list as it was).
func (p *highlightsPane) loaded(msg service.HighlightListMsg, height int) bool {
	if msg.Seq != p.seq {
		return false
	}
	p.loading = false
	if msg.Err == nil {
		p.items = msg.Items
		p.clamp(height)
	}
	return true
}

// selected is the highlight under the cursor.
func (p highlightsPane) selected() (model.Highlight, bool) {
	if p.list.cursor >= len(p.items) {
		return model.Highlight{}, false
	}
	return p.items[p.list.cursor], true
}

// removeSelected takes the highlight under the cursor off the list.
func (p *highlightsPane) removeSelected(height int) (model.Highlight, bool) {
	h, ok := p.selected()
	if ok {
		p.items = append(p.items[:p.list.cursor:p.list.cursor], p.items[p.list.cursor+1:]...)
		p.clamp(height)
	}
	return h, ok
}

// clamp keeps the cursor on the list, for the body's height.
func (p *highlightsPane) clamp(height int) { p.list.clamp(len(p.items), highlightRows(height)) }

func (p *highlightsPane) move(msg tea.KeyPressMsg, height int) {
	p.list.move(msg, p.keys, len(p.items), highlightRows(height))
}

// openHighlights shows the list of highlights and loads it.
func (a App) openHighlights() (tea.Model, tea.Cmd) {
	a.overlay = overlayHighlights
	return a, service.LoadHighlights(a.ctx, a.lib, a.hlPane.open(a.bodyHeight()))
}

func (a App) handleHighlightList(msg service.HighlightListMsg) (tea.Model, tea.Cmd) {
	if !a.hlPane.loaded(msg, a.bodyHeight()) {
		return a, nil
	}
	return a.handleError(msg.Err)
}

func (a App) handleHighlightsKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.hlPane.keys
	switch {
	case k.Matches(msg, keys.Close):
		a.overlay = overlayNone
		return a, nil
	case k.Matches(msg, keys.Open):
		if h, ok := a.hlPane.selected(); ok {
			a.overlay = overlayNone
			return a.jumpToHighlight(h)
		}
		return a, nil
	case k.Matches(msg, keys.Remove):
		if h, ok := a.hlPane.removeSelected(a.bodyHeight()); ok {
			return a, service.RemoveHighlight(a.ctx, a.lib, h)
		}
		return a, nil
	}
	a.hlPane.move(msg, a.bodyHeight())
	return a, nil
}

// jumpToHighlight opens the highlight's article, unless it is the one
// being read, and puts the focus on the highlight.
func (a App) jumpToHighlight(h model.Highlight) (tea.Model, tea.Cmd) {
	if a.screen == screenReader && a.reader.article.ID == h.ArticleID && !a.reader.loading {
		return a, a.setStatus(a.reader.focusHighlight(h.ID, a.bodyHeight()), false)
	}
	seq := a.openReader(model.Article{ID: h.ArticleID, Title: h.ArticleTitle, URL: h.ArticleURL, Site: h.Site, Read: true})
	a.reader.focusOnceShown(h.ID)
	return a, openArticle(a.ctx, a.lib, seq, h.ArticleID)
}

// toggleHighlight keeps the quote or sentence in focus as a highlight, or
// removes the highlight it is.
func (a *App) toggleHighlight() tea.Cmd {
	r := &a.reader
	s := r.focusSpan()
	if s.Start < 0 || r.doc() == nil {
		return a.setStatus("nothing in focus: press n for a quote or ) for a sentence, then h", true)
	}
	if r.article.ID == 0 {
		return a.setStatus("highlights are kept for articles from your feeds; this page is not stored", true)
	}
	if i := r.highlightAt(s); i >= 0 {
		return service.RemoveHighlight(a.ctx, a.lib, r.highlights()[i])
	}
	return service.AddHighlight(a.ctx, a.lib, r.article.ID, r.doc().SpanText(s), s, r.describeFocus())
}

func (a App) handleHighlighted(msg service.HighlightMsg) (tea.Model, tea.Cmd) {
	if msg.Err != nil {
		return a, a.setStatus(msg.Err.Error(), true)
	}
	if msg.Removed != 0 {
		a.reader.dropHighlight(msg.Removed)
		return a, a.setStatus("highlight removed", false)
	}
	a.reader.addHighlight(msg.Added)
	return a, a.setStatus("highlighted "+strings.TrimSuffix(msg.What, " · highlighted")+" (H lists highlights)", false)
}
