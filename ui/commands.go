package ui

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/desktop"
	"github.com/byline-reader/byline/ui/reader"
)

// Commands: every piece of IO the app does, each with a context.

// windowSize is how many headlines the list keeps loaded around its cursor.
const windowSize = 400

// searchLimit is how many full-text results ctrl+f shows.
const searchLimit = 500

func loadFeeds(ctx context.Context, lib Library) tea.Cmd {
	return func() tea.Msg {
		feeds, err := lib.Feeds(ctx)
		if err != nil {
			err = fmt.Errorf("load feeds: %w", err)
		}
		return feedsMsg{feeds: feeds, err: err}
	}
}

func loadWindow(ctx context.Context, lib Library, q model.ArticleQuery, gen, start int) tea.Cmd {
	return func() tea.Msg {
		total, err := lib.CountArticles(ctx, q)
		if err != nil {
			return windowMsg{gen: gen, err: fmt.Errorf("count headlines: %w", err)}
		}
		q.Offset, q.Limit = start, windowSize
		arts, err := lib.Articles(ctx, q)
		if err != nil {
			err = fmt.Errorf("load headlines: %w", err)
		}
		return windowMsg{gen: gen, start: start, articles: arts, total: total, err: err}
	}
}

func runSearch(ctx context.Context, lib Library, seq int, query string) tea.Cmd {
	return func() tea.Msg {
		arts, err := lib.Search(ctx, query, searchLimit)
		return searchMsg{seq: seq, query: query, articles: arts, err: err}
	}
}

func openArticle(ctx context.Context, lib Library, seq int, id int64) tea.Cmd {
	return func() tea.Msg {
		r, err := lib.OpenArticle(ctx, id)
		if err != nil {
			return articleMsg{seq: seq, err: fmt.Errorf("open article %d: %w", id, err)}
		}
		return readingMsg(seq, r)
	}
}

// givenArticle shows an article that is already opened.
func givenArticle(seq int, r model.Reading) tea.Cmd {
	return func() tea.Msg { return readingMsg(seq, r) }
}

// readingMsg lays out an opened article for the reader: library has found
// its body, quotes, sentences and highlights.
func readingMsg(seq int, r model.Reading) articleMsg {
	return articleMsg{
		seq: seq, article: r.Article, body: r.Body, minutes: r.Minutes, hls: r.Highlights, hlErr: r.HighlightsErr,
		doc: reader.NewDoc(r.Body, r.Quotes, r.Sentences, r.Highlights),
	}
}

