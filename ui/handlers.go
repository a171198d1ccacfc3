package ui

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/keys"
)

// ctrlC always quits, whatever the keymap says.
var ctrlC = key.NewBinding(key.WithKeys("ctrl+c"))

func (a App) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, ctrlC) {
		return a.quit()
	}
	if a.prompt.mode != promptNone {
		return a.handlePromptKey(msg)
	}
	if a.showHelp {
		if a.keys.Matches(msg, keys.Help, keys.Back) {
			a.showHelp = false
		}
		return a, nil
	}
	if a.keys.Matches(msg, keys.Help) {
		a.showHelp = true
		return a, nil
	}
	switch a.overlay {
	case overlayQuotes:
		return a.handleQuotesKey(msg)
	case overlayHighlights:
		return a.handleHighlightsKey(msg)
	case overlayShare:
		return a.handleShareKey(msg)
	}
	switch k := a.keyMap(); {
	case k.Matches(msg, keys.RefreshAll):
		return a, a.beginRefresh()
	case k.Matches(msg, keys.Refresh):
		return a, a.beginRefresh(a.focusedFeedID()...)
	}
	switch {
	case a.screen == screenReader:
		return a.handleReaderKey(msg)
	case a.feedsFocused:
		return a.handleFeedsKey(msg)
	}
	return a.handleListKey(msg)
}

func (a App) quit() (tea.Model, tea.Cmd) {
	a.cancel()
	return a, tea.Quit
}

func (a App) handleListKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.list.keys
	switch {
	case k.Matches(msg, keys.ClearFilter) && a.list.res != nil:
		a.list.res = nil
		a.list.clamp(a.bodyHeight())
		return a, a.ensureWindow()
	case k.Matches(msg, keys.ClearFilter) && (a.list.filter != "" || a.list.query.Text != ""):
		return a, a.clearFilter()
	case k.Matches(msg, keys.Quit):
		return a.quit()
	case k.Matches(msg, keys.Focus):
		a.feedsFocused = true
		return a, nil
	case k.Matches(msg, keys.Open):
		return a.openSelected()
	case k.Matches(msg, keys.ToggleRead):
		return a, a.toggleRead()
	case k.Matches(msg, keys.ToggleStar):
		return a, a.toggleStar()
	case k.Matches(msg, keys.FeedRead):
		return a, a.markFeedRead()
	case k.Matches(msg, keys.Browser):
		return a, a.browse()
	case k.Matches(msg, keys.Filter):
		return a.beginFilter()
	case k.Matches(msg, keys.Search):
		return a, a.prompt.open(promptSearch, "")
	case k.Matches(msg, keys.Share):
		return a.openShare()
	case k.Matches(msg, keys.CopyLink):
		return a.copyShare("link", "link")
	case k.Matches(msg, keys.CopyMarkdown):
		return a.copyShare("markdown", "markdown link")
	case k.Matches(msg, keys.Highlights):
		return a.openHighlights()
	}
	a.list.update(msg, a.bodyHeight())
	return a, a.ensureWindow()
}

func (a App) handleFeedsKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.feeds.keys
	switch {
	case k.Matches(msg, keys.Quit):
		return a.quit()
	case k.Matches(msg, keys.Focus):
		a.feedsFocused = false
		return a, nil
	case k.Matches(msg, keys.Open):
		a.feedsFocused = false
		if e, ok := a.feeds.current(); ok && !a.list.shows(e) {
			return a, a.showFocusedFeed()
		}
		return a, nil
	case k.Matches(msg, keys.FeedRead):
		return a, a.markFeedRead()
	case k.Matches(msg, keys.Filter):
		a.feedsFocused = false
		return a.beginFilter()
	case k.Matches(msg, keys.Search):
		a.feedsFocused = false
		return a, a.prompt.open(promptSearch, "")
	}
	if !a.feeds.update(msg, a.bodyHeight()) {
		return a, nil
	}
	return a, a.showFocusedFeed()
}

// showFocusedFeed points the list at the feeds pane's entry.
func (a *App) showFocusedFeed() tea.Cmd {
	e, ok := a.feeds.current()
	if !ok {
		return nil
	}
	a.list.setQuery(e.query(), e.title())
	return a.ensureWindow()
}

