package main

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/gomonobolditalic"
	"golang.org/x/image/font/gofont/gomonoitalic"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// rasterizer draws a grid of cells as an image, with the Go Mono fonts.
// Box-drawing, block and braille characters are drawn as shapes that fill
// their cells exactly, so borders join up and a QR code stays scannable.
type rasterizer struct {
	fonts        [4]*sfnt.Font // regular, bold, italic, bold italic
	faces        [4]font.Face
	cellW, cellH int
	ascent       int
	pad          int          // margin around the screen, in pixels
	missing      map[rune]int // characters no font has, with their count
}

// newRasterizer loads the fonts at size pixels per em.
func newRasterizer(size float64) (*rasterizer, error) {
	r := &rasterizer{missing: map[rune]int{}}
	for i, ttf := range [][]byte{gomono.TTF, gomonobold.TTF, gomonoitalic.TTF, gomonobolditalic.TTF} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			return nil, fmt.Errorf("parse Go Mono: %w", err)
		}
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
		if err != nil {
			return nil, fmt.Errorf("load Go Mono: %w", err)
		}
		r.fonts[i], r.faces[i] = f, face
	}
	adv, _ := r.faces[0].GlyphAdvance('M')
	m := r.faces[0].Metrics()
	r.cellW = adv.Round()
	r.ascent = m.Ascent.Ceil()
	r.cellH = int(float64(r.ascent+m.Descent.Ceil()) * 1.08)
	r.pad = r.cellW * 2
	return r, nil
}

// size is the image size for a cols×rows screen.
func (r *rasterizer) size(cols, rows int) image.Point {
	return image.Pt(cols*r.cellW+2*r.pad, rows*r.cellH+2*r.pad)
}

// draw paints the grid on an image of r.size, the margin in background.
func (r *rasterizer) draw(g grid, background color.RGBA) *image.RGBA {
	img := image.NewRGBA(image.Rectangle{Max: r.size(g.cols, g.rows)})
	draw.Draw(img, img.Bounds(), image.NewUniform(background), image.Point{}, draw.Src)
	for y := 0; y < g.rows; y++ {
		for x := 0; x < g.cols; x++ {
			c := g.at(x, y)
			w := max(c.width, 1)
			box := image.Rect(r.pad+x*r.cellW, r.pad+y*r.cellH, r.pad+(x+w)*r.cellW, r.pad+(y+1)*r.cellH)
			if c.text == "" { // the right half of a wide character: drawn with it
				continue
			}
			draw.Draw(img, box, image.NewUniform(c.bg), image.Point{}, draw.Src)
			r.drawCell(img, box, c)
		}
	}
	return img
}

// drawCell draws one cell's character and lines over its background.
func (r *rasterizer) drawCell(img *image.RGBA, box image.Rectangle, c cell) {
	fg := image.NewUniform(c.fg)
	runes := []rune(c.text)
	if len(runes) > 0 && runes[0] != ' ' && !drawShape(img, box, runes[0], c) &&
		!drawPolygon(img, box, runes[0], c.fg, r.ascent*7/10) {
		r.drawGlyphs(img, box, c, fg)
	}
	if c.underline {
		y := box.Min.Y + r.ascent + max(r.cellH/12, 1)
		draw.Draw(img, image.Rect(box.Min.X, y, box.Max.X, y+max(r.cellH/20, 1)), fg, image.Point{}, draw.Over)
	}
	if c.strike {
		y := box.Min.Y + r.ascent*2/3
		draw.Draw(img, image.Rect(box.Min.X, y, box.Max.X, y+max(r.cellH/20, 1)), fg, image.Point{}, draw.Over)
	}
}

// drawGlyphs draws a cell's text with the font of its weight and slant,
// or a hollow box for a character no font has.
func (r *rasterizer) drawGlyphs(img *image.RGBA, box image.Rectangle, c cell, fg image.Image) {
	i := 0
	if c.bold {
		i++
	}
	if c.italic {
		i += 2
	}
	var buf sfnt.Buffer
	for _, ch := range c.text {
		if idx, err := r.fonts[i].GlyphIndex(&buf, ch); err != nil || idx == 0 {
			if ch >= 0x300 && ch < 0x370 || ch == 0x200d || ch >= 0xfe00 && ch <= 0xfe0f {
				continue // combining marks and joiners the font lacks: leave them out
			}
			r.missing[ch]++
			tofu(img, box, c.fg)
			return
		}
	}
	d := font.Drawer{Dst: img, Src: fg, Face: r.faces[i],
		Dot: fixed.P(box.Min.X+(box.Dx()-r.cellW*max(c.width, 1))/2, box.Min.Y+r.ascent)}
	d.DrawString(c.text)
}

// tofu is the hollow box drawn for a character no font has.
func tofu(img *image.RGBA, box image.Rectangle, fg color.RGBA) {
	in := box.Inset(max(box.Dx()/5, 1))
	u := image.NewUniform(fg)
	for _, e := range []image.Rectangle{
		image.Rect(in.Min.X, in.Min.Y, in.Max.X, in.Min.Y+1), image.Rect(in.Min.X, in.Max.Y-1, in.Max.X, in.Max.Y),
		image.Rect(in.Min.X, in.Min.Y, in.Min.X+1, in.Max.Y), image.Rect(in.Max.X-1, in.Min.Y, in.Max.X, in.Max.Y),
	} {
		draw.Draw(img, e, u, image.Point{}, draw.Src)
	}
}

// writePNG saves an image.
func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("encode %s: %w", path, err)
	}
	return f.Close()
}