// renderBody lays an article's body out with Glamour, off the event loop:
// its doc's marked source, or the body itself without a doc.
func renderBody(key renderKey, body string, doc *reader.Doc) tea.Cmd {
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

func mark(ctx context.Context, lib Library, id int64, read, starred *bool, what string) tea.Cmd {
	return func() tea.Msg {
		_, err := lib.Mark(ctx, []int64{id}, read, starred)
		if err != nil {
			err = fmt.Errorf("%s: %w", what, err)
		}
		return markedMsg{what: what, err: err}
	}
}

func markFeedRead(ctx context.Context, lib Library, feedID int64) tea.Cmd {
	return func() tea.Msg {
		n, err := lib.MarkFeedRead(ctx, feedID)
		if err != nil {
			return markedMsg{err: fmt.Errorf("mark feed read: %w", err), feed: true}
		}
		return markedMsg{what: fmt.Sprintf("marked %d %s read", n, plural(n, "article", "articles")), feed: true}
	}
}

func startRefresh(ctx context.Context, lib Library, gen int, ids ...int64) tea.Cmd {
	return func() tea.Msg {
		ch, err := lib.RefreshStream(ctx, ids...)
		if err != nil {
			err = fmt.Errorf("refresh: %w", err)
		}
		return refreshStartedMsg{gen: gen, ch: ch, err: err}
	}
}

// nextFeedDone waits for the next feed of a refresh: the app re-issues it
// after each one, so results arrive one message at a time.
func nextFeedDone(ctx context.Context, gen int, ch <-chan model.FeedDone) tea.Cmd {
	return func() tea.Msg {
		select {
		case fd, ok := <-ch:
			return feedDoneMsg{gen: gen, fd: fd, done: !ok}
		case <-ctx.Done():
			return feedDoneMsg{gen: gen, done: true}
		}
	}
}

// indexSearch brings the full-text index up to date after a refresh, in
// the background, so that the next ctrl+f search does not have to.
func indexSearch(ctx context.Context, lib Library) tea.Cmd {
	return func() tea.Msg {
		n, err := lib.IndexSearch(ctx)
		if err != nil {
			err = fmt.Errorf("update the search index: %w", err)
		}
		return indexedMsg{n: n, err: err}
	}
}

func autoRefreshTick(every time.Duration) tea.Cmd {
	if every <= 0 {
		return nil
	}
	return tea.Tick(every, func(time.Time) tea.Msg { return autoRefreshMsg{} })
}

func openInBrowser(o Opener, url string) tea.Cmd {
	return func() tea.Msg {
		if o == nil {
			return browserMsg{err: fmt.Errorf("no browser configured")}
		}
		return browserMsg{err: o.Open(url)}
	}
}

func clearStatusAfter(seq int, d time.Duration) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return statusTimeoutMsg{seq: seq} })
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func loadHighlights(ctx context.Context, lib Library, seq int) tea.Cmd {
	return func() tea.Msg {
		items, err := lib.Highlights(ctx, 0)
		if err != nil {
			err = fmt.Errorf("load highlights: %w", err)
		}
		return highlightListMsg{seq: seq, items: items, err: err}
	}
}

func addHighlight(ctx context.Context, lib Library, articleID int64, text string, s model.Span, what string) tea.Cmd {
	return func() tea.Msg {
		h, err := lib.AddHighlight(ctx, articleID, text, s.Start, s.End)
		if err != nil {
			return highlightMsg{err: fmt.Errorf("highlight: %w", err)}
		}
		// The reader places highlights in the body it shows.
		h.ArticleID, h.Start, h.End = articleID, s.Start, s.End
		return highlightMsg{added: h, what: what}
	}
}

func removeHighlight(ctx context.Context, lib Library, h model.Highlight) tea.Cmd {
	return func() tea.Msg {
		if err := lib.RemoveHighlight(ctx, h.ID); err != nil {
			return highlightMsg{err: fmt.Errorf("remove highlight: %w", err)}
		}
		return highlightMsg{removed: h.ID}
	}
}

func loadSetting(ctx context.Context, lib Library, key string) tea.Cmd {
	return func() tea.Msg {
		v, err := lib.Setting(ctx, key)
		if err != nil {
			err = fmt.Errorf("load setting %s: %w", key, err)
		}
		return settingMsg{key: key, value: v, err: err}
	}
}

func saveSetting(ctx context.Context, lib Library, key, value string) tea.Cmd {
	return func() tea.Msg {
		err := lib.SetSetting(ctx, key, value)
		if err != nil {
			err = fmt.Errorf("save setting %s: %w", key, err)
		}
		return settingSavedMsg{key: key, value: value, err: err}
	}
}

// copyNative copies with the machine's clipboard tool, if it has one.
func copyNative(ctx context.Context, c Clipboard, text, what string) tea.Cmd {
	return func() tea.Msg {
		if c == nil {
			return copiedMsg{what: what}
		}
		tool, err := c.Copy(ctx, text)
		return copiedMsg{what: what, tool: tool, err: err}
	}
}

func openMail(o Opener, link string) tea.Cmd {
	return func() tea.Msg {
		if o == nil {
			return mailMsg{link: link, err: desktop.ErrNoMailProgram}
		}
		return mailMsg{link: link, err: o.Open(link)}
	}
}