func (a App) handleReaderKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.reader.keys
	switch {
	case k.Matches(msg, keys.Back) && a.single:
		return a, tea.Quit
	case k.Matches(msg, keys.Back):
		a.screen = screenList
		a.list.clamp(a.bodyHeight())
		return a, a.ensureWindow()
	case k.Matches(msg, keys.ToggleRead):
		return a, a.toggleRead()
	case k.Matches(msg, keys.ToggleStar):
		return a, a.toggleStar()
	case k.Matches(msg, keys.Browser):
		return a, a.browse()
	case k.Matches(msg, keys.Filter):
		return a, a.prompt.open(promptFind, "")
	}
	if m, cmd, ok := a.handleQuoteKey(msg); ok {
		return m, cmd
	}
	a.reader.update(msg, a.bodyHeight())
	return a, nil
}

// handleQuoteKey handles the reader's keys for quotes, sentences,
// highlights and sharing.
func (a App) handleQuoteKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	k := a.reader.keys
	move := func(kind unitKind, dir int) (tea.Model, tea.Cmd, bool) {
		text, ok := a.reader.move(kind, dir, a.bodyHeight())
		return a, a.setStatus(text, !ok), true
	}
	switch {
	case k.Matches(msg, keys.NextQuote):
		return move(unitQuote, 1)
	case k.Matches(msg, keys.PrevQuote):
		return move(unitQuote, -1)
	case k.Matches(msg, keys.NextSentence):
		return move(unitSentence, 1)
	case k.Matches(msg, keys.PrevSentence):
		return move(unitSentence, -1)
	case k.Matches(msg, keys.Highlight):
		return a, a.toggleHighlight(), true
	}
	var m tea.Model
	var cmd tea.Cmd
	switch {
	case k.Matches(msg, keys.Quotes):
		m, cmd = a.openQuotes()
	case k.Matches(msg, keys.Highlights):
		m, cmd = a.openHighlights()
	case k.Matches(msg, keys.Share):
		m, cmd = a.openShare()
	case k.Matches(msg, keys.CopyLink):
		m, cmd = a.copyShare("link", "link")
	case k.Matches(msg, keys.CopyMarkdown):
		m, cmd = a.copyShare("markdown", "markdown link")
	default:
		return a, nil, false
	}
	return m, cmd, true
}

// current is the article the keys act on: the one being read, else the
// selected headline.
func (a *App) current() (*model.Article, bool) {
	if a.screen == screenReader {
		return &a.reader.article, a.reader.article.ID != 0
	}
	return a.list.selected()
}

// openReader shows headline in the reader at once, while the whole article
// loads, and returns the opening's seq, which the load must carry.
func (a *App) openReader(headline model.Article) int {
	a.openSeq++
	a.reader.open(a.openSeq, headline)
	a.screen = screenReader
	a.reader.layout(a.styles, a.width, a.cfg.TextWidth, a.isDark)
	return a.openSeq
}

func (a App) openSelected() (tea.Model, tea.Cmd) {
	sel, ok := a.list.selected()
	if !ok {
		return a, nil
	}
	seq := a.openReader(*sel)
	cmds := []tea.Cmd{openArticle(a.ctx, a.lib, seq, sel.ID)}
	if !sel.Read {
		cmds = append(cmds, a.setRead(sel.ID, sel.FeedID, true))
	}
	return a, tea.Batch(cmds...)
}

func (a *App) toggleRead() tea.Cmd {
	art, ok := a.current()
	if !ok {
		return nil
	}
	return a.setRead(art.ID, art.FeedID, !art.Read)
}

// setRead marks an article read or unread everywhere it is shown, then
// stores it.
func (a *App) setRead(id, feedID int64, read bool) tea.Cmd {
	changed := false
	set := func(x *model.Article) {
		changed = changed || x.Read != read
		x.Read = read
	}
	a.list.findID(id, set)
	if a.reader.article.ID == id {
		set(&a.reader.article)
	}
	if changed {
		delta := 1
		if read {
			delta = -1
		}
		a.feeds.adjustUnread(feedID, delta)
	}
	what := "mark read"
	if !read {
		what = "mark unread"
	}
	return mark(a.ctx, a.lib, id, &read, nil, what)
}

func (a *App) toggleStar() tea.Cmd {
	art, ok := a.current()
	if !ok {
		return nil
	}
	star := !art.Starred
	id := art.ID
	a.list.findID(id, func(x *model.Article) { x.Starred = star })
	if a.reader.article.ID == id {
		a.reader.article.Starred = star
	}
	what := "star"
	if !star {
		what = "unstar"
	}
	return mark(a.ctx, a.lib, id, nil, &star, what)
}

