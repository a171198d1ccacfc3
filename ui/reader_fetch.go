package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/picture"
	"github.com/byline-reader/byline/ui/reader"
	"github.com/byline-reader/byline/ui/service"
)

// An article opens in two steps: what is stored shows at once, then its
// page, when still to be had, is fetched (R in the reader: again).

// pageFetch is the reader's fetch of its article's page.
type pageFetch struct {
	seq      int  // which fetch the answer must match, within the opening
	fetching bool // a fetch is on its way
}

// fetchIfNeeded words the header's notice of the article just shown, and
// fetches its page when library said it is still to be had.
func (a *App) fetchIfNeeded(msg service.ArticleMsg) tea.Cmd {
	a.reader.SetNotice(reader.PageNotice(a.reader.Article(), a.now()))
	if msg.Err != nil || !msg.NeedsPage {
		return nil
	}
	return a.startFetch()
}

// startFetch fetches the reader's article's page; the header says so.
func (a *App) startFetch() tea.Cmd {
	r := &a.reader
	r.page.seq++
	r.page.fetching = true
	r.SetNotice(reader.FetchingNotice)
	return service.FetchPage(a.ctx, a.lib, r.Seq(), r.page.seq, r.Article().ID, reader.WrapWidth(a.width, a.cfg.TextWidth), a.isDark, a.pics.mode() != picture.Off)
}

// handlePage takes a fetched page: the whole article replaces the stored
// text, where the reader was (at the top, unless they scrolled). An
// answer for another opening, or an earlier fetch, is dropped.
func (a App) handlePage(msg service.PageMsg) (tea.Model, tea.Cmd) {
	r := &a.reader
	if msg.Seq != r.Seq() || msg.Fetch != r.page.seq || a.screen != screenReader {
		return a, nil
	}
	r.page.fetching = false
	if msg.Err != nil {
		r.SetNotice(reader.PageNotice(r.Article(), a.now()))
		return a, tea.Batch(a.setStatus(msg.Err.Error(), true), a.layoutReader(false))
	}
	if msg.Ready.Rendered != nil {
		a.cache.Put(msg.Ready.Key, msg.Ready.Rendered)
	}
	top := r.Text().Offset()
	r.Replace(msg.Reading, msg.Ready.Doc)
	r.SetNotice(reader.PageNotice(r.Article(), a.now()))
	render := a.layoutReader(false)
	r.Text().ScrollTo(top, a.bodyHeight())
	a.clampOverlays()
	var cmd tea.Cmd
	if msg.Reading.HighlightsErr != nil {
		cmd = a.setStatus(msg.Reading.HighlightsErr.Error(), true)
	}
	if text := r.ApplyPending(a.bodyHeight()); text != "" {
		cmd = a.setStatus(text, false)
	}
	return a, tea.Batch(cmd, render)
}

// handleFetchKey fetches the page again with R in the reader; ok is false
// for any other key.
func (a *App) handleFetchKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	r := &a.reader
	if !r.Keys().Matches(msg, keys.FetchPage) {
		return nil, false
	}
	switch {
	case r.Loading():
		return a.setStatus("the article is still loading", false), true
	case r.page.fetching:
		return a.setStatus(reader.FetchingNotice, false), true
	case r.Err() != nil || r.Article().ID == 0:
		return a.setStatus("only a stored article's page can be fetched again", true), true
	case r.Article().URL == "":
		return a.setStatus("this article has no link", true), true
	}
	fetch := a.startFetch()
	r.Layout(a.styles, a.width, a.cfg.TextWidth, a.isDark) // the header says so
	return fetch, true
}
