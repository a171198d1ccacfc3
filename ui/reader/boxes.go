package reader

import (
	"strings"

	"github.com/byline-reader/byline/ui/reader/typeset"
	"github.com/charmbracelet/x/ansi"
)

// What the View does with the pictures' boxes: the cells the app made for
// each picture, painted in its box when they were made for the render's
// width; a label with the alt text until then, or with why it failed.

// pictureCells is what the app gave for one picture: its lines, made for
// a box width cells wide and centred in it, or the reason it shows none.
type pictureCells struct {
	width int
	lines []string
	note  string
}

// loadingNote is what a box says while its picture is fetched.
const loadingNote = "loading…"

// setBoxes keeps where the pictures stand, and each line's box.
func (r *Rendered) setBoxes(boxes []Box) {
	if len(boxes) == 0 {
		return
	}
	r.boxes = boxes
	r.boxOf = make([]int32, len(r.Lines))
	for i := range r.boxOf {
		r.boxOf[i] = -1
	}
	for k, b := range boxes {
		for l := b.Line; l < b.Line+b.Rows && l < len(r.boxOf); l++ {
			r.boxOf[l] = int32(k)
		}
	}
}

// SetPicture shows picture image's lines, made for boxes width cells
// wide (a box of another width keeps its label); each is centred here.
func (v *View) SetPicture(image, width int, lines []string) {
	if v.pics == nil {
		v.pics = map[int]pictureCells{}
	}
	centred := make([]string, len(lines))
	for i, l := range lines {
		centred[i] = strings.Repeat(" ", max(0, (width-ansi.StringWidth(l))/2)) + l
	}
	v.pics[image] = pictureCells{width: width, lines: centred}
}

// SetPictureNote shows, in picture image's box, why it has no picture (a
// short label such as "image too large").
func (v *View) SetPictureNote(image int, note string) {
	if v.pics == nil {
		v.pics = map[int]pictureCells{}
	}
	v.pics[image] = pictureCells{note: note}
}

// PictureShown says whether picture image has cells for boxes width
// wide, or a note saying why it has none: nothing more to fetch.
func (v *View) PictureShown(image, width int) bool {
	p, ok := v.pics[image]
	return ok && (p.note != "" || p.width == width)
}

// BoxesNear are the boxes on the screen, height lines from the top line,
// and in the ahead lines below it, in order.
func (v *View) BoxesNear(height, ahead int) []Box {
	if v.rendered == nil || v.doc.ImagesOff() {
		return nil
	}
	top := v.offset - len(v.header)
	bottom := top + height + ahead
	var out []Box
	for _, b := range v.rendered.boxes {
		if b.Line+b.Rows > top && b.Line < bottom {
			out = append(out, b)
		}
	}
	return out
}

// boxLine paints body line i when a box holds it; ok is false when none
// does.
func (v *View) boxLine(st *Styles, i int) (l string, ok bool) {
	r := v.rendered
	if r == nil || r.boxOf == nil || i < 0 || i >= len(r.boxOf) || r.boxOf[i] < 0 {
		return "", false
	}
	b := r.boxes[r.boxOf[i]]
	row := i - b.Line
	p := v.pics[b.Image]
	if !v.doc.ImagesOff() && p.lines != nil && p.width == b.Cols {
		top := (b.Rows - len(p.lines)) / 2
		if row >= top && row-top < len(p.lines) {
			return p.lines[row-top], true
		}
		return "", true
	}
	if row != b.Rows/2 {
		return "", true
	}
	return st.Empty.Render(v.boxLabel(b, p.note)), true
}

// boxLabel is the line a box shows without its picture: the alt text
// and, unless images are off, why there is no picture yet; centred.
func (v *View) boxLabel(b Box, note string) string {
	alt := "image"
	if pics := v.doc.images; b.Image < len(pics) && pics[b.Image].Alt != "" {
		alt = pics[b.Image].Alt
	}
	label := "▣ " + alt
	if !v.doc.ImagesOff() {
		if note == "" {
			note = loadingNote
		}
		label += " · " + note
	}
	label = ansi.Truncate(label, b.Cols, "…")
	if b.Rows == 1 { // images off: a line of the text, set in as it is
		return strings.Repeat(" ", typeset.Margin) + label
	}
	return strings.Repeat(" ", max(0, (b.Cols-ansi.StringWidth(label))/2)) + label
}
