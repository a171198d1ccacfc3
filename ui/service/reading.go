package service

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/reader"
)

// The reader's questions: an article opened in two steps (what is stored
// at once, OpenArticle, then its page, FetchPage, when still to be had),
// or a linked page (ReadLink). Each answer carries the opening's seq, and
// is made ready for the reader off the event loop.

// ArticleMsg carries an article opened in the reader: as library
// prepared it, and marked for the reader (Doc); or why not.
type ArticleMsg struct {
	Seq     int
	Reading model.Reading
	Doc     *reader.Doc // the body's quotes, sentences, highlights and marks
	Err     error

	NeedsPage bool // the page is still to be fetched (FetchPage)
}

// OpenArticle opens what is stored of an article at once; its page, when
// still to be had (NeedsPage), is fetched next.
func OpenArticle(ctx context.Context, lib Library, seq int, id int64) tea.Cmd {
	return func() tea.Msg {
		r, needsPage, err := lib.OpenStored(ctx, id)
		if err != nil {
			return ArticleMsg{Seq: seq, Err: fmt.Errorf("open article %d: %w", id, err)}
		}
		m := readingMsg(seq, r)
		m.NeedsPage = needsPage
		return m
	}
}

// GivenArticle shows an article that is already opened.
func GivenArticle(seq int, r model.Reading) tea.Cmd {
	return func() tea.Msg { return readingMsg(seq, r) }
}

// ReadLink opens a linked page: a stored article with that link, else the
// page fetched and extracted, not stored (Library's Read).
func ReadLink(ctx context.Context, lib Library, seq int, link string) tea.Cmd {
	return func() tea.Msg {
		r, err := lib.Read(ctx, link)
		if err != nil {
			return ArticleMsg{Seq: seq, Err: err}
		}
		return readingMsg(seq, r)
	}
}

// readingMsg lays out an opened article for the reader: library has found
// its body, quotes, sentences and highlights.
func readingMsg(seq int, r model.Reading) ArticleMsg {
	return ArticleMsg{Seq: seq, Reading: r, Doc: reader.ReadingDoc(r)}
}

// PageMsg carries an article whose page was fetched (or why not): as
// library prepared it, and ready for the screen it was asked for. Fetch
// is which fetch of the opening Seq it answers.
type PageMsg struct {
	Seq, Fetch int
	Reading    model.Reading
	Ready      reader.Ready
	Err        error
}

// FetchPage fetches an article's page, prepares it and renders it wrap
// columns wide, off the event loop. Its links are resolved against the
// article's link, as an opened article's are.
func FetchPage(ctx context.Context, lib Library, seq, fetch int, id int64, wrap int, dark, images bool) tea.Cmd {
	return func() tea.Msg {
		r, err := lib.FetchPage(ctx, id)
		if err != nil {
			return PageMsg{Seq: seq, Fetch: fetch, Err: fmt.Errorf("fetch the page: %w", err)}
		}
		return PageMsg{Seq: seq, Fetch: fetch, Reading: r, Ready: reader.MakeReady(r, wrap, dark, images)}
	}
}
