package service

import (
	"context"
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/desktop"
)

// FeedsMsg carries the subscriptions.
type FeedsMsg struct {
	Feeds []model.Feed
	Err   error
}

// LoadFeeds loads the subscriptions.
func LoadFeeds(ctx context.Context, lib Library) tea.Cmd {
	return func() tea.Msg {
		feeds, err := lib.Feeds(ctx)
		if err != nil {
			err = fmt.Errorf("load feeds: %w", err)
		}
		return FeedsMsg{Feeds: feeds, Err: err}
	}
}

// WindowMsg carries a window of headlines (from Start, of Total) for the
// list's query of generation Gen.
type WindowMsg struct {
	Gen, Start, Total int
	Articles          []model.Article
	Err               error
}

// LoadWindow counts the headlines of q and loads those from q.Offset, at
// most q.Limit.
func LoadWindow(ctx context.Context, lib Library, q model.ArticleQuery, gen int) tea.Cmd {
	return func() tea.Msg {
		count := q
		count.Offset, count.Limit = 0, 0
		total, err := lib.CountArticles(ctx, count)
		if err != nil {
			return WindowMsg{Gen: gen, Err: fmt.Errorf("count headlines: %w", err)}
		}
		arts, err := lib.Articles(ctx, q)
		if err != nil {
			err = fmt.Errorf("load headlines: %w", err)
		}
		return WindowMsg{Gen: gen, Start: q.Offset, Articles: arts, Total: total, Err: err}
	}
}

// SearchMsg carries full-text search results.
type SearchMsg struct {
	Seq      int
	Query    string
	Articles []model.Article
	Err      error
}

// Search searches the text of every stored article, for at most limit.
func Search(ctx context.Context, lib Library, seq int, query string, limit int) tea.Cmd {
	return func() tea.Msg {
		arts, err := lib.Search(ctx, query, limit)
		return SearchMsg{Seq: seq, Query: query, Articles: arts, Err: err}
	}
}

// MarkedMsg says an article's mark was stored (What was done to it), or
// why not.
type MarkedMsg struct {
	What string
	Err  error
}

// Mark stores an article's read or starred mark (nil: left as is); what
// says which, for an error.
func Mark(ctx context.Context, lib Library, id int64, read, starred *bool, what string) tea.Cmd {
	return func() tea.Msg {
		_, err := lib.Mark(ctx, []int64{id}, read, starred)
		if err != nil {
			err = fmt.Errorf("%s: %w", what, err)
		}
		return MarkedMsg{What: what, Err: err}
	}
}

// RefreshStartedMsg hands the app the stream of refresh Gen.
type RefreshStartedMsg struct {
	Gen int
	Ch  <-chan model.FeedDone
	Err error
}

// StartRefresh starts refreshing the given feeds (all when none).
func StartRefresh(ctx context.Context, lib Library, gen int, ids ...int64) tea.Cmd {
	return func() tea.Msg {
		ch, err := lib.RefreshStream(ctx, ids...)
		if err != nil {
			err = fmt.Errorf("refresh: %w", err)
		}
		return RefreshStartedMsg{Gen: gen, Ch: ch, Err: err}
	}
}

// StartDueRefresh starts refreshing what is due (automatic refresh).
func StartDueRefresh(ctx context.Context, lib Library, gen int) tea.Cmd {
	return func() tea.Msg {
		ch, err := lib.RefreshDueStream(ctx)
		if err != nil {
			err = fmt.Errorf("automatic refresh: %w", err)
		}
		return RefreshStartedMsg{Gen: gen, Ch: ch, Err: err}
	}
}

// FeedDoneMsg is one feed of refresh Gen, stored; Done is set when the
// stream ended instead.
type FeedDoneMsg struct {
	Gen      int
	FeedDone model.FeedDone
	Done     bool
}

// NextFeedDone waits for the next feed of a refresh: the app asks again
// after each one, so results arrive one message at a time.
func NextFeedDone(ctx context.Context, gen int, ch <-chan model.FeedDone) tea.Cmd {
	return func() tea.Msg {
		select {
		case fd, ok := <-ch:
			return FeedDoneMsg{Gen: gen, FeedDone: fd, Done: !ok}
		case <-ctx.Done():
			return FeedDoneMsg{Gen: gen, Done: true}
		}
	}
}

// IndexedMsg says the search index caught up with a refresh (N articles
// indexed), or why not.
type IndexedMsg struct {
	N   int
	Err error
}

// IndexSearch brings the full-text index up to date after a refresh, in
// the background, so that the next search does not have to.
func IndexSearch(ctx context.Context, lib Library) tea.Cmd {
	return func() tea.Msg {
		n, err := lib.IndexSearch(ctx)
		if err != nil {
			err = fmt.Errorf("update the search index: %w", err)
		}
		return IndexedMsg{N: n, Err: err}
	}
}

// BrowserMsg says whether a link could be opened and, when not, why and
// how it was copied instead.
type BrowserMsg struct {
	Err    error
	Why    string // "no browser found", "the browser did not start"
	Copied string // how the link was copied: "OSC 52", "OSC 52 + xclip"
}

// OpenOrCopy opens a web link with the browser; when there is none, or it
// does not start, it copies the link instead (OSC 52, and the clipboard
// tool when there is one) and says why.
func OpenOrCopy(ctx context.Context, o Opener, c Clipboard, url string) tea.Cmd {
	return func() tea.Msg {
		err := fmt.Errorf("%w: none configured", desktop.ErrNoBrowser)
		if o != nil {
			err = o.Open(url)
		}
		if err == nil {
			return BrowserMsg{}
		}
		msg := BrowserMsg{Err: err, Why: "the browser did not start", Copied: "OSC 52"}
		if errors.Is(err, desktop.ErrNoBrowser) {
			msg.Why = "no browser found"
		}
		if c != nil {
			if tool, cerr := c.Copy(ctx, url); tool != "" && cerr == nil {
				msg.Copied += " + " + tool
			}
		}
		return tea.BatchMsg{tea.SetClipboard(url), func() tea.Msg { return msg }}
	}
}

// MailMsg says whether a mailto: link could be handed to the system;
// desktop.ErrNoMailProgram when nothing is there to take it.
type MailMsg struct {
	Link string
	Err  error
}

// OpenMail hands a mailto: link to the mail program.
func OpenMail(o Opener, link string) tea.Cmd {
	return func() tea.Msg {
		if o == nil {
			return MailMsg{Link: link, Err: desktop.ErrNoMailProgram}
		}
		return MailMsg{Link: link, Err: o.Open(link)}
	}
}

// PlayedMsg says whether the player started on an article's file;
// desktop.ErrNoPlayer when none is configured.
type PlayedMsg struct{ Err error }

// Play starts the player (desktop.Player) on a file's URL.
func Play(o Opener, url string) tea.Cmd {
	return func() tea.Msg {
		if o == nil {
			return PlayedMsg{Err: desktop.ErrNoPlayer}
		}
		return PlayedMsg{Err: o.Open(url)}
	}
}

// CopiedMsg says what was copied and whether a native tool copied it too
// (the app writes OSC 52 itself).
type CopiedMsg struct {
	What string
	Tool string // "" when none was found
	Err  error
}

// Copy copies with the machine's clipboard tool, if it has one.
func Copy(ctx context.Context, c Clipboard, text, what string) tea.Cmd {
	return func() tea.Msg {
		if c == nil {
			return CopiedMsg{What: what}
		}
		tool, err := c.Copy(ctx, text)
		return CopiedMsg{What: what, Tool: tool, Err: err}
	}
}
