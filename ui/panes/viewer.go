package panes

import (
	"fmt"
	"strings"

	"github.com/byline-reader/byline/model/markdown"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/service"
	"github.com/byline-reader/byline/ui/theme"
)

// Viewer is the picture viewer (i in the reader): one of the article's
// pictures fitted to the whole window, its caption under it. It keeps
// which picture is on show, the fetch whose answer it waits for, and the
// cells once they arrive (or why they will not).
type Viewer struct {
	open  bool
	image int
	key   service.PictureKey
	lines []string
	note  string
}

// ViewerRows is the rows a picture takes in a body of height rows: less
// the caption's line and the hint's.
func ViewerRows(height int) int { return max(1, height-2) }

// Show puts picture i on show, waiting for the answer to the fetch key.
func (v *Viewer) Show(i int, key service.PictureKey) {
	*v = Viewer{open: true, image: i, key: key}
}

// Close closes the viewer.
func (v *Viewer) Close() { *v = Viewer{} }

// Shows says whether the viewer is open, and which picture it shows.
func (v Viewer) Shows() (image int, open bool) { return v.image, v.open }

// Take takes the answer to a fetch: the picture's cells, or a note that
// says why there are none. It says whether the answer is for the picture
// on show; any other is not taken.
func (v *Viewer) Take(key service.PictureKey, lines []string, note string) bool {
	if !v.open || key != v.key {
		return false
	}
	if note != "" {
		v.note = note
	} else {
		v.lines = lines
	}
	return true
}

// View draws the viewer over the body: the picture centred (its alt text
// while it loads), then its caption and the keys. pics are the article's
// pictures.
func (v Viewer) View(s theme.Styles, pics []markdown.Picture, width, height int) string {
	if v.image >= len(pics) {
		return ""
	}
	p := pics[v.image]
	rows := ViewerRows(height)
	body := make([]string, rows)
	if v.lines != nil {
		top := max(0, (rows-len(v.lines))/2)
		for r, l := range v.lines {
			if top+r < rows {
				body[top+r] = cells.Spaces((width-cells.Width(l))/2) + l
			}
		}
	} else {
		note := v.note
		if note == "" {
			note = "loading…"
		}
		body[rows/2] = s.Empty.Render(centre(clean("▣ "+p.Alt+" · "+note), width))
	}
	caption := centre(clean(p.Caption), width)
	hint := centre(fmt.Sprintf("picture %d/%d · j/k next/previous · esc back", v.image+1, len(pics)), width)
	text := strings.Join(body, "\n") + "\n" + s.Empty.Render(caption) + "\n" + s.Dim.Render(hint)
	return cells.Fit(text, width, height)
}

// centre pads a line of text to sit in the middle of width cells, cut
// to fit.
func centre(s string, width int) string {
	s = cells.Cut(s, width)
	return cells.Spaces((width-cells.Width(s))/2) + s
}
