package ui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/picture"
	"github.com/byline-reader/byline/ui/reader"
	"github.com/byline-reader/byline/ui/service"
)

// An article opens in two steps: what is stored shows at once, then its
// page, when still to be had, is fetched (R in the reader: again).

// pageFetch is the reader's fetch of its article's page.
type pageFetch struct {
	seq      int    // which fetch the answer must match, within the opening
	fetching bool   // a fetch is on its way
	notice   string // the header's notice: the article's, said for the app
}

// pageMsg carries an article whose page was fetched (or why not): as
// library prepared it, and ready for the screen it was asked for.
type pageMsg struct {
	seq, fetch int
	r          model.Reading
	ready      reader.Ready
	err        error
}

// fetchPage fetches an article's page, prepares it and renders it wrap
// columns wide, off the event loop. Its links are resolved against the
// article's link, as readingMsg's are.
func fetchPage(ctx context.Context, lib service.Library, seq, fetch int, id int64, wrap int, dark, images bool) tea.Cmd {
	return func() tea.Msg {
		r, err := lib.FetchPage(ctx, id)
		if err != nil {
			return pageMsg{seq: seq, fetch: fetch, err: fmt.Errorf("fetch the page: %w", err)}
		}
		return pageMsg{seq: seq, fetch: fetch, r: r, ready: reader.MakeReady(r, wrap, dark, images)}
	}
}

// fetchIfNeeded words the header's notice of the article just shown, and
// fetches its page when library said it is still to be had.
func (a *App) fetchIfNeeded(msg articleMsg) tea.Cmd {
	a.reader.page.notice = reader.PageNotice(a.reader.article, a.now())
	if msg.err != nil || !msg.needsPage {
		return nil
	}
	return a.startFetch()
}

// startFetch fetches the reader's article's page; the header says so.
func (a *App) startFetch() tea.Cmd {
	r := &a.reader
	r.page.seq++
	r.page.fetching = true
	r.page.notice = reader.FetchingNotice
	r.headerAt = [2]int{}
	return fetchPage(a.ctx, a.lib, r.seq, r.page.seq, r.article.ID, reader.WrapWidth(a.width, a.cfg.TextWidth), a.isDark, a.pics.mode() != picture.Off)
}

// handlePage takes a fetched page: the whole article replaces the stored
// text, where the reader was (at the top, unless they scrolled). An
// answer for another opening, or an earlier fetch, is dropped.
func (a App) handlePage(msg pageMsg) (tea.Model, tea.Cmd) {
	r := &a.reader
	if msg.seq != r.seq || msg.fetch != r.page.seq || a.screen != screenReader {
		return a, nil
	}
	r.page.fetching = false
	r.headerAt = [2]int{}
	if msg.err != nil {
		r.page.notice = reader.PageNotice(r.article, a.now())
		return a, tea.Batch(a.setStatus(msg.err.Error(), true), a.layoutReader(false))
	}
	if msg.ready.Rendered != nil {
		a.cache.Put(msg.ready.Key, msg.ready.Rendered)
	}
	top := r.v.Offset()
	// A new view: the focus and the search were in the stored text.
	r.v, r.want, r.asked = reader.View{}, reader.Key{}, reader.Key{}
	r.setArticle(articleMsg{seq: msg.seq, r: msg.r, doc: msg.ready.Doc})
	r.page.notice = reader.PageNotice(r.article, a.now())
	render := a.layoutReader(false)
	r.v.ScrollTo(top, a.bodyHeight())
	a.clampOverlays()
	var cmd tea.Cmd
	if msg.r.HighlightsErr != nil {
		cmd = a.setStatus(msg.r.HighlightsErr.Error(), true)
	}
	if text := r.applyPending(a.bodyHeight()); text != "" {
		cmd = a.setStatus(text, false)
	}
	return a, tea.Batch(cmd, render)
}

// headerArticle is the article as the header shows it: with the app's
// notice.
func (r *readerPane) headerArticle() model.Article {
	a := r.article
	a.Notice = r.page.notice
	return a
}

// handleFetchKey fetches the page again with R in the reader; ok is false
// for any other key.
func (a *App) handleFetchKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	r := &a.reader
	if !r.keys.Matches(msg, keys.FetchPage) {
		return nil, false
	}
	switch {
	case r.loading:
		return a.setStatus("the article is still loading", false), true
	case r.page.fetching:
		return a.setStatus(reader.FetchingNotice, false), true
	case r.err != nil || r.article.ID == 0:
		return a.setStatus("only a stored article's page can be fetched again", true), true
	case r.article.URL == "":
		return a.setStatus("this article has no link", true), true
	}
	fetch := a.startFetch()
	r.layout(a.styles, a.width, a.cfg.TextWidth, a.isDark) // the header says so
	return fetch, true
}
