package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui/reader"
	"github.com/byline-reader/byline/ui/service"
)

// The reader's keys for an article's files and its discussion: p plays
// the first file with the configured player, c opens the comments page.

// play starts the player on the article's first file.
func (a *App) play() tea.Cmd {
	art := a.reader.Article()
	if len(art.Enclosures) == 0 {
		return a.setStatus("this article has no file to play", true)
	}
	f := art.Enclosures[0]
	return tea.Batch(service.Play(a.player, f.URL), a.setStatus("playing: "+reader.FilesLine(art), false))
}

// openComments opens the article's comments page in the browser.
func (a *App) openComments() tea.Cmd {
	art := a.reader.Article()
	if art.Comments == "" {
		return a.setStatus("this article has no comments page", true)
	}
	return a.openLink(art.Comments)
}