// markFeedRead marks the focused feed read: the feeds pane's entry, else
// the selected headline's feed.
func (a *App) markFeedRead() tea.Cmd {
	ids := a.focusedFeedID()
	if len(ids) == 0 {
		return a.setStatus("choose a feed first (tab, then j/k)", true)
	}
	for i := range a.list.win {
		if a.list.win[i].FeedID == ids[0] {
			a.list.win[i].Read = true
		}
	}
	return markFeedRead(a.ctx, a.lib, ids[0])
}

// focusedFeedID is the feed that r and A act on, if any.
func (a *App) focusedFeedID() []int64 {
	if a.screen == screenList {
		if e, ok := a.feeds.current(); ok && e.kind == entryFeed && (a.feedsFocused || a.list.query.FeedID != 0) {
			return []int64{e.feed.ID}
		}
	}
	if art, ok := a.current(); ok && art.FeedID != 0 {
		return []int64{art.FeedID}
	}
	return nil
}

func (a *App) browse() tea.Cmd {
	art, ok := a.current()
	if !ok {
		return nil
	}
	if art.URL == "" {
		return a.setStatus("this article has no link", true)
	}
	if why := notWebLink(art.URL); why != "" {
		return a.setStatus("not a web link: "+why, true)
	}
	return tea.Batch(openInBrowser(a.opener, art.URL), a.setStatus("opening "+art.URL, false))
}

// notWebLink says why link is not one to hand a browser (its scheme, when
// it has one), or "" when it is an http or https link.
func notWebLink(link string) string {
	u, err := url.Parse(strings.TrimSpace(link))
	switch {
	case err != nil || u.Scheme == "":
		return truncateWidth(link, 40)
	case !strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https"):
		return strings.ToLower(u.Scheme)
	case u.Host == "":
		return u.Scheme + " link without a host"
	}
	return ""
}

func (a App) handleMarked(msg markedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		return a, a.setStatus(msg.err.Error(), true)
	}
	if msg.feed {
		return a, tea.Batch(a.setStatus(msg.what, false), a.reloadFeeds())
	}
	return a, nil
}

func (a App) handleArticle(msg articleMsg) (tea.Model, tea.Cmd) {
	if msg.seq != a.reader.seq || a.screen != screenReader {
		return a, nil
	}
	a.reader.setArticle(msg)
	var cmd tea.Cmd
	switch {
	case msg.err != nil:
		cmd = a.setStatus(msg.err.Error(), true)
	case msg.hlErr != nil:
		cmd = a.setStatus(msg.hlErr.Error(), true)
	}
	render := a.layoutReader(false)
	if text := a.reader.applyPending(a.bodyHeight()); text != "" {
		cmd = a.setStatus(text, false)
	}
	return a, tea.Batch(cmd, render)
}

// resizeRenderMsg asks, a moment after a resize, for the render the new
// width needs: a drag across many widths asks for the last one only.
type resizeRenderMsg struct{ key renderKey }

// layoutReader lays the reader out for the current size and theme, and
// asks for the body's render when it is not cached.
func (a *App) layoutReader(resized bool) tea.Cmd {
	a.reader.layout(a.styles, a.width, a.cfg.TextWidth, a.isDark)
	k, ask := a.reader.need(a.cache, a.width, a.cfg.TextWidth, a.isDark)
	a.reader.clamp(a.bodyHeight())
	if !ask {
		return nil
	}
	if resized {
		a.reader.asked = renderKey{}
		return tea.Tick(40*time.Millisecond, func(time.Time) tea.Msg { return resizeRenderMsg{key: k} })
	}
	return renderBody(k, a.reader.body, a.reader.doc)
}

func (a App) handleResizeRender(msg resizeRenderMsg) (tea.Model, tea.Cmd) {
	if msg.key != a.reader.want || a.reader.hasRender() || a.reader.asked == msg.key {
		return a, nil
	}
	a.reader.asked = msg.key
	return a, renderBody(msg.key, a.reader.body, a.reader.doc)
}

func (a App) handleRendered(msg renderedMsg) (tea.Model, tea.Cmd) {
	if msg.err == nil {
		a.cache.Put(msg.key, msg.rendered)
	}
	if msg.key.ID != a.reader.article.ID || a.screen != screenReader {
		return a, nil
	}
	a.reader.rendered(msg)
	a.reader.clamp(a.bodyHeight())
	if msg.err != nil && msg.key == a.reader.want {
		return a, a.setStatus(fmt.Sprintf("render: %v", msg.err), true)
	}
	if text := a.reader.applyPending(a.bodyHeight()); text != "" {
		return a, a.setStatus(text, false)
	}
	return a, nil
}
