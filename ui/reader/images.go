package reader

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/markdown"
)

// Pictures in the body. Each image that stands as a block of its own
// (its line holds nothing else) gets a box of lines in the render, where
// it stands, of a size fixed by the width alone, so that the text never
// moves when the picture arrives. The box is made by replacing the
// image's syntax, in the source Glamour lays out, by a token paragraph of
// two private-use runes (imageToken, then imageDigit0 plus the image's
// number) padded to the same length, so that every offset of the body
// stays where it was; Render finds the token's line and puts the box's
// lines in its place before the marks are read.
const (
	imageToken  = '\uE000'
	imageDigit0 = '\uE100'
	maxImages   = 0x1000 // images with a box; later ones stay inline
	tokenLen    = 6      // two runes of three bytes
)

// Box is where a picture stands in a render: Rows lines from body line
// Line (counted without the header), Cols cells wide, for Image, the
// image's index in Doc.Pictures.
type Box struct {
	Image, Line, Rows, Cols int
}

// BoxRows is how many lines a picture's box takes at a width: about 16:9
// at cells twice as tall as wide, never more than 18 lines.
func BoxRows(width int) int { return min(18, max(4, (width*9+16)/32)) }

// docImage is an image with a box: the picture and where its token is.
type docImage struct {
	markdown.Picture
	tokenAt int // the byte where its token's line begins, in the body
}

// Pictures are the images with a box, in order; their alt text and
// caption are sanitised, one line each.
func (d *Doc) Pictures() []markdown.Picture {
	if d == nil {
		return nil
	}
	out := make([]markdown.Picture, len(d.images))
	for i, im := range d.images {
		out[i] = im.Picture
	}
	return out
}

// WithoutImages is the doc with each picture's box one line, its alt
// text: the reader set to show no images.
func (d *Doc) WithoutImages() *Doc {
	c := *d
	c.imagesOff = true
	c.sig ^= 0x9e3779b97f4a7c15
	return &c
}

// ImagesOff says the doc shows no pictures, only their alt text.
func (d *Doc) ImagesOff() bool { return d != nil && d.imagesOff }

// tokenizeImages finds, of the body's images pics (markdown.Refs's), the
// ones standing as blocks and replaces each one's syntax by its token,
// padded with spaces to the same length, with a line break before or
// after when it shares a paragraph.
func tokenizeImages(body string, pics []markdown.Picture) (string, []docImage) {
	var b strings.Builder
	var images []docImage
	last := 0
	for _, p := range pics {
		if len(images) == maxImages {
			break
		}
		lineStart := strings.LastIndexByte(body[:p.Start], '\n') + 1
		lineEnd, next := markdown.NextLine(body, p.End)
		if lineStart != p.Start || strings.TrimSpace(body[p.End:lineEnd]) != "" || p.Start < last {
			continue // not alone on its line
		}
		before := lineStart > 0 && !markdown.PrevBlank(body, lineStart)
		after := next < len(body) && !blankLine(body, next)
		need := tokenLen + boolInt(before) + boolInt(after)
		if p.End-p.Start < need {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(body))
		}
		b.WriteString(body[last:p.Start])
		at := p.Start
		if before {
			b.WriteByte('\n')
			at++
		}
		b.WriteRune(imageToken)
		b.WriteRune(imageDigit0 + rune(len(images)))
		b.WriteString(strings.Repeat(" ", p.End-p.Start-need))
		if after {
			b.WriteByte('\n')
		}
		last = p.End
		p.Alt, p.Caption = model.SanitizeLine(p.Alt), model.SanitizeLine(p.Caption)
		images = append(images, docImage{Picture: p, tokenAt: at})
	}
	if len(images) == 0 {
		return body, nil
	}
	b.WriteString(body[last:])
	return b.String(), images
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// blankLine says whether the line of body that starts at from is blank.
func blankLine(body string, from int) bool {
	end, _ := markdown.NextLine(body, from)
	return strings.TrimSpace(body[from:end]) == ""
}

// moveEventsOutOfImages puts the marks that fall within an image's
// syntax (a sentence found in its alt text, one that ends with it) at the
// start of its token's line, where they cannot split the token; Render
// keeps them on the box's first line.
func moveEventsOutOfImages(events []docEvent, images []docImage) {
	if len(images) == 0 {
		return
	}
	for i := range events {
		pos := events[i].pos
		// The first image that ends at or after the event (images are in
		// the body's order and do not overlap).
		k := sort.Search(len(images), func(k int) bool { return images[k].End >= pos })
		if k < len(images) && images[k].Start <= pos {
			events[i].pos = images[k].tokenAt
		}
	}
}

// imageLine says which image's token a rendered line is (before its
// marks are taken out), or -1.
func imageLine(l string) int {
	if !strings.ContainsRune(l, imageToken) {
		return -1
	}
	var rest []rune
	for _, r := range ansi.Strip(l) {
		if r != ' ' && !isMarkRune(r) {
			rest = append(rest, r)
		}
	}
	if len(rest) != 2 || rest[0] != imageToken || rest[1] < imageDigit0 || rest[1] >= imageDigit0+maxImages {
		return -1
	}
	return int(rest[1] - imageDigit0)
}

// expandBoxes replaces each token line of Glamour's output by its box's
// lines: empty lines, the first keeping the token line's marks.
func (d *Doc) expandBoxes(raw []string, width int) ([]string, []Box) {
	if len(d.images) == 0 {
		return raw, nil
	}
	rows := BoxRows(width)
	if d.imagesOff {
		rows = 1
	}
	var out []string
	var boxes []Box
	for i, l := range raw {
		k := imageLine(l)
		if k < 0 || k >= len(d.images) {
			if out != nil {
				out = append(out, l)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(raw)+rows*len(d.images)), raw[:i]...)
		}
		boxes = append(boxes, Box{Image: k, Line: len(out), Rows: rows, Cols: width})
		out = append(out, marksOnly(l))
		for range rows - 1 {
			out = append(out, "")
		}
	}
	if out == nil {
		return raw, nil
	}
	return out, boxes
}

// marksOnly is the marks of a line, without its text.
func marksOnly(l string) string {
	var b strings.Builder
	for i := 0; i < len(l); {
		r, n := utf8.DecodeRuneInString(l[i:])
		if isMarkRune(r) {
			b.WriteString(l[i : i+n])
		}
		i += n
	}
	return b.String()
}
