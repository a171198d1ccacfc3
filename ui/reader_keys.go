package ui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/panes"
	"github.com/byline-reader/byline/ui/picture"
	"github.com/byline-reader/byline/ui/reader"
	"github.com/byline-reader/byline/ui/service"
)

// The reader's keys, and the answers it waits for: the article, then its
// render for the window's width and theme.

func (a App) handleReaderKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.reader.Keys()
	if a.viewerOpen() {
		return a.handleViewerKey(msg)
	}
	if cmd, ok := a.handleFindKey(msg); ok {
		return a, cmd
	}
	if cmd, ok := a.handleFetchKey(msg); ok {
		return a, cmd
	}
	switch {
	case k.Matches(msg, keys.Back) && len(a.trail) > 0:
		return a.walkBack()
	case k.Matches(msg, keys.Image):
		return a.openViewer()
	case k.Matches(msg, keys.Back) && a.single:
		return a, tea.Quit
	case k.Matches(msg, keys.Back):
		a.screen = screenList
		a.list.Clamp(a.bodyHeight())
		return a, a.ensureWindow()
	case k.Matches(msg, keys.Filter):
		return a, a.prompt.Open(panes.PromptFind, "")
	case k.Matches(msg, keys.Highlight):
		return a, a.toggleHighlight()
	case k.Matches(msg, keys.Quotes):
		return a.openQuotes()
	case k.Matches(msg, keys.Links):
		return a.openLinks()
	case k.Matches(msg, keys.NextUnread, keys.PrevUnread):
		return a.nextUnread(k.Matches(msg, keys.PrevUnread))
	case k.Matches(msg, keys.Play):
		return a, a.play()
	case k.Matches(msg, keys.Comments):
		return a, a.openComments()
	}
	if m, cmd, ok := a.handleFocusKey(msg, k); ok {
		return m, cmd
	}
	if m, cmd, ok := a.handleArticleKey(msg, k); ok {
		return m, cmd
	}
	a.reader.Key(msg, a.bodyHeight())
	return a, nil
}

// handleFocusKey moves the focus to the next or previous quote or
// sentence; ok is false for any other key.
func (a App) handleFocusKey(msg tea.KeyPressMsg, k keys.Map) (tea.Model, tea.Cmd, bool) {
	kind, dir := reader.Quote, 0
	switch {
	case k.Matches(msg, keys.NextQuote):
		dir = 1
	case k.Matches(msg, keys.PrevQuote):
		dir = -1
	case k.Matches(msg, keys.NextSentence):
		kind, dir = reader.Sentence, 1
	case k.Matches(msg, keys.PrevSentence):
		kind, dir = reader.Sentence, -1
	default:
		return nil, nil, false
	}
	text, ok := a.reader.Text().Move(kind, dir, a.bodyHeight())
	return a, a.setStatus(text, !ok), true
}

// reading is the article in the reader: its pane, and what the app keeps
// beside it while the article is open (a page on the trail keeps both).
type reading struct {
	panes.Reader
	page     pageFetch // the fetch of the article's page (reader_fetch.go)
	notFound int       // the status of find's last "not found" (reader_find.go)
}

// openReader shows headline in the reader at once, while the whole article
// loads, and returns the opening's seq, which the load must carry.
func (a *App) openReader(headline model.Article) int {
	a.openSeq++
	a.reader.Open(a.openSeq, headline)
	a.reader.page, a.reader.notFound = pageFetch{}, 0
	a.screen = screenReader
	a.reader.Layout(a.styles, a.width, a.cfg.TextWidth, a.isDark)
	return a.openSeq
}

