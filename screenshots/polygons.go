package main

import (
	"image"
	"image/color"
	"math"
)

// polygons are characters drawn as filled shapes, for the symbols the app
// uses that Go Mono lacks: points on a square from -1 to 1, y downwards,
// and the share of half the cell's width that the square spans.
var polygons = map[rune]struct {
	scale  float64
	points [][2]float64
}{
	'▲': {0.8, triangle(0)}, '▴': {0.6, triangle(0)},
	'▶': {0.8, triangle(1)}, '▸': {0.6, triangle(1)}, '►': {0.8, triangle(1)},
	'▼': {0.8, triangle(2)}, '▾': {0.6, triangle(2)},
	'◀': {0.8, triangle(3)}, '◂': {0.6, triangle(3)}, '◄': {0.8, triangle(3)},
	'◆': {0.8, [][2]float64{{0, -1}, {1, 0}, {0, 1}, {-1, 0}}},
	'★': {1.05, star()},
}

// triangle points up, right, down or left (quarter turns from up).
func triangle(turns int) [][2]float64 {
	pts := [][2]float64{{0, -0.9}, {0.95, 0.75}, {-0.95, 0.75}}
	for range turns {
		for i, p := range pts {
			pts[i] = [2]float64{-p[1], p[0]}
		}
	}
	return pts
}

// star is a five-pointed star.
func star() [][2]float64 {
	var pts [][2]float64
	for i := range 10 {
		r := 1.0
		if i%2 == 1 {
			r = 0.42
		}
		a := -math.Pi/2 + float64(i)*math.Pi/5
		pts = append(pts, [2]float64{r * math.Cos(a), r*math.Sin(a) + 0.08})
	}
	return pts
}

// drawPolygon fills the polygon for r, centred on the cell's text, with
// 4×4 samples a pixel for smooth edges; it reports whether r has one.
func drawPolygon(img *image.RGBA, box image.Rectangle, r rune, fg color.RGBA, midY int) bool {
	p, ok := polygons[r]
	if !ok {
		return false
	}
	half := float64(box.Dx()) / 2 * p.scale
	cx, cy := float64(box.Dx())/2, float64(midY)
	pts := make([][2]float64, len(p.points))
	for i, q := range p.points {
		pts[i] = [2]float64{cx + q[0]*half, cy + q[1]*half}
	}
	const n = 4
	for py := 0; py < box.Dy(); py++ {
		for px := 0; px < box.Dx(); px++ {
			hits := 0
			for sy := range n {
				for sx := range n {
					if inside(pts, float64(px)+(float64(sx)+0.5)/n, float64(py)+(float64(sy)+0.5)/n) {
						hits++
					}
				}
			}
			if hits > 0 {
				at := image.Pt(box.Min.X+px, box.Min.Y+py)
				img.SetRGBA(at.X, at.Y, blend(fg, img.RGBAAt(at.X, at.Y), float64(hits)/(n*n)))
			}
		}
	}
	return true
}

// inside tells whether (x, y) is inside the polygon, by the even-odd rule.
func inside(pts [][2]float64, x, y float64) bool {
	in := false
	for i, j := 0, len(pts)-1; i < len(pts); j, i = i, i+1 {
		a, b := pts[i], pts[j]
		if (a[1] > y) != (b[1] > y) && x < (b[0]-a[0])*(y-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}
