package reader

import (
	"strconv"
	"strings"

	"github.com/byline-reader/byline/model"
)

// renderingLine stands for the body until its render arrives.
const renderingLine = "rendering…"

// View is what the reader shows of one article, and where: the header,
// the render of the body for the current width and theme (none while it
// is made: a render for another width is never drawn), the scroll
// position, the focus, the highlights and the search in it. The zero
// View shows nothing; the app keeps one per reader and tells it what
// arrived (SetDoc, SetHeader, SetRender) and what the keys ask for.
type View struct {
	doc    *Doc              // nil until the article is loaded, or without one
	hls    []model.Highlight // the article's highlights, anchored to the doc's body
	focus  Focus             // the quote, sentence or highlight in focus
	bits   []uint8           // the look of each region; nil without a doc
	header []string
	// rendered is the render shown (its lines, and its pictures' boxes);
	// nil while one is made.
	rendered *Rendered
	marks    *bodyMarks           // where the doc's marks fell in the last render
	offset   int                  // the top line shown, counting the header's
	frac     float64              // the scroll position, kept across renders
	find     finder               // the search in the article (find.go)
	pics     map[int]pictureCells // each picture's cells or note (boxes.go)
}

// SetDoc takes the loaded article's doc and highlights.
func (v *View) SetDoc(doc *Doc, hls []model.Highlight) {
	v.doc, v.hls = doc, hls
	v.restyle()
}

// Doc is the loaded article's doc, nil before it arrives.
func (v View) Doc() *Doc { return v.doc }

// SetHeader takes the header (see Header) laid out for a new width or
// theme.
func (v *View) SetHeader(lines []string) {
	v.header = lines
}

// SetRender shows a render of the body, at the same place in the article
// as the last one.
func (v *View) SetRender(r *Rendered) {
	v.rendered, v.marks = r, r.marks
	v.offset = int(v.frac * float64(len(v.header)+len(r.Lines)))
}

// ClearRender stops showing the render: a new one, for another width or
// theme, is being made. Until it arrives the body is a line saying so.
func (v *View) ClearRender() { v.rendered = nil }

// HasRender says a render is shown.
func (v *View) HasRender() bool { return v.body() != nil }

// Len is the lines of the article: the header's and the body's.
func (v *View) Len() int { return len(v.header) + len(v.body()) }

// Offset is the line at the top of the screen, counting the header's.
func (v *View) Offset() int { return v.offset }

// Scroll moves the screen n lines down (up when n < 0), within the
// article.
func (v *View) Scroll(n, height int) {
	v.offset += n
	v.Clamp(height)
}

// ScrollTo puts line at the top of the screen, or as near as the article
// allows: ScrollTo(v.Len(), height) shows its end.
func (v *View) ScrollTo(line, height int) {
	v.offset = line
	v.Clamp(height)
}

// Clamp keeps a screen height lines high within the article.
func (v *View) Clamp(height int) {
	n := len(v.header) + max(1, len(v.body()))
	v.offset = min(max(0, v.offset), max(0, n-height))
	if n > 0 {
		v.frac = float64(v.offset) / float64(n)
	}
}

// Percent is how far through the article the bottom of the screen is.
func (v *View) Percent(height int) string {
	n := len(v.header) + max(1, len(v.body()))
	if n <= height {
		return "all"
	}
	return strconv.Itoa(min(100, (v.offset+height)*100/n)) + "%"
}

// Draw is the screen: height lines from the top line on, the body's
// painted in the looks of its quotes, highlights, speakers, focus and
// links, and all centred in a window width wide.
func (v *View) Draw(st *Styles, width, textWidth, height int) string {
	pad := strings.Repeat(" ", max(0, (width-WrapWidth(width, textWidth))/2))
	end := min(v.contentLen(), v.offset+height)
	var hrefs map[int32]string
	if st.Hyperlinks && v.doc != nil {
		hrefs = v.doc.links.hrefs
	}
	var b strings.Builder
	for i := v.offset; i < end; i++ {
		if i > v.offset {
			b.WriteByte('\n')
		}
		l := v.contentLine(i)
		if i == len(v.header) && v.body() == nil {
			l = st.Empty.Render("  " + l)
		} else if box, ok := v.boxLine(st, i-len(v.header)); ok {
			l = box
		} else if i >= len(v.header) && v.marks != nil {
			l = v.marks.paintLinked(i-len(v.header), l, v.bits, hrefs, &st.spans)
		}
		l = v.paintMatches(i, l)
		b.WriteString(pad)
		b.WriteString(l)
	}
	return b.String()
}

// body is the render's lines; nil while it is made.
func (v *View) body() []string {
	if v.rendered == nil {
		return nil
	}
	return v.rendered.Lines
}

// contentLen is how many lines scroll: the header's, then the body's (one
// while it renders).
func (v *View) contentLen() int {
	if v.body() == nil {
		return len(v.header) + 1
	}
	return len(v.header) + len(v.body())
}

// contentLine is line i of what scrolls, unpainted.
func (v *View) contentLine(i int) string {
	switch {
	case i < len(v.header):
		return v.header[i]
	case v.body() == nil:
		return renderingLine
	}
	return v.body()[i-len(v.header)]
}