func (a App) handleArticle(msg service.ArticleMsg) (tea.Model, tea.Cmd) {
	if msg.Seq != a.reader.Seq() || a.screen != screenReader {
		return a, nil
	}
	if msg.Doc != nil && a.pics.mode() == picture.Off {
		msg.Doc = msg.Doc.WithoutImages()
	}
	a.reader.Loaded(msg.Reading, msg.Doc, msg.Err)
	fetch := a.fetchIfNeeded(msg)
	var cmd tea.Cmd
	switch {
	case msg.Err != nil:
		cmd = a.setStatus(msg.Err.Error(), true)
	case msg.Reading.HighlightsErr != nil:
		cmd = a.setStatus(msg.Reading.HighlightsErr.Error(), true)
	}
	render := a.layoutReader(false)
	if text := a.reader.ApplyPending(a.bodyHeight()); text != "" {
		cmd = a.setStatus(text, false)
	}
	return a, tea.Batch(cmd, render, fetch)
}

// resizeRenderMsg asks, a moment after a resize, for the render the new
// width needs: a drag across many widths asks for the last one only.
type resizeRenderMsg struct{ key reader.Key }

// layoutReader lays the reader out for the current size and theme, and
// asks for the body's render when it is not cached.
func (a *App) layoutReader(resized bool) tea.Cmd {
	a.reader.Layout(a.styles, a.width, a.cfg.TextWidth, a.isDark)
	k, ask := a.reader.Need(a.cache, a.width, a.cfg.TextWidth, a.isDark)
	a.reader.Text().Clamp(a.bodyHeight())
	if !ask {
		return nil
	}
	if resized {
		a.reader.DeferRender()
		return tea.Tick(40*time.Millisecond, func(time.Time) tea.Msg { return resizeRenderMsg{key: k} })
	}
	return renderBody(k, a.reader.Body(), a.reader.Doc())
}

func (a App) handleResizeRender(msg resizeRenderMsg) (tea.Model, tea.Cmd) {
	if !a.reader.AskDeferred(msg.key) {
		return a, nil
	}
	return a, renderBody(msg.key, a.reader.Body(), a.reader.Doc())
}

func (a App) handleRendered(msg renderedMsg) (tea.Model, tea.Cmd) {
	if msg.err == nil {
		a.cache.Put(msg.key, msg.rendered)
	}
	if msg.key.ID != a.reader.Article().ID || a.screen != screenReader {
		return a, nil
	}
	a.reader.Rendered(msg.key, msg.rendered, msg.err)
	a.reader.Text().Clamp(a.bodyHeight())
	if msg.err != nil && msg.key == a.reader.Want() {
		return a, a.setStatus(fmt.Sprintf("render: %v", msg.err), true)
	}
	if text := a.reader.ApplyPending(a.bodyHeight()); text != "" {
		return a, a.setStatus(text, false)
	}
	return a, nil
}

// handleReading takes the answers about the article in the reader: it
// opened, its page, its render, its pictures; ok is false for any other
// message.
func (a App) handleReading(msg tea.Msg) (m tea.Model, cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case service.ArticleMsg:
		m, cmd = a.handleArticle(msg)
	case service.PageMsg:
		m, cmd = a.handlePage(msg)
	case renderedMsg:
		m, cmd = withPictures(a.handleRendered(msg))
	case service.PictureMsg:
		m, cmd = withPictures(a.handlePicture(msg))
	case resizeRenderMsg:
		m, cmd = a.handleResizeRender(msg)
	default:
		return nil, nil, false
	}
	return m, cmd, true
}

// The reader's render: its body laid out by Glamour, in a command.

// renderedMsg carries a Glamour render of an article's body.
type renderedMsg struct {
	key      reader.Key
	rendered *reader.Rendered
	err      error
}

// renderBody lays an article's body out with Glamour, off the event loop:
// its doc's marked source, or the body itself without a doc.
func renderBody(key reader.Key, body string, doc *reader.Doc) tea.Cmd {
	return func() tea.Msg {
		var r *reader.Rendered
		var err error
		if doc == nil {
			r, err = reader.RenderPlain(body, key.Width, key.Dark)
		} else {
			r, err = reader.Render(doc, key.Width, key.Dark)
		}
		return renderedMsg{key: key, rendered: r, err: err}
	}
}
