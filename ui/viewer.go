package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/panes"
	"github.com/byline-reader/byline/ui/picture"
	"github.com/byline-reader/byline/ui/service"
)

// The picture viewer (panes.Viewer): `i` in the reader shows the first
// picture on the screen fitted to the whole window, its caption under it;
// j/k (or n/N) move to the next or previous picture, esc, q or i go back
// to the text.

// viewerOpen says whether the picture viewer is on show.
func (a App) viewerOpen() bool {
	_, open := a.pics.viewer.Shows()
	return open
}

// openViewer shows the first picture on the reader's screen.
func (a App) openViewer() (tea.Model, tea.Cmd) {
	if a.pics.mode() == picture.Off {
		return a, a.setStatus("images are off (images in the config)", true)
	}
	boxes := a.reader.Text().BoxesNear(a.bodyHeight(), 0)
	if len(boxes) == 0 {
		return a, a.setStatus("no picture on the screen", true)
	}
	return a, a.showViewer(boxes[0].Image)
}

// showViewer shows picture i and asks for it fitted to the window.
func (a *App) showViewer(i int) tea.Cmd {
	key := pictureKey{Seq: a.reader.Seq(), Image: i, Cols: a.width, Rows: panes.ViewerRows(a.bodyHeight()), Full: true}
	a.pics.viewer.Show(i, key)
	pics := a.reader.Doc().Pictures()
	if i >= len(pics) {
		return nil
	}
	a.pics.fetches.Done(key) // asked before: ask again, the answer is not kept
	return a.startPictureFetch(key, pics[i].URL)
}

func (a App) handleViewerKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.reader.Keys()
	n := len(a.reader.Doc().Pictures())
	i, _ := a.pics.viewer.Shows()
	switch {
	case k.Matches(msg, keys.Back, keys.Image):
		a.pics.viewer.Close()
		return withPictures(a, nil)
	case k.Matches(msg, keys.Down, keys.NextQuote) && i+1 < n:
		return a, a.showViewer(i + 1)
	case k.Matches(msg, keys.Up, keys.PrevQuote) && i > 0:
		return a, a.showViewer(i - 1)
	}
	return a, nil
}

func (a App) handleViewerPicture(msg service.PictureMsg) (tea.Model, tea.Cmd) {
	note := ""
	if msg.Err != nil {
		note = service.PictureNote(msg.Err)
	}
	if !a.pics.viewer.Take(msg.Key, msg.Lines, note) || msg.Err != nil || msg.Raw == "" {
		return a, nil
	}
	return a, tea.Raw(msg.Raw)
}
