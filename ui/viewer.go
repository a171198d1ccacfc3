package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/keys"
	"github.com/byline-reader/byline/ui/picture"
	"github.com/byline-reader/byline/ui/service"
)

// The picture viewer: `i` in the reader shows the first picture on the
// screen fitted to the whole window, its caption under it; j/k (or n/N)
// move to the next or previous picture, esc, q or i go back to the text.

// imageViewer is the picture on show, and its cells once they arrive.
type imageViewer struct {
	open  bool
	image int
	key   pictureKey // the fetch whose answer is shown
	lines []string
	note  string
}

// viewerRows is the rows a picture takes in the viewer: the body, less
// the caption's line and the hint's.
func (a App) viewerRows() int { return max(1, a.bodyHeight()-2) }

// openViewer shows the first picture on the reader's screen.
func (a App) openViewer() (tea.Model, tea.Cmd) {
	if a.pics.mode() == picture.Off {
		return a, a.setStatus("images are off (images in the config)", true)
	}
	boxes := a.reader.v.BoxesNear(a.bodyHeight(), 0)
	if len(boxes) == 0 {
		return a, a.setStatus("no picture on the screen", true)
	}
	return a.showViewer(boxes[0].Image)
}

// showViewer shows picture i and asks for it fitted to the window.
func (a App) showViewer(i int) (tea.Model, tea.Cmd) {
	key := pictureKey{Seq: a.reader.seq, Image: i, Cols: a.width, Rows: a.viewerRows(), Full: true}
	a.pics.viewer = imageViewer{open: true, image: i, key: key}
	pics := a.reader.doc().Pictures()
	if i >= len(pics) {
		return a, nil
	}
	if a.pics.inFlight[key] {
		delete(a.pics.inFlight, key) // asked before: ask again, the answer is not kept
	}
	return a, a.startPictureFetch(key, pics[i].URL)
}

func (a App) handleViewerKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.reader.keys
	n := len(a.reader.doc().Pictures())
	i := a.pics.viewer.image
	switch {
	case k.Matches(msg, keys.Back, keys.Image):
		a.pics.viewer = imageViewer{}
		return withPictures(a, nil)
	case k.Matches(msg, keys.Down, keys.NextQuote) && i+1 < n:
		return a.showViewer(i + 1)
	case k.Matches(msg, keys.Up, keys.PrevQuote) && i > 0:
		return a.showViewer(i - 1)
	}
	return a, nil
}

func (a App) handleViewerPicture(msg service.PictureMsg) (tea.Model, tea.Cmd) {
	if !a.pics.viewer.open || msg.Key != a.pics.viewer.key {
		return a, nil
	}
	if msg.Err != nil {
		a.pics.viewer.note = service.PictureNote(msg.Err)
		return a, nil
	}
	a.pics.viewer.lines = msg.Lines
	if msg.Raw != "" {
		return a, tea.Raw(msg.Raw)
	}
	return a, nil
}

// viewerView is the viewer's body: the picture centred, or its alt text
// while it loads, then its caption and the keys.
func (a App) viewerView(height int) string {
	v := a.pics.viewer
	pics := a.reader.doc().Pictures()
	if v.image >= len(pics) {
		return ""
	}
	p := pics[v.image]
	rows := a.viewerRows()
	body := make([]string, rows)
	if v.lines != nil {
		top := max(0, (rows-len(v.lines))/2)
		for r, l := range v.lines {
			if top+r < rows {
				body[top+r] = strings.Repeat(" ", max(0, (a.width-ansi.StringWidth(l))/2)) + l
			}
		}
	} else {
		note := v.note
		if note == "" {
			note = "loading…"
		}
		body[rows/2] = a.styles.Empty.Render(centre(clean("▣ "+p.Alt+" · "+note), a.width))
	}
	caption := centre(clean(p.Caption), a.width)
	hint := centre(fmt.Sprintf("picture %d/%d · j/k next/previous · esc back", v.image+1, len(pics)), a.width)
	text := strings.Join(body, "\n") + "\n" + a.styles.Empty.Render(caption) + "\n" + a.styles.Dim.Render(hint)
	return cells.Fit(text, a.width, height)
}

// centre pads a line of text to sit in the middle of width cells, cut
// to fit.
func centre(s string, width int) string {
	s = ansi.Truncate(s, width, "…")
	return strings.Repeat(" ", max(0, (width-ansi.StringWidth(s))/2)) + s
}
