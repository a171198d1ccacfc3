package picture

import (
	"image"
	"image/color"
)

// Fit is the size w×h takes inside maxW×maxH, its aspect kept, never
// enlarged, at least 1×1.
func Fit(w, h, maxW, maxH int) (int, int) {
	if w <= 0 || h <= 0 || maxW <= 0 || maxH <= 0 {
		return 1, 1
	}
	fw, fh := w, h
	if fw > maxW {
		fw, fh = maxW, int(int64(h)*int64(maxW)/int64(w))
	}
	if fh > maxH {
		fw, fh = int(int64(w)*int64(maxH)/int64(h)), maxH
	}
	return max(1, fw), max(1, fh)
}

// span is the source pixels one destination pixel covers, with how much
// of each: from first, weights[k] of pixel first+k.
type span struct {
	first   int
	weights []float32
}

// spans cuts n source pixels into m destination pixels, each covering an
// equal share (area averaging); the weights of each sum to 1.
func spans(n, m int) []span {
	out := make([]span, m)
	step := float64(n) / float64(m)
	for j := range out {
		lo, hi := float64(j)*step, float64(j+1)*step
		first := int(lo)
		last := min(n-1, int(hi-1e-9))
		ws := make([]float32, 0, last-first+1)
		for x := first; x <= last; x++ {
			w := min(hi, float64(x+1)) - max(lo, float64(x))
			ws = append(ws, float32(w/step))
		}
		out[j] = span{first: first, weights: ws}
	}
	return out
}

// Scale is img resampled to w×h by area averaging: each new pixel is the
// mean of the pixels it covers, in premultiplied colour, so that
// transparent pixels do not darken their neighbours. The source is read
// one row at a time, never copied whole.
func Scale(img image.Image, w, h int) *image.RGBA {
	b := img.Bounds()
	sw, sh := b.Dx(), b.Dy()
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	if sw <= 0 || sh <= 0 || w <= 0 || h <= 0 {
		return dst
	}
	xs, ys := spans(sw, w), spans(sh, h)
	src := make([]float32, 4*sw) // one source row, premultiplied
	rowCache := make([]float32, 4*w)
	cached := -1
	acc := make([]float32, 4*w)
	for j, ysp := range ys {
		clear(acc)
		for k, wy := range ysp.weights {
			y := ysp.first + k
			if y != cached {
				readRow(img, b.Min.X, b.Min.Y+y, src)
				shrinkRow(src, xs, rowCache)
				cached = y
			}
			for i, v := range rowCache {
				acc[i] += wy * v
			}
		}
		row := dst.Pix[j*dst.Stride : j*dst.Stride+4*w]
		for i, v := range acc {
			row[i] = uint8(min(255, max(0, v/257+0.5)))
		}
	}
	return dst
}

// shrinkRow averages a source row into the destination's columns.
func shrinkRow(src []float32, xs []span, out []float32) {
	for j, sp := range xs {
		var r, g, b, a float32
		for k, w := range sp.weights {
			p := src[4*(sp.first+k):]
			r += w * p[0]
			g += w * p[1]
			b += w * p[2]
			a += w * p[3]
		}
		out[4*j], out[4*j+1], out[4*j+2], out[4*j+3] = r, g, b, a
	}
}

// readRow reads row y of img from x0 into row as premultiplied 16-bit
// values, with fast paths for the types the decoders make.
func readRow(img image.Image, x0, y int, row []float32) {
	n := len(row) / 4
	switch m := img.(type) {
	case *image.RGBA:
		p := m.Pix[m.PixOffset(x0, y):]
		for x := range n {
			for c := range 4 {
				row[4*x+c] = float32(p[4*x+c]) * 257
			}
		}
		return
	case *image.NRGBA:
		p := m.Pix[m.PixOffset(x0, y):]
		for x := range n {
			a := float32(p[4*x+3]) / 255
			row[4*x] = float32(p[4*x]) * 257 * a
			row[4*x+1] = float32(p[4*x+1]) * 257 * a
			row[4*x+2] = float32(p[4*x+2]) * 257 * a
			row[4*x+3] = float32(p[4*x+3]) * 257
		}
		return
	case *image.YCbCr:
		for x := range n {
			c := m.YCbCrAt(x0+x, y)
			r, g, b := color.YCbCrToRGB(c.Y, c.Cb, c.Cr)
			row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = float32(r)*257, float32(g)*257, float32(b)*257, 65535
		}
		return
	}
	for x := range n {
		r, g, b, a := img.At(x0+x, y).RGBA()
		row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = float32(r), float32(g), float32(b), float32(a)
	}
}
